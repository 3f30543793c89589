//! An imported activity as a whole new generic plan: fresh ids, the plan's results under the
//! plan itself, one period per imported date range, and one value per target or actual that
//! has a value. Not carried (the import value keeps them): values without a value, evidence
//! beyond the first link, indicator descriptions and references, result evidence, roles and
//! budgets.

use super::import::{DateRange, ImportPlan};
use handover_core::calendar::{MonthStart, format_date};
use handover_core::ids::{IndicatorId, PeriodId, PlanId, ResultId, ValueId};
use handover_core::indicator::{Cumulation, Frequency, Indicator, PeriodValue};
use handover_core::money::Currency;
use handover_core::org::Organisation;
use handover_core::plan::{Need, Period, Plan, PlanKind, PlanTree, ResultNode, ResultParent};
use handover_core::text::Text;
use std::collections::BTreeMap;

/// What the import decides around the activity.
#[derive(Clone, Copy, Debug)]
pub struct TreeOptions<'a> {
    /// The `--as` organisation: the plan's owner.
    pub owner: &'a Organisation,
    /// The participating organisations matched in the directory.
    pub partners: &'a [Organisation],
    /// The start when the activity has no date at all.
    pub fallback_start: MonthStart,
    /// The currency when the activity names none.
    pub fallback_currency: &'a Currency,
}

impl ImportPlan {
    /// The plan as a new [`PlanTree`] with fresh ids.
    pub fn to_tree(&self, o: &TreeOptions<'_>) -> PlanTree {
        let plan_id = PlanId::new();
        let plan = Plan {
            id: plan_id,
            code: self.code.clone(),
            name: self.name.clone(),
            kind: PlanKind::Generic,
            owner: o.owner.id,
            partners: o.partners.iter().map(|p| p.id).collect(),
            start: self.start.unwrap_or(o.fallback_start),
            quarters: self.quarters,
            currency: self
                .currency
                .clone()
                .unwrap_or_else(|| o.fallback_currency.clone()),
            languages: self.languages.clone(),
            status: self.status,
            template_code: None,
            report_due_days: 30,
            version: 1,
        };
        let periods: Vec<Period> = self
            .periods
            .iter()
            .enumerate()
            .map(|(i, p)| Period {
                id: PeriodId::new(),
                plan_id,
                seq: u16::try_from(i + 1).unwrap_or(u16::MAX),
                label: format!("{} – {}", format_date(p.start), format_date(p.end)),
                start: p.start,
                end: p.end,
            })
            .collect();
        let period_of: BTreeMap<DateRange, PeriodId> = self
            .periods
            .iter()
            .zip(&periods)
            .map(|(r, p)| (*r, p.id))
            .collect();
        let mut tree = PlanTree {
            parties: std::iter::once(o.owner.clone())
                .chain(o.partners.iter().cloned())
                .collect(),
            periods,
            needs: if self.description.is_empty() || self.description == self.name {
                vec![]
            } else {
                vec![Need {
                    key: "description".into(),
                    text: self.description.clone(),
                }]
            },
            plan,
            milestones: vec![],
            activities: vec![],
            results: vec![],
            indicators: vec![],
            values: vec![],
            risks: vec![],
        };
        for (ri, r) in self.results.iter().enumerate() {
            let result_id = ResultId::new();
            tree.results.push(ResultNode {
                id: result_id,
                plan_id,
                parent: ResultParent::Plan,
                level: r.level,
                position: ri as i64,
                title: r.title.clone(),
                description: r.description.clone(),
                assumptions: Text::default(),
                responsible: vec![],
                version: 1,
            });
            for (ii, i) in r.indicators.iter().enumerate() {
                let indicator_id = IndicatorId::new();
                let spans: Vec<DateRange> = i.values.iter().map(|v| v.period).collect();
                tree.indicators.push(Indicator {
                    id: indicator_id,
                    plan_id,
                    result_id,
                    position: ii as i64,
                    code: i.code.clone(),
                    statement: i.title.clone(),
                    measure: i.measure,
                    unit: None,
                    direction: Some(i.direction),
                    cumulation: Cumulation::NonCumulative,
                    baselines: i.baselines.clone(),
                    data_source: Text::default(),
                    collection_method: Text::default(),
                    frequency: frequency(&spans),
                    responsible: vec![],
                    proposed_by: None,
                    validated_by: None,
                    version: 1,
                });
                for v in &i.values {
                    let (Some(value), Some(period_id)) = (&v.value, period_of.get(&v.period))
                    else {
                        continue;
                    };
                    tree.values.push(PeriodValue {
                        id: ValueId::new(),
                        plan_id,
                        indicator_id,
                        period_id: *period_id,
                        kind: v.kind,
                        value: value.clone(),
                        dimensions: v.dimensions.clone(),
                        comment: v.comment.clone(),
                        evidence: v.evidence.first().cloned(),
                        reported_by: None,
                        reported_at: None,
                        version: 1,
                    });
                }
            }
        }
        tree
    }
}

/// How often an indicator is collected, from the typical length of its periods.
fn frequency(spans: &[DateRange]) -> Frequency {
    let mut days: Vec<i64> = spans
        .iter()
        .map(|s| (s.end - s.start).whole_days() + 1)
        .collect();
    days.sort_unstable();
    match days.get(days.len() / 2) {
        None => Frequency::Quarterly,
        Some(d) if *d <= 45 => Frequency::Monthly,
        Some(d) if *d <= 100 => Frequency::Quarterly,
        Some(d) if *d <= 200 => Frequency::SemiAnnual,
        Some(d) if *d <= 380 => Frequency::Annual,
        Some(_) => Frequency::Once,
    }
}

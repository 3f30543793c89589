//! Building a demo plan in memory: copy a template with `instantiate`, then set what a plan
//! that has lived a while holds — its status, activities' progress and actual quarters, who
//! leads as responsibility moves, indicator baselines, targets and actuals (some disaggregated
//! by sex), and risk reviews — before it is stored in one write. Every value goes through the
//! domain's parsers, so demo data obeys the same rules as typed data.

use anyhow::{Context as _, anyhow};
use handover_core::calendar::{MonthStart, parse_date};
use handover_core::ids::{Code, IndicatorId, OrgId, ValueId};
use handover_core::indicator::{
    Baseline, Cumulation, Dimensions, Direction, Frequency, Indicator, Measure, PeriodValue, Value,
    ValueKind,
};
use handover_core::money::Currency;
use handover_core::org::Organisation;
use handover_core::plan::{Activity, PlanStatus, PlanTree, ProgressStatus};
use handover_core::risk::RiskStatus;
use handover_core::template::{NewPlan, Template, instantiate};
use handover_core::text::{Lang, Text};
use time::{Date, Duration};

/// Who reports the demo's actuals.
const REPORTER: &str = "demo:fictional-rto-officer";

/// A plan being filled in before it is stored.
#[derive(Debug)]
pub struct DemoPlan {
    pub tree: PlanTree,
}

/// What identifies a plan to make.
#[derive(Debug)]
pub struct Header<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub owner: &'a Organisation,
    pub partners: Vec<Organisation>,
    pub start: Date,
    pub currency: &'a str,
    pub languages: &'a [Lang],
}

impl DemoPlan {
    pub fn new(template: &Template, h: Header<'_>) -> anyhow::Result<Self> {
        let tree = instantiate(
            template,
            NewPlan {
                code: Code::parse(h.code).map_err(|e| anyhow!(e))?,
                name: Text::en(h.name),
                owner: h.owner.clone(),
                partners: h.partners,
                start: MonthStart::new(h.start).map_err(|e| anyhow!(e))?,
                currency: Currency::parse(h.currency).map_err(|e| anyhow!(e))?,
                languages: h.languages.to_vec(),
            },
        )
        .with_context(|| format!("building the demo plan {}", h.code))?;
        Ok(Self { tree })
    }

    pub fn status(&mut self, s: PlanStatus) {
        self.tree.plan.status = s;
    }

    fn activity_mut(&mut self, number: &str) -> anyhow::Result<&mut Activity> {
        self.tree
            .activities
            .iter_mut()
            .find(|a| a.display_number() == number)
            .ok_or_else(|| anyhow!("the demo names activity {number}, which the plan lacks"))
    }

    /// A finished activity, with the quarters it really ran.
    pub fn done(&mut self, number: &str, start: u16, end: u16) -> anyhow::Result<()> {
        let a = self.activity_mut(number)?;
        a.status = ProgressStatus::Completed;
        a.actual_start = Some(start);
        a.actual_end = Some(end);
        Ok(())
    }

    /// An activity under way since `start` (started or advanced).
    pub fn under_way(
        &mut self,
        number: &str,
        status: ProgressStatus,
        start: u16,
    ) -> anyhow::Result<()> {
        let a = self.activity_mut(number)?;
        a.status = status;
        a.actual_start = Some(start);
        Ok(())
    }

    /// From `quarter` on, `parties` lead the activity (responsibility moving to the local
    /// authority as the handover nears).
    pub fn lead_from(
        &mut self,
        number: &str,
        quarter: u16,
        parties: &[OrgId],
    ) -> anyhow::Result<()> {
        let a = self.activity_mut(number)?;
        for l in a.leads.iter_mut().filter(|l| l.quarter >= quarter) {
            l.parties = parties.to_vec();
        }
        Ok(())
    }

    fn indicator(&self, code: &str) -> anyhow::Result<&Indicator> {
        self.tree
            .indicators
            .iter()
            .find(|i| i.code == code)
            .ok_or_else(|| anyhow!("the demo names indicator {code}, which the plan lacks"))
    }

    fn value(measure: Measure, raw: &str) -> anyhow::Result<Value> {
        Value::parse(measure, raw).map_err(|e| anyhow!("demo value `{raw}`: {e}"))
    }

    /// Adds a baseline to an indicator.
    pub fn baseline(
        &mut self,
        code: &str,
        raw: &str,
        date: &str,
        dims: &[(&str, &str)],
    ) -> anyhow::Result<()> {
        let measure = self.indicator(code)?.measure;
        let baseline = Baseline {
            value: Some(Self::value(measure, raw)?),
            date: Some(parse_date(date).map_err(|e| anyhow!(e))?),
            dimensions: dimensions(dims),
            comment: Text::en("Fictional demo baseline."),
        };
        let id = self.indicator(code)?.id;
        if let Some(i) = self.tree.indicators.iter_mut().find(|i| i.id == id) {
            i.baselines.push(baseline);
        }
        Ok(())
    }

    /// A target for a quarter.
    pub fn target(
        &mut self,
        code: &str,
        quarter: u16,
        raw: &str,
        dims: &[(&str, &str)],
    ) -> anyhow::Result<()> {
        self.push_value(code, quarter, ValueKind::Target, raw, dims, "")
    }

    /// An actual for a quarter, reported three weeks after the quarter ended.
    pub fn actual(
        &mut self,
        code: &str,
        quarter: u16,
        raw: &str,
        dims: &[(&str, &str)],
        comment: &str,
    ) -> anyhow::Result<()> {
        self.push_value(code, quarter, ValueKind::Actual, raw, dims, comment)
    }

    fn push_value(
        &mut self,
        code: &str,
        quarter: u16,
        kind: ValueKind,
        raw: &str,
        dims: &[(&str, &str)],
        comment: &str,
    ) -> anyhow::Result<()> {
        let indicator = self.indicator(code)?;
        let (indicator_id, measure) = (indicator.id, indicator.measure);
        let period = self
            .tree
            .periods
            .iter()
            .find(|p| p.seq == quarter)
            .ok_or_else(|| anyhow!("the demo names Q{quarter}, which the plan lacks"))?;
        let actual = kind == ValueKind::Actual;
        let reported_at = (period.end + Duration::days(21)).midnight().assume_utc();
        self.tree.values.push(PeriodValue {
            id: ValueId::new(),
            plan_id: self.tree.plan.id,
            indicator_id,
            period_id: period.id,
            kind,
            value: Self::value(measure, raw)?,
            dimensions: dimensions(dims),
            comment: Text::en(comment),
            evidence: actual.then(|| {
                format!(
                    "https://example.org/fictional-demo/{}/q{quarter}.pdf",
                    self.tree.plan.code
                )
            }),
            reported_by: actual.then(|| REPORTER.to_owned()),
            reported_at: actual.then_some(reported_at),
            version: 1,
        });
        Ok(())
    }

    /// Adds an indicator beside an existing one (on the same result node).
    pub fn add_indicator(
        &mut self,
        beside: &str,
        code: &str,
        statement: &str,
        unit: &str,
    ) -> anyhow::Result<()> {
        let sibling = self.indicator(beside)?.clone();
        let position = self
            .tree
            .indicators
            .iter()
            .map(|i| i.position)
            .max()
            .unwrap_or(0)
            + 1;
        self.tree.indicators.push(Indicator {
            id: IndicatorId::new(),
            position,
            code: code.to_owned(),
            statement: Text::en(statement),
            measure: Measure::Unit,
            unit: Some(unit.to_owned()),
            direction: Some(Direction::Up),
            cumulation: Cumulation::NonCumulative,
            baselines: vec![],
            data_source: Text::en("Municipal financial records (fictional demo data)"),
            collection_method: Text::en("Sum of own-source receipts entered in the quarter"),
            frequency: Frequency::Quarterly,
            proposed_by: Some("Fictional head of finance (demo)".into()),
            validated_by: Some("Fictional RTO steering committee (demo)".into()),
            ..sibling
        });
        Ok(())
    }

    /// Reviews the plan-level risk at `index`.
    pub fn plan_risk(
        &mut self,
        index: usize,
        review: &str,
        status: RiskStatus,
    ) -> anyhow::Result<()> {
        let date = parse_date(review).map_err(|e| anyhow!(e))?;
        let risk = self
            .tree
            .risks
            .iter_mut()
            .filter(|r| r.activity_id.is_none())
            .nth(index)
            .ok_or_else(|| anyhow!("the demo names plan risk {index}, which the plan lacks"))?;
        risk.review_date = Some(date);
        risk.status = status;
        Ok(())
    }

    /// Reviews every risk of an activity.
    pub fn activity_risks(
        &mut self,
        number: &str,
        review: &str,
        status: RiskStatus,
    ) -> anyhow::Result<()> {
        let date = parse_date(review).map_err(|e| anyhow!(e))?;
        let id = self.activity_mut(number)?.id;
        for r in self
            .tree
            .risks
            .iter_mut()
            .filter(|r| r.activity_id == Some(id))
        {
            r.review_date = Some(date);
            r.status = status;
        }
        Ok(())
    }
}

fn dimensions(pairs: &[(&str, &str)]) -> Dimensions {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

//! The RBM quality checks shown on a plan (SPEC §2, after `003_…`): results without
//! indicators, a plan that only counts outputs (the "counter of numbers"), indicators without a
//! baseline, a target, a data source or a responsible party, activities without a lead, and
//! actuals overdue for a period. Pure: the caller gives the plan and its overdue reports.

use crate::ids::{ActivityId, IndicatorId, OrgId, PeriodId, ResultId};
use crate::indicator::{Indicator, Measure, ValueKind};
use crate::plan::{PlanTree, ResultLevel};

/// One kind of weakness in a results framework.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Check {
    /// An outcome with no indicator: nobody will know whether it happened.
    OutcomeWithoutIndicator,
    /// An output with no indicator.
    OutputWithoutIndicator,
    /// Every indicator of the plan is a count of outputs: the plan measures activity, not change.
    CounterOfNumbers,
    /// An indicator with no baseline value.
    NoBaseline,
    /// An indicator with no target for any period.
    NoTarget,
    /// An indicator that does not say where its data comes from.
    NoDataSource,
    /// An indicator nobody is responsible for reporting.
    NoResponsible,
    /// An activity with a quarter of its planned timeline that nobody leads.
    ActivityWithoutLead,
    /// A party's actuals for a period are past their due date.
    ActualsOverdue,
}

impl Check {
    /// Every check, in the order a page lists them.
    pub const ALL: [Check; 9] = [
        Check::OutcomeWithoutIndicator,
        Check::OutputWithoutIndicator,
        Check::CounterOfNumbers,
        Check::NoBaseline,
        Check::NoTarget,
        Check::NoDataSource,
        Check::NoResponsible,
        Check::ActivityWithoutLead,
        Check::ActualsOverdue,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Check::OutcomeWithoutIndicator => "outcome_without_indicator",
            Check::OutputWithoutIndicator => "output_without_indicator",
            Check::CounterOfNumbers => "counter_of_numbers",
            Check::NoBaseline => "no_baseline",
            Check::NoTarget => "no_target",
            Check::NoDataSource => "no_data_source",
            Check::NoResponsible => "no_responsible",
            Check::ActivityWithoutLead => "activity_without_lead",
            Check::ActualsOverdue => "actuals_overdue",
        }
    }
}

/// What a finding is about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Subject {
    /// The plan as a whole.
    Plan,
    Result(ResultId),
    Indicator(IndicatorId),
    Activity(ActivityId),
    /// One party's report for one period.
    Report {
        period: PeriodId,
        organisation: OrgId,
    },
}

/// One weakness found.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Finding {
    pub check: Check,
    pub subject: Subject,
}

/// A test of one indicator: whether it fails a check.
type IndicatorTest<'a> = dyn Fn(&Indicator) -> bool + 'a;

/// Whether an indicator has no baseline value.
fn no_baseline(i: &Indicator) -> bool {
    i.baselines.iter().all(|b| b.value.is_none())
}

/// The findings of every check on `tree`, in the order of [`Check::ALL`] and, within a check,
/// in the plan's order. `overdue` lists the reports past their due date (period, party), as
/// the reporting cycle computes them.
pub fn check(tree: &PlanTree, overdue: &[(PeriodId, OrgId)]) -> Vec<Finding> {
    let mut out = vec![];
    let has_indicator = |r: ResultId| tree.indicators.iter().any(|i| i.result_id == r);
    for (level, check) in [
        (ResultLevel::Outcome, Check::OutcomeWithoutIndicator),
        (ResultLevel::Output, Check::OutputWithoutIndicator),
    ] {
        out.extend(
            tree.results
                .iter()
                .filter(|r| r.level == level && !has_indicator(r.id))
                .map(|r| Finding {
                    check,
                    subject: Subject::Result(r.id),
                }),
        );
    }
    let level_of = |r: ResultId| tree.results.iter().find(|n| n.id == r).map(|n| n.level);
    let counts_only = !tree.indicators.is_empty()
        && tree.indicators.iter().all(|i| {
            i.measure == Measure::Unit && level_of(i.result_id) == Some(ResultLevel::Output)
        });
    if counts_only {
        out.push(Finding {
            check: Check::CounterOfNumbers,
            subject: Subject::Plan,
        });
    }
    let has_target = |i: &Indicator| {
        tree.values
            .iter()
            .any(|v| v.indicator_id == i.id && v.kind == ValueKind::Target)
    };
    let per_indicator: [(Check, &IndicatorTest); 4] = [
        (Check::NoBaseline, &no_baseline),
        (Check::NoTarget, &|i| !has_target(i)),
        (Check::NoDataSource, &|i| i.data_source.is_empty()),
        (Check::NoResponsible, &|i| i.responsible.is_empty()),
    ];
    for (check, fails) in per_indicator {
        out.extend(
            tree.indicators
                .iter()
                .filter(|i| fails(i))
                .map(|i| Finding {
                    check,
                    subject: Subject::Indicator(i.id),
                }),
        );
    }
    out.extend(
        tree.activities
            .iter()
            .filter(|a| {
                (a.planned.start..=a.planned.end).any(|q| {
                    !a.leads
                        .iter()
                        .any(|l| l.quarter == q && !l.parties.is_empty())
                })
            })
            .map(|a| Finding {
                check: Check::ActivityWithoutLead,
                subject: Subject::Activity(a.id),
            }),
    );
    out.extend(overdue.iter().map(|(period, organisation)| Finding {
        check: Check::ActualsOverdue,
        subject: Subject::Report {
            period: *period,
            organisation: *organisation,
        },
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{MonthStart, QuarterRange};
    use crate::ids::{Code, MilestoneId, PlanId, ValueId};
    use crate::indicator::{Baseline, Cumulation, Frequency, PeriodValue, Value};
    use crate::money::Currency;
    use crate::plan::{
        Activity, Lead, Milestone, Plan, PlanKind, PlanStatus, ProgressStatus, ResultNode,
        ResultParent,
    };
    use crate::text::Text;
    use rust_decimal::Decimal;

    /// A plan of one activity with an output measured by one count (with its baseline, target,
    /// source and responsible party) and an outcome without indicator; `la` leads.
    fn plan(la: OrgId) -> PlanTree {
        let plan_id = PlanId::new();
        let plan = Plan {
            id: plan_id,
            code: Code::parse("q-plan").unwrap(),
            name: Text::en("Quality"),
            kind: PlanKind::Generic,
            owner: la,
            partners: vec![],
            start: MonthStart::parse("2027-01-01").unwrap(),
            quarters: 12,
            currency: Currency::parse("USD").unwrap(),
            languages: vec![],
            status: PlanStatus::Draft,
            template_code: None,
            report_due_days: 30,
            version: 1,
        };
        let milestone = Milestone {
            id: MilestoneId::new(),
            plan_id,
            number: 1,
            key: None,
            title: Text::en("M1"),
            objective: Text::default(),
            version: 1,
        };
        let activity = Activity {
            id: ActivityId::new(),
            plan_id,
            milestone_id: milestone.id,
            key: None,
            number: 1,
            instance: None,
            title: Text::en("A1"),
            rationale: Text::default(),
            needs: vec![],
            financial_description: Text::default(),
            repeatable: false,
            planned: QuarterRange::new(1, 2, 12).unwrap(),
            actual_start: None,
            actual_end: None,
            status: ProgressStatus::NotStarted,
            leads: (1..=2)
                .map(|quarter| Lead {
                    quarter,
                    parties: vec![la],
                })
                .collect(),
            version: 1,
        };
        let node = |level, parent| ResultNode {
            id: ResultId::new(),
            plan_id,
            parent,
            level,
            position: 1,
            title: Text::en("R"),
            description: Text::default(),
            assumptions: Text::default(),
            responsible: vec![],
            version: 1,
        };
        let output = node(ResultLevel::Output, ResultParent::Activity(activity.id));
        let outcome = node(ResultLevel::Outcome, ResultParent::Result(output.id));
        let indicator = Indicator {
            id: IndicatorId::new(),
            plan_id,
            result_id: output.id,
            position: 1,
            code: "1.1.1".into(),
            statement: Text::en("Number of meetings"),
            measure: Measure::Unit,
            unit: Some("meetings".into()),
            direction: None,
            cumulation: Cumulation::Cumulative,
            baselines: vec![Baseline {
                value: Some(Value::Number(Decimal::ZERO)),
                date: None,
                dimensions: Default::default(),
                comment: Text::default(),
            }],
            data_source: Text::en("Minutes"),
            collection_method: Text::default(),
            frequency: Frequency::Quarterly,
            responsible: vec![la],
            proposed_by: None,
            validated_by: None,
            version: 1,
        };
        let target = PeriodValue {
            id: ValueId::new(),
            plan_id,
            indicator_id: indicator.id,
            period_id: PeriodId::new(),
            kind: ValueKind::Target,
            value: Value::Number(Decimal::TEN),
            dimensions: Default::default(),
            comment: Text::default(),
            evidence: None,
            reported_by: None,
            reported_at: None,
            version: 1,
        };
        PlanTree {
            plan,
            parties: vec![],
            periods: vec![],
            needs: vec![],
            milestones: vec![milestone],
            activities: vec![activity],
            results: vec![output, outcome],
            indicators: vec![indicator],
            values: vec![target],
            risks: vec![],
        }
    }

    fn checks(found: &[Finding]) -> Vec<Check> {
        found.iter().map(|f| f.check).collect()
    }

    #[test]
    fn a_counter_of_numbers_with_an_unmeasured_outcome() {
        let tree = plan(OrgId::new());
        let found = check(&tree, &[]);
        assert_eq!(
            checks(&found),
            vec![Check::OutcomeWithoutIndicator, Check::CounterOfNumbers]
        );
        assert_eq!(found[0].subject, Subject::Result(tree.results[1].id));
        assert_eq!(found[1].subject, Subject::Plan);
    }

    #[test]
    fn a_well_defined_plan_has_no_finding() {
        let mut tree = plan(OrgId::new());
        // The outcome gets a percentage indicator: the plan no longer only counts outputs.
        let mut on_outcome = tree.indicators[0].clone();
        on_outcome.id = IndicatorId::new();
        on_outcome.result_id = tree.results[1].id;
        on_outcome.measure = Measure::Percentage;
        let mut target = tree.values[0].clone();
        target.indicator_id = on_outcome.id;
        tree.indicators.push(on_outcome);
        tree.values.push(target);
        assert_eq!(check(&tree, &[]), vec![]);
    }

    #[test]
    fn incomplete_indicators_activities_and_late_reports_are_named() {
        let la = OrgId::new();
        let mut tree = plan(la);
        let i = &mut tree.indicators[0];
        i.baselines.clear();
        i.data_source = Text::default();
        i.responsible.clear();
        tree.values.clear();
        // Nobody leads the activity's second quarter.
        tree.activities[0].leads[1].parties.clear();
        let period = PeriodId::new();
        let found = check(&tree, &[(period, la)]);
        assert_eq!(
            checks(&found),
            vec![
                Check::OutcomeWithoutIndicator,
                Check::CounterOfNumbers,
                Check::NoBaseline,
                Check::NoTarget,
                Check::NoDataSource,
                Check::NoResponsible,
                Check::ActivityWithoutLead,
                Check::ActualsOverdue,
            ]
        );
        let id = tree.indicators[0].id;
        assert!(
            found[2..6]
                .iter()
                .all(|f| f.subject == Subject::Indicator(id))
        );
        assert_eq!(found[6].subject, Subject::Activity(tree.activities[0].id));
        assert_eq!(
            found[7].subject,
            Subject::Report {
                period,
                organisation: la
            }
        );
    }

    #[test]
    fn an_empty_baseline_is_no_baseline_and_an_output_needs_an_indicator() {
        let mut tree = plan(OrgId::new());
        tree.indicators[0].baselines[0].value = None;
        assert!(checks(&check(&tree, &[])).contains(&Check::NoBaseline));
        // Without indicators the output is named, and nothing counts numbers any more.
        tree.indicators.clear();
        assert_eq!(
            checks(&check(&tree, &[])),
            vec![
                Check::OutcomeWithoutIndicator,
                Check::OutputWithoutIndicator
            ]
        );
    }
}

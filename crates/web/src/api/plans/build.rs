//! Builds the API's plan shapes from the store's values: the tree is nested (milestones →
//! activities → results → indicators → values), party ids become codes, quarters get their
//! dates, and a risk sits under its result, else its activity, else the plan.

use super::{
    ActivityDoc, BaselineDoc, CalendarPeriod, IndicatorDoc, LeadDoc, MilestoneDoc, NeedDoc,
    OwnerName, PartnerName, Party, PlanDocument, PlanSummary, Progress, ResultDoc, RiskDoc,
    Timeline, ValueDoc,
};
use handover_core::calendar::{MonthStart, format_date, quarters};
use handover_core::ids::OrgId;
use handover_core::indicator::{Indicator, PeriodValue};
use handover_core::org::Organisation;
use handover_core::plan::{Activity, Milestone, PlanTree, ResultNode};
use handover_core::risk::Risk;
use handover_store::StoreError;
use handover_store::plans::PlanSummary as StoredSummary;
use time::format_description::well_known::Rfc3339;

/// A listed plan; its end date is worked out from its start and number of quarters.
pub(super) fn summary(s: StoredSummary) -> Result<PlanSummary, StoreError> {
    let start = MonthStart::parse(&s.start).map_err(StoreError::Corrupt)?;
    let count = u16::try_from(s.quarters).unwrap_or(0);
    let end = quarters(start, count)
        .last()
        .map(|q| format_date(q.end))
        .ok_or_else(|| StoreError::Corrupt(format!("a plan of {} quarters", s.quarters)))?;
    Ok(PlanSummary {
        url: format!("/api/v1/plans/{}", s.code),
        id: s.id,
        code: s.code,
        name: s.name,
        kind: s.kind,
        status: s.status,
        start: format_date(start.date()),
        end,
        quarters: s.quarters,
        currency: s.currency,
        owner: OwnerName {
            name: s.owner,
            region: s.region,
        },
        partners: s
            .partners
            .into_iter()
            .map(|name| PartnerName { name })
            .collect(),
        progress: Progress {
            activities: s.activities,
            completed: s.activities_completed,
        },
        version: s.version,
    })
}

/// The whole plan as one nested document.
pub(crate) fn document(tree: &PlanTree) -> PlanDocument {
    let b = Builder { tree };
    let p = &tree.plan;
    let calendar = calendar(tree);
    let end = quarters(p.start, p.quarters)
        .last()
        .map(|q| format_date(q.end));
    PlanDocument {
        id: p.id,
        code: p.code.to_string(),
        name: p.name.clone(),
        kind: p.kind.as_str(),
        status: p.status.as_str(),
        start: format_date(p.start.date()),
        end: end
            .or_else(|| calendar.last().map(|q| q.end.clone()))
            .unwrap_or_default(),
        quarters: p.quarters,
        currency: p.currency.to_string(),
        languages: p.languages.clone(),
        report_due_days: p.report_due_days,
        template: p.template_code.clone(),
        version: p.version,
        owner: b.party(p.owner),
        partners: p.partners.iter().map(|o| b.party(*o)).collect(),
        calendar,
        needs: tree
            .needs
            .iter()
            .map(|n| NeedDoc {
                key: n.key.clone(),
                text: n.text.clone(),
            })
            .collect(),
        milestones: tree.milestones.iter().map(|m| b.milestone(m)).collect(),
        results: tree.plan_results().map(|r| b.result(r)).collect(),
        risks: b.risks(|r| r.activity_id.is_none() && r.result_id.is_none()),
    }
}

/// The plan's periods, in order.
pub(crate) fn calendar(tree: &PlanTree) -> Vec<CalendarPeriod> {
    tree.periods
        .iter()
        .map(|q| CalendarPeriod {
            id: q.id,
            period: q.label.clone(),
            seq: q.seq,
            start: format_date(q.start),
            end: format_date(q.end),
        })
        .collect()
}

/// One milestone of the plan, with its activities.
pub(crate) fn milestone(tree: &PlanTree, m: &Milestone) -> MilestoneDoc {
    Builder { tree }.milestone(m)
}

/// One activity of the plan, with its results and risks.
pub(crate) fn activity(tree: &PlanTree, a: &Activity) -> ActivityDoc {
    Builder { tree }.activity(a)
}

/// One result node, with what hangs under it.
pub(crate) fn result(tree: &PlanTree, r: &ResultNode) -> ResultDoc {
    Builder { tree }.result(r)
}

/// One indicator, with its values.
pub(crate) fn indicator(tree: &PlanTree, i: &Indicator) -> IndicatorDoc {
    Builder { tree }.indicator(i)
}

/// One target or actual.
pub(crate) fn value(tree: &PlanTree, v: &PeriodValue) -> ValueDoc {
    Builder { tree }.value(v)
}

/// One risk.
pub(crate) fn risk(tree: &PlanTree, r: &Risk) -> RiskDoc {
    Builder { tree }.risk(r)
}

/// Lookups over one plan's tree.
struct Builder<'a> {
    tree: &'a PlanTree,
}

impl Builder<'_> {
    fn org(&self, id: OrgId) -> Option<&Organisation> {
        self.tree.parties.iter().find(|o| o.id == id)
    }

    fn party(&self, id: OrgId) -> Party {
        match self.org(id) {
            Some(o) => Party {
                id,
                code: o.code.to_string(),
                name: o.name.clone(),
                org_type: o.org_type.as_str(),
                region: o.region.clone(),
            },
            // A party's directory entry is always loaded with the plan; show the id if not.
            None => Party {
                id,
                code: id.to_string(),
                name: id.to_string(),
                org_type: "other",
                region: None,
            },
        }
    }

    /// Party codes (the id for an organisation that is not a party).
    fn codes(&self, ids: &[OrgId]) -> Vec<String> {
        ids.iter()
            .map(|id| {
                self.org(*id)
                    .map_or_else(|| id.to_string(), |o| o.code.to_string())
            })
            .collect()
    }

    fn timeline(&self, start: Option<u16>, end: Option<u16>) -> Timeline {
        let period = |q: Option<u16>| q.and_then(|q| self.tree.periods.iter().find(|p| p.seq == q));
        Timeline {
            start_quarter: start,
            end_quarter: end,
            start_date: period(start).map(|p| format_date(p.start)),
            end_date: period(end).map(|p| format_date(p.end)),
        }
    }

    fn milestone(&self, m: &Milestone) -> MilestoneDoc {
        MilestoneDoc {
            id: m.id,
            number: m.number,
            key: m.key.as_ref().map(|k| k.as_str().to_owned()),
            title: m.title.clone(),
            objective: m.objective.clone(),
            version: m.version,
            activities: self
                .tree
                .activities_of(m.id)
                .map(|a| self.activity(a))
                .collect(),
        }
    }

    fn activity(&self, a: &Activity) -> ActivityDoc {
        ActivityDoc {
            id: a.id,
            key: a.key.as_ref().map(|k| k.as_str().to_owned()),
            number: a.number,
            display_number: a.display_number(),
            instance: a.instance,
            repeatable: a.repeatable,
            title: a.title.clone(),
            rationale: a.rationale.clone(),
            needs: a.needs.clone(),
            financial_description: a.financial_description.clone(),
            leads: a
                .leads
                .iter()
                .map(|l| LeadDoc {
                    quarter: l.quarter,
                    parties: self.codes(&l.parties),
                })
                .collect(),
            planned: self.timeline(Some(a.planned.start), Some(a.planned.end)),
            actual: self.timeline(a.actual_start, a.actual_end),
            status: a.status.as_str(),
            slippage: a.slippage(),
            version: a.version,
            results: self
                .tree
                .results_of_activity(a.id)
                .map(|r| self.result(r))
                .collect(),
            risks: self.risks(|r| r.activity_id == Some(a.id) && r.result_id.is_none()),
        }
    }

    fn result(&self, r: &ResultNode) -> ResultDoc {
        ResultDoc {
            id: r.id,
            level: r.level.as_str(),
            title: r.title.clone(),
            description: r.description.clone(),
            assumptions: r.assumptions.clone(),
            responsible: self.codes(&r.responsible),
            version: r.version,
            indicators: self
                .tree
                .indicators_of(r.id)
                .map(|i| self.indicator(i))
                .collect(),
            risks: self.risks(|k| k.result_id == Some(r.id)),
            results: self
                .tree
                .results_under(r.id)
                .map(|c| self.result(c))
                .collect(),
        }
    }

    fn indicator(&self, i: &Indicator) -> IndicatorDoc {
        IndicatorDoc {
            id: i.id,
            code: i.code.clone(),
            statement: i.statement.clone(),
            measure: i.measure.as_str(),
            unit: i.unit.clone(),
            direction: i.direction,
            cumulation: i.cumulation,
            baselines: i
                .baselines
                .iter()
                .map(|b| BaselineDoc {
                    value: b.value.as_ref().map(|v| v.as_text()),
                    date: b.date.map(format_date),
                    dimensions: b.dimensions.clone(),
                    comment: b.comment.clone(),
                })
                .collect(),
            data_source: i.data_source.clone(),
            collection_method: i.collection_method.clone(),
            frequency: i.frequency,
            responsible: self.codes(&i.responsible),
            proposed_by: i.proposed_by.clone(),
            validated_by: i.validated_by.clone(),
            version: i.version,
            values: self
                .tree
                .values
                .iter()
                .filter(|v| v.indicator_id == i.id)
                .map(|v| self.value(v))
                .collect(),
        }
    }

    fn value(&self, v: &PeriodValue) -> ValueDoc {
        let period = self.tree.periods.iter().find(|p| p.id == v.period_id);
        ValueDoc {
            id: v.id,
            period: period.map_or_else(|| v.period_id.to_string(), |p| p.label.clone()),
            kind: v.kind.as_str(),
            value: v.value.as_text(),
            dimensions: v.dimensions.clone(),
            comment: v.comment.clone(),
            evidence: v.evidence.clone(),
            reported_by: v.reported_by.clone(),
            reported_at: v.reported_at.and_then(|t| t.format(&Rfc3339).ok()),
            version: v.version,
        }
    }

    /// The plan's risks that `keep` selects, in the stored order.
    fn risks(&self, keep: impl Fn(&Risk) -> bool) -> Vec<RiskDoc> {
        self.tree
            .risks
            .iter()
            .filter(|r| keep(r))
            .map(|r| self.risk(r))
            .collect()
    }

    fn risk(&self, r: &Risk) -> RiskDoc {
        RiskDoc {
            id: r.id,
            description: r.description.clone(),
            likelihood: r.likelihood.get(),
            impact: r.impact.get(),
            score: r.score(),
            mitigation: r.mitigation.clone(),
            owner: self.codes(&r.owner),
            status: r.status.as_str(),
            review_date: r.review_date.map(format_date),
            version: r.version,
        }
    }
}

//! Copies a template into a new plan: every element gets its own id, roles in the template
//! (local authority, partner, joint) become the plan's parties, and the calendar is laid out
//! from the start date.

use super::spec::{IndicatorSpec, OutputSpec, ResultSpec, RiskSpec, Template};
use crate::calendar::{MonthStart, QuarterRange, quarters};
use crate::error::{Invalid, Problems};
use crate::ids::{
    ActivityId, Code, IndicatorId, MilestoneId, OrgId, PeriodId, PlanId, ResultId, RiskId,
};
use crate::indicator::Indicator;
use crate::money::Currency;
use crate::org::Organisation;
use crate::plan::{
    Activity, Lead, LeadKind, Milestone, Need, Period, Plan, PlanStatus, PlanTree, ProgressStatus,
    ResultLevel, ResultNode, ResultParent,
};
use crate::risk::{Risk, RiskStatus};
use crate::text::{Lang, Text};

/// What a user gives to make a plan from a template.
#[derive(Clone, Debug)]
pub struct NewPlan {
    pub code: Code,
    pub name: Text,
    pub owner: Organisation,
    pub partners: Vec<Organisation>,
    pub start: MonthStart,
    pub currency: Currency,
    /// Empty means the template's languages (English when it names none).
    pub languages: Vec<Lang>,
}

/// Makes a whole new plan (draft, version 1) from a template.
pub fn instantiate(t: &Template, new: NewPlan) -> Result<PlanTree, Invalid> {
    let mut p = Problems::default();
    if new.name.is_empty() {
        p.push("name", "the plan has no name");
    }
    if new.partners.iter().any(|o| o.id == new.owner.id) {
        p.push(
            "partners",
            "the owner cannot also be a partner of its own plan",
        );
    }
    let mut seen = std::collections::HashSet::new();
    if new.partners.iter().any(|o| !seen.insert(o.id)) {
        p.push("partners", "a partner is named twice");
    }
    for e in super::validate(t) {
        p.push(format!("template.{}", e.field), e.message);
    }
    p.into_result()?;

    let plan_id = PlanId::new();
    let languages = if !new.languages.is_empty() {
        new.languages.clone()
    } else if !t.languages.is_empty() {
        t.languages.clone()
    } else {
        vec![Lang::En]
    };
    let plan = Plan {
        id: plan_id,
        code: new.code.clone(),
        name: new.name.clone(),
        kind: t.kind,
        owner: new.owner.id,
        partners: new.partners.iter().map(|o| o.id).collect(),
        start: new.start,
        quarters: t.quarters,
        currency: new.currency.clone(),
        languages,
        status: PlanStatus::Draft,
        template_code: Some(t.code.to_string()),
        report_due_days: 30,
        version: 1,
    };
    let mut b = Builder {
        plan_id,
        owner: new.owner.id,
        partners: plan.partners.clone(),
        tree: PlanTree {
            parties: std::iter::once(new.owner.clone())
                .chain(new.partners.clone())
                .collect(),
            periods: quarters(new.start, t.quarters)
                .into_iter()
                .map(|q| Period {
                    id: PeriodId::new(),
                    plan_id,
                    label: q.label(),
                    seq: q.seq,
                    start: q.start,
                    end: q.end,
                })
                .collect(),
            needs: t
                .needs
                .iter()
                .map(|n| Need {
                    key: n.key.to_string(),
                    text: n.text.clone(),
                })
                .collect(),
            plan,
            milestones: vec![],
            activities: vec![],
            results: vec![],
            indicators: vec![],
            values: vec![],
            risks: vec![],
        },
        position: 0,
    };
    for r in &t.risks {
        b.risk(r, None, None, LeadKind::LocalAuthority);
    }
    for r in &t.results {
        b.plan_result(r, ResultParent::Plan);
    }
    for m in &t.milestones {
        let milestone_id = MilestoneId::new();
        b.tree.milestones.push(Milestone {
            id: milestone_id,
            plan_id,
            number: m.number,
            key: m.key.clone(),
            title: m.title.clone(),
            objective: m.objective.clone(),
            version: 1,
        });
        for a in &m.activities {
            let activity_id = ActivityId::new();
            // Validated above, so the range is well formed.
            let planned = QuarterRange::new(a.start_quarter, a.end_quarter, t.quarters)
                .map_err(|e| Invalid::one("template", e))?;
            let parties = b.parties(a.lead);
            b.tree.activities.push(Activity {
                id: activity_id,
                plan_id,
                milestone_id,
                key: a.key.clone(),
                number: a.number,
                instance: a.repeatable.then_some(1),
                title: a.title.clone(),
                rationale: a.rationale.clone(),
                needs: a.needs.iter().map(ToString::to_string).collect(),
                financial_description: a.financial_description.clone(),
                repeatable: a.repeatable,
                planned,
                actual_start: None,
                actual_end: None,
                status: ProgressStatus::NotStarted,
                leads: (planned.start..=planned.end)
                    .map(|q| Lead {
                        quarter: q,
                        parties: parties.clone(),
                    })
                    .collect(),
                version: 1,
            });
            for o in &a.outputs {
                b.output(o, activity_id, a.lead);
            }
        }
    }
    Ok(b.tree)
}

struct Builder {
    plan_id: PlanId,
    owner: OrgId,
    partners: Vec<OrgId>,
    tree: PlanTree,
    position: i64,
}

impl Builder {
    /// The parties a template role stands for in this plan.
    fn parties(&self, kind: LeadKind) -> Vec<OrgId> {
        match kind {
            LeadKind::LocalAuthority => vec![self.owner],
            LeadKind::Partner => match self.partners.first() {
                Some(p) => vec![*p],
                None => vec![self.owner],
            },
            LeadKind::Joint => std::iter::once(self.owner)
                .chain(self.partners.iter().copied())
                .collect(),
        }
    }

    fn next_position(&mut self) -> i64 {
        self.position += 1;
        self.position
    }

    fn node(
        &mut self,
        parent: ResultParent,
        level: ResultLevel,
        title: &Text,
        assumptions: &Text,
        responsible: LeadKind,
    ) -> ResultId {
        let id = ResultId::new();
        let position = self.next_position();
        let responsible = self.parties(responsible);
        self.tree.results.push(ResultNode {
            id,
            plan_id: self.plan_id,
            parent,
            level,
            position,
            title: title.clone(),
            description: Text::default(),
            assumptions: assumptions.clone(),
            responsible,
            version: 1,
        });
        id
    }

    fn output(&mut self, o: &OutputSpec, activity: ActivityId, lead: LeadKind) {
        let responsible = o.responsible.unwrap_or(lead);
        let id = self.node(
            ResultParent::Activity(activity),
            ResultLevel::Output,
            &o.title,
            &o.assumptions,
            responsible,
        );
        for i in &o.indicators {
            self.indicator(i, id, responsible);
        }
        for r in &o.risks {
            self.risk(r, Some(activity), Some(id), responsible);
        }
        for c in &o.outcomes {
            let cid = self.node(
                ResultParent::Result(id),
                ResultLevel::Outcome,
                &c.title,
                &c.assumptions,
                responsible,
            );
            for i in &c.indicators {
                self.indicator(i, cid, responsible);
            }
        }
    }

    fn plan_result(&mut self, r: &ResultSpec, parent: ResultParent) {
        let responsible = r.responsible.unwrap_or(LeadKind::LocalAuthority);
        let id = self.node(parent, r.level, &r.title, &r.assumptions, responsible);
        for i in &r.indicators {
            self.indicator(i, id, responsible);
        }
        for c in &r.results {
            self.plan_result(c, ResultParent::Result(id));
        }
    }

    fn indicator(&mut self, i: &IndicatorSpec, result: ResultId, default_responsible: LeadKind) {
        let position = self.next_position();
        let responsible = self.parties(i.responsible.unwrap_or(default_responsible));
        self.tree.indicators.push(Indicator {
            id: IndicatorId::new(),
            plan_id: self.plan_id,
            result_id: result,
            position,
            code: i.code.clone(),
            statement: i.statement.clone(),
            measure: i.measure,
            unit: i.unit.clone(),
            direction: i.direction,
            cumulation: i.cumulation,
            baselines: vec![],
            data_source: i.data_source.clone(),
            collection_method: i.collection_method.clone(),
            frequency: i.frequency,
            responsible,
            proposed_by: None,
            validated_by: None,
            version: 1,
        });
    }

    fn risk(
        &mut self,
        r: &RiskSpec,
        activity: Option<ActivityId>,
        result: Option<ResultId>,
        default_owner: LeadKind,
    ) {
        let owner = self.parties(r.owner.unwrap_or(default_owner));
        self.tree.risks.push(Risk {
            id: RiskId::new(),
            plan_id: self.plan_id,
            activity_id: activity,
            result_id: result,
            description: r.description.clone(),
            likelihood: r.likelihood,
            impact: r.impact,
            mitigation: r.mitigation.clone(),
            owner,
            status: RiskStatus::Open,
            review_date: None,
            version: 1,
        });
    }
}

//! Building a plan by hand, as a user does with a generic plan: milestones, activities, the
//! results chain (impact → outcomes → outputs under the plan), indicators and plan risks added
//! to a [`DemoPlan`] in memory.

use super::build::DemoPlan;
use anyhow::anyhow;
use handover_core::calendar::{QuarterRange, parse_date};
use handover_core::ids::{ActivityId, IndicatorId, Key, MilestoneId, OrgId, ResultId, RiskId};
use handover_core::indicator::{Cumulation, Direction, Frequency, Indicator, Measure};
use handover_core::plan::{
    Activity, Lead, Milestone, ProgressStatus, ResultLevel, ResultNode, ResultParent,
};
use handover_core::risk::{Risk, RiskStatus, Score};
use handover_core::text::Text;

/// An activity added by hand.
#[derive(Debug)]
pub struct NewActivity<'a> {
    pub number: u16,
    pub key: &'a str,
    pub title: &'a str,
    pub rationale: &'a str,
    pub planned: (u16, u16),
    pub leads: &'a [OrgId],
}

/// An indicator added by hand.
#[derive(Debug)]
pub struct NewIndicator<'a> {
    pub code: &'a str,
    pub statement: &'a str,
    pub measure: Measure,
    pub unit: Option<&'a str>,
    pub direction: Direction,
    pub source: &'a str,
}

impl DemoPlan {
    fn next_position(&self) -> i64 {
        let r = self.tree.results.iter().map(|r| r.position);
        let i = self.tree.indicators.iter().map(|i| i.position);
        r.chain(i).max().unwrap_or(0) + 1
    }

    pub fn add_milestone(&mut self, number: u16, title: &str, objective: &str) -> MilestoneId {
        let id = MilestoneId::new();
        self.tree.milestones.push(Milestone {
            id,
            plan_id: self.tree.plan.id,
            number,
            key: None,
            title: Text::en(title),
            objective: Text::en(objective),
            version: 1,
        });
        id
    }

    pub fn add_activity(
        &mut self,
        milestone: MilestoneId,
        a: NewActivity<'_>,
    ) -> anyhow::Result<ActivityId> {
        let id = ActivityId::new();
        let planned = QuarterRange::new(a.planned.0, a.planned.1, self.tree.plan.quarters)
            .map_err(|e| anyhow!("demo activity {}: {e}", a.number))?;
        self.tree.activities.push(Activity {
            id,
            plan_id: self.tree.plan.id,
            milestone_id: milestone,
            key: Some(Key::parse(a.key).map_err(|e| anyhow!(e))?),
            number: a.number,
            instance: None,
            title: Text::en(a.title),
            rationale: Text::en(a.rationale),
            needs: vec![],
            financial_description: Text::default(),
            repeatable: false,
            planned,
            actual_start: None,
            actual_end: None,
            status: ProgressStatus::NotStarted,
            leads: (planned.start..=planned.end)
                .map(|quarter| Lead {
                    quarter,
                    parties: a.leads.to_vec(),
                })
                .collect(),
            version: 1,
        });
        Ok(id)
    }

    pub fn add_result(
        &mut self,
        parent: ResultParent,
        level: ResultLevel,
        title: &str,
        assumptions: &str,
        responsible: &[OrgId],
    ) -> ResultId {
        let id = ResultId::new();
        let position = self.next_position();
        self.tree.results.push(ResultNode {
            id,
            plan_id: self.tree.plan.id,
            parent,
            level,
            position,
            title: Text::en(title),
            description: Text::default(),
            assumptions: Text::en(assumptions),
            responsible: responsible.to_vec(),
            version: 1,
        });
        id
    }

    pub fn add_indicator_on(
        &mut self,
        result: ResultId,
        i: NewIndicator<'_>,
        responsible: &[OrgId],
    ) {
        let position = self.next_position();
        self.tree.indicators.push(Indicator {
            id: IndicatorId::new(),
            plan_id: self.tree.plan.id,
            result_id: result,
            position,
            code: i.code.to_owned(),
            statement: Text::en(i.statement),
            measure: i.measure,
            unit: i.unit.map(str::to_owned),
            direction: Some(i.direction),
            cumulation: Cumulation::NonCumulative,
            baselines: vec![],
            data_source: Text::en(i.source),
            collection_method: Text::default(),
            frequency: Frequency::Quarterly,
            responsible: responsible.to_vec(),
            proposed_by: Some("Fictional steering committee (demo)".into()),
            validated_by: None,
            version: 1,
        });
    }

    #[expect(clippy::too_many_arguments, reason = "a risk has this many parts")]
    pub fn add_plan_risk(
        &mut self,
        description: &str,
        likelihood: i64,
        impact: i64,
        mitigation: &str,
        owner: &[OrgId],
        review: &str,
        status: RiskStatus,
    ) -> anyhow::Result<()> {
        self.tree.risks.push(Risk {
            id: RiskId::new(),
            plan_id: self.tree.plan.id,
            activity_id: None,
            result_id: None,
            description: Text::en(description),
            likelihood: Score::new(likelihood).map_err(|e| anyhow!(e))?,
            impact: Score::new(impact).map_err(|e| anyhow!(e))?,
            mitigation: Text::en(mitigation),
            owner: owner.to_vec(),
            status,
            review_date: Some(parse_date(review).map_err(|e| anyhow!(e))?),
            version: 1,
        });
        Ok(())
    }
}

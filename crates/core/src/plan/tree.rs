//! A whole plan as read: header, calendar, framework, indicators, values and risks, with the
//! small lookups the CLI, pages and exports need.

use super::{Activity, Milestone, Need, Period, Plan, ResultNode, ResultParent};
use crate::ids::{ActivityId, MilestoneId, ResultId};
use crate::indicator::{Indicator, PeriodValue};
use crate::org::Organisation;
use crate::risk::Risk;
use serde::{Deserialize, Serialize};

/// Everything about one plan.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct PlanTree {
    pub plan: Plan,
    /// The parties' directory entries, owner first.
    pub parties: Vec<Organisation>,
    pub periods: Vec<Period>,
    pub needs: Vec<Need>,
    pub milestones: Vec<Milestone>,
    pub activities: Vec<Activity>,
    pub results: Vec<ResultNode>,
    pub indicators: Vec<Indicator>,
    pub values: Vec<PeriodValue>,
    pub risks: Vec<Risk>,
}

impl PlanTree {
    /// Activities of a milestone, in order.
    pub fn activities_of(&self, m: MilestoneId) -> impl Iterator<Item = &Activity> {
        self.activities.iter().filter(move |a| a.milestone_id == m)
    }

    /// Result nodes directly under an activity.
    pub fn results_of_activity(&self, a: ActivityId) -> impl Iterator<Item = &ResultNode> {
        self.results
            .iter()
            .filter(move |r| r.parent == ResultParent::Activity(a))
    }

    /// Result nodes directly under another result node.
    pub fn results_under(&self, r: ResultId) -> impl Iterator<Item = &ResultNode> {
        self.results
            .iter()
            .filter(move |n| n.parent == ResultParent::Result(r))
    }

    /// Result nodes hanging under the plan itself.
    pub fn plan_results(&self) -> impl Iterator<Item = &ResultNode> {
        self.results
            .iter()
            .filter(|n| n.parent == ResultParent::Plan)
    }

    pub fn indicators_of(&self, r: ResultId) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(move |i| i.result_id == r)
    }

    /// The name of a party, or its id when it is not a party.
    pub fn party_name(&self, id: crate::ids::OrgId) -> String {
        self.parties
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    /// Find an activity by its stable key.
    pub fn activity_by_key(&self, key: &str) -> Option<&Activity> {
        self.activities
            .iter()
            .find(|a| a.key.as_ref().is_some_and(|k| k.as_str() == key))
    }
}

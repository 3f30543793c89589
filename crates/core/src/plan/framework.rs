//! The results framework: milestones → activities, and result nodes (output, outcome, impact,
//! other) under an activity, another result node or the plan itself.

use crate::calendar::QuarterRange;
use crate::ids::{ActivityId, Key, MilestoneId, OrgId, PlanId, ResultId};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A significant stage of the plan, holding activities.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Milestone {
    pub id: MilestoneId,
    pub plan_id: PlanId,
    pub number: u16,
    pub key: Option<Key>,
    pub title: Text,
    pub objective: Text,
    pub version: i64,
}

/// An activity's progress (the seed monitors "started, nearing an advanced stage, or completed";
/// we add the state before).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProgressStatus {
    NotStarted,
    Started,
    Advanced,
    Completed,
}

impl ProgressStatus {
    pub const ALL: [ProgressStatus; 4] = [
        ProgressStatus::NotStarted,
        ProgressStatus::Started,
        ProgressStatus::Advanced,
        ProgressStatus::Completed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProgressStatus::NotStarted => "not_started",
            ProgressStatus::Started => "started",
            ProgressStatus::Advanced => "advanced",
            ProgressStatus::Completed => "completed",
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s.replace(' ', "_"))
            .ok_or_else(|| {
                format!(
                    "unknown progress status `{s}`: use not_started, started, advanced or completed"
                )
            })
    }
}

/// One recorded change of an activity's progress status.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct StatusChange {
    pub activity_id: ActivityId,
    pub from: ProgressStatus,
    pub to: ProgressStatus,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub by: String,
    pub note: Option<String>,
}

/// Who leads, in a template: resolved to the plan's parties when a plan is made.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LeadKind {
    LocalAuthority,
    Partner,
    Joint,
}

impl LeadKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LeadKind::LocalAuthority => "local_authority",
            LeadKind::Partner => "partner",
            LeadKind::Joint => "joint",
        }
    }
}

/// Who leads an activity in one quarter: the local authority, a named partner, or jointly a
/// set of parties.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Lead {
    pub quarter: u16,
    pub parties: Vec<OrgId>,
}

/// An activity of a milestone.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Activity {
    pub id: ActivityId,
    pub plan_id: PlanId,
    pub milestone_id: MilestoneId,
    pub key: Option<Key>,
    /// 1–27 in the RTO template.
    pub number: u16,
    /// The instance of a repeatable activity (24.1, 24.2…), `None` otherwise.
    pub instance: Option<u16>,
    pub title: Text,
    /// The problem statement: the needs the activity addresses.
    pub rationale: Text,
    /// Keys of the template's overarching needs.
    pub needs: Vec<String>,
    pub financial_description: Text,
    pub repeatable: bool,
    /// The indicative timeline.
    pub planned: QuarterRange,
    pub actual_start: Option<u16>,
    pub actual_end: Option<u16>,
    pub status: ProgressStatus,
    /// Who leads in each quarter of the planned timeline.
    pub leads: Vec<Lead>,
    pub version: i64,
}

impl Activity {
    /// The number people see: `7`, or `24.1` for an instance of a repeatable activity.
    pub fn display_number(&self) -> String {
        match self.instance {
            Some(i) => format!("{}.{i}", self.number),
            None => self.number.to_string(),
        }
    }

    /// Quarters of slippage: how late the actual start or end is against the plan.
    pub fn slippage(&self) -> i32 {
        let start = self
            .actual_start
            .map(|a| i32::from(a) - i32::from(self.planned.start));
        let end = self
            .actual_end
            .map(|a| i32::from(a) - i32::from(self.planned.end));
        start.into_iter().chain(end).max().unwrap_or(0)
    }
}

/// IATI's result types.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResultLevel {
    Output,
    Outcome,
    Impact,
    Other,
}

impl ResultLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            ResultLevel::Output => "output",
            ResultLevel::Outcome => "outcome",
            ResultLevel::Impact => "impact",
            ResultLevel::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "output" => Ok(ResultLevel::Output),
            "outcome" => Ok(ResultLevel::Outcome),
            "impact" => Ok(ResultLevel::Impact),
            "other" => Ok(ResultLevel::Other),
            _ => Err(format!(
                "unknown result level `{s}`: use output, outcome, impact or other"
            )),
        }
    }

    /// IATI ResultType code.
    pub fn iati_code(self) -> u8 {
        match self {
            ResultLevel::Output => 1,
            ResultLevel::Outcome => 2,
            ResultLevel::Impact => 3,
            ResultLevel::Other => 9,
        }
    }
}

/// Where a result node hangs.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum ResultParent {
    Plan,
    Activity(ActivityId),
    Result(ResultId),
}

/// An output, outcome, impact or other result.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct ResultNode {
    pub id: ResultId,
    pub plan_id: PlanId,
    pub parent: ResultParent,
    pub level: ResultLevel,
    pub position: i64,
    pub title: Text,
    pub description: Text,
    /// The assumptions at this level of the results chain.
    pub assumptions: Text,
    /// The responsible parties (by default the activity's lead).
    pub responsible: Vec<OrgId>,
    pub version: i64,
}

//! The shape of one whole plan (`GET /api/v1/plans/{plan}`): a nested document of the header,
//! parties, calendar, needs, milestones → activities → results → indicators → values, and risks.
//! Written out with an example in `docs/API-DESIGN.md` §4.2.

use handover_core::ids::{
    ActivityId, IndicatorId, MilestoneId, OrgId, PeriodId, PlanId, ResultId, RiskId, ValueId,
};
use handover_core::indicator::{Cumulation, Dimensions, Direction, Frequency};
use handover_core::text::{Lang, Text};
use serde::Serialize;

/// One whole plan: its header, parties, calendar, needs, framework and risks.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PlanDocument {
    /// The record's UUID.
    pub id: PlanId,
    /// The short unique code people type.
    pub code: String,
    /// The name, one text per language.
    pub name: Text,
    /// `rto_transition` or `generic`.
    pub kind: &'static str,
    /// `draft`, `endorsed`, `in_progress`, `handing_over`, `handed_over` or `closed`.
    pub status: &'static str,
    /// The first day of Q1.
    pub start: String,
    /// The last day of the last quarter.
    pub end: String,
    /// How many quarters the calendar has.
    pub quarters: u16,
    /// ISO 4217 reporting currency.
    pub currency: String,
    /// The plan's content languages.
    pub languages: Vec<Lang>,
    /// Days after a quarter's end when its report is due.
    pub report_due_days: u16,
    /// The template the plan was copied from.
    pub template: Option<String>,
    /// Raised by one on every change (sent as `ETag` for the plan).
    pub version: i64,
    /// The owning organisation (the local authority of an RTO plan).
    pub owner: Party,
    /// The co-owning development partners, in the order they were named.
    pub partners: Vec<Party>,
    /// The plan's periods, in order.
    pub calendar: Vec<CalendarPeriod>,
    /// The overarching needs the activities address.
    pub needs: Vec<NeedDoc>,
    /// The framework: milestones with their activities.
    pub milestones: Vec<MilestoneDoc>,
    /// Results hanging under the plan itself (impact, plan-level outcomes).
    pub results: Vec<ResultDoc>,
    /// Risks of the whole plan (risks of an activity or a result sit there).
    pub risks: Vec<RiskDoc>,
}

/// A party of a plan: its owner or a co-owning partner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Party {
    /// The record's UUID.
    pub id: OrgId,
    /// The short unique code people type.
    pub code: String,
    /// The organisation's name.
    pub name: String,
    /// The organisation type, e.g. `union_of_municipalities`.
    #[serde(rename = "type")]
    pub org_type: &'static str,
    /// The region (governorate) the organisation is in.
    pub region: Option<String>,
}

/// A reporting period of the plan's calendar (`Q1`…).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CalendarPeriod {
    /// The record's UUID.
    pub id: PeriodId,
    /// `Q1`, `Q2`…: what values name as their `period`.
    pub period: String,
    /// The period's order, 1 for Q1.
    pub seq: u16,
    /// The first day of the period.
    pub start: String,
    /// The last day of the period.
    pub end: String,
}

/// An overarching need the activities address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct NeedDoc {
    /// The stable key features find it by, e.g. `planning`.
    pub key: String,
    /// The need, one text per language.
    pub text: Text,
}

/// A milestone with its activities.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MilestoneDoc {
    /// The record's UUID.
    pub id: MilestoneId,
    /// Its number in the plan (milestones 1–7, activities 1–27 in the RTO template).
    pub number: u16,
    /// The stable key features find it by, e.g. `planning`.
    pub key: Option<String>,
    /// The title, one text per language.
    pub title: Text,
    /// What the milestone achieves.
    pub objective: Text,
    /// Raised by one on every change.
    pub version: i64,
    /// How many activities the plan has.
    pub activities: Vec<ActivityDoc>,
}

/// An activity with its results and risks.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ActivityDoc {
    /// The record's UUID.
    pub id: ActivityId,
    /// The stable key features find it by, e.g. `aoc`.
    pub key: Option<String>,
    /// Its number in the plan (milestones 1–7, activities 1–27 in the RTO template).
    pub number: u16,
    /// What people see: `7`, or `24.1` for an instance of a repeatable activity.
    pub display_number: String,
    /// The instance of a repeatable activity (1 for 24.1), `null` otherwise.
    pub instance: Option<u16>,
    /// Whether the activity may run several times (24.1, 24.2…).
    pub repeatable: bool,
    /// The title, one text per language.
    pub title: Text,
    /// The problem statement: why the activity is needed.
    pub rationale: Text,
    /// Keys of the needs (see the plan's `needs`).
    pub needs: Vec<String>,
    /// What the activity costs, described: logistics and expertise.
    pub financial_description: Text,
    /// Who leads in each quarter of the planned timeline.
    pub leads: Vec<LeadDoc>,
    /// The indicative timeline.
    pub planned: Timeline,
    /// When it really started and ended.
    pub actual: Timeline,
    /// `not_started`, `started`, `advanced` or `completed`.
    pub status: &'static str,
    /// Quarters late against the plan (0 when on time or not started).
    pub slippage: i32,
    /// Raised by one on every change.
    pub version: i64,
    /// Results under the activity: its outputs, with their outcomes.
    pub results: Vec<ResultDoc>,
    /// Risks of the activity not attached to one of its results.
    pub risks: Vec<RiskDoc>,
}

/// Who leads an activity in one quarter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct LeadDoc {
    /// The quarter, 1 for Q1.
    pub quarter: u16,
    /// Party codes: the local authority, a partner, or several jointly.
    pub parties: Vec<String>,
}

/// A span of quarters with their dates; all `null` when not (yet) known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Timeline {
    /// The first quarter, 1 for Q1.
    pub start_quarter: Option<u16>,
    /// The last quarter.
    pub end_quarter: Option<u16>,
    /// The first day of the start quarter.
    pub start_date: Option<String>,
    /// The last day of the end quarter.
    pub end_date: Option<String>,
}

/// An output, outcome, impact or other result, with what hangs under it.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ResultDoc {
    /// The record's UUID.
    pub id: ResultId,
    /// `output`, `outcome`, `impact` or `other`.
    pub level: &'static str,
    /// The title, one text per language.
    pub title: Text,
    /// The description, one text per language.
    pub description: Text,
    /// The assumptions at this level of the results chain.
    pub assumptions: Text,
    /// Party codes.
    pub responsible: Vec<String>,
    /// Raised by one on every change.
    pub version: i64,
    /// The indicators that measure this result.
    pub indicators: Vec<IndicatorDoc>,
    /// Risks to this result.
    pub risks: Vec<RiskDoc>,
    /// Results under this one (an output's outcomes).
    #[schema(no_recursion)]
    pub results: Vec<ResultDoc>,
}

/// An indicator with its baselines, targets and actuals.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct IndicatorDoc {
    /// The record's UUID.
    pub id: IndicatorId,
    /// The short unique code people type.
    pub code: String,
    /// What the indicator measures, one text per language.
    pub statement: Text,
    /// IATI measure: `unit`, `percentage`, `nominal`, `ordinal` or `qualitative`.
    pub measure: &'static str,
    /// The unit of a count, e.g. `meetings`.
    pub unit: Option<String>,
    /// Whether a rising value is good news (`up`) or bad (`down`).
    pub direction: Option<Direction>,
    /// Whether values add up toward the target (`cumulative`) or stand alone.
    pub cumulation: Cumulation,
    /// The values before the plan, with their dates.
    pub baselines: Vec<BaselineDoc>,
    /// Where the data comes from.
    pub data_source: Text,
    /// How the data is collected.
    pub collection_method: Text,
    /// How often the data is collected.
    pub frequency: Frequency,
    /// Party codes.
    pub responsible: Vec<String>,
    /// Who proposed the indicator.
    pub proposed_by: Option<String>,
    /// Who validated the indicator.
    pub validated_by: Option<String>,
    /// Raised by one on every change.
    pub version: i64,
    /// Targets and actuals, by period, kind and dimensions.
    pub values: Vec<ValueDoc>,
}

/// A baseline of an indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct BaselineDoc {
    /// An exact decimal as a string, or a narrative.
    pub value: Option<String>,
    /// The date of the baseline.
    pub date: Option<String>,
    /// Disaggregation, e.g. `{"sex": "female"}`.
    pub dimensions: Dimensions,
    /// A comment, one text per language.
    pub comment: Text,
}

/// A target or actual of an indicator in one period, for one combination of dimensions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ValueDoc {
    /// The record's UUID.
    pub id: ValueId,
    /// The calendar period's label, `Q1`…
    pub period: String,
    /// `target` or `actual`.
    pub kind: &'static str,
    /// An exact decimal as a string (`"1507.50"`), or a narrative.
    pub value: String,
    /// Disaggregation, e.g. `{"sex": "female"}`.
    pub dimensions: Dimensions,
    /// A comment, one text per language.
    pub comment: Text,
    /// A link to the evidence.
    pub evidence: Option<String>,
    /// Who reported it, as the audit trail names them.
    pub reported_by: Option<String>,
    /// RFC 3339.
    pub reported_at: Option<String>,
    /// Raised by one on every change.
    pub version: i64,
}

/// A risk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RiskDoc {
    /// The record's UUID.
    pub id: RiskId,
    /// The description, one text per language.
    pub description: Text,
    /// 1–5.
    pub likelihood: u8,
    /// 1–5.
    pub impact: u8,
    /// Likelihood × impact, 1–25.
    pub score: u8,
    /// What is done to reduce the risk.
    pub mitigation: Text,
    /// Party codes.
    pub owner: Vec<String>,
    /// `open`, `monitoring` or `closed`.
    pub status: &'static str,
    /// When the risk is next reviewed.
    pub review_date: Option<String>,
    /// Raised by one on every change.
    pub version: i64,
}

//! The template file's structure (format 1), documented for users in docs/TEMPLATE-FORMAT.md;
//! its JSON Schema is generated from these types (`handover template schema`).

use crate::calendar::check_quarter_count;
use crate::ids::{Code, Key};
use crate::indicator::{Cumulation, Direction, Frequency, Measure};
use crate::plan::{LeadKind, PlanKind, ResultLevel};
use crate::risk::Score;
use crate::text::{Lang, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

fn default_quarters() -> u16 {
    12
}

fn default_frequency() -> Frequency {
    Frequency::Quarterly
}

fn default_cumulation() -> Cumulation {
    Cumulation::NonCumulative
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A template: the framework a plan is copied from.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// The format version; 1.
    pub format: u32,
    /// Short unique code, e.g. `rto-transition`.
    pub code: Code,
    pub kind: PlanKind,
    /// Quarters in the plan's calendar (1–40).
    #[serde(default = "default_quarters")]
    pub quarters: u16,
    /// Languages the template's texts are written in.
    #[serde(default)]
    pub languages: Vec<Lang>,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// The overarching needs that activities address.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<NeedSpec>,
    /// Plan-level risks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<RiskSpec>,
    /// Results hanging under the plan itself (a generic plan's outputs → outcomes → impact).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<ResultSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<MilestoneSpec>,
}

impl Template {
    /// Checks the quarter count without the other rules (used by `validate`).
    pub fn quarter_count(&self) -> Result<u16, String> {
        check_quarter_count(self.quarters)
    }
}

/// An overarching need.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NeedSpec {
    pub key: Key,
    pub text: Text,
}

/// A risk with its mitigation.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskSpec {
    pub description: Text,
    /// 1–5.
    pub likelihood: Score,
    /// 1–5.
    pub impact: Score,
    #[serde(default)]
    pub mitigation: Text,
    /// Who owns the risk; by default the activity's lead (the local authority for plan risks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<LeadKind>,
}

/// A milestone and its activities.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneSpec {
    pub number: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Key>,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub objective: Text,
    #[serde(default)]
    pub activities: Vec<ActivitySpec>,
}

/// An activity with its outputs.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivitySpec {
    pub number: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Key>,
    pub title: Text,
    /// The problem statement: the needs the activity addresses.
    #[serde(default)]
    pub rationale: Text,
    /// Keys of the template's needs.
    #[serde(default)]
    pub needs: Vec<Key>,
    /// Who leads by default.
    pub lead: LeadKind,
    /// Indicative timeline: first quarter.
    pub start_quarter: u16,
    /// Indicative timeline: last quarter.
    pub end_quarter: u16,
    /// May be held several times in one plan (24.1, 24.2…).
    #[serde(default, skip_serializing_if = "is_false")]
    pub repeatable: bool,
    #[serde(default)]
    pub financial_description: Text,
    #[serde(default)]
    pub outputs: Vec<OutputSpec>,
}

/// An output of an activity, with its indicators, risks and outcomes.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutputSpec {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub assumptions: Text,
    /// By default the activity's lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<LeadKind>,
    #[serde(default)]
    pub indicators: Vec<IndicatorSpec>,
    #[serde(default)]
    pub risks: Vec<RiskSpec>,
    #[serde(default)]
    pub outcomes: Vec<OutcomeSpec>,
}

/// An outcome of an output.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeSpec {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub assumptions: Text,
    #[serde(default)]
    pub indicators: Vec<IndicatorSpec>,
}

/// A result under the plan itself, with the results under it.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultSpec {
    pub level: ResultLevel,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub assumptions: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<LeadKind>,
    #[serde(default)]
    pub indicators: Vec<IndicatorSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<ResultSpec>,
}

/// An indicator, without baselines or targets (each plan sets its own).
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorSpec {
    /// Unique in the template.
    pub code: String,
    pub statement: Text,
    pub measure: Measure,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(default = "default_cumulation")]
    pub cumulation: Cumulation,
    #[serde(default)]
    pub data_source: Text,
    #[serde(default)]
    pub collection_method: Text,
    #[serde(default = "default_frequency")]
    pub frequency: Frequency,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<LeadKind>,
}

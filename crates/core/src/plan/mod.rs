//! Plans: owned by one organisation (for an RTO plan, the local authority) and co-owned by
//! development partners (together, its parties), with a calendar of quarters, a reporting
//! currency, content languages and a status that never goes backwards.

mod framework;
mod status;
mod tree;

pub use framework::{
    Activity, Lead, LeadKind, Milestone, ProgressStatus, ResultLevel, ResultNode, ResultParent,
    StatusChange,
};
pub use status::PlanStatus;
pub use tree::PlanTree;

use crate::calendar::MonthStart;
use crate::ids::{Code, OrgId, PeriodId, PlanId};
use crate::money::Currency;
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use time::Date;

/// What a plan is for.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// The transition and handover of a Regional Technical Office.
    RtoTransition,
    /// Any programme or project, with the usual RBM results chain.
    Generic,
}

impl PlanKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlanKind::RtoTransition => "rto_transition",
            PlanKind::Generic => "generic",
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        match s.replace('-', "_").as_str() {
            "rto_transition" | "rto" => Ok(PlanKind::RtoTransition),
            "generic" => Ok(PlanKind::Generic),
            _ => Err(format!(
                "unknown plan kind `{s}`: use rto_transition or generic"
            )),
        }
    }
}

/// A plan's role for a party.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// The owning organisation (the local authority of an RTO plan).
    Owner,
    /// A co-owning development partner.
    Partner,
}

impl PartyRole {
    pub fn as_str(self) -> &'static str {
        match self {
            PartyRole::Owner => "owner",
            PartyRole::Partner => "partner",
        }
    }
}

/// A plan's header.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Plan {
    pub id: PlanId,
    pub code: Code,
    pub name: Text,
    pub kind: PlanKind,
    pub owner: OrgId,
    /// Co-owning development partners, in the order they were named.
    pub partners: Vec<OrgId>,
    pub start: MonthStart,
    /// How many quarters the calendar has (12 by default).
    pub quarters: u16,
    pub currency: Currency,
    pub languages: Vec<Lang>,
    pub status: PlanStatus,
    /// The template the plan was copied from, for the record.
    pub template_code: Option<String>,
    /// Days after a quarter's end when its report is due.
    pub report_due_days: u16,
    pub version: i64,
}

impl Plan {
    /// All parties: the owner first, then the partners.
    pub fn parties(&self) -> Vec<OrgId> {
        std::iter::once(self.owner)
            .chain(self.partners.iter().copied())
            .collect()
    }

    /// Started but never endorsed: stays a draft and is flagged (SPEC §6).
    pub fn start_passed_unendorsed(&self, today: Date) -> bool {
        self.status == PlanStatus::Draft && self.start.date() <= today
    }
}

/// An overarching need the plan's activities address (copied from its template).
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Need {
    pub key: String,
    pub text: Text,
}

/// A reporting period of a plan, stored as a date range.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Period {
    pub id: PeriodId,
    pub plan_id: PlanId,
    pub seq: u16,
    pub label: String,
    pub start: Date,
    pub end: Date,
}

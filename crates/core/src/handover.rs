//! The handover schedule (SPEC §6): what passes from the development partners to the local
//! authority (functions, staff costs, assets, data) and when; the handover is complete when every
//! item is confirmed by both sides.

use crate::ids::PlanId;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

/// What kind of thing is handed over.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HandoverKind {
    Function,
    StaffCosts,
    Asset,
    Data,
}

impl HandoverKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HandoverKind::Function => "function",
            HandoverKind::StaffCosts => "staff_costs",
            HandoverKind::Asset => "asset",
            HandoverKind::Data => "data",
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "function" => Ok(HandoverKind::Function),
            "staff_costs" => Ok(HandoverKind::StaffCosts),
            "asset" => Ok(HandoverKind::Asset),
            "data" => Ok(HandoverKind::Data),
            _ => Err(format!(
                "unknown handover item kind `{s}`: use function, staff_costs, asset or data"
            )),
        }
    }
}

/// A confirmation by one side.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Confirmation {
    pub by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
}

/// One item of the handover schedule.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct HandoverItem {
    pub id: Uuid,
    pub plan_id: PlanId,
    pub kind: HandoverKind,
    pub description: Text,
    pub due: Date,
    /// Confirmed by the local authority (the plan's owner).
    pub owner_confirmation: Option<Confirmation>,
    /// Confirmed by a development partner.
    pub partner_confirmation: Option<Confirmation>,
    pub version: i64,
}

impl HandoverItem {
    pub fn confirmed(&self) -> bool {
        self.owner_confirmation.is_some() && self.partner_confirmation.is_some()
    }
}

/// The handover is complete when the schedule has items and each is confirmed by both sides.
pub fn complete(items: &[HandoverItem]) -> bool {
    !items.is_empty() && items.iter().all(HandoverItem::confirmed)
}

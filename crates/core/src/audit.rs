//! The audit trail: every change records who, when, what, and the value before and after.

use crate::ids::{AuditId, PlanId};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// What happened to a record.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Delete,
    Import,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
            AuditAction::Import => "import",
        }
    }
}

/// One recorded change.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: AuditId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The actor's label, e.g. `operator:root`.
    pub actor: String,
    pub action: AuditAction,
    /// The kind of record, e.g. `plan`, `activity`, `organisation`.
    pub entity: String,
    pub entity_id: String,
    pub plan_id: Option<PlanId>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

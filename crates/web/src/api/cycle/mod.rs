//! The plan's life over HTTP: quarterly reports (draft, submit, approve or return), endorsement
//! by every party, the handover schedule and the audit trail.

pub mod audit;
pub mod endorsements;
pub mod handover;
pub mod reports;

use crate::AppState;
// Path parameters that cannot be read get the error body (400 `invalid_path`), not axum's text.
pub(crate) use crate::api::framework::Ids;
use crate::error::AppError;
use handover_core::actor::Actor;
use handover_core::ids::{OrgId, PlanId};
use handover_store::{orgs, plans};

/// A plan named by code or id, inside the actor's scope.
pub(crate) async fn plan_id(
    state: &AppState,
    actor: &Actor,
    key: &str,
) -> Result<PlanId, AppError> {
    let key = key
        .parse::<PlanId>()
        .map_or(key.to_owned(), |id| id.to_string());
    Ok(plans::find(&state.store, actor, &key).await?)
}

/// An organisation named by code or id.
pub(crate) async fn org_id(state: &AppState, actor: &Actor, key: &str) -> Result<OrgId, AppError> {
    let key = key
        .parse::<OrgId>()
        .map_or(key.to_owned(), |id| id.to_string());
    Ok(orgs::find(&state.store, actor, &key).await?.id)
}

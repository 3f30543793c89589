//! `/api/v1/me`: who the caller is and for which organisation they act.

use crate::error::AppError;
use crate::extract::CurrentUser;
use axum::Json;
use handover_core::actor::Actor;
use handover_core::ids::{OrgId, UserId};
use handover_store::accounts::{Membership, User};
use serde::Serialize;

/// The signed-in user.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Me {
    pub id: UserId,
    pub email: String,
    pub name: String,
    /// The organisation this request acts for.
    pub organisation_id: Option<OrgId>,
    /// The role there: `administrator`, `editor`, `reporter` or `viewer`.
    pub role: Option<String>,
    /// Every organisation the user belongs to, with the role there.
    pub memberships: Vec<MembershipDoc>,
}

/// A user's role in one organisation.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MembershipDoc {
    pub organisation_id: OrgId,
    pub organisation_code: String,
    pub organisation_name: String,
    pub role: String,
}

/// `GET /api/v1/me`: the caller.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "accounts",
    responses(
        (status = 200, description = "The signed-in user", body = Me),
        (status = 401, description = "Not signed in", body = crate::api::openapi::ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub(crate) async fn show_me(current: CurrentUser) -> Result<Json<Me>, AppError> {
    Ok(Json(me_of(&current.user, &current.actor)))
}

/// The `Me` shape of a user acting as `actor`.
pub(crate) fn me_of(user: &User, actor: &Actor) -> Me {
    let (org, role) = match actor {
        Actor::Member { org, role, .. } => (Some(*org), Some(role.as_str().to_owned())),
        _ => (None, None),
    };
    Me {
        id: user.id,
        email: user.email.clone(),
        name: user.name.clone(),
        organisation_id: org,
        role,
        memberships: user.memberships.iter().map(MembershipDoc::of).collect(),
    }
}

impl MembershipDoc {
    /// The document of a store membership.
    pub(crate) fn of(m: &Membership) -> Self {
        Self {
            organisation_id: m.organisation_id,
            organisation_code: m.organisation_code.clone(),
            organisation_name: m.organisation_name.clone(),
            role: m.role.as_str().to_owned(),
        }
    }
}

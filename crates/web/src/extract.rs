//! Who is asking: a handler gets its [`Actor`] only from the [`CurrentActor`] extractor. A
//! script sends `Authorization: Bearer <token>`; the browser's session cookie is read by the
//! session layer (accounts); with `serve --demo` an anonymous request reads every plan and
//! writes nothing; otherwise an anonymous request is refused with 401.

use crate::AppState;
use crate::error::AppError;
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use handover_core::actor::Actor;
use handover_store::accounts;

/// How the demo view is named wherever an actor is recorded.
pub(crate) const DEMO_VIEWER: &str = "demo-viewer";

/// The actor a request acts as.
#[derive(Clone, Debug)]
pub(crate) struct CurrentActor(pub(crate) Actor);

/// The signed-in user behind a request (token or session), with the actor they act as.
#[derive(Clone, Debug)]
pub(crate) struct CurrentUser {
    pub(crate) user: accounts::User,
    pub(crate) actor: Actor,
}

/// The bearer token of a request: `None` without an `Authorization` header, an error when the
/// header is there but not a bearer token.
fn bearer(parts: &Parts) -> Result<Option<&str>, AppError> {
    let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(|t| Some(t.trim()))
        .ok_or_else(AppError::bad_credentials)
}

/// The user of a request, if it carries valid credentials.
async fn user_of(parts: &Parts, state: &AppState) -> Result<Option<CurrentUser>, AppError> {
    if let Some(token) = bearer(parts)? {
        return match accounts::actor_for_token(&state.store, token).await? {
            Some((user, actor)) => Ok(Some(CurrentUser { user, actor })),
            None => Err(AppError::bad_credentials()),
        };
    }
    Ok(None)
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        user_of(parts, state)
            .await?
            .ok_or_else(AppError::unauthenticated)
    }
}

impl FromRequestParts<AppState> for CurrentActor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if let Some(u) = user_of(parts, state).await? {
            return Ok(Self(u.actor));
        }
        // The demo view reads every plan and the store refuses it every write.
        if state.options.demo {
            Ok(Self(Actor::Reader {
                label: DEMO_VIEWER.into(),
            }))
        } else {
            Err(AppError::unauthenticated())
        }
    }
}

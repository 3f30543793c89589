//! Who is asking: a handler gets its [`Actor`] only from the [`CurrentActor`] extractor. A
//! script sends `Authorization: Bearer <token>`; a browser sends the `handover_session` cookie
//! (its writes were already checked for CSRF by `auth::csrf`). A request is authenticated by
//! one credential: a bearer token, when there is one, else the cookie. Unknown, revoked or
//! expired credentials, or those of a disabled account, get 401 `bad_credentials`. With
//! `serve --demo` an anonymous request reads every plan and writes nothing; otherwise an
//! anonymous request is refused with 401.

use crate::AppState;
use crate::auth::{ResolvedSession, session_cookie};
use crate::error::AppError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
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
        .filter(|v| {
            v.get(..7)
                .is_some_and(|s| s.eq_ignore_ascii_case("bearer "))
        })
        .and_then(|v| v.get(7..))
        .map(|t| Some(t.trim()))
        .ok_or_else(AppError::bad_credentials)
}

/// The browser session of a request (its cookie), if it carries one: `Err` when the cookie
/// names no valid session.
pub(crate) async fn session_of(
    parts: &Parts,
    state: &AppState,
) -> Result<Option<(accounts::Session, String)>, AppError> {
    let Some(secret) = session_cookie(&parts.headers) else {
        return Ok(None);
    };
    if let Some(ResolvedSession(s)) = parts.extensions.get::<ResolvedSession>() {
        return Ok(Some((s.clone(), secret.to_owned())));
    }
    match accounts::session_for(&state.store, secret).await? {
        Some(s) => Ok(Some((s, secret.to_owned()))),
        None => Err(AppError::bad_credentials()),
    }
}

/// The user of a request, if it carries valid credentials.
async fn user_of(parts: &Parts, state: &AppState) -> Result<Option<CurrentUser>, AppError> {
    if let Some(token) = bearer(parts)? {
        return match accounts::actor_for_token(&state.store, token).await? {
            Some((user, actor)) => Ok(Some(CurrentUser { user, actor })),
            None => Err(AppError::bad_credentials()),
        };
    }
    if let Some((session, _)) = session_of(parts, state).await? {
        return Ok(Some(CurrentUser {
            user: session.user,
            actor: session.actor,
        }));
    }
    Ok(None)
}

/// The browser session of a request and its secret, for the session's own routes (signing
/// out, switching the organisation). A request with a bearer token has no session.
#[derive(Clone, Debug)]
pub(crate) struct CurrentSession {
    pub(crate) session: accounts::Session,
    pub(crate) secret: String,
}

impl FromRequestParts<AppState> for CurrentSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if parts.headers.contains_key(header::AUTHORIZATION) {
            return Err(AppError::new(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "this is the browser's session; a request with a token has none (sign in with `POST /api/v1/session`, or use `/api/v1/me` with a token)",
            ));
        }
        match session_of(parts, state).await? {
            Some((session, secret)) => Ok(Self { session, secret }),
            None => Err(AppError::new(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "there is no session: sign in with `POST /api/v1/session`",
            )),
        }
    }
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

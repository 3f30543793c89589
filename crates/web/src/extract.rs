//! Who is asking: a handler gets its [`Actor`] only from the [`CurrentActor`] extractor. Until
//! accounts exist (the access issue), the only actor is the read-only demo viewer of
//! `serve --demo`; without `--demo` every API request is refused with 401.

use crate::AppState;
use crate::error::AppError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use handover_core::actor::Actor;

/// How the demo view is named wherever an actor is recorded.
pub(crate) const DEMO_VIEWER: &str = "demo-viewer";

/// The actor a request acts as.
#[derive(Clone, Debug)]
pub(crate) struct CurrentActor(pub(crate) Actor);

impl FromRequestParts<AppState> for CurrentActor {
    type Rejection = AppError;

    async fn from_request_parts(_parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        // The demo view reads every plan and the store refuses it every write; the access issue
        // adds sessions and tokens beside it.
        if state.options.demo {
            Ok(Self(Actor::Reader {
                label: DEMO_VIEWER.into(),
            }))
        } else {
            Err(AppError::unauthenticated())
        }
    }
}

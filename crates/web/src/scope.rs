//! The plan's scope, checked once on the way in for every route under
//! `/api/v1/plans/{plan}/…` (SPEC §14): outside it the plan and everything in it does not exist
//! (404), whatever the method and before any body is read; inside it, an actor who only reads
//! the plan (a viewer, the ministry, the demo view) is refused every write (403). Finer role
//! rules (a reporter may enter actuals but not edit the framework) stay in the store.

use crate::AppState;
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use handover_core::actor::Access;
use handover_core::ids::PlanId;
use handover_store::plans;

/// The plan key of a path `/api/v1/plans/{plan}` or `/api/v1/plans/{plan}/…`.
fn plan_key(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("/api/v1/plans/")?;
    let key = rest.split('/').next()?;
    (!key.is_empty()).then_some(key)
}

/// The middleware.
pub(crate) async fn check_plan_scope(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let Some(key) = plan_key(request.uri().path()).map(str::to_owned) else {
        return next.run(request).await;
    };
    let (mut parts, body) = request.into_parts();
    let actor = match CurrentActor::from_request_parts(&mut parts, &state).await {
        Ok(CurrentActor(a)) => a,
        Err(e) => return e.into_response(),
    };
    let key = key.parse::<PlanId>().map_or(key, |id| id.to_string());
    let access = match plans::find(&state.store, &actor, &key).await {
        Ok(id) => plans::access(&state.store, &actor, id).await,
        Err(e) => Err(e),
    };
    let access = match access {
        Ok(a) => a,
        Err(e) => return AppError::from(e).into_response(),
    };
    let writes = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    if writes && access <= Access::Read {
        return AppError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "you can read this plan but not change it: viewers, the ministry and the demo view only read",
        )
        .into_response();
    }
    next.run(Request::from_parts(parts, body)).await
}

#[cfg(test)]
mod tests {
    use super::plan_key;

    #[test]
    fn plan_paths() {
        assert_eq!(plan_key("/api/v1/plans/tyre-rto"), Some("tyre-rto"));
        assert_eq!(
            plan_key("/api/v1/plans/tyre-rto/activities/aoc"),
            Some("tyre-rto")
        );
        assert_eq!(plan_key("/api/v1/plans"), None);
        assert_eq!(plan_key("/api/v1/plans/"), None);
        assert_eq!(plan_key("/api/v1/me"), None);
    }
}

//! The JSON API under `/api/v1`: one module per resource, each with its response types. URL
//! shapes, resource shapes, pagination and errors follow `docs/API-DESIGN.md`; reads only so
//! far (the access issue adds accounts and writes).

pub mod pagination;
pub mod plans;

use crate::AppState;
use axum::Router;
use axum::routing::get;

/// The API's routes, with their full paths.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/plans", get(plans::list_plans))
        .route("/api/v1/plans/{plan}", get(plans::show_plan))
}

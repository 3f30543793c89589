//! The JSON API under `/api/v1`: one module per resource, each with its request and response
//! types and `#[utoipa::path]` on every handler, so `/api/openapi.json` is generated from the
//! same routes that serve. URL shapes, resource shapes, pagination and errors follow
//! `docs/API-DESIGN.md`.

pub mod body;
pub mod concurrency;
pub mod cycle;
pub mod me;
pub mod openapi;
pub mod pagination;
pub mod plans;

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The API's routes, with their full paths, and their OpenAPI description.
pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::document())
        .routes(routes!(plans::list_plans))
        .routes(routes!(plans::show_plan))
        .routes(routes!(me::show_me))
        .routes(routes!(cycle::reports::list_reports))
        .routes(routes!(cycle::reports::show_report))
        .routes(routes!(cycle::reports::save_actuals))
        .routes(routes!(cycle::reports::submit_report))
        .routes(routes!(cycle::reports::review_report))
        .routes(routes!(cycle::reports::list_due_reports))
        .routes(routes!(cycle::endorsements::show_endorsements, cycle::endorsements::endorse_plan))
        .routes(routes!(cycle::handover::list_handover_items, cycle::handover::add_handover_item))
        .routes(routes!(cycle::handover::update_handover_item, cycle::handover::delete_handover_item))
        .routes(routes!(cycle::handover::confirm_handover_item))
        .routes(routes!(cycle::audit::list_plan_audit))
}

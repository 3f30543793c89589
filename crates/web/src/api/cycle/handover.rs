//! `/api/v1/plans/{plan}/handover-items`: the handover schedule, each item confirmed by both
//! sides; when all are, the plan is handed over.

use super::{Ids, plan_id};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::{IfMatch, etag};
use crate::api::openapi::ErrorBody;
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use handover_core::handover::{HandoverItem, HandoverKind};
use handover_core::text::Text;
use handover_store::cycle::handover::{self, ItemInput};
use serde::Deserialize;
use time::Date;
use uuid::Uuid;

/// An item of the schedule.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemBody {
    /// `function`, `staff_costs`, `asset` or `data`.
    pub kind: HandoverKind,
    pub description: Text,
    /// When it passes to the local authority (YYYY-MM-DD).
    pub due: Date,
}

impl RequestBody for ItemBody {
    const FIELDS: &'static [&'static str] = &["kind", "description", "due"];
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "plan_id",
        "owner_confirmation",
        "partner_confirmation",
    ];
}

impl From<ItemBody> for ItemInput {
    fn from(b: ItemBody) -> Self {
        ItemInput {
            kind: b.kind,
            description: b.description,
            due: b.due,
        }
    }
}

fn with_etag(status: StatusCode, i: HandoverItem) -> Response {
    (status, [etag(i.version)], Json(i)).into_response()
}

/// `GET /api/v1/plans/{plan}/handover-items`: the schedule, by due date.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/handover-items", tag = "handover",
    params(("plan" = String, Path)),
    responses((status = 200, body = Vec<HandoverItem>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_handover_items(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
) -> Result<Json<Vec<HandoverItem>>, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    Ok(Json(handover::list(&state.store, &actor, plan).await?))
}

/// `POST /api/v1/plans/{plan}/handover-items`: adds an item.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/handover-items", tag = "handover",
    params(("plan" = String, Path)),
    request_body = ItemBody,
    responses((status = 201, body = HandoverItem), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn add_handover_item(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    JsonBody(body): JsonBody<ItemBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    Ok(with_etag(
        StatusCode::CREATED,
        handover::add(&state.store, &actor, plan, body.into()).await?,
    ))
}

/// `PUT /api/v1/plans/{plan}/handover-items/{item}`: changes an item (its confirmations are
/// cleared).
#[utoipa::path(put, path = "/api/v1/plans/{plan}/handover-items/{item}", tag = "handover",
    params(("plan" = String, Path), ("item" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = ItemBody,
    responses((status = 200, body = HandoverItem), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn update_handover_item(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, item)): Ids<(String, Uuid)>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<ItemBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    Ok(with_etag(
        StatusCode::OK,
        handover::update(&state.store, &actor, plan, item, version, body.into()).await?,
    ))
}

/// `DELETE /api/v1/plans/{plan}/handover-items/{item}`.
#[utoipa::path(delete, path = "/api/v1/plans/{plan}/handover-items/{item}", tag = "handover",
    params(("plan" = String, Path), ("item" = Uuid, Path), ("If-Match" = String, Header)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 412, body = ErrorBody), (status = 428, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn delete_handover_item(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, item)): Ids<(String, Uuid)>,
    IfMatch(version): IfMatch,
) -> Result<StatusCode, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    handover::delete(&state.store, &actor, plan, item, version).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/v1/plans/{plan}/handover-items/{item}/confirmation`: confirms the item for the
/// acting organisation's side (owner or partner).
#[utoipa::path(post, path = "/api/v1/plans/{plan}/handover-items/{item}/confirmation", tag = "handover",
    params(("plan" = String, Path), ("item" = Uuid, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = HandoverItem), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 412, body = ErrorBody), (status = 428, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn confirm_handover_item(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, item)): Ids<(String, Uuid)>,
    IfMatch(version): IfMatch,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    Ok(with_etag(
        StatusCode::OK,
        handover::confirm(&state.store, &actor, plan, item, version).await?,
    ))
}

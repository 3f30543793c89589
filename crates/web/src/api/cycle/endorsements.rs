//! `/api/v1/plans/{plan}/endorsements`: every party signs off the plan's current framework
//! version; a material change clears the endorsement (SPEC §6).

use super::{Ids, plan_id};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::openapi::ErrorBody;
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use handover_store::cycle::endorsements::{self, EndorsementState};
use serde::Deserialize;

/// A sign-off of the framework version the signer has read.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Endorse {
    /// The `framework_version` shown by `GET …/endorsements`.
    pub framework_version: i64,
}

impl RequestBody for Endorse {
    const FIELDS: &'static [&'static str] = &["framework_version"];
}

/// `GET /api/v1/plans/{plan}/endorsements`: the state and history of sign-offs.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/endorsements", tag = "endorsement",
    params(("plan" = String, Path)),
    responses((status = 200, body = EndorsementState), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_endorsements(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
) -> Result<Json<EndorsementState>, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    Ok(Json(endorsements::state(&state.store, &actor, plan).await?))
}

/// `POST /api/v1/plans/{plan}/endorsements`: the acting organisation signs off the version.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/endorsements", tag = "endorsement",
    params(("plan" = String, Path)),
    request_body = Endorse,
    responses((status = 200, body = EndorsementState), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn endorse_plan(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    JsonBody(body): JsonBody<Endorse>,
) -> Result<Json<EndorsementState>, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    Ok(Json(
        endorsements::endorse(&state.store, &actor, plan, body.framework_version).await?,
    ))
}

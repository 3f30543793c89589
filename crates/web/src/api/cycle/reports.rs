//! `/api/v1/plans/{plan}/reports…` and `/api/v1/reports/due`: the reporting cycle (SPEC §2).

use super::{Ids, org_id, plan_id};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::{IfMatch, etag};
use crate::api::openapi::ErrorBody;
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use handover_core::ids::IndicatorId;
use handover_core::indicator::Dimensions;
use handover_core::reporting::ReportStep;
use handover_core::text::Text;
use handover_store::cycle::reports::{self, ActualInput, ReportView};
use serde::Deserialize;

/// The actuals of a draft report.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveActuals {
    /// Every actual to save; values of other indicators stay as they are.
    pub actuals: Vec<ActualBody>,
}

impl RequestBody for SaveActuals {
    const FIELDS: &'static [&'static str] = &["actuals"];
}

/// One actual: a number as a string for numeric indicators (`"12"`, `"1507.50"`), the narrative
/// for qualitative ones.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActualBody {
    pub indicator: IndicatorId,
    pub value: String,
    #[serde(default)]
    pub dimensions: Dimensions,
    #[serde(default)]
    pub comment: Text,
    #[serde(default)]
    pub evidence: Option<String>,
}

/// A reviewer's decision.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// `approve` or `return`.
    pub decision: Decision,
    /// Required when returning: what to fix.
    #[serde(default)]
    pub comment: Option<String>,
}

/// Approve or return.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    Return,
}

impl RequestBody for Review {
    const FIELDS: &'static [&'static str] = &["decision", "comment"];
}

fn with_etag(r: ReportView) -> Response {
    ([etag(r.version)], Json(r)).into_response()
}

/// `GET /api/v1/plans/{plan}/reports`: every party's report for each period begun.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/reports", tag = "reporting",
    params(("plan" = String, Path, description = "The plan's code or id")),
    responses((status = 200, body = Vec<ReportView>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_reports(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
) -> Result<Json<Vec<ReportView>>, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    Ok(Json(reports::list(&state.store, &actor, plan).await?))
}

/// `GET /api/v1/plans/{plan}/reports/{period}/{organisation}`: one organisation's report.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/reports/{period}/{organisation}", tag = "reporting",
    params(("plan" = String, Path), ("period" = String, Path, description = "Q1, Q2… or the period's id"), ("organisation" = String, Path, description = "The reporting organisation's code or id")),
    responses((status = 200, body = ReportView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_report(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, period, org)): Ids<(String, String, String)>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let org = org_id(&state, &actor, &org).await?;
    Ok(with_etag(
        reports::get(&state.store, &actor, plan, &period, org).await?,
    ))
}

/// `PUT /api/v1/plans/{plan}/reports/{period}/actuals`: saves actuals into the acting
/// organisation's draft report. `If-Match` is the report's version (`"0"` before it exists).
#[utoipa::path(put, path = "/api/v1/plans/{plan}/reports/{period}/actuals", tag = "reporting",
    params(("plan" = String, Path), ("period" = String, Path), ("If-Match" = String, Header, description = "The report's version")),
    request_body = SaveActuals,
    responses((status = 200, body = ReportView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn save_actuals(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, period)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<SaveActuals>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let inputs = body
        .actuals
        .into_iter()
        .map(|a| ActualInput {
            indicator: a.indicator,
            value: a.value,
            dimensions: a.dimensions,
            comment: a.comment,
            evidence: a.evidence,
        })
        .collect();
    Ok(with_etag(
        reports::save_actuals(&state.store, &actor, plan, &period, version, inputs).await?,
    ))
}

/// `POST /api/v1/plans/{plan}/reports/{period}/submission`: submits the acting organisation's
/// report for review.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/reports/{period}/submission", tag = "reporting",
    params(("plan" = String, Path), ("period" = String, Path), ("If-Match" = String, Header, description = "The report's version")),
    responses((status = 200, body = ReportView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn submit_report(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, period)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let org = actor.org().ok_or_else(|| {
        AppError::from(handover_store::StoreError::Forbidden(
            "reports are submitted by a party".into(),
        ))
    })?;
    Ok(with_etag(
        reports::step(
            &state.store,
            &actor,
            plan,
            &period,
            org,
            ReportStep::Submit,
            None,
            version,
        )
        .await?,
    ))
}

/// `POST /api/v1/plans/{plan}/reports/{period}/{organisation}/review`: approves or returns
/// another party's submitted report.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/reports/{period}/{organisation}/review", tag = "reporting",
    params(("plan" = String, Path), ("period" = String, Path), ("organisation" = String, Path), ("If-Match" = String, Header, description = "The report's version")),
    request_body = Review,
    responses((status = 200, body = ReportView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn review_report(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, period, org)): Ids<(String, String, String)>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<Review>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let org = org_id(&state, &actor, &org).await?;
    let step = match body.decision {
        Decision::Approve => ReportStep::Approve,
        Decision::Return => ReportStep::Return,
    };
    Ok(with_etag(
        reports::step(
            &state.store,
            &actor,
            plan,
            &period,
            org,
            step,
            body.comment,
            version,
        )
        .await?,
    ))
}

/// `GET /api/v1/reports/due`: what the acting organisation has to report, across its plans:
/// due, overdue and returned reports, by due date.
#[utoipa::path(get, path = "/api/v1/reports/due", tag = "reporting",
    responses((status = 200, body = Vec<ReportView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_due_reports(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
) -> Result<Json<Vec<ReportView>>, AppError> {
    Ok(Json(reports::due_for(&state.store, &actor).await?))
}

//! `/api/v1/plans`: the plans an actor can see, and one whole plan as a nested document. The
//! types here and in `plans/document.rs` are the API's stable shapes (`docs/API-DESIGN.md` §4),
//! built from the store's values in `plans/build.rs` rather than the domain structs dumped as
//! they are. Dates are `YYYY-MM-DD`, exact decimals are JSON strings (`"1507.50"`), narrative
//! text is a language map (`{"en": …}`), parties are referred to by their codes, and every
//! record carries its `version`.

pub(crate) mod build;
mod document;

pub use document::{
    ActivityDoc, BaselineDoc, CalendarPeriod, IndicatorDoc, LeadDoc, MilestoneDoc, NeedDoc, Party,
    PlanDocument, ResultDoc, RiskDoc, Timeline, ValueDoc,
};

use crate::AppState;
use crate::api::pagination::{Page, Pagination};
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use handover_core::ids::PlanId;
use handover_core::text::Text;
use handover_store::plans;
use serde::Serialize;

/// `GET /api/v1/plans`: the plans the actor can see, by code, one page at a time.
#[utoipa::path(
    get,
    path = "/api/v1/plans",
    tag = "plans",
    params(("page" = Option<u32>, Query, description = "Page number, from 1"), ("per_page" = Option<u32>, Query, description = "Items per page, 1–200 (50)")),
    responses(
        (status = 200, description = "The plans the caller can see", body = Page<PlanSummary>),
        (status = 400, description = "A bad query parameter", body = crate::api::openapi::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::api::openapi::ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub(crate) async fn list_plans(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    pagination: Pagination,
) -> Result<Json<Page<PlanSummary>>, AppError> {
    let all = plans::list(&state.store, &actor).await?;
    let page = pagination.page(all).try_map(build::summary)?;
    Ok(Json(page))
}

/// `GET /api/v1/plans/{plan}` (a code or an id): the whole plan, with its version as `ETag`.
#[utoipa::path(
    get,
    path = "/api/v1/plans/{plan}",
    tag = "plans",
    params(("plan" = String, Path, description = "The plan's code or id")),
    responses(
        (status = 200, description = "The whole plan", body = PlanDocument, headers(("ETag" = String, description = "The plan's version"))),
        (status = 401, description = "Not signed in", body = crate::api::openapi::ErrorBody),
        (status = 404, description = "No such plan, or not one the caller can see", body = crate::api::openapi::ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub(crate) async fn show_plan(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let Path(plan) =
        path.map_err(|e| AppError::new(StatusCode::BAD_REQUEST, "invalid_path", e.body_text()))?;
    // Ids are stored in lower case; codes are lower case by rule.
    let key = plan.parse::<PlanId>().map_or(plan, |id| id.to_string());
    let id = plans::find(&state.store, &actor, &key).await?;
    let tree = plans::load(&state.store, &actor, id).await?;
    let etag = HeaderValue::from_str(&format!("\"{}\"", tree.plan.version))
        .expect("a quoted number is a valid header value");
    Ok(([(header::ETAG, etag)], Json(build::document(&tree))).into_response())
}

/// A plan as listed.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PlanSummary {
    /// The record's UUID.
    pub id: PlanId,
    /// The short unique code people type.
    pub code: String,
    /// The name, one text per language.
    pub name: Text,
    /// `rto_transition` or `generic`.
    pub kind: String,
    /// `draft`, `endorsed`, `in_progress`, `handing_over`, `handed_over` or `closed`.
    pub status: String,
    /// The first day of Q1.
    pub start: String,
    /// The last day of the last quarter.
    pub end: String,
    /// How many quarters the calendar has.
    pub quarters: i64,
    /// ISO 4217 reporting currency.
    pub currency: String,
    /// The owning organisation (the local authority of an RTO plan).
    pub owner: OwnerName,
    /// The co-owning development partners, in the order they were named.
    pub partners: Vec<PartnerName>,
    /// How far the activities have come.
    pub progress: Progress,
    /// Raised by one on every change.
    pub version: i64,
    /// Where the whole plan is: `/api/v1/plans/{code}`.
    pub url: String,
}

/// The owner of a listed plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct OwnerName {
    /// The organisation's name.
    pub name: String,
    /// The region (governorate) the organisation is in.
    pub region: Option<String>,
}

/// A co-owning partner of a listed plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PartnerName {
    /// The organisation's name.
    pub name: String,
}

/// How many of a plan's activities are completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Progress {
    /// How many activities the plan has.
    pub activities: i64,
    /// How many of them are completed.
    pub completed: i64,
}

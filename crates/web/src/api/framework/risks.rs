//! `/api/v1/plans/{plan}/risks`: the risk register — list (`?status=`), add to the plan, an
//! activity or a result, read, change, delete. Risk changes are not material.

use super::{
    Ids, ListQuery, ReadErrors, WriteErrors, created, deleted, found, load, nullable, one, plan_id,
};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::IfMatch;
use crate::api::pagination::Page;
use crate::api::plans::{RiskDoc, build};
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use handover_core::ids::RiskId;
use handover_core::plan::PlanTree;
use handover_core::risk::RiskStatus;
use handover_core::text::Text;
use handover_store::framework::find;
use handover_store::framework::risks::{self, RiskInput};
use serde::Deserialize;

/// A risk as written. Adding needs `description`, `likelihood` and `impact`; `activity` or
/// `result` (only when adding) says what it threatens, else the whole plan.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskBody {
    /// The activity (id, key or display number), when adding.
    #[serde(default)]
    pub activity: Option<String>,
    /// The result (id), when adding.
    #[serde(default)]
    pub result: Option<String>,
    #[serde(default)]
    pub description: Option<Text>,
    /// A whole number from 1 to 5.
    #[serde(default)]
    pub likelihood: Option<i64>,
    /// A whole number from 1 to 5.
    #[serde(default)]
    pub impact: Option<i64>,
    #[serde(default)]
    pub mitigation: Option<Text>,
    /// Party codes; by default those responsible for the result, leading the activity, or the owner.
    #[serde(default)]
    pub owner: Option<Vec<String>>,
    /// `open`, `monitoring` or `closed`.
    #[serde(default)]
    pub status: Option<RiskStatus>,
    /// YYYY-MM-DD; `null` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub review_date: Option<Option<String>>,
}

impl RequestBody for RiskBody {
    const FIELDS: &'static [&'static str] = &[
        "activity",
        "result",
        "description",
        "likelihood",
        "impact",
        "mitigation",
        "owner",
        "status",
        "review_date",
    ];
    const READ_ONLY: &'static [&'static str] = &["id", "version", "score"];
}

impl From<RiskBody> for RiskInput {
    fn from(b: RiskBody) -> Self {
        RiskInput {
            activity: b.activity,
            result: b.result,
            description: b.description,
            likelihood: b.likelihood,
            impact: b.impact,
            mitigation: b.mitigation,
            owner: b.owner,
            status: b.status,
            review_date: b.review_date,
        }
    }
}

fn doc(tree: &PlanTree, id: RiskId) -> Result<RiskDoc, AppError> {
    Ok(build::risk(
        tree,
        found(tree.risks.iter().find(|r| r.id == id), "risk")?,
    ))
}

/// `GET /api/v1/plans/{plan}/risks`: every risk of the plan, its activities and results;
/// `?status=` filters.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/risks", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("status" = Option<RiskStatus>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<RiskDoc>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_risks(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Json<Page<RiskDoc>>, AppError> {
    let q = ListQuery::read(&uri, &["status"])?;
    let status = q.parsed("status", |s| match s {
        "open" => Ok(RiskStatus::Open),
        "monitoring" => Ok(RiskStatus::Monitoring),
        "closed" => Ok(RiskStatus::Closed),
        _ => Err(format!(
            "unknown risk status `{s}`: use open, monitoring or closed"
        )),
    })?;
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let items = tree
        .risks
        .iter()
        .filter(|r| status.is_none_or(|s| r.status == s))
        .map(|r| build::risk(&tree, r))
        .collect();
    Ok(Json(q.page.page(items)))
}

/// `POST /api/v1/plans/{plan}/risks`: adds a risk.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/risks", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id")),
    request_body = RiskBody,
    responses((status = 201, body = RiskDoc, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn create_risk(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    JsonBody(body): JsonBody<RiskBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let r = risks::create(&state.store, &actor, plan, body.into()).await?;
    let tree = load(&state, &actor, plan).await?;
    Ok(created(
        &format!("/api/v1/plans/{}/risks/{}", tree.plan.code, r.id),
        r.version,
        doc(&tree, r.id)?,
    ))
}

/// `GET /api/v1/plans/{plan}/risks/{risk}`.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/risks/{risk}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("risk" = String, Path, description = "The risk's id")),
    responses((status = 200, body = RiskDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_risk(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, risk)): Ids<(String, String)>,
) -> Result<Response, AppError> {
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let r = found(find::risk(&tree, &risk), &format!("risk `{risk}`"))?;
    Ok(one(r.version, build::risk(&tree, r)))
}

/// `PATCH /api/v1/plans/{plan}/risks/{risk}`: changes a risk (not what it is attached to).
#[utoipa::path(patch, path = "/api/v1/plans/{plan}/risks/{risk}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("risk" = String, Path, description = "The risk's id"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    request_body = RiskBody,
    responses((status = 200, body = RiskDoc, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn update_risk(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, risk)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<RiskBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let r = risks::update(&state.store, &actor, plan, &risk, version, body.into()).await?;
    let tree = load(&state, &actor, plan).await?;
    Ok(one(r.version, doc(&tree, r.id)?))
}

/// `DELETE /api/v1/plans/{plan}/risks/{risk}`.
#[utoipa::path(delete, path = "/api/v1/plans/{plan}/risks/{risk}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("risk" = String, Path, description = "The risk's id"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    responses((status = 204, description = "Deleted"), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn delete_risk(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, risk)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    risks::delete(&state.store, &actor, plan, &risk, version).await?;
    Ok(deleted())
}

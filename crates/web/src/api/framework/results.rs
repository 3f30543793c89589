//! `/api/v1/plans/{plan}/results`: output, outcome, impact and other result nodes — list
//! (`?level=`, `?parent=`), add under the plan, an activity or another result, read, change,
//! move (`parent`, `position`), delete with everything under them. Every change is material.

use super::{Ids, ListQuery, ReadErrors, WriteErrors, created, deleted, found, load, one, plan_id};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::IfMatch;
use crate::api::pagination::Page;
use crate::api::plans::{ResultDoc, build};
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use handover_core::Invalid;
use handover_core::ids::ResultId;
use handover_core::plan::{PlanTree, ResultLevel, ResultParent};
use handover_core::text::Text;
use handover_store::StoreError;
use handover_store::framework::results::{self, ResultInput};
use handover_store::framework::{ParentRef, find};
use serde::Deserialize;

/// What a result hangs under.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParentKind {
    Plan,
    Activity,
    Result,
}

/// Where a result hangs: `{"kind": "plan"}`, `{"kind": "activity", "id": "aoc"}` (id, key or
/// display number) or `{"kind": "result", "id": "<uuid>"}`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ParentBody {
    pub kind: ParentKind,
    #[serde(default)]
    pub id: Option<String>,
}

/// A result as written. Adding needs `parent`, `level` and `title`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultBody {
    #[serde(default)]
    pub parent: Option<ParentBody>,
    /// `output`, `outcome`, `impact` or `other`.
    #[serde(default)]
    pub level: Option<ResultLevel>,
    #[serde(default)]
    pub title: Option<Text>,
    #[serde(default)]
    pub description: Option<Text>,
    /// The assumptions at this level of the results chain.
    #[serde(default)]
    pub assumptions: Option<Text>,
    /// Party codes; by default the activity's leads.
    #[serde(default)]
    pub responsible: Option<Vec<String>>,
    /// Its place among its siblings, from 1; the end when left out.
    #[serde(default)]
    pub position: Option<u16>,
}

impl RequestBody for ResultBody {
    const FIELDS: &'static [&'static str] = &[
        "parent",
        "level",
        "title",
        "description",
        "assumptions",
        "responsible",
        "position",
    ];
    const READ_ONLY: &'static [&'static str] = &["id", "version", "indicators", "risks", "results"];
}

impl TryFrom<ResultBody> for ResultInput {
    type Error = AppError;
    fn try_from(b: ResultBody) -> Result<Self, AppError> {
        let parent = match b.parent {
            None => None,
            Some(ParentBody {
                kind: ParentKind::Plan,
                ..
            }) => Some(ParentRef::Plan),
            Some(ParentBody { id: None, .. }) => {
                return Err(StoreError::Invalid(Invalid::one(
                    "parent.id",
                    "give the id of the activity or result",
                ))
                .into());
            }
            Some(ParentBody {
                kind: ParentKind::Activity,
                id: Some(id),
            }) => Some(ParentRef::Activity(id)),
            Some(ParentBody {
                kind: ParentKind::Result,
                id: Some(id),
            }) => Some(ParentRef::Result(id)),
        };
        Ok(ResultInput {
            parent,
            level: b.level,
            title: b.title,
            description: b.description,
            assumptions: b.assumptions,
            responsible: b.responsible,
            position: b.position,
        })
    }
}

fn doc(tree: &PlanTree, id: ResultId) -> Result<ResultDoc, AppError> {
    Ok(build::result(
        tree,
        found(tree.results.iter().find(|r| r.id == id), "result")?,
    ))
}

/// `GET /api/v1/plans/{plan}/results`: every result node in order, each with what hangs under
/// it; `?level=` and `?parent=` (`plan`, an activity, or a result id) filter.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/results", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("level" = Option<ResultLevel>, Query), ("parent" = Option<String>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<ResultDoc>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_results(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Json<Page<ResultDoc>>, AppError> {
    let q = ListQuery::read(&uri, &["level", "parent"])?;
    let level = q.parsed("level", ResultLevel::parse)?;
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let parent = q.parsed("parent", |p| {
        if p == "plan" {
            return Ok(ResultParent::Plan);
        }
        find::activity(&tree, p)
            .map(|a| ResultParent::Activity(a.id))
            .or_else(|| find::result(&tree, p).map(|r| ResultParent::Result(r.id)))
            .ok_or_else(|| format!("`{p}` is not `plan`, an activity or a result of this plan"))
    })?;
    let items = tree
        .results
        .iter()
        .filter(|r| level.is_none_or(|l| r.level == l) && parent.is_none_or(|p| r.parent == p))
        .map(|r| build::result(&tree, r))
        .collect();
    Ok(Json(q.page.page(items)))
}

/// `POST /api/v1/plans/{plan}/results`: adds a result node.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/results", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id")),
    request_body = ResultBody,
    responses((status = 201, body = ResultDoc, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn create_result(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    JsonBody(body): JsonBody<ResultBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let r = results::create(&state.store, &actor, plan, body.try_into()?).await?;
    let tree = load(&state, &actor, plan).await?;
    Ok(created(
        &format!("/api/v1/plans/{}/results/{}", tree.plan.code, r.id),
        r.version,
        doc(&tree, r.id)?,
    ))
}

/// `GET /api/v1/plans/{plan}/results/{result}`.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/results/{result}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("result" = String, Path, description = "The result's id")),
    responses((status = 200, body = ResultDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_result(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, result)): Ids<(String, String)>,
) -> Result<Response, AppError> {
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let r = found(find::result(&tree, &result), &format!("result `{result}`"))?;
    Ok(one(r.version, build::result(&tree, r)))
}

/// `PATCH /api/v1/plans/{plan}/results/{result}`: changes or moves a result node.
#[utoipa::path(patch, path = "/api/v1/plans/{plan}/results/{result}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("result" = String, Path, description = "The result's id"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    request_body = ResultBody,
    responses((status = 200, body = ResultDoc, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn update_result(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, result)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<ResultBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let r = results::update(
        &state.store,
        &actor,
        plan,
        &result,
        version,
        body.try_into()?,
    )
    .await?;
    let tree = load(&state, &actor, plan).await?;
    Ok(one(r.version, doc(&tree, r.id)?))
}

/// `DELETE /api/v1/plans/{plan}/results/{result}`: deletes a result node with the results,
/// indicators, values and risks under it.
#[utoipa::path(delete, path = "/api/v1/plans/{plan}/results/{result}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("result" = String, Path, description = "The result's id"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    responses((status = 204, description = "Deleted"), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn delete_result(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, result)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    results::delete(&state.store, &actor, plan, &result, version).await?;
    Ok(deleted())
}

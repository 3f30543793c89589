//! `/api/v1/plans/{plan}/milestones`: list, add, read, change or move (`number`), delete (with
//! their activities and everything under them). Every change is material.

use super::{
    Ids, ListQuery, ReadErrors, WriteErrors, created, deleted, found, load, nullable, one, plan_id,
};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::IfMatch;
use crate::api::pagination::Page;
use crate::api::plans::MilestoneDoc;
use crate::api::plans::build;
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use handover_core::text::Text;
use handover_store::framework::find;
use handover_store::framework::milestones::{self, MilestoneInput};
use serde::Deserialize;

/// A milestone as written. Adding needs a `title`; in a change every field is optional.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneBody {
    /// The title, one text per language.
    #[serde(default)]
    pub title: Option<Text>,
    /// What the milestone achieves.
    #[serde(default)]
    pub objective: Option<Text>,
    /// A stable snake_case key; `null` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub key: Option<Option<String>>,
    /// Where it goes, from 1 (the others move up); the end when left out.
    #[serde(default)]
    pub number: Option<u16>,
}

impl RequestBody for MilestoneBody {
    const FIELDS: &'static [&'static str] = &["title", "objective", "key", "number"];
    const READ_ONLY: &'static [&'static str] = &["id", "version", "activities"];
}

impl From<MilestoneBody> for MilestoneInput {
    fn from(b: MilestoneBody) -> Self {
        MilestoneInput {
            title: b.title,
            objective: b.objective,
            key: b.key,
            number: b.number,
        }
    }
}

/// `GET /api/v1/plans/{plan}/milestones`: the milestones in order, with their activities.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/milestones", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<MilestoneDoc>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_milestones(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Json<Page<MilestoneDoc>>, AppError> {
    let q = ListQuery::read(&uri, &[])?;
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let items = tree
        .milestones
        .iter()
        .map(|m| build::milestone(&tree, m))
        .collect();
    Ok(Json(q.page.page(items)))
}

/// `POST /api/v1/plans/{plan}/milestones`: adds a milestone.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/milestones", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id")),
    request_body = MilestoneBody,
    responses((status = 201, body = MilestoneDoc, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn create_milestone(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    JsonBody(body): JsonBody<MilestoneBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let m = milestones::create(&state.store, &actor, plan, body.into()).await?;
    let tree = load(&state, &actor, plan).await?;
    let doc = build::milestone(
        &tree,
        found(tree.milestones.iter().find(|x| x.id == m.id), "milestone")?,
    );
    Ok(created(
        &format!("/api/v1/plans/{}/milestones/{}", tree.plan.code, m.id),
        m.version,
        doc,
    ))
}

/// `GET /api/v1/plans/{plan}/milestones/{milestone}` (id, key or number).
#[utoipa::path(get, path = "/api/v1/plans/{plan}/milestones/{milestone}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("milestone" = String, Path, description = "The milestone's id, key or number")),
    responses((status = 200, body = MilestoneDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_milestone(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, milestone)): Ids<(String, String)>,
) -> Result<Response, AppError> {
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let m = found(
        find::milestone(&tree, &milestone),
        &format!("milestone `{milestone}`"),
    )?;
    Ok(one(m.version, build::milestone(&tree, m)))
}

/// `PATCH /api/v1/plans/{plan}/milestones/{milestone}`: changes or moves a milestone.
#[utoipa::path(patch, path = "/api/v1/plans/{plan}/milestones/{milestone}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("milestone" = String, Path, description = "The milestone's id, key or number"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    request_body = MilestoneBody,
    responses((status = 200, body = MilestoneDoc, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn update_milestone(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, milestone)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<MilestoneBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let m =
        milestones::update(&state.store, &actor, plan, &milestone, version, body.into()).await?;
    let tree = load(&state, &actor, plan).await?;
    let doc = build::milestone(
        &tree,
        found(tree.milestones.iter().find(|x| x.id == m.id), "milestone")?,
    );
    Ok(one(m.version, doc))
}

/// `DELETE /api/v1/plans/{plan}/milestones/{milestone}`: deletes a milestone with its
/// activities and everything under them.
#[utoipa::path(delete, path = "/api/v1/plans/{plan}/milestones/{milestone}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("milestone" = String, Path, description = "The milestone's id, key or number"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    responses((status = 204, description = "Deleted"), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn delete_milestone(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, milestone)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    milestones::delete(&state.store, &actor, plan, &milestone, version).await?;
    Ok(deleted())
}

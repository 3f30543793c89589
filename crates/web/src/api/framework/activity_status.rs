//! An activity's progress status (`PUT …/status`, reporters too; not material) and its history,
//! and further instances of a repeatable activity (`POST …/instances`, 24.2, 24.3…; material).

use super::activities::{QuartersBody, doc};
use super::{Ids, ListQuery, ReadErrors, WriteErrors, created, found, load, one, plan_id};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::IfMatch;
use crate::api::pagination::Page;
use crate::api::plans::ActivityDoc;
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use handover_core::plan::ProgressStatus;
use handover_core::text::Text;
use handover_store::framework::find;
use handover_store::framework::instances::{self, InstanceInput};
use handover_store::plans;
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;

/// A new status, with an optional note.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusBody {
    /// `not_started`, `started`, `advanced` or `completed`.
    pub status: ProgressStatus,
    /// Why, in a sentence.
    #[serde(default)]
    pub note: Option<String>,
}

impl RequestBody for StatusBody {
    const FIELDS: &'static [&'static str] = &["status", "note"];
}

/// One change of an activity's status.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StatusChangeDoc {
    pub from: ProgressStatus,
    pub to: ProgressStatus,
    /// RFC 3339.
    pub at: String,
    /// Who changed it, as the audit trail names them.
    pub by: String,
    pub note: Option<String>,
}

/// What may differ in a new instance; everything else is copied from the activity.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InstanceBody {
    #[serde(default)]
    pub title: Option<Text>,
    #[serde(default)]
    pub planned: Option<QuartersBody>,
}

impl RequestBody for InstanceBody {
    const FIELDS: &'static [&'static str] = &["title", "planned"];
}

/// `PUT /api/v1/plans/{plan}/activities/{activity}/status`: sets the progress status; moving
/// past `not_started` records the actual start quarter, `completed` the actual end quarter.
#[utoipa::path(put, path = "/api/v1/plans/{plan}/activities/{activity}/status", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("activity" = String, Path, description = "The activity's id, key or display number"), ("If-Match" = String, Header, description = "The activity's version, as its ETag")),
    request_body = StatusBody,
    responses((status = 200, body = ActivityDoc, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn set_activity_status(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, activity)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<StatusBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let tree = load(&state, &actor, plan).await?;
    let id = found(
        find::activity(&tree, &activity),
        &format!("activity `{activity}`"),
    )?
    .id;
    let a = plans::set_activity_status(&state.store, &actor, id, version, body.status, body.note)
        .await?;
    let tree = load(&state, &actor, plan).await?;
    Ok(one(a.version, doc(&tree, a.id)?))
}

/// `GET /api/v1/plans/{plan}/activities/{activity}/status-history`: every change, oldest first.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/activities/{activity}/status-history", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("activity" = String, Path, description = "The activity's id, key or display number"), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<StatusChangeDoc>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_status_history(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, activity)): Ids<(String, String)>,
    uri: Uri,
) -> Result<Json<Page<StatusChangeDoc>>, AppError> {
    let q = ListQuery::read(&uri, &[])?;
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let id = found(
        find::activity(&tree, &activity),
        &format!("activity `{activity}`"),
    )?
    .id;
    let changes = plans::status_history(&state.store, &actor, id).await?;
    let items = changes
        .into_iter()
        .map(|c| StatusChangeDoc {
            from: c.from,
            to: c.to,
            at: c.at.format(&Rfc3339).unwrap_or_default(),
            by: c.by,
            note: c.note,
        })
        .collect();
    Ok(Json(q.page.page(items)))
}

/// `POST /api/v1/plans/{plan}/activities/{activity}/instances`: another instance of a
/// repeatable activity (24.2 after 24.1), copying its framework.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/activities/{activity}/instances", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("activity" = String, Path, description = "The repeatable activity's id, key or display number")),
    request_body = InstanceBody,
    responses((status = 201, body = ActivityDoc, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn add_activity_instance(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, activity)): Ids<(String, String)>,
    JsonBody(body): JsonBody<InstanceBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let input = InstanceInput {
        title: body.title,
        planned: body.planned.map(Into::into),
    };
    let a = instances::add_instance(&state.store, &actor, plan, &activity, input).await?;
    let tree = load(&state, &actor, plan).await?;
    Ok(created(
        &format!("/api/v1/plans/{}/activities/{}", tree.plan.code, a.id),
        a.version,
        doc(&tree, a.id)?,
    ))
}

//! `/api/v1/plans/{plan}/activities`: list (by milestone, by status), add, read, change, move
//! (`milestone`, `position`), delete (with everything under them). `{activity}` is an id, a
//! stable key (`aoc`) or a display number (`24.2`). A change to anything but `actual` is
//! material.

use super::{
    Ids, ListQuery, ReadErrors, WriteErrors, created, deleted, found, load, nullable, one, plan_id,
};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::IfMatch;
use crate::api::pagination::Page;
use crate::api::plans::{ActivityDoc, build};
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use handover_core::plan::{PlanTree, ProgressStatus};
use handover_core::text::Text;
use handover_store::framework::activities::{self, ActivityInput, Quarters};
use handover_store::framework::{LeadInput, find};
use serde::Deserialize;

/// A span of quarters as written (1 for Q1).
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuartersBody {
    /// The first quarter.
    #[serde(default)]
    pub start_quarter: Option<u16>,
    /// The last quarter, not before the first.
    #[serde(default)]
    pub end_quarter: Option<u16>,
}

impl From<QuartersBody> for Quarters {
    fn from(q: QuartersBody) -> Self {
        Quarters {
            start: q.start_quarter,
            end: q.end_quarter,
        }
    }
}

/// Who leads in one quarter.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LeadBody {
    /// The quarter, 1 for Q1.
    pub quarter: u16,
    /// Codes of the parties leading then: the local authority, a partner, or several jointly.
    pub parties: Vec<String>,
}

/// An activity as written. Adding needs `milestone`, `title` and `planned`; in a change every
/// field is optional. The status is set with `PUT …/status`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityBody {
    /// The milestone (id, key or number); with `position`, moves the activity and its instances.
    #[serde(default)]
    pub milestone: Option<String>,
    /// Its place among the milestone's activities, from 1; the end when left out.
    #[serde(default)]
    pub position: Option<u16>,
    /// A stable snake_case key; `null` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub key: Option<Option<String>>,
    #[serde(default)]
    pub title: Option<Text>,
    /// The problem statement: the needs it addresses.
    #[serde(default)]
    pub rationale: Option<Text>,
    /// Keys of the plan's needs.
    #[serde(default)]
    pub needs: Option<Vec<String>>,
    #[serde(default)]
    pub financial_description: Option<Text>,
    /// Whether it may run several times (24.1, 24.2…).
    #[serde(default)]
    pub repeatable: Option<bool>,
    /// The indicative timeline; a quarter left out keeps its value.
    #[serde(default)]
    pub planned: Option<QuartersBody>,
    /// When it really started and ended; replaces both (left out or `null` clears).
    #[serde(default)]
    pub actual: Option<QuartersBody>,
    /// Who leads in each quarter; replaces the list (by default the owner leads every planned quarter).
    #[serde(default)]
    pub leads: Option<Vec<LeadBody>>,
}

impl RequestBody for ActivityBody {
    const FIELDS: &'static [&'static str] = &[
        "milestone",
        "position",
        "key",
        "title",
        "rationale",
        "needs",
        "financial_description",
        "repeatable",
        "planned",
        "actual",
        "leads",
    ];
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "number",
        "display_number",
        "instance",
        "status",
        "slippage",
        "results",
        "risks",
    ];
}

impl From<ActivityBody> for ActivityInput {
    fn from(b: ActivityBody) -> Self {
        ActivityInput {
            milestone: b.milestone,
            position: b.position,
            key: b.key,
            title: b.title,
            rationale: b.rationale,
            needs: b.needs,
            financial_description: b.financial_description,
            repeatable: b.repeatable,
            planned: b.planned.map(Into::into),
            actual: b.actual.map(Into::into),
            leads: b.leads.map(|l| {
                l.into_iter()
                    .map(|x| LeadInput {
                        quarter: x.quarter,
                        parties: x.parties,
                    })
                    .collect()
            }),
        }
    }
}

/// The activity's document in the loaded plan.
pub(crate) fn doc(
    tree: &PlanTree,
    id: handover_core::ids::ActivityId,
) -> Result<ActivityDoc, AppError> {
    Ok(build::activity(
        tree,
        found(tree.activities.iter().find(|a| a.id == id), "activity")?,
    ))
}

/// `GET /api/v1/plans/{plan}/activities`: the activities in order; `?milestone=` (id, key or
/// number) and `?status=` filter.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/activities", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("milestone" = Option<String>, Query), ("status" = Option<ProgressStatus>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<ActivityDoc>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_activities(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Json<Page<ActivityDoc>>, AppError> {
    let q = ListQuery::read(&uri, &["milestone", "status"])?;
    let status = q.parsed("status", ProgressStatus::parse)?;
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let milestone = q.parsed("milestone", |m| {
        find::milestone(&tree, m)
            .map(|m| m.id)
            .ok_or_else(|| format!("`{m}` is not a milestone of this plan"))
    })?;
    let mut acts: Vec<_> = tree
        .activities
        .iter()
        .filter(|a| {
            milestone.is_none_or(|m| a.milestone_id == m) && status.is_none_or(|s| a.status == s)
        })
        .collect();
    acts.sort_by_key(|a| (a.number, a.instance));
    Ok(Json(
        q.page.page(
            acts.into_iter()
                .map(|a| build::activity(&tree, a))
                .collect(),
        ),
    ))
}

/// `POST /api/v1/plans/{plan}/activities`: adds an activity to a milestone.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/activities", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id")),
    request_body = ActivityBody,
    responses((status = 201, body = ActivityDoc, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn create_activity(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    JsonBody(body): JsonBody<ActivityBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let a = activities::create(&state.store, &actor, plan, body.into()).await?;
    let tree = load(&state, &actor, plan).await?;
    Ok(created(
        &format!("/api/v1/plans/{}/activities/{}", tree.plan.code, a.id),
        a.version,
        doc(&tree, a.id)?,
    ))
}

/// `GET /api/v1/plans/{plan}/activities/{activity}` (id, key or display number).
#[utoipa::path(get, path = "/api/v1/plans/{plan}/activities/{activity}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("activity" = String, Path, description = "The activity's id, key or display number")),
    responses((status = 200, body = ActivityDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_activity(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, activity)): Ids<(String, String)>,
) -> Result<Response, AppError> {
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let a = found(
        find::activity(&tree, &activity),
        &format!("activity `{activity}`"),
    )?;
    Ok(one(a.version, build::activity(&tree, a)))
}

/// `PATCH /api/v1/plans/{plan}/activities/{activity}`: changes or moves an activity.
#[utoipa::path(patch, path = "/api/v1/plans/{plan}/activities/{activity}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("activity" = String, Path, description = "The activity's id, key or display number"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    request_body = ActivityBody,
    responses((status = 200, body = ActivityDoc, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn update_activity(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, activity)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<ActivityBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let a = activities::update(&state.store, &actor, plan, &activity, version, body.into()).await?;
    let tree = load(&state, &actor, plan).await?;
    Ok(one(a.version, doc(&tree, a.id)?))
}

/// `DELETE /api/v1/plans/{plan}/activities/{activity}`: deletes an activity with its results,
/// indicators, values and risks.
#[utoipa::path(delete, path = "/api/v1/plans/{plan}/activities/{activity}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("activity" = String, Path, description = "The activity's id, key or display number"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    responses((status = 204, description = "Deleted"), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn delete_activity(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, activity)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    activities::delete(&state.store, &actor, plan, &activity, version).await?;
    Ok(deleted())
}

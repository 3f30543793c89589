//! `POST /api/v1/plans` (a new plan copied from a template) and `PATCH /api/v1/plans/{plan}`
//! (its header: name, report due days). The answer is the whole plan document with the
//! header's version as `ETag`. Neither is a material change.

use super::{Ids, WriteErrors, created, load, one, plan_id};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::IfMatch;
use crate::api::plans::{PlanDocument, build};
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::extract::State;
use axum::response::Response;
use handover_core::text::{Lang, Text};
use handover_store::framework::new_plan::{self, NewPlanInput};
use handover_store::plans::{self, PlanChange};
use serde::Deserialize;

/// A new plan from a template.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPlanBody {
    /// The template's code or id, e.g. `rto-transition`.
    pub template: String,
    /// A short unique code; made from the name when left out.
    #[serde(default)]
    pub code: Option<String>,
    /// The name, one text per language.
    pub name: Text,
    /// The owning local authority (a municipality or union for an RTO plan): code or id.
    pub local_authority: String,
    /// The co-owning development partners: codes or ids.
    #[serde(default)]
    pub partners: Vec<String>,
    /// The first day of a month, YYYY-MM-DD.
    pub start: String,
    /// ISO 4217, e.g. USD.
    pub currency: String,
    /// Content languages; the template's when left out.
    #[serde(default)]
    pub languages: Vec<Lang>,
}

impl RequestBody for NewPlanBody {
    const FIELDS: &'static [&'static str] = &[
        "template",
        "code",
        "name",
        "local_authority",
        "partners",
        "start",
        "currency",
        "languages",
    ];
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "kind",
        "status",
        "end",
        "quarters",
        "report_due_days",
        "owner",
        "calendar",
        "needs",
        "milestones",
        "results",
        "risks",
    ];
}

/// A change to a plan's header.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanPatch {
    #[serde(default)]
    pub name: Option<Text>,
    /// Days after a quarter's end when its report is due (0–365).
    #[serde(default)]
    pub report_due_days: Option<u16>,
}

impl RequestBody for PlanPatch {
    const FIELDS: &'static [&'static str] = &["name", "report_due_days"];
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "code",
        "kind",
        "status",
        "start",
        "end",
        "quarters",
        "currency",
        "languages",
        "template",
        "owner",
        "partners",
        "calendar",
        "needs",
        "milestones",
        "results",
        "risks",
    ];
}

/// `POST /api/v1/plans`: makes a plan from a template; an editor or administrator of one of its
/// parties (or the operator).
#[utoipa::path(post, path = "/api/v1/plans", tag = "plans",
    request_body = NewPlanBody,
    responses((status = 201, body = PlanDocument, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn create_plan(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    JsonBody(b): JsonBody<NewPlanBody>,
) -> Result<Response, AppError> {
    let input = NewPlanInput {
        template: b.template,
        code: b.code,
        name: b.name,
        local_authority: b.local_authority,
        partners: b.partners,
        start: b.start,
        currency: b.currency,
        languages: b.languages,
    };
    let tree = new_plan::create(&state.store, &actor, input).await?;
    let location = format!("/api/v1/plans/{}", tree.plan.code);
    Ok(created(
        &location,
        tree.plan.version,
        build::document(&tree),
    ))
}

/// `PATCH /api/v1/plans/{plan}`: changes the plan's name or report due days.
#[utoipa::path(patch, path = "/api/v1/plans/{plan}", tag = "plans",
    params(("plan" = String, Path, description = "The plan's code or id"), ("If-Match" = String, Header, description = "The plan's version, as its ETag")),
    request_body = PlanPatch,
    responses((status = 200, body = PlanDocument, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn update_plan(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    IfMatch(version): IfMatch,
    JsonBody(b): JsonBody<PlanPatch>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let change = PlanChange {
        name: b.name,
        report_due_days: b.report_due_days,
    };
    let p = plans::update_plan(&state.store, &actor, plan, version, change).await?;
    let tree = load(&state, &actor, plan).await?;
    Ok(one(p.version, build::document(&tree)))
}

//! `/api/v1/plans/{plan}/budget-versions`: the budget frozen under a name — the AoC baseline
//! (activity 7), the handover revision (activity 25) or any other — with who froze it and when.
//! A frozen version never changes; `comparison.rs` sets two side by side.

use super::docs::{self, CostLineDoc, MoneyDoc, amounts};
use super::store_error;
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::framework::{Ids, ListQuery, ReadErrors, WriteErrors, created, load, one, plan_id};
use crate::api::pagination::Page;
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use handover_core::finance::version::{BudgetVersion, VersionPurpose};
use handover_core::ids::BudgetVersionId;
use handover_core::plan::PlanTree;
use handover_store::finance::{VersionSummary, versions};
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;

/// A frozen version without its lines.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct VersionSummaryDoc {
    /// The record's UUID.
    pub id: BudgetVersionId,
    /// 1 for the plan's first frozen version.
    pub number: i64,
    pub name: String,
    /// `aoc_baseline`, `handover_revision` or `revision`.
    pub purpose: VersionPurpose,
    /// Who froze it, as the audit trail names actors.
    pub frozen_by: String,
    /// When (RFC 3339).
    pub frozen_at: String,
    /// How many cost lines it holds.
    pub lines: usize,
}

impl From<&VersionSummary> for VersionSummaryDoc {
    fn from(v: &VersionSummary) -> Self {
        Self {
            id: v.id,
            number: v.number,
            name: v.name.clone(),
            purpose: v.purpose,
            frozen_by: v.frozen_by.clone(),
            frozen_at: v.frozen_at.format(&Rfc3339).unwrap_or_default(),
            lines: v.lines,
        }
    }
}

/// A frozen version with its cost lines as they stood.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct VersionDoc {
    pub id: BudgetVersionId,
    pub number: i64,
    pub name: String,
    pub purpose: VersionPurpose,
    pub frozen_by: String,
    pub frozen_at: String,
    /// Its total, one amount per currency, each rounded once.
    pub total: Vec<MoneyDoc>,
    /// Always 1: a frozen version never changes (sent as `ETag`).
    pub version: i64,
    pub lines: Vec<CostLineDoc>,
}

pub(crate) fn version_doc(tree: &PlanTree, v: &BudgetVersion) -> VersionDoc {
    let mut total = handover_core::finance::Sum::default();
    for l in &v.lines {
        total.add(l.amount(), &l.currency);
    }
    VersionDoc {
        id: v.id,
        number: v.number,
        name: v.name.clone(),
        purpose: v.purpose,
        frozen_by: v.frozen_by.clone(),
        frozen_at: v.frozen_at.format(&Rfc3339).unwrap_or_default(),
        total: amounts(&total, None),
        version: 1,
        lines: v.lines.iter().map(|l| docs::cost_line(tree, l)).collect(),
    }
}

/// Freezing the current budget.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FreezeBody {
    /// Unique in the plan, e.g. `AoC baseline 2021`.
    pub name: String,
    /// `aoc_baseline` (recorded as the AoC's baseline), `handover_revision` (recorded as its
    /// handover revision) or `revision`.
    pub purpose: VersionPurpose,
}

impl RequestBody for FreezeBody {
    const FIELDS: &'static [&'static str] = &["name", "purpose"];
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "number",
        "frozen_by",
        "frozen_at",
        "lines",
        "total",
    ];
}

/// `GET /api/v1/plans/{plan}/budget-versions`: the frozen versions, by number.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/budget-versions", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<VersionSummaryDoc>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_budget_versions(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Json<Page<VersionSummaryDoc>>, AppError> {
    let q = ListQuery::read(&uri, &[])?;
    let plan = plan_id(&state, &actor, &plan).await?;
    let list = versions::list(&state.store, &actor, plan)
        .await
        .map_err(store_error)?;
    Ok(Json(q.page.page(list.iter().map(Into::into).collect())))
}

/// `POST /api/v1/plans/{plan}/budget-versions`: freezes the current cost lines under a name.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/budget-versions", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id")),
    request_body = FreezeBody,
    responses((status = 201, body = VersionDoc, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn freeze_budget_version(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    JsonBody(body): JsonBody<FreezeBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let v = versions::freeze(&state.store, &actor, plan, &body.name, body.purpose)
        .await
        .map_err(store_error)?;
    let tree = load(&state, &actor, plan).await?;
    Ok(created(
        &format!(
            "/api/v1/plans/{}/budget-versions/{}",
            tree.plan.code, v.number
        ),
        1,
        version_doc(&tree, &v),
    ))
}

/// `GET /api/v1/plans/{plan}/budget-versions/{version}`: one version by id, number or name,
/// with its lines.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/budget-versions/{version}", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("version" = String, Path, description = "The version's id, number or name")),
    responses((status = 200, body = VersionDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_budget_version(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, version)): Ids<(String, String)>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let v = versions::get(&state.store, &actor, plan, &version)
        .await
        .map_err(store_error)?;
    let tree = load(&state, &actor, plan).await?;
    Ok(one(1, version_doc(&tree, &v)))
}

//! `/api/v1/plans/{plan}/expenditures`: money paid against a cost line, with its date and
//! evidence — list (filters `cost_line`, `from`, `to`), record, read, change, delete. Reporters
//! record spending too; spending is not a material change.

use super::docs::{self, ExpenditureDoc};
use super::{Dec, store_error};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::IfMatch;
use crate::api::framework::{
    Ids, ListQuery, ReadErrors, WriteErrors, created, deleted, found, load, nullable, one, plan_id,
};
use crate::api::pagination::Page;
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use handover_core::calendar::parse_date;
use handover_core::finance::spending::Expenditure;
use handover_core::ids::PlanId;
use handover_core::money::Currency;
use handover_store::finance::cost_lines;
use handover_store::finance::expenditures::{self, ExpenditureInput};
use serde::Deserialize;

/// Spending as written. Recording needs `cost_line`, `date`, `amount` and `description`;
/// `currency` is the line's unless given. In a `PATCH` a field left out keeps its value.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpenditureBody {
    /// The cost line's id.
    #[serde(default)]
    pub cost_line: Option<String>,
    /// The day it was paid, YYYY-MM-DD.
    #[serde(default)]
    pub date: Option<String>,
    /// An exact decimal string above zero.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub amount: Option<Dec>,
    /// ISO 4217; the line's currency by default.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub currency: Option<Currency>,
    /// What was paid (an invoice, a payroll month).
    #[serde(default)]
    pub description: Option<String>,
    /// A link to the evidence; `null` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub evidence: Option<Option<String>>,
}

impl RequestBody for ExpenditureBody {
    const FIELDS: &'static [&'static str] = &[
        "cost_line",
        "date",
        "amount",
        "currency",
        "description",
        "evidence",
    ];
    const READ_ONLY: &'static [&'static str] = &["id", "version", "activity"];
}

impl From<ExpenditureBody> for ExpenditureInput {
    fn from(b: ExpenditureBody) -> Self {
        ExpenditureInput {
            cost_line: b.cost_line,
            date: b.date,
            amount: b.amount.map(|d| d.0),
            currency: b.currency,
            description: b.description,
            evidence: b.evidence,
        }
    }
}

/// The document of one expenditure, with its line's activity, and the plan's code.
async fn doc(
    state: &AppState,
    actor: &handover_core::actor::Actor,
    plan: PlanId,
    e: &Expenditure,
) -> Result<(String, ExpenditureDoc), AppError> {
    let tree = load(state, actor, plan).await?;
    let lines = cost_lines::list(&state.store, actor, plan)
        .await
        .map_err(store_error)?;
    Ok((
        tree.plan.code.to_string(),
        docs::expenditure(&tree, &lines, e),
    ))
}

/// `GET /api/v1/plans/{plan}/expenditures`: the plan's spending by date; `?cost_line=` (id),
/// `?from=` and `?to=` (dates, inclusive) filter.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/expenditures", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("cost_line" = Option<String>, Query), ("from" = Option<String>, Query), ("to" = Option<String>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<ExpenditureDoc>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_expenditures(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Json<Page<ExpenditureDoc>>, AppError> {
    let q = ListQuery::read(&uri, &["cost_line", "from", "to"])?;
    let from = q.parsed("from", parse_date)?;
    let to = q.parsed("to", parse_date)?;
    let line = q.filters.get("cost_line").map(|l| l.to_ascii_lowercase());
    let plan = plan_id(&state, &actor, &plan).await?;
    let tree = load(&state, &actor, plan).await?;
    let lines = cost_lines::list(&state.store, &actor, plan)
        .await
        .map_err(store_error)?;
    let paid = expenditures::list(&state.store, &actor, plan)
        .await
        .map_err(store_error)?;
    let items = paid
        .iter()
        .filter(|e| {
            line.as_ref()
                .is_none_or(|l| e.cost_line_id.to_string() == *l)
        })
        .filter(|e| from.is_none_or(|d| e.date >= d) && to.is_none_or(|d| e.date <= d))
        .map(|e| docs::expenditure(&tree, &lines, e))
        .collect();
    Ok(Json(q.page.page(items)))
}

/// `POST /api/v1/plans/{plan}/expenditures`: records spending against a cost line.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/expenditures", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id")),
    request_body = ExpenditureBody,
    responses((status = 201, body = ExpenditureDoc, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn create_expenditure(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    JsonBody(body): JsonBody<ExpenditureBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let e = expenditures::create(&state.store, &actor, plan, body.into())
        .await
        .map_err(store_error)?;
    let (code, d) = doc(&state, &actor, plan, &e).await?;
    Ok(created(
        &format!("/api/v1/plans/{code}/expenditures/{}", e.id),
        e.version,
        d,
    ))
}

/// `GET /api/v1/plans/{plan}/expenditures/{expenditure}`.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/expenditures/{expenditure}", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("expenditure" = String, Path, description = "The expenditure's id")),
    responses((status = 200, body = ExpenditureDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_expenditure(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, expenditure)): Ids<(String, String)>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let paid = expenditures::list(&state.store, &actor, plan)
        .await
        .map_err(store_error)?;
    let e = found(
        paid.iter()
            .find(|e| e.id.to_string().eq_ignore_ascii_case(&expenditure)),
        &format!("expenditure `{expenditure}`"),
    )?;
    Ok(one(e.version, doc(&state, &actor, plan, e).await?.1))
}

/// `PATCH /api/v1/plans/{plan}/expenditures/{expenditure}`.
#[utoipa::path(patch, path = "/api/v1/plans/{plan}/expenditures/{expenditure}", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("expenditure" = String, Path, description = "The expenditure's id"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    request_body = ExpenditureBody,
    responses((status = 200, body = ExpenditureDoc, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn update_expenditure(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, expenditure)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<ExpenditureBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let e = expenditures::update(
        &state.store,
        &actor,
        plan,
        &expenditure,
        version,
        body.into(),
    )
    .await
    .map_err(store_error)?;
    Ok(one(e.version, doc(&state, &actor, plan, &e).await?.1))
}

/// `DELETE /api/v1/plans/{plan}/expenditures/{expenditure}`.
#[utoipa::path(delete, path = "/api/v1/plans/{plan}/expenditures/{expenditure}", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("expenditure" = String, Path, description = "The expenditure's id"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    responses((status = 204, description = "Deleted"), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn delete_expenditure(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, expenditure)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    expenditures::delete(&state.store, &actor, plan, &expenditure, version)
        .await
        .map_err(store_error)?;
    Ok(deleted())
}

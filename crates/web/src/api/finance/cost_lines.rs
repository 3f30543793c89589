//! `/api/v1/plans/{plan}/cost-lines`: what each activity costs, line by line — list (filters
//! `activity`, `category`, `funder`), add, read, change, delete. Cost-line writes are material:
//! they clear the plan's endorsement.

use super::docs::{self, CostLineDoc};
use super::{Dec, invalid_entries, store_error};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::IfMatch;
use crate::api::framework::{
    Ids, ListQuery, ReadErrors, WriteErrors, created, deleted, found, load, one, plan_id,
};
use crate::api::pagination::Page;
use crate::error::{AppError, ErrorEntry};
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use handover_core::finance::{CostCategory, Unit};
use handover_core::money::Currency;
use handover_core::text::Text;
use handover_store::finance::cost_lines::{self, CostLineInput};
use handover_store::framework::find;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A cost line as written. Adding needs `activity`, `category`, `description`, `unit`,
/// `unit_price` and `quantities`; `currency` is the plan's and `funder` the plan's owner unless
/// given. In a `PATCH` a field left out keeps its value; `quantities` is replaced whole.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CostLineBody {
    /// The activity: id, key (`aoc`) or display number (`7`, `24.2`).
    #[serde(default)]
    pub activity: Option<String>,
    /// `logistics`, `external_expertise` or `in_house_expertise`.
    #[serde(default)]
    pub category: Option<CostCategory>,
    /// What is paid for, one text per language.
    #[serde(default)]
    pub description: Option<Text>,
    /// `person_day`, `person_month`, `event`, `month`, `item`, `trip`, `square_metre`, `lump_sum`.
    #[serde(default)]
    pub unit: Option<Unit>,
    /// An exact decimal string, 0 or more.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub unit_price: Option<Dec>,
    /// ISO 4217; the plan's currency by default.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub currency: Option<Currency>,
    /// The funding party's code or id; the plan's owner by default.
    #[serde(default)]
    pub funder: Option<String>,
    /// Quantity per quarter: `{"Q1": "3", "Q4": "2.5"}` (exact decimal strings).
    #[serde(default)]
    #[schema(value_type = Option<BTreeMap<String, String>>)]
    pub quantities: Option<BTreeMap<String, Dec>>,
}

impl RequestBody for CostLineBody {
    const FIELDS: &'static [&'static str] = &[
        "activity",
        "category",
        "description",
        "unit",
        "unit_price",
        "currency",
        "funder",
        "quantities",
    ];
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "activity_id",
        "milestone",
        "amount",
        "position",
    ];
}

/// `Q3`, `q3` or `3` → 3.
pub(crate) fn quarter_key(k: &str) -> Option<u16> {
    let n = k.strip_prefix(['Q', 'q']).unwrap_or(k);
    n.parse::<u16>().ok().filter(|n| *n > 0)
}

impl CostLineBody {
    /// The store's input; a quarter key that is not `Q1`, `Q2`… is named.
    pub(crate) fn into_input(self) -> Result<CostLineInput, AppError> {
        let mut errors = vec![];
        let quantities = self.quantities.map(|q| {
            q.into_iter()
                .filter_map(|(k, Dec(n))| match quarter_key(&k) {
                    Some(q) => Some((q, n)),
                    None => {
                        errors.push(ErrorEntry::field(
                            format!("/quantities/{}", k.replace('~', "~0").replace('/', "~1")),
                            format!("`{k}` is not a quarter: use Q1, Q2…"),
                        ));
                        None
                    }
                })
                .collect()
        });
        if !errors.is_empty() {
            return Err(invalid_entries(errors));
        }
        Ok(CostLineInput {
            activity: self.activity,
            category: self.category,
            description: self.description,
            unit: self.unit,
            unit_price: self.unit_price.map(|d| d.0),
            currency: self.currency,
            funder: self.funder,
            quantities,
        })
    }
}

/// `GET /api/v1/plans/{plan}/cost-lines`: the plan's cost lines by activity, then position;
/// `?activity=` (id, key or display number), `?category=`, `?funder=` (party code) filter.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/cost-lines", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("activity" = Option<String>, Query), ("category" = Option<CostCategory>, Query), ("funder" = Option<String>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<CostLineDoc>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_cost_lines(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Json<Page<CostLineDoc>>, AppError> {
    let q = ListQuery::read(&uri, &["activity", "category", "funder"])?;
    let category = q.parsed("category", CostCategory::parse)?;
    let plan = plan_id(&state, &actor, &plan).await?;
    let tree = load(&state, &actor, plan).await?;
    let activity = q.parsed("activity", |a| {
        find::activity(&tree, a)
            .map(|a| a.id)
            .ok_or_else(|| format!("the plan has no activity `{a}`"))
    })?;
    let funder = q.filters.get("funder");
    let lines = cost_lines::list(&state.store, &actor, plan)
        .await
        .map_err(store_error)?;
    let items = lines
        .iter()
        .filter(|l| activity.is_none_or(|a| l.activity_id == a))
        .filter(|l| category.is_none_or(|c| l.category == c))
        .map(|l| docs::cost_line(&tree, l))
        .filter(|d| funder.is_none_or(|f| &d.funder == f))
        .collect();
    Ok(Json(q.page.page(items)))
}

/// `POST /api/v1/plans/{plan}/cost-lines`: adds a cost line to an activity.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/cost-lines", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id")),
    request_body = CostLineBody,
    responses((status = 201, body = CostLineDoc, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn create_cost_line(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    JsonBody(body): JsonBody<CostLineBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let line = cost_lines::create(&state.store, &actor, plan, body.into_input()?)
        .await
        .map_err(store_error)?;
    let tree = load(&state, &actor, plan).await?;
    Ok(created(
        &format!("/api/v1/plans/{}/cost-lines/{}", tree.plan.code, line.id),
        line.version,
        docs::cost_line(&tree, &line),
    ))
}

/// `GET /api/v1/plans/{plan}/cost-lines/{line}`.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/cost-lines/{line}", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("line" = String, Path, description = "The cost line's id")),
    responses((status = 200, body = CostLineDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_cost_line(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, line)): Ids<(String, String)>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let lines = cost_lines::list(&state.store, &actor, plan)
        .await
        .map_err(store_error)?;
    let l = found(
        lines
            .iter()
            .find(|l| l.id.to_string().eq_ignore_ascii_case(&line)),
        &format!("cost line `{line}`"),
    )?;
    let tree = load(&state, &actor, plan).await?;
    Ok(one(l.version, docs::cost_line(&tree, l)))
}

/// `PATCH /api/v1/plans/{plan}/cost-lines/{line}`: changes a cost line (it may move to another
/// activity).
#[utoipa::path(patch, path = "/api/v1/plans/{plan}/cost-lines/{line}", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("line" = String, Path, description = "The cost line's id"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    request_body = CostLineBody,
    responses((status = 200, body = CostLineDoc, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn update_cost_line(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, line)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<CostLineBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let l = cost_lines::update(
        &state.store,
        &actor,
        plan,
        &line,
        version,
        body.into_input()?,
    )
    .await
    .map_err(store_error)?;
    let tree = load(&state, &actor, plan).await?;
    Ok(one(l.version, docs::cost_line(&tree, &l)))
}

/// `DELETE /api/v1/plans/{plan}/cost-lines/{line}`: refused (422) while spending is recorded
/// against the line.
#[utoipa::path(delete, path = "/api/v1/plans/{plan}/cost-lines/{line}", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("line" = String, Path, description = "The cost line's id"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    responses((status = 204, description = "Deleted"), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn delete_cost_line(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, line)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    cost_lines::delete(&state.store, &actor, plan, &line, version)
        .await
        .map_err(store_error)?;
    Ok(deleted())
}

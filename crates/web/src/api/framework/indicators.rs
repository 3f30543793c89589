//! `/api/v1/plans/{plan}/indicators`: list (`?result=`), add to a result, read, change, move
//! (`result`, `position`), delete with their targets and actuals. `{indicator}` is an id or the
//! indicator's code (unique in its plan). Every change is material.

use super::{
    Ids, ListQuery, ReadErrors, WriteErrors, created, deleted, found, load, nullable, one, plan_id,
};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::IfMatch;
use crate::api::pagination::Page;
use crate::api::plans::{IndicatorDoc, build};
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use handover_core::ids::IndicatorId;
use handover_core::indicator::{Cumulation, Dimensions, Direction, Frequency, Measure};
use handover_core::plan::PlanTree;
use handover_core::text::Text;
use handover_store::framework::find;
use handover_store::framework::indicators::{self, BaselineInput, IndicatorInput};
use serde::Deserialize;

/// A baseline: a value (an exact decimal as a string for numeric measures) at a date.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BaselineBody {
    #[serde(default)]
    pub value: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub date: Option<String>,
    /// Disaggregation, e.g. `{"sex": "female"}`.
    #[serde(default)]
    pub dimensions: Dimensions,
    #[serde(default)]
    pub comment: Text,
}

/// An indicator as written. Adding needs `result`, `code`, `statement` and `measure`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorBody {
    /// The result it measures (id); in a change, moves it there.
    #[serde(default)]
    pub result: Option<String>,
    /// Its place among the result's indicators, from 1; the end when left out.
    #[serde(default)]
    pub position: Option<u16>,
    /// Unique in the plan, e.g. `7.1.2`.
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub statement: Option<Text>,
    #[serde(default)]
    pub measure: Option<Measure>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub unit: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Direction>)]
    pub direction: Option<Option<Direction>>,
    #[serde(default)]
    pub cumulation: Option<Cumulation>,
    /// Replaces the list.
    #[serde(default)]
    pub baselines: Option<Vec<BaselineBody>>,
    #[serde(default)]
    pub data_source: Option<Text>,
    #[serde(default)]
    pub collection_method: Option<Text>,
    #[serde(default)]
    pub frequency: Option<Frequency>,
    /// Party codes; by default the result's responsible parties.
    #[serde(default)]
    pub responsible: Option<Vec<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub proposed_by: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub validated_by: Option<Option<String>>,
}

impl RequestBody for IndicatorBody {
    const FIELDS: &'static [&'static str] = &[
        "result",
        "position",
        "code",
        "statement",
        "measure",
        "unit",
        "direction",
        "cumulation",
        "baselines",
        "data_source",
        "collection_method",
        "frequency",
        "responsible",
        "proposed_by",
        "validated_by",
    ];
    const READ_ONLY: &'static [&'static str] = &["id", "version", "values"];
}

impl From<IndicatorBody> for IndicatorInput {
    fn from(b: IndicatorBody) -> Self {
        IndicatorInput {
            result: b.result,
            position: b.position,
            code: b.code,
            statement: b.statement,
            measure: b.measure,
            unit: b.unit,
            direction: b.direction,
            cumulation: b.cumulation,
            baselines: b.baselines.map(|l| {
                l.into_iter()
                    .map(|x| BaselineInput {
                        value: x.value,
                        date: x.date,
                        dimensions: x.dimensions,
                        comment: x.comment,
                    })
                    .collect()
            }),
            data_source: b.data_source,
            collection_method: b.collection_method,
            frequency: b.frequency,
            responsible: b.responsible,
            proposed_by: b.proposed_by,
            validated_by: b.validated_by,
        }
    }
}

fn doc(tree: &PlanTree, id: IndicatorId) -> Result<IndicatorDoc, AppError> {
    Ok(build::indicator(
        tree,
        found(tree.indicators.iter().find(|i| i.id == id), "indicator")?,
    ))
}

/// `GET /api/v1/plans/{plan}/indicators`: every indicator in order, with its values;
/// `?result=` (a result's id) filters.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/indicators", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("result" = Option<String>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<IndicatorDoc>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_indicators(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Json<Page<IndicatorDoc>>, AppError> {
    let q = ListQuery::read(&uri, &["result"])?;
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let result = q.parsed("result", |r| {
        find::result(&tree, r)
            .map(|x| x.id)
            .ok_or_else(|| format!("`{r}` is not a result of this plan"))
    })?;
    let items = tree
        .indicators
        .iter()
        .filter(|i| result.is_none_or(|r| i.result_id == r))
        .map(|i| build::indicator(&tree, i))
        .collect();
    Ok(Json(q.page.page(items)))
}

/// `POST /api/v1/plans/{plan}/indicators`: adds an indicator to a result.
#[utoipa::path(post, path = "/api/v1/plans/{plan}/indicators", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id")),
    request_body = IndicatorBody,
    responses((status = 201, body = IndicatorDoc, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn create_indicator(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    JsonBody(body): JsonBody<IndicatorBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let i = indicators::create(&state.store, &actor, plan, body.into()).await?;
    let tree = load(&state, &actor, plan).await?;
    Ok(created(
        &format!("/api/v1/plans/{}/indicators/{}", tree.plan.code, i.id),
        i.version,
        doc(&tree, i.id)?,
    ))
}

/// `GET /api/v1/plans/{plan}/indicators/{indicator}` (id or code).
#[utoipa::path(get, path = "/api/v1/plans/{plan}/indicators/{indicator}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("indicator" = String, Path, description = "The indicator's id or code")),
    responses((status = 200, body = IndicatorDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_indicator(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, indicator)): Ids<(String, String)>,
) -> Result<Response, AppError> {
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let i = found(
        find::indicator(&tree, &indicator),
        &format!("indicator `{indicator}`"),
    )?;
    Ok(one(i.version, build::indicator(&tree, i)))
}

/// `PATCH /api/v1/plans/{plan}/indicators/{indicator}`: changes or moves an indicator.
#[utoipa::path(patch, path = "/api/v1/plans/{plan}/indicators/{indicator}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("indicator" = String, Path, description = "The indicator's id or code"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    request_body = IndicatorBody,
    responses((status = 200, body = IndicatorDoc, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn update_indicator(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, indicator)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<IndicatorBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let i =
        indicators::update(&state.store, &actor, plan, &indicator, version, body.into()).await?;
    let tree = load(&state, &actor, plan).await?;
    Ok(one(i.version, doc(&tree, i.id)?))
}

/// `DELETE /api/v1/plans/{plan}/indicators/{indicator}`: deletes an indicator with its values.
#[utoipa::path(delete, path = "/api/v1/plans/{plan}/indicators/{indicator}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("indicator" = String, Path, description = "The indicator's id or code"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    responses((status = 204, description = "Deleted"), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn delete_indicator(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, indicator)): Ids<(String, String)>,
    IfMatch(version): IfMatch,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    indicators::delete(&state.store, &actor, plan, &indicator, version).await?;
    Ok(deleted())
}

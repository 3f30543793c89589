//! `/api/v1/plans/{plan}/indicators/{indicator}/values`: targets and actuals, one per period,
//! kind and combination of dimensions — list (`?period=Q3&kind=actual`), add, read, change the
//! value, comment or evidence, delete. Targets need an editor and are material; actuals may be
//! entered by reporters and are not.

use super::{
    Ids, ListQuery, ReadErrors, WriteErrors, created, deleted, found, load, nullable, one, plan_id,
};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::IfMatch;
use crate::api::pagination::Page;
use crate::api::plans::{ValueDoc, build};
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use handover_core::ids::ValueId;
use handover_core::indicator::{Dimensions, ValueKind};
use handover_core::plan::PlanTree;
use handover_core::text::Text;
use handover_store::framework::find;
use handover_store::framework::values::{self, ValueInput};
use serde::Deserialize;

/// A new target or actual.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ValueBody {
    /// `Q3` or the period's id.
    pub period: String,
    /// `target` or `actual`.
    pub kind: ValueKind,
    /// An exact decimal as a string (`"1507.50"`) for numeric measures, a narrative for
    /// qualitative ones.
    pub value: String,
    /// Disaggregation, e.g. `{"sex": "female"}`; `{}` when not disaggregated.
    #[serde(default)]
    pub dimensions: Dimensions,
    #[serde(default)]
    pub comment: Text,
    /// A web link (starting `https:`) or an attached file (`/files/…`).
    #[serde(default)]
    pub evidence: Option<String>,
}

impl RequestBody for ValueBody {
    const FIELDS: &'static [&'static str] = &[
        "period",
        "kind",
        "value",
        "dimensions",
        "comment",
        "evidence",
    ];
    const READ_ONLY: &'static [&'static str] = &["id", "version", "reported_by", "reported_at"];
}

/// A change to a target or actual: its value, comment or evidence.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ValuePatch {
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub comment: Option<Text>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub evidence: Option<Option<String>>,
}

impl RequestBody for ValuePatch {
    const FIELDS: &'static [&'static str] = &["value", "comment", "evidence"];
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "period",
        "kind",
        "dimensions",
        "reported_by",
        "reported_at",
    ];
}

fn doc(tree: &PlanTree, id: ValueId) -> Result<ValueDoc, AppError> {
    Ok(build::value(
        tree,
        found(tree.values.iter().find(|v| v.id == id), "value")?,
    ))
}

/// `GET …/indicators/{indicator}/values`: by period, kind and dimensions; `?period=` (`Q3` or
/// an id) and `?kind=` (`target`, `actual`) filter.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/indicators/{indicator}/values", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("indicator" = String, Path, description = "The indicator's id or code"), ("period" = Option<String>, Query), ("kind" = Option<ValueKind>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<ValueDoc>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_values(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, indicator)): Ids<(String, String)>,
    uri: Uri,
) -> Result<Json<Page<ValueDoc>>, AppError> {
    let q = ListQuery::read(&uri, &["period", "kind"])?;
    let kind = q.parsed("kind", |k| match k {
        "target" => Ok(ValueKind::Target),
        "actual" => Ok(ValueKind::Actual),
        _ => Err(format!("unknown kind `{k}`: use target or actual")),
    })?;
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let ind = found(
        find::indicator(&tree, &indicator),
        &format!("indicator `{indicator}`"),
    )?;
    let period = q.parsed("period", |p| {
        find::period(&tree, p)
            .map(|x| x.id)
            .ok_or_else(|| format!("`{p}` is not a period of this plan"))
    })?;
    let items = tree
        .values
        .iter()
        .filter(|v| {
            v.indicator_id == ind.id
                && period.is_none_or(|p| v.period_id == p)
                && kind.is_none_or(|k| v.kind == k)
        })
        .map(|v| build::value(&tree, v))
        .collect();
    Ok(Json(q.page.page(items)))
}

/// `POST …/indicators/{indicator}/values`: enters a target or an actual; one already there for
/// the same period, kind and dimensions is 409 (change it with `PATCH`).
#[utoipa::path(post, path = "/api/v1/plans/{plan}/indicators/{indicator}/values", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("indicator" = String, Path, description = "The indicator's id or code")),
    request_body = ValueBody,
    responses((status = 201, body = ValueDoc, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn create_value(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, indicator)): Ids<(String, String)>,
    JsonBody(b): JsonBody<ValueBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let input = ValueInput {
        period: Some(b.period),
        kind: Some(b.kind),
        value: Some(b.value),
        dimensions: Some(b.dimensions),
        comment: Some(b.comment),
        evidence: Some(b.evidence),
    };
    let v = values::create(&state.store, &actor, plan, &indicator, input).await?;
    let tree = load(&state, &actor, plan).await?;
    let location = format!(
        "/api/v1/plans/{}/indicators/{}/values/{}",
        tree.plan.code, v.indicator_id, v.id
    );
    Ok(created(&location, v.version, doc(&tree, v.id)?))
}

/// `GET …/indicators/{indicator}/values/{value}`.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/indicators/{indicator}/values/{value}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("indicator" = String, Path, description = "The indicator's id or code"), ("value" = String, Path, description = "The value's id")),
    responses((status = 200, body = ValueDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_value(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, indicator, value)): Ids<(String, String, String)>,
) -> Result<Response, AppError> {
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    let ind = found(
        find::indicator(&tree, &indicator),
        &format!("indicator `{indicator}`"),
    )?;
    let id = value.parse::<ValueId>().ok();
    let v = found(
        tree.values
            .iter()
            .find(|v| Some(v.id) == id && v.indicator_id == ind.id),
        &format!("value `{value}`"),
    )?;
    Ok(one(v.version, build::value(&tree, v)))
}

/// `PATCH …/indicators/{indicator}/values/{value}`: changes the value, comment or evidence.
#[utoipa::path(patch, path = "/api/v1/plans/{plan}/indicators/{indicator}/values/{value}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("indicator" = String, Path, description = "The indicator's id or code"), ("value" = String, Path, description = "The value's id"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    request_body = ValuePatch,
    responses((status = 200, body = ValueDoc, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn update_value(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, indicator, value)): Ids<(String, String, String)>,
    IfMatch(version): IfMatch,
    JsonBody(b): JsonBody<ValuePatch>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let input = ValueInput {
        value: b.value,
        comment: b.comment,
        evidence: b.evidence,
        ..Default::default()
    };
    let v = values::update(
        &state.store,
        &actor,
        plan,
        &indicator,
        &value,
        version,
        input,
    )
    .await?;
    let tree = load(&state, &actor, plan).await?;
    Ok(one(v.version, doc(&tree, v.id)?))
}

/// `DELETE …/indicators/{indicator}/values/{value}`.
#[utoipa::path(delete, path = "/api/v1/plans/{plan}/indicators/{indicator}/values/{value}", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("indicator" = String, Path, description = "The indicator's id or code"), ("value" = String, Path, description = "The value's id"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    responses((status = 204, description = "Deleted"), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn delete_value(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids((plan, indicator, value)): Ids<(String, String, String)>,
    IfMatch(version): IfMatch,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    values::delete(&state.store, &actor, plan, &indicator, &value, version).await?;
    Ok(deleted())
}

//! `/api/v1/exchange-rates`: the deployment's dated exchange rates per currency pair and rate
//! type. Every signed-in member reads them; the operator and editors and administrators of any
//! organisation write them. A conversion uses the latest rate of its type on or before its date,
//! in either direction of the pair (an inverse rate counts).

use super::docs::RateDoc;
use super::{Dec, store_error};
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::IfMatch;
use crate::api::framework::{
    Ids, ListQuery, ReadErrors, WriteErrors, created, deleted, found, nullable, one,
};
use crate::api::pagination::Page;
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use handover_core::calendar::parse_date;
use handover_core::finance::RateType;
use handover_core::money::Currency;
use handover_store::finance::rates::{self, RateFilter, RateInput};
use serde::Deserialize;

/// A rate as written: one `base` is worth `rate` `quote` from `date`, at `rate_type`. Adding
/// needs every field but `source`; in a `PATCH` a field left out keeps its value.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RateBody {
    /// ISO 4217, e.g. USD.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub base: Option<Currency>,
    /// ISO 4217, e.g. LBP.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub quote: Option<Currency>,
    /// `official`, `platform`, `parallel_market`, `donor_accounting` or `un_operational`.
    #[serde(default)]
    pub rate_type: Option<RateType>,
    /// YYYY-MM-DD: the day from which it holds.
    #[serde(default)]
    pub date: Option<String>,
    /// Units of `quote` per unit of `base`: an exact decimal string above zero.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub rate: Option<Dec>,
    /// Where the figure comes from; `null` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub source: Option<Option<String>>,
}

impl RequestBody for RateBody {
    const FIELDS: &'static [&'static str] =
        &["base", "quote", "rate_type", "date", "rate", "source"];
}

impl From<RateBody> for RateInput {
    fn from(b: RateBody) -> Self {
        RateInput {
            base: b.base,
            quote: b.quote,
            rate_type: b.rate_type,
            date: b.date,
            rate: b.rate.map(|d| d.0),
            source: b.source,
        }
    }
}

/// `GET /api/v1/exchange-rates`: the rates, latest first; `?currency=` (as base or quote),
/// `?rate_type=`, `?from=` and `?to=` (dates, inclusive) filter.
#[utoipa::path(get, path = "/api/v1/exchange-rates", tag = "finance",
    params(("currency" = Option<String>, Query), ("rate_type" = Option<RateType>, Query), ("from" = Option<String>, Query), ("to" = Option<String>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<RateDoc>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_rates(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    uri: Uri,
) -> Result<Json<Page<RateDoc>>, AppError> {
    let q = ListQuery::read(&uri, &["currency", "rate_type", "from", "to"])?;
    let filter = RateFilter {
        currency: q.parsed("currency", Currency::parse)?,
        rate_type: q.parsed("rate_type", RateType::parse)?,
        from: q.parsed("from", parse_date)?,
        to: q.parsed("to", parse_date)?,
    };
    let list = rates::list(&state.store, &actor, &filter)
        .await
        .map_err(store_error)?;
    Ok(Json(q.page.page(list.iter().map(RateDoc::from).collect())))
}

/// `POST /api/v1/exchange-rates`: adds a rate (409 when the pair, type and date has one).
#[utoipa::path(post, path = "/api/v1/exchange-rates", tag = "finance",
    request_body = RateBody,
    responses((status = 201, body = RateDoc, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn create_rate(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    JsonBody(body): JsonBody<RateBody>,
) -> Result<Response, AppError> {
    let r = rates::create(&state.store, &actor, body.into())
        .await
        .map_err(store_error)?;
    Ok(created(
        &format!("/api/v1/exchange-rates/{}", r.id),
        r.version,
        RateDoc::from(&r),
    ))
}

/// `GET /api/v1/exchange-rates/{rate}`.
#[utoipa::path(get, path = "/api/v1/exchange-rates/{rate}", tag = "finance",
    params(("rate" = String, Path, description = "The rate's id")),
    responses((status = 200, body = RateDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_rate(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(rate): Ids<String>,
) -> Result<Response, AppError> {
    let list = rates::list(&state.store, &actor, &RateFilter::default())
        .await
        .map_err(store_error)?;
    let r = found(
        list.iter()
            .find(|r| r.id.to_string().eq_ignore_ascii_case(&rate)),
        &format!("exchange rate `{rate}`"),
    )?;
    Ok(one(r.version, RateDoc::from(r)))
}

/// `PATCH /api/v1/exchange-rates/{rate}`.
#[utoipa::path(patch, path = "/api/v1/exchange-rates/{rate}", tag = "finance",
    params(("rate" = String, Path, description = "The rate's id"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    request_body = RateBody,
    responses((status = 200, body = RateDoc, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn update_rate(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(rate): Ids<String>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<RateBody>,
) -> Result<Response, AppError> {
    let r = rates::update(&state.store, &actor, &rate, version, body.into())
        .await
        .map_err(store_error)?;
    Ok(one(r.version, RateDoc::from(&r)))
}

/// `DELETE /api/v1/exchange-rates/{rate}`.
#[utoipa::path(delete, path = "/api/v1/exchange-rates/{rate}", tag = "finance",
    params(("rate" = String, Path, description = "The rate's id"), ("If-Match" = String, Header, description = "The version read, as its ETag")),
    responses((status = 204, description = "Deleted"), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn delete_rate(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(rate): Ids<String>,
    IfMatch(version): IfMatch,
) -> Result<Response, AppError> {
    rates::delete(&state.store, &actor, &rate, version)
        .await
        .map_err(store_error)?;
    Ok(deleted())
}

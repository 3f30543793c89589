//! `/api/v1/plans/{plan}/…`: the parts of a plan's results framework one by one — milestones,
//! activities (with their status and further instances), results, indicators with their
//! targets and actuals, risks, and the calendar — plus creating a plan and changing its
//! header. Handlers resolve the plan in the caller's scope once, call one store function and
//! answer in the shapes of the whole-plan document (`api/plans/document.rs`), each single
//! resource with its `ETag`.

pub mod activities;
pub mod activity_status;
pub mod calendar;
pub mod indicators;
pub mod milestones;
pub mod plan;
pub mod results;
pub mod risks;
pub mod values;

use crate::AppState;
use crate::api::concurrency::etag;
use crate::api::openapi::ErrorBody;
use crate::api::pagination::Pagination;
use crate::error::{AppError, ErrorEntry};
use axum::Json;
use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use handover_core::actor::Actor;
use handover_core::ids::PlanId;
use handover_core::plan::PlanTree;
use handover_store::{StoreError, plans};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// Path parameters; a path that cannot be read is 400 `invalid_path`.
#[derive(Debug)]
pub(crate) struct Ids<T>(pub(crate) T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Ids<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(t)| Ids(t))
            .map_err(|e| AppError::new(StatusCode::BAD_REQUEST, "invalid_path", e.body_text()))
    }
}

/// The plan a path names (code or id), inside the caller's scope.
pub(crate) async fn plan_id(
    state: &AppState,
    actor: &Actor,
    plan: &str,
) -> Result<PlanId, AppError> {
    let key = plan
        .parse::<PlanId>()
        .map_or(plan.to_owned(), |id| id.to_string());
    Ok(plans::find(&state.store, actor, &key).await?)
}

/// The whole plan a path names, for reads and for answering a write.
pub(crate) async fn load(
    state: &AppState,
    actor: &Actor,
    plan: PlanId,
) -> Result<PlanTree, AppError> {
    Ok(plans::load(&state.store, actor, plan).await?)
}

/// A record of the loaded plan, or 404.
pub(crate) fn found<T>(r: Option<T>, what: &str) -> Result<T, AppError> {
    r.ok_or_else(|| StoreError::NotFound(what.to_owned()).into())
}

/// 200 with the record and its `ETag`.
pub(crate) fn one<T: Serialize>(version: i64, body: T) -> Response {
    ([etag(version)], Json(body)).into_response()
}

/// 201 with the new record, its `Location` and `ETag`.
pub(crate) fn created<T: Serialize>(location: &str, version: i64, body: T) -> Response {
    let location = HeaderValue::from_str(location).unwrap_or(HeaderValue::from_static("/api/v1"));
    (
        StatusCode::CREATED,
        [etag(version), (header::LOCATION, location)],
        Json(body),
    )
        .into_response()
}

/// 204 after a delete.
pub(crate) fn deleted() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

/// A list's page and its filters, from the query string; unknown or malformed parameters are
/// refused with 400, one entry each.
#[derive(Debug)]
pub(crate) struct ListQuery {
    pub(crate) page: Pagination,
    pub(crate) filters: BTreeMap<String, String>,
}

impl ListQuery {
    /// Reads the query of `uri`, allowing `filters` beside `page` and `per_page`.
    pub(crate) fn read(uri: &Uri, filters: &[&str]) -> Result<Self, AppError> {
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(uri)
            .map_err(|e| AppError::new(StatusCode::BAD_REQUEST, "invalid_query", e.body_text()))?;
        let mut errors = vec![];
        let mut paging = vec![];
        let mut found = BTreeMap::new();
        for (k, v) in pairs {
            if filters.contains(&k.as_str()) {
                found.insert(k, v);
            } else if k == "page" || k == "per_page" {
                paging.push((k, v));
            } else {
                let mut known = vec!["page", "per_page"];
                known.extend(filters);
                errors.push(ErrorEntry::field(
                    k.clone(),
                    format!(
                        "unknown parameter `{k}`: this list takes {}",
                        known.join(", ")
                    ),
                ));
            }
        }
        let page = match Pagination::parse(&paging) {
            Ok(p) => Some(p),
            Err(e) => {
                errors.extend(e.errors().iter().cloned());
                None
            }
        };
        match page {
            Some(page) if errors.is_empty() => Ok(Self {
                page,
                filters: found,
            }),
            _ => Err(bad_query(errors)),
        }
    }

    /// A filter's value, parsed as the domain reads it; a bad one is a 400 naming it.
    pub(crate) fn parsed<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, AppError> {
        self.filters
            .get(name)
            .map(|v| parse(v).map_err(|m| bad_query(vec![ErrorEntry::field(name, m)])))
            .transpose()
    }
}

fn bad_query(errors: Vec<ErrorEntry>) -> AppError {
    AppError::new(
        StatusCode::BAD_REQUEST,
        "invalid_query",
        "the query has problems; each is listed in `errors` with its parameter",
    )
    .with_errors(errors)
}

/// Reads a field that may be `null` (to clear it) apart from one left out (kept as it is):
/// `Some(None)` for `null`, `None` when absent (with `#[serde(default)]`).
pub(crate) fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// Refusals of a read.
#[derive(utoipa::IntoResponses)]
#[expect(dead_code, reason = "describes responses for the OpenAPI document")]
pub(crate) enum ReadErrors {
    /// A bad query parameter or path.
    #[response(status = 400)]
    BadRequest(ErrorBody),
    /// Not signed in.
    #[response(status = 401)]
    Unauthenticated(ErrorBody),
    /// No such record, or not one the caller can see.
    #[response(status = 404)]
    NotFound(ErrorBody),
}

/// Refusals of a write.
#[derive(utoipa::IntoResponses)]
#[expect(dead_code, reason = "describes responses for the OpenAPI document")]
pub(crate) enum WriteErrors {
    /// Malformed JSON, a bad path or a bad `If-Match`.
    #[response(status = 400)]
    BadRequest(ErrorBody),
    /// Not signed in.
    #[response(status = 401)]
    Unauthenticated(ErrorBody),
    /// Inside the plan's scope, but the role does not allow this write.
    #[response(status = 403)]
    Forbidden(ErrorBody),
    /// No such record, or not one the caller can see.
    #[response(status = 404)]
    NotFound(ErrorBody),
    /// A unique value (a code, a key) is already used.
    #[response(status = 409)]
    Duplicate(ErrorBody),
    /// `If-Match` names an older version: nothing changed.
    #[response(status = 412)]
    Stale(ErrorBody),
    /// The body is not JSON.
    #[response(status = 415)]
    UnsupportedMediaType(ErrorBody),
    /// The body breaks a rule; one entry per problem.
    #[response(status = 422)]
    Invalid(ErrorBody),
    /// A write to an existing record without `If-Match`.
    #[response(status = 428)]
    PreconditionRequired(ErrorBody),
}

//! `/api/v1/plans/{plan}/audit`: who changed what in a plan, when, with the value before and
//! after; filterable by user, record and date.

use super::{Ids, plan_id};
use crate::AppState;
use crate::api::openapi::ErrorBody;
use crate::error::{AppError, ErrorEntry};
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::{Query, State};
use handover_core::audit::AuditEntry;
use handover_store::audit::{self, AuditFilter};
use serde::Deserialize;

/// Filters of the audit trail.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Only changes by this actor (e.g. `rana@example.org` or `operator:root`).
    pub user: Option<String>,
    /// Only changes of this record (its id).
    pub record: Option<String>,
    /// From this date or instant (YYYY-MM-DD or RFC 3339), inclusive.
    pub since: Option<String>,
    /// Until this date (inclusive) or instant (exclusive).
    pub until: Option<String>,
    /// At most this many entries, newest first (1–10000, default 1000).
    pub limit: Option<i64>,
}

/// `GET /api/v1/plans/{plan}/audit`.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/audit", tag = "audit",
    params(("plan" = String, Path), AuditQuery),
    responses((status = 200, body = Vec<AuditEntry>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_plan_audit(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    query: Result<Query<AuditQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<AuditEntry>>, AppError> {
    let Query(q) = query.map_err(|e| {
        AppError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "invalid_query",
            "the query has a problem",
        )
        .with_errors(vec![ErrorEntry::field("query", e.body_text())])
    })?;
    let plan = plan_id(&state, &actor, &plan).await?;
    let date_or_instant =
        |name: &str, v: &Option<String>, end: bool| -> Result<Option<String>, AppError> {
            let Some(v) = v else { return Ok(None) };
            if let Ok(d) = handover_core::calendar::parse_date(v) {
                let d = if end { d.next_day().unwrap_or(d) } else { d };
                return Ok(Some(format!(
                    "{}T00:00:00Z",
                    handover_core::calendar::format_date(d)
                )));
            }
            time::OffsetDateTime::parse(v, &time::format_description::well_known::Rfc3339)
                .map(|_| Some(v.clone()))
                .map_err(|_| {
                    AppError::new(
                        axum::http::StatusCode::BAD_REQUEST,
                        "invalid_query",
                        "the query has a problem",
                    )
                    .with_errors(vec![ErrorEntry::field(
                        name,
                        format!("`{v}` is not a date (YYYY-MM-DD) or an RFC 3339 instant"),
                    )])
                })
        };
    let filter = AuditFilter {
        plan: Some(plan),
        entity_id: q.record,
        actor: q.user,
        since: date_or_instant("since", &q.since, false)?,
        until: date_or_instant("until", &q.until, true)?,
        limit: q.limit.map(|l| l.clamp(1, 10_000)),
    };
    Ok(Json(audit::list(&state.store, &actor, &filter).await?))
}

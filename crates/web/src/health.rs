//! `GET /health`: whether the server and its database answer, for load balancers and
//! monitoring. Open to everyone; it tells nothing about the data.

use crate::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The body of `/health`.
#[derive(Debug, Serialize)]
pub(crate) struct Health {
    /// `ok`, or `unavailable` when a part the server needs does not answer.
    status: &'static str,
    /// `ok` or `unavailable`.
    database: &'static str,
}

/// 200 `{"status":"ok","database":"ok"}`, or 503 when the database does not answer.
pub(crate) async fn check_health(State(state): State<AppState>) -> Response {
    let (status, body) = if state.store.ping().await {
        (
            StatusCode::OK,
            Health {
                status: "ok",
                database: "ok",
            },
        )
    } else {
        tracing::warn!(database = %state.store.url(), "health check: the database does not answer");
        let body = Health {
            status: "unavailable",
            database: "unavailable",
        };
        (StatusCode::SERVICE_UNAVAILABLE, body)
    };
    let no_store = [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))];
    (status, no_store, Json(body)).into_response()
}

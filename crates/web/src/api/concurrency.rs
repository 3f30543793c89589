//! Optimistic concurrency over HTTP: every resource is sent with `ETag: "<version>"`; a write
//! to an existing resource must carry `If-Match: "<version>"` (428 without it); a stale one gets
//! 412 from the store's version check, and nothing changes.

use crate::error::AppError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};

/// The version a write expects, from `If-Match`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IfMatch(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, AppError> {
        let Some(value) = parts.headers.get(header::IF_MATCH) else {
            return Err(AppError::new(
                StatusCode::PRECONDITION_REQUIRED,
                "if_match_required",
                "send `If-Match` with the version you read (the `ETag` of the resource, e.g. \"3\"), so that no one else's change is overwritten",
            ));
        };
        value
            .to_str()
            .ok()
            .map(|v| v.trim().trim_start_matches("W/").trim_matches('"'))
            .and_then(|v| v.parse::<i64>().ok())
            .map(IfMatch)
            .ok_or_else(|| {
                AppError::new(
                    StatusCode::BAD_REQUEST,
                    "bad_if_match",
                    "`If-Match` must be the resource's version as sent in its ETag, e.g. \"3\"",
                )
            })
    }
}

/// The `ETag` header for a version.
pub fn etag(version: i64) -> (HeaderName, HeaderValue) {
    (
        header::ETAG,
        HeaderValue::from_str(&format!("\"{version}\""))
            .unwrap_or(HeaderValue::from_static("\"0\"")),
    )
}

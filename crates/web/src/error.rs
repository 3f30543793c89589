//! The one error of the HTTP layer and its JSON body (SPEC §14):
//! `{"code", "message", "errors": [{"field" | "row" + "column", "message"}]}`. Every store
//! error maps to one status here; a 5xx logs its cause and shows only a plain message, never a
//! raw database error.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use handover_core::FieldError;
use handover_store::StoreError;
use serde::Serialize;

/// An error answered to an API client: a status, a stable machine code, a sentence for people
/// and one entry per problem.
#[derive(Debug)]
pub struct AppError {
    status: StatusCode,
    code: &'static str,
    message: String,
    errors: Vec<ErrorEntry>,
}

/// One problem of a refused request: a `field` (a JSON Pointer into the request body, or the
/// name of a query parameter), or a `row` and `column` of an uploaded file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ErrorEntry {
    /// A JSON Pointer (`/milestones/0/title`) or a query parameter's name (`page`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The row of an uploaded file, counting from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// The column of an uploaded file: its header and spreadsheet letter, `Unit price (F)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// What is wrong there and what to do.
    pub message: String,
}

impl ErrorEntry {
    /// A problem with one field or parameter.
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: Some(field.into()),
            row: None,
            column: None,
            message: message.into(),
        }
    }
}

/// The wire form of an [`AppError`].
#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: &'a str,
    errors: &'a [ErrorEntry],
}

/// What a client without an account is told until sign-in exists.
const SIGN_IN: &str = "Sign in to use the API: send `Authorization: Bearer <token>` (create one \
                       with `handover token create`) or sign in with a browser session.";

impl AppError {
    /// An error with no per-field entries.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            errors: vec![],
        }
    }

    /// Adds per-field or per-row entries.
    pub fn with_errors(mut self, errors: Vec<ErrorEntry>) -> Self {
        self.errors = errors;
        self
    }

    /// 401: the API needs a signed-in user (or the server's `--demo` read-only view).
    pub fn unauthenticated() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthenticated", SIGN_IN)
    }

    /// 401 for credentials that are malformed, unknown, revoked or of a disabled account.
    pub fn bad_credentials() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "bad_credentials",
            "the token or session is not valid (unknown, revoked, expired or of a disabled account); sign in again or create a new token",
        )
    }

    /// 404 for a path under `/api` that names no resource.
    pub fn no_route(path: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("there is no API resource at {path}; the API lives under /api/v1"),
        )
    }

    /// 405: the resource exists but does not answer this method.
    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "this resource does not answer that method; the Allow header lists the ones it does",
        )
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The machine-readable code, e.g. `not_found`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The problems listed in the body.
    pub fn errors(&self) -> &[ErrorEntry] {
        &self.errors
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let plain = |status, code, message: &str| {
            tracing::error!(error = %e, source = ?std::error::Error::source(&e), "request failed");
            AppError::new(status, code, message)
        };
        match &e {
            StoreError::NotFound(_) => Self::new(StatusCode::NOT_FOUND, "not_found", e.to_string()),
            StoreError::Forbidden(_) => {
                Self::new(StatusCode::FORBIDDEN, "forbidden", e.to_string())
            }
            StoreError::Stale(..) => {
                Self::new(StatusCode::PRECONDITION_FAILED, "stale", e.to_string())
            }
            StoreError::Duplicate { field, value } => {
                // The store names the field when it knows it (`code`), else says "a value".
                let known = !field.contains(' ');
                let message = match (known, value.is_empty()) {
                    (true, true) => format!("this {field} is already used; choose another"),
                    (false, _) => "a value that must be unique is already used".to_owned(),
                    (true, false) => e.to_string(),
                };
                let errors = if known {
                    vec![ErrorEntry::field(pointer(field), message.clone())]
                } else {
                    vec![]
                };
                Self::new(StatusCode::CONFLICT, "duplicate", message).with_errors(errors)
            }
            StoreError::Invalid(invalid) => {
                let errors = invalid.0.iter().map(entry).collect();
                Self::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid",
                    "the request has problems; each is listed in `errors` with its field",
                )
                .with_errors(errors)
            }
            StoreError::Unavailable { .. } => plain(
                StatusCode::SERVICE_UNAVAILABLE,
                "database_unavailable",
                "the database cannot be reached just now; try again in a moment",
            ),
            StoreError::TooNew { .. } => plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "the database was written by a newer Handover; the operator must upgrade the server",
            ),
            StoreError::Corrupt(_) | StoreError::Database(..) => plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "the server failed to answer; the details are in its log",
            ),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            code: self.code,
            message: &self.message,
            errors: &self.errors,
        };
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"handover\""),
            );
        }
        response
    }
}

/// An entry for a core [`FieldError`], its path turned into a JSON Pointer.
fn entry(e: &FieldError) -> ErrorEntry {
    ErrorEntry::field(pointer(&e.field), e.message.clone())
}

/// Turns a core field path (`milestones[0].title`) into a JSON Pointer
/// (`/milestones/0/title`), escaping `~` and `/` as RFC 6901 says.
pub(crate) fn pointer(path: &str) -> String {
    if path.starts_with('/') || path.is_empty() {
        return path.to_owned();
    }
    let mut out = String::new();
    for part in path.split('.') {
        let mut rest = part;
        let name_end = rest.find('[').unwrap_or(rest.len());
        push_segment(&mut out, &rest[..name_end]);
        rest = &rest[name_end..];
        while let Some(stripped) = rest.strip_prefix('[') {
            let close = stripped.find(']').unwrap_or(stripped.len());
            push_segment(&mut out, &stripped[..close]);
            rest = stripped.get(close + 1..).unwrap_or("");
        }
    }
    out
}

fn push_segment(out: &mut String, segment: &str) {
    if !segment.is_empty() {
        out.push('/');
        out.push_str(&segment.replace('~', "~0").replace('/', "~1"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use handover_core::Invalid;

    #[test]
    fn core_paths_become_json_pointers() {
        assert_eq!(pointer("code"), "/code");
        assert_eq!(pointer("milestones[0].title"), "/milestones/0/title");
        assert_eq!(pointer("a[1][2].b/c~d"), "/a/1/2/b~1c~0d");
        assert_eq!(pointer("/already"), "/already");
    }

    #[test]
    fn statuses_follow_the_store_error() {
        let invalid = Invalid(vec![
            FieldError::new("likelihood", "7 is out of range"),
            FieldError::new("quarters[1]", "Q13 is after the last quarter"),
        ]);
        let e = AppError::from(StoreError::Invalid(invalid));
        assert_eq!(e.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let fields: Vec<_> = e.errors.iter().filter_map(|x| x.field.as_deref()).collect();
        assert_eq!(fields, ["/likelihood", "/quarters/1"]);
        let cases = [
            (StoreError::NotFound("plan `x`".into()), 404),
            (StoreError::Forbidden("editing".into()), 403),
            (StoreError::Stale("plan".into(), 1, 2), 412),
            (
                StoreError::Duplicate {
                    field: "code".into(),
                    value: "x".into(),
                },
                409,
            ),
            (StoreError::Corrupt("a date".into()), 500),
            (StoreError::TooNew { found: 9, known: 1 }, 500),
        ];
        for (e, status) in cases {
            assert_eq!(AppError::from(e).status().as_u16(), status);
        }
        let e = AppError::from(StoreError::Unavailable {
            url: "postgres://u:***@db/x".into(),
            reason: "connection refused".into(),
        });
        assert_eq!(e.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(
            !e.message.contains("refused"),
            "no raw database error is shown"
        );
    }
}

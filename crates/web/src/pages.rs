//! The few HTML pages served so far: the landing page at `/` and the 404 page. The HTML lives
//! in `crates/web/assets/` and is embedded in the binary; the landing page has one placeholder,
//! `<!-- api-note -->`, filled with one of two fragment files depending on `--demo`. No HTML
//! is written in Rust.

use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use std::sync::LazyLock;

const LANDING: &str = include_str!("../assets/index.html");
const DEMO_NOTE: &str = include_str!("../assets/api-note-demo.html");
const SIGN_IN_NOTE: &str = include_str!("../assets/api-note-sign-in.html");
const NOT_FOUND: &str = include_str!("../assets/not-found.html");
const PLACEHOLDER: &str = "<!-- api-note -->";

static LANDING_DEMO: LazyLock<String> = LazyLock::new(|| LANDING.replace(PLACEHOLDER, DEMO_NOTE));
static LANDING_SIGN_IN: LazyLock<String> =
    LazyLock::new(|| LANDING.replace(PLACEHOLDER, SIGN_IN_NOTE));

/// Pages load nothing from elsewhere and run no script; their only style is inline.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; \
                   form-action 'none'; frame-ancestors 'none'";

/// `GET /`: what Handover is, and where the API is.
pub(crate) async fn show_landing(State(state): State<AppState>) -> Response {
    let page = if state.options.demo {
        LANDING_DEMO.as_str()
    } else {
        LANDING_SIGN_IN.as_str()
    };
    html(StatusCode::OK, page)
}

/// The page for a path that names nothing (outside `/api`).
pub(crate) fn not_found() -> Response {
    html(StatusCode::NOT_FOUND, NOT_FOUND)
}

fn html(status: StatusCode, page: &'static str) -> Response {
    let csp = [(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    )];
    (status, csp, Html(page)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_landing_page_has_one_placeholder() {
        assert_eq!(LANDING.matches(PLACEHOLDER).count(), 1);
        assert!(LANDING_DEMO.contains("/api/v1/plans"));
        assert!(!LANDING_SIGN_IN.contains("href=\"/api/v1/plans\""));
    }
}

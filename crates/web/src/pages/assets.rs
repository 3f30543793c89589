//! The pages' own assets, embedded in the binary: one stylesheet and the vendored htmx
//! (`assets/htmx-LICENSE.txt`). Their URLs carry a hash of their content, so browsers may
//! keep them for a year and still get a new version at once.

use crate::AppState;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::LazyLock;

/// The stylesheet: the frame's, then each area's (each area keeps its own file).
static CSS: LazyLock<String> = LazyLock::new(|| {
    [
        include_str!("../../assets/css/base.css"),
        include_str!("../../assets/css/portfolio.css"),
        include_str!("../../assets/css/plan.css"),
        include_str!("../../assets/css/framework.css"),
        include_str!("../../assets/css/reporting.css"),
        include_str!("../../assets/css/gantt.css"),
        include_str!("../../assets/css/templates.css"),
        include_str!("../../assets/css/audit.css"),
        include_str!("../../assets/css/finance.css"),
    ]
    .join("\n")
});
const HTMX: &str = include_str!("../../assets/htmx-2.0.11.min.js");
const CHARTS_JS: &str = include_str!("../../assets/app.js");

fn versioned(path: &str, content: &str) -> String {
    let mut h = DefaultHasher::new();
    content.hash(&mut h);
    format!("{path}?v={:x}", h.finish() & 0xffff_ffff)
}

static CSS_URL: LazyLock<String> = LazyLock::new(|| versioned("/assets/app.css", &CSS));
static HTMX_URL: LazyLock<String> = LazyLock::new(|| versioned("/assets/htmx.min.js", HTMX));
static JS_URL: LazyLock<String> = LazyLock::new(|| versioned("/assets/app.js", CHARTS_JS));

/// The stylesheet's URL.
pub(crate) fn css_url() -> &'static str {
    &CSS_URL
}

/// htmx's URL.
pub(crate) fn htmx_url() -> &'static str {
    &HTMX_URL
}

/// Our own small script's URL.
pub(crate) fn js_url() -> &'static str {
    &JS_URL
}

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/assets/app.css",
            get(|| async { asset("text/css; charset=utf-8", CSS.as_str()) }),
        )
        .route(
            "/assets/htmx.min.js",
            get(|| async { asset("text/javascript; charset=utf-8", HTMX) }),
        )
        .route(
            "/assets/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", CHARTS_JS) }),
        )
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            ),
        ],
        body,
    )
        .into_response()
}

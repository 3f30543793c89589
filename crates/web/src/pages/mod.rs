//! The web workspace: server-rendered pages (askama templates under `crates/web/templates/pages`)
//! that work without JavaScript; the vendored htmx only shortens round trips. Every string comes
//! from the catalogues ([`crate::i18n`]); every asset is embedded ([`assets`]). Each area of the
//! workspace is one module with its own routes, templates and catalogue file.

pub(crate) mod assets;
mod error;
mod form;
mod frame;
mod language;
mod plan_nav;
mod sign_in;
mod viewer;

mod audit;
mod finance;
mod framework;
mod gantt;
mod plan;
mod portfolio;
mod reporting;
mod templates;

pub(crate) use error::{PageError, csrf_page};
pub(crate) use form::{CSRF_FIELD, Posted};
pub(crate) use frame::{Frame, Nav};
pub(crate) use plan_nav::PlanNav;
pub(crate) use viewer::Viewer;

use crate::AppState;
use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;

/// Pages may load their own scripts and styles and nothing from elsewhere; forms post here only.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Every page route.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .merge(assets::routes())
        .merge(language::routes())
        .merge(sign_in::routes())
        .merge(portfolio::routes())
        .merge(plan::routes())
        .merge(framework::routes())
        .merge(reporting::routes())
        .merge(gantt::routes())
        .merge(templates::routes())
        .merge(audit::routes())
        .merge(finance::routes())
}

/// `GET /`: the plans for whoever may see them, else the sign-in page.
async fn home(viewer: Result<Viewer, PageError>) -> Response {
    match viewer {
        Ok(_) => Redirect::to("/plans").into_response(),
        Err(_) => Redirect::to("/sign-in").into_response(),
    }
}

/// A rendered page with the page headers (CSP, no caching of personal data).
pub(crate) fn render<T: askama::Template>(page: &T) -> Response {
    render_status(StatusCode::OK, page)
}

/// A rendered page with another status (422 for a form with problems, 404, 403…).
pub(crate) fn render_status<T: askama::Template>(status: StatusCode, page: &T) -> Response {
    match page.render() {
        Ok(html) => (
            status,
            [
                (
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(CSP),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
            Html(html),
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "a page failed to render");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page failed to render",
            )
                .into_response()
        }
    }
}

/// After a successful form: back to a page (303, so a reload does not post again).
pub(crate) fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// The page for a path that names nothing (outside `/api`), in the browser's language.
pub(crate) fn not_found(headers: &axum::http::HeaderMap) -> Response {
    PageError::NotFound(crate::i18n::choose(headers)).into_response()
}

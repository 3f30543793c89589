//! Errors on pages: a page of their own in the reader's language, with the right status. A
//! store error never shows its database details; a form's problems are listed with their field.

use super::{Frame, Viewer, render_status};
use crate::i18n::Ui;
use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use handover_core::text::Lang;
use handover_store::StoreError;

/// Why a page could not be shown or a form not saved.
#[derive(Debug)]
pub(crate) enum PageError {
    /// Nobody is signed in: go to the sign-in page, then back to `next`.
    SignIn {
        next: String,
    },
    NotFound(Lang),
    Forbidden(Lang),
    /// Someone else changed the record since the form was opened.
    Conflict(Lang),
    /// The form's problems, each naming its field.
    Invalid(Lang, Vec<String>),
    /// A form body that could not be read at all.
    Bad(Lang, String),
    Server(Lang),
}

impl PageError {
    /// The page error for a store error, in the viewer's language.
    pub(crate) fn store(ui: Ui, e: StoreError) -> Self {
        let lang = ui.lang;
        match e {
            StoreError::NotFound(_) => Self::NotFound(lang),
            StoreError::Forbidden(_) => Self::Forbidden(lang),
            StoreError::Stale(..) => Self::Conflict(lang),
            StoreError::Duplicate { field, .. } => {
                Self::Invalid(lang, vec![format!("{field}: {}", ui.t("error-duplicate"))])
            }
            StoreError::Invalid(invalid) => Self::Invalid(
                lang,
                invalid
                    .0
                    .iter()
                    .map(|p| format!("{}: {}", p.field, p.message))
                    .collect(),
            ),
            other => {
                tracing::error!(error = %other, "a page failed");
                Self::Server(lang)
            }
        }
    }
}

impl Viewer {
    /// Maps a store error for this viewer's pages.
    pub(crate) fn fail(&self, e: StoreError) -> PageError {
        PageError::store(self.ui, e)
    }
}

#[derive(Template)]
#[template(path = "pages/error.html")]
struct ErrorPage {
    frame: Frame,
    heading: String,
    message: String,
    problems: Vec<String>,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (lang, status, heading, message, problems) = match self {
            Self::SignIn { next } => {
                let to = format!("/sign-in?next={}", super::language::encode_back(&next));
                let mut r = StatusCode::SEE_OTHER.into_response();
                if let Ok(v) = HeaderValue::from_str(&to) {
                    r.headers_mut().insert(header::LOCATION, v);
                }
                return r;
            }
            Self::NotFound(l) => (
                l,
                StatusCode::NOT_FOUND,
                "error-not-found-title",
                "error-not-found",
                vec![],
            ),
            Self::Forbidden(l) => (
                l,
                StatusCode::FORBIDDEN,
                "error-forbidden-title",
                "error-forbidden",
                vec![],
            ),
            Self::Conflict(l) => (
                l,
                StatusCode::CONFLICT,
                "error-title",
                "error-conflict",
                vec![],
            ),
            Self::Invalid(l, p) => (
                l,
                StatusCode::UNPROCESSABLE_ENTITY,
                "error-title",
                "error-invalid",
                p,
            ),
            Self::Bad(l, p) => (
                l,
                StatusCode::BAD_REQUEST,
                "error-title",
                "error-invalid",
                vec![p],
            ),
            Self::Server(l) => (
                l,
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-title",
                "error-server",
                vec![],
            ),
        };
        let ui = Ui::new(lang);
        let page = ErrorPage {
            frame: Frame::bare(ui, ui.t(heading), "/plans"),
            heading: ui.t(heading),
            message: ui.t(message),
            problems,
        };
        render_status(status, &page)
    }
}

/// The CSRF refusal of a page's form, as a page.
pub(crate) fn csrf_page(lang: Lang) -> Response {
    let ui = Ui::new(lang);
    let page = ErrorPage {
        frame: Frame::bare(ui, ui.t("error-title"), "/plans"),
        heading: ui.t("error-title"),
        message: ui.t("error-csrf"),
        problems: vec![],
    };
    render_status(StatusCode::FORBIDDEN, &page)
}

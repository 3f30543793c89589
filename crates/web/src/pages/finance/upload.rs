//! A spreadsheet uploaded from a page: a `multipart/form-data` form with the session's
//! `csrf_token`, the file (CSV or XLSX, by its name) and an optional `replace` box. The CSRF
//! middleware checks the token of a multipart page form as it does a plain form's; the form is
//! checked here once more, so that no upload is ever read without it. Problems in the file are
//! listed on a page of their own (422), each at its row and column; nothing is imported.

use crate::i18n::Ui;
use crate::pages::{Frame, Nav, PageError, Viewer, csrf_page, render_status};
use askama::Template;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use handover_formats::sheet::{CellError, FileKind, Limits, Parsed};
use handover_store::StoreError;

/// The form as posted.
#[derive(Debug)]
pub(super) struct Upload {
    pub(super) kind: FileKind,
    pub(super) bytes: Vec<u8>,
    pub(super) replace: bool,
}

/// Reads the form; refuses it without the session's CSRF token (403), without a file or with
/// a file that is neither CSV nor XLSX (the problem page).
pub(super) async fn read(
    viewer: &Viewer,
    form: Result<Multipart, MultipartRejection>,
    back: &str,
) -> Result<Upload, Response> {
    let ui = viewer.ui;
    let bad = |m: String| PageError::Bad(ui.lang, m).into_response();
    let mut form = form.map_err(|e| bad(e.body_text()))?;
    let (mut token, mut file, mut replace) = (None, None, false);
    let limit = Limits::default().max_file_bytes;
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(bad(e.body_text())),
        };
        match field.name().unwrap_or_default() {
            "csrf_token" => token = field.text().await.ok(),
            "replace" => replace = field.text().await.is_ok_and(|v| !v.is_empty()),
            "file" => {
                let name = field.file_name().unwrap_or_default().to_owned();
                let bytes = field.bytes().await.map_err(|e| bad(e.body_text()))?;
                if bytes.len() as u64 > limit {
                    return Err(problems(
                        viewer,
                        vec![CellError::file(ui.t("finance-file-too-large"))],
                        back,
                    ));
                }
                file = Some((name, bytes.to_vec()));
            }
            _ => {}
        }
    }
    let expected = viewer.csrf.as_deref().unwrap_or_default();
    if expected.is_empty() || !token.is_some_and(|t| crate::auth::same_secret(t.trim(), expected)) {
        return Err(csrf_page(ui.lang));
    }
    let Some((name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return Err(problems(
            viewer,
            vec![CellError::file(ui.t("finance-file-missing"))],
            back,
        ));
    };
    let Some(kind) = FileKind::from_name(&name) else {
        return Err(problems(
            viewer,
            vec![CellError::file(ui.ta("finance-file-kind", "name", &name))],
            back,
        ));
    };
    Ok(Upload {
        kind,
        bytes,
        replace,
    })
}

/// One problem of a file, as the page lists it.
#[derive(Debug)]
struct Row {
    row: String,
    column: String,
    message: String,
}

#[derive(Template)]
#[template(path = "pages/finance/import_problems.html")]
struct ProblemsPage {
    frame: Frame,
    back: String,
    rows: Vec<Row>,
}

/// 422: every problem of a file at its row and column; nothing was imported.
pub(super) fn problems(viewer: &Viewer, errors: Vec<CellError>, back: &str) -> Response {
    let ui: Ui = viewer.ui;
    let page = ProblemsPage {
        frame: Frame::new(viewer, ui.t("finance-import-problems"), Nav::None),
        back: back.to_owned(),
        rows: errors
            .into_iter()
            .map(|e| Row {
                row: e.row.map(|r| ui.int(r as i64)).unwrap_or_default(),
                column: e.column.unwrap_or_default(),
                message: e.message,
            })
            .collect(),
    };
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// A store refusal of an import: its problems `"{index}/{field}"` placed at their row and
/// column of the file; any other error is its page.
pub(super) fn refused<T>(
    viewer: &Viewer,
    parsed: &Parsed<T>,
    e: StoreError,
    back: &str,
) -> Response {
    match e {
        StoreError::Invalid(invalid) => problems(
            viewer,
            invalid
                .0
                .iter()
                .map(|f| parsed.cell_error(&f.field, f.message.clone()))
                .collect(),
            back,
        ),
        other => viewer.fail(other).into_response(),
    }
}

//! `GET /plans/{code}/budget.xlsx`: the budget workbook ([`handover_formats::budget_book`]) in
//! the page's language, converted as the budget page's chooser says (the same query; by default
//! the plan's currency at its rate type on each quarter's first day). A conversion that lacks a
//! rate is refused with every missing pair, type and date named (422).

use super::chooser::{ConversionQuery, choose};
use super::{missing_rate, open};
use crate::AppState;
use crate::pages::{PageError, Viewer};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use handover_formats::budget_book::{BookError, BudgetBook, write};

/// The media type of an XLSX workbook.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `GET /plans/{code}/budget.xlsx`.
pub(super) async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<ConversionQuery>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code).await?;
    let (conversion, _) = choose(ui, &plan, &q, plan.url("budget"));
    let data = &plan.data;
    let mut book = BudgetBook::new(
        &data.tree,
        &data.lines,
        &data.expenditures,
        &data.rates,
        data.settings.rate_type,
        ui.lang,
        time::OffsetDateTime::now_utc().date(),
    );
    book.conversion = conversion;
    let bytes = write(&book).map_err(|e| match e {
        BookError::MissingRates(m) => {
            PageError::Invalid(ui.lang, m.iter().map(|m| missing_rate(ui, m)).collect())
        }
        BookError::Xlsx(reason) => {
            tracing::error!(%reason, "the budget workbook could not be written");
            PageError::Server(ui.lang)
        }
    })?;
    let file = format!("attachment; filename=\"{}-budget.xlsx\"", plan.code());
    let disposition = HeaderValue::from_str(&file)
        .unwrap_or_else(|_| HeaderValue::from_static("attachment; filename=\"budget.xlsx\""));
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(XLSX)),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        bytes,
    )
        .into_response())
}

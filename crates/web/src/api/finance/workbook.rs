//! `GET /api/v1/plans/{plan}/budget/workbook`: the budget as an XLSX workbook in the layout a
//! finance officer expects (`formats::budget_book`): a sheet per view, numbers stored as numbers
//! with currency formats, totals that match `GET …/budget` to the cent. By default totals are in
//! the plan's currency at its default rate type, each quarter at its first day's rate;
//! `currency`, `rate_type` and `at` choose as for the budget, `lang` the sheets' language.

use super::query::Params;
use super::upload::XLSX;
use super::{missing_rates, store_error};
use crate::AppState;
use crate::api::framework::{Ids, ReadErrors, plan_id};
use crate::api::openapi::ErrorBody;
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use handover_core::finance::RateType;
use handover_core::text::Lang;
use handover_formats::budget_book::{self, BookError, BudgetBook};
use handover_store::finance;

/// `GET /api/v1/plans/{plan}/budget/workbook?currency=&rate_type=&at=&lang=`.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/budget/workbook", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"),
        ("currency" = Option<String>, Query, description = "`own` or an ISO 4217 code; the plan's currency by default"),
        ("rate_type" = Option<RateType>, Query, description = "The rate type to convert at; the plan's default"),
        ("at" = Option<String>, Query, description = "`quarter_start` (the default) or a date YYYY-MM-DD"),
        ("lang" = Option<String>, Query, description = "`en` (the default), `fr` or `ar`")),
    responses((status = 200, description = "The workbook, as an attachment", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 422, description = "`missing_rate`: a rate the conversion needs is missing", body = ErrorBody), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn download_workbook(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Response, AppError> {
    let params = Params::read(&uri, &["currency", "rate_type", "at", "lang"])?;
    let lang = params.parsed("lang", Lang::parse)?.unwrap_or(Lang::En);
    let plan = plan_id(&state, &actor, &plan).await?;
    let data = finance::budget(&state.store, &actor, plan)
        .await
        .map_err(store_error)?;
    let today = time::OffsetDateTime::now_utc().date();
    let mut book = BudgetBook::new(
        &data.tree,
        &data.lines,
        &data.expenditures,
        &data.rates,
        data.settings.rate_type,
        lang,
        today,
    );
    // Without `currency` the book's own default (the plan's currency) stands; `rate_type` and
    // `at` then shape that conversion.
    let mut params = params;
    params.0.remove("lang");
    if !params.0.contains_key("currency") {
        params
            .0
            .insert("currency".into(), data.tree.plan.currency.to_string());
    }
    book.conversion = params.conversion(data.settings.rate_type)?;
    if let handover_core::finance::Conversion::To { rate_type, .. } = &book.conversion {
        book.rate_type = *rate_type;
    }
    let bytes = budget_book::write(&book).map_err(|e| match e {
        BookError::MissingRates(m) => missing_rates(m, "currency"),
        BookError::Xlsx(why) => {
            tracing::error!(error = %why, "the budget workbook could not be written");
            AppError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "the server failed to write the workbook; the details are in its log",
            )
        }
    })?;
    let name = format!(
        "attachment; filename=\"{}-budget.xlsx\"",
        data.tree.plan.code
    );
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(XLSX)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&name).unwrap_or(HeaderValue::from_static(
                    "attachment; filename=\"budget.xlsx\"",
                )),
            ),
        ],
        bytes,
    )
        .into_response())
}

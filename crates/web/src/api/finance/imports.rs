//! Spreadsheet imports, all or nothing: `POST /api/v1/plans/{plan}/cost-lines/import` and
//! `POST /api/v1/exchange-rates/import`. The file is read strictly (`formats::cost_lines_file`,
//! `formats::rates_file`), then the store checks every row in one transaction; every problem of
//! either step is listed at its row and column (`"Unit price (F)"`) and nothing is imported.

use super::query::{Params, parse_bool};
use super::upload::{Upload, file_invalid};
use crate::AppState;
use crate::api::framework::{Ids, WriteErrors, plan_id};
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use handover_formats::sheet::{CellError, Limits, Parsed};
use handover_formats::{cost_lines_file, rates_file};
use handover_store::StoreError;
use handover_store::finance::rates::{self, RateImport};
use handover_store::finance::{CostLineInput, RateInput, cost_lines};

/// What a cost-lines import did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct CostLinesImported {
    /// How many cost lines the file added.
    pub imported: usize,
    /// Whether the plan's earlier cost lines were deleted first.
    pub replaced: bool,
}

/// What a rates import did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct RatesImported {
    /// Rates new to the table.
    pub added: usize,
    /// Rates already there for the pair, type and date whose figure changed.
    pub replaced: usize,
    /// Rows identical to a rate already there.
    pub unchanged: usize,
}

impl From<RateImport> for RatesImported {
    fn from(r: RateImport) -> Self {
        Self {
            added: r.added,
            replaced: r.replaced,
            unchanged: r.unchanged,
        }
    }
}

/// A store refusal of an import: its problems `"{index}/{field}"` placed at their row and
/// column of the file.
fn placed<T>(parsed: &Parsed<T>, e: StoreError) -> AppError {
    match e {
        StoreError::Invalid(invalid) => file_invalid(
            invalid
                .0
                .iter()
                .map(|f| parsed.cell_error(&f.field, f.message.clone()))
                .collect(),
        ),
        other => super::store_error(other),
    }
}

/// A file without a row under its header imports nothing: it is refused, so that a wrong file
/// is not taken for an empty one.
fn not_empty<T>(parsed: &Parsed<T>, what: &str) -> Result<(), AppError> {
    if parsed.rows.is_empty() {
        return Err(file_invalid(vec![CellError {
            row: Some(2),
            column: None,
            message: format!("the file has no {what}: fill in the rows under the header"),
        }]));
    }
    Ok(())
}

/// `POST /api/v1/plans/{plan}/cost-lines/import?replace=`: adds every cost line of a CSV or
/// XLSX file (the columns of `handover costs import`), or none; `replace=true` deletes the
/// plan's cost lines first (refused while spending is recorded against any).
#[utoipa::path(post, path = "/api/v1/plans/{plan}/cost-lines/import", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("replace" = Option<bool>, Query, description = "Delete the plan's cost lines first (false by default)")),
    request_body(description = "The spreadsheet as the raw body", content(("text/csv"), ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    responses((status = 200, body = CostLinesImported), (status = 413, body = crate::api::openapi::ErrorBody), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn import_cost_lines(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
    upload: Upload,
) -> Result<Json<CostLinesImported>, AppError> {
    let replace = Params::read(&uri, &["replace"])?
        .parsed("replace", parse_bool)?
        .unwrap_or(false);
    let plan = plan_id(&state, &actor, &plan).await?;
    let parsed = cost_lines_file::read(&upload.bytes, upload.kind, &Limits::default())
        .map_err(file_invalid)?;
    not_empty(&parsed, "cost lines")?;
    let rows = parsed
        .rows
        .iter()
        .map(|(_, r)| CostLineInput {
            activity: Some(r.activity.clone()),
            category: Some(r.category),
            description: Some(r.description.clone()),
            unit: Some(r.unit),
            unit_price: Some(r.unit_price),
            currency: r.currency.clone(),
            funder: r.funder.clone(),
            quantities: Some(r.quantities.clone()),
        })
        .collect();
    let imported = cost_lines::import(&state.store, &actor, plan, rows, replace)
        .await
        .map_err(|e| placed(&parsed, e))?;
    Ok(Json(CostLinesImported {
        imported,
        replaced: replace,
    }))
}

/// `POST /api/v1/exchange-rates/import`: adds the rates of a CSV or XLSX file (the columns of
/// `handover rates import`), or none; a row for a pair, type and date already there replaces
/// its figure.
#[utoipa::path(post, path = "/api/v1/exchange-rates/import", tag = "finance",
    request_body(description = "The spreadsheet as the raw body", content(("text/csv"), ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    responses((status = 200, body = RatesImported), (status = 413, body = crate::api::openapi::ErrorBody), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn import_rates(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    uri: Uri,
    upload: Upload,
) -> Result<Json<RatesImported>, AppError> {
    Params::read(&uri, &[])?;
    let parsed =
        rates_file::read(&upload.bytes, upload.kind, &Limits::default()).map_err(file_invalid)?;
    not_empty(&parsed, "rates")?;
    let rows = parsed
        .rows
        .iter()
        .map(|(_, r)| RateInput {
            base: Some(r.base.clone()),
            quote: Some(r.quote.clone()),
            rate_type: Some(r.rate_type),
            date: Some(handover_core::calendar::format_date(r.date)),
            rate: Some(r.rate),
            source: Some(r.source.clone()),
        })
        .collect();
    let done = rates::import(&state.store, &actor, rows)
        .await
        .map_err(|e| placed(&parsed, e))?;
    Ok(Json(done.into()))
}

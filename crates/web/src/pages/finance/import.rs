//! Spreadsheet imports from the pages, all or nothing: `POST /plans/{code}/budget/import`
//! (cost lines; `replace` deletes the plan's lines first) and `POST /rates/import`. The file is
//! read strictly (`formats::cost_lines_file`, `formats::rates_file`), then the store checks
//! every row in one transaction; every problem of either step is listed with its row and
//! column (422) and nothing is imported.

use super::open;
use super::upload::{problems, read, refused};
use crate::AppState;
use crate::pages::{PageError, Viewer, see_other};
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use handover_formats::sheet::Limits;
use handover_formats::{cost_lines_file, rates_file};
use handover_store::finance::{CostLineInput, RateInput, cost_lines, rates};

/// `POST /plans/{code}/budget/import`.
pub(super) async fn cost_lines(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code).await?;
    plan.must_edit(viewer.ui)?;
    let back = plan.url("budget#import-heading");
    let upload = match read(&viewer, form, &back).await {
        Ok(u) => u,
        Err(r) => return Ok(r),
    };
    let parsed = match cost_lines_file::read(&upload.bytes, upload.kind, &Limits::default()) {
        Ok(p) => p,
        Err(errors) => return Ok(problems(&viewer, errors, &back)),
    };
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
    match cost_lines::import(&state.store, &viewer.actor, plan.id, rows, upload.replace).await {
        Ok(n) => Ok(see_other(&plan.url(&format!("budget?imported={n}")))),
        Err(e) => Ok(refused(&viewer, &parsed, e, &back)),
    }
}

/// `POST /rates/import`.
pub(super) async fn rates(
    State(state): State<AppState>,
    viewer: Viewer,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    if !super::rates::may_write(&viewer) {
        return Err(PageError::Forbidden(viewer.ui.lang));
    }
    let back = "/rates#import-heading";
    let upload = match read(&viewer, form, back).await {
        Ok(u) => u,
        Err(r) => return Ok(r),
    };
    let parsed = match rates_file::read(&upload.bytes, upload.kind, &Limits::default()) {
        Ok(p) => p,
        Err(errors) => return Ok(problems(&viewer, errors, back)),
    };
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
    match rates::import(&state.store, &viewer.actor, rows).await {
        Ok(done) => Ok(see_other(&format!(
            "/rates?added={}&replaced={}&unchanged={}",
            done.added, done.replaced, done.unchanged
        ))),
        Err(e) => Ok(refused(&viewer, &parsed, e, back)),
    }
}

//! `GET/POST /rates`: the deployment's exchange rates, dated, per pair and rate type — the list
//! (latest first, filtered by currency and type), the form that adds one (a rate already there
//! for the pair, type and date is refused), a delete button per rate, and the import of a CSV
//! or XLSX file (`POST /rates/import`). Every signed-in user reads them; the operator and the
//! editors and administrators of an organisation change them.

use super::fields::{Choice, Fields, FormView, Problems, labelled};
use super::money::{decimal, exact};
use super::{names, rate_type_label};
use crate::AppState;
use crate::pages::{Frame, Nav, PageError, Posted, Viewer, render_status, see_other};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use handover_core::actor::{Actor, Role};
use handover_core::finance::RateType;
use handover_core::money::Currency;
use handover_store::finance::{RateFilter, RateInput, rates};
use serde::Deserialize;

pub(super) const FIELDS: &[&str] = &["base", "quote", "rate_type", "date", "rate", "source"];

/// Whether the viewer may change the rates (the store decides; the page only hides forms).
pub(super) fn may_write(viewer: &Viewer) -> bool {
    viewer.may_write()
        && match &viewer.actor {
            Actor::Operator { .. } => true,
            Actor::Member { role, .. } => matches!(role, Role::Editor | Role::Administrator),
            Actor::Reader { .. } => false,
        }
}

#[derive(Debug)]
struct Row {
    id: String,
    version: i64,
    date: String,
    base: String,
    quote: String,
    rate_type: String,
    rate: String,
    source: String,
}

/// The add form as typed.
#[derive(Debug, Default)]
struct Values {
    base: String,
    quote: String,
    date: String,
    rate: String,
    source: String,
}

#[derive(Template)]
#[template(path = "pages/finance/rates.html")]
struct RatesPage {
    frame: Frame,
    write: bool,
    notice: String,
    currency: String,
    filter_types: Vec<Choice>,
    rows: Vec<Row>,
    form: FormView,
    values: Values,
    rate_types: Vec<Choice>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct RatesQuery {
    #[serde(default)]
    currency: String,
    #[serde(default)]
    rate_type: String,
    #[serde(default)]
    added: Option<usize>,
    #[serde(default)]
    replaced: Option<usize>,
    #[serde(default)]
    unchanged: Option<usize>,
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    q: &RatesQuery,
    values: Values,
    rate_type: &str,
    problems: Problems,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let filter = RateFilter {
        currency: Currency::parse(&q.currency).ok(),
        rate_type: RateType::parse(&q.rate_type).ok(),
        ..RateFilter::default()
    };
    let list = rates::list(&state.store, &viewer.actor, &filter)
        .await
        .map_err(|e| viewer.fail(e))?;
    let rows = list
        .iter()
        .map(|r| Row {
            id: r.id.to_string(),
            version: r.version,
            date: ui.date(r.date),
            base: r.base.to_string(),
            quote: r.quote.to_string(),
            rate_type: rate_type_label(ui, r.rate_type),
            rate: exact(ui, &r.rate),
            source: r.source.clone().unwrap_or_default(),
        })
        .collect();
    let notice = match (q.added, q.replaced, q.unchanged) {
        (Some(a), Some(r), Some(u)) => ui.targs(
            "finance-rates-imported",
            &[
                ("added", &ui.int(a as i64)),
                ("replaced", &ui.int(r as i64)),
                ("unchanged", &ui.int(u as i64)),
            ],
        ),
        _ => String::new(),
    };
    let type_names = names(&RateType::ALL, RateType::as_str);
    let chosen_type = filter.rate_type.map(RateType::as_str).unwrap_or_default();
    let page = RatesPage {
        frame: Frame::new(viewer, ui.t("finance-rates"), Nav::Rates),
        write: may_write(viewer),
        notice,
        currency: filter.currency.map(|c| c.to_string()).unwrap_or_default(),
        filter_types: labelled(ui, "rate-type", &type_names, chosen_type),
        rows,
        form: FormView::new(ui, problems),
        values,
        rate_types: labelled(ui, "rate-type", &type_names, rate_type),
    };
    Ok(render_status(page.form.status(), &page))
}

/// `GET /rates`.
pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<RatesQuery>,
) -> Result<Response, PageError> {
    let values = Values {
        base: "USD".into(),
        quote: "LBP".into(),
        ..Values::default()
    };
    page(&state, &viewer, &q, values, "official", Problems::default()).await
}

/// `POST /rates`: adds a rate.
pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let ui = viewer.ui;
    if !may_write(&viewer) {
        return Err(PageError::Forbidden(ui.lang));
    }
    let mut problems = Problems::default();
    let mut currency = |name: &str| {
        let c = Currency::parse(&f.get(name)).ok();
        if c.is_none() {
            problems.push(ui, name);
        }
        c
    };
    let (base, quote) = (currency("base"), currency("quote"));
    let rate = decimal(ui.lang, &f.get("rate"));
    if rate.is_none() {
        problems.push(ui, "rate");
    }
    let rate_type = RateType::parse(&f.get("rate_type")).ok();
    if rate_type.is_none() {
        problems.push(ui, "rate_type");
    }
    if problems.is_empty() {
        let source = f.get("source");
        let input = RateInput {
            base,
            quote,
            rate_type,
            date: Some(f.get("date")),
            rate,
            source: Some((!source.is_empty()).then_some(source)),
        };
        match rates::create(&state.store, &viewer.actor, input).await {
            Ok(_) => return Ok(see_other("/rates")),
            Err(e) => problems = Problems::from_store(&viewer, e, FIELDS)?,
        }
    }
    let values = Values {
        base: f.get("base"),
        quote: f.get("quote"),
        date: f.get("date"),
        rate: f.get("rate"),
        source: f.get("source"),
    };
    let q = RatesQuery::default();
    page(&state, &viewer, &q, values, &f.get("rate_type"), problems).await
}

/// `POST /rates/{id}/delete` (with the version read).
pub(super) async fn delete(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    if !may_write(&viewer) {
        return Err(PageError::Forbidden(viewer.ui.lang));
    }
    rates::delete(&state.store, &viewer.actor, &id, f.version())
        .await
        .map_err(|e| viewer.fail(e))?;
    Ok(see_other("/rates"))
}

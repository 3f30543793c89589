//! `GET /rates/real-terms?amount=&currency=&stable=&rate_type=&plan=`: an amount held in a
//! currency that loses its value, expressed in a stable currency at dated rates — quarter by
//! quarter over a plan's calendar, or year by year from 2019 to 2023 without a plan — with what
//! it has lost since the first date (erosion), as a table and a trend chart
//! ([`handover_charts::trend`]: the value at the first date held level against the real value,
//! both in the stable currency; mirrored on Arabic pages). A date without a rate says which.

use super::fields::{Choice, labelled};
use super::money::{decimal, of, share};
use super::{missing_rate, names, quarter, rate_type_label};
use crate::AppState;
use crate::pages::{Frame, Nav, PageError, Viewer, render};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use handover_charts::trend::{Trend, trend};
use handover_core::finance::RateType;
use handover_core::finance::real_terms::{erosion, series};
use handover_core::ids::{PeriodId, PlanId};
use handover_core::money::Currency;
use handover_core::plan::Period;
use handover_store::finance::rates;
use handover_store::plans;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Deserialize;
use time::{Date, Month};

#[derive(Debug, Default, Deserialize)]
pub(super) struct RealTermsQuery {
    #[serde(default)]
    amount: String,
    #[serde(default)]
    currency: String,
    #[serde(default)]
    stable: String,
    #[serde(default)]
    rate_type: String,
    #[serde(default)]
    plan: String,
}

#[derive(Debug)]
struct Row {
    label: String,
    date: String,
    nominal: String,
    real: String,
    lost: String,
}

#[derive(Template)]
#[template(path = "pages/finance/real_terms.html")]
struct RealTermsPage {
    frame: Frame,
    amount: String,
    currency: String,
    stable: String,
    rate_types: Vec<Choice>,
    plans: Vec<Choice>,
    problems: Vec<String>,
    rows: Vec<Row>,
    erosion: String,
    chart: String,
}

/// The years 2019 to 2023 as periods starting on the first of January.
fn years() -> Vec<Period> {
    (2019..=2023)
        .enumerate()
        .filter_map(|(i, y)| {
            Some(Period {
                id: PeriodId::new(),
                plan_id: PlanId(uuid::Uuid::nil()),
                seq: u16::try_from(i + 1).ok()?,
                label: y.to_string(),
                start: Date::from_calendar_date(y, Month::January, 1).ok()?,
                end: Date::from_calendar_date(y, Month::December, 31).ok()?,
            })
        })
        .collect()
}

/// `GET /rates/real-terms`.
pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<RealTermsQuery>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let (store, actor) = (&state.store, &viewer.actor);
    let or = |v: &str, d: &str| {
        if v.trim().is_empty() {
            d.to_owned()
        } else {
            v.trim().to_owned()
        }
    };
    let amount = or(&q.amount, "3000000");
    let currency = or(&q.currency, "LBP").to_ascii_uppercase();
    let stable = or(&q.stable, "USD").to_ascii_uppercase();
    let rate_type =
        RateType::parse(&or(&q.rate_type, "parallel_market")).unwrap_or(RateType::ParallelMarket);
    let mut problems = vec![];
    let value = decimal(ui.lang, &amount);
    if value.is_none() {
        problems.push(ui.ta("finance-bad-amount", "value", &amount));
    }
    let (from, to) = (
        Currency::parse(&currency).ok(),
        Currency::parse(&stable).ok(),
    );
    for (given, parsed) in [(&currency, &from), (&stable, &to)] {
        if parsed.is_none() {
            problems.push(ui.ta("finance-bad-currency", "value", given));
        }
    }
    let visible = plans::list(store, actor)
        .await
        .map_err(|e| viewer.fail(e))?;
    let mut plan_choices = vec![Choice::new(
        "",
        ui.t("finance-real-terms-years"),
        q.plan.trim(),
    )];
    plan_choices.extend(
        visible
            .iter()
            .map(|p| Choice::new(p.code.clone(), ui.text(&p.name).to_owned(), q.plan.trim())),
    );
    let (periods, by_quarter) = match q.plan.trim() {
        "" => (years(), false),
        code => {
            let id = plans::find(store, actor, code)
                .await
                .map_err(|e| viewer.fail(e))?;
            let tree = plans::load(store, actor, id)
                .await
                .map_err(|e| viewer.fail(e))?;
            (tree.periods, true)
        }
    };
    let (mut rows, mut chart, mut eroded) = (vec![], String::new(), String::new());
    if let (Some(value), Some(from), Some(to)) = (value, from, to) {
        let table = rates::table(store, actor)
            .await
            .map_err(|e| viewer.fail(e))?;
        let s = series(value, &from, &to, rate_type, &periods, &table);
        let first = s.iter().find_map(|r| r.real.as_ref().ok().copied());
        let labels: Vec<String> = periods
            .iter()
            .map(|p| {
                if by_quarter {
                    quarter(ui, p.seq)
                } else {
                    super::year(ui, p.start.year())
                }
            })
            .collect();
        for (r, (p, label)) in s.iter().zip(periods.iter().zip(&labels)) {
            let (real, lost) = match (&r.real, first) {
                (Ok(v), Some(f)) if !f.is_zero() => {
                    (of(ui, *v, &to), share(ui, Decimal::ONE - *v / f))
                }
                (Ok(v), _) => (of(ui, *v, &to), String::new()),
                (Err(m), _) => (missing_rate(ui, m), String::new()),
            };
            rows.push(Row {
                label: label.clone(),
                date: ui.date(p.start),
                nominal: of(ui, r.nominal, &from),
                real,
                lost,
            });
        }
        eroded = erosion(&s).map(|e| share(ui, e)).unwrap_or_default();
        let start: Vec<Option<f64>> = s.iter().map(|_| first.and_then(|f| f.to_f64())).collect();
        let real: Vec<Option<f64>> = s
            .iter()
            .map(|r| r.real.as_ref().ok().and_then(|v| v.to_f64()))
            .collect();
        let title = ui.targs(
            "finance-real-terms-chart",
            &[("currency", from.as_str()), ("stable", to.as_str())],
        );
        let desc = ui.targs(
            "finance-real-terms-desc",
            &[
                ("amount", &of(ui, value, &from)),
                ("stable", to.as_str()),
                ("type", &rate_type_label(ui, rate_type)),
            ],
        );
        let (held, now) = (ui.t("finance-value-at-start"), ui.t("finance-real-value"));
        chart = trend(
            &Trend {
                id: "real-terms",
                title: &title,
                desc: &desc,
                periods: &labels,
                targets: &start,
                actuals: &real,
                target_label: &held,
                actual_label: &now,
                mirror: ui.rtl(),
            },
            &|v| super::money::axis(ui, v),
        );
    }
    let page = RealTermsPage {
        frame: Frame::new(&viewer, ui.t("finance-real-terms"), Nav::Rates),
        amount,
        currency,
        stable,
        rate_types: labelled(
            ui,
            "rate-type",
            &names(&RateType::ALL, RateType::as_str),
            rate_type.as_str(),
        ),
        plans: plan_choices,
        problems,
        rows,
        erosion: eroded,
        chart,
    };
    Ok(render(&page))
}

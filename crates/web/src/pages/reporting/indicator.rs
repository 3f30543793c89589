//! `GET /plans/{code}/indicators/{id}`: one indicator — its definition (statement, measure,
//! unit, direction, cumulation, frequency, data source, collection method, who reports it, who
//! proposed and validated it), its baselines, its targets and actuals per period (every
//! breakdown, with comment, evidence and who reported it), and a target-vs-actual chart of the
//! totals drawn by [`handover_charts::trend`], mirrored on Arabic pages. The table carries the
//! same figures as the chart, for screen readers and for copying.

use super::{PlanCtx, dims_label, open, period_dates, period_name};
use crate::AppState;
use crate::i18n::Ui;
use crate::pages::{Frame, Nav, PageError, PlanNav, Viewer, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use handover_charts::trend::{Trend, trend};
use handover_core::indicator::{Cumulation, Direction, Indicator, PeriodValue, Value, ValueKind};
use handover_core::plan::{ResultNode, ResultParent};
use rust_decimal::prelude::ToPrimitive;

/// A fact of the definition.
#[derive(Debug)]
struct Fact {
    label: String,
    value: String,
}

/// A value in a cell of the table.
#[derive(Debug)]
struct Cell {
    /// The breakdown in words; empty for the total.
    dims: String,
    value: String,
    comment: String,
    evidence: String,
    reported: String,
}

/// One period's line of the table.
#[derive(Debug)]
struct PeriodRow {
    label: String,
    dates: String,
    targets: Vec<Cell>,
    actuals: Vec<Cell>,
}

/// A baseline of the indicator.
#[derive(Debug)]
struct BaselineRow {
    dims: String,
    value: String,
    date: String,
    comment: String,
}

#[derive(Template)]
#[template(path = "pages/reporting/indicator.html")]
struct IndicatorPage {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    statement: String,
    result: String,
    activity: Option<(String, String)>,
    facts: Vec<Fact>,
    baselines: Vec<BaselineRow>,
    periods: Vec<PeriodRow>,
    /// The chart, escaped by its maker; `None` for a narrative indicator.
    chart: Option<String>,
    /// Whether any number was charted.
    charted: bool,
    reports_href: String,
}

pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let ctx = open(&state, &viewer, &code).await?;
    let ind = handover_store::framework::find::indicator(&ctx.tree, &id)
        .ok_or(PageError::NotFound(ui.lang))?;
    let node = ctx.tree.results.iter().find(|r| r.id == ind.result_id);
    let values: Vec<&PeriodValue> = ctx
        .tree
        .values
        .iter()
        .filter(|v| v.indicator_id == ind.id)
        .collect();
    let numeric = ind.measure.is_numeric();
    let cell = |v: &PeriodValue| Cell {
        dims: if v.dimensions.is_empty() {
            String::new()
        } else {
            dims_label(ui, &v.dimensions)
        },
        value: shown(ui, &v.value),
        comment: ui.text(&v.comment).to_owned(),
        evidence: v.evidence.clone().unwrap_or_default(),
        reported: v
            .reported_by
            .as_ref()
            .map(|b| {
                let at = v.reported_at.map(|t| ui.date(t.date())).unwrap_or_default();
                ui.targs("reporting-by-on", &[("who", b), ("date", &at)])
            })
            .unwrap_or_default(),
    };
    let periods: Vec<PeriodRow> = ctx
        .tree
        .periods
        .iter()
        .map(|p| {
            let of = |kind: ValueKind| {
                let mut v: Vec<&&PeriodValue> = values
                    .iter()
                    .filter(|v| v.period_id == p.id && v.kind == kind)
                    .collect();
                // The total first, then the breakdowns.
                v.sort_by_key(|v| !v.dimensions.is_empty());
                v.into_iter().map(|v| cell(v)).collect::<Vec<_>>()
            };
            PeriodRow {
                label: period_name(ui, p),
                dates: period_dates(ui, p),
                targets: of(ValueKind::Target),
                actuals: of(ValueKind::Actual),
            }
        })
        .collect();
    let (chart, charted) = if numeric {
        let total = |p: &handover_core::plan::Period, kind: ValueKind| {
            let of_period: Vec<&&PeriodValue> = values
                .iter()
                .filter(|v| v.period_id == p.id && v.kind == kind)
                .collect();
            total_of(&of_period).and_then(|d| d.to_f64())
        };
        let labels: Vec<String> = ctx
            .tree
            .periods
            .iter()
            .map(|p| period_name(ui, p))
            .collect();
        let targets: Vec<Option<f64>> = ctx
            .tree
            .periods
            .iter()
            .map(|p| total(p, ValueKind::Target))
            .collect();
        let actuals: Vec<Option<f64>> = ctx
            .tree
            .periods
            .iter()
            .map(|p| total(p, ValueKind::Actual))
            .collect();
        let charted = targets.iter().chain(&actuals).any(Option::is_some);
        let title = ui.ta("reporting-chart-title", "code", &ind.code);
        let desc = ui.targs(
            "reporting-chart-desc",
            &[
                ("statement", ui.text(&ind.statement)),
                ("first", labels.first().map_or("", String::as_str)),
                ("last", labels.last().map_or("", String::as_str)),
            ],
        );
        let target_label = ui.t("reporting-target");
        let actual_label = ui.t("reporting-actual");
        let svg = trend(
            &Trend {
                id: &format!("trend-{}", ind.id),
                title: &title,
                desc: &desc,
                periods: &labels,
                targets: &targets,
                actuals: &actuals,
                target_label: &target_label,
                actual_label: &actual_label,
                mirror: ui.rtl(),
            },
            &|v| ui.num(&format_axis(v)),
        );
        (Some(svg), charted)
    } else {
        (None, false)
    };
    let activity = node.and_then(|n| activity_of(&ctx, n)).map(|a| {
        (
            format!("/plans/{}/activities/{}", ctx.code(), a.id),
            ui.targs(
                "reporting-activity-heading",
                &[("n", &a.display_number()), ("title", ui.text(&a.title))],
            ),
        )
    });
    let page = IndicatorPage {
        frame: Frame::new(
            &viewer,
            format!(
                "{} {} — {}",
                ind.code,
                ui.text(&ind.statement),
                ui.text(&ctx.tree.plan.name)
            ),
            Nav::None,
        ),
        plan_nav: PlanNav::new(
            ui,
            ctx.code(),
            &ctx.tree.plan.name,
            ctx.tree.plan.status.as_str(),
            "framework",
        ),
        code: ind.code.clone(),
        statement: ui.text(&ind.statement).to_owned(),
        result: node
            .map(|n| {
                ui.targs(
                    "reporting-result-line",
                    &[
                        (
                            "level",
                            &ui.t(format!("reporting-level-{}", n.level.as_str())),
                        ),
                        ("title", ui.text(&n.title)),
                    ],
                )
            })
            .unwrap_or_default(),
        activity,
        facts: facts(ui, &ctx, ind),
        baselines: ind
            .baselines
            .iter()
            .map(|b| BaselineRow {
                dims: if b.dimensions.is_empty() {
                    ui.t("reporting-total")
                } else {
                    dims_label(ui, &b.dimensions)
                },
                value: b
                    .value
                    .as_ref()
                    .map(|v| shown(ui, v))
                    .unwrap_or_else(|| "—".into()),
                date: b.date.map(|d| ui.date(d)).unwrap_or_else(|| "—".into()),
                comment: ui.text(&b.comment).to_owned(),
            })
            .collect(),
        periods,
        chart,
        charted,
        reports_href: format!("/plans/{}/reports", ctx.code()),
    };
    Ok(render(&page))
}

/// The activity a result node belongs to, through its ancestors.
fn activity_of<'t>(
    ctx: &'t PlanCtx,
    node: &ResultNode,
) -> Option<&'t handover_core::plan::Activity> {
    let mut parent = node.parent;
    for _ in 0..=ctx.tree.results.len() {
        match parent {
            ResultParent::Activity(a) => return ctx.tree.activities.iter().find(|x| x.id == a),
            ResultParent::Plan => return None,
            ResultParent::Result(r) => parent = ctx.tree.results.iter().find(|n| n.id == r)?.parent,
        }
    }
    None
}

/// The definition's facts, in words.
fn facts(ui: Ui, ctx: &PlanCtx, ind: &Indicator) -> Vec<Fact> {
    let fact = |key: &str, value: String| Fact {
        label: ui.t(key),
        value,
    };
    let dash = || "—".to_owned();
    let text_or_dash = |t: &handover_core::text::Text| {
        let s = ui.text(t);
        if s.is_empty() { dash() } else { s.to_owned() }
    };
    let mut out = vec![
        fact(
            "reporting-fact-measure",
            ui.t(format!("reporting-measure-{}", ind.measure.as_str())),
        ),
        fact("reporting-fact-unit", ind.unit.clone().unwrap_or_else(dash)),
        fact(
            "reporting-fact-direction",
            match ind.direction {
                Some(Direction::Up) => ui.t("reporting-direction-up"),
                Some(Direction::Down) => ui.t("reporting-direction-down"),
                None => dash(),
            },
        ),
        fact(
            "reporting-fact-cumulation",
            match ind.cumulation {
                Cumulation::Cumulative => ui.t("reporting-cumulation-cumulative"),
                Cumulation::NonCumulative => ui.t("reporting-cumulation-non-cumulative"),
            },
        ),
        fact(
            "reporting-fact-frequency",
            ui.t(format!("reporting-frequency-{}", super::frequency(ind))),
        ),
        fact("reporting-fact-data-source", text_or_dash(&ind.data_source)),
        fact(
            "reporting-fact-collection-method",
            text_or_dash(&ind.collection_method),
        ),
        fact(
            "reporting-fact-responsible",
            if ind.responsible.is_empty() {
                dash()
            } else {
                ind.responsible
                    .iter()
                    .map(|o| ctx.party_name(*o))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        ),
    ];
    out.push(fact(
        "reporting-fact-proposed-by",
        ind.proposed_by.clone().unwrap_or_else(dash),
    ));
    out.push(fact(
        "reporting-fact-validated-by",
        ind.validated_by.clone().unwrap_or_else(dash),
    ));
    out
}

/// A period's total: its value without breakdown; else, when every value breaks down the same
/// single dimension (e.g. sex=female, sex=male), their sum; else none.
fn total_of(values: &[&&PeriodValue]) -> Option<rust_decimal::Decimal> {
    let number = |v: &PeriodValue| match &v.value {
        Value::Number(d) => Some(*d),
        Value::Narrative(_) => None,
    };
    if let Some(t) = values.iter().find(|v| v.dimensions.is_empty()) {
        return number(t);
    }
    let first = values.first()?.dimensions.keys().next()?.clone();
    let single = values
        .iter()
        .all(|v| v.dimensions.len() == 1 && v.dimensions.contains_key(&first));
    if !single {
        return None;
    }
    values.iter().map(|v| number(v)).sum()
}

/// A value for reading: numbers in the page's digits.
fn shown(ui: Ui, v: &Value) -> String {
    match v {
        Value::Number(d) => ui.dec(d),
        Value::Narrative(s) => s.clone(),
    }
}

/// An axis value as a plain decimal (no float noise), for the page's number format.
fn format_axis(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn axis_values_are_plain() {
        assert_eq!(super::format_axis(20.0), "20");
        assert_eq!(super::format_axis(0.25), "0.25");
        assert_eq!(super::format_axis(-0.0), "0");
        assert_eq!(super::format_axis(1500.5), "1500.5");
    }
}

//! `GET/POST /plans/{code}/spending`: spending against the budget — planned against actual per
//! quarter (in the chosen conversion), the burn rate (actual over what was planned to date), the
//! share spent, each line's variance with overspent lines flagged in words; the payments with
//! their evidence; and the form that records a payment against a cost line (date, amount,
//! currency — another than the line's is converted at the plan's rate type on the payment's
//! date —, description, evidence link). `POST /plans/{code}/spending/{id}/delete` removes one.

use super::chooser::{Chooser, ConversionQuery, choose};
use super::fields::{Choice, Fields, FormView, Problems};
use super::money::{decimal, of, share, sum};
use super::{PlanBudget, missing_rate, open, quarter, title};
use crate::AppState;
use crate::pages::{Frame, Nav, PageError, PlanNav, Posted, Viewer, render_status, see_other};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use handover_core::finance::spending::{Spending, spending};
use handover_core::finance::{Conversion, Sum};
use handover_core::money::Currency;
use handover_store::finance::{ExpenditureInput, expenditures};

pub(super) const FIELDS: &[&str] = &[
    "cost_line",
    "date",
    "amount",
    "currency",
    "description",
    "evidence",
];

#[derive(Debug)]
struct QuarterRow {
    label: String,
    planned: Vec<String>,
    actual: Vec<String>,
}

#[derive(Debug)]
struct LineRow {
    id: String,
    label: String,
    planned: String,
    actual: String,
    variance: String,
    spent: String,
    overspent: bool,
}

#[derive(Debug)]
struct Payment {
    id: String,
    version: i64,
    date: String,
    line: String,
    amount: String,
    description: String,
    evidence: String,
    /// The evidence as a link, when it is a web address.
    evidence_href: String,
}

/// The payment form as typed.
#[derive(Debug, Default)]
struct Values {
    cost_line: String,
    date: String,
    amount: String,
    currency: String,
    description: String,
    evidence: String,
}

#[derive(Template)]
#[template(path = "pages/finance/spending.html")]
struct SpendingPage {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    sub: &'static str,
    report: bool,
    chooser: Chooser,
    missing: Vec<String>,
    facts: Vec<(String, String)>,
    quarters: Vec<QuarterRow>,
    lines: Vec<LineRow>,
    overspent: usize,
    payments: Vec<Payment>,
    form: FormView,
    values: Values,
    line_choices: Vec<Choice>,
}

fn signed(ui: crate::i18n::Ui, amount: rust_decimal::Decimal, c: &Currency) -> String {
    let shown = of(ui, amount, c);
    if amount > rust_decimal::Decimal::ZERO {
        format!("+{shown}")
    } else {
        shown
    }
}

fn page(
    viewer: &Viewer,
    plan: &PlanBudget,
    q: &ConversionQuery,
    values: Values,
    problems: Problems,
) -> Response {
    let ui = viewer.ui;
    let data = &plan.data;
    let tree = plan.tree();
    let (conversion, chooser) = choose(ui, plan, q, plan.url("spending"));
    let today = time::OffsetDateTime::now_utc().date();
    let run = |c: &Conversion| {
        spending(
            &data.lines,
            &data.expenditures,
            &tree.periods,
            c,
            data.settings.rate_type,
            &data.rates,
            today,
        )
    };
    let (s, missing): (Option<Spending>, Vec<String>) = match run(&conversion) {
        Ok(s) => (Some(s), vec![]),
        Err(m) => {
            let words = m.iter().map(|m| missing_rate(ui, m)).collect();
            // The lines in their own currencies still compare when the payments convert.
            (run(&Conversion::Own).ok(), words)
        }
    };
    let label = |id| {
        data.lines
            .iter()
            .find(|l| l.id == id)
            .map(|l| {
                ui.targs(
                    "finance-line-in",
                    &[
                        ("line", ui.text(&l.description)),
                        ("activity", &plan.activity_label(ui, l.activity_id)),
                    ],
                )
            })
            .unwrap_or_default()
    };
    let mut facts = vec![];
    let (mut quarters, mut lines) = (vec![], vec![]);
    if let Some(s) = &s {
        // An empty sum (nothing planned yet to date) is a zero in the totals' currency.
        let zero_in = match &conversion {
            Conversion::To { currency, .. } => currency.clone(),
            Conversion::Own => tree.plan.currency.clone(),
        };
        let sums = |x: &Sum| {
            if x.0.is_empty() {
                of(ui, rust_decimal::Decimal::ZERO, &zero_in)
            } else {
                sum(ui, x).join(" + ")
            }
        };
        facts.push((ui.t("finance-planned"), sums(&s.planned)));
        facts.push((ui.t("finance-planned-to-date"), sums(&s.planned_to_date)));
        facts.push((ui.t("finance-actual"), sums(&s.actual)));
        facts.push((ui.t("finance-variance"), sums(&s.actual.minus(&s.planned))));
        let ratio = |r: Option<rust_decimal::Decimal>| {
            r.map_or_else(|| ui.t("finance-not-available"), |r| share(ui, r))
        };
        facts.push((ui.t("finance-burn-rate"), ratio(s.burn_rate())));
        facts.push((ui.t("finance-spent-share"), ratio(s.spent_share())));
        quarters = tree
            .periods
            .iter()
            .filter_map(|p| s.by_quarter.get(&p.seq).map(|qs| (p, qs)))
            .map(|(p, qs)| QuarterRow {
                label: ui.targs(
                    "finance-quarter-month",
                    &[
                        ("quarter", &quarter(ui, p.seq)),
                        ("month", &ui.month(p.start)),
                    ],
                ),
                planned: sum(ui, &qs.planned),
                actual: sum(ui, &qs.actual),
            })
            .collect();
        lines = data
            .lines
            .iter()
            .filter_map(|l| s.by_line.get(&l.id).map(|ls| (l, ls)))
            .map(|(l, ls)| LineRow {
                id: l.id.to_string(),
                label: label(l.id),
                planned: of(ui, ls.planned, &l.currency),
                actual: of(ui, ls.actual, &l.currency),
                variance: signed(ui, ls.variance(), &l.currency),
                spent: if ls.planned.is_zero() {
                    ui.t("finance-not-available")
                } else {
                    share(ui, (ls.actual / ls.planned).round_dp(4))
                },
                overspent: ls.overspent(),
            })
            .collect();
    }
    let overspent = lines.iter().filter(|l| l.overspent).count();
    let payments = data
        .expenditures
        .iter()
        .map(|e| Payment {
            id: e.id.to_string(),
            version: e.version,
            date: ui.date(e.date),
            line: label(e.cost_line_id),
            amount: of(ui, e.amount, &e.currency),
            description: e.description.clone(),
            evidence: e.evidence.clone().unwrap_or_default(),
            evidence_href: e
                .evidence
                .clone()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                .unwrap_or_default(),
        })
        .collect();
    let line_choices = data
        .lines
        .iter()
        .map(|l| {
            let text = ui.targs(
                "finance-line-choice",
                &[("line", &label(l.id)), ("currency", l.currency.as_str())],
            );
            Choice::new(l.id.to_string(), text, &values.cost_line)
        })
        .collect();
    let page = SpendingPage {
        frame: Frame::new(
            viewer,
            title(ui, &ui.t("finance-sub-spending"), plan),
            Nav::None,
        ),
        plan_nav: plan.nav.clone(),
        code: plan.code().to_owned(),
        sub: "spending",
        report: plan.report && !data.lines.is_empty(),
        chooser,
        missing,
        facts,
        quarters,
        lines,
        overspent,
        payments,
        form: FormView::new(ui, problems),
        values,
        line_choices,
    };
    render_status(page.form.status(), &page)
}

/// `GET /plans/{code}/spending`.
pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<ConversionQuery>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code).await?;
    let values = Values {
        date: handover_core::calendar::format_date(time::OffsetDateTime::now_utc().date()),
        ..Values::default()
    };
    Ok(page(&viewer, &plan, &q, values, Problems::default()))
}

/// `POST /plans/{code}/spending`: records a payment.
pub(super) async fn record(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code).await?;
    plan.must_report(ui)?;
    let mut problems = Problems::default();
    let given = |name: &str| Some(f.get(name)).filter(|v| !v.is_empty());
    let amount = given("amount").and_then(|raw| {
        let d = decimal(ui.lang, &raw);
        if d.is_none() {
            problems.push(ui, "amount");
        }
        d
    });
    let currency = given("currency").and_then(|raw| {
        let c = Currency::parse(&raw).ok();
        if c.is_none() {
            problems.push(ui, "currency");
        }
        c
    });
    if problems.is_empty() {
        let input = ExpenditureInput {
            cost_line: given("cost_line"),
            date: given("date"),
            amount,
            currency,
            description: Some(f.get("description")),
            evidence: Some(given("evidence")),
        };
        match expenditures::create(&state.store, &viewer.actor, plan.id, input).await {
            Ok(_) => return Ok(see_other(&plan.url("spending"))),
            Err(e) => problems = Problems::from_store(&viewer, e, FIELDS)?,
        }
    }
    let values = Values {
        cost_line: f.get("cost_line"),
        date: f.get("date"),
        amount: f.get("amount"),
        currency: f.get("currency"),
        description: f.get("description"),
        evidence: f.get("evidence"),
    };
    Ok(page(
        &viewer,
        &plan,
        &ConversionQuery::default(),
        values,
        problems,
    ))
}

/// `POST /plans/{code}/spending/{id}/delete` (with the version read).
pub(super) async fn delete(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code).await?;
    plan.must_report(viewer.ui)?;
    let e = plan
        .data
        .expenditures
        .iter()
        .find(|e| e.id.to_string() == id)
        .ok_or(PageError::NotFound(viewer.ui.lang))?;
    expenditures::delete(
        &state.store,
        &viewer.actor,
        plan.id,
        &e.id.to_string(),
        f.version(),
    )
    .await
    .map_err(|e| viewer.fail(e))?;
    Ok(see_other(&plan.url("spending#payments-heading")))
}

//! `GET /plans/{code}/activities/{id}`: one activity — its rationale, the needs it addresses,
//! who leads in each quarter, planned and actual quarters, status (with the form to change it
//! for reporters, editors and administrators) and its history, outputs with their outcomes and
//! indicators, risks and financial description. `POST …/status` changes the status.

use super::super::{Frame, Nav, PageError, PlanNav, Posted, Viewer, render, see_other};
use super::fields::{Choice, Fields};
use super::tree::{ResultItem, result_item};
use super::{PlanPage, number, open, party_names, quarter, quarters, risk_level, title};
use crate::AppState;
use crate::i18n::Ui;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use handover_core::plan::{Activity, PlanTree, ProgressStatus};
use handover_store::plans;
use time::format_description::well_known::Rfc3339;

/// Who leads in one quarter.
#[derive(Debug)]
struct LeadLine {
    quarter: String,
    months: String,
    parties: String,
    kind_key: String,
    kind: &'static str,
}

/// One risk of the activity.
#[derive(Debug)]
struct RiskLine {
    id: String,
    description: String,
    likelihood: String,
    impact: String,
    score: String,
    level: &'static str,
    level_key: String,
    mitigation: String,
    owner: String,
    status_key: String,
}

/// One change of status.
#[derive(Debug)]
struct Change {
    from_key: String,
    to_key: String,
    at: String,
    by: String,
    note: String,
}

#[derive(Template)]
#[template(path = "pages/framework/activity.html")]
struct ActivityPage {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    edit: bool,
    report: bool,
    id: String,
    version: i64,
    number: String,
    title: String,
    milestone: String,
    milestone_id: String,
    status: &'static str,
    status_key: String,
    statuses: Vec<Choice>,
    planned: String,
    planned_months: String,
    actual: String,
    /// Quarters late (0 when on time or not started).
    slippage: i64,
    repeatable: bool,
    rationale: String,
    financial: String,
    needs: Vec<String>,
    leads: Vec<LeadLine>,
    results: Vec<ResultItem>,
    risks: Vec<RiskLine>,
    history: Vec<Change>,
}

/// The months a span of quarters covers (`January 2027 – June 2027`).
fn months(ui: Ui, tree: &PlanTree, start: u16, end: u16) -> String {
    let first = tree.periods.iter().find(|p| p.seq == start);
    let last = tree.periods.iter().find(|p| p.seq == end);
    match (first, last) {
        (Some(a), Some(b)) => ui.targs(
            "framework-months",
            &[("from", &ui.month(a.start)), ("to", &ui.month(b.end))],
        ),
        _ => String::new(),
    }
}

fn actual(ui: Ui, a: &Activity) -> String {
    match (a.actual_start, a.actual_end) {
        (Some(s), Some(e)) => quarters(ui, s, e),
        (Some(s), None) => ui.ta("framework-actual-since", "quarter", &quarter(ui, s)),
        _ => ui.t("framework-not-yet"),
    }
}

fn lead_lines(ui: Ui, tree: &PlanTree, a: &Activity) -> Vec<LeadLine> {
    a.leads
        .iter()
        .map(|l| {
            let kind = if l.parties.len() > 1 {
                "joint"
            } else if l.parties.first() == Some(&tree.plan.owner) {
                "local-authority"
            } else {
                "partner"
            };
            LeadLine {
                quarter: quarter(ui, l.quarter),
                months: months(ui, tree, l.quarter, l.quarter),
                parties: party_names(tree, &l.parties),
                kind_key: format!("framework-lead-kind-{kind}"),
                kind,
            }
        })
        .collect()
}

fn risk_lines(ui: Ui, tree: &PlanTree, a: &Activity) -> Vec<RiskLine> {
    let mut risks: Vec<_> = tree
        .risks
        .iter()
        .filter(|r| r.activity_id == Some(a.id))
        .collect();
    risks.sort_by_key(|r| std::cmp::Reverse(r.score()));
    risks
        .into_iter()
        .map(|r| RiskLine {
            id: r.id.to_string(),
            description: ui.text(&r.description).to_owned(),
            likelihood: ui.int(i64::from(r.likelihood.get())),
            impact: ui.int(i64::from(r.impact.get())),
            score: ui.int(i64::from(r.score())),
            level: risk_level(r),
            level_key: format!("framework-risk-level-{}", risk_level(r)),
            mitigation: ui.text(&r.mitigation).to_owned(),
            owner: party_names(tree, &r.owner),
            status_key: format!("framework-risk-status-{}", r.status.as_str()),
        })
        .collect()
}

fn status_key(s: ProgressStatus) -> String {
    format!("framework-status-{}", s.as_str())
}

/// `GET /plans/{code}/activities/{id}`.
pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code, "framework").await?;
    let a = plan.activity(ui, &id)?;
    let history = plans::status_history(&state.store, &viewer.actor, a.id)
        .await
        .map_err(|e| viewer.fail(e))?;
    let page = build(&viewer, &plan, a, history);
    Ok(render(&page))
}

fn build(
    viewer: &Viewer,
    plan: &PlanPage,
    a: &Activity,
    history: Vec<handover_core::plan::StatusChange>,
) -> ActivityPage {
    let ui = viewer.ui;
    let tree = &plan.tree;
    let m = tree.milestones.iter().find(|m| m.id == a.milestone_id);
    let number = number(ui, a);
    let heading = ui.ta("framework-activity-number", "number", &number);
    let mut results: Vec<_> = tree.results_of_activity(a.id).collect();
    results.sort_by_key(|r| r.position);
    ActivityPage {
        frame: Frame::new(viewer, title(ui, &heading, plan), Nav::None),
        plan_nav: plan.nav.clone(),
        code: plan.code().to_owned(),
        edit: plan.edit,
        report: plan.report,
        id: a.id.to_string(),
        version: a.version,
        title: ui.text(&a.title).to_owned(),
        milestone: m
            .map(|m| {
                ui.targs(
                    "framework-milestone-numbered",
                    &[
                        ("number", &ui.int(i64::from(m.number))),
                        ("title", ui.text(&m.title)),
                    ],
                )
            })
            .unwrap_or_default(),
        milestone_id: a.milestone_id.to_string(),
        status: a.status.as_str(),
        status_key: status_key(a.status),
        statuses: ProgressStatus::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str().to_owned(),
                label: ui.t(status_key(*s)),
                chosen: *s == a.status,
            })
            .collect(),
        planned: quarters(ui, a.planned.start, a.planned.end),
        planned_months: months(ui, tree, a.planned.start, a.planned.end),
        actual: actual(ui, a),
        slippage: i64::from(a.slippage().max(0)),
        repeatable: a.repeatable,
        rationale: ui.text(&a.rationale).to_owned(),
        financial: ui.text(&a.financial_description).to_owned(),
        needs: a
            .needs
            .iter()
            .map(|k| {
                tree.needs
                    .iter()
                    .find(|n| n.key == *k)
                    .map_or_else(|| k.clone(), |n| ui.text(&n.text).to_owned())
            })
            .collect(),
        leads: lead_lines(ui, tree, a),
        results: results
            .into_iter()
            .map(|r| result_item(ui, tree, r, 1))
            .collect(),
        risks: risk_lines(ui, tree, a),
        history: history
            .into_iter()
            .rev()
            .map(|c| Change {
                from_key: status_key(c.from),
                to_key: status_key(c.to),
                at: c
                    .at
                    .format(&Rfc3339)
                    .map(|s| ui.date_text(&s))
                    .unwrap_or_default(),
                by: c.by,
                note: c.note.unwrap_or_default(),
            })
            .collect(),
        number,
    }
}

/// `POST /plans/{code}/activities/{id}/status`: sets the status (`status`, with an optional
/// `note`) if the form's version is still the activity's; reporters may too.
pub(super) async fn set_status(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code, "framework").await?;
    let a = plan.activity(ui, &id)?;
    let status = ProgressStatus::parse(&f.get("status"))
        .map_err(|_| PageError::Invalid(ui.lang, vec![ui.t("framework-problem-status")]))?;
    let note = f.get("note");
    plans::set_activity_status(
        &state.store,
        &viewer.actor,
        a.id,
        f.version(),
        status,
        (!note.is_empty()).then_some(note),
    )
    .await
    .map_err(|e| viewer.fail(e))?;
    Ok(see_other(&format!(
        "/plans/{}/activities/{}#status",
        plan.code(),
        a.id
    )))
}

//! `GET /plans`: the portfolio — every plan the reader can see, with its local authority,
//! partners, region, status, current milestone, share of activities completed and the reports
//! due; filtered by status, region, text and "with reports due". A reporter also sees the
//! reports their organisation has to send, soonest first.

use super::{Frame, Nav, PageError, Viewer, render};
use crate::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use handover_core::actor::Actor;
use handover_store::cycle::reports;
use handover_store::plans::{self, PlanSummary};
use serde::Deserialize;
use std::collections::BTreeSet;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/plans", get(show_portfolio))
}

/// The portfolio's filters, as the form sends them.
#[derive(Clone, Debug, Default, Deserialize)]
struct Filter {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    region: String,
    /// `due`: only plans with reports due or overdue.
    #[serde(default)]
    reports: String,
}

/// One plan's line.
#[derive(Debug)]
struct Row {
    code: String,
    name: String,
    local_authority: String,
    partners: String,
    region: String,
    status_key: String,
    current_milestone: String,
    completed: i64,
    activities: i64,
    percent: String,
    due: usize,
    overdue: usize,
}

/// A report the reader's organisation has to send.
#[derive(Debug)]
struct DueRow {
    plan_code: String,
    plan_name: String,
    period: String,
    period_id: String,
    due: String,
    overdue: bool,
    returned: bool,
}

#[derive(Template)]
#[template(path = "pages/portfolio.html")]
struct PortfolioPage {
    frame: Frame,
    filter: Filter,
    rows: Vec<Row>,
    total: usize,
    statuses: Vec<(String, String)>,
    regions: Vec<String>,
    due: Vec<DueRow>,
    /// Whether the reader reports for an organisation (due reports are shown).
    reporting: bool,
}

async fn show_portfolio(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(filter): Query<Filter>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let all = plans::list(&state.store, &viewer.actor)
        .await
        .map_err(|e| viewer.fail(e))?;
    let reporting = matches!(viewer.actor, Actor::Member { .. });
    let due_reports = if reporting {
        reports::due_for(&state.store, &viewer.actor)
            .await
            .map_err(|e| viewer.fail(e))?
    } else {
        vec![]
    };
    let regions: Vec<String> = all
        .iter()
        .filter_map(|p| p.region.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let total = all.len();
    let needle = filter.q.trim().to_lowercase();
    let rows = all
        .iter()
        .filter(|p| filter.status.is_empty() || p.status == filter.status)
        .filter(|p| filter.region.is_empty() || p.region.as_deref() == Some(filter.region.as_str()))
        .filter(|p| needle.is_empty() || matches_text(p, &needle))
        .map(|p| {
            let mine: Vec<_> = due_reports.iter().filter(|r| r.plan_id == p.id).collect();
            let share = if p.activities > 0 {
                p.activities_completed as f64 / p.activities as f64
            } else {
                0.0
            };
            Row {
                code: p.code.clone(),
                name: ui.text(&p.name).to_owned(),
                local_authority: p.owner.clone(),
                partners: p.partners.join(", "),
                region: p.region.clone().unwrap_or_default(),
                status_key: format!("status-{}", p.status),
                current_milestone: p
                    .current_milestone
                    .as_ref()
                    .map(|m| format!("{}. {}", ui.int(m.number), ui.text(&m.title)))
                    .unwrap_or_default(),
                completed: p.activities_completed,
                activities: p.activities,
                percent: ui.percent(share),
                due: mine.len(),
                overdue: mine.iter().filter(|r| r.overdue).count(),
            }
        })
        .filter(|r| filter.reports != "due" || r.due > 0)
        .collect();
    let due = due_reports
        .iter()
        .map(|r| DueRow {
            plan_code: r.plan_code.clone(),
            plan_name: all
                .iter()
                .find(|p| p.id == r.plan_id)
                .map(|p| ui.text(&p.name).to_owned())
                .unwrap_or_else(|| r.plan_code.clone()),
            period: r.period.clone(),
            period_id: r.period_id.to_string(),
            due: ui.date_text(&r.due),
            overdue: r.overdue,
            returned: r.status == handover_core::reporting::ReportStatus::Returned,
        })
        .collect();
    let statuses = handover_core::plan::PlanStatus::ALL
        .iter()
        .map(|s| {
            let code = s.as_str().to_owned();
            let label = ui.t(format!("status-{code}"));
            (code, label)
        })
        .collect();
    let page = PortfolioPage {
        frame: Frame::new(&viewer, ui.t("portfolio-title"), Nav::Portfolio),
        filter,
        rows,
        total,
        statuses,
        regions,
        due,
        reporting,
    };
    Ok(render(&page))
}

/// Whether a plan's code, name (in any language) or parties contain the search text.
fn matches_text(p: &PlanSummary, needle: &str) -> bool {
    p.code.to_lowercase().contains(needle)
        || p.name
            .iter()
            .any(|(_, t)| t.to_lowercase().contains(needle))
        || p.owner.to_lowercase().contains(needle)
        || p.partners.iter().any(|n| n.to_lowercase().contains(needle))
}

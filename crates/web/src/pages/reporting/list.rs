//! `GET /plans/{code}/reports`: the plan's reports tab. Every period of the calendar with its
//! dates and due date; for each period that has begun, each party's report with its state
//! (draft, submitted, returned with the reviewer's comment, approved and locked), whether it is
//! overdue (in words, not only by colour), and what the reader can do with it next.

use super::{PlanCtx, open, period_dates, period_name, status_class, status_key};
use crate::AppState;
use crate::pages::{Frame, Nav, PageError, PlanNav, Viewer, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use handover_core::actor::Access;
use handover_core::reporting::{ReportStatus, due_date};
use handover_store::cycle::reports::{self, ReportView};

/// One party's report of a period.
#[derive(Debug)]
struct ReportRow {
    org: String,
    href: String,
    status_key: String,
    status_class: &'static str,
    overdue: bool,
    comment: Option<String>,
    /// The catalogue key of what the reader can do next, if anything.
    todo: Option<&'static str>,
    /// The reader's own organisation's report.
    own: bool,
}

/// A period and its reports.
#[derive(Debug)]
struct PeriodGroup {
    label: String,
    dates: String,
    due: String,
    begun: bool,
    reports: Vec<ReportRow>,
}

impl PeriodGroup {
    /// Rows the period's header cell spans.
    fn span(&self) -> usize {
        self.reports.len().max(1)
    }
}

#[derive(Template)]
#[template(path = "pages/reporting/list.html")]
struct ListPage {
    frame: Frame,
    plan_nav: PlanNav,
    periods: Vec<PeriodGroup>,
    overdue: i64,
    to_review: i64,
    due_days: i64,
}

pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let ctx = open(&state, &viewer, &code).await?;
    let all = reports::list(&state.store, &viewer.actor, ctx.id)
        .await
        .map_err(|e| viewer.fail(e))?;
    let mine = ctx.viewer_party(&viewer);
    let mut overdue = 0;
    let mut to_review = 0;
    let periods = ctx
        .tree
        .periods
        .iter()
        .map(|p| {
            let reports: Vec<ReportRow> = all
                .iter()
                .filter(|r| r.period_id == p.id)
                .map(|r| {
                    let row = row(&ctx, &viewer, mine, r);
                    overdue += i64::from(row.overdue);
                    to_review += i64::from(row.todo == Some("reporting-todo-review"));
                    row
                })
                .collect();
            PeriodGroup {
                label: period_name(ui, p),
                dates: period_dates(ui, p),
                due: ui.date(due_date(p.end, ctx.tree.plan.report_due_days)),
                begun: !reports.is_empty(),
                reports,
            }
        })
        .collect();
    let page = ListPage {
        frame: Frame::new(
            &viewer,
            format!(
                "{} — {}",
                ui.t("reporting-title"),
                ui.text(&ctx.tree.plan.name)
            ),
            Nav::None,
        ),
        plan_nav: PlanNav::new(
            ui,
            ctx.code(),
            &ctx.tree.plan.name,
            ctx.tree.plan.status.as_str(),
            "reports",
        ),
        periods,
        overdue,
        to_review,
        due_days: i64::from(ctx.tree.plan.report_due_days),
    };
    Ok(render(&page))
}

fn row(
    ctx: &PlanCtx,
    viewer: &Viewer,
    mine: Option<handover_core::ids::OrgId>,
    r: &ReportView,
) -> ReportRow {
    let own = mine == Some(r.organisation_id);
    let write = viewer.may_write();
    let todo = if write && own && ctx.access >= Access::Report && r.status.editable() {
        Some(if r.status == ReportStatus::Returned {
            "reporting-todo-correct"
        } else {
            "reporting-todo-enter"
        })
    } else if write
        && mine.is_some()
        && !own
        && ctx.access >= Access::Edit
        && r.status == ReportStatus::Submitted
    {
        Some("reporting-todo-review")
    } else {
        None
    };
    ReportRow {
        org: ctx.party_name(r.organisation_id),
        href: format!(
            "/plans/{}/reports/{}?org={}",
            ctx.code(),
            r.period_id,
            r.organisation_code
        ),
        status_key: status_key(r.status),
        status_class: status_class(r.status),
        overdue: r.overdue,
        comment: r
            .review_comment
            .clone()
            .filter(|c| !c.trim().is_empty() && r.status == ReportStatus::Returned),
        todo,
        own,
    }
}

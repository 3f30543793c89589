//! `GET /plans/{code}/audit`: the plan's history — who changed what and when, newest first,
//! each change told in words with the values before and after ([`summary`]); filtered by user
//! and by a range of dates (a GET form), 100 entries a page with links to newer and older
//! ones. Read through `handover_store::audit`, as `GET /api/v1/plans/{plan}/audit` does.

mod summary;

use super::plan::{open, when};
use super::{Frame, Nav, PageError, PlanNav, Viewer, render_status};
use crate::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use handover_core::calendar::{format_date, parse_date};
use handover_store::audit::{self, AuditFilter};
use handover_store::views;
use serde::{Deserialize, Serialize};
use summary::{Change, Names, action_key, entity_key, summarise};

/// Entries on one page.
const PER_PAGE: usize = 100;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/plans/{code}/audit", get(show))
}

/// The filters, as the form sends them (and as the page links carry them).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
struct Filter {
    /// The actor as the trail writes them (an e-mail address, `operator:root`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    user: String,
    /// From this day (YYYY-MM-DD), inclusive.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    since: String,
    /// Until this day (YYYY-MM-DD), inclusive.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    until: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    page: String,
}

/// One entry as shown.
#[derive(Debug)]
struct Row {
    at: String,
    who: String,
    action_key: &'static str,
    entity: String,
    record: String,
    changes: Vec<Change>,
    more: usize,
}

#[derive(Template)]
#[template(path = "pages/audit/history.html")]
struct HistoryPage {
    frame: Frame,
    plan_nav: PlanNav,
    filter: Filter,
    actors: Vec<String>,
    rows: Vec<Row>,
    /// Problems of the filter, each naming its field.
    problems: Vec<String>,
    since_problem: String,
    until_problem: String,
    /// Links to newer and older entries, when there are some.
    newer: Option<String>,
    older: Option<String>,
    /// The page's number and the entries it shows (`101`–`200`), in the page's language.
    page_no: String,
    first: String,
    last: String,
    /// Whether any filter is set (an empty result then says so).
    filtered: bool,
}

/// A day typed in the filter, as the trail's bound: `start` of the day, or the start of the
/// next day for an inclusive end. `Err` when it is not a date.
fn bound(day: &str, end: bool) -> Result<Option<String>, ()> {
    let day = day.trim();
    if day.is_empty() {
        return Ok(None);
    }
    let d = parse_date(day).map_err(|_| ())?;
    let d = if end { d.next_day().unwrap_or(d) } else { d };
    Ok(Some(format!("{}T00:00:00Z", format_date(d))))
}

async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(filter): Query<Filter>,
) -> Result<Response, PageError> {
    let ctx = open(&state, &viewer, &code).await?;
    let ui = viewer.ui;
    let store = &state.store;
    let plan = &ctx.tree.plan;
    let actors = views::audit::actors(store, &viewer.actor, ctx.id)
        .await
        .map_err(|e| viewer.fail(e))?;

    let mut problems = vec![];
    let (mut since_problem, mut until_problem) = (String::new(), String::new());
    let since = bound(&filter.since, false).unwrap_or_else(|()| {
        since_problem = ui.t("audit-bad-date");
        None
    });
    let until = bound(&filter.until, true).unwrap_or_else(|()| {
        until_problem = ui.t("audit-bad-date");
        None
    });
    if let (Some(s), Some(u)) = (&since, &until)
        && s >= u
    {
        until_problem = ui.t("audit-until-before-since");
    }
    if !since_problem.is_empty() {
        problems.push(format!("{}: {since_problem}", ui.t("audit-since")));
    }
    if !until_problem.is_empty() {
        problems.push(format!("{}: {until_problem}", ui.t("audit-until")));
    }
    let page_no = filter
        .page
        .trim()
        .parse::<usize>()
        .unwrap_or(1)
        .clamp(1, 999);
    let offset = (page_no - 1) * PER_PAGE;

    let mut rows = vec![];
    let mut more_older = false;
    if problems.is_empty() {
        let wanted = AuditFilter {
            plan: Some(ctx.id),
            actor: Some(filter.user.trim().to_owned()).filter(|u| !u.is_empty()),
            since,
            until,
            limit: Some((offset + PER_PAGE + 1) as i64),
            ..AuditFilter::default()
        };
        let entries = audit::list(store, &viewer.actor, &wanted)
            .await
            .map_err(|e| viewer.fail(e))?;
        more_older = entries.len() > offset + PER_PAGE;
        let names = Names::of(ui, &ctx.tree);
        rows = entries
            .iter()
            .skip(offset)
            .take(PER_PAGE)
            .map(|e| {
                let s = summarise(ui, &names, e);
                Row {
                    at: when(ui, e.at),
                    who: e.actor.clone(),
                    action_key: action_key(e.action),
                    entity: entity_key(&e.entity).map_or_else(|| e.entity.clone(), |k| ui.t(k)),
                    record: s.record,
                    changes: s.changes,
                    more: s.more,
                }
            })
            .collect();
    }

    let link = |n: usize| {
        let f = Filter {
            page: if n > 1 { n.to_string() } else { String::new() },
            ..filter.clone()
        };
        let q = serde_urlencoded::to_string(&f).unwrap_or_default();
        if q.is_empty() {
            format!("/plans/{}/audit", plan.code.as_str())
        } else {
            format!("/plans/{}/audit?{q}", plan.code.as_str())
        }
    };
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = HistoryPage {
        frame: Frame::new(&viewer, ui.t("audit-title"), Nav::Portfolio),
        plan_nav: PlanNav::new(
            ui,
            plan.code.as_str(),
            &plan.name,
            plan.status.as_str(),
            "audit",
        ),
        newer: (page_no > 1).then(|| link(page_no - 1)),
        older: more_older.then(|| link(page_no + 1)),
        page_no: ui.int(page_no as i64),
        first: ui.int((offset + 1) as i64),
        last: ui.int((offset + rows.len()) as i64),
        filtered: !filter.user.is_empty() || !filter.since.is_empty() || !filter.until.is_empty(),
        filter,
        actors,
        rows,
        problems,
        since_problem,
        until_problem,
    };
    Ok(render_status(status, &page))
}

//! `GET /plans/{code}/gantt`: the plan's timeline — the Gantt chart of its milestones and
//! activities over the quarters (planned against actual, each status shown by a pattern and a
//! word, today's date as a line; mirrored on Arabic pages), and the same facts as a table
//! for screen readers and for copying. The chart is an inline SVG drawn by
//! [`handover_charts::gantt`]; it needs no script and prints on its own (the print styles hide
//! the frame and the tabs).

use super::{Frame, Nav, PageError, PlanNav, Viewer, render};
use crate::AppState;
use crate::i18n::Ui;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use handover_charts::gantt as chart;
use handover_core::plan::{Activity, Period, PlanTree, ProgressStatus};
use handover_core::text::Text;
use handover_store::plans;
use time::Date;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/plans/{code}/gantt", get(show_gantt))
}

/// One activity's line of the table.
#[derive(Debug)]
struct Row {
    id: String,
    number: String,
    title: String,
    /// The title's language when it is not the page's (a fallback); empty otherwise.
    title_lang: String,
    planned: String,
    actual: String,
    status_label: String,
    /// The CSS class of the status badge.
    badge: &'static str,
    slippage: String,
}

/// A milestone and its activities, in the table.
#[derive(Debug)]
struct Group {
    label: String,
    label_lang: String,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "pages/gantt/gantt.html")]
struct GanttPage {
    frame: Frame,
    plan_nav: PlanNav,
    /// The chart, escaped by its maker.
    svg: String,
    groups: Vec<Group>,
    /// Where today falls in the calendar, in words.
    today_note: String,
}

/// The CSS class of a status badge.
fn badge(status: ProgressStatus) -> &'static str {
    match status {
        ProgressStatus::NotStarted => "badge",
        ProgressStatus::Started => "badge gantt-started",
        ProgressStatus::Advanced => "badge warn",
        ProgressStatus::Completed => "badge ok",
    }
}

async fn show_gantt(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let id = plans::find(&state.store, &viewer.actor, &code)
        .await
        .map_err(|e| viewer.fail(e))?;
    let tree = plans::load(&state.store, &viewer.actor, id)
        .await
        .map_err(|e| viewer.fail(e))?;
    let today = time::OffsetDateTime::now_utc().date();
    let plan_nav = PlanNav::new(
        ui,
        tree.plan.code.as_str(),
        &tree.plan.name,
        tree.plan.status.as_str(),
        "gantt",
    );
    let svg = chart::render(&chart_of(ui, &tree, today));
    let page = GanttPage {
        frame: Frame::new(
            &viewer,
            ui.ta("gantt-title", "plan", &plan_nav.name),
            Nav::None,
        ),
        svg,
        groups: groups(ui, &tree),
        today_note: today_note(ui, &tree.periods, today),
        plan_nav,
    };
    Ok(render(&page))
}

/// A quarter's name in the page's language (`Q3`, `T3`, `الربع ٣`).
fn quarter(ui: Ui, q: u16) -> String {
    ui.ta("quarter-label", "n", &ui.int(i64::from(q)))
}

/// `Q2–Q4`, or `Q2` for one quarter.
fn quarters(ui: Ui, from: u16, to: u16) -> String {
    if from == to {
        quarter(ui, from)
    } else {
        ui.targs(
            "gantt-quarter-range",
            &[("from", &quarter(ui, from)), ("to", &quarter(ui, to))],
        )
    }
}

/// What happened so far, in words: `Q3–Q5`, `since Q3`, or `not started`.
fn actual(ui: Ui, a: &Activity) -> String {
    match (a.actual_start, a.actual_end) {
        (Some(s), Some(e)) => quarters(ui, s, e),
        (Some(s), None) => ui.ta("gantt-actual-since", "from", &quarter(ui, s)),
        (None, Some(e)) => ui.ta("gantt-actual-ended", "to", &quarter(ui, e)),
        (None, None) => ui.t("gantt-actual-none"),
    }
}

/// The language of a text shown on the page when it is not the page's own (a fallback).
fn fallback_lang(ui: Ui, t: &Text) -> Option<String> {
    t.show(ui.lang)
        .filter(|s| s.fallback)
        .map(|s| s.lang.code().to_owned())
}

fn status_label(ui: Ui, s: ProgressStatus) -> String {
    ui.t(format!("gantt-status-{}", s.as_str()))
}

fn number(ui: Ui, a: &Activity) -> String {
    ui.num(&a.display_number())
}

/// The chart's values, in the page's language.
fn chart_of(ui: Ui, tree: &PlanTree, today: Date) -> chart::Gantt {
    let quarters_of_plan = tree
        .periods
        .iter()
        .map(|p| chart::Quarter {
            label: quarter(ui, p.seq),
            caption: ui.month(p.start),
            start: p.start,
            end: p.end,
        })
        .collect();
    let milestones = tree
        .milestones
        .iter()
        .map(|m| chart::Milestone {
            label_lang: fallback_lang(ui, &m.title),
            label: ui.targs(
                "gantt-milestone",
                &[
                    ("number", &ui.int(i64::from(m.number))),
                    ("title", ui.text(&m.title)),
                ],
            ),
            activities: tree
                .activities_of(m.id)
                .map(|a| chart::Activity {
                    number: number(ui, a),
                    title: ui.text(&a.title).to_owned(),
                    title_lang: fallback_lang(ui, &a.title),
                    summary: ui.targs(
                        "gantt-summary",
                        &[
                            ("number", &number(ui, a)),
                            ("title", ui.text(&a.title)),
                            ("planned", &quarters(ui, a.planned.start, a.planned.end)),
                            ("actual", &actual(ui, a)),
                            ("status", &status_label(ui, a.status)),
                        ],
                    ),
                    planned_start: a.planned.start,
                    planned_end: a.planned.end,
                    actual_start: a.actual_start,
                    actual_end: a.actual_end,
                    status: a.status,
                })
                .collect(),
        })
        .collect();
    chart::Gantt {
        id: "gantt".into(),
        quarters: quarters_of_plan,
        milestones,
        today,
        labels: chart::Labels {
            title: ui.t("gantt-chart-title"),
            description: ui.t("gantt-chart-description"),
            today: ui.ta("gantt-today", "date", &ui.date(today)),
            legend: ui.t("gantt-legend"),
            planned: ui.t("gantt-legend-planned"),
            actual: ui.t("gantt-legend-actual"),
            today_line: ui.t("gantt-legend-today"),
            statuses: ProgressStatus::ALL.map(|s| status_label(ui, s)),
        },
        mirror: ui.rtl(),
    }
}

/// The table: each milestone with its activities.
fn groups(ui: Ui, tree: &PlanTree) -> Vec<Group> {
    tree.milestones
        .iter()
        .map(|m| Group {
            label_lang: fallback_lang(ui, &m.title).unwrap_or_default(),
            label: ui.targs(
                "gantt-milestone",
                &[
                    ("number", &ui.int(i64::from(m.number))),
                    ("title", ui.text(&m.title)),
                ],
            ),
            rows: tree
                .activities_of(m.id)
                .map(|a| {
                    let late = a.slippage();
                    Row {
                        id: a.id.to_string(),
                        number: number(ui, a),
                        title: ui.text(&a.title).to_owned(),
                        title_lang: fallback_lang(ui, &a.title).unwrap_or_default(),
                        planned: quarters(ui, a.planned.start, a.planned.end),
                        actual: actual(ui, a),
                        badge: badge(a.status),
                        status_label: status_label(ui, a.status),
                        slippage: match late {
                            n if n > 0 => ui.tn("gantt-late", i64::from(n)),
                            n if n < 0 => ui.tn("gantt-early", i64::from(-n)),
                            _ => ui.t("gantt-on-time"),
                        },
                    }
                })
                .collect(),
        })
        .collect()
}

/// Where today falls in the plan's calendar.
fn today_note(ui: Ui, periods: &[Period], today: Date) -> String {
    let date = ui.date(today);
    if let Some(p) = periods.iter().find(|p| p.start <= today && today <= p.end) {
        return ui.targs(
            "gantt-today-in",
            &[("date", &date), ("quarter", &quarter(ui, p.seq))],
        );
    }
    match (periods.first(), periods.last()) {
        (Some(first), _) if today < first.start => ui.targs(
            "gantt-today-before",
            &[("date", &date), ("start", &ui.date(first.start))],
        ),
        (_, Some(last)) => ui.targs(
            "gantt-today-after",
            &[("date", &date), ("end", &ui.date(last.end))],
        ),
        _ => ui.ta("gantt-today", "date", &date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use handover_core::text::Lang;

    #[test]
    fn every_status_has_its_words() {
        for lang in Lang::ALL {
            let ui = Ui::new(lang);
            for s in ProgressStatus::ALL {
                let key = format!("gantt-status-{}", s.as_str());
                assert!(!status_label(ui, s).contains(&key), "{key} in {lang:?}");
            }
        }
    }
}

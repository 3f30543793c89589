//! `GET /plans/{code}/framework`: the results framework as nested lists — milestones, their
//! activities (24.1…), each activity's outputs with their outcomes and indicators, and its
//! risks — every item linking to its page; with the controls to add, change and reorder for
//! those who may.

use super::super::{Frame, Nav, PageError, PlanNav, Viewer, render};
use super::{PlanPage, number, open, quarters, risk_level, title};
use crate::AppState;
use crate::i18n::Ui;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use handover_core::ids::ResultId;
use handover_core::plan::{Activity, PlanTree, ResultNode};

/// One indicator of a result.
#[derive(Debug)]
pub(super) struct IndicatorItem {
    pub(super) id: String,
    pub(super) code: String,
    pub(super) statement: String,
}

/// A result node with its indicators and the results under it. The tree shows three levels;
/// anything deeper is listed at the third.
#[derive(Debug)]
pub(super) struct ResultItem {
    pub(super) id: String,
    pub(super) level_key: String,
    /// `output`, `outcome`… (a class, for the marker).
    pub(super) level: &'static str,
    pub(super) title: String,
    pub(super) indicators: Vec<IndicatorItem>,
    pub(super) children: Vec<ResultItem>,
    /// Whether an outcome may be added under it (outputs).
    pub(super) takes_outcomes: bool,
}

/// A risk of an activity, short.
#[derive(Debug)]
pub(super) struct RiskItem {
    pub(super) id: String,
    pub(super) description: String,
    pub(super) score: String,
    pub(super) level: &'static str,
    pub(super) level_key: String,
}

/// An activity of the tree.
#[derive(Debug)]
struct ActivityItem {
    id: String,
    number: String,
    title: String,
    status: &'static str,
    status_key: String,
    planned: String,
    version: i64,
    results: Vec<ResultItem>,
    risks: Vec<RiskItem>,
    /// Move controls: only on the first instance of a repeated activity, where a move is possible.
    can_up: bool,
    can_down: bool,
}

/// A milestone of the tree.
#[derive(Debug)]
struct MilestoneItem {
    id: String,
    number: String,
    title: String,
    objective: String,
    version: i64,
    first: bool,
    last: bool,
    activities: Vec<ActivityItem>,
}

#[derive(Template)]
#[template(path = "pages/framework/tree.html")]
struct TreePage {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    edit: bool,
    milestones: Vec<MilestoneItem>,
    plan_results: Vec<ResultItem>,
    activity_count: usize,
    indicator_count: usize,
}

pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code, "framework").await?;
    let page = build(&viewer, plan);
    Ok(render(&page))
}

fn build(viewer: &Viewer, plan: PlanPage) -> TreePage {
    let ui = viewer.ui;
    let tree = &plan.tree;
    let mut ms: Vec<_> = tree.milestones.iter().collect();
    ms.sort_by_key(|m| m.number);
    let count = ms.len();
    let mut ordered: Vec<&Activity> = tree.activities.iter().collect();
    ordered.sort_by_key(|a| (a.number, a.instance));
    let first_number = ordered.first().map(|a| a.number);
    let last_number = ordered.last().map(|a| a.number);
    let milestones = ms
        .iter()
        .enumerate()
        .map(|(i, m)| MilestoneItem {
            id: m.id.to_string(),
            number: ui.int(i64::from(m.number)),
            title: ui.text(&m.title).to_owned(),
            objective: ui.text(&m.objective).to_owned(),
            version: m.version,
            first: i == 0,
            last: i + 1 == count,
            activities: ordered
                .iter()
                .filter(|a| a.milestone_id == m.id)
                .map(|a| {
                    let head = a.instance.is_none_or(|n| n == 1);
                    ActivityItem {
                        id: a.id.to_string(),
                        number: number(ui, a),
                        title: ui.text(&a.title).to_owned(),
                        status: a.status.as_str(),
                        status_key: format!("framework-status-{}", a.status.as_str()),
                        planned: quarters(ui, a.planned.start, a.planned.end),
                        version: a.version,
                        results: sorted(tree.results_of_activity(a.id).collect())
                            .into_iter()
                            .map(|r| result_item(ui, tree, r, 1))
                            .collect(),
                        risks: activity_risks(ui, tree, a),
                        can_up: head && Some(a.number) != first_number,
                        can_down: head && Some(a.number) != last_number,
                    }
                })
                .collect(),
        })
        .collect();
    let plan_results = sorted(tree.plan_results().collect())
        .into_iter()
        .map(|r| result_item(ui, tree, r, 1))
        .collect();
    let page_title = title(ui, &ui.t("framework-title"), &plan);
    TreePage {
        frame: Frame::new(viewer, page_title, Nav::None),
        code: plan.code().to_owned(),
        edit: plan.edit,
        milestones,
        plan_results,
        activity_count: tree.activities.len(),
        indicator_count: tree.indicators.len(),
        plan_nav: plan.nav,
    }
}

/// Result nodes in their order among siblings.
fn sorted(mut v: Vec<&ResultNode>) -> Vec<&ResultNode> {
    v.sort_by_key(|r| r.position);
    v
}

/// A result node with its indicators and descendants; below the third level, descendants are
/// listed flat at the third.
pub(super) fn result_item(ui: Ui, tree: &PlanTree, r: &ResultNode, depth: usize) -> ResultItem {
    let children = if depth >= 3 {
        let mut flat = vec![];
        descendants(tree, r.id, &mut flat);
        flat.into_iter().map(|n| leaf(ui, tree, n)).collect()
    } else {
        sorted(tree.results_under(r.id).collect())
            .into_iter()
            .map(|n| result_item(ui, tree, n, depth + 1))
            .collect()
    };
    ResultItem {
        children,
        ..leaf(ui, tree, r)
    }
}

fn descendants<'t>(tree: &'t PlanTree, id: ResultId, out: &mut Vec<&'t ResultNode>) {
    for n in sorted(tree.results_under(id).collect()) {
        if out.iter().any(|x| x.id == n.id) {
            continue;
        }
        out.push(n);
        descendants(tree, n.id, out);
    }
}

fn leaf(ui: Ui, tree: &PlanTree, r: &ResultNode) -> ResultItem {
    let mut inds: Vec<_> = tree.indicators_of(r.id).collect();
    inds.sort_by_key(|i| i.position);
    ResultItem {
        id: r.id.to_string(),
        level_key: format!("framework-level-{}", r.level.as_str()),
        level: r.level.as_str(),
        title: ui.text(&r.title).to_owned(),
        indicators: inds
            .into_iter()
            .map(|i| IndicatorItem {
                id: i.id.to_string(),
                code: i.code.clone(),
                statement: ui.text(&i.statement).to_owned(),
            })
            .collect(),
        children: vec![],
        takes_outcomes: r.level == handover_core::plan::ResultLevel::Output,
    }
}

/// The risks of an activity and of its results, highest score first.
pub(super) fn activity_risks(ui: Ui, tree: &PlanTree, a: &Activity) -> Vec<RiskItem> {
    let mut risks: Vec<_> = tree
        .risks
        .iter()
        .filter(|r| r.activity_id == Some(a.id))
        .collect();
    risks.sort_by_key(|r| std::cmp::Reverse(r.score()));
    risks
        .into_iter()
        .map(|r| RiskItem {
            id: r.id.to_string(),
            description: ui.text(&r.description).to_owned(),
            score: ui.int(i64::from(r.score())),
            level: risk_level(r),
            level_key: format!("framework-risk-level-{}", risk_level(r)),
        })
        .collect()
}

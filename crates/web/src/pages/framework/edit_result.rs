//! Adding and changing results (outputs, outcomes, impacts): `…/framework/results/new` under an
//! activity (`?activity=`), another result (`?result=`) or the plan, and
//! `…/framework/results/{id}/edit`. Texts are edited in the page's language.

use super::super::{Frame, Nav, PageError, PlanNav, Posted, Viewer, render_status, see_other};
use super::fields::{
    Choice, Fields, FormView, Problems, edited, elsewhere, labelled, own, party_choices,
    party_codes,
};
use super::{PlanPage, number, open, title};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use handover_core::ids::ResultId;
use handover_core::plan::{PlanTree, ResultLevel, ResultNode, ResultParent};
use handover_core::text::Text;
use handover_store::framework::results::{self, ResultInput};
use handover_store::framework::{ParentRef, find};
use serde::Deserialize;

pub(super) const FIELDS: &[&str] = &[
    "level",
    "title",
    "description",
    "assumptions",
    "responsible",
    "parent",
];
pub(super) const LEVELS: &[&str] = &["output", "outcome", "impact", "other"];

#[derive(Template)]
#[template(path = "pages/framework/result_form.html")]
struct ResultForm {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    form: FormView,
    heading: String,
    /// Where the result hangs, in words.
    under: String,
    action: String,
    /// `plan`, `activity:{id}` or `result:{id}` (when adding).
    parent: String,
    version: i64,
    levels: Vec<Choice>,
    title: String,
    title_other: String,
    description: String,
    description_other: String,
    assumptions: String,
    assumptions_other: String,
    responsible: Vec<Choice>,
}

impl ResultForm {
    fn respond(&self) -> Response {
        let status = if self.form.problems.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        render_status(status, self)
    }
}

/// Where a new result hangs.
#[derive(Debug, Default, Deserialize)]
pub(super) struct NewQuery {
    #[serde(default)]
    activity: String,
    #[serde(default)]
    result: String,
}

/// The parent as the form carries it, and its reference for the store.
fn parent_of(tree: &PlanTree, raw: &str) -> Option<(ResultParent, ParentRef)> {
    match raw.split_once(':') {
        Some(("activity", id)) => find::activity(tree, id).map(|a| {
            (
                ResultParent::Activity(a.id),
                ParentRef::Activity(a.id.to_string()),
            )
        }),
        Some(("result", id)) => find::result(tree, id).map(|r| {
            (
                ResultParent::Result(r.id),
                ParentRef::Result(r.id.to_string()),
            )
        }),
        _ if raw == "plan" => Some((ResultParent::Plan, ParentRef::Plan)),
        _ => None,
    }
}

fn parent_value(p: ResultParent) -> String {
    match p {
        ResultParent::Plan => "plan".into(),
        ResultParent::Activity(a) => format!("activity:{a}"),
        ResultParent::Result(r) => format!("result:{r}"),
    }
}

/// The parent in words: "Activity 7: …", "Output: …", "the plan".
fn under(viewer: &Viewer, tree: &PlanTree, p: ResultParent) -> String {
    let ui = viewer.ui;
    match p {
        ResultParent::Plan => ui.t("framework-under-plan"),
        ResultParent::Activity(a) => tree
            .activities
            .iter()
            .find(|x| x.id == a)
            .map(|a| {
                ui.targs(
                    "framework-activity-numbered",
                    &[("number", &number(ui, a)), ("title", ui.text(&a.title))],
                )
            })
            .unwrap_or_default(),
        ResultParent::Result(r) => tree
            .results
            .iter()
            .find(|x| x.id == r)
            .map(|r| {
                ui.targs(
                    "framework-result-labelled",
                    &[
                        (
                            "level",
                            &ui.t(format!("framework-level-{}", r.level.as_str())),
                        ),
                        ("title", ui.text(&r.title)),
                    ],
                )
            })
            .unwrap_or_default(),
    }
}

/// Where the tree shows the result: its activity, or the plan's results.
fn anchor(tree: &PlanTree, p: ResultParent) -> String {
    let mut at = p;
    for _ in 0..=tree.results.len() {
        match at {
            ResultParent::Activity(a) => return format!("a-{a}"),
            ResultParent::Plan => return "plan-results".into(),
            ResultParent::Result(r) => match tree.results.iter().find(|x| x.id == r) {
                Some(n) => at = n.parent,
                None => break,
            },
        }
    }
    "plan-results".into()
}

/// Values shown by the form.
#[derive(Debug, Default)]
struct Values {
    level: String,
    title: String,
    description: String,
    assumptions: String,
    responsible: Vec<String>,
}

impl Values {
    fn typed(f: &Fields) -> Self {
        Self {
            level: f.get("level"),
            title: f.get("title"),
            description: f.get("description"),
            assumptions: f.get("assumptions"),
            responsible: f.all("responsible"),
        }
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "one form, assembled in one place"
)]
fn page(
    viewer: &Viewer,
    plan: &PlanPage,
    heading: String,
    action: String,
    parent: ResultParent,
    version: i64,
    existing: Option<&ResultNode>,
    v: &Values,
    problems: Problems,
) -> ResultForm {
    let ui = viewer.ui;
    let other = |t: Option<&Text>| t.map(|t| elsewhere(t, ui.lang)).unwrap_or_default();
    ResultForm {
        frame: Frame::new(viewer, title(ui, &heading, plan), Nav::None),
        plan_nav: plan.nav.clone(),
        code: plan.code().to_owned(),
        form: FormView::new(ui, problems),
        heading,
        under: under(viewer, &plan.tree, parent),
        action,
        parent: parent_value(parent),
        version,
        levels: labelled(ui, "level", LEVELS, &v.level),
        title: v.title.clone(),
        title_other: other(existing.map(|r| &r.title)),
        description: v.description.clone(),
        description_other: other(existing.map(|r| &r.description)),
        assumptions: v.assumptions.clone(),
        assumptions_other: other(existing.map(|r| &r.assumptions)),
        responsible: party_choices(&plan.tree, &v.responsible),
    }
}

/// `GET …/framework/results/new` (`?activity=` or `?result=`; the plan otherwise).
pub(super) async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code, "framework").await?;
    plan.must_edit(viewer.ui)?;
    let raw = if !q.result.is_empty() {
        format!("result:{}", q.result)
    } else if !q.activity.is_empty() {
        format!("activity:{}", q.activity)
    } else {
        "plan".into()
    };
    let (parent, _) = parent_of(&plan.tree, &raw).ok_or(PageError::NotFound(viewer.ui.lang))?;
    // Under an activity an output, under an output an outcome, under an outcome an impact.
    let level = match parent {
        ResultParent::Activity(_) => ResultLevel::Output,
        ResultParent::Plan => ResultLevel::Outcome,
        ResultParent::Result(r) => match plan
            .tree
            .results
            .iter()
            .find(|x| x.id == r)
            .map(|x| x.level)
        {
            Some(ResultLevel::Output) => ResultLevel::Outcome,
            Some(ResultLevel::Outcome) => ResultLevel::Impact,
            _ => ResultLevel::Other,
        },
    };
    let responsible = match parent {
        ResultParent::Activity(a) => {
            let mut ids = vec![];
            for l in plan
                .tree
                .activities
                .iter()
                .filter(|x| x.id == a)
                .flat_map(|x| &x.leads)
            {
                for p in &l.parties {
                    if !ids.contains(p) {
                        ids.push(*p);
                    }
                }
            }
            party_codes(&plan.tree, &ids)
        }
        ResultParent::Result(r) => plan
            .tree
            .results
            .iter()
            .find(|x| x.id == r)
            .map(|x| party_codes(&plan.tree, &x.responsible))
            .unwrap_or_default(),
        ResultParent::Plan => party_codes(&plan.tree, &[plan.tree.plan.owner]),
    };
    let v = Values {
        level: level.as_str().into(),
        responsible,
        ..Values::default()
    };
    let action = format!("/plans/{}/framework/results/new", plan.code());
    let heading = viewer.ui.t("framework-new-result");
    Ok(page(
        &viewer,
        &plan,
        heading,
        action,
        parent,
        0,
        None,
        &v,
        Problems::default(),
    )
    .respond())
}

/// `POST …/framework/results/new`.
pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code, "framework").await?;
    let lang = viewer.ui.lang;
    let (parent, reference) =
        parent_of(&plan.tree, &f.get("parent")).ok_or(PageError::NotFound(lang))?;
    let input = ResultInput {
        parent: Some(reference),
        level: ResultLevel::parse(&f.get("level")).ok(),
        title: Some(edited(&Text::default(), lang, &f.get("title"))),
        description: Some(edited(&Text::default(), lang, &f.get("description"))),
        assumptions: Some(edited(&Text::default(), lang, &f.get("assumptions"))),
        responsible: Some(f.all("responsible")),
        position: None,
    };
    match results::create(&state.store, &viewer.actor, plan.id, input).await {
        Ok(_) => Ok(see_other(&plan.tree_url(&anchor(&plan.tree, parent)))),
        Err(e) => {
            let problems = Problems::from_store(&viewer, e, FIELDS)?;
            let action = format!("/plans/{}/framework/results/new", plan.code());
            let heading = viewer.ui.t("framework-new-result");
            let v = Values::typed(&f);
            Ok(page(
                &viewer, &plan, heading, action, parent, 0, None, &v, problems,
            )
            .respond())
        }
    }
}

fn result<'t>(viewer: &Viewer, plan: &'t PlanPage, id: &str) -> Result<&'t ResultNode, PageError> {
    id.parse::<ResultId>()
        .ok()
        .and_then(|id| plan.tree.results.iter().find(|r| r.id == id))
        .ok_or(PageError::NotFound(viewer.ui.lang))
}

fn edit_heading(viewer: &Viewer, r: &ResultNode) -> String {
    viewer.ui.ta(
        "framework-edit-result",
        "level",
        &viewer.ui.t(format!("framework-level-{}", r.level.as_str())),
    )
}

/// `GET …/framework/results/{id}/edit`.
pub(super) async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code, "framework").await?;
    plan.must_edit(viewer.ui)?;
    let r = result(&viewer, &plan, &id)?;
    let lang = viewer.ui.lang;
    let v = Values {
        level: r.level.as_str().into(),
        title: own(&r.title, lang),
        description: own(&r.description, lang),
        assumptions: own(&r.assumptions, lang),
        responsible: party_codes(&plan.tree, &r.responsible),
    };
    let action = format!("/plans/{}/framework/results/{}/edit", plan.code(), r.id);
    let heading = edit_heading(&viewer, r);
    Ok(page(
        &viewer,
        &plan,
        heading,
        action,
        r.parent,
        r.version,
        Some(r),
        &v,
        Problems::default(),
    )
    .respond())
}

/// `POST …/framework/results/{id}/edit`.
pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code, "framework").await?;
    let r = result(&viewer, &plan, &id)?;
    let lang = viewer.ui.lang;
    let input = ResultInput {
        parent: None,
        level: ResultLevel::parse(&f.get("level")).ok(),
        title: Some(edited(&r.title, lang, &f.get("title"))),
        description: Some(edited(&r.description, lang, &f.get("description"))),
        assumptions: Some(edited(&r.assumptions, lang, &f.get("assumptions"))),
        responsible: Some(f.all("responsible")),
        position: None,
    };
    let reference = r.id.to_string();
    match results::update(
        &state.store,
        &viewer.actor,
        plan.id,
        &reference,
        f.version(),
        input,
    )
    .await
    {
        Ok(_) => Ok(see_other(&plan.tree_url(&anchor(&plan.tree, r.parent)))),
        Err(e) => {
            let problems = Problems::from_store(&viewer, e, FIELDS)?;
            let action = format!("/plans/{}/framework/results/{}/edit", plan.code(), r.id);
            let heading = edit_heading(&viewer, r);
            let v = Values::typed(&f);
            Ok(page(
                &viewer,
                &plan,
                heading,
                action,
                r.parent,
                f.version(),
                Some(r),
                &v,
                problems,
            )
            .respond())
        }
    }
}

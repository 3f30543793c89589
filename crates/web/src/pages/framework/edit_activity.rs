//! Adding, changing and moving activities: `…/framework/activities/new?milestone=…`,
//! `…/framework/activities/{id}/edit` (texts in the page's language, needs, the indicative and
//! actual quarters, who leads each quarter) and `…/framework/activities/{id}/move` (one place
//! up or down, across milestones at either end).

use super::super::{Frame, Nav, PageError, PlanNav, Posted, Viewer, render_status, see_other};
use super::fields::{
    Choice, Fields, FormView, Problems, edited, elsewhere, own, quarter_choices, quarter_number,
};
use super::{PlanPage, number, open, title};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use handover_core::ids::MilestoneId;
use handover_core::plan::Activity;
use handover_core::text::Text;
use handover_store::framework::LeadInput;
use handover_store::framework::activities::{self, ActivityInput, Quarters};
use serde::Deserialize;

/// The fields of the form, as store problems name them.
pub(super) const FIELDS: &[&str] = &[
    "milestone",
    "title",
    "rationale",
    "financial_description",
    "needs",
    "repeatable",
    "planned_start_quarter",
    "planned_end_quarter",
    "actual_start_quarter",
    "actual_end_quarter",
    "leads",
];

/// Who leads in one quarter, as the form offers it.
#[derive(Debug)]
struct LeadRow {
    quarter: u16,
    label: String,
    choices: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "pages/framework/activity_form.html")]
struct ActivityForm {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    form: FormView,
    heading: String,
    action: String,
    back: String,
    /// 0 when adding.
    version: i64,
    milestones: Vec<Choice>,
    title: String,
    title_other: String,
    rationale: String,
    rationale_other: String,
    financial: String,
    financial_other: String,
    needs: Vec<Choice>,
    repeatable: bool,
    planned_start: Vec<Choice>,
    planned_end: Vec<Choice>,
    actual_start: Vec<Choice>,
    actual_end: Vec<Choice>,
    /// Leads per quarter: changed once the activity exists.
    leads: Vec<LeadRow>,
}

impl ActivityForm {
    fn respond(&self) -> Response {
        let status = if self.form.problems.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        render_status(status, self)
    }
}

/// What the form shows, as plain values (from the record or from what was typed).
#[derive(Debug, Default)]
struct Values {
    milestone: String,
    title: String,
    rationale: String,
    financial: String,
    needs: Vec<String>,
    repeatable: bool,
    planned_start: String,
    planned_end: String,
    actual_start: String,
    actual_end: String,
    /// `lead_{quarter}` → `joint`, a party code, or empty.
    leads: Vec<(u16, String)>,
}

impl Values {
    fn of(plan: &PlanPage, a: &Activity, lang: handover_core::text::Lang) -> Self {
        let tree = &plan.tree;
        Self {
            milestone: a.milestone_id.to_string(),
            title: own(&a.title, lang),
            rationale: own(&a.rationale, lang),
            financial: own(&a.financial_description, lang),
            needs: a.needs.clone(),
            repeatable: a.repeatable,
            planned_start: a.planned.start.to_string(),
            planned_end: a.planned.end.to_string(),
            actual_start: a.actual_start.map(|q| q.to_string()).unwrap_or_default(),
            actual_end: a.actual_end.map(|q| q.to_string()).unwrap_or_default(),
            leads: a
                .leads
                .iter()
                .map(|l| {
                    // Several parties lead jointly.
                    let v = if l.parties.len() > 1 {
                        "joint".to_owned()
                    } else {
                        super::fields::party_codes(tree, &l.parties).join(",")
                    };
                    (l.quarter, v)
                })
                .collect(),
        }
    }

    fn typed(f: &Fields, quarters: u16) -> Self {
        Self {
            milestone: f.get("milestone"),
            title: f.get("title"),
            rationale: f.get("rationale"),
            financial: f.get("financial_description"),
            needs: f.all("needs"),
            repeatable: f.checked("repeatable"),
            planned_start: f.get("planned_start_quarter"),
            planned_end: f.get("planned_end_quarter"),
            actual_start: f.get("actual_start_quarter"),
            actual_end: f.get("actual_end_quarter"),
            leads: (1..=quarters)
                .map(|q| (q, f.get(&format!("lead_{q}"))))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
        }
    }
}

struct Shape<'a> {
    heading: String,
    action: String,
    back: String,
    version: i64,
    /// The activity being changed (its other languages are shown as hints).
    existing: Option<&'a Activity>,
}

fn page(
    viewer: &Viewer,
    plan: &PlanPage,
    shape: Shape<'_>,
    v: &Values,
    problems: Problems,
) -> ActivityForm {
    let ui = viewer.ui;
    let lang = ui.lang;
    let tree = &plan.tree;
    let mut ms: Vec<_> = tree.milestones.iter().collect();
    ms.sort_by_key(|m| m.number);
    let milestones = ms
        .iter()
        .map(|m| Choice {
            value: m.id.to_string(),
            label: ui.targs(
                "framework-milestone-numbered",
                &[
                    ("number", &ui.int(i64::from(m.number))),
                    ("title", ui.text(&m.title)),
                ],
            ),
            chosen: m.id.to_string() == v.milestone,
        })
        .collect();
    let needs = tree
        .needs
        .iter()
        .map(|n| Choice {
            value: n.key.clone(),
            label: ui.text(&n.text).to_owned(),
            chosen: v.needs.contains(&n.key),
        })
        .collect();
    let other = |t: Option<&Text>| t.map(|t| elsewhere(t, lang)).unwrap_or_default();
    let leads = match shape.existing {
        None => vec![],
        Some(_) => tree
            .periods
            .iter()
            .map(|p| {
                let chosen = v
                    .leads
                    .iter()
                    .find(|(q, _)| *q == p.seq)
                    .map(|(_, x)| x.as_str())
                    .unwrap_or("");
                let mut choices: Vec<Choice> = tree
                    .parties
                    .iter()
                    .map(|o| Choice {
                        value: o.code.to_string(),
                        label: o.name.clone(),
                        chosen: o.code.as_str() == chosen,
                    })
                    .collect();
                choices.push(Choice {
                    value: "joint".into(),
                    label: ui.t("framework-lead-joint"),
                    chosen: chosen == "joint",
                });
                LeadRow {
                    quarter: p.seq,
                    label: ui.targs(
                        "framework-quarter-choice",
                        &[
                            ("quarter", &super::quarter(ui, p.seq)),
                            ("month", &ui.month(p.start)),
                        ],
                    ),
                    choices,
                }
            })
            .collect(),
    };
    ActivityForm {
        frame: Frame::new(viewer, title(ui, &shape.heading, plan), Nav::None),
        plan_nav: plan.nav.clone(),
        code: plan.code().to_owned(),
        form: FormView::new(ui, problems),
        heading: shape.heading,
        action: shape.action,
        back: shape.back,
        version: shape.version,
        milestones,
        title: v.title.clone(),
        title_other: other(shape.existing.map(|a| &a.title)),
        rationale: v.rationale.clone(),
        rationale_other: other(shape.existing.map(|a| &a.rationale)),
        financial: v.financial.clone(),
        financial_other: other(shape.existing.map(|a| &a.financial_description)),
        needs,
        repeatable: v.repeatable,
        planned_start: quarter_choices(ui, tree, &v.planned_start),
        planned_end: quarter_choices(ui, tree, &v.planned_end),
        actual_start: quarter_choices(ui, tree, &v.actual_start),
        actual_end: quarter_choices(ui, tree, &v.actual_end),
        leads,
    }
}

/// The milestone a new activity goes to (`?milestone=` id).
#[derive(Debug, Default, Deserialize)]
pub(super) struct NewQuery {
    #[serde(default)]
    milestone: String,
}

fn new_shape(viewer: &Viewer, plan: &PlanPage) -> Shape<'static> {
    Shape {
        heading: viewer.ui.t("framework-new-activity"),
        action: format!("/plans/{}/framework/activities/new", plan.code()),
        back: format!("/plans/{}/framework", plan.code()),
        version: 0,
        existing: None,
    }
}

/// `GET …/framework/activities/new?milestone=…`.
pub(super) async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code, "framework").await?;
    plan.must_edit(viewer.ui)?;
    let milestone = q
        .milestone
        .parse::<MilestoneId>()
        .ok()
        .filter(|m| plan.tree.milestones.iter().any(|x| x.id == *m))
        .map(|m| m.to_string())
        .unwrap_or_default();
    let values = Values {
        milestone,
        planned_start: "1".into(),
        planned_end: "1".into(),
        ..Values::default()
    };
    Ok(page(
        &viewer,
        &plan,
        new_shape(&viewer, &plan),
        &values,
        Problems::default(),
    )
    .respond())
}

/// A quarter span typed into the form.
fn span(f: &Fields, prefix: &str) -> Quarters {
    Quarters {
        start: quarter_number(&f.get(&format!("{prefix}_start_quarter"))),
        end: quarter_number(&f.get(&format!("{prefix}_end_quarter"))),
    }
}

/// `POST …/framework/activities/new`: adds the activity at the end of its milestone.
pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code, "framework").await?;
    let lang = viewer.ui.lang;
    let milestone = f.get("milestone");
    let input = ActivityInput {
        milestone: (!milestone.is_empty()).then_some(milestone),
        title: Some(edited(&Text::default(), lang, &f.get("title"))),
        rationale: Some(edited(&Text::default(), lang, &f.get("rationale"))),
        financial_description: Some(edited(
            &Text::default(),
            lang,
            &f.get("financial_description"),
        )),
        needs: Some(f.all("needs")),
        repeatable: Some(f.checked("repeatable")),
        planned: Some(span(&f, "planned")),
        ..ActivityInput::default()
    };
    match activities::create(&state.store, &viewer.actor, plan.id, input).await {
        Ok(a) => Ok(see_other(&plan.tree_url(&format!("a-{}", a.id)))),
        Err(e) => {
            let problems = Problems::from_store(&viewer, e, FIELDS)?;
            let values = Values::typed(&f, plan.tree.plan.quarters);
            Ok(page(&viewer, &plan, new_shape(&viewer, &plan), &values, problems).respond())
        }
    }
}

fn edit_shape<'a>(viewer: &Viewer, plan: &PlanPage, a: &'a Activity, version: i64) -> Shape<'a> {
    Shape {
        heading: viewer
            .ui
            .ta("framework-edit-activity", "number", &number(viewer.ui, a)),
        action: format!("/plans/{}/framework/activities/{}/edit", plan.code(), a.id),
        back: format!("/plans/{}/activities/{}", plan.code(), a.id),
        version,
        existing: Some(a),
    }
}

/// `GET …/framework/activities/{id}/edit`.
pub(super) async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code, "framework").await?;
    plan.must_edit(viewer.ui)?;
    let a = plan.activity(viewer.ui, &id)?;
    let values = Values::of(&plan, a, viewer.ui.lang);
    let shape = edit_shape(&viewer, &plan, a, a.version);
    Ok(page(&viewer, &plan, shape, &values, Problems::default()).respond())
}

/// `POST …/framework/activities/{id}/edit`: changes the activity if the form's version is still
/// its version; a new milestone moves it to that milestone's end.
pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code, "framework").await?;
    let a = plan.activity(viewer.ui, &id)?;
    let lang = viewer.ui.lang;
    let milestone = f.get("milestone");
    let moves = !milestone.is_empty() && milestone != a.milestone_id.to_string();
    let parties: Vec<String> = plan
        .tree
        .parties
        .iter()
        .map(|o| o.code.to_string())
        .collect();
    let leads = (1..=plan.tree.plan.quarters)
        .filter_map(|q| {
            let v = f.get(&format!("lead_{q}"));
            match v.as_str() {
                "" => None,
                "joint" => Some(LeadInput {
                    quarter: q,
                    parties: parties.clone(),
                }),
                code => Some(LeadInput {
                    quarter: q,
                    parties: vec![code.to_owned()],
                }),
            }
        })
        .collect();
    let input = ActivityInput {
        milestone: moves.then_some(milestone),
        title: Some(edited(&a.title, lang, &f.get("title"))),
        rationale: Some(edited(&a.rationale, lang, &f.get("rationale"))),
        financial_description: Some(edited(
            &a.financial_description,
            lang,
            &f.get("financial_description"),
        )),
        needs: Some(f.all("needs")),
        repeatable: Some(f.checked("repeatable")),
        planned: Some(span(&f, "planned")),
        actual: Some(span(&f, "actual")),
        leads: Some(leads),
        ..ActivityInput::default()
    };
    let reference = a.id.to_string();
    match activities::update(
        &state.store,
        &viewer.actor,
        plan.id,
        &reference,
        f.version(),
        input,
    )
    .await
    {
        Ok(a) => Ok(see_other(&format!(
            "/plans/{}/activities/{}",
            plan.code(),
            a.id
        ))),
        Err(e) => {
            let problems = Problems::from_store(&viewer, e, FIELDS)?;
            let values = Values::typed(&f, plan.tree.plan.quarters);
            let shape = edit_shape(&viewer, &plan, a, f.version());
            Ok(page(&viewer, &plan, shape, &values, problems).respond())
        }
    }
}

/// `POST …/framework/activities/{id}/move`: one place up or down (`direction`); from the first
/// place of a milestone up to the end of the one before, from the last down to the start of the
/// next. A repeated activity moves with all its instances.
pub(super) async fn reorder(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code, "framework").await?;
    let a = plan.activity(viewer.ui, &id)?;
    let tree = &plan.tree;
    let mut ms: Vec<_> = tree.milestones.iter().collect();
    ms.sort_by_key(|m| m.number);
    let mi = ms.iter().position(|m| m.id == a.milestone_id).unwrap_or(0);
    // The activity numbers of the milestone, one per place (instances share theirs).
    let mut places: Vec<u16> = tree
        .activities_of(a.milestone_id)
        .map(|x| x.number)
        .collect();
    places.sort_unstable();
    places.dedup();
    let si = places.iter().position(|n| *n == a.number).unwrap_or(0);
    let (milestone, position) = match f.get("direction").as_str() {
        "up" if si > 0 => (None, Some(si as u16)),
        "up" if mi > 0 => (Some(ms[mi - 1].id.to_string()), None),
        "down" if si + 1 < places.len() => (None, Some(si as u16 + 2)),
        "down" if mi + 1 < ms.len() => (Some(ms[mi + 1].id.to_string()), Some(1)),
        _ => {
            return Err(PageError::Bad(
                viewer.ui.lang,
                viewer.ui.t("framework-cannot-move"),
            ));
        }
    };
    let input = ActivityInput {
        milestone,
        position,
        ..ActivityInput::default()
    };
    let reference = a.id.to_string();
    let moved = activities::update(
        &state.store,
        &viewer.actor,
        plan.id,
        &reference,
        f.version(),
        input,
    )
    .await
    .map_err(|e| viewer.fail(e))?;
    Ok(see_other(&plan.tree_url(&format!("a-{}", moved.id))))
}

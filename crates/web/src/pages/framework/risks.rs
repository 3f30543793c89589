//! `GET /plans/{code}/risks`: the risk register — the plan's risks and those of its activities
//! and outputs, with likelihood, impact, score (likelihood × impact) and its level in words and
//! pattern, owner, mitigation, status and review date (flagged when overdue), highest score
//! first; a 5 × 5 matrix of how many risks sit where. Editors add (`/risks/new`, to the plan or
//! `?activity=` / `?result=`) and change (`/risks/{id}/edit`) risks.

use super::super::{
    Frame, Nav, PageError, PlanNav, Posted, Viewer, render, render_status, see_other,
};
use super::fields::{
    Choice, Fields, FormView, Problems, edited, elsewhere, labelled, own, party_choices,
    party_codes, score,
};
use super::{PlanPage, number, open, party_names, risk_level, risk_scope, score_level, title};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use handover_core::risk::{Risk, RiskStatus};
use handover_core::text::Text;
use handover_store::framework::find;
use handover_store::framework::risks::{self, RiskInput};
use serde::Deserialize;

pub(super) const FIELDS: &[&str] = &[
    "description",
    "likelihood",
    "impact",
    "mitigation",
    "owner",
    "status",
    "review_date",
];
pub(super) const STATUSES: &[&str] = &["open", "monitoring", "closed"];

/// One line of the register.
#[derive(Debug)]
struct Row {
    id: String,
    level: &'static str,
    level_key: String,
    score: String,
    likelihood: String,
    impact: String,
    description: String,
    scope_href: String,
    scope: String,
    owner: String,
    mitigation: String,
    status_key: String,
    closed: bool,
    review: String,
    overdue: bool,
}

/// One row of the matrix: an impact and the number of risks at each likelihood.
#[derive(Debug)]
struct MatrixRow {
    impact: String,
    cells: Vec<(String, &'static str)>,
}

#[derive(Template)]
#[template(path = "pages/framework/risks.html")]
struct RegisterPage {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    edit: bool,
    sort: String,
    rows: Vec<Row>,
    likelihoods: Vec<String>,
    matrix: Vec<MatrixRow>,
    overdue: usize,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct RegisterQuery {
    /// `score` (the default) or `activity`.
    #[serde(default)]
    sort: String,
}

/// `GET /plans/{code}/risks`.
pub(super) async fn register(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<RegisterQuery>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code, "risks").await?;
    let tree = &plan.tree;
    let today = time::OffsetDateTime::now_utc().date();
    let sort = if q.sort == "activity" {
        "activity"
    } else {
        "score"
    };
    let activity_number = |r: &Risk| {
        r.activity_id
            .and_then(|a| tree.activities.iter().find(|x| x.id == a))
            .map_or((0, 0), |a| (a.number, a.instance.unwrap_or(0)))
    };
    let mut risks: Vec<&Risk> = tree.risks.iter().collect();
    match sort {
        "activity" => risks.sort_by_key(|r| (activity_number(r), std::cmp::Reverse(r.score()))),
        _ => risks.sort_by_key(|r| {
            (
                r.status == RiskStatus::Closed,
                std::cmp::Reverse(r.score()),
                std::cmp::Reverse(r.impact),
                activity_number(r),
            )
        }),
    }
    let rows: Vec<Row> = risks
        .iter()
        .map(|r| {
            let (scope_href, scope) = risk_scope(ui, tree, r);
            Row {
                id: r.id.to_string(),
                level: risk_level(r),
                level_key: format!("framework-risk-level-{}", risk_level(r)),
                score: ui.int(i64::from(r.score())),
                likelihood: ui.int(i64::from(r.likelihood.get())),
                impact: ui.int(i64::from(r.impact.get())),
                description: ui.text(&r.description).to_owned(),
                scope_href,
                scope,
                owner: party_names(tree, &r.owner),
                mitigation: ui.text(&r.mitigation).to_owned(),
                status_key: format!("framework-risk-status-{}", r.status.as_str()),
                closed: r.status == RiskStatus::Closed,
                review: r.review_date.map(|d| ui.date(d)).unwrap_or_default(),
                overdue: r.overdue_for_review(today),
            }
        })
        .collect();
    let open_risks: Vec<&&Risk> = risks
        .iter()
        .filter(|r| r.status != RiskStatus::Closed)
        .collect();
    let matrix = (1..=5u8)
        .rev()
        .map(|impact| MatrixRow {
            impact: ui.int(i64::from(impact)),
            cells: (1..=5u8)
                .map(|likelihood| {
                    let n = open_risks
                        .iter()
                        .filter(|r| r.impact.get() == impact && r.likelihood.get() == likelihood)
                        .count();
                    (ui.int(n as i64), score_level(impact * likelihood))
                })
                .collect(),
        })
        .collect();
    let page = RegisterPage {
        frame: Frame::new(
            &viewer,
            title(ui, &ui.t("framework-risk-register"), &plan),
            Nav::None,
        ),
        code: plan.code().to_owned(),
        edit: plan.edit,
        sort: sort.to_owned(),
        overdue: rows.iter().filter(|r| r.overdue).count(),
        rows,
        likelihoods: (1..=5).map(|n| ui.int(n)).collect(),
        matrix,
        plan_nav: plan.nav,
    };
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "pages/framework/risk_form.html")]
struct RiskForm {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    form: FormView,
    heading: String,
    under: String,
    action: String,
    back: String,
    version: i64,
    activity: String,
    result: String,
    values: Values,
    description_other: String,
    mitigation_other: String,
    scores: Vec<Choice>,
    impacts: Vec<Choice>,
    statuses: Vec<Choice>,
    owners: Vec<Choice>,
}

impl RiskForm {
    fn respond(&self) -> Response {
        let status = if self.form.problems.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        render_status(status, self)
    }
}

/// What the form shows.
#[derive(Debug, Default)]
struct Values {
    description: String,
    likelihood: String,
    impact: String,
    mitigation: String,
    owner: Vec<String>,
    status: String,
    review_date: String,
}

impl Values {
    fn typed(f: &Fields) -> Self {
        Self {
            description: f.get("description"),
            likelihood: f.get("likelihood"),
            impact: f.get("impact"),
            mitigation: f.get("mitigation"),
            owner: f.all("owner"),
            status: f.get("status"),
            review_date: f.get("review_date"),
        }
    }
}

fn score_choices(ui: crate::i18n::Ui, chosen: &str) -> Vec<Choice> {
    (1..=5)
        .map(|n: i64| Choice {
            value: n.to_string(),
            label: ui.targs(
                "framework-score-choice",
                &[
                    ("n", &ui.int(n)),
                    ("label", &ui.t(format!("framework-score-{n}"))),
                ],
            ),
            chosen: n.to_string() == chosen,
        })
        .collect()
}

/// Where a risk belongs: `(activity id, result id)` as the form carries them, in words, and the
/// page to go back to.
struct Place {
    activity: String,
    result: String,
    under: String,
    back: String,
}

fn place(
    viewer: &Viewer,
    plan: &PlanPage,
    activity: &str,
    result: &str,
) -> Result<Place, PageError> {
    let ui = viewer.ui;
    let tree = &plan.tree;
    let register = format!("/plans/{}/risks", plan.code());
    if !result.is_empty() {
        let r = find::result(tree, result).ok_or(PageError::NotFound(ui.lang))?;
        let a = activity_of(tree, r.id);
        let under = ui.targs(
            "framework-result-labelled",
            &[
                (
                    "level",
                    &ui.t(format!("framework-level-{}", r.level.as_str())),
                ),
                ("title", ui.text(&r.title)),
            ],
        );
        return Ok(Place {
            activity: String::new(),
            result: r.id.to_string(),
            under,
            back: a.map_or(register, |a| {
                format!("/plans/{}/activities/{a}", plan.code())
            }),
        });
    }
    if !activity.is_empty() {
        let a = find::activity(tree, activity).ok_or(PageError::NotFound(ui.lang))?;
        return Ok(Place {
            activity: a.id.to_string(),
            result: String::new(),
            under: ui.targs(
                "framework-activity-numbered",
                &[("number", &number(ui, a)), ("title", ui.text(&a.title))],
            ),
            back: format!("/plans/{}/activities/{}", plan.code(), a.id),
        });
    }
    Ok(Place {
        activity: String::new(),
        result: String::new(),
        under: ui.t("framework-under-plan"),
        back: register,
    })
}

/// The activity a result belongs to, through its ancestors.
fn activity_of(
    tree: &handover_core::plan::PlanTree,
    mut id: handover_core::ids::ResultId,
) -> Option<handover_core::ids::ActivityId> {
    use handover_core::plan::ResultParent;
    for _ in 0..=tree.results.len() {
        match tree.results.iter().find(|n| n.id == id)?.parent {
            ResultParent::Activity(a) => return Some(a),
            ResultParent::Plan => return None,
            ResultParent::Result(r) => id = r,
        }
    }
    None
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
    place: Place,
    version: i64,
    existing: Option<&Risk>,
    values: Values,
    problems: Problems,
) -> RiskForm {
    let ui = viewer.ui;
    let other = |t: Option<&Text>| t.map(|t| elsewhere(t, ui.lang)).unwrap_or_default();
    RiskForm {
        frame: Frame::new(viewer, title(ui, &heading, plan), Nav::None),
        plan_nav: plan.nav.clone(),
        code: plan.code().to_owned(),
        form: FormView::new(ui, problems),
        heading,
        under: place.under,
        action,
        back: place.back,
        version,
        activity: place.activity,
        result: place.result,
        description_other: other(existing.map(|r| &r.description)),
        mitigation_other: other(existing.map(|r| &r.mitigation)),
        scores: score_choices(ui, &values.likelihood),
        impacts: score_choices(ui, &values.impact),
        statuses: labelled(ui, "risk-status", STATUSES, &values.status),
        owners: party_choices(&plan.tree, &values.owner),
        values,
    }
}

/// The store's input from the form (`base`: the risk being changed).
fn input(
    f: &Fields,
    lang: handover_core::text::Lang,
    base: Option<&Risk>,
    problems: &mut Problems,
    ui: crate::i18n::Ui,
) -> RiskInput {
    let empty = Text::default();
    let likelihood = score(&f.get("likelihood"));
    let impact = score(&f.get("impact"));
    // A score left empty or out of range: the store is told nothing (so it refuses a new risk)
    // and the form names the field.
    if likelihood.is_none() && (base.is_some() || !f.get("likelihood").is_empty()) {
        problems.push(ui, "likelihood");
    }
    if impact.is_none() && (base.is_some() || !f.get("impact").is_empty()) {
        problems.push(ui, "impact");
    }
    let review = f.get("review_date");
    RiskInput {
        activity: None,
        result: None,
        description: Some(edited(
            base.map_or(&empty, |r| &r.description),
            lang,
            &f.get("description"),
        )),
        likelihood,
        impact,
        mitigation: Some(edited(
            base.map_or(&empty, |r| &r.mitigation),
            lang,
            &f.get("mitigation"),
        )),
        owner: Some(f.all("owner")),
        status: match f.get("status").as_str() {
            "monitoring" => Some(RiskStatus::Monitoring),
            "closed" => Some(RiskStatus::Closed),
            _ => Some(RiskStatus::Open),
        },
        review_date: Some((!review.is_empty()).then_some(review)),
    }
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct NewQuery {
    #[serde(default)]
    activity: String,
    #[serde(default)]
    result: String,
}

/// `GET /plans/{code}/risks/new` (`?activity=` or `?result=`; the plan otherwise).
pub(super) async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code, "risks").await?;
    plan.must_edit(viewer.ui)?;
    let at = place(&viewer, &plan, &q.activity, &q.result)?;
    let tree = &plan.tree;
    // The owners the store would choose: the result's responsible parties, the activity's leads,
    // or the plan's owner.
    let owner = if !at.result.is_empty() {
        find::result(tree, &at.result)
            .map(|r| party_codes(tree, &r.responsible))
            .unwrap_or_default()
    } else if !at.activity.is_empty() {
        let mut ids = vec![];
        for l in tree
            .activities
            .iter()
            .filter(|a| a.id.to_string() == at.activity)
            .flat_map(|a| &a.leads)
        {
            for p in &l.parties {
                if !ids.contains(p) {
                    ids.push(*p);
                }
            }
        }
        party_codes(tree, &ids)
    } else {
        party_codes(tree, &[tree.plan.owner])
    };
    let values = Values {
        status: "open".into(),
        owner,
        ..Values::default()
    };
    let action = format!("/plans/{}/risks/new", plan.code());
    let heading = viewer.ui.t("framework-new-risk");
    Ok(page(
        &viewer,
        &plan,
        heading,
        action,
        at,
        0,
        None,
        values,
        Problems::default(),
    )
    .respond())
}

/// `POST /plans/{code}/risks/new`.
pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code, "risks").await?;
    let at = place(&viewer, &plan, &f.get("activity"), &f.get("result"))?;
    let mut problems = Problems::default();
    let mut input = input(&f, ui.lang, None, &mut problems, ui);
    input.activity = (!at.activity.is_empty()).then(|| at.activity.clone());
    input.result = (!at.result.is_empty()).then(|| at.result.clone());
    let outcome = if problems.is_empty() {
        risks::create(&state.store, &viewer.actor, plan.id, input)
            .await
            .map(|_| ())
    } else {
        plan.must_edit(ui)?;
        Ok(())
    };
    match outcome {
        Ok(()) if problems.is_empty() => Ok(see_other(&at.back)),
        Ok(()) => {
            let action = format!("/plans/{}/risks/new", plan.code());
            let heading = ui.t("framework-new-risk");
            Ok(page(
                &viewer,
                &plan,
                heading,
                action,
                at,
                0,
                None,
                Values::typed(&f),
                problems,
            )
            .respond())
        }
        Err(e) => {
            let problems = Problems::from_store(&viewer, e, FIELDS)?;
            let action = format!("/plans/{}/risks/new", plan.code());
            let heading = ui.t("framework-new-risk");
            Ok(page(
                &viewer,
                &plan,
                heading,
                action,
                at,
                0,
                None,
                Values::typed(&f),
                problems,
            )
            .respond())
        }
    }
}

fn risk<'t>(viewer: &Viewer, plan: &'t PlanPage, id: &str) -> Result<&'t Risk, PageError> {
    find::risk(&plan.tree, id).ok_or(PageError::NotFound(viewer.ui.lang))
}

fn place_of(viewer: &Viewer, plan: &PlanPage, r: &Risk) -> Result<Place, PageError> {
    match (r.result_id, r.activity_id) {
        (Some(x), _) => place(viewer, plan, "", &x.to_string()),
        (None, Some(a)) => place(viewer, plan, &a.to_string(), ""),
        (None, None) => place(viewer, plan, "", ""),
    }
}

/// `GET /plans/{code}/risks/{id}/edit`.
pub(super) async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code, "risks").await?;
    plan.must_edit(viewer.ui)?;
    let r = risk(&viewer, &plan, &id)?;
    let lang = viewer.ui.lang;
    let values = Values {
        description: own(&r.description, lang),
        likelihood: r.likelihood.get().to_string(),
        impact: r.impact.get().to_string(),
        mitigation: own(&r.mitigation, lang),
        owner: party_codes(&plan.tree, &r.owner),
        status: r.status.as_str().to_owned(),
        review_date: r.review_date.map(|d| d.to_string()).unwrap_or_default(),
    };
    let at = place_of(&viewer, &plan, r)?;
    let action = format!("/plans/{}/risks/{}/edit", plan.code(), r.id);
    let heading = viewer.ui.t("framework-edit-risk");
    Ok(page(
        &viewer,
        &plan,
        heading,
        action,
        at,
        r.version,
        Some(r),
        values,
        Problems::default(),
    )
    .respond())
}

/// `POST /plans/{code}/risks/{id}/edit`.
pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code, "risks").await?;
    let r = risk(&viewer, &plan, &id)?;
    let at = place_of(&viewer, &plan, r)?;
    let mut problems = Problems::default();
    let input = input(&f, ui.lang, Some(r), &mut problems, ui);
    let reference = r.id.to_string();
    let heading = ui.t("framework-edit-risk");
    let action = format!("/plans/{}/risks/{}/edit", plan.code(), r.id);
    if !problems.is_empty() {
        plan.must_edit(ui)?;
        return Ok(page(
            &viewer,
            &plan,
            heading,
            action,
            at,
            f.version(),
            Some(r),
            Values::typed(&f),
            problems,
        )
        .respond());
    }
    match risks::update(
        &state.store,
        &viewer.actor,
        plan.id,
        &reference,
        f.version(),
        input,
    )
    .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/plans/{}/risks#r-{}",
            plan.code(),
            r.id
        ))),
        Err(e) => {
            let problems = Problems::from_store(&viewer, e, FIELDS)?;
            Ok(page(
                &viewer,
                &plan,
                heading,
                action,
                at,
                f.version(),
                Some(r),
                Values::typed(&f),
                problems,
            )
            .respond())
        }
    }
}

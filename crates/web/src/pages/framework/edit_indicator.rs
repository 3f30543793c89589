//! Adding and changing an indicator's definition: `…/framework/indicators/new?result=…` and
//! `…/framework/indicators/{id}/edit` — code, statement, measure, unit, direction, cumulation,
//! frequency, baseline, data source, collection method, who reports it, who proposed and
//! validated it. Its targets and actuals are entered elsewhere (the indicator page, the
//! quarterly report).

use super::super::{Frame, Nav, PageError, PlanNav, Posted, Viewer, render_status, see_other};
use super::fields::{
    Choice, Fields, FormView, Problems, edited, elsewhere, labelled, own, party_choices,
    party_codes,
};
use super::{PlanPage, open, title};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use handover_core::indicator::{Cumulation, Direction, Frequency, Indicator, Measure};
use handover_core::plan::{ResultNode, ResultParent};
use handover_core::text::Text;
use handover_store::framework::find;
use handover_store::framework::indicators::{self, BaselineInput, IndicatorInput};
use serde::Deserialize;
use serde::de::DeserializeOwned;

pub(super) const FIELDS: &[&str] = &[
    "code",
    "statement",
    "measure",
    "unit",
    "direction",
    "cumulation",
    "frequency",
    "baselines",
    "data_source",
    "collection_method",
    "responsible",
    "proposed_by",
    "validated_by",
    "result",
];
pub(super) const MEASURES: &[&str] = &["unit", "percentage", "nominal", "ordinal", "qualitative"];
pub(super) const DIRECTIONS: &[&str] = &["up", "down"];
pub(super) const CUMULATIONS: &[&str] = &["non_cumulative", "cumulative"];
pub(super) const FREQUENCIES: &[&str] = &["monthly", "quarterly", "semi_annual", "annual", "once"];

#[derive(Template)]
#[template(path = "pages/framework/indicator_form.html")]
struct IndicatorForm {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    form: FormView,
    heading: String,
    under: String,
    action: String,
    result: String,
    version: i64,
    values: Values,
    statement_other: String,
    data_source_other: String,
    collection_method_other: String,
    measures: Vec<Choice>,
    directions: Vec<Choice>,
    cumulations: Vec<Choice>,
    frequencies: Vec<Choice>,
    responsible: Vec<Choice>,
    /// Whether the baseline can be edited here (one baseline without dimensions at most).
    simple_baseline: bool,
}

impl IndicatorForm {
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
    code: String,
    statement: String,
    measure: String,
    unit: String,
    direction: String,
    cumulation: String,
    frequency: String,
    baseline_value: String,
    baseline_date: String,
    data_source: String,
    collection_method: String,
    responsible: Vec<String>,
    proposed_by: String,
    validated_by: String,
}

impl Values {
    fn typed(f: &Fields) -> Self {
        Self {
            code: f.get("code"),
            statement: f.get("statement"),
            measure: f.get("measure"),
            unit: f.get("unit"),
            direction: f.get("direction"),
            cumulation: f.get("cumulation"),
            frequency: f.get("frequency"),
            baseline_value: f.get("baseline_value"),
            baseline_date: f.get("baseline_date"),
            data_source: f.get("data_source"),
            collection_method: f.get("collection_method"),
            responsible: f.all("responsible"),
            proposed_by: f.get("proposed_by"),
            validated_by: f.get("validated_by"),
        }
    }

    fn of(plan: &PlanPage, i: &Indicator, lang: handover_core::text::Lang) -> Self {
        let b = i.baselines.first();
        Self {
            code: i.code.clone(),
            statement: own(&i.statement, lang),
            measure: i.measure.as_str().into(),
            unit: i.unit.clone().unwrap_or_default(),
            direction: i.direction.map(tag).unwrap_or_default(),
            cumulation: tag(i.cumulation),
            frequency: tag(i.frequency),
            baseline_value: b
                .and_then(|b| b.value.as_ref())
                .map(|v| v.as_text())
                .unwrap_or_default(),
            baseline_date: b
                .and_then(|b| b.date)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            data_source: own(&i.data_source, lang),
            collection_method: own(&i.collection_method, lang),
            responsible: party_codes(&plan.tree, &i.responsible),
            proposed_by: i.proposed_by.clone().unwrap_or_default(),
            validated_by: i.validated_by.clone().unwrap_or_default(),
        }
    }
}

/// An enum's name as serde writes it (`non_cumulative`).
fn tag<T: serde::Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// An enum read from its name, or `None`.
fn untag<T: DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}

fn simple(i: Option<&Indicator>) -> bool {
    i.is_none_or(|i| i.baselines.len() <= 1 && i.baselines.iter().all(|b| b.dimensions.is_empty()))
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
    result: &ResultNode,
    existing: Option<&Indicator>,
    version: i64,
    values: Values,
    problems: Problems,
) -> IndicatorForm {
    let ui = viewer.ui;
    let other = |t: Option<&Text>| t.map(|t| elsewhere(t, ui.lang)).unwrap_or_default();
    IndicatorForm {
        frame: Frame::new(viewer, title(ui, &heading, plan), Nav::None),
        plan_nav: plan.nav.clone(),
        code: plan.code().to_owned(),
        form: FormView::new(ui, problems),
        heading,
        under: ui.targs(
            "framework-result-labelled",
            &[
                (
                    "level",
                    &ui.t(format!("framework-level-{}", result.level.as_str())),
                ),
                ("title", ui.text(&result.title)),
            ],
        ),
        action,
        result: result.id.to_string(),
        version,
        statement_other: other(existing.map(|i| &i.statement)),
        data_source_other: other(existing.map(|i| &i.data_source)),
        collection_method_other: other(existing.map(|i| &i.collection_method)),
        measures: labelled(ui, "measure", MEASURES, &values.measure),
        directions: labelled(ui, "direction", DIRECTIONS, &values.direction),
        cumulations: labelled(ui, "cumulation", CUMULATIONS, &values.cumulation),
        frequencies: labelled(ui, "frequency", FREQUENCIES, &values.frequency),
        responsible: party_choices(&plan.tree, &values.responsible),
        simple_baseline: simple(existing),
        values,
    }
}

/// The input for the store from the form; `base` is the indicator being changed.
fn input(f: &Fields, lang: handover_core::text::Lang, base: Option<&Indicator>) -> IndicatorInput {
    let empty = Text::default();
    let text = |name: &str, t: Option<&Text>| Some(edited(t.unwrap_or(&empty), lang, &f.get(name)));
    let optional = |name: &str| {
        let v = f.get(name);
        Some((!v.is_empty()).then_some(v))
    };
    let baselines = simple(base).then(|| {
        let value = f.get("baseline_value");
        let date = f.get("baseline_date");
        if value.is_empty() && date.is_empty() {
            vec![]
        } else {
            vec![BaselineInput {
                value: (!value.is_empty()).then_some(value),
                date: (!date.is_empty()).then_some(date),
                dimensions: Default::default(),
                comment: base
                    .and_then(|i| i.baselines.first())
                    .map(|b| b.comment.clone())
                    .unwrap_or_default(),
            }]
        }
    });
    IndicatorInput {
        result: None,
        position: None,
        code: Some(f.get("code")),
        statement: text("statement", base.map(|i| &i.statement)),
        measure: untag::<Measure>(&f.get("measure")),
        unit: optional("unit"),
        direction: Some(untag::<Direction>(&f.get("direction"))),
        cumulation: untag::<Cumulation>(&f.get("cumulation")),
        baselines,
        data_source: text("data_source", base.map(|i| &i.data_source)),
        collection_method: text("collection_method", base.map(|i| &i.collection_method)),
        frequency: untag::<Frequency>(&f.get("frequency")),
        responsible: Some(f.all("responsible")),
        proposed_by: optional("proposed_by"),
        validated_by: optional("validated_by"),
    }
}

/// Where the tree shows a result: its activity, or the plan's results.
fn anchor(plan: &PlanPage, r: &ResultNode) -> String {
    let mut at = r.parent;
    for _ in 0..=plan.tree.results.len() {
        match at {
            ResultParent::Activity(a) => return format!("a-{a}"),
            ResultParent::Plan => break,
            ResultParent::Result(x) => match plan.tree.results.iter().find(|n| n.id == x) {
                Some(n) => at = n.parent,
                None => break,
            },
        }
    }
    "plan-results".into()
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct NewQuery {
    #[serde(default)]
    result: String,
}

fn result_of<'t>(
    viewer: &Viewer,
    plan: &'t PlanPage,
    id: &str,
) -> Result<&'t ResultNode, PageError> {
    find::result(&plan.tree, id).ok_or(PageError::NotFound(viewer.ui.lang))
}

/// `GET …/framework/indicators/new?result=…`.
pub(super) async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code, "framework").await?;
    plan.must_edit(viewer.ui)?;
    let r = result_of(&viewer, &plan, &q.result)?;
    let values = Values {
        measure: "unit".into(),
        cumulation: "non_cumulative".into(),
        frequency: "quarterly".into(),
        responsible: party_codes(&plan.tree, &r.responsible),
        ..Values::default()
    };
    let action = format!("/plans/{}/framework/indicators/new", plan.code());
    let heading = viewer.ui.t("framework-new-indicator");
    Ok(page(
        &viewer,
        &plan,
        heading,
        action,
        r,
        None,
        0,
        values,
        Problems::default(),
    )
    .respond())
}

/// `POST …/framework/indicators/new`.
pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code, "framework").await?;
    let r = result_of(&viewer, &plan, &f.get("result"))?;
    let mut input = input(&f, viewer.ui.lang, None);
    input.result = Some(r.id.to_string());
    match indicators::create(&state.store, &viewer.actor, plan.id, input).await {
        Ok(_) => Ok(see_other(&plan.tree_url(&anchor(&plan, r)))),
        Err(e) => {
            let problems = Problems::from_store(&viewer, e, FIELDS)?;
            let action = format!("/plans/{}/framework/indicators/new", plan.code());
            let heading = viewer.ui.t("framework-new-indicator");
            Ok(page(
                &viewer,
                &plan,
                heading,
                action,
                r,
                None,
                0,
                Values::typed(&f),
                problems,
            )
            .respond())
        }
    }
}

fn indicator<'t>(
    viewer: &Viewer,
    plan: &'t PlanPage,
    id: &str,
) -> Result<(&'t Indicator, &'t ResultNode), PageError> {
    let i = find::indicator(&plan.tree, id).ok_or(PageError::NotFound(viewer.ui.lang))?;
    let r = plan
        .tree
        .results
        .iter()
        .find(|r| r.id == i.result_id)
        .ok_or(PageError::NotFound(viewer.ui.lang))?;
    Ok((i, r))
}

/// `GET …/framework/indicators/{id}/edit`.
pub(super) async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code, "framework").await?;
    plan.must_edit(viewer.ui)?;
    let (i, r) = indicator(&viewer, &plan, &id)?;
    let action = format!("/plans/{}/framework/indicators/{}/edit", plan.code(), i.id);
    let heading = viewer.ui.ta("framework-edit-indicator", "code", &i.code);
    let values = Values::of(&plan, i, viewer.ui.lang);
    Ok(page(
        &viewer,
        &plan,
        heading,
        action,
        r,
        Some(i),
        i.version,
        values,
        Problems::default(),
    )
    .respond())
}

/// `POST …/framework/indicators/{id}/edit`.
pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code, "framework").await?;
    let (i, r) = indicator(&viewer, &plan, &id)?;
    let input = input(&f, viewer.ui.lang, Some(i));
    let reference = i.id.to_string();
    match indicators::update(
        &state.store,
        &viewer.actor,
        plan.id,
        &reference,
        f.version(),
        input,
    )
    .await
    {
        Ok(_) => Ok(see_other(&plan.tree_url(&anchor(&plan, r)))),
        Err(e) => {
            let problems = Problems::from_store(&viewer, e, FIELDS)?;
            let action = format!("/plans/{}/framework/indicators/{}/edit", plan.code(), i.id);
            let heading = viewer.ui.ta("framework-edit-indicator", "code", &i.code);
            Ok(page(
                &viewer,
                &plan,
                heading,
                action,
                r,
                Some(i),
                f.version(),
                Values::typed(&f),
                problems,
            )
            .respond())
        }
    }
}

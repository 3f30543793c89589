//! The cost-line forms: `GET/POST /plans/{code}/budget/lines/new`, `GET/POST
//! /plans/{code}/budget/lines/{id}` (with the line's version in a hidden field) and `POST
//! /plans/{code}/budget/lines/{id}/delete`. A number the page cannot read (a unit price of
//! "N/A", a quantity "lots") is refused before the store is asked, naming its field; the
//! store's own refusals are put on their fields too; either way 422 and nothing saved.

use super::fields::{Choice, Fields, FormView, Problems, labelled};
use super::money::{decimal, editable};
use super::{PlanBudget, activity_label, names, open, quarter, title};
use crate::AppState;
use crate::pages::{Frame, Nav, PageError, PlanNav, Posted, Viewer, render_status, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use handover_core::finance::cost_line::{CostCategory, CostLine, Unit};
use handover_core::money::Currency;
use handover_store::finance::CostLineInput;
use handover_store::finance::cost_lines;
use std::collections::BTreeMap;

pub(super) const FIELDS: &[&str] = &[
    "activity",
    "category",
    "description",
    "unit",
    "unit_price",
    "currency",
    "funder",
    "quantities",
];

/// What the form shows, as typed.
#[derive(Debug, Default)]
struct Values {
    activity: String,
    category: String,
    description: String,
    unit: String,
    unit_price: String,
    currency: String,
    funder: String,
    /// By quarter number.
    quantities: BTreeMap<u16, String>,
}

impl Values {
    fn typed(f: &Fields, plan: &PlanBudget) -> Self {
        Self {
            activity: f.get("activity"),
            category: f.get("category"),
            description: f.get("description"),
            unit: f.get("unit"),
            unit_price: f.get("unit_price"),
            currency: f.get("currency"),
            funder: f.get("funder"),
            quantities: plan
                .tree()
                .periods
                .iter()
                .map(|p| (p.seq, f.get(&format!("q{}", p.seq))))
                .collect(),
        }
    }
}

/// One quarter's quantity field.
#[derive(Debug)]
struct QuarterField {
    name: String,
    label: String,
    value: String,
}

#[derive(Template)]
#[template(path = "pages/finance/line_form.html")]
struct LineForm {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    sub: &'static str,
    form: FormView,
    heading: String,
    action: String,
    /// The line's version; 0 for a new line.
    version: i64,
    activities: Vec<Choice>,
    categories: Vec<Choice>,
    units: Vec<Choice>,
    funders: Vec<Choice>,
    quarters: Vec<QuarterField>,
    values: Values,
    /// The description in another language, when the page's has none yet.
    description_other: String,
}

fn page(
    viewer: &Viewer,
    plan: &PlanBudget,
    line: Option<&CostLine>,
    version: i64,
    values: Values,
    problems: Problems,
) -> Response {
    let ui = viewer.ui;
    let heading = ui.t(if line.is_some() {
        "finance-edit-line"
    } else {
        "finance-new-line"
    });
    let action = match line {
        Some(l) => plan.url(&format!("budget/lines/{}", l.id)),
        None => plan.url("budget/lines/new"),
    };
    let tree = plan.tree();
    let form = LineForm {
        frame: Frame::new(viewer, title(ui, &heading, plan), Nav::None),
        plan_nav: plan.nav.clone(),
        code: plan.code().to_owned(),
        sub: "budget",
        form: FormView::new(ui, problems),
        heading,
        action,
        version,
        activities: plan
            .activities()
            .iter()
            .map(|a| Choice::new(a.id.to_string(), activity_label(ui, a), &values.activity))
            .collect(),
        categories: labelled(
            ui,
            "category",
            &names(&CostCategory::ALL, CostCategory::as_str),
            &values.category,
        ),
        units: labelled(ui, "unit", &names(&Unit::ALL, Unit::as_str), &values.unit),
        funders: tree
            .parties
            .iter()
            .map(|o| Choice::new(o.code.as_str(), o.name.clone(), &values.funder))
            .collect(),
        quarters: tree
            .periods
            .iter()
            .map(|p| QuarterField {
                name: format!("q{}", p.seq),
                label: ui.targs(
                    "finance-quarter-month",
                    &[
                        ("quarter", &quarter(ui, p.seq)),
                        ("month", &ui.month(p.start)),
                    ],
                ),
                value: values.quantities.get(&p.seq).cloned().unwrap_or_default(),
            })
            .collect(),
        description_other: line
            .and_then(|l| l.description.show(ui.lang))
            .filter(|s| s.fallback)
            .map(|s| s.text.to_owned())
            .unwrap_or_default(),
        values,
    };
    render_status(form.form.status(), &form)
}

/// The store's input from the form; numbers the page cannot read are named in `problems`.
fn input(
    f: &Fields,
    plan: &PlanBudget,
    base: Option<&CostLine>,
    problems: &mut Problems,
    viewer: &Viewer,
) -> CostLineInput {
    let ui = viewer.ui;
    let lang = ui.lang;
    let given = |name: &str| Some(f.get(name)).filter(|v| !v.is_empty());
    let unit_price = given("unit_price").and_then(|raw| {
        let d = decimal(lang, &raw);
        if d.is_none() {
            problems.push(ui, "unit_price");
        }
        d
    });
    let currency = given("currency").and_then(|raw| {
        let c = Currency::parse(&raw).ok();
        if c.is_none() {
            problems.push(ui, "currency");
        }
        c
    });
    let mut quantities = BTreeMap::new();
    for p in &plan.tree().periods {
        if let Some(raw) = given(&format!("q{}", p.seq)) {
            match decimal(lang, &raw) {
                Some(d) => {
                    quantities.insert(p.seq, d);
                }
                None => problems.push(ui, "quantities"),
            }
        }
    }
    let mut description = base.map(|l| l.description.clone()).unwrap_or_default();
    description.set(lang, f.get("description"));
    CostLineInput {
        activity: given("activity"),
        category: given("category").and_then(|c| CostCategory::parse(&c).ok()),
        description: Some(description),
        unit: given("unit").and_then(|u| Unit::parse(&u).ok()),
        unit_price,
        currency,
        funder: given("funder"),
        quantities: Some(quantities),
    }
}

/// `GET /plans/{code}/budget/lines/new` (`?activity=` chooses the activity).
pub(super) async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    axum::extract::Query(q): axum::extract::Query<BTreeMap<String, String>>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code).await?;
    plan.must_edit(viewer.ui)?;
    let tree = plan.tree();
    let funder = tree
        .parties
        .iter()
        .find(|o| o.id == tree.plan.owner)
        .map(|o| o.code.to_string())
        .unwrap_or_default();
    let values = Values {
        activity: q.get("activity").cloned().unwrap_or_default(),
        currency: tree.plan.currency.to_string(),
        funder,
        ..Values::default()
    };
    Ok(page(&viewer, &plan, None, 0, values, Problems::default()))
}

/// `POST /plans/{code}/budget/lines/new`.
pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code).await?;
    plan.must_edit(viewer.ui)?;
    let mut problems = Problems::default();
    let input = input(&f, &plan, None, &mut problems, &viewer);
    if problems.is_empty() {
        match cost_lines::create(&state.store, &viewer.actor, plan.id, input).await {
            Ok(l) => return Ok(see_other(&plan.url(&format!("budget#l-{}", l.id)))),
            Err(e) => problems = Problems::from_store(&viewer, e, FIELDS)?,
        }
    }
    let values = Values::typed(&f, &plan);
    Ok(page(&viewer, &plan, None, 0, values, problems))
}

/// `GET /plans/{code}/budget/lines/{id}`.
pub(super) async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code).await?;
    plan.must_edit(ui)?;
    let l = plan.line(ui, &id)?;
    let tree = plan.tree();
    let values = Values {
        activity: l.activity_id.to_string(),
        category: l.category.as_str().to_owned(),
        description: l.description.get(ui.lang).unwrap_or_default().to_owned(),
        unit: l.unit.as_str().to_owned(),
        unit_price: editable(ui.lang, &l.unit_price),
        currency: l.currency.to_string(),
        funder: tree
            .parties
            .iter()
            .find(|o| o.id == l.funder)
            .map(|o| o.code.to_string())
            .unwrap_or_default(),
        quantities: l
            .quantities
            .iter()
            .map(|(q, n)| (q, editable(ui.lang, &n)))
            .collect(),
    };
    Ok(page(
        &viewer,
        &plan,
        Some(l),
        l.version,
        values,
        Problems::default(),
    ))
}

/// `POST /plans/{code}/budget/lines/{id}`.
pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code).await?;
    plan.must_edit(ui)?;
    let l = plan.line(ui, &id)?;
    let mut problems = Problems::default();
    let input = input(&f, &plan, Some(l), &mut problems, &viewer);
    if problems.is_empty() {
        let id = l.id.to_string();
        match cost_lines::update(
            &state.store,
            &viewer.actor,
            plan.id,
            &id,
            f.version(),
            input,
        )
        .await
        {
            Ok(_) => return Ok(see_other(&plan.url(&format!("budget#l-{id}")))),
            Err(e) => problems = Problems::from_store(&viewer, e, FIELDS)?,
        }
    }
    let values = Values::typed(&f, &plan);
    Ok(page(&viewer, &plan, Some(l), f.version(), values, problems))
}

/// `POST /plans/{code}/budget/lines/{id}/delete` (with the version read).
pub(super) async fn delete(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code).await?;
    plan.must_edit(viewer.ui)?;
    let l = plan.line(viewer.ui, &id)?;
    cost_lines::delete(
        &state.store,
        &viewer.actor,
        plan.id,
        &l.id.to_string(),
        f.version(),
    )
    .await
    .map_err(|e| viewer.fail(e))?;
    Ok(see_other(&plan.url("budget#lines-heading")))
}

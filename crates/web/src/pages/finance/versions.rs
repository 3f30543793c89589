//! `GET/POST /plans/{code}/budget/versions`: the budget's frozen versions (number, name,
//! purpose, who froze it and when, how many lines) with the choice of two to compare, and the
//! form that freezes the current cost lines under a name and a purpose (the AoC baseline of
//! activity 7, the handover revision of activity 25, or another revision).

use super::fields::{Choice, Fields, FormView, Problems, labelled};
use super::{PlanBudget, names, open, purpose_label, title};
use crate::AppState;
use crate::pages::{Frame, Nav, PageError, PlanNav, Posted, Viewer, render_status, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use handover_core::finance::version::VersionPurpose;
use handover_store::finance::versions;

pub(super) const FIELDS: &[&str] = &["name", "purpose"];

/// One version of the list.
#[derive(Debug)]
struct Row {
    number: String,
    name: String,
    purpose: String,
    frozen_by: String,
    frozen_at: String,
    lines: String,
    /// The comparison of this version with the current budget.
    compare_href: String,
}

#[derive(Template)]
#[template(path = "pages/finance/versions.html")]
struct VersionsPage {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    sub: &'static str,
    edit: bool,
    rows: Vec<Row>,
    /// The versions and `current`, for the comparison's two selects.
    earlier: Vec<Choice>,
    later: Vec<Choice>,
    form: FormView,
    version_name: String,
    purposes: Vec<Choice>,
}

fn page(
    viewer: &Viewer,
    plan: &PlanBudget,
    name: String,
    purpose: &str,
    problems: Problems,
) -> Response {
    let ui = viewer.ui;
    let versions = &plan.data.versions;
    let rows = versions
        .iter()
        .map(|v| Row {
            number: ui.int(v.number),
            name: v.name.clone(),
            purpose: purpose_label(ui, v.purpose),
            frozen_by: v.frozen_by.clone(),
            frozen_at: ui.date(v.frozen_at.date()),
            lines: ui.int(v.lines as i64),
            compare_href: plan.url(&format!("budget/compare?a={}&b=current", v.number)),
        })
        .collect();
    let choices = |chosen: &str| {
        let mut c: Vec<Choice> = versions
            .iter()
            .map(|v| {
                Choice::new(
                    v.number.to_string(),
                    ui.targs(
                        "finance-version-numbered",
                        &[("number", &ui.int(v.number)), ("name", &v.name)],
                    ),
                    chosen,
                )
            })
            .collect();
        c.push(Choice::new(
            "current",
            ui.t("finance-current-budget"),
            chosen,
        ));
        c
    };
    let first = versions
        .first()
        .map(|v| v.number.to_string())
        .unwrap_or_default();
    let page = VersionsPage {
        frame: Frame::new(
            viewer,
            title(ui, &ui.t("finance-sub-versions"), plan),
            Nav::None,
        ),
        plan_nav: plan.nav.clone(),
        code: plan.code().to_owned(),
        sub: "versions",
        edit: plan.edit,
        rows,
        earlier: choices(&first),
        later: choices("current"),
        form: FormView::new(ui, problems),
        version_name: name,
        purposes: labelled(
            ui,
            "purpose",
            &names(&VersionPurpose::ALL, VersionPurpose::as_str),
            purpose,
        ),
    };
    render_status(page.form.status(), &page)
}

/// `GET /plans/{code}/budget/versions`.
pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code).await?;
    // The first version frozen is usually the AoC's baseline.
    let purpose = if plan.data.versions.is_empty() {
        "aoc_baseline"
    } else {
        "revision"
    };
    Ok(page(
        &viewer,
        &plan,
        String::new(),
        purpose,
        Problems::default(),
    ))
}

/// `POST /plans/{code}/budget/versions`: freezes the current cost lines.
pub(super) async fn freeze(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code).await?;
    plan.must_edit(ui)?;
    let mut problems = Problems::default();
    let name = f.get("name");
    if name.is_empty() {
        problems.push(ui, "name");
    }
    let purpose = VersionPurpose::parse(&f.get("purpose"));
    if purpose.is_err() {
        problems.push(ui, "purpose");
    }
    if let (true, Ok(purpose)) = (problems.is_empty(), purpose) {
        match versions::freeze(&state.store, &viewer.actor, plan.id, &name, purpose).await {
            Ok(_) => return Ok(see_other(&plan.url("budget/versions"))),
            Err(e) => problems = Problems::from_store(&viewer, e, FIELDS)?,
        }
    }
    Ok(page(&viewer, &plan, name, &f.get("purpose"), problems))
}

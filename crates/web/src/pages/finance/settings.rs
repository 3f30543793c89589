//! `GET/POST /plans/{code}/budget/settings`: the plan's default rate type (the one its totals
//! use unless another is chosen) and the Agreement of Cooperation record (the activity in which
//! it is signed and the date it was signed; its baseline and handover revision are set by
//! freezing versions with those purposes). Each form carries its record's version.

use super::fields::{Choice, Fields, FormView, Problems, labelled};
use super::{PlanBudget, activity_label, names, open, title};
use crate::AppState;
use crate::i18n::Ui;
use crate::pages::{Frame, Nav, PageError, PlanNav, Posted, Viewer, render_status, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use handover_core::finance::RateType;
use handover_core::ids::BudgetVersionId;
use handover_store::finance::{AocInput, aoc, settings};

pub(super) const FIELDS: &[&str] = &["rate_type", "signed_on", "activity"];

/// The AoC record in words, for the budget page and this one.
pub(super) fn aoc_facts(ui: Ui, plan: &PlanBudget) -> Vec<(String, String)> {
    let a = &plan.data.aoc;
    let version = |id: Option<BudgetVersionId>| {
        id.and_then(|id| plan.data.versions.iter().find(|v| v.id == id))
            .map(|v| {
                ui.targs(
                    "finance-version-numbered",
                    &[("number", &ui.int(v.number)), ("name", &v.name)],
                )
            })
            .unwrap_or_else(|| ui.t("finance-not-yet"))
    };
    vec![
        (
            ui.t("finance-aoc-activity"),
            a.activity_id
                .map(|id| plan.activity_label(ui, id))
                .unwrap_or_else(|| ui.t("finance-not-yet")),
        ),
        (
            ui.t("finance-field-signed-on"),
            a.signed_on
                .map_or_else(|| ui.t("finance-not-yet"), |d| ui.date(d)),
        ),
        (ui.t("finance-aoc-baseline"), version(a.baseline)),
        (ui.t("finance-aoc-handover"), version(a.handover_revision)),
    ]
}

#[derive(Template)]
#[template(path = "pages/finance/settings.html")]
struct SettingsPage {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    sub: &'static str,
    edit: bool,
    form: FormView,
    rate_types: Vec<Choice>,
    settings_version: i64,
    activities: Vec<Choice>,
    signed_on: String,
    aoc_version: i64,
    facts: Vec<(String, String)>,
}

fn page(viewer: &Viewer, plan: &PlanBudget, f: Option<&Fields>, problems: Problems) -> Response {
    let ui = viewer.ui;
    let data = &plan.data;
    // What was typed in the form posted, else what is stored.
    let typed = |name: &str, stored: String| {
        f.map(|f| f.get(name))
            .filter(|v| !v.is_empty())
            .unwrap_or(stored)
    };
    let rate_type = typed("rate_type", data.settings.rate_type.as_str().to_owned());
    let activity = typed(
        "activity",
        data.aoc
            .activity_id
            .map(|a| a.to_string())
            .unwrap_or_default(),
    );
    let page = SettingsPage {
        frame: Frame::new(
            viewer,
            title(ui, &ui.t("finance-sub-settings"), plan),
            Nav::None,
        ),
        plan_nav: plan.nav.clone(),
        code: plan.code().to_owned(),
        sub: "settings",
        edit: plan.edit,
        form: FormView::new(ui, problems),
        rate_types: labelled(
            ui,
            "rate-type",
            &names(&RateType::ALL, RateType::as_str),
            &rate_type,
        ),
        settings_version: data.settings.version,
        activities: plan
            .activities()
            .iter()
            .map(|a| Choice::new(a.id.to_string(), activity_label(ui, a), &activity))
            .collect(),
        signed_on: typed(
            "signed_on",
            data.aoc
                .signed_on
                .map(handover_core::calendar::format_date)
                .unwrap_or_default(),
        ),
        aoc_version: data.aoc.version,
        facts: aoc_facts(ui, plan),
    };
    render_status(page.form.status(), &page)
}

/// `GET /plans/{code}/budget/settings`.
pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code).await?;
    Ok(page(&viewer, &plan, None, Problems::default()))
}

/// `POST /plans/{code}/budget/settings`: `form=rate_type` or `form=aoc`.
pub(super) async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code).await?;
    plan.must_edit(ui)?;
    let (store, actor) = (&state.store, &viewer.actor);
    let mut problems = Problems::default();
    let done = if f.get("form") == "aoc" {
        let signed = f.get("signed_on");
        let activity = f.get("activity");
        let input = AocInput {
            signed_on: Some((!signed.is_empty()).then_some(signed)),
            activity: (!activity.is_empty()).then_some(activity),
        };
        aoc::set(store, actor, plan.id, f.version(), input)
            .await
            .map(|_| ())
    } else {
        match RateType::parse(&f.get("rate_type")) {
            Ok(t) => settings::set(store, actor, plan.id, f.version(), t)
                .await
                .map(|_| ()),
            Err(_) => {
                problems.push(ui, "rate_type");
                Ok(())
            }
        }
    };
    match done {
        Ok(()) if problems.is_empty() => Ok(see_other(&plan.url("budget/settings"))),
        Ok(()) => Ok(page(&viewer, &plan, Some(&f), problems)),
        Err(e) => {
            let problems = Problems::from_store(&viewer, e, FIELDS)?;
            Ok(page(&viewer, &plan, Some(&f), problems))
        }
    }
}

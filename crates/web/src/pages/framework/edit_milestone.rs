//! Adding, changing and moving milestones: `…/framework/milestones/new`,
//! `…/framework/milestones/{id}/edit` and `…/framework/milestones/{id}/move` (up or down one
//! place). The title and objective are edited in the page's language; the others are kept.

use super::super::{Frame, Nav, PageError, PlanNav, Posted, Viewer, render_status, see_other};
use super::fields::{Fields, FormView, Problems, edited, elsewhere, own};
use super::{PlanPage, open, title};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use handover_core::plan::Milestone;
use handover_core::text::Text;
use handover_store::framework::find;
use handover_store::framework::milestones::{self, MilestoneInput};

/// The fields of the form, as store problems name them.
pub(super) const FIELDS: &[&str] = &["title", "objective"];

#[derive(Template)]
#[template(path = "pages/framework/milestone_form.html")]
struct MilestoneForm {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    form: FormView,
    heading: String,
    action: String,
    /// The version the form was opened with; 0 when adding.
    version: i64,
    title: String,
    title_other: String,
    objective: String,
    objective_other: String,
}

impl MilestoneForm {
    fn new(
        viewer: &Viewer,
        plan: &PlanPage,
        heading: String,
        action: String,
        problems: Problems,
    ) -> Self {
        Self {
            frame: Frame::new(viewer, title(viewer.ui, &heading, plan), Nav::None),
            plan_nav: plan.nav.clone(),
            code: plan.code().to_owned(),
            form: FormView::new(viewer.ui, problems),
            heading,
            action,
            version: 0,
            title: String::new(),
            title_other: String::new(),
            objective: String::new(),
            objective_other: String::new(),
        }
    }

    /// The form showing the milestone as stored.
    fn of(mut self, m: &Milestone, viewer: &Viewer) -> Self {
        let lang = viewer.ui.lang;
        self.version = m.version;
        self.title = own(&m.title, lang);
        self.title_other = elsewhere(&m.title, lang);
        self.objective = own(&m.objective, lang);
        self.objective_other = elsewhere(&m.objective, lang);
        self
    }

    /// The form showing what was typed.
    fn typed(mut self, f: &Fields) -> Self {
        self.title = f.get("title");
        self.objective = f.get("objective");
        self
    }

    fn respond(&self) -> Response {
        let status = if self.form.problems.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        render_status(status, self)
    }
}

fn milestone<'t>(
    viewer: &Viewer,
    plan: &'t PlanPage,
    id: &str,
) -> Result<&'t Milestone, PageError> {
    find::milestone(&plan.tree, id).ok_or(PageError::NotFound(viewer.ui.lang))
}

/// `GET …/framework/milestones/new`.
pub(super) async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code, "framework").await?;
    plan.must_edit(viewer.ui)?;
    let action = format!("/plans/{}/framework/milestones/new", plan.code());
    let heading = viewer.ui.t("framework-new-milestone");
    Ok(MilestoneForm::new(&viewer, &plan, heading, action, Problems::default()).respond())
}

/// `POST …/framework/milestones/new`: adds the milestone at the end.
pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code, "framework").await?;
    let lang = viewer.ui.lang;
    let input = MilestoneInput {
        title: Some(edited(&Text::default(), lang, &f.get("title"))),
        objective: Some(edited(&Text::default(), lang, &f.get("objective"))),
        key: None,
        number: None,
    };
    match milestones::create(&state.store, &viewer.actor, plan.id, input).await {
        Ok(m) => Ok(see_other(&plan.tree_url(&format!("m-{}", m.id)))),
        Err(e) => {
            let problems = Problems::from_store(&viewer, e, FIELDS)?;
            let action = format!("/plans/{}/framework/milestones/new", plan.code());
            let heading = viewer.ui.t("framework-new-milestone");
            Ok(
                MilestoneForm::new(&viewer, &plan, heading, action, problems)
                    .typed(&f)
                    .respond(),
            )
        }
    }
}

fn edit_heading(viewer: &Viewer, m: &Milestone) -> String {
    viewer.ui.ta(
        "framework-edit-milestone",
        "number",
        &viewer.ui.int(i64::from(m.number)),
    )
}

/// `GET …/framework/milestones/{id}/edit`.
pub(super) async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let plan = open(&state, &viewer, &code, "framework").await?;
    plan.must_edit(viewer.ui)?;
    let m = milestone(&viewer, &plan, &id)?;
    let action = format!("/plans/{}/framework/milestones/{}/edit", plan.code(), m.id);
    Ok(MilestoneForm::new(
        &viewer,
        &plan,
        edit_heading(&viewer, m),
        action,
        Problems::default(),
    )
    .of(m, &viewer)
    .respond())
}

/// `POST …/framework/milestones/{id}/edit`: changes the texts in the page's language if the
/// form's version is still the milestone's.
pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code, "framework").await?;
    let m = milestone(&viewer, &plan, &id)?;
    let lang = viewer.ui.lang;
    let input = MilestoneInput {
        title: Some(edited(&m.title, lang, &f.get("title"))),
        objective: Some(edited(&m.objective, lang, &f.get("objective"))),
        key: None,
        number: None,
    };
    let reference = m.id.to_string();
    match milestones::update(
        &state.store,
        &viewer.actor,
        plan.id,
        &reference,
        f.version(),
        input,
    )
    .await
    {
        Ok(m) => Ok(see_other(&plan.tree_url(&format!("m-{}", m.id)))),
        Err(e) => {
            let problems = Problems::from_store(&viewer, e, FIELDS)?;
            let action = format!("/plans/{}/framework/milestones/{}/edit", plan.code(), m.id);
            let mut page =
                MilestoneForm::new(&viewer, &plan, edit_heading(&viewer, m), action, problems)
                    .of(m, &viewer)
                    .typed(&f);
            page.version = f.version();
            Ok(page.respond())
        }
    }
}

/// `POST …/framework/milestones/{id}/move`: one place up or down (`direction`), if the form's
/// version is still the milestone's.
pub(super) async fn reorder(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, String)>,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = Fields(pairs);
    let plan = open(&state, &viewer, &code, "framework").await?;
    let m = milestone(&viewer, &plan, &id)?;
    let number = match f.get("direction").as_str() {
        "up" => m.number.saturating_sub(1),
        "down" => m.number + 1,
        _ => 0,
    };
    if number == 0 || usize::from(number) > plan.tree.milestones.len() {
        return Err(PageError::Bad(
            viewer.ui.lang,
            viewer.ui.t("framework-cannot-move"),
        ));
    }
    let input = MilestoneInput {
        number: Some(number),
        ..MilestoneInput::default()
    };
    let reference = m.id.to_string();
    let moved = milestones::update(
        &state.store,
        &viewer.actor,
        plan.id,
        &reference,
        f.version(),
        input,
    )
    .await
    .map_err(|e| viewer.fail(e))?;
    Ok(see_other(&plan.tree_url(&format!("m-{}", moved.id))))
}

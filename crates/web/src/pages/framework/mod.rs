//! The results framework of a plan: the tree of milestones → activities → results →
//! indicators with the risks of each activity (`/plans/{code}/framework`), the activity page
//! with its status (`/plans/{code}/activities/{id}`), the risk register (`/plans/{code}/risks`),
//! and the forms that add, change and reorder these records. Every write goes through the same
//! store functions as the JSON API (`api/framework/*`), carrying the record's version so that a
//! form opened before someone else's change answers with the conflict page and saves nothing.

mod activity;
mod edit_activity;
mod edit_indicator;
mod edit_milestone;
mod edit_result;
mod fields;
mod risks;
mod tree;

use super::{PageError, PlanNav, Viewer};
use crate::AppState;
use crate::i18n::Ui;
use axum::Router;
use axum::routing::{get, post};
use handover_core::actor::Access;
use handover_core::ids::PlanId;
use handover_core::plan::{Activity, PlanTree};
use handover_core::risk::Risk;
use handover_store::plans;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/plans/{code}/framework", get(tree::show))
        .route(
            "/plans/{code}/framework/milestones/new",
            get(edit_milestone::new_form).post(edit_milestone::create),
        )
        .route(
            "/plans/{code}/framework/milestones/{id}/edit",
            get(edit_milestone::edit_form).post(edit_milestone::update),
        )
        .route(
            "/plans/{code}/framework/milestones/{id}/move",
            post(edit_milestone::reorder),
        )
        .route(
            "/plans/{code}/framework/activities/new",
            get(edit_activity::new_form).post(edit_activity::create),
        )
        .route(
            "/plans/{code}/framework/activities/{id}/edit",
            get(edit_activity::edit_form).post(edit_activity::update),
        )
        .route(
            "/plans/{code}/framework/activities/{id}/move",
            post(edit_activity::reorder),
        )
        .route(
            "/plans/{code}/framework/results/new",
            get(edit_result::new_form).post(edit_result::create),
        )
        .route(
            "/plans/{code}/framework/results/{id}/edit",
            get(edit_result::edit_form).post(edit_result::update),
        )
        .route(
            "/plans/{code}/framework/indicators/new",
            get(edit_indicator::new_form).post(edit_indicator::create),
        )
        .route(
            "/plans/{code}/framework/indicators/{id}/edit",
            get(edit_indicator::edit_form).post(edit_indicator::update),
        )
        .route("/plans/{code}/activities/{id}", get(activity::show))
        .route(
            "/plans/{code}/activities/{id}/status",
            post(activity::set_status),
        )
        .route("/plans/{code}/risks", get(risks::register))
        .route(
            "/plans/{code}/risks/new",
            get(risks::new_form).post(risks::create),
        )
        .route(
            "/plans/{code}/risks/{id}/edit",
            get(risks::edit_form).post(risks::update),
        )
}

/// A plan as one of these pages needs it: the whole tree, what the reader may do, the tabs.
#[derive(Debug)]
pub(super) struct PlanPage {
    pub(super) id: PlanId,
    pub(super) tree: PlanTree,
    pub(super) nav: PlanNav,
    /// May change the framework (an editor or administrator of a party).
    pub(super) edit: bool,
    /// May set statuses (a reporter too).
    pub(super) report: bool,
}

impl PlanPage {
    /// The plan's code as its URLs use it.
    pub(super) fn code(&self) -> &str {
        self.tree.plan.code.as_str()
    }

    /// The URL of the framework tree, at an anchor.
    pub(super) fn tree_url(&self, anchor: &str) -> String {
        format!("/plans/{}/framework#{anchor}", self.code())
    }

    /// The activity a path names (its id), or the not-found page.
    pub(super) fn activity(&self, ui: Ui, id: &str) -> Result<&Activity, PageError> {
        handover_store::framework::find::activity(&self.tree, id)
            .ok_or(PageError::NotFound(ui.lang))
    }

    /// Refuses a form to someone who may not change the framework.
    pub(super) fn must_edit(&self, ui: Ui) -> Result<(), PageError> {
        if self.edit {
            Ok(())
        } else {
            Err(PageError::Forbidden(ui.lang))
        }
    }
}

/// Opens the plan `code` for `viewer` with the tab `tab` (404 outside the viewer's scope).
pub(super) async fn open(
    state: &AppState,
    viewer: &Viewer,
    code: &str,
    tab: &'static str,
) -> Result<PlanPage, PageError> {
    let store = &state.store;
    let id = plans::find(store, &viewer.actor, code)
        .await
        .map_err(|e| viewer.fail(e))?;
    let access = plans::access(store, &viewer.actor, id)
        .await
        .map_err(|e| viewer.fail(e))?;
    let tree = plans::load(store, &viewer.actor, id)
        .await
        .map_err(|e| viewer.fail(e))?;
    let nav = PlanNav::new(
        viewer.ui,
        tree.plan.code.as_str(),
        &tree.plan.name,
        tree.plan.status.as_str(),
        tab,
    );
    let writer = viewer.may_write();
    Ok(PlanPage {
        id,
        tree,
        nav,
        edit: writer && access >= Access::Edit,
        report: writer && access >= Access::Report,
    })
}

/// The page title: the page's own name and the plan's.
pub(super) fn title(ui: Ui, page: &str, plan: &PlanPage) -> String {
    ui.targs(
        "framework-page-title",
        &[("page", page), ("plan", &plan.nav.name)],
    )
}

/// An activity's display number in the page's digits (`24.1`, `٢٤.١`).
pub(super) fn number(ui: Ui, a: &Activity) -> String {
    match a.instance {
        Some(i) => format!("{}.{}", ui.int(i64::from(a.number)), ui.int(i64::from(i))),
        None => ui.int(i64::from(a.number)),
    }
}

/// A quarter as the page's language writes it (`Q3`, `T3`, `ر٣`).
pub(super) fn quarter(ui: Ui, q: u16) -> String {
    ui.ta("quarter-label", "n", &ui.int(i64::from(q)))
}

/// A span of quarters (`Q1–Q3`, or `Q2` alone).
pub(super) fn quarters(ui: Ui, start: u16, end: u16) -> String {
    if start == end {
        quarter(ui, start)
    } else {
        format!("{}–{}", quarter(ui, start), quarter(ui, end))
    }
}

/// The parties' names, joined.
pub(super) fn party_names(tree: &PlanTree, ids: &[handover_core::ids::OrgId]) -> String {
    ids.iter()
        .map(|o| tree.party_name(*o))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A risk's level from its score: `low` (1–4), `medium` (5–9), `high` (10–14),
/// `critical` (15–25). Shown as text and as a pattern, never by colour alone.
pub(super) fn risk_level(r: &Risk) -> &'static str {
    score_level(r.score())
}

/// The level of a score (likelihood × impact).
pub(super) fn score_level(score: u8) -> &'static str {
    match score {
        0..=4 => "low",
        5..=9 => "medium",
        10..=14 => "high",
        _ => "critical",
    }
}

/// What a risk threatens, as a line of the register: its activity's number and title, or
/// the plan.
pub(super) fn risk_scope(ui: Ui, tree: &PlanTree, r: &Risk) -> (String, String) {
    match r
        .activity_id
        .and_then(|a| tree.activities.iter().find(|x| x.id == a))
    {
        Some(a) => (
            format!("/plans/{}/activities/{}", tree.plan.code, a.id),
            ui.targs(
                "framework-activity-numbered",
                &[("number", &number(ui, a)), ("title", ui.text(&a.title))],
            ),
        ),
        None => (String::new(), ui.t("framework-risk-plan-level")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use handover_core::text::Lang;

    /// The keys these pages build at run time exist (the catalogue test checks the other
    /// languages against English).
    #[test]
    fn keys_built_at_run_time_exist() {
        let ui = Ui::new(Lang::En);
        let mut keys: Vec<String> = vec![];
        let fields = [
            edit_milestone::FIELDS,
            edit_activity::FIELDS,
            edit_result::FIELDS,
            edit_indicator::FIELDS,
            risks::FIELDS,
            &["form", "note", "baseline_value", "baseline_date"],
        ];
        for f in fields.iter().flat_map(|f| f.iter()) {
            let f = f.replace('_', "-");
            keys.push(format!("framework-field-{f}"));
            keys.push(format!("framework-problem-{f}"));
        }
        // Statuses keep their underscore (`not_started`), as the store names them.
        for s in handover_core::plan::ProgressStatus::ALL {
            keys.push(format!("framework-status-{}", s.as_str()));
        }
        for (prefix, values) in [
            ("level", edit_result::LEVELS),
            ("measure", edit_indicator::MEASURES),
            ("direction", edit_indicator::DIRECTIONS),
            ("cumulation", edit_indicator::CUMULATIONS),
            ("frequency", edit_indicator::FREQUENCIES),
            ("risk-status", risks::STATUSES),
            ("risk-level", &["low", "medium", "high", "critical"]),
            ("risk-range", &["low", "medium", "high", "critical"]),
            ("lead-kind", &["local-authority", "partner", "joint"]),
            ("score", &["1", "2", "3", "4", "5"]),
            ("hint-language", &["en", "fr", "ar"]),
        ] {
            for v in values {
                keys.push(format!("framework-{prefix}-{}", v.replace('_', "-")));
            }
        }
        for s in 1..=25 {
            keys.push(format!("framework-risk-level-{}", score_level(s)));
        }
        let missing: Vec<_> = keys.iter().filter(|k| ui.t(k) == **k).collect();
        assert!(missing.is_empty(), "missing keys: {missing:?}");
    }
}

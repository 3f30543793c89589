//! `GET /plans/{code}/endorsement`: where the plan's endorsement stands — each party and
//! whether it has signed the current framework version (who, when), every sign-off ever made
//! (a material change raises the version and clears the endorsement) — and the plan status
//! with its steps. `POST /plans/{code}/endorsement`: an editor or administrator of a party signs
//! the version they read for their organisation (a stale version is refused, never signed).
//! `POST /plans/{code}/status`: moves the status forward to what the plan's situation allows
//! (`handover_store::views::plan`); statuses never go backwards.

use super::{PlanCtx, isolate, open, when};
use crate::AppState;
use crate::pages::{Frame, Nav, PageError, PlanNav, Posted, Viewer, render_status, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use handover_core::actor::Access;
use handover_core::plan::PlanStatus;
use handover_store::StoreError;
use handover_store::cycle::endorsements::{self, EndorsementState};
use handover_store::views::plan::{self as plan_view, StatusOutlook};
use serde::Deserialize;

/// A party and its sign-off of the current version.
#[derive(Debug)]
struct PartySign {
    name: String,
    role_key: &'static str,
    /// Who signed the current version and when; empty while awaited.
    signed_by: String,
    signed_at: String,
}

/// One sign-off of the history.
#[derive(Debug)]
struct HistoryRow {
    party: String,
    version: String,
    by: String,
    at: String,
    /// Of the current framework version (still counts).
    current: bool,
}

/// A step of the plan status.
#[derive(Debug)]
struct Step {
    key: String,
    /// `done`, `current` or `later`.
    state: &'static str,
}

#[derive(Template)]
#[template(path = "pages/plan/endorsement.html")]
struct EndorsementPage {
    frame: Frame,
    plan_nav: PlanNav,
    state: EndorsementState,
    version: String,
    parties: Vec<PartySign>,
    history: Vec<HistoryRow>,
    /// The reader may sign for their organisation now.
    can_endorse: bool,
    /// The reader's organisation has signed the current version already.
    signed_already: bool,
    /// The reader may write but not endorse (a reporter, a viewer): why there is no form.
    acting_for: String,
    problems: Vec<String>,
    steps: Vec<Step>,
    /// The status the plan may move to now (`in_progress`), if any.
    move_to: Option<String>,
    /// The reader may make that move.
    can_move: bool,
    /// The catalogue key of what the next status waits for, when no move is due.
    next_waits: Option<String>,
    next_key: Option<String>,
    start: String,
}

/// What the endorsement form posts.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct EndorseForm {
    #[serde(default)]
    framework_version: String,
}

/// What the status form posts.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct StatusForm {
    #[serde(default)]
    status: String,
}

pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let ctx = open(&state, &viewer, &code).await?;
    page(&state, &viewer, &ctx, vec![], StatusCode::OK).await
}

pub(crate) async fn endorse(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Posted(form): Posted<EndorseForm>,
) -> Result<Response, PageError> {
    let ctx = open(&state, &viewer, &code).await?;
    let ui = viewer.ui;
    let Ok(version) = form.framework_version.trim().parse::<i64>() else {
        let problem = format!(
            "{}: {}",
            ui.t("plan-framework-version"),
            ui.t("plan-bad-version")
        );
        return page(
            &state,
            &viewer,
            &ctx,
            vec![problem],
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    match endorsements::endorse(&state.store, &viewer.actor, ctx.id, version).await {
        Ok(_) => Ok(see_other(&format!("/plans/{}/endorsement", ctx.code()))),
        Err(StoreError::Invalid(invalid)) => {
            let problems = invalid
                .0
                .iter()
                .map(|p| format!("{}: {}", p.field, p.message))
                .collect();
            page(
                &state,
                &viewer,
                &ctx,
                problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(viewer.fail(e)),
    }
}

pub(crate) async fn move_status(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Posted(form): Posted<StatusForm>,
) -> Result<Response, PageError> {
    let ctx = open(&state, &viewer, &code).await?;
    let ui = viewer.ui;
    let Ok(to) = PlanStatus::parse(form.status.trim()) else {
        let problem = format!("{}: {}", ui.t("plan-status"), ui.t("plan-bad-status"));
        return page(
            &state,
            &viewer,
            &ctx,
            vec![problem],
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    match plan_view::advance_status(&state.store, &viewer.actor, ctx.id, to).await {
        Ok(_) => Ok(see_other(&format!("/plans/{}/endorsement", ctx.code()))),
        Err(StoreError::Invalid(invalid)) => {
            let problems = invalid
                .0
                .iter()
                .map(|p| format!("{}: {}", p.field, p.message))
                .collect();
            page(
                &state,
                &viewer,
                &ctx,
                problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(viewer.fail(e)),
    }
}

/// The catalogue key of a plan status.
fn status_key(s: PlanStatus) -> String {
    format!("status-{}", s.as_str())
}

/// The status after `s` in the plan's life, if any.
fn after(s: PlanStatus) -> Option<PlanStatus> {
    PlanStatus::ALL.iter().copied().find(|x| *x > s)
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    ctx: &PlanCtx,
    problems: Vec<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let store = &state.store;
    let es = endorsements::state(store, &viewer.actor, ctx.id)
        .await
        .map_err(|e| viewer.fail(e))?;
    let outlook = plan_view::status_outlook(store, &viewer.actor, ctx.id)
        .await
        .map_err(|e| viewer.fail(e))?;
    let plan = &ctx.tree.plan;
    let mine = viewer
        .actor
        .org()
        .filter(|o| ctx.tree.parties.iter().any(|p| p.id == *o));
    let signed_already = mine.is_some_and(|o| {
        es.history
            .iter()
            .any(|e| e.organisation_id == o && e.framework_version == es.framework_version)
    });
    let editor = viewer.may_write() && ctx.access >= Access::Edit;
    let parties =
        ctx.tree
            .parties
            .iter()
            .map(|o| {
                let sign = es.history.iter().rev().find(|e| {
                    e.organisation_id == o.id && e.framework_version == es.framework_version
                });
                PartySign {
                    name: o.name.clone(),
                    role_key: ctx.role_key(o.id),
                    signed_by: sign.map(|e| isolate(&e.signed_by)).unwrap_or_default(),
                    signed_at: sign.map(|e| when(ui, e.signed_at)).unwrap_or_default(),
                }
            })
            .collect();
    let history = es
        .history
        .iter()
        .rev()
        .map(|e| HistoryRow {
            party: ctx.tree.party_name(e.organisation_id),
            version: ui.int(e.framework_version),
            by: e.signed_by.clone(),
            at: when(ui, e.signed_at),
            current: e.framework_version == es.framework_version,
        })
        .collect();
    let (move_to, next_waits, next_key) = outlook_parts(&outlook);
    let page = EndorsementPage {
        frame: Frame::new(viewer, ui.t("plan-endorsement-title"), Nav::Portfolio),
        plan_nav: PlanNav::new(
            ui,
            ctx.code(),
            &plan.name,
            outlook.status.as_str(),
            "endorsement",
        ),
        version: ui.int(es.framework_version),
        parties,
        history,
        can_endorse: editor && mine.is_some() && !signed_already,
        signed_already,
        acting_for: mine
            .map(|o| isolate(&ctx.tree.party_name(o)))
            .unwrap_or_default(),
        problems,
        steps: steps(outlook.status),
        can_move: editor && move_to.is_some(),
        move_to,
        next_waits,
        next_key,
        start: ui.date(plan.start.date()),
        state: es,
    };
    Ok(render_status(status, &page))
}

/// The plan status's steps, done up to the current one.
fn steps(current: PlanStatus) -> Vec<Step> {
    PlanStatus::ALL
        .iter()
        .map(|s| Step {
            key: status_key(*s),
            state: if *s < current {
                "done"
            } else if *s == current {
                "current"
            } else {
                "later"
            },
        })
        .collect()
}

/// The move due now (its status code), or what the next status waits for (the catalogue key of
/// the condition and of the status).
fn outlook_parts(o: &StatusOutlook) -> (Option<String>, Option<String>, Option<String>) {
    if o.allowed > o.status {
        return (
            Some(o.allowed.as_str().to_owned()),
            None,
            Some(status_key(o.allowed)),
        );
    }
    match after(o.status) {
        Some(next) => (
            None,
            Some(format!("plan-next-{}", next.as_str().replace('_', "-"))),
            Some(status_key(next)),
        ),
        None => (None, None, None),
    }
}

/// The catalogue keys the status steps build at run time (checked by a test).
#[cfg(test)]
pub(in crate::pages) fn runtime_keys() -> Vec<String> {
    PlanStatus::ALL
        .iter()
        .skip(1)
        .map(|s| format!("plan-next-{}", s.as_str().replace('_', "-")))
        .collect()
}

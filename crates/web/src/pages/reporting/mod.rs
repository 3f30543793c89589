//! Quarterly reporting (SPEC §2): the plan's reports tab (`/plans/{code}/reports`: every period
//! with its dates and every party's report with its state, due date and whether it is overdue),
//! the quarterly report (`/plans/{code}/reports/{period}`: one form for every actual a party
//! reports that quarter, then submit; another party's editor approves it or returns it with a
//! comment; an approved report is locked), and the indicator page
//! (`/plans/{code}/indicators/{id}`: its definition, targets and actuals per period, and a
//! target-vs-actual chart drawn by [`handover_charts::trend`]). Every write goes through the
//! same store functions as the JSON API (`api/cycle/reports.rs`).

mod indicator;
mod list;
mod numbers;
mod report;

use super::{PageError, Viewer};
use crate::AppState;
use crate::i18n::Ui;
use axum::Router;
use axum::routing::get;
use handover_core::actor::Access;
use handover_core::ids::{OrgId, PlanId};
use handover_core::indicator::{Dimensions, Indicator};
use handover_core::plan::{Period, PlanTree};
use handover_core::reporting::ReportStatus;
use handover_store::plans;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/plans/{code}/reports", get(list::show))
        .route(
            "/plans/{code}/reports/{period}",
            get(report::show).post(report::post),
        )
        .route("/plans/{code}/indicators/{id}", get(indicator::show))
}

/// A plan as these pages need it.
#[derive(Debug)]
struct PlanCtx {
    id: PlanId,
    tree: PlanTree,
    access: Access,
}

impl PlanCtx {
    /// The plan's code as its URLs use it.
    fn code(&self) -> &str {
        self.tree.plan.code.as_str()
    }

    /// The name of a party of the plan (its id when it is not one).
    fn party_name(&self, org: OrgId) -> String {
        self.tree.party_name(org)
    }

    /// The organisation a page's reader acts for, when it is a party of this plan.
    fn viewer_party(&self, viewer: &Viewer) -> Option<OrgId> {
        viewer
            .actor
            .org()
            .filter(|o| self.tree.parties.iter().any(|p| p.id == *o))
    }
}

/// Opens the plan `code` for `viewer` (the not-found page outside the viewer's scope).
async fn open(state: &AppState, viewer: &Viewer, code: &str) -> Result<PlanCtx, PageError> {
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
    Ok(PlanCtx { id, tree, access })
}

/// A period's name in the page's language (`Q3`, `T3`, `ر٣`), or its own label when it is not
/// a quarter of the plan's calendar.
fn period_name(ui: Ui, p: &Period) -> String {
    if p.label == format!("Q{}", p.seq) {
        ui.targs("quarter-label", &[("n", &ui.int(i64::from(p.seq)))])
    } else {
        p.label.clone()
    }
}

/// A period's dates, `1 January 2027 – 31 March 2027`.
fn period_dates(ui: Ui, p: &Period) -> String {
    ui.targs(
        "reporting-period-dates",
        &[("start", &ui.date(p.start)), ("end", &ui.date(p.end))],
    )
}

/// The catalogue key of a report's state.
fn status_key(s: ReportStatus) -> String {
    format!("reporting-status-{}", s.as_str())
}

/// The badge class of a report's state (the state is always written in words too).
fn status_class(s: ReportStatus) -> &'static str {
    match s {
        ReportStatus::Approved => "ok",
        ReportStatus::Returned => "warn",
        ReportStatus::Submitted | ReportStatus::Draft => "",
    }
}

/// An indicator's frequency as its catalogue key's end.
fn frequency(i: &Indicator) -> &'static str {
    use handover_core::indicator::Frequency;
    match i.frequency {
        Frequency::Monthly => "monthly",
        Frequency::Quarterly => "quarterly",
        Frequency::SemiAnnual => "semi-annual",
        Frequency::Annual => "annual",
        Frequency::Once => "once",
    }
}

/// Dimensions as the form carries them: `sex=female; age=18-24` (empty for the total).
fn dims_key(d: &Dimensions) -> String {
    d.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Dimensions as a reader sees them: `sex: female, age: 18-24`; the total's word when none.
fn dims_label(ui: Ui, d: &Dimensions) -> String {
    if d.is_empty() {
        ui.t("reporting-total")
    } else {
        d.iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Reads `name=value` pairs separated by `;` (what [`dims_key`] writes, or what a reporter
/// types for a breakdown); the core checks them.
fn parse_dims(s: &str) -> Result<Dimensions, ()> {
    let pairs = s
        .split(';')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            p.split_once('=')
                .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
                .ok_or(())
        })
        .collect::<Result<Vec<_>, ()>>()?;
    handover_core::indicator::parse_dimensions(&pairs).map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_round_trip() {
        let d = parse_dims("sex=female; age = 18-24").unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(parse_dims(&dims_key(&d)).unwrap(), d);
        assert!(parse_dims("").unwrap().is_empty());
        assert!(parse_dims("female").is_err());
        assert!(parse_dims("sex=").is_err());
        assert_eq!(
            dims_label(Ui::new(handover_core::text::Lang::En), &d),
            "age: 18-24, sex: female"
        );
    }
}

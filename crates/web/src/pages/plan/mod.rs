//! The plan's own pages: the overview (`GET /plans/{code}`: status, parties with their roles,
//! dates and quarters, endorsement, milestones with their progress, the RBM quality checks of
//! SPEC §2 and who leads what this quarter) and the endorsement page
//! (`GET/POST /plans/{code}/endorsement`: every sign-off, the form for a party's editor or
//! administrator to sign the current framework version, and the plan status with the move
//! forward its situation allows, `POST /plans/{code}/status`). Every write goes through the
//! store functions the JSON API uses (`api/cycle/endorsements.rs`).

mod endorsement;
mod overview;

use super::{PageError, Viewer};
use crate::AppState;
use crate::i18n::Ui;
use axum::Router;
use axum::routing::{get, post};
use handover_core::actor::Access;
use handover_core::ids::{OrgId, PlanId};
use handover_core::plan::{Period, PlanTree};
use handover_store::plans;
use time::OffsetDateTime;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/plans/{code}", get(overview::show))
        .route(
            "/plans/{code}/endorsement",
            get(endorsement::show).post(endorsement::endorse),
        )
        .route("/plans/{code}/status", post(endorsement::move_status))
}

/// A plan as these pages need it.
#[derive(Debug)]
pub(super) struct PlanCtx {
    pub(super) id: PlanId,
    pub(super) tree: PlanTree,
    pub(super) access: Access,
}

impl PlanCtx {
    /// The plan's code as its URLs use it.
    pub(super) fn code(&self) -> &str {
        self.tree.plan.code.as_str()
    }

    /// The catalogue key of a party's role in the plan.
    pub(super) fn role_key(&self, org: OrgId) -> &'static str {
        if org == self.tree.plan.owner {
            "plan-role-owner"
        } else {
            "plan-role-partner"
        }
    }

    /// The names of some parties, joined with `sep` (` + ` for a joint lead).
    pub(super) fn names(&self, orgs: &[OrgId], sep: &str) -> String {
        orgs.iter()
            .map(|o| self.tree.party_name(*o))
            .collect::<Vec<_>>()
            .join(sep)
    }
}

/// Opens the plan `code` for `viewer` (the not-found page outside the viewer's scope).
pub(super) async fn open(
    state: &AppState,
    viewer: &Viewer,
    code: &str,
) -> Result<PlanCtx, PageError> {
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
pub(super) fn period_name(ui: Ui, p: &Period) -> String {
    if p.label == format!("Q{}", p.seq) {
        quarter_name(ui, p.seq)
    } else {
        p.label.clone()
    }
}

/// An activity's number as people see it (`7`, `24.1`) in the page's digits.
pub(super) fn activity_number(ui: Ui, number: u64, instance: Option<u64>) -> String {
    let n = |x: u64| ui.int(i64::try_from(x).unwrap_or(i64::MAX));
    match instance {
        Some(i) => format!("{}.{}", n(number), n(i)),
        None => n(number),
    }
}

/// The number of an activity of the plan.
pub(super) fn number_of(ui: Ui, a: &handover_core::plan::Activity) -> String {
    activity_number(ui, u64::from(a.number), a.instance.map(u64::from))
}

/// Quarter `n` of the plan's calendar in the page's language.
pub(super) fn quarter_name(ui: Ui, n: u16) -> String {
    ui.targs("quarter-label", &[("n", &ui.int(i64::from(n)))])
}

/// An instant as `23 November 2026, 12:05 UTC` in the page's language.
pub(super) fn when(ui: Ui, t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let two = |n: u8| {
        if n < 10 {
            format!("{}{}", ui.int(0), ui.int(i64::from(n)))
        } else {
            ui.int(i64::from(n))
        }
    };
    let clock = format!("{}:{}", two(t.hour()), two(t.minute()));
    ui.targs(
        "plan-when",
        &[("date", &ui.date(t.date())), ("time", &clock)],
    )
}

/// A name put into a translated sentence, isolated from the sentence's direction (an English
/// name in an Arabic sentence, an Arabic one in an English sentence) by Unicode's first-strong
/// isolate marks: the catalogues do not isolate arguments, and a sentence cannot hold `<bdi>`.
pub(super) fn isolate(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}

/// Today, for the calendar.
pub(super) fn today() -> time::Date {
    OffsetDateTime::now_utc().date()
}

#[cfg(test)]
mod tests {
    use crate::i18n::Ui;
    use handover_core::plan::{PlanKind, ProgressStatus};
    use handover_core::quality::Check;
    use handover_core::text::Lang;

    /// The keys these pages build at run time exist (the catalogue test only sees literals).
    #[test]
    fn every_runtime_key_exists() {
        // The checks' names take a count.
        let counted: Vec<String> = Check::ALL
            .iter()
            .map(|c| super::overview::check_keys(*c).0)
            .collect();
        let mut keys: Vec<String> = Check::ALL
            .iter()
            .map(|c| super::overview::check_keys(*c).1)
            .collect();
        keys.extend(
            ProgressStatus::ALL
                .iter()
                .map(|s| super::overview::progress_key(*s)),
        );
        keys.extend(
            [PlanKind::RtoTransition, PlanKind::Generic]
                .iter()
                .map(|k| format!("plan-kind-{}", k.as_str())),
        );
        keys.extend(super::endorsement::runtime_keys());
        for k in [
            "plan-lead-none",
            "plan-lead-local-authority",
            "plan-lead-joint",
            "plan-lead-partner",
            "plan-role-owner",
            "plan-role-partner",
            "plan-leads-not-started",
            "plan-leads-ended",
        ] {
            keys.push(k.to_owned());
        }
        for lang in [Lang::En, Lang::Fr, Lang::Ar] {
            let ui = Ui::new(lang);
            for k in &keys {
                assert!(
                    // (`plan-next-in-progress` names the start date.)
                    !ui.ta(k, "start", "1 January 2027")
                        .starts_with("Unknown localization"),
                    "{lang:?}: {k}"
                );
            }
            for k in &counted {
                for n in [0, 1, 2, 3, 11, 100] {
                    assert!(
                        !ui.tn(k, n).starts_with("Unknown localization"),
                        "{lang:?}: {k} {n}"
                    );
                }
            }
        }
    }
}

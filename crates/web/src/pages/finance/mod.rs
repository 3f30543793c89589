//! Finance (SPEC §4) in the browser: a plan's budget (`/plans/{code}/budget`: totals in each
//! line's own currency and converted, the cost lines by milestone and activity, the cost
//! sharing between the parties, the Agreement of Cooperation record), its cost-line forms and
//! import, its frozen versions and their comparison, its spending against the plan, its finance
//! settings, the workbook download; and the deployment's exchange rates (`/rates`) with the
//! real-terms view of an amount (`/rates/real-terms`). Every write goes through the store's
//! `finance` functions, as the JSON API's do; forms carry the record's version, so a form
//! opened before someone else's change saves nothing.

mod budget;
mod budget_sharing;
mod chooser;
mod compare;
mod fields;
mod import;
mod lines;
mod money;
mod rates;
mod real_terms;
mod settings;
mod spending;
mod upload;
mod versions;
mod workbook;

use super::{PageError, PlanNav, Viewer};
use crate::AppState;
use crate::i18n::Ui;
use axum::Router;
use axum::routing::{get, post};
use handover_core::actor::Access;
use handover_core::finance::cost_line::{CostCategory, CostLine, Unit};
use handover_core::finance::rates::{MissingRate, RateType};
use handover_core::finance::version::VersionPurpose;
use handover_core::ids::{ActivityId, PlanId};
use handover_core::plan::{Activity, PlanTree};
use handover_store::finance::{self, BudgetData};
use handover_store::plans;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/plans/{code}/budget", get(budget::show))
        .route("/plans/{code}/budget.xlsx", get(workbook::download))
        .route(
            "/plans/{code}/budget/lines/new",
            get(lines::new_form).post(lines::create),
        )
        .route(
            "/plans/{code}/budget/lines/{id}",
            get(lines::edit_form).post(lines::update),
        )
        .route(
            "/plans/{code}/budget/lines/{id}/delete",
            post(lines::delete),
        )
        .route(
            "/plans/{code}/budget/import",
            post(import::cost_lines).layer(upload_limit()),
        )
        .route(
            "/plans/{code}/budget/versions",
            get(versions::show).post(versions::freeze),
        )
        .route("/plans/{code}/budget/compare", get(compare::show))
        .route(
            "/plans/{code}/budget/settings",
            get(settings::show).post(settings::save),
        )
        .route(
            "/plans/{code}/spending",
            get(spending::show).post(spending::record),
        )
        .route("/plans/{code}/spending/{id}/delete", post(spending::delete))
        .route("/rates", get(rates::show).post(rates::create))
        .route("/rates/import", post(import::rates).layer(upload_limit()))
        .route("/rates/real-terms", get(real_terms::show))
        .route("/rates/{id}/delete", post(rates::delete))
}

/// Uploads may be as large as a spreadsheet may be (the JSON limit applies elsewhere).
fn upload_limit() -> axum::extract::DefaultBodyLimit {
    axum::extract::DefaultBodyLimit::max(crate::auth::csrf::MAX_UPLOAD_FORM)
}

/// A plan's budget as these pages need it: everything the store reads in one go, the tabs,
/// and what the reader may do.
#[derive(Debug)]
pub(super) struct PlanBudget {
    pub(super) id: PlanId,
    pub(super) data: BudgetData,
    pub(super) nav: PlanNav,
    /// May change cost lines, versions and settings (an editor or administrator of a party).
    pub(super) edit: bool,
    /// May record spending (a reporter too).
    pub(super) report: bool,
}

impl PlanBudget {
    /// The plan's code as its URLs use it.
    pub(super) fn code(&self) -> &str {
        self.data.tree.plan.code.as_str()
    }

    pub(super) fn tree(&self) -> &PlanTree {
        &self.data.tree
    }

    /// A URL of the plan's finance pages (`budget`, `spending`, `budget/versions`…).
    pub(super) fn url(&self, rest: &str) -> String {
        format!("/plans/{}/{rest}", self.code())
    }

    /// Refuses a form to someone who may not change the budget.
    pub(super) fn must_edit(&self, ui: Ui) -> Result<(), PageError> {
        if self.edit {
            Ok(())
        } else {
            Err(PageError::Forbidden(ui.lang))
        }
    }

    /// Refuses a payment to someone who may not report.
    pub(super) fn must_report(&self, ui: Ui) -> Result<(), PageError> {
        if self.report {
            Ok(())
        } else {
            Err(PageError::Forbidden(ui.lang))
        }
    }

    /// The cost line a path names, or the not-found page.
    pub(super) fn line(&self, ui: Ui, id: &str) -> Result<&CostLine, PageError> {
        self.data
            .lines
            .iter()
            .find(|l| l.id.to_string() == id)
            .ok_or(PageError::NotFound(ui.lang))
    }

    /// An activity's number and title (`7. Sign the Agreement of Cooperation`).
    pub(super) fn activity_label(&self, ui: Ui, id: ActivityId) -> String {
        self.data
            .tree
            .activities
            .iter()
            .find(|a| a.id == id)
            .map(|a| activity_label(ui, a))
            .unwrap_or_default()
    }

    /// The plan's activities in the framework's order (milestone, number, instance).
    pub(super) fn activities(&self) -> Vec<&Activity> {
        let tree = &self.data.tree;
        let milestone = |a: &Activity| {
            tree.milestones
                .iter()
                .find(|m| m.id == a.milestone_id)
                .map_or(0, |m| m.number)
        };
        let mut all: Vec<&Activity> = tree.activities.iter().collect();
        all.sort_by_key(|a| (milestone(a), a.number, a.instance.unwrap_or(0)));
        all
    }
}

/// Opens the budget of plan `code` for `viewer`, with the tab `budget` (404 outside the
/// viewer's scope).
pub(super) async fn open(
    state: &AppState,
    viewer: &Viewer,
    code: &str,
) -> Result<PlanBudget, PageError> {
    let store = &state.store;
    let id = plans::find(store, &viewer.actor, code)
        .await
        .map_err(|e| viewer.fail(e))?;
    let access = plans::access(store, &viewer.actor, id)
        .await
        .map_err(|e| viewer.fail(e))?;
    let data = finance::budget(store, &viewer.actor, id)
        .await
        .map_err(|e| viewer.fail(e))?;
    let nav = PlanNav::new(
        viewer.ui,
        data.tree.plan.code.as_str(),
        &data.tree.plan.name,
        data.tree.plan.status.as_str(),
        "budget",
    );
    let writer = viewer.may_write();
    Ok(PlanBudget {
        id,
        data,
        nav,
        edit: writer && access >= Access::Edit,
        report: writer && access >= Access::Report,
    })
}

/// The page title: the page's own name and the plan's.
pub(super) fn title(ui: Ui, page: &str, plan: &PlanBudget) -> String {
    ui.targs(
        "finance-page-title",
        &[("page", page), ("plan", &plan.nav.name)],
    )
}

/// An activity's number and title.
pub(super) fn activity_label(ui: Ui, a: &Activity) -> String {
    let number = match a.instance {
        Some(i) => format!("{}.{}", ui.int(i64::from(a.number)), ui.int(i64::from(i))),
        None => ui.int(i64::from(a.number)),
    };
    ui.targs(
        "finance-activity-numbered",
        &[("number", &number), ("title", ui.text(&a.title))],
    )
}

/// A quarter as the page's language writes it (`Q3`, `T3`, `ر٣`).
pub(super) fn quarter(ui: Ui, q: u16) -> String {
    ui.ta("quarter-label", "n", &ui.int(i64::from(q)))
}

/// A year in the page's digits, without grouping (`2027`, `٢٠٢٧`).
pub(super) fn year(ui: Ui, y: i32) -> String {
    ui.num(&y.to_string())
        .replace([',', '\u{202f}', '\u{066c}', '\u{a0}'], "")
}

/// The catalogue key suffix of a stored name (`in_house_expertise` → `in-house-expertise`).
fn key(s: &str) -> String {
    s.replace('_', "-")
}

pub(super) fn category_label(ui: Ui, c: CostCategory) -> String {
    ui.t(format!("finance-category-{}", key(c.as_str())))
}

pub(super) fn unit_label(ui: Ui, u: Unit) -> String {
    ui.t(format!("finance-unit-{}", key(u.as_str())))
}

pub(super) fn rate_type_label(ui: Ui, t: RateType) -> String {
    ui.t(format!("finance-rate-type-{}", key(t.as_str())))
}

pub(super) fn purpose_label(ui: Ui, p: VersionPurpose) -> String {
    ui.t(format!("finance-purpose-{}", key(p.as_str())))
}

/// A missing rate in words: the pair, the rate type and the date.
pub(super) fn missing_rate(ui: Ui, m: &MissingRate) -> String {
    ui.targs(
        "finance-missing-rate",
        &[
            ("type", &rate_type_label(ui, m.rate_type)),
            ("from", m.from.as_str()),
            ("to", m.to.as_str()),
            ("date", &ui.date(m.date)),
        ],
    )
}

/// The stored names of the enumerations, for the selects.
pub(super) fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| name(*v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use handover_core::text::Lang;

    /// The keys these pages build at run time exist (the catalogue test checks the other
    /// languages against English).
    #[test]
    fn keys_built_at_run_time_exist() {
        let mut keys: Vec<String> = vec![];
        for c in CostCategory::ALL {
            keys.push(format!("finance-category-{}", key(c.as_str())));
        }
        for u in Unit::ALL {
            keys.push(format!("finance-unit-{}", key(u.as_str())));
        }
        for t in RateType::ALL {
            keys.push(format!("finance-rate-type-{}", key(t.as_str())));
        }
        for p in VersionPurpose::ALL {
            keys.push(format!("finance-purpose-{}", key(p.as_str())));
        }
        for f in lines::FIELDS
            .iter()
            .chain(spending::FIELDS)
            .chain(rates::FIELDS)
            .chain(versions::FIELDS)
            .chain(settings::FIELDS)
            .chain(&["form"])
        {
            keys.push(format!("finance-field-{}", key(f)));
            if *f != "form" {
                keys.push(format!("finance-problem-{}", key(f)));
            }
        }
        for f in compare::CHANGED {
            keys.push(format!("finance-field-{}", key(f)));
        }
        for lang in Lang::ALL {
            let ui = Ui::new(lang);
            let missing: Vec<_> = keys.iter().filter(|k| ui.t(k) == **k).collect();
            assert!(missing.is_empty(), "{lang}: missing keys: {missing:?}");
        }
    }
}

//! The heading and tabs shared by every page of one plan (`templates/pages/plan_nav.html`,
//! included as `plan_nav`).

use crate::i18n::Ui;

/// The plan a page belongs to and which of its tabs is open.
#[derive(Clone, Debug)]
pub(crate) struct PlanNav {
    /// The plan's code, used in its pages' URLs (`/plans/{code}/…`).
    pub(crate) code: String,
    pub(crate) name: String,
    /// The catalogue key of the plan's status (`status-in_progress`).
    pub(crate) status_key: String,
    /// `overview`, `framework`, `risks`, `reports`, `gantt`, `budget` or `audit`.
    pub(crate) tab: &'static str,
}

impl PlanNav {
    /// The tabs of `plan`, with `tab` open.
    pub(crate) fn new(
        ui: Ui,
        code: &str,
        name: &handover_core::text::Text,
        status: &str,
        tab: &'static str,
    ) -> Self {
        Self {
            code: code.to_owned(),
            name: ui.text(name).to_owned(),
            status_key: format!("status-{status}"),
            tab,
        }
    }

    /// `page` on the open tab, for `aria-current`.
    pub(crate) fn current(&self, tab: &str) -> &'static str {
        if self.tab == tab { "page" } else { "false" }
    }

    /// The URL of one of the plan's tabs.
    pub(crate) fn href(&self, tab: &str) -> String {
        if tab == "overview" {
            format!("/plans/{}", self.code)
        } else {
            format!("/plans/{}/{tab}", self.code)
        }
    }
}

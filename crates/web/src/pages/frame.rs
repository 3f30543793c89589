//! What every page's frame shows (`templates/pages/base.html`): the title, the navigation with
//! the current item, who is signed in and for which organisation, the language menu, and the
//! CSRF token that every form posts back.

use super::Viewer;
use crate::i18n::{LANGS, Ui};
use handover_core::text::Lang;

/// The navigation item a page belongs to (marked `aria-current`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Nav {
    Portfolio,
    Templates,
    NewPlan,
    /// The exchange rates (`/rates`).
    Rates,
    None,
}

/// One of the signed-in user's organisations, for the organisation switch.
#[derive(Clone, Debug)]
pub(crate) struct OrgChoice {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) current: bool,
}

/// A link of the language menu.
#[derive(Clone, Debug)]
pub(crate) struct LangLink {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) href: String,
    pub(crate) current: bool,
}

/// The frame of a page.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub(crate) ui: Ui,
    /// The page's own title (the frame adds " — Handover").
    pub(crate) title: String,
    pub(crate) nav: Nav,
    /// The signed-in user's name; empty in the demo view and on the sign-in page.
    pub(crate) user_name: String,
    pub(crate) organisations: Vec<OrgChoice>,
    /// The session's CSRF token for the forms; empty without a session.
    pub(crate) csrf: String,
    /// The read-only demo view (`serve --demo` without signing in).
    pub(crate) demo: bool,
    pub(crate) languages: Vec<LangLink>,
}

impl Frame {
    /// The frame of a page seen by `viewer`.
    pub(crate) fn new(viewer: &Viewer, title: impl Into<String>, nav: Nav) -> Self {
        let (user_name, organisations) = match &viewer.user {
            Some(u) => (
                u.name.clone(),
                u.memberships
                    .iter()
                    .map(|m| OrgChoice {
                        code: m.organisation_code.clone(),
                        name: m.organisation_name.clone(),
                        current: Some(m.organisation_id) == viewer.organisation,
                    })
                    .collect(),
            ),
            None => (String::new(), vec![]),
        };
        Self {
            ui: viewer.ui,
            title: title.into(),
            nav,
            user_name,
            organisations,
            csrf: viewer.csrf.clone().unwrap_or_default(),
            demo: viewer.user.is_none(),
            languages: language_links(viewer.ui.lang, &viewer.path),
        }
    }

    /// The frame of a page without a signed-in user (sign-in, errors).
    pub(crate) fn bare(ui: Ui, title: impl Into<String>, path: &str) -> Self {
        Self {
            ui,
            title: title.into(),
            nav: Nav::None,
            user_name: String::new(),
            organisations: vec![],
            csrf: String::new(),
            demo: false,
            languages: language_links(ui.lang, path),
        }
    }

    /// `page` on the current navigation item (`portfolio`, `templates`, `new-plan`, `rates`),
    /// for `aria-current`.
    pub(crate) fn current(&self, item: &str) -> &'static str {
        let nav = match item {
            "portfolio" => Nav::Portfolio,
            "templates" => Nav::Templates,
            "new-plan" => Nav::NewPlan,
            "rates" => Nav::Rates,
            _ => Nav::None,
        };
        if nav == self.nav && nav != Nav::None {
            "page"
        } else {
            "false"
        }
    }

    /// The stylesheet's URL.
    pub(crate) fn css(&self) -> &'static str {
        super::assets::css_url()
    }

    /// htmx's URL.
    pub(crate) fn htmx(&self) -> &'static str {
        super::assets::htmx_url()
    }

    /// Our script's URL.
    pub(crate) fn js(&self) -> &'static str {
        super::assets::js_url()
    }

    /// Whether someone is signed in (the frame shows the user and the sign-out button).
    pub(crate) fn signed_in(&self) -> bool {
        !self.user_name.is_empty()
    }

    /// The organisation the user acts for.
    pub(crate) fn acting_for(&self) -> &str {
        self.organisations
            .iter()
            .find(|o| o.current)
            .map(|o| o.name.as_str())
            .unwrap_or("")
    }
}

fn language_links(current: Lang, path: &str) -> Vec<LangLink> {
    let back = super::language::encode_back(path);
    LANGS
        .iter()
        .map(|l| LangLink {
            code: l.code(),
            name: Ui::endonym(l),
            href: format!("/language?to={}&back={back}", l.code()),
            current: *l == current,
        })
        .collect()
}

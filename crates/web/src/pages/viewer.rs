//! Who looks at a page: the signed-in user (by the session cookie), or, with `serve --demo`,
//! the read-only demo reader. Without either, a page sends the browser to the sign-in page,
//! which brings it back afterwards.

use super::PageError;
use crate::AppState;
use crate::extract::{DEMO_VIEWER, session_of};
use crate::i18n::{Ui, choose};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use handover_core::actor::Actor;
use handover_core::ids::OrgId;
use handover_store::accounts::User;

/// The reader of a page.
#[derive(Clone, Debug)]
pub(crate) struct Viewer {
    pub(crate) actor: Actor,
    /// `None` in the demo view.
    pub(crate) user: Option<User>,
    /// The organisation the user acts for.
    pub(crate) organisation: Option<OrgId>,
    /// The session's CSRF token, for the forms.
    pub(crate) csrf: Option<String>,
    pub(crate) ui: Ui,
    /// The page's path and query (to come back after changing the language).
    pub(crate) path: String,
}

impl Viewer {
    /// Whether this reader may change anything at all (the demo view may not).
    pub(crate) fn may_write(&self) -> bool {
        self.user.is_some()
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        let ui = Ui::new(choose(&parts.headers));
        let path = parts
            .uri
            .path_and_query()
            .map_or_else(|| parts.uri.path().to_owned(), |p| p.as_str().to_owned());
        // An expired or revoked session falls through: sign in again (the demo reads on).
        if let Ok(Some((session, _))) = session_of(parts, state).await {
            return Ok(Self {
                actor: session.actor,
                organisation: Some(session.organisation_id),
                user: Some(session.user),
                csrf: Some(session.csrf_token),
                ui,
                path,
            });
        }
        if state.options.demo {
            return Ok(Self {
                actor: Actor::Reader {
                    label: DEMO_VIEWER.into(),
                },
                user: None,
                organisation: None,
                csrf: None,
                ui,
                path,
            });
        }
        Err(PageError::SignIn { next: path })
    }
}

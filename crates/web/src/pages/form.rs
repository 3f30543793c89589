//! Forms posted by the pages: `application/x-www-form-urlencoded` bodies read into a struct.
//! Every form carries the session's `csrf_token` (checked before the handler by `auth::csrf`);
//! a body that cannot be read is refused with the error page, and nothing changes.

use super::PageError;
use crate::AppState;
use crate::i18n::{Ui, choose};
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

/// The name of the hidden field that carries the CSRF token.
pub(crate) const CSRF_FIELD: &str = "csrf_token";

/// A posted form.
#[derive(Debug)]
pub(crate) struct Posted<T>(pub(crate) T);

impl<T: DeserializeOwned> FromRequest<AppState> for Posted<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, PageError> {
        let ui = Ui::new(choose(req.headers()));
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(v)) => Ok(Self(v)),
            Err(e) => Err(PageError::Bad(ui.lang, e.body_text())),
        }
    }
}

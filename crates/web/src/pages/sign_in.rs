//! Signing in and out in the browser, and choosing which organisation to act for. The same
//! checks and limits as `POST /api/v1/session` ([`crate::api::session::attempt_sign_in`]); the
//! refusals are worded in the page's language.

use super::{Frame, PageError, Posted, Viewer, render, render_status, see_other};
use crate::AppState;
use crate::api::session::{SignInRefusal, SignInRequest, attempt_sign_in};
use crate::auth::{Client, session_cookie, session_cookie_header};
use crate::i18n::{Ui, choose};
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use handover_store::accounts;
use serde::Deserialize;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/sign-in", get(show_sign_in).post(sign_in))
        .route("/sign-out", post(sign_out))
        .route("/session/organisation", post(switch_organisation))
}

#[derive(Template)]
#[template(path = "pages/sign_in.html")]
struct SignInPage {
    frame: Frame,
    next: String,
    email: String,
    problem: String,
    demo: bool,
}

#[derive(Debug, Deserialize)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

/// Where to go after signing in: a path of this site, else the plans.
fn next_or_plans(next: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/sign-") {
        next.to_owned()
    } else {
        "/plans".to_owned()
    }
}

fn page(ui: Ui, demo: bool, next: &str, email: &str, problem: String) -> SignInPage {
    SignInPage {
        frame: Frame::bare(ui, ui.t("sign-in"), "/sign-in"),
        next: next_or_plans(next),
        email: email.to_owned(),
        problem,
        demo,
    }
}

async fn show_sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Response {
    let ui = Ui::new(choose(&headers));
    render(&page(ui, state.options.demo, &q.next, "", String::new()))
}

#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

impl std::fmt::Debug for SignInForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInForm")
            .field("email", &self.email)
            .field("password", &"***")
            .finish()
    }
}

async fn sign_in(
    State(state): State<AppState>,
    client: Client,
    Posted(form): Posted<SignInForm>,
) -> Response {
    let ui = Ui::new(choose(&client.headers));
    let request = SignInRequest {
        email: form.email.trim().to_owned(),
        password: form.password,
        organisation: None,
    };
    let refusal = match attempt_sign_in(&state, &client, &request).await {
        Ok((_, cookie)) => {
            let mut r = see_other(&next_or_plans(&form.next));
            r.headers_mut().insert(header::SET_COOKIE, cookie);
            return r;
        }
        Err(refusal) => refusal,
    };
    let (status, problem) = match refusal {
        SignInRefusal::BadCredentials => (StatusCode::UNAUTHORIZED, ui.t("sign-in-wrong")),
        SignInRefusal::TooMany { wait, .. } => {
            let minutes = i64::try_from(wait.as_secs().div_ceil(60).max(1)).unwrap_or(60);
            (
                StatusCode::TOO_MANY_REQUESTS,
                ui.tn("sign-in-too-many", minutes),
            )
        }
        SignInRefusal::Disabled => (StatusCode::FORBIDDEN, ui.t("sign-in-disabled")),
        SignInRefusal::NoOrganisation => (StatusCode::FORBIDDEN, ui.t("sign-in-no-organisation")),
        SignInRefusal::Other(e) => {
            tracing::error!(error = ?e, "sign-in failed");
            (StatusCode::INTERNAL_SERVER_ERROR, ui.t("error-server"))
        }
    };
    render_status(
        status,
        &page(ui, state.options.demo, &form.next, &request.email, problem),
    )
}

async fn sign_out(State(state): State<AppState>, client: Client) -> Response {
    if let Some(secret) = session_cookie(&client.headers)
        && let Err(e) = accounts::end_session(&state.store, secret).await
    {
        tracing::error!(error = %e, "signing out failed");
    }
    let cookie = session_cookie_header(&state.options.auth, client.tls, None);
    let mut r = see_other("/sign-in");
    r.headers_mut().insert(header::SET_COOKIE, cookie);
    r
}

#[derive(Debug, Deserialize)]
struct SwitchForm {
    #[serde(default)]
    organisation: String,
}

async fn switch_organisation(
    State(state): State<AppState>,
    viewer: Viewer,
    client: Client,
    Posted(form): Posted<SwitchForm>,
) -> Result<Response, PageError> {
    let (Some(user), Some(secret)) = (&viewer.user, session_cookie(&client.headers)) else {
        return Err(PageError::Forbidden(viewer.ui.lang));
    };
    let Some(m) = user.membership(&form.organisation) else {
        return Err(PageError::Invalid(
            viewer.ui.lang,
            vec![viewer.ui.t("organisation-not-yours")],
        ));
    };
    accounts::switch_organisation(&state.store, secret, m.organisation_id)
        .await
        .map_err(|e| viewer.fail(e))?;
    Ok(see_other("/plans").into_response())
}

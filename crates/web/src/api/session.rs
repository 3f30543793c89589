//! `/api/v1/session`: the browser's session. Signing in checks the password under both
//! sign-in limits (per address in memory, per account in the database), always starts a new
//! session (the one the browser held before is revoked) and sets the `handover_session`
//! cookie (HttpOnly, SameSite=Lax, Path=/, Secure over TLS); the answer carries the CSRF token
//! every later cookie-authenticated write sends back. A wrong password and an unknown e-mail
//! address get the same answer. Passwords are never logged: the request type's `Debug` hides
//! them.

use crate::AppState;
use crate::api::body::{JsonBody, RequestBody, invalid};
use crate::api::me::{Me, me_of};
use crate::auth::{Client, session_cookie, session_cookie_header};
use crate::error::{AppError, ErrorEntry};
use crate::extract::CurrentSession;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use handover_core::ids::OrgId;
use handover_store::accounts::{self, Session, SignInCheck, User};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Signing in.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    /// The account's e-mail address.
    pub email: String,
    /// The password.
    pub password: String,
    /// The organisation to act for (code or id); by default the first of the user's.
    #[serde(default)]
    pub organisation: Option<String>,
}

impl std::fmt::Debug for SignInRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInRequest")
            .field("email", &self.email)
            .field("password", &"***")
            .field("organisation", &self.organisation)
            .finish()
    }
}

impl RequestBody for SignInRequest {
    const FIELDS: &'static [&'static str] = &["email", "password", "organisation"];
}

/// Switching the organisation a session acts for.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SwitchRequest {
    /// One of the user's organisations (code or id).
    pub organisation: String,
}

impl RequestBody for SwitchRequest {
    const FIELDS: &'static [&'static str] = &["organisation"];
}

/// The session: who is signed in, for which organisation, and the CSRF token to send back.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SessionDoc {
    #[serde(flatten)]
    pub me: Me,
    /// Send it in `X-CSRF-Token` with every write made with the session cookie.
    pub csrf_token: String,
    /// When the session started (RFC 3339).
    pub created_at: String,
    /// When it ends unless signed out before (RFC 3339).
    pub expires_at: String,
}

impl SessionDoc {
    fn of(s: &Session) -> Self {
        Self {
            me: me_of(&s.user, &s.actor),
            csrf_token: s.csrf_token.clone(),
            created_at: s.created_at.clone(),
            expires_at: s.expires_at.clone(),
        }
    }
}

/// The session's document, never stored by caches (it holds the CSRF token).
fn session_response(status: StatusCode, s: &Session, cookie: Option<HeaderValue>) -> Response {
    let mut response = (status, Json(SessionDoc::of(s))).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(c) = cookie {
        headers.insert(header::SET_COOKIE, c);
    }
    response
}

/// 429 with `Retry-After` and a sentence saying when to try again.
fn too_many(what: &str, wait: Duration) -> Response {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    let seconds = seconds.max(1);
    let minutes = seconds.div_ceil(60);
    let at = time::OffsetDateTime::now_utc()
        + time::Duration::seconds(i64::try_from(seconds).unwrap_or(i64::MAX / 2));
    let message = format!(
        "too many failed sign-ins {what}: try again after {:02}:{:02} UTC (in {minutes} minute{})",
        at.hour(),
        at.minute(),
        if minutes == 1 { "" } else { "s" }
    );
    let mut response =
        AppError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_requests", message).into_response();
    response.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from_str(&seconds.to_string()).unwrap_or(HeaderValue::from_static("60")),
    );
    response
}

/// The organisation a user names, among their own (422 naming the field otherwise).
fn own_organisation(user: &User, code_or_id: &str) -> Result<OrgId, AppError> {
    user.membership(code_or_id)
        .map(|m| m.organisation_id)
        .ok_or_else(|| {
            let own: Vec<&str> = user
                .memberships
                .iter()
                .map(|m| m.organisation_code.as_str())
                .collect();
            invalid(vec![ErrorEntry::field(
                "/organisation",
                format!(
                    "you do not belong to `{code_or_id}`; your organisations are: {}",
                    own.join(", ")
                ),
            )])
        })
}

/// `POST /api/v1/session`: signs in and sets the session cookie.
#[utoipa::path(
    post,
    path = "/api/v1/session",
    tag = "accounts",
    request_body = SignInRequest,
    responses(
        (status = 201, description = "Signed in: the session, with the `handover_session` cookie set", body = SessionDoc,
         headers(("Set-Cookie" = String, description = "handover_session=…; HttpOnly; SameSite=Lax; Path=/"))),
        (status = 401, description = "The e-mail address or the password is wrong (not told apart)", body = crate::api::openapi::ErrorBody),
        (status = 403, description = "The account is disabled or belongs to no organisation, or the request came from another site", body = crate::api::openapi::ErrorBody),
        (status = 422, description = "A bad body, or an organisation the user does not belong to", body = crate::api::openapi::ErrorBody),
        (status = 429, description = "Too many failed sign-ins for the account or from the address", body = crate::api::openapi::ErrorBody,
         headers(("Retry-After" = u64, description = "Seconds until trying again may succeed"))),
    )
)]
pub(crate) async fn sign_in(
    State(state): State<AppState>,
    client: Client,
    JsonBody(body): JsonBody<SignInRequest>,
) -> Result<Response, AppError> {
    match attempt_sign_in(&state, &client, &body).await {
        Ok((session, cookie)) => Ok(session_response(
            StatusCode::CREATED,
            &session,
            Some(cookie),
        )),
        Err(refusal) => refusal.into_api(),
    }
}

/// Why a sign-in was refused; the JSON API and the sign-in page word it each their own way.
#[derive(Debug)]
pub(crate) enum SignInRefusal {
    /// Too many failures from the client's address (`account: false`) or for the account.
    TooMany {
        account: bool,
        wait: Duration,
    },
    /// A wrong e-mail address or password (never told apart).
    BadCredentials,
    Disabled,
    NoOrganisation,
    /// Any other error (an organisation the user is not in, the database).
    Other(AppError),
}

impl SignInRefusal {
    fn into_api(self) -> Result<Response, AppError> {
        match self {
            Self::TooMany { account, wait } => Ok(too_many(
                if account {
                    "for this account"
                } else {
                    "from your address"
                },
                wait,
            )),
            Self::BadCredentials => Err(AppError::new(
                StatusCode::UNAUTHORIZED,
                "bad_credentials",
                "the e-mail address or the password is wrong; check both and try again",
            )),
            Self::Disabled => Err(AppError::new(
                StatusCode::FORBIDDEN,
                "account_disabled",
                "this account is disabled; ask an administrator of your organisation to enable it",
            )),
            Self::NoOrganisation => Err(AppError::new(
                StatusCode::FORBIDDEN,
                "no_organisation",
                "this account belongs to no organisation yet; ask an organisation's administrator to add you",
            )),
            Self::Other(e) => Err(e),
        }
    }
}

impl From<AppError> for SignInRefusal {
    fn from(e: AppError) -> Self {
        Self::Other(e)
    }
}

impl From<handover_store::StoreError> for SignInRefusal {
    fn from(e: handover_store::StoreError) -> Self {
        Self::Other(e.into())
    }
}

/// Checks a sign-in under both limits and starts a new session (revoking the one the browser
/// held): the session and its `Set-Cookie` value.
pub(crate) async fn attempt_sign_in(
    state: &AppState,
    client: &Client,
    body: &SignInRequest,
) -> Result<(Session, HeaderValue), SignInRefusal> {
    let settings = state.options.auth;
    let attempt = match state.address_limiter.try_attempt(&client.address) {
        Ok(a) => a,
        Err(wait) => {
            tracing::warn!(address = %client.address, "sign-in refused: too many failures from this address");
            return Err(SignInRefusal::TooMany {
                account: false,
                wait,
            });
        }
    };
    let check = accounts::check_sign_in(
        &state.store,
        &body.email,
        &body.password,
        settings.account_limit(),
    )
    .await?;
    let user = match check {
        SignInCheck::Accepted(user) => user,
        SignInCheck::BadCredentials => return Err(SignInRefusal::BadCredentials),
        SignInCheck::Locked { until } => {
            let wait = until - time::OffsetDateTime::now_utc();
            let wait = Duration::try_from(wait).unwrap_or(Duration::from_secs(1));
            return Err(SignInRefusal::TooMany {
                account: true,
                wait,
            });
        }
        SignInCheck::Disabled => return Err(SignInRefusal::Disabled),
    };
    state.address_limiter.succeeded(attempt);
    let org = match &body.organisation {
        Some(o) => own_organisation(&user, o)?,
        None => match user.memberships.first() {
            Some(m) => m.organisation_id,
            None => return Err(SignInRefusal::NoOrganisation),
        },
    };
    let previous = session_cookie(&client.headers);
    let (session, secret) = accounts::start_session(
        &state.store,
        &user,
        org,
        settings.session_lifetime(),
        previous,
    )
    .await?;
    let cookie = session_cookie_header(&settings, client.tls, Some(&secret));
    Ok((session, cookie))
}

/// `GET /api/v1/session`: the current session, with its CSRF token.
#[utoipa::path(
    get,
    path = "/api/v1/session",
    tag = "accounts",
    responses(
        (status = 200, description = "The session", body = SessionDoc),
        (status = 401, description = "No valid session", body = crate::api::openapi::ErrorBody),
    ),
    security(("session" = []))
)]
pub(crate) async fn show_session(current: CurrentSession) -> Response {
    session_response(StatusCode::OK, &current.session, None)
}

/// `PUT /api/v1/session`: acts for another of the user's organisations.
#[utoipa::path(
    put,
    path = "/api/v1/session",
    tag = "accounts",
    request_body = SwitchRequest,
    responses(
        (status = 200, description = "The session, now acting for that organisation", body = SessionDoc),
        (status = 401, description = "No valid session", body = crate::api::openapi::ErrorBody),
        (status = 403, description = "No or a wrong `X-CSRF-Token`, or the request came from another site", body = crate::api::openapi::ErrorBody),
        (status = 422, description = "An organisation the user does not belong to", body = crate::api::openapi::ErrorBody),
    ),
    security(("session" = []))
)]
pub(crate) async fn switch_organisation(
    State(state): State<AppState>,
    current: CurrentSession,
    JsonBody(body): JsonBody<SwitchRequest>,
) -> Result<Response, AppError> {
    let org = own_organisation(&current.session.user, &body.organisation)?;
    let session = accounts::switch_organisation(&state.store, &current.secret, org).await?;
    Ok(session_response(StatusCode::OK, &session, None))
}

/// `DELETE /api/v1/session`: signs out; the session is revoked at once.
#[utoipa::path(
    delete,
    path = "/api/v1/session",
    tag = "accounts",
    responses(
        (status = 204, description = "Signed out; the cookie is removed"),
        (status = 401, description = "No valid session", body = crate::api::openapi::ErrorBody),
        (status = 403, description = "No or a wrong `X-CSRF-Token`, or the request came from another site", body = crate::api::openapi::ErrorBody),
    ),
    security(("session" = []))
)]
pub(crate) async fn sign_out(
    State(state): State<AppState>,
    client: Client,
    current: CurrentSession,
) -> Result<Response, AppError> {
    accounts::end_session(&state.store, &current.secret).await?;
    let cookie = session_cookie_header(&state.options.auth, client.tls, None);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

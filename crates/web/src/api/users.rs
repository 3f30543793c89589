//! `/api/v1/users`: the users of the organisation the caller acts for, and their roles. A
//! member sees its organisation's users; any other user does not exist for it (404). Adding
//! users, changing roles and disabling accounts need the organisation's administrator (403
//! otherwise). `{user}` is an e-mail address or an id; `{organisation}` a code or an id.
//! Passwords are checked by the core's policy, hashed with Argon2id by the store, and never
//! logged (the request type's `Debug` hides them) nor written to the audit trail.

use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::{IfMatch, etag};
use crate::api::me::MembershipDoc;
use crate::api::pagination::{Page, Pagination};
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use handover_core::actor::Role;
use handover_core::ids::UserId;
use handover_store::accounts::{self, User};
use handover_store::orgs;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A user as others see it (never with a password).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct UserDoc {
    pub id: UserId,
    pub email: String,
    pub name: String,
    /// A disabled account cannot sign in, and its sessions and tokens no longer work.
    pub disabled: bool,
    /// Every organisation the user belongs to, with the role there.
    pub memberships: Vec<MembershipDoc>,
    pub version: i64,
}

impl From<&User> for UserDoc {
    fn from(u: &User) -> Self {
        Self {
            id: u.id,
            email: u.email.clone(),
            name: u.name.clone(),
            disabled: u.disabled,
            memberships: u.memberships.iter().map(MembershipDoc::of).collect(),
            version: u.version,
        }
    }
}

/// A new user in the organisation the caller administers.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    /// At least 10 characters.
    pub password: String,
    /// The role in the caller's organisation.
    pub role: Role,
}

impl std::fmt::Debug for NewUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUser")
            .field("email", &self.email)
            .field("name", &self.name)
            .field("password", &"***")
            .field("role", &self.role)
            .finish()
    }
}

impl RequestBody for NewUser {
    const FIELDS: &'static [&'static str] = &["email", "name", "password", "role"];
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "created_at",
        "updated_at",
        "disabled",
        "memberships",
    ];
}

/// A change to a user: for now, disabling or enabling the account.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserChange {
    /// `true` disables the account (its sessions and tokens stop working at once).
    pub disabled: bool,
}

impl RequestBody for UserChange {
    const FIELDS: &'static [&'static str] = &["disabled"];
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "created_at",
        "updated_at",
        "email",
        "memberships",
    ];
}

/// A user's role in an organisation.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MembershipChange {
    pub role: Role,
}

impl RequestBody for MembershipChange {
    const FIELDS: &'static [&'static str] = &["role"];
}

/// A path's parameters, or 400 naming what is wrong.
fn path_of<T: DeserializeOwned + Send>(
    path: Result<Path<T>, PathRejection>,
) -> Result<T, AppError> {
    path.map(|Path(p)| p)
        .map_err(|e| AppError::new(StatusCode::BAD_REQUEST, "invalid_path", e.body_text()))
}

/// A user with its version as `ETag`.
fn user_response(status: StatusCode, user: &User) -> Response {
    (status, [etag(user.version)], Json(UserDoc::from(user))).into_response()
}

/// `GET /api/v1/users`: the users of the caller's organisation, by e-mail address.
#[utoipa::path(
    get,
    path = "/api/v1/users",
    tag = "accounts",
    params(("page" = Option<u32>, Query, description = "Page number, from 1"), ("per_page" = Option<u32>, Query, description = "Items per page, 1–200 (50)")),
    responses(
        (status = 200, description = "The users of the caller's organisation", body = Page<UserDoc>),
        (status = 400, description = "A bad query parameter", body = crate::api::openapi::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::api::openapi::ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub(crate) async fn list_users(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    pagination: Pagination,
) -> Result<Json<Page<UserDoc>>, AppError> {
    let all = accounts::list_users(&state.store, &actor).await?;
    let page = pagination.page(all);
    Ok(Json(
        page.try_map(|u| Ok::<_, AppError>(UserDoc::from(&u)))?,
    ))
}

/// `POST /api/v1/users`: an administrator adds a user to its organisation.
#[utoipa::path(
    post,
    path = "/api/v1/users",
    tag = "accounts",
    request_body = NewUser,
    responses(
        (status = 201, description = "The new user", body = UserDoc, headers(("ETag" = String, description = "The user's version"), ("Location" = String, description = "The user's URL"))),
        (status = 401, description = "Not signed in", body = crate::api::openapi::ErrorBody),
        (status = 403, description = "Not the organisation's administrator", body = crate::api::openapi::ErrorBody),
        (status = 409, description = "The e-mail address is already used", body = crate::api::openapi::ErrorBody),
        (status = 422, description = "A bad body: each problem with its field", body = crate::api::openapi::ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub(crate) async fn add_user(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    JsonBody(body): JsonBody<NewUser>,
) -> Result<Response, AppError> {
    let Some(org) = actor.org() else {
        return Err(AppError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "not allowed: adding a user needs an organisation's administrator",
        ));
    };
    let user = accounts::add_user(
        &state.store,
        &actor,
        &body.email,
        &body.name,
        &body.password,
        Some((org, body.role)),
    )
    .await?;
    let mut response = user_response(StatusCode::CREATED, &user);
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/users/{}", user.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// `GET /api/v1/users/{user}`: one user of the caller's organisation.
#[utoipa::path(
    get,
    path = "/api/v1/users/{user}",
    tag = "accounts",
    params(("user" = String, Path, description = "The user's e-mail address or id")),
    responses(
        (status = 200, description = "The user", body = UserDoc, headers(("ETag" = String, description = "The user's version"))),
        (status = 401, description = "Not signed in", body = crate::api::openapi::ErrorBody),
        (status = 404, description = "No such user in the caller's organisation", body = crate::api::openapi::ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub(crate) async fn show_user(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let user = path_of(path)?;
    let user = accounts::find_user(&state.store, &actor, &user).await?;
    Ok(user_response(StatusCode::OK, &user))
}

/// `PATCH /api/v1/users/{user}`: disables or enables an account (the administrator of every
/// organisation the user belongs to). Needs `If-Match` with the user's version.
#[utoipa::path(
    patch,
    path = "/api/v1/users/{user}",
    tag = "accounts",
    params(
        ("user" = String, Path, description = "The user's e-mail address or id"),
        ("If-Match" = String, Header, description = "The user's version as sent in its ETag, e.g. \"2\""),
    ),
    request_body = UserChange,
    responses(
        (status = 200, description = "The user after the change", body = UserDoc, headers(("ETag" = String, description = "The user's new version"))),
        (status = 401, description = "Not signed in", body = crate::api::openapi::ErrorBody),
        (status = 403, description = "Not the administrator of every organisation the user belongs to", body = crate::api::openapi::ErrorBody),
        (status = 404, description = "No such user in the caller's organisation", body = crate::api::openapi::ErrorBody),
        (status = 412, description = "The user changed since the version in If-Match; nothing changed", body = crate::api::openapi::ErrorBody),
        (status = 422, description = "A bad body", body = crate::api::openapi::ErrorBody),
        (status = 428, description = "No If-Match", body = crate::api::openapi::ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub(crate) async fn update_user(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    path: Result<Path<String>, PathRejection>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<UserChange>,
) -> Result<Response, AppError> {
    let user = path_of(path)?;
    let after =
        accounts::set_disabled(&state.store, &actor, &user, body.disabled, Some(version)).await?;
    Ok(user_response(StatusCode::OK, &after))
}

/// `PUT /api/v1/users/{user}/memberships/{organisation}`: gives a user a role in an
/// organisation, or changes it (that organisation's administrator). The user may be anyone
/// with an account, named by e-mail address: this is how a user comes to belong to several
/// organisations.
#[utoipa::path(
    put,
    path = "/api/v1/users/{user}/memberships/{organisation}",
    tag = "accounts",
    params(
        ("user" = String, Path, description = "The user's e-mail address or id"),
        ("organisation" = String, Path, description = "The organisation's code or id"),
    ),
    request_body = MembershipChange,
    responses(
        (status = 200, description = "The user with the role", body = UserDoc),
        (status = 401, description = "Not signed in", body = crate::api::openapi::ErrorBody),
        (status = 403, description = "Not that organisation's administrator", body = crate::api::openapi::ErrorBody),
        (status = 404, description = "No such user or organisation", body = crate::api::openapi::ErrorBody),
        (status = 422, description = "A bad body", body = crate::api::openapi::ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub(crate) async fn set_membership(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    path: Result<Path<(String, String)>, PathRejection>,
    JsonBody(body): JsonBody<MembershipChange>,
) -> Result<Response, AppError> {
    let (user, org) = path_of(path)?;
    let org = orgs::find(&state.store, &actor, &org).await?;
    let after = accounts::add_membership(&state.store, &actor, &user, org.id, body.role).await?;
    Ok(user_response(StatusCode::OK, &after))
}

/// `DELETE /api/v1/users/{user}/memberships/{organisation}`: removes a user from an
/// organisation (that organisation's administrator); their tokens and sessions for it stop
/// working at once.
#[utoipa::path(
    delete,
    path = "/api/v1/users/{user}/memberships/{organisation}",
    tag = "accounts",
    params(
        ("user" = String, Path, description = "The user's e-mail address or id"),
        ("organisation" = String, Path, description = "The organisation's code or id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not signed in", body = crate::api::openapi::ErrorBody),
        (status = 403, description = "Not that organisation's administrator", body = crate::api::openapi::ErrorBody),
        (status = 404, description = "No such user in the caller's organisation, or no such organisation", body = crate::api::openapi::ErrorBody),
        (status = 422, description = "The user does not belong to that organisation", body = crate::api::openapi::ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub(crate) async fn remove_membership(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, AppError> {
    let (user, org) = path_of(path)?;
    let org = orgs::find(&state.store, &actor, &org).await?;
    // Outside the caller's organisation the user does not exist.
    let user = accounts::find_user(&state.store, &actor, &user).await?;
    accounts::remove_membership(&state.store, &actor, &user.id.to_string(), org.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

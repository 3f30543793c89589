//! `/api/v1/tokens`: the caller's own API tokens for scripts. A new token's secret is in the
//! creation answer only (the store keeps its SHA-256); revoking one takes effect at once,
//! because every request looks its token up.

use crate::AppState;
use crate::api::body::{JsonBody, RequestBody, invalid};
use crate::api::pagination::{Page, Pagination};
use crate::error::{AppError, ErrorEntry};
use crate::extract::CurrentUser;
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use handover_core::ids::OrgId;
use handover_store::accounts::{self, TokenInfo};
use serde::{Deserialize, Serialize};

/// A new token.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// What the token is for, e.g. the script that uses it (1–100 characters).
    pub name: String,
    /// The organisation it acts for (code or id): one of the caller's; by default the one the
    /// caller acts for now.
    #[serde(default)]
    pub organisation: Option<String>,
}

impl RequestBody for NewToken {
    const FIELDS: &'static [&'static str] = &["name", "organisation"];
}

/// A token as listed: never with its secret.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TokenDoc {
    pub id: String,
    pub name: String,
    /// The organisation the token acts for.
    pub organisation_id: OrgId,
    /// RFC 3339.
    pub created_at: String,
    /// When a request last used it (RFC 3339), or `null`.
    pub last_used_at: Option<String>,
    /// When it was revoked (RFC 3339), or `null` while it works.
    pub revoked_at: Option<String>,
}

impl From<TokenInfo> for TokenDoc {
    fn from(t: TokenInfo) -> Self {
        Self {
            id: t.id,
            name: t.name,
            organisation_id: t.organisation_id,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
        }
    }
}

/// A token just created, with its secret: shown this once.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CreatedToken {
    #[serde(flatten)]
    pub token: TokenDoc,
    /// Send it as `Authorization: Bearer <secret>`. It is not shown again.
    pub secret: String,
}

/// `POST /api/v1/tokens`: creates a token for the caller.
#[utoipa::path(
    post,
    path = "/api/v1/tokens",
    tag = "accounts",
    request_body = NewToken,
    responses(
        (status = 201, description = "The token, with its secret shown this once", body = CreatedToken),
        (status = 401, description = "Not signed in", body = crate::api::openapi::ErrorBody),
        (status = 403, description = "A cookie-authenticated request without the right `X-CSRF-Token`", body = crate::api::openapi::ErrorBody),
        (status = 422, description = "A bad name, or an organisation the caller does not belong to", body = crate::api::openapi::ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub(crate) async fn create_token(
    State(state): State<AppState>,
    current: CurrentUser,
    JsonBody(body): JsonBody<NewToken>,
) -> Result<Response, AppError> {
    let org = match &body.organisation {
        Some(o) => current
            .user
            .membership(o)
            .map(|m| m.organisation_id)
            .ok_or_else(|| {
                invalid(vec![ErrorEntry::field(
                    "/organisation",
                    format!("a token acts for one of your own organisations, and `{o}` is not one"),
                )])
            })?,
        None => current.actor.org().ok_or_else(|| {
            invalid(vec![ErrorEntry::field(
                "/organisation",
                "name the organisation the token acts for",
            )])
        })?,
    };
    let (info, secret) = accounts::create_token_as(
        &state.store,
        Some(&current.actor),
        &current.user,
        org,
        &body.name,
    )
    .await?;
    let mut response = (
        StatusCode::CREATED,
        Json(CreatedToken {
            token: info.into(),
            secret,
        }),
    )
        .into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// `GET /api/v1/tokens`: the caller's tokens, newest first, revoked ones included.
#[utoipa::path(
    get,
    path = "/api/v1/tokens",
    tag = "accounts",
    params(("page" = Option<u32>, Query, description = "Page number, from 1"), ("per_page" = Option<u32>, Query, description = "Items per page, 1–200 (50)")),
    responses(
        (status = 200, description = "The caller's tokens", body = Page<TokenDoc>),
        (status = 400, description = "A bad query parameter", body = crate::api::openapi::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::api::openapi::ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub(crate) async fn list_tokens(
    State(state): State<AppState>,
    current: CurrentUser,
    pagination: Pagination,
) -> Result<Json<Page<TokenDoc>>, AppError> {
    let all = accounts::list_tokens(&state.store, current.user.id).await?;
    let page = pagination.page(all);
    Ok(Json(page.try_map(|t| Ok::<_, AppError>(t.into()))?))
}

/// `DELETE /api/v1/tokens/{id}`: revokes one of the caller's tokens, at once.
#[utoipa::path(
    delete,
    path = "/api/v1/tokens/{id}",
    tag = "accounts",
    params(("id" = String, Path, description = "The token's id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "Not signed in", body = crate::api::openapi::ErrorBody),
        (status = 403, description = "A cookie-authenticated request without the right `X-CSRF-Token`", body = crate::api::openapi::ErrorBody),
        (status = 404, description = "No such active token of the caller's", body = crate::api::openapi::ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub(crate) async fn revoke_token(
    State(state): State<AppState>,
    current: CurrentUser,
    path: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, AppError> {
    let Path(id) =
        path.map_err(|e| AppError::new(StatusCode::BAD_REQUEST, "invalid_path", e.body_text()))?;
    accounts::revoke_token(&state.store, &current.actor, current.user.id, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

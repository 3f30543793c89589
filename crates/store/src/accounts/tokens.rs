//! API tokens for scripts: created and revoked by their user, bound to one of the user's
//! organisations, shown once and stored as SHA-256. Revocation takes effect at once because
//! every request looks the token up.

use super::secret::{hash_secret, new_secret};
use super::users::{User, user_from};
use crate::StoreResult;
use crate::audit;
use crate::codec::{self, now};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::Get;
use handover_core::Invalid;
use handover_core::actor::Actor;
use handover_core::audit::AuditAction;
use handover_core::ids::{OrgId, UserId};
use serde::Serialize;

/// A token as listed (never with its secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TokenInfo {
    pub id: String,
    pub name: String,
    pub organisation_id: OrgId,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

/// Creates a token for `user` acting for `org` (where they must be a member), recorded in the
/// audit trail as the user's own act. Returns the token and its secret, which is shown this
/// once.
pub async fn create_token(
    store: &Store,
    user: &User,
    org: OrgId,
    name: &str,
) -> StoreResult<(TokenInfo, String)> {
    create_token_as(store, None, user, org, name).await
}

/// Creates a token for `user` like [`create_token`], recorded as the act of `by` (the operator
/// making a token for someone) or, without it, of the user themselves.
pub async fn create_token_as(
    store: &Store,
    by: Option<&Actor>,
    user: &User,
    org: OrgId,
    name: &str,
) -> StoreResult<(TokenInfo, String)> {
    if user.disabled {
        return Err(StoreError::Forbidden("the account is disabled".into()));
    }
    if user.role_in(org).is_none() {
        return Err(Invalid::one(
            "organisation",
            "a token acts for one of your own organisations",
        )
        .into());
    }
    let name = name.trim();
    if name.is_empty() || name.len() > 100 {
        return Err(Invalid::one(
            "name",
            "give the token a name of 1 to 100 characters, e.g. what script uses it",
        )
        .into());
    }
    let secret = new_secret("hov_");
    let id = uuid::Uuid::now_v7().to_string();
    let t = now();
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    sqlx::query("INSERT INTO api_tokens (id, user_id, organisation_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(&id)
        .bind(user.id.to_string())
        .bind(org.to_string())
        .bind(name)
        .bind(hash_secret(&secret))
        .bind(&t)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("creating a token"))?;
    let info = TokenInfo {
        id: id.clone(),
        name: name.to_owned(),
        organisation_id: org,
        created_at: t,
        last_used_at: None,
        revoked_at: None,
    };
    let actor = match by {
        Some(a) => a.clone(),
        None => user
            .acting_for(org)
            .unwrap_or_else(|| Actor::operator("handover")),
    };
    audit::record(
        &mut tx,
        &actor,
        AuditAction::Create,
        "api_token",
        &id,
        None,
        None::<&()>,
        Some(&info),
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving a token"))?;
    Ok((info, secret))
}

/// A user's tokens, newest first.
pub async fn list_tokens(store: &Store, user: UserId) -> StoreResult<Vec<TokenInfo>> {
    let rows = sqlx::query(
        "SELECT * FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(user.to_string())
    .fetch_all(&store.pool)
    .await
    .map_err(StoreError::db("listing tokens"))?;
    rows.iter()
        .map(|r| {
            Ok(TokenInfo {
                id: r.text("id")?,
                name: r.text("name")?,
                organisation_id: codec::id(&r.text("organisation_id")?)?,
                created_at: r.text("created_at")?,
                last_used_at: r.opt_text("last_used_at")?,
                revoked_at: r.opt_text("revoked_at")?,
            })
        })
        .collect()
}

/// Revokes one of the user's tokens (the operator may revoke anyone's).
pub async fn revoke_token(
    store: &Store,
    actor: &Actor,
    user: UserId,
    token_id: &str,
) -> StoreResult<()> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let done = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
        .bind(now())
        .bind(token_id.trim())
        .bind(user.to_string())
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("revoking a token"))?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound(format!("active token `{token_id}`")));
    }
    audit::record(
        &mut tx,
        actor,
        AuditAction::Delete,
        "api_token",
        token_id.trim(),
        None,
        None::<&()>,
        None::<&()>,
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("revoking a token"))?;
    Ok(())
}

/// The user and actor a bearer token stands for, or `None` when it is unknown, revoked, its
/// user disabled or no longer a member of the token's organisation.
pub async fn actor_for_token(store: &Store, secret: &str) -> StoreResult<Option<(User, Actor)>> {
    let row = sqlx::query(
        "SELECT t.id AS token_id, t.organisation_id AS token_org, u.* FROM api_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled = 0",
    )
    .bind(hash_secret(secret.trim()))
    .fetch_optional(&store.pool)
    .await
    .map_err(StoreError::db("checking a token"))?;
    let Some(r) = row else { return Ok(None) };
    let org: OrgId = codec::id(&r.text("token_org")?)?;
    let user = user_from(store, &r).await?;
    let Some(actor) = user.acting_for(org) else {
        return Ok(None);
    };
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(now())
        .bind(r.text("token_id")?)
        .execute(&store.pool)
        .await
        .map_err(StoreError::db("recording a token's use"))?;
    Ok(Some((user, actor)))
}

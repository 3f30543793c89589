//! Browser sessions: the cookie holds a random secret and only its SHA-256 is stored, with the
//! organisation the user acts for, a CSRF token and an expiry. Every request looks the session
//! up, so signing out (one `UPDATE … SET revoked_at`), disabling the user or removing their
//! membership of the session's organisation takes effect at once. A sign-in always makes a new
//! session (a new secret): the session a browser held before is revoked, never reused.

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
use handover_core::ids::OrgId;
use serde::Serialize;
use time::{Duration, OffsetDateTime};

/// A valid session and who it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// A short, non-secret reference to the session (the start of its stored hash), used in
    /// the audit trail.
    pub reference: String,
    pub user: User,
    /// How the user acts in this session: as a member of its organisation.
    pub actor: Actor,
    pub organisation_id: OrgId,
    /// The token every cookie-authenticated write must send back in `X-CSRF-Token`.
    pub csrf_token: String,
    pub created_at: String,
    pub expires_at: String,
}

/// What the audit trail records of a session (never its secret).
#[derive(Serialize)]
struct Audited<'a> {
    user_id: String,
    organisation_id: OrgId,
    expires_at: &'a str,
}

impl Session {
    fn audited(&self) -> Audited<'_> {
        Audited {
            user_id: self.user.id.to_string(),
            organisation_id: self.organisation_id,
            expires_at: &self.expires_at,
        }
    }
}

/// The reference of a session from its stored hash.
fn reference(id_hash: &str) -> String {
    id_hash.chars().take(16).collect()
}

/// A refusal for an organisation the user does not belong to.
fn not_a_member(user: &User) -> StoreError {
    let own: Vec<&str> = user
        .memberships
        .iter()
        .map(|m| m.organisation_code.as_str())
        .collect();
    Invalid::one(
        "organisation",
        format!(
            "you do not belong to that organisation; yours are: {}",
            if own.is_empty() {
                "none".to_owned()
            } else {
                own.join(", ")
            }
        ),
    )
    .into()
}

/// Starts a session for `user` acting for `org` (one of their organisations), lasting
/// `lifetime`. `replaces` is the secret of the session the browser held before, which is
/// revoked. Returns the session and its secret, which goes into the cookie and is never stored.
pub async fn start_session(
    store: &Store,
    user: &User,
    org: OrgId,
    lifetime: Duration,
    replaces: Option<&str>,
) -> StoreResult<(Session, String)> {
    if user.disabled {
        return Err(StoreError::Forbidden("the account is disabled".into()));
    }
    let Some(actor) = user.acting_for(org) else {
        return Err(not_a_member(user));
    };
    let secret = new_secret("");
    let id_hash = hash_secret(&secret);
    let at = OffsetDateTime::now_utc();
    let session = Session {
        reference: reference(&id_hash),
        user: user.clone(),
        actor,
        organisation_id: org,
        csrf_token: new_secret(""),
        created_at: codec::ts(at),
        expires_at: codec::ts(at + lifetime),
    };
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    if let Some(old) = replaces {
        sqlx::query(
            "UPDATE sessions SET revoked_at = $1 WHERE id_hash = $2 AND revoked_at IS NULL",
        )
        .bind(&session.created_at)
        .bind(hash_secret(old.trim()))
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("revoking the previous session"))?;
    }
    // Housekeeping: the user's sessions that ended more than a week ago.
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND expires_at < $2")
        .bind(user.id.to_string())
        .bind(codec::ts(at - Duration::weeks(1)))
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("removing old sessions"))?;
    sqlx::query("INSERT INTO sessions (id_hash, user_id, organisation_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(&id_hash)
        .bind(user.id.to_string())
        .bind(org.to_string())
        .bind(&session.csrf_token)
        .bind(&session.created_at)
        .bind(&session.expires_at)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("starting a session"))?;
    audit::record(
        &mut tx,
        &session.actor,
        AuditAction::Create,
        "session",
        &session.reference,
        None,
        None::<&()>,
        Some(&session.audited()),
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving a session"))?;
    Ok((session, secret))
}

/// The session a cookie's secret stands for, or `None` when it is unknown, revoked, expired,
/// its user disabled or no longer a member of its organisation.
pub async fn session_for(store: &Store, secret: &str) -> StoreResult<Option<Session>> {
    let id_hash = hash_secret(secret.trim());
    let row = sqlx::query(
        "SELECT s.organisation_id AS session_org, s.csrf_token, s.created_at AS session_created, s.expires_at, u.* \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND u.disabled = 0",
    )
    .bind(&id_hash)
    .fetch_optional(&store.pool)
    .await
    .map_err(StoreError::db("checking a session"))?;
    let Some(r) = row else { return Ok(None) };
    let expires_at = r.text("expires_at")?;
    if codec::parse_ts(&expires_at)? <= OffsetDateTime::now_utc() {
        return Ok(None);
    }
    let Some(org) = r.opt_text("session_org")? else {
        return Ok(None);
    };
    let org: OrgId = codec::id(&org)?;
    let user = user_from(store, &r).await?;
    let Some(actor) = user.acting_for(org) else {
        return Ok(None);
    };
    Ok(Some(Session {
        reference: reference(&id_hash),
        user,
        actor,
        organisation_id: org,
        csrf_token: r.text("csrf_token")?,
        created_at: r.text("session_created")?,
        expires_at,
    }))
}

/// Signs out: revokes the session at once.
pub async fn end_session(store: &Store, secret: &str) -> StoreResult<()> {
    let Some(session) = session_for(store, secret).await? else {
        return Err(StoreError::NotFound("the session".into()));
    };
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE id_hash = $2 AND revoked_at IS NULL")
        .bind(now())
        .bind(hash_secret(secret.trim()))
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("ending a session"))?;
    audit::record(
        &mut tx,
        &session.actor,
        AuditAction::Delete,
        "session",
        &session.reference,
        None,
        Some(&session.audited()),
        None::<&()>,
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("ending a session"))?;
    Ok(())
}

/// Switches the organisation a session acts for (one of the user's own).
pub async fn switch_organisation(store: &Store, secret: &str, org: OrgId) -> StoreResult<Session> {
    let Some(before) = session_for(store, secret).await? else {
        return Err(StoreError::NotFound("the session".into()));
    };
    let Some(actor) = before.user.acting_for(org) else {
        return Err(not_a_member(&before.user));
    };
    let after = Session {
        actor,
        organisation_id: org,
        ..before.clone()
    };
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    sqlx::query(
        "UPDATE sessions SET organisation_id = $1 WHERE id_hash = $2 AND revoked_at IS NULL",
    )
    .bind(org.to_string())
    .bind(hash_secret(secret.trim()))
    .execute(&mut *tx)
    .await
    .map_err(StoreError::db("switching the organisation"))?;
    audit::record(
        &mut tx,
        &after.actor,
        AuditAction::Update,
        "session",
        &after.reference,
        None,
        Some(&before.audited()),
        Some(&after.audited()),
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("switching the organisation"))?;
    Ok(after)
}

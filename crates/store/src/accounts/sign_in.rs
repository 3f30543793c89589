//! Checking a sign-in: the password against its Argon2id hash, under the per-account limit kept
//! in the database (`users.failed_sign_ins`, `users.last_failed_at`). Failures count while each
//! follows the previous one by less than the window; once the count reaches the limit the
//! account is refused, even with the right password, until a window after the last failure. A
//! success resets the count. An unknown e-mail address costs the same hashing as a known one
//! and gets the same answer as a wrong password, so the answer does not tell which accounts
//! exist. The password is never logged or stored.

use super::users::{User, user_from};
use crate::StoreResult;
use crate::codec;
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::Get;
use std::sync::OnceLock;
use time::{Duration, OffsetDateTime};

/// The per-account sign-in limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccountLimit {
    /// Failures, each within `window` of the one before, after which the account is refused.
    pub max_failures: u32,
    /// How long failures are remembered, and how long a locked account stays refused.
    pub window: Duration,
}

/// What a sign-in attempt comes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInCheck {
    /// The password is right and the account may sign in.
    Accepted(User),
    /// Unknown e-mail address or wrong password (not told apart).
    BadCredentials,
    /// Too many recent failures: refused until `until`, whatever the password.
    Locked { until: OffsetDateTime },
    /// The password is right but the account is disabled.
    Disabled,
}

/// A hash to verify against when the e-mail address is unknown, so that an unknown address
/// takes as long to refuse as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| password_auth::generate_hash("not anyone's password, only a decoy"))
}

/// Verifies a password off the async threads (Argon2id is slow on purpose).
async fn verify(password: &str, hash: String) -> bool {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || password_auth::verify_password(password, &hash).is_ok())
        .await
        .unwrap_or(false)
}

/// Checks an e-mail address and password under the per-account limit, recording a failure or
/// resetting the count after a success.
pub async fn check_sign_in(
    store: &Store,
    email: &str,
    password: &str,
    limit: AccountLimit,
) -> StoreResult<SignInCheck> {
    check_sign_in_at(store, email, password, limit, OffsetDateTime::now_utc()).await
}

/// [`check_sign_in`] as if it were `at` (tests use it to step past a lock without waiting).
pub async fn check_sign_in_at(
    store: &Store,
    email: &str,
    password: &str,
    limit: AccountLimit,
    at: OffsetDateTime,
) -> StoreResult<SignInCheck> {
    let key = email.trim().to_lowercase();
    let row = sqlx::query("SELECT * FROM users WHERE email = $1")
        .bind(&key)
        .fetch_optional(&store.pool)
        .await
        .map_err(StoreError::db("checking a sign-in"))?;
    let Some(row) = row else {
        verify(password, decoy_hash().to_owned()).await;
        return Ok(SignInCheck::BadCredentials);
    };
    let id = row.text("id")?;
    let failures = row.int("failed_sign_ins")?;
    let last_failed = row
        .opt_text("last_failed_at")?
        .map(|t| codec::parse_ts(&t))
        .transpose()?;
    let recent = last_failed.filter(|t| *t + limit.window > at);
    if let Some(last) = recent
        && failures >= i64::from(limit.max_failures)
    {
        return Ok(SignInCheck::Locked {
            until: last + limit.window,
        });
    }
    if !verify(password, row.text("password_hash")?).await {
        // A failure long after the previous one starts a new count.
        let restart = recent.is_none();
        sqlx::query(
            "UPDATE users SET failed_sign_ins = CASE WHEN $1 = 1 THEN 1 ELSE failed_sign_ins + 1 END, last_failed_at = $2 WHERE id = $3",
        )
        .bind(i64::from(restart))
        .bind(codec::ts(at))
        .bind(&id)
        .execute(&store.pool)
        .await
        .map_err(StoreError::db("recording a failed sign-in"))?;
        let count = if restart { 1 } else { failures + 1 };
        if count >= i64::from(limit.max_failures) {
            tracing::warn!(
                user = %id,
                failures = count,
                "sign-in refused: the account is locked after repeated wrong passwords"
            );
        } else {
            tracing::info!(user = %id, failures = count, "sign-in refused: wrong password");
        }
        return Ok(SignInCheck::BadCredentials);
    }
    if failures != 0 || last_failed.is_some() {
        sqlx::query("UPDATE users SET failed_sign_ins = 0, last_failed_at = NULL WHERE id = $1")
            .bind(&id)
            .execute(&store.pool)
            .await
            .map_err(StoreError::db("resetting the failed sign-ins"))?;
    }
    let user = user_from(store, &row).await?;
    if user.disabled {
        tracing::info!(user = %id, "sign-in refused: the account is disabled");
        return Ok(SignInCheck::Disabled);
    }
    tracing::debug!(user = %id, "password accepted");
    Ok(SignInCheck::Accepted(user))
}

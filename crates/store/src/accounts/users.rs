//! Users and memberships. The operator manages everyone; an organisation's administrator
//! manages the memberships of its own organisation and the users who belong only to it.

use crate::StoreResult;
use crate::audit;
use crate::codec::{self, now};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::Get;
use handover_core::Invalid;
use handover_core::account::{Email, check_password};
use handover_core::actor::{Actor, Role};
use handover_core::audit::AuditAction;
use handover_core::ids::{OrgId, UserId};
use serde::Serialize;
use sqlx::any::AnyRow;

/// A user account as others see it (never with its password hash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub disabled: bool,
    pub memberships: Vec<Membership>,
    pub version: i64,
}

/// A user's role in one organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub organisation_id: OrgId,
    pub organisation_code: String,
    pub organisation_name: String,
    pub role: Role,
}

impl User {
    /// The user's role in an organisation, if a member.
    pub fn role_in(&self, org: OrgId) -> Option<Role> {
        self.memberships
            .iter()
            .find(|m| m.organisation_id == org)
            .map(|m| m.role)
    }

    /// The user's membership of an organisation named by its code or id, if a member.
    pub fn membership(&self, code_or_id: &str) -> Option<&Membership> {
        let key = code_or_id.trim().to_lowercase();
        self.memberships
            .iter()
            .find(|m| m.organisation_code == key || m.organisation_id.to_string() == key)
    }

    /// How the user acts for one of their organisations.
    pub fn acting_for(&self, org: OrgId) -> Option<Actor> {
        self.role_in(org).map(|role| Actor::Member {
            label: self.email.clone(),
            org,
            role,
        })
    }
}

/// Whether `actor` administers organisation `org`.
pub(crate) fn administers(actor: &Actor, org: OrgId) -> bool {
    match actor {
        Actor::Operator { .. } => true,
        Actor::Member { org: o, role, .. } => *o == org && *role == Role::Administrator,
        Actor::Reader { .. } => false,
    }
}

async fn memberships(store: &Store, user: &str) -> StoreResult<Vec<Membership>> {
    let rows = sqlx::query(
        "SELECT m.organisation_id, m.role, o.code, o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
         WHERE m.user_id = $1 ORDER BY o.name",
    )
    .bind(user)
    .fetch_all(&store.pool)
    .await
    .map_err(StoreError::db("reading memberships"))?;
    rows.iter()
        .map(|r| {
            Ok(Membership {
                organisation_id: codec::id(&r.text("organisation_id")?)?,
                organisation_code: r.text("code")?,
                organisation_name: r.text("name")?,
                role: codec::parsed(Role::parse(&r.text("role")?))?,
            })
        })
        .collect()
}

pub(crate) async fn user_from(store: &Store, r: &AnyRow) -> StoreResult<User> {
    let id = r.text("id")?;
    Ok(User {
        id: codec::id(&id)?,
        email: r.text("email")?,
        name: r.text("name")?,
        disabled: r.int("disabled")? != 0,
        memberships: memberships(store, &id).await?,
        version: r.int("version")?,
    })
}

/// Creates a user with a password, and optionally a first membership. The operator may create
/// anyone; an administrator creates users into its own organisation.
pub async fn add_user(
    store: &Store,
    actor: &Actor,
    email: &str,
    name: &str,
    password: &str,
    first: Option<(OrgId, Role)>,
) -> StoreResult<User> {
    let mut problems = handover_core::error::Problems::default();
    let email = problems.take("email", Email::parse(email));
    if name.trim().is_empty() {
        problems.push("name", "the name is empty");
    }
    problems.take("password", check_password(password));
    problems.into_result()?;
    let email = email.expect("checked");
    match (actor, first) {
        (Actor::Operator { .. }, _) => {}
        (Actor::Member { .. }, Some((org, _))) if administers(actor, org) => {}
        _ => return Err(StoreError::Forbidden("adding a user needs the operator, or an administrator adding them to their own organisation".into())),
    }
    // Argon2id with the crate's defaults; slow on purpose.
    let hash = password_auth::generate_hash(password);
    let id = UserId::new();
    let t = now();
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    sqlx::query("INSERT INTO users (id, email, name, password_hash, disabled, failed_sign_ins, version, created_at, updated_at) VALUES ($1, $2, $3, $4, 0, 0, 1, $5, $5)")
        .bind(id.to_string())
        .bind(email.as_str())
        .bind(name.trim())
        .bind(hash)
        .bind(&t)
        .execute(&mut *tx)
        .await
        .map_err(|e| match StoreError::db("adding a user")(e) {
            StoreError::Duplicate { .. } => StoreError::Duplicate { field: "e-mail".into(), value: email.to_string() },
            other => other,
        })?;
    if let Some((org, role)) = first {
        sqlx::query("INSERT INTO memberships (user_id, organisation_id, role, version, created_at) VALUES ($1, $2, $3, 1, $4)")
            .bind(id.to_string())
            .bind(org.to_string())
            .bind(role.as_str())
            .bind(&t)
            .execute(&mut *tx)
            .await
            .map_err(StoreError::db("adding a membership"))?;
    }
    let record = serde_json::json!({"id": id, "email": email, "name": name.trim(), "membership": first.map(|(o, r)| serde_json::json!({"organisation_id": o, "role": r}))});
    audit::record(
        &mut tx,
        actor,
        AuditAction::Create,
        "user",
        &id.to_string(),
        None,
        None::<&()>,
        Some(&record),
    )
    .await?;
    tx.commit().await.map_err(StoreError::db("saving a user"))?;
    find_user(store, &Actor::operator("handover"), &id.to_string()).await
}

/// A user by e-mail or id. Members see users of their own organisation only.
pub async fn find_user(store: &Store, actor: &Actor, email_or_id: &str) -> StoreResult<User> {
    let key = email_or_id.trim().to_lowercase();
    let row = sqlx::query("SELECT * FROM users WHERE email = $1 OR id = $1")
        .bind(&key)
        .fetch_optional(&store.pool)
        .await
        .map_err(StoreError::db("finding a user"))?
        .ok_or_else(|| StoreError::NotFound(format!("user `{email_or_id}`")))?;
    let user = user_from(store, &row).await?;
    match actor {
        Actor::Operator { .. } => Ok(user),
        Actor::Member { org, .. } if user.role_in(*org).is_some() => Ok(user),
        _ => Err(StoreError::NotFound(format!("user `{email_or_id}`"))),
    }
}

/// Users the actor may see: everyone for the operator, its organisation's members otherwise.
pub async fn list_users(store: &Store, actor: &Actor) -> StoreResult<Vec<User>> {
    let rows = match actor {
        Actor::Operator { .. } => sqlx::query("SELECT * FROM users ORDER BY email").fetch_all(&store.pool).await,
        Actor::Member { org, .. } => {
            sqlx::query("SELECT u.* FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.organisation_id = $1 ORDER BY u.email")
                .bind(org.to_string())
                .fetch_all(&store.pool)
                .await
        }
        Actor::Reader { .. } => return Ok(vec![]),
    }
    .map_err(StoreError::db("listing users"))?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.push(user_from(store, r).await?);
    }
    Ok(out)
}

/// Disables (or enables) a user; disabling revokes their sessions and tokens at once. With
/// `expected_version`, a user changed since that version is refused as stale.
pub async fn set_disabled(
    store: &Store,
    actor: &Actor,
    email_or_id: &str,
    disabled: bool,
    expected_version: Option<i64>,
) -> StoreResult<User> {
    let before = find_user(store, actor, email_or_id).await?;
    let allowed = actor.is_operator()
        || (!before.memberships.is_empty()
            && before
                .memberships
                .iter()
                .all(|m| administers(actor, m.organisation_id)));
    if !allowed {
        return Err(StoreError::Forbidden("disabling a user needs the operator or the administrator of every organisation they belong to".into()));
    }
    let t = now();
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let expected = expected_version.unwrap_or(before.version);
    let done = sqlx::query(
        "UPDATE users SET disabled = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND version = $4",
    )
    .bind(i64::from(disabled))
    .bind(&t)
    .bind(before.id.to_string())
    .bind(expected)
    .execute(&mut *tx)
    .await
    .map_err(StoreError::db("disabling a user"))?;
    if done.rows_affected() == 0 {
        let now_at = sqlx::query("SELECT version FROM users WHERE id = $1")
            .bind(before.id.to_string())
            .fetch_one(&mut *tx)
            .await
            .map_err(StoreError::db("reading a user's version"))?
            .int("version")?;
        return Err(StoreError::Stale(
            format!("user {}", before.email),
            expected,
            now_at,
        ));
    }
    if disabled {
        for sql in [
            "UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
            "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
        ] {
            sqlx::query(sql)
                .bind(&t)
                .bind(before.id.to_string())
                .execute(&mut *tx)
                .await
                .map_err(StoreError::db("revoking access"))?;
        }
    }
    let after = User {
        disabled,
        version: expected + 1,
        ..before.clone()
    };
    audit::record(
        &mut tx,
        actor,
        AuditAction::Update,
        "user",
        &before.id.to_string(),
        None,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await.map_err(StoreError::db("saving a user"))?;
    Ok(after)
}

/// Gives a user a role in an organisation (or changes it).
pub async fn add_membership(
    store: &Store,
    actor: &Actor,
    email_or_id: &str,
    org: OrgId,
    role: Role,
) -> StoreResult<User> {
    if !administers(actor, org) {
        return Err(StoreError::Forbidden(
            "managing members needs the organisation's administrator".into(),
        ));
    }
    let user = find_user(store, &Actor::operator("handover"), email_or_id).await?;
    let before = user.role_in(org);
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    sqlx::query("DELETE FROM memberships WHERE user_id = $1 AND organisation_id = $2")
        .bind(user.id.to_string())
        .bind(org.to_string())
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("changing a membership"))?;
    sqlx::query("INSERT INTO memberships (user_id, organisation_id, role, version, created_at) VALUES ($1, $2, $3, 1, $4)")
        .bind(user.id.to_string())
        .bind(org.to_string())
        .bind(role.as_str())
        .bind(now())
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("adding a membership"))?;
    let key = format!("{}:{org}", user.id);
    audit::record(
        &mut tx,
        actor,
        AuditAction::Update,
        "membership",
        &key,
        None,
        before.map(|r| serde_json::json!({"role": r})).as_ref(),
        Some(&serde_json::json!({"role": role})),
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving a membership"))?;
    find_user(store, &Actor::operator("handover"), &user.id.to_string()).await
}

/// Removes a user's membership of an organisation; their tokens for it stop working.
pub async fn remove_membership(
    store: &Store,
    actor: &Actor,
    email_or_id: &str,
    org: OrgId,
) -> StoreResult<User> {
    if !administers(actor, org) {
        return Err(StoreError::Forbidden(
            "managing members needs the organisation's administrator".into(),
        ));
    }
    let user = find_user(store, &Actor::operator("handover"), email_or_id).await?;
    let Some(before) = user.role_in(org) else {
        return Err(Invalid::one(
            "organisation",
            format!("{} is not a member of that organisation", user.email),
        )
        .into());
    };
    let t = now();
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    sqlx::query("DELETE FROM memberships WHERE user_id = $1 AND organisation_id = $2")
        .bind(user.id.to_string())
        .bind(org.to_string())
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("removing a membership"))?;
    for sql in [
        "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND organisation_id = $3 AND revoked_at IS NULL",
        "UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND organisation_id = $3 AND revoked_at IS NULL",
    ] {
        sqlx::query(sql)
            .bind(&t)
            .bind(user.id.to_string())
            .bind(org.to_string())
            .execute(&mut *tx)
            .await
            .map_err(StoreError::db("revoking access"))?;
    }
    let key = format!("{}:{org}", user.id);
    audit::record(
        &mut tx,
        actor,
        AuditAction::Delete,
        "membership",
        &key,
        None,
        Some(&serde_json::json!({"role": before})),
        None::<&()>,
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving a membership"))?;
    find_user(store, &Actor::operator("handover"), &user.id.to_string()).await
}

//! Invitations to answer a maturity round: a respondent's name and e-mail (or account), and a
//! personal single-use link — a random secret shown once, of which only the SHA-256 is stored —
//! that expires. Inviting the same person again withdraws their unused link; someone who has
//! answered is not invited again.

use super::rounds::load_one as load_round;
use super::tx::{Tx, missing};
use super::{InvitationId, PartnershipId, RoundId};
use crate::StoreResult;
use crate::accounts::hash_secret;
use crate::codec::{self, now, ts};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::{Get, row};
use handover_core::Invalid;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::UserId;
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use time::{Duration, OffsetDateTime};

/// How long a link stays valid unless told otherwise.
pub const DEFAULT_VALID_DAYS: u32 = 30;

/// An invitation (never with its secret).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Invitation {
    /// Its id.
    pub id: InvitationId,
    /// The round it invites to.
    pub round_id: RoundId,
    /// The partnership.
    pub partnership_id: PartnershipId,
    /// The respondent's name.
    pub name: String,
    /// The respondent's e-mail, if given.
    pub email: Option<String>,
    /// The respondent's account, if they have one.
    pub user_id: Option<UserId>,
    /// When the link stops working.
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    /// When it was used to answer.
    #[serde(with = "time::serde::rfc3339::option")]
    pub used_at: Option<OffsetDateTime>,
    /// When it was withdrawn.
    #[serde(with = "time::serde::rfc3339::option")]
    pub revoked_at: Option<OffsetDateTime>,
    /// Who invited, as the audit trail names actors.
    pub created_by: String,
}

/// Where a link stands.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    /// It can be used to answer.
    Open,
    /// It has been used to answer.
    Used,
    /// It was withdrawn.
    Revoked,
    /// It expired unused.
    Expired,
}

impl Invitation {
    /// Where the link stands at `at`.
    pub fn state(&self, at: OffsetDateTime) -> LinkState {
        if self.used_at.is_some() {
            LinkState::Used
        } else if self.revoked_at.is_some() {
            LinkState::Revoked
        } else if self.expires_at <= at {
            LinkState::Expired
        } else {
            LinkState::Open
        }
    }
}

/// An invitation as written.
#[derive(Clone, Debug, Default)]
pub struct InvitationInput {
    /// The respondent's name (by default their account's name).
    pub name: String,
    /// Their e-mail (by default their account's).
    pub email: Option<String>,
    /// Their account's e-mail or id, if they have one.
    pub user: Option<String>,
    /// How many days the link stays valid: 1 to 365, by default [`DEFAULT_VALID_DAYS`].
    pub valid_days: Option<u32>,
}

/// Invites a respondent to an open round. Returns the invitation and its secret, which is
/// shown this once (the link is made from it).
pub async fn invite(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    round: RoundId,
    input: InvitationInput,
) -> StoreResult<(Invitation, String)> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "inviting a respondent")
        .await?;
    let r = load_round(&mut tx, partnership, round).await?;
    if r.closed {
        return Err(Invalid::one("round", "the round is closed: reopen it to invite").into());
    }
    let mut p = Problems::default();
    let (mut name, mut email, mut user_id) = (input.name.trim().to_owned(), None, None);
    if let Some(u) = input
        .user
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        match tx
            .one(
                "SELECT id, email, name FROM users WHERE id = $1 OR lower(email) = lower($1)",
                row![u],
            )
            .await?
        {
            Some(row) => {
                user_id = Some(codec::id::<UserId>(&row.text("id")?)?);
                email = Some(row.text("email")?);
                if name.is_empty() {
                    name = row.text("name")?;
                }
            }
            None => p.push("user", format!("`{u}` is not an account")),
        }
    }
    if let Some(e) = input
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        if e.len() > 254 || !e.contains('@') || e.chars().any(char::is_whitespace) {
            p.push("email", format!("`{e}` is not an e-mail address"));
        }
        email = Some(e.to_owned());
    }
    if name.is_empty() || name.chars().count() > 200 {
        p.push("name", "give the respondent's name (up to 200 characters)");
    }
    let days = input.valid_days.unwrap_or(DEFAULT_VALID_DAYS);
    if !(1..=365).contains(&days) {
        p.push("valid_days", "a link stays valid for 1 to 365 days");
    }
    p.into_result()?;
    let id = InvitationId::new();
    let key = match &email {
        Some(e) => e.to_lowercase(),
        None => format!("invitation:{id}"),
    };
    if answered(&mut tx, round, &key).await? {
        return Err(StoreError::Duplicate {
            field: "respondent who already answered this round".into(),
            value: email.clone().unwrap_or_default(),
        });
    }
    let t = now();
    tx.exec(
        "UPDATE maturity_invitations SET revoked_at = $1 WHERE round_id = $2 AND respondent_key = $3 \
         AND used_at IS NULL AND revoked_at IS NULL",
        row![t.clone(), round.to_string(), key.clone()],
    )
    .await?;
    let secret = format!(
        "hvr_{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    let inv = Invitation {
        id,
        round_id: round,
        partnership_id: partnership,
        name,
        email,
        user_id,
        expires_at: OffsetDateTime::now_utc() + Duration::days(i64::from(days)),
        used_at: None,
        revoked_at: None,
        created_by: actor.label(),
    };
    tx.exec(
        "INSERT INTO maturity_invitations (id, partnership_id, round_id, name, email, respondent_key, user_id, \
         token_hash, expires_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        row![id.to_string(), partnership.to_string(), round.to_string(), inv.name.clone(), inv.email.clone(), key,
             user_id.map(|u| u.to_string()), hash_secret(&secret), ts(inv.expires_at), inv.created_by.clone(), t],
    )
    .await?;
    tx.audit(
        AuditAction::Create,
        "maturity_invitation",
        id,
        None::<&()>,
        Some(&inv),
    )
    .await?;
    tx.commit().await?;
    Ok((inv, secret))
}

/// Whether someone with this respondent key has answered the round.
async fn answered(tx: &mut Tx<'_>, round: RoundId, key: &str) -> StoreResult<bool> {
    Ok(tx
        .one(
            "SELECT id FROM maturity_responses WHERE round_id = $1 AND respondent_key = $2",
            row![round.to_string(), key],
        )
        .await?
        .is_some())
}

/// The invitations of a round, oldest first.
pub async fn list_invitations(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    round: RoundId,
) -> StoreResult<Vec<Invitation>> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.access(partnership).await?;
    load_round(&mut tx, partnership, round).await?;
    let rows = tx
        .all(
            "SELECT * FROM maturity_invitations WHERE round_id = $1 ORDER BY created_at, id",
            row![round.to_string()],
        )
        .await?;
    tx.commit().await?;
    rows.iter().map(from_row).collect()
}

/// Withdraws an unused link.
pub async fn revoke_invitation(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    invitation: InvitationId,
) -> StoreResult<Invitation> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "withdrawing a link")
        .await?;
    let before = tx
        .one(
            "SELECT * FROM maturity_invitations WHERE id = $1 AND partnership_id = $2",
            row![invitation.to_string(), partnership.to_string()],
        )
        .await?
        .ok_or_else(|| missing("invitation", invitation))
        .and_then(|r| from_row(&r))?;
    let at = OffsetDateTime::now_utc();
    if before.state(at) != LinkState::Open {
        return Err(Invalid::one(
            "invitation",
            "only an unused, unexpired link can be withdrawn",
        )
        .into());
    }
    tx.update_checked(
        "UPDATE maturity_invitations SET revoked_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL",
        row![ts(at), invitation.to_string()],
        "the invitation",
        1,
    )
    .await?;
    let after = Invitation {
        revoked_at: Some(at),
        ..before.clone()
    };
    tx.audit(
        AuditAction::Update,
        "maturity_invitation",
        invitation,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Reads an invitation row.
pub(super) fn from_row(r: &AnyRow) -> StoreResult<Invitation> {
    let opt_ts = |col: &str| -> StoreResult<Option<OffsetDateTime>> {
        r.opt_text(col)?.map(|t| codec::parse_ts(&t)).transpose()
    };
    Ok(Invitation {
        id: codec::id(&r.text("id")?)?,
        round_id: codec::id(&r.text("round_id")?)?,
        partnership_id: codec::id(&r.text("partnership_id")?)?,
        name: r.text("name")?,
        email: r.opt_text("email")?,
        user_id: r.opt_text("user_id")?.map(|u| codec::id(&u)).transpose()?,
        expires_at: codec::parse_ts(&r.text("expires_at")?)?,
        used_at: opt_ts("used_at")?,
        revoked_at: opt_ts("revoked_at")?,
        created_by: r.text("created_by")?,
    })
}

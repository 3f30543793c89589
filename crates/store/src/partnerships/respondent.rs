//! The invited respondent (SPEC §14): someone without an account holding a personal
//! single-use link. Redeeming the link yields a [`Respondent`], which only the answer functions
//! here accept: it can read its own questionnaire and answer it once, and nothing else. The
//! link is checked again, and used up, in the transaction that saves the answers.

use super::answers::{Answering, DimensionAnswer, Response, check_answers, save};
use super::invitations::{Invitation, LinkState, from_row};
use super::refs::{date as date_col, text};
use super::tx::Tx;
use super::{InvitationId, PartnershipId, RoundId};
use crate::StoreResult;
use crate::accounts::hash_secret;
use crate::codec::ts;
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::{Get, row};
use handover_core::actor::Actor;
use handover_core::text::Text;
use time::{Date, OffsetDateTime};

/// The holder of a valid link: who they are and which questionnaire they may answer.
#[derive(Clone)]
pub struct Respondent {
    invitation: InvitationId,
    round: RoundId,
    partnership: PartnershipId,
    name: String,
    key: String,
    partnership_name: Text,
    round_name: Text,
    assessed_on: Date,
    expires_at: OffsetDateTime,
    token_hash: String,
}

impl std::fmt::Debug for Respondent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Respondent")
            .field("invitation", &self.invitation)
            .field("round", &self.round)
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Respondent {
    /// The invitation the link belongs to.
    pub fn invitation(&self) -> InvitationId {
        self.invitation
    }
    /// The round the link answers.
    pub fn round(&self) -> RoundId {
        self.round
    }
    /// The partnership assessed.
    pub fn partnership(&self) -> PartnershipId {
        self.partnership
    }
    /// The respondent's name, as invited.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The partnership's name.
    pub fn partnership_name(&self) -> &Text {
        &self.partnership_name
    }
    /// The round's name.
    pub fn round_name(&self) -> &Text {
        &self.round_name
    }
    /// The day the round assesses.
    pub fn assessed_on(&self) -> Date {
        self.assessed_on
    }
    /// When the link stops working.
    pub fn expires_at(&self) -> OffsetDateTime {
        self.expires_at
    }
}

/// The respondent holding the link `secret`, now.
pub async fn redeem(store: &Store, secret: &str) -> StoreResult<Respondent> {
    redeem_at(store, secret, OffsetDateTime::now_utc()).await
}

/// The respondent holding the link `secret` at `at`: `NotFound` for an unknown link,
/// `Forbidden` (saying why) for one used, withdrawn or expired, or whose round is closed.
pub async fn redeem_at(store: &Store, secret: &str, at: OffsetDateTime) -> StoreResult<Respondent> {
    let nobody = link_actor(None);
    let mut tx = Tx::begin(store, &nobody).await?;
    let r = check(&mut tx, &hash_secret(secret.trim()), at).await?;
    tx.commit().await?;
    Ok(r)
}

/// Answers the respondent's own round through their link, now: all seven dimensions, in one
/// transaction that uses the link up. A link answers only its own round (`NotFound` for
/// another), and only once.
pub async fn answer(
    store: &Store,
    respondent: &Respondent,
    round: RoundId,
    answers: &[DimensionAnswer],
) -> StoreResult<Response> {
    answer_at(store, respondent, round, answers, OffsetDateTime::now_utc()).await
}

/// [`answer`] at a given time.
pub async fn answer_at(
    store: &Store,
    respondent: &Respondent,
    round: RoundId,
    answers: &[DimensionAnswer],
    at: OffsetDateTime,
) -> StoreResult<Response> {
    if round != respondent.round {
        return Err(StoreError::NotFound(format!("round `{round}`")));
    }
    let actor = link_actor(Some(respondent.invitation));
    let mut tx = Tx::begin(store, &actor).await?;
    let current = check(&mut tx, &respondent.token_hash, at).await?;
    if current.invitation != respondent.invitation {
        return Err(StoreError::NotFound("link".into()));
    }
    let answers = check_answers(answers)?;
    let used = tx
        .exec(
            "UPDATE maturity_invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL",
            row![ts(at), respondent.invitation.to_string()],
        )
        .await?;
    if used == 0 {
        return Err(refused(LinkState::Used, at));
    }
    let who = Answering {
        key: current.key.clone(),
        name: current.name.clone(),
        organisation: None,
        invitation: Some(current.invitation),
    };
    let response = save(&mut tx, current.partnership, round, who, answers, at).await?;
    tx.commit().await?;
    Ok(response)
}

/// How the respondent is named in the audit trail: `respondent:<invitation id>`. The actor is
/// used for nothing but that label.
fn link_actor(invitation: Option<InvitationId>) -> Actor {
    Actor::Reader {
        label: match invitation {
            Some(i) => format!("respondent:{i}"),
            None => "respondent".into(),
        },
    }
}

/// Looks the link up by its hash and checks it can answer at `at`.
async fn check(tx: &mut Tx<'_>, hash: &str, at: OffsetDateTime) -> StoreResult<Respondent> {
    let row = tx
        .one(
            "SELECT i.*, r.name AS round_name, r.assessed_on, r.closed, p.name AS partnership_name \
             FROM maturity_invitations i JOIN maturity_rounds r ON r.id = i.round_id \
             JOIN partnerships p ON p.id = i.partnership_id WHERE i.token_hash = $1",
            row![hash],
        )
        .await?
        .ok_or_else(|| StoreError::NotFound("link".into()))?;
    let inv: Invitation = from_row(&row)?;
    let state = inv.state(at);
    if state != LinkState::Open {
        return Err(refused(state, inv.expires_at));
    }
    if row.int("closed")? != 0 {
        return Err(StoreError::Forbidden(
            "the round this link answers is closed: it takes no more answers".into(),
        ));
    }
    Ok(Respondent {
        invitation: inv.id,
        round: inv.round_id,
        partnership: inv.partnership_id,
        name: inv.name,
        key: row.text("respondent_key")?,
        partnership_name: text(&row, "partnership_name")?,
        round_name: text(&row, "round_name")?,
        assessed_on: date_col(&row, "assessed_on")?,
        expires_at: inv.expires_at,
        token_hash: hash.to_owned(),
    })
}

/// Why a link cannot answer.
fn refused(state: LinkState, expires_at: OffsetDateTime) -> StoreError {
    StoreError::Forbidden(match state {
        LinkState::Used => "this link has already been used: each link answers once".into(),
        LinkState::Revoked => "this link was withdrawn: ask the partnership for a new one".into(),
        LinkState::Expired => format!(
            "this link expired on {}: ask the partnership for a new one",
            crate::codec::date(expires_at.date())
        ),
        LinkState::Open => "this link cannot be used".into(),
    })
}

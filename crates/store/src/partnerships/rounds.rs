//! Rounds of the partnering maturity assessment: a baseline, then follow-ups, each assessed on
//! a date, open for answers until closed. A round that has answers cannot be deleted.

use super::refs::{date as date_col, text};
use super::tx::{Tx, check_version, missing};
use super::{PartnershipId, RoundId};
use crate::StoreResult;
use crate::codec::{self, date, json, now};
use crate::connect::Store;
use crate::rows::{Get, row};
use handover_core::Invalid;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::calendar::parse_date;
use handover_core::error::Problems;
use handover_core::text::Text;
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use time::Date;

/// Whether a round is the baseline or a follow-up compared with it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundKind {
    /// The first assessment, which later rounds are compared with.
    Baseline,
    /// A later assessment.
    FollowUp,
}

impl RoundKind {
    /// Every kind, in order.
    pub const ALL: [RoundKind; 2] = [RoundKind::Baseline, RoundKind::FollowUp];

    /// The stable key.
    pub fn as_str(self) -> &'static str {
        match self {
            RoundKind::Baseline => "baseline",
            RoundKind::FollowUp => "follow_up",
        }
    }

    /// The kind with this key.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.trim() {
            "baseline" => Ok(RoundKind::Baseline),
            "follow_up" => Ok(RoundKind::FollowUp),
            other => Err(format!(
                "unknown round kind `{other}`: use baseline or follow_up"
            )),
        }
    }
}

/// A round of the maturity assessment.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Round {
    /// Its id.
    pub id: RoundId,
    /// The partnership assessed.
    pub partnership_id: PartnershipId,
    /// Its name, one text per language.
    pub name: Text,
    /// Baseline or follow-up.
    pub kind: RoundKind,
    /// The day it assesses.
    pub assessed_on: Date,
    /// Closed rounds take no more answers.
    pub closed: bool,
    /// How many respondents have answered.
    pub responses: usize,
    /// Its version.
    pub version: i64,
}

/// A round as written; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct RoundInput {
    /// Required when creating.
    pub name: Option<Text>,
    /// Required when creating.
    pub kind: Option<RoundKind>,
    /// `YYYY-MM-DD`; required when creating.
    pub assessed_on: Option<String>,
    /// Closes (or reopens) the round.
    pub closed: Option<bool>,
}

/// The rounds of a partnership, oldest first.
pub async fn list_rounds(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
) -> StoreResult<Vec<Round>> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.access(partnership).await?;
    let out = load_all(&mut tx, partnership).await?;
    tx.commit().await?;
    Ok(out)
}

/// One round of a partnership.
pub async fn get_round(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    round: RoundId,
) -> StoreResult<Round> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.access(partnership).await?;
    let r = load_one(&mut tx, partnership, round).await?;
    tx.commit().await?;
    Ok(r)
}

/// Opens a new round.
pub async fn create_round(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    input: RoundInput,
) -> StoreResult<Round> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "opening a round")
        .await?;
    let mut p = Problems::default();
    if input.kind.is_none() {
        p.push(
            "kind",
            "say whether the round is the baseline or a follow-up",
        );
    }
    if input.assessed_on.is_none() {
        p.push(
            "assessed_on",
            "give the day the round assesses (YYYY-MM-DD)",
        );
    }
    if input.name.as_ref().is_none_or(Text::is_empty) {
        p.push("name", "give the round a name in at least one language");
    }
    let base = Round {
        id: RoundId::new(),
        partnership_id: partnership,
        name: Text::default(),
        kind: RoundKind::Baseline,
        assessed_on: time::OffsetDateTime::now_utc().date(),
        closed: false,
        responses: 0,
        version: 1,
    };
    let r = apply(&base, &input, &mut p);
    p.into_result()?;
    tx.exec(
        "INSERT INTO maturity_rounds (id, partnership_id, name, kind, assessed_on, closed, version, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7)",
        row![r.id.to_string(), partnership.to_string(), json(&r.name), r.kind.as_str(), date(r.assessed_on),
             r.closed, now()],
    )
    .await?;
    tx.audit(
        AuditAction::Create,
        "maturity_round",
        r.id,
        None::<&()>,
        Some(&r),
    )
    .await?;
    tx.commit().await?;
    Ok(r)
}

/// Changes, closes or reopens a round if `expected` is still its version.
pub async fn update_round(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    round: RoundId,
    expected: i64,
    input: RoundInput,
) -> StoreResult<Round> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "changing a round")
        .await?;
    let before = load_one(&mut tx, partnership, round).await?;
    check_version("the round", expected, before.version)?;
    let mut p = Problems::default();
    let mut after = apply(&before, &input, &mut p);
    if after.name.is_empty() {
        p.push("name", "a round needs a name in at least one language");
    }
    p.into_result()?;
    if after == before {
        return Ok(before);
    }
    after.version = before.version + 1;
    tx.update_checked(
        "UPDATE maturity_rounds SET name = $1, kind = $2, assessed_on = $3, closed = $4, version = version + 1 \
         WHERE id = $5 AND version = $6",
        row![json(&after.name), after.kind.as_str(), date(after.assessed_on), after.closed, round.to_string(),
             expected],
        "the round",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Update,
        "maturity_round",
        round,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Deletes a round nobody has answered yet (its invitations go with it).
pub async fn delete_round(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    round: RoundId,
    expected: i64,
) -> StoreResult<()> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "deleting a round")
        .await?;
    let before = load_one(&mut tx, partnership, round).await?;
    check_version("the round", expected, before.version)?;
    if before.responses > 0 {
        return Err(Invalid::one(
            "round",
            format!(
                "{} respondent(s) answered this round: answers are kept, so close the round instead",
                before.responses
            ),
        )
        .into());
    }
    tx.update_checked(
        "DELETE FROM maturity_rounds WHERE id = $1 AND version = $2",
        row![round.to_string(), expected],
        "the round",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Delete,
        "maturity_round",
        round,
        Some(&before),
        None::<&()>,
    )
    .await?;
    tx.commit().await
}

fn apply(base: &Round, input: &RoundInput, p: &mut Problems) -> Round {
    let mut r = base.clone();
    r.name = input.name.clone().unwrap_or(r.name);
    r.kind = input.kind.unwrap_or(r.kind);
    if let Some(d) = &input.assessed_on {
        r.assessed_on = p
            .take("assessed_on", parse_date(d))
            .unwrap_or(r.assessed_on);
    }
    r.closed = input.closed.unwrap_or(r.closed);
    r
}

const SELECT: &str = "SELECT r.*, (SELECT COUNT(*) FROM maturity_responses x WHERE x.round_id = r.id) AS responses \
                      FROM maturity_rounds r";

/// One round of the partnership, read in the transaction.
pub(super) async fn load_one(
    tx: &mut Tx<'_>,
    partnership: PartnershipId,
    round: RoundId,
) -> StoreResult<Round> {
    let r = tx
        .one(
            &format!("{SELECT} WHERE r.id = $1 AND r.partnership_id = $2"),
            row![round.to_string(), partnership.to_string()],
        )
        .await?
        .ok_or_else(|| missing("round", round))?;
    from_row(&r)
}

/// The rounds of the partnership, oldest first, read in the transaction.
pub(super) async fn load_all(
    tx: &mut Tx<'_>,
    partnership: PartnershipId,
) -> StoreResult<Vec<Round>> {
    let rows = tx
        .all(
            &format!(
                "{SELECT} WHERE r.partnership_id = $1 ORDER BY r.assessed_on, r.created_at, r.id"
            ),
            row![partnership.to_string()],
        )
        .await?;
    rows.iter().map(from_row).collect()
}

fn from_row(r: &AnyRow) -> StoreResult<Round> {
    Ok(Round {
        id: codec::id(&r.text("id")?)?,
        partnership_id: codec::id(&r.text("partnership_id")?)?,
        name: text(r, "name")?,
        kind: codec::parsed(RoundKind::parse(&r.text("kind")?))?,
        assessed_on: date_col(r, "assessed_on")?,
        closed: r.int("closed")? != 0,
        responses: usize::try_from(r.int("responses")?).unwrap_or(0),
        version: r.int("version")?,
    })
}

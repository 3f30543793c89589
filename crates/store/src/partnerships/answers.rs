//! Answers to a maturity round: every one of the seven dimensions answered — a score from 1 to
//! 6, or "cannot judge" — with a comment, saved in one transaction. Each respondent answers a
//! round once: a respondent is known by their e-mail (a member's account or an invitation's
//! address), else by their invitation. Members of the partnership with accounts answer as
//! themselves; people without accounts answer through their link ([`super::respondent`]).

use super::refs::{OrgRef, text};
use super::rounds::load_one as load_round;
use super::tx::Tx;
use super::{InvitationId, PartnershipId, ResponseId, RoundId};
use crate::StoreResult;
use crate::codec::{self, json, ts};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::{Get, row};
use handover_core::Invalid;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::partnership::{Dimension, Score};
use handover_core::text::Text;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// One dimension's answer: a score from 1 to 6, or `None` when the respondent cannot judge,
/// and a comment.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct DimensionAnswer {
    /// The dimension.
    pub dimension: Dimension,
    /// The score, `None` for "cannot judge".
    pub score: Option<Score>,
    /// The comment, one text per language (may be empty).
    pub comment: Text,
}

/// One respondent's answers to a round.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Response {
    /// Its id.
    pub id: ResponseId,
    /// The round answered.
    pub round_id: RoundId,
    /// The respondent's name.
    pub respondent: String,
    /// The member organisation they answered for, when they answered with an account.
    pub organisation: Option<OrgRef>,
    /// The invitation answered, when there was one.
    pub invitation_id: Option<InvitationId>,
    /// When they answered.
    #[serde(with = "time::serde::rfc3339")]
    pub answered_at: OffsetDateTime,
    /// The seven answers, in the order of the dimensions.
    pub answers: Vec<DimensionAnswer>,
}

/// The longest comment kept, in characters.
const MAX_COMMENT: usize = 5000;

/// Checks that each of the seven dimensions is answered exactly once and at least one scored;
/// the answers in the order of the dimensions.
pub fn check_answers(answers: &[DimensionAnswer]) -> Result<Vec<DimensionAnswer>, Invalid> {
    let mut p = Problems::default();
    let mut out = vec![];
    for d in Dimension::ALL {
        let given: Vec<_> = answers.iter().filter(|a| a.dimension == d).collect();
        let field = format!("answers.{}", d.key());
        match given.as_slice() {
            [] => p.push(
                field,
                "answer this question: a score from 1 to 6, or say you cannot judge",
            ),
            [one] => {
                if one
                    .comment
                    .iter()
                    .any(|(_, c)| c.chars().count() > MAX_COMMENT)
                {
                    p.push(
                        field,
                        format!("a comment has at most {MAX_COMMENT} characters"),
                    );
                }
                out.push((*one).clone());
            }
            _ => p.push(field, "this question is answered more than once"),
        }
    }
    if !answers.is_empty() && answers.iter().all(|a| a.score.is_none()) {
        p.push("answers", "score at least one dimension from 1 to 6");
    }
    p.into_result()?;
    Ok(out)
}

/// Who is answering, as saved.
pub(super) struct Answering {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) organisation: Option<handover_core::ids::OrgId>,
    pub(super) invitation: Option<InvitationId>,
}

/// Saves a checked set of answers in the transaction and audits it; `Duplicate` when the
/// respondent has already answered the round.
pub(super) async fn save(
    tx: &mut Tx<'_>,
    partnership: PartnershipId,
    round: RoundId,
    who: Answering,
    answers: Vec<DimensionAnswer>,
    at: OffsetDateTime,
) -> StoreResult<Response> {
    let id = ResponseId::new();
    tx.exec(
        "INSERT INTO maturity_responses (id, partnership_id, round_id, respondent_key, respondent_name, invitation_id, \
         organisation_id, answered_by, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        row![id.to_string(), partnership.to_string(), round.to_string(), who.key.clone(), who.name.clone(),
             who.invitation.map(|i| i.to_string()), who.organisation.map(|o| o.to_string()),
             tx.actor().label(), ts(at)],
    )
    .await
    .map_err(|e| match e {
        StoreError::Duplicate { .. } => StoreError::Duplicate {
            field: "an answer to this round from".into(),
            value: who.name.clone(),
        },
        other => other,
    })?;
    let rows = answers
        .iter()
        .map(|a| {
            row![
                id.to_string(),
                round.to_string(),
                partnership.to_string(),
                a.dimension.as_str(),
                a.score.map(|s| i64::from(s.get())),
                json(&a.comment)
            ]
        })
        .collect();
    tx.insert_rows(
        "maturity_scores",
        &[
            "response_id",
            "round_id",
            "partnership_id",
            "dimension",
            "score",
            "comment",
        ],
        rows,
    )
    .await?;
    let organisation = match who.organisation {
        Some(o) => tx.org(&o.to_string()).await?,
        None => None,
    };
    let response = Response {
        id,
        round_id: round,
        respondent: who.name,
        organisation,
        invitation_id: who.invitation,
        answered_at: at,
        answers,
    };
    tx.audit(
        AuditAction::Create,
        "maturity_response",
        id,
        None::<&()>,
        Some(&response),
    )
    .await?;
    Ok(response)
}

/// A member of the partnership with an account answers an open round as themselves (a
/// reporter, editor or administrator of a member organisation), once per round. An unused
/// invitation sent to their e-mail for the round is used up by it.
pub async fn answer_as_member(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    round: RoundId,
    answers: &[DimensionAnswer],
) -> StoreResult<Response> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Report, "answering a maturity round")
        .await?;
    let Actor::Member { label, org, .. } = actor else {
        return Err(StoreError::Forbidden(
            "a maturity round is answered by people: act for a member organisation".into(),
        ));
    };
    let r = load_round(&mut tx, partnership, round).await?;
    if r.closed {
        return Err(StoreError::Forbidden(
            "the round is closed: it takes no more answers".into(),
        ));
    }
    let answers = check_answers(answers)?;
    let key = label.to_lowercase();
    let at = OffsetDateTime::now_utc();
    let invitation = tx
        .one(
            "SELECT id FROM maturity_invitations WHERE round_id = $1 AND respondent_key = $2 \
             AND used_at IS NULL AND revoked_at IS NULL",
            row![round.to_string(), key.clone()],
        )
        .await?
        .map(|r| r.text("id"))
        .transpose()?;
    if let Some(i) = &invitation {
        tx.exec(
            "UPDATE maturity_invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL",
            row![ts(at), i.clone()],
        )
        .await?;
    }
    let who = Answering {
        key,
        name: label.clone(),
        organisation: Some(*org),
        invitation: invitation.map(|i| codec::id(&i)).transpose()?,
    };
    let response = save(&mut tx, partnership, round, who, answers, at).await?;
    tx.commit().await?;
    Ok(response)
}

/// Every response to a round, in the order given, for the partnership's members.
pub async fn responses(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    round: RoundId,
) -> StoreResult<Vec<Response>> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.access(partnership).await?;
    load_round(&mut tx, partnership, round).await?;
    let heads = tx
        .all(
            "SELECT x.*, o.id AS o_id, o.code AS o_code, o.name AS o_name FROM maturity_responses x \
             LEFT JOIN organisations o ON o.id = x.organisation_id WHERE x.round_id = $1",
            row![round.to_string()],
        )
        .await?;
    let scores = tx
        .all(
            "SELECT response_id, dimension, score, comment FROM maturity_scores WHERE round_id = $1",
            row![round.to_string()],
        )
        .await?;
    tx.commit().await?;
    let mut out = vec![];
    for h in &heads {
        let id: ResponseId = codec::id(&h.text("id")?)?;
        let mut answers = vec![];
        for s in scores
            .iter()
            .filter(|s| s.text("response_id").ok() == Some(id.to_string()))
        {
            answers.push(DimensionAnswer {
                dimension: codec::parsed(Dimension::parse(&s.text("dimension")?))?,
                score: s
                    .opt_int("score")?
                    .map(|n| codec::parsed(Score::new(n).map_err(|e| e.to_string())))
                    .transpose()?,
                comment: text(s, "comment")?,
            });
        }
        answers.sort_by_key(|a| a.dimension.index());
        out.push(Response {
            id,
            round_id: round,
            respondent: h.text("respondent_name")?,
            organisation: match h.opt_text("o_id")? {
                Some(_) => Some(OrgRef::from_row(h, "o_")?),
                None => None,
            },
            invitation_id: h
                .opt_text("invitation_id")?
                .map(|i| codec::id(&i))
                .transpose()?,
            answered_at: codec::parse_ts(&h.text("answered_at")?)?,
            answers,
        });
    }
    out.sort_by_key(|r| (r.answered_at, r.id));
    Ok(out)
}

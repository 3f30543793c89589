//! The partnering readiness assessment of a partnership (seed `002_…`): for each of the six
//! questions a state, an answer and evidence, versioned one question at a time, and the summary
//! of what is missing (`readiness::summarise`).

use super::PartnershipId;
use super::refs::{keyed, text};
use super::tx::{Tx, check_version};
use crate::StoreResult;
use crate::codec::{json, now};
use crate::connect::Store;
use crate::rows::{Get, row};
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::partnership::readiness::summarise;
use handover_core::partnership::{
    ReadinessAnswer, ReadinessQuestion, ReadinessState, ReadinessSummary,
};
use handover_core::text::Text;
use serde::Serialize;

/// One question of a partnership's readiness assessment as it stands.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct ReadinessItem {
    /// The question.
    pub question: ReadinessQuestion,
    /// How far it has been addressed.
    pub state: ReadinessState,
    /// The answer, one text per language.
    pub answer: Text,
    /// The evidence, one text per language.
    pub evidence: Text,
    /// Who last changed it, as the audit trail names actors.
    pub updated_by: Option<String>,
    /// When (RFC 3339).
    pub updated_at: Option<String>,
    /// Its version: 0 while never answered.
    pub version: i64,
}

/// A partnership's readiness assessment: the six questions in the seed's order and the summary.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Readiness {
    /// The partnership.
    pub partnership_id: PartnershipId,
    /// The six questions, in order.
    pub questions: Vec<ReadinessItem>,
    /// What is met and what is missing.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub summary: ReadinessSummary,
}

/// An answer to one readiness question as written.
#[derive(Clone, Debug)]
pub struct ReadinessInput {
    /// How far the question has been addressed.
    pub state: ReadinessState,
    /// The answer.
    pub answer: Text,
    /// The evidence for it.
    pub evidence: Text,
}

/// The readiness assessment of a partnership.
pub async fn readiness(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
) -> StoreResult<Readiness> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.access(partnership).await?;
    let out = load(&mut tx, partnership).await?;
    tx.commit().await?;
    Ok(out)
}

/// Answers one question if `expected` is still its version (0 when never answered).
pub async fn set_readiness(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    question: ReadinessQuestion,
    expected: i64,
    input: ReadinessInput,
) -> StoreResult<ReadinessItem> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "answering a readiness question")
        .await?;
    let all = load(&mut tx, partnership).await?;
    let before = all
        .questions
        .into_iter()
        .find(|q| q.question == question)
        .ok_or_else(|| crate::StoreError::Corrupt("a readiness question".into()))?;
    check_version("the readiness answer", expected, before.version)?;
    let t = now();
    let after = ReadinessItem {
        question,
        state: input.state,
        answer: input.answer,
        evidence: input.evidence,
        updated_by: Some(actor.label()),
        updated_at: Some(t.clone()),
        version: before.version + 1,
    };
    if (after.state, &after.answer, &after.evidence)
        == (before.state, &before.answer, &before.evidence)
    {
        return Ok(before);
    }
    let values = row![
        after.state.as_str(),
        json(&after.answer),
        json(&after.evidence),
        actor.label(),
        t,
        partnership.to_string(),
        question.as_str()
    ];
    if before.version == 0 {
        tx.exec(
            "INSERT INTO readiness_answers (state, answer, evidence, updated_by, updated_at, partnership_id, question, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 1)",
            values,
        )
        .await?;
    } else {
        let mut values = values;
        values.extend(row![expected]);
        tx.update_checked(
            "UPDATE readiness_answers SET state = $1, answer = $2, evidence = $3, updated_by = $4, updated_at = $5, \
             version = version + 1 WHERE partnership_id = $6 AND question = $7 AND version = $8",
            values,
            "the readiness answer",
            expected,
        )
        .await?;
    }
    let entity = format!("{partnership}/{}", question.as_str());
    tx.audit(
        AuditAction::Update,
        "readiness_answer",
        entity,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

async fn load(tx: &mut Tx<'_>, partnership: PartnershipId) -> StoreResult<Readiness> {
    let rows = tx
        .all(
            "SELECT * FROM readiness_answers WHERE partnership_id = $1",
            row![partnership.to_string()],
        )
        .await?;
    let mut questions = vec![];
    for question in ReadinessQuestion::ALL {
        let mut item = ReadinessItem {
            question,
            state: ReadinessState::NotStarted,
            answer: Text::default(),
            evidence: Text::default(),
            updated_by: None,
            updated_at: None,
            version: 0,
        };
        for r in &rows {
            if r.text("question")? == question.as_str() {
                item.state = keyed(r, "state", ReadinessState::parse)?;
                item.answer = text(r, "answer")?;
                item.evidence = text(r, "evidence")?;
                item.updated_by = r.opt_text("updated_by")?;
                item.updated_at = r.opt_text("updated_at")?;
                item.version = r.int("version")?;
            }
        }
        questions.push(item);
    }
    let answers: Vec<ReadinessAnswer> = questions
        .iter()
        .filter(|q| q.version > 0)
        .map(|q| ReadinessAnswer {
            question: q.question,
            state: q.state,
            answer: q.answer.clone(),
            evidence: q.evidence.clone(),
        })
        .collect();
    Ok(Readiness {
        partnership_id: partnership,
        summary: summarise(&answers),
        questions,
    })
}

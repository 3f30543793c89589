//! The demo's assessments: readiness answers, and a baseline round (closed) and a follow-up
//! round answered through single-use links, with one link left unused.

use super::{en, tri};
use crate::StoreResult;
use crate::connect::Store;
use crate::partnerships::answers::DimensionAnswer;
use crate::partnerships::{
    InvitationInput, PartnershipId, ReadinessInput, RoundId, RoundInput, RoundKind, invitations,
    readiness, respondent, rounds,
};
use handover_core::actor::Actor;
use handover_core::partnership::{Dimension, ReadinessQuestion, ReadinessState, Score};
use handover_core::text::Text;

/// Baseline and follow-up scores per respondent, in the order of the dimensions (0: cannot
/// judge).
const BASELINE: &[(&str, [i64; 7])] = &[
    ("Respondent A (water directorate)", [4, 3, 3, 2, 3, 2, 4]),
    ("Respondent B (union)", [3, 3, 2, 2, 2, 3, 3]),
    ("Respondent C (farmers)", [3, 2, 3, 1, 2, 2, 3]),
    ("Respondent D (laboratory)", [4, 4, 3, 3, 3, 0, 4]),
    ("Respondent E (fund)", [3, 3, 4, 2, 3, 2, 3]),
];
const FOLLOW_UP: &[(&str, [i64; 7])] = &[
    ("Respondent A (water directorate)", [5, 4, 4, 3, 4, 3, 5]),
    ("Respondent B (union)", [4, 4, 3, 3, 3, 3, 4]),
    ("Respondent C (farmers)", [4, 3, 4, 3, 3, 2, 4]),
    ("Respondent E (fund)", [5, 4, 4, 4, 3, 3, 4]),
];

pub(super) async fn readiness_answers(
    store: &Store,
    op: &Actor,
    id: PartnershipId,
) -> StoreResult<()> {
    use ReadinessQuestion as Q;
    use ReadinessState as S;
    let answers = [
        (
            Q::WhoWorksTogether,
            S::Met,
            "Six bodies whose mandates meet in the river system",
            "Stakeholder map, March 2015",
        ),
        (
            Q::MandateToConvene,
            S::Met,
            "The water directorate steers; the union and the laboratory row",
            "Cabinet decision, 2015",
        ),
        (
            Q::SharedVision,
            S::InProgress,
            "A draft vision of a clean, productive river",
            "",
        ),
        (
            Q::CommonAgenda,
            S::InProgress,
            "Competing interests of farming and tourism are mapped",
            "Workshop notes",
        ),
        (Q::TrustBuildingProjects, S::NotStarted, "", ""),
        (
            Q::WillingAndAble,
            S::InProgress,
            "Leaders committed; staff incentives lacking",
            "",
        ),
    ];
    for (q, state, answer, evidence) in answers {
        readiness::set_readiness(
            store,
            op,
            id,
            q,
            0,
            ReadinessInput {
                state,
                answer: en(answer),
                evidence: en(evidence),
            },
        )
        .await?;
    }
    Ok(())
}

pub(super) async fn maturity(
    store: &Store,
    op: &Actor,
    id: PartnershipId,
) -> StoreResult<(Vec<RoundId>, Vec<(String, String)>)> {
    let mut ids = vec![];
    let mut open = vec![];
    for (name, kind, on, answers, close) in [
        (
            "Baseline",
            RoundKind::Baseline,
            "2016-08-31",
            BASELINE,
            true,
        ),
        (
            "Follow-up",
            RoundKind::FollowUp,
            "2017-09-15",
            FOLLOW_UP,
            false,
        ),
    ] {
        let r = rounds::create_round(
            store,
            op,
            id,
            RoundInput {
                name: Some(tri(
                    name,
                    if close { "Référence" } else { "Suivi" },
                    if close {
                        "خط الأساس"
                    } else {
                        "المتابعة"
                    },
                )),
                kind: Some(kind),
                assessed_on: Some(on.into()),
                closed: None,
            },
        )
        .await?;
        for (who, scores) in answers {
            let (_, secret) = invitations::invite(
                store,
                op,
                id,
                r.id,
                InvitationInput {
                    name: (*who).into(),
                    ..Default::default()
                },
            )
            .await?;
            let holder = respondent::redeem(store, &secret).await?;
            respondent::answer(store, &holder, r.id, &answers_of(scores)).await?;
        }
        if close {
            rounds::update_round(
                store,
                op,
                id,
                r.id,
                r.version,
                RoundInput {
                    closed: Some(true),
                    ..Default::default()
                },
            )
            .await?;
        } else {
            let who = "Respondent D (laboratory)";
            let (_, secret) = invitations::invite(
                store,
                op,
                id,
                r.id,
                InvitationInput {
                    name: who.into(),
                    ..Default::default()
                },
            )
            .await?;
            open.push((who.to_owned(), secret));
        }
        ids.push(r.id);
    }
    Ok((ids, open))
}

fn answers_of(scores: &[i64; 7]) -> Vec<DimensionAnswer> {
    Dimension::ALL
        .into_iter()
        .zip(scores)
        .map(|(dimension, &n)| DimensionAnswer {
            dimension,
            score: Score::new(n).ok(),
            comment: if n == 0 {
                en("I cannot judge this")
            } else if n <= 2 {
                en("Each body still works on its own here")
            } else {
                Text::default()
            },
        })
        .collect()
}

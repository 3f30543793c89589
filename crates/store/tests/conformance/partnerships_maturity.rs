//! Maturity rounds through the store: scoring and aggregation (ties, an even number of answers,
//! a single respondent, a dimension nobody scored), bands at their edges, the change since the
//! baseline, CSV export and the portfolio; single-use links (used twice, expired, for another
//! round, withdrawn, round closed) and members answering once per round.

use super::*;
use handover_core::partnership::{Band, Dimension, Score};
use handover_store::partnerships::respondent::{self, Respondent};
use handover_store::partnerships::{
    DimensionAnswer, InvitationInput, RoundId, RoundInput, RoundKind, results_csv,
};
use time::{Duration, OffsetDateTime};

/// Seven answers from scores in the order of the dimensions (`None`: cannot judge).
fn scores(s: [Option<i64>; 7]) -> Vec<DimensionAnswer> {
    Dimension::ALL
        .into_iter()
        .zip(s)
        .map(|(dimension, n)| DimensionAnswer {
            dimension,
            score: n.map(|n| Score::new(n).unwrap()),
            comment: Text::en("A comment"),
        })
        .collect()
}

async fn round(store: &Store, w: &World, name: &str, kind: RoundKind, on: &str) -> RoundId {
    ps::rounds::create_round(
        store,
        &member(&w.union, Role::Editor),
        w.p.id,
        RoundInput {
            name: Some(Text::en(name)),
            kind: Some(kind),
            assessed_on: Some(on.into()),
            closed: None,
        },
    )
    .await
    .unwrap()
    .id
}

async fn link(store: &Store, w: &World, round: RoundId, name: &str, days: u32) -> String {
    ps::invitations::invite(
        store,
        &member(&w.union, Role::Editor),
        w.p.id,
        round,
        InvitationInput {
            name: name.into(),
            valid_days: Some(days),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .1
}

async fn answer_by_link(store: &Store, w: &World, round: RoundId, name: &str, s: [Option<i64>; 7]) {
    let secret = link(store, w, round, name, 30).await;
    let holder = respondent::redeem(store, &secret).await.unwrap();
    assert_eq!(holder.name(), name);
    respondent::answer(store, &holder, round, &scores(s))
        .await
        .unwrap();
}

pub(crate) async fn run(store: &Store, w: &World) {
    let baseline = round(store, w, "Baseline", RoundKind::Baseline, "2016-08-31").await;
    let follow_up = round(store, w, "Follow-up", RoundKind::FollowUp, "2017-09-15").await;
    links_are_single_use(store, w, baseline, follow_up).await;
    aggregation(store, w, baseline, follow_up).await;
}

async fn links_are_single_use(store: &Store, w: &World, baseline: RoundId, follow_up: RoundId) {
    let all4 = [Some(4); 7];
    // A single respondent: the baseline.
    let secret = link(store, w, baseline, "Respondent A", 30).await;
    let holder = respondent::redeem(store, &secret).await.unwrap();
    // Every dimension must be answered, and at least one scored.
    let mut six = scores(all4);
    six.pop();
    let e = respondent::answer(store, &holder, baseline, &six).await;
    assert_eq!(fields(e), ["answers.culture_attitudes_leadership"]);
    assert_eq!(
        fields(respondent::answer(store, &holder, baseline, &scores([None; 7])).await),
        ["answers"]
    );
    // A link of one round cannot answer another.
    let other = respondent::answer(store, &holder, follow_up, &scores(all4)).await;
    assert!(matches!(other, Err(StoreError::NotFound(_))), "{other:?}");
    let one = [
        Some(2),
        Some(2),
        Some(3),
        Some(1),
        Some(2),
        Some(2),
        Some(2),
    ];
    let saved = respondent::answer(store, &holder, baseline, &scores(one))
        .await
        .unwrap();
    assert_eq!(saved.answers.len(), 7);
    // Used twice: refused, whether redeemed again or answered again with the same holder.
    let again = respondent::redeem(store, &secret).await;
    assert!(
        matches!(&again, Err(StoreError::Forbidden(m)) if m.contains("already been used")),
        "{again:?}"
    );
    let again = respondent::answer(store, &holder, baseline, &scores(all4)).await;
    assert!(matches!(again, Err(StoreError::Forbidden(_))), "{again:?}");
    // An unknown link does not exist.
    let r = respondent::redeem(store, "hvr_not-a-link").await;
    assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");

    // Expired: refused at redemption, and at answering with a holder redeemed before.
    let secret = link(store, w, follow_up, "Late respondent", 1).await;
    let later = OffsetDateTime::now_utc() + Duration::days(2);
    let r = respondent::redeem_at(store, &secret, later).await;
    assert!(
        matches!(&r, Err(StoreError::Forbidden(m)) if m.contains("expired")),
        "{r:?}"
    );
    let early: Respondent = respondent::redeem(store, &secret).await.unwrap();
    let r = respondent::answer_at(store, &early, follow_up, &scores(all4), later).await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");

    // Withdrawn links and closed rounds take no answers.
    let (inv, secret) = ps::invitations::invite(
        store,
        &member(&w.union, Role::Editor),
        w.p.id,
        follow_up,
        InvitationInput {
            name: "Withdrawn".into(),
            email: Some("withdrawn@example.org".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    ps::invitations::revoke_invitation(store, &member(&w.union, Role::Editor), w.p.id, inv.id)
        .await
        .unwrap();
    assert!(matches!(
        respondent::redeem(store, &secret).await,
        Err(StoreError::Forbidden(_))
    ));
    let listed =
        ps::invitations::list_invitations(store, &member(&w.dp, Role::Viewer), w.p.id, follow_up)
            .await
            .unwrap();
    assert_eq!(listed.len(), 2);
    assert!(
        listed
            .iter()
            .all(|i| i.state(OffsetDateTime::now_utc()) != ps::LinkState::Used),
        "nothing answered the follow-up yet"
    );
    // Organisations outside the partnership cannot invite.
    let r = ps::invitations::invite(
        store,
        &member(&w.stranger, Role::Administrator),
        w.p.id,
        follow_up,
        InvitationInput {
            name: "X".into(),
            ..Default::default()
        },
    )
    .await;
    assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");

    // The audit trail names the respondent by their invitation, never by a user.
    let trail = audit::list(
        store,
        &OP(),
        &AuditFilter {
            entity_id: Some(saved.id.to_string()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(trail.len(), 1);
    assert!(
        trail[0].actor.starts_with("respondent:"),
        "{}",
        trail[0].actor
    );
}

async fn aggregation(store: &Store, w: &World, baseline: RoundId, follow_up: RoundId) {
    let n = |v: [i64; 7]| v.map(|x| if x == 0 { None } else { Some(x) });
    // Four answers to the follow-up: two through links, two by members with accounts.
    answer_by_link(
        store,
        w,
        follow_up,
        "Respondent B",
        n([3, 1, 2, 0, 4, 4, 2]),
    )
    .await;
    answer_by_link(
        store,
        w,
        follow_up,
        "Respondent C",
        n([3, 2, 3, 0, 5, 4, 2]),
    )
    .await;
    let reporter = member(&w.dp, Role::Reporter);
    ps::answer_as_member(
        store,
        &reporter,
        w.p.id,
        follow_up,
        &scores(n([5, 2, 0, 0, 0, 4, 2])),
    )
    .await
    .unwrap();
    // A member answers once per round; a viewer does not answer; outsiders see nothing.
    let twice =
        ps::answer_as_member(store, &reporter, w.p.id, follow_up, &scores([Some(3); 7])).await;
    assert!(
        matches!(twice, Err(StoreError::Duplicate { .. })),
        "{twice:?}"
    );
    let r = ps::answer_as_member(
        store,
        &member(&w.dp, Role::Viewer),
        w.p.id,
        follow_up,
        &scores([Some(3); 7]),
    )
    .await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    let r = ps::answer_as_member(
        store,
        &member(&w.stranger, Role::Editor),
        w.p.id,
        follow_up,
        &scores([Some(3); 7]),
    )
    .await;
    assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");
    ps::answer_as_member(
        store,
        &member(&w.union, Role::Editor),
        w.p.id,
        follow_up,
        &scores(n([3, 3, 0, 0, 0, 4, 2])),
    )
    .await
    .unwrap();

    let res = ps::results(store, &member(&w.dp, Role::Viewer), w.p.id, follow_up)
        .await
        .unwrap();
    assert_eq!(res.baseline.as_ref().map(|b| b.id), Some(baseline));
    assert_eq!(res.round.responses, 4);
    let d = |dim: Dimension| res.dimensions[dim.index()].clone();
    let show = |v: Option<rust_decimal::Decimal>| v.map(|x| x.to_string());
    // Ties: 3, 3, 5, 3 → median 3.0, mean 3.50, spread 3–5.
    let g = d(Dimension::GoalsAndObjectives);
    assert_eq!(
        (g.count, show(g.median), show(g.mean)),
        (4, Some("3.0".into()), Some("3.50".into()))
    );
    assert_eq!(
        (g.min.map(Score::get), g.max.map(Score::get)),
        (Some(3), Some(5))
    );
    assert_eq!(
        show(g.change),
        Some("1.0".into()),
        "3.0 less the baseline's 2.0"
    );
    // An even number of answers: 1, 2, 2, 3 → 2.0, low (edge 2).
    let r = d(Dimension::Resources);
    assert_eq!(
        (show(r.median), r.band),
        (Some("2.0".into()), Some(Band::Low))
    );
    // Two answers, 2 and 3 → 2.5: alignment seeking (edge 2.5).
    let a = d(Dimension::Activities);
    assert_eq!(
        (a.count, show(a.median), a.band),
        (2, Some("2.5".into()), Some(Band::AlignmentSeeking))
    );
    // Nobody scored communications: no result, no change, no recommendation.
    let c = d(Dimension::Communications);
    assert_eq!(
        (c.count, c.median, c.band, c.change, c.recommendation),
        (0, None, None, None, None)
    );
    // 4 and 5 → 4.5: partnering solutions (edge 4.5).
    let gov = d(Dimension::Governance);
    assert_eq!(
        (show(gov.median), gov.band),
        (Some("4.5".into()), Some(Band::PartneringSolutions))
    );
    assert!(gov.recommendation.is_some());
    // All 4 → 4.0: still alignment seeking (edge 4); the spread is nil.
    let pts = d(Dimension::ProcessesTechnologiesSystems);
    assert_eq!(
        (show(pts.median), pts.band, pts.min, pts.max),
        (
            Some("4.0".into()),
            Some(Band::AlignmentSeeking),
            pts.max,
            pts.min
        )
    );
    assert_eq!(show(pts.change), Some("2.0".into()));

    // The single respondent's baseline is its own result, with no change to show.
    let base = ps::results(store, &OP(), w.p.id, baseline).await.unwrap();
    let c = &base.dimensions[Dimension::Communications.index()];
    assert_eq!(
        (c.count, show(c.median), c.band),
        (1, Some("1.0".into()), Some(Band::Low))
    );
    assert!(base.baseline.is_none() && base.dimensions.iter().all(|d| d.change.is_none()));

    // Every round's summary for the radar, oldest first.
    let all = ps::round_summaries(store, &OP(), w.p.id).await.unwrap();
    assert_eq!(
        all.iter().map(|(r, _)| r.id).collect::<Vec<_>>(),
        [baseline, follow_up]
    );

    // CSV: a byte-order mark, the header, one row per dimension, names with commas quoted.
    let csv = ps::export_csv(store, &reporter, w.p.id, follow_up)
        .await
        .unwrap();
    assert_eq!(csv, results_csv(&res));
    assert!(csv.starts_with("\u{feff}key,dimension,count,median,min,max,mean,band,change\r\n"));
    assert_eq!(csv.lines().count(), 8);
    assert!(
        csv.contains(
            "\r\ngoals_and_objectives,Goals and objectives,4,3.0,3,5,3.50,alignment_seeking,1.0\r\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains("\r\ncommunications,Communications,0,,,,,,\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "\"Processes, technologies and systems\",4,4.0,4,4,4.00,alignment_seeking,2.0"
        ),
        "{csv}"
    );
    let r = ps::export_csv(
        store,
        &member(&w.stranger, Role::Administrator),
        w.p.id,
        follow_up,
    )
    .await;
    assert!(matches!(r, Err(StoreError::NotFound(_))));

    // The portfolio compares the latest round with answers, within the scope.
    let rows = ps::portfolio(store, &reporter).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].round.as_ref().map(|r| r.id), Some(follow_up));
    assert_eq!(
        rows[0].medians[Dimension::Governance.index()].map(|m| m.to_string()),
        Some("4.5".into())
    );
    assert!(
        ps::portfolio(store, &member(&w.stranger, Role::Administrator))
            .await
            .unwrap()
            .is_empty()
    );

    // Responses are read by members; a closed round takes no more answers; an answered round is
    // not deleted.
    let responses = ps::responses(store, &reporter, w.p.id, follow_up)
        .await
        .unwrap();
    assert_eq!(responses.len(), 4);
    assert_eq!(
        responses[2].organisation.as_ref().map(|o| o.id),
        Some(w.dp.id)
    );
    let editor = member(&w.union, Role::Editor);
    let r = ps::rounds::get_round(store, &editor, w.p.id, follow_up)
        .await
        .unwrap();
    let closed = ps::rounds::update_round(
        store,
        &editor,
        w.p.id,
        follow_up,
        r.version,
        RoundInput {
            closed: Some(true),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let r = ps::answer_as_member(
        store,
        &member(&w.dp, Role::Administrator),
        w.p.id,
        follow_up,
        &scores([Some(3); 7]),
    )
    .await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    let r = ps::rounds::delete_round(store, &editor, w.p.id, follow_up, closed.version).await;
    assert!(matches!(r, Err(StoreError::Invalid(_))), "{r:?}");
    let stale = ps::rounds::update_round(
        store,
        &editor,
        w.p.id,
        follow_up,
        closed.version - 1,
        RoundInput::default(),
    )
    .await;
    assert!(matches!(stale, Err(StoreError::Stale(..))), "{stale:?}");
}

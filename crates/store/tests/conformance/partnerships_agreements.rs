//! Agreements with exact values attached to a plan's AoC record, performance indicators and
//! their values by role, and the readiness assessment with its summary.

use super::*;
use handover_core::indicator::Measure;
use handover_core::partnership::{
    AgreementKind, EmploymentImpact, InterestServed, ReadinessQuestion, ReadinessState,
};
use handover_store::finance::aoc;

pub(crate) async fn agreements_and_indicators(store: &Store, w: &World) {
    let editor = member(&w.union, Role::Editor);
    let plan = rto_plan(store, &w.union, &w.dp, "ps-union-rto").await;
    let input = |parties: Vec<PartyInput>| AgreementInput {
        kind: Some(AgreementKind::AgreementOfCooperation),
        title: Some(Text::en("Agreement of Cooperation")),
        parties: Some(parties),
        value: Some(Some("250000.50".into())),
        currency: Some(Some("usd".into())),
        start_on: Some(Some("2027-01-01".into())),
        end_on: Some(Some("2029-12-31".into())),
        deliverables: Some(vec![Text::en("The RTO operates")]),
        plan: Some(Some("ps-union-rto".into())),
        employment: Some(Some(EmploymentImpact {
            jobs_created: 10,
            jobs_held_by_women: 4,
            jobs_in_small_local_enterprises: 6,
            quality: Text::en("Formal contracts"),
        })),
        ..Default::default()
    };
    let party = |o: &str, role| PartyInput {
        organisation: o.into(),
        role,
    };
    // A party must be a member; bad values, dates and employment figures are named.
    let bad = ps::create_agreement(
        store,
        &editor,
        w.p.id,
        AgreementInput {
            value: Some(Some("-1".into())),
            end_on: Some(Some("2026-01-01".into())),
            employment: Some(Some(EmploymentImpact {
                jobs_created: 1,
                jobs_held_by_women: 2,
                ..Default::default()
            })),
            ..input(vec![party("ps-stranger", PartnerRole::Rowing)])
        },
    )
    .await;
    assert_eq!(
        fields(bad),
        [
            "parties[0]",
            "value",
            "end_on",
            "employment.jobs_held_by_women"
        ]
    );
    let parties = vec![
        party("ps-union", PartnerRole::Steering),
        party("ps-dp", PartnerRole::Rowing),
    ];
    let a = ps::create_agreement(store, &editor, w.p.id, input(parties))
        .await
        .unwrap();
    let read = ps::get_agreement(store, &member(&w.dp, Role::Viewer), w.p.id, a.id)
        .await
        .unwrap();
    assert_eq!(read, a);
    assert_eq!(
        read.value.unwrap().to_string(),
        "250000.50",
        "exact, scale kept"
    );
    assert_eq!(read.currency.as_ref().unwrap().as_str(), "USD");
    assert_eq!(read.plan_id, Some(plan.plan.id));
    assert_eq!(
        read.employment
            .as_ref()
            .unwrap()
            .women_share()
            .unwrap()
            .to_string(),
        "40.0"
    );
    let r = ps::list_agreements(store, &member(&w.stranger, Role::Administrator), w.p.id).await;
    assert!(matches!(r, Err(StoreError::NotFound(_))));
    let stale =
        ps::update_agreement(store, &editor, w.p.id, a.id, 7, AgreementInput::default()).await;
    assert!(
        matches!(stale, Err(StoreError::Stale(_, 7, 1))),
        "{stale:?}"
    );

    // The AoC attaches to the plan's AoC record, audited on the plan.
    assert_eq!(
        ps::attach_to_plan(store, &editor, w.p.id, a.id)
            .await
            .unwrap(),
        plan.plan.id
    );
    let record = aoc::get(store, &editor, plan.plan.id).await.unwrap();
    assert_eq!(record.agreement, Some(a.id.0));
    assert_eq!(record.version, 1);
    let trail = audit::list(
        store,
        &editor,
        &AuditFilter {
            plan: Some(plan.plan.id),
            entity_id: Some(plan.plan.id.to_string()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(trail.iter().any(|e| e.entity == "aoc"));

    // Indicators: editors define them, reporters record values, viewers only read.
    let ind = indicators::create_indicator(
        store,
        &editor,
        w.p.id,
        IndicatorInput {
            code: Some("PI1".into()),
            statement: Some(Text::en("Households connected")),
            measure: Some(Measure::Unit),
            interest: Some(InterestServed::Citizens),
            baseline: Some(Some("120".into())),
            target: Some(Some("400".into())),
            agreement: Some(Some(a.id)),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let value = |v: &str| IndicatorValueInput {
        on: Some("2027-06-30".into()),
        value: Some(v.into()),
        comment: None,
    };
    let r = indicator_values::record_value(
        store,
        &member(&w.dp, Role::Viewer),
        w.p.id,
        ind.id,
        value("150"),
    )
    .await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    assert_eq!(
        fields(
            indicator_values::record_value(
                store,
                &member(&w.dp, Role::Reporter),
                w.p.id,
                ind.id,
                value("many")
            )
            .await
        ),
        ["value"]
    );
    indicator_values::record_value(
        store,
        &member(&w.dp, Role::Reporter),
        w.p.id,
        ind.id,
        value("150.5"),
    )
    .await
    .unwrap();
    let listed = indicators::list_indicators(store, &editor, w.p.id)
        .await
        .unwrap();
    assert_eq!(listed[0].values[0].value.as_text(), "150.5");
    assert_eq!(listed[0].values[0].recorded_by, "user@ps-dp");
    let r = indicators::update_indicator(
        store,
        &editor,
        w.p.id,
        ind.id,
        ind.version,
        IndicatorInput {
            measure: Some(Measure::Qualitative),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(fields(r), ["measure"]);
}

pub(crate) async fn readiness(store: &Store, w: &World) {
    let editor = member(&w.union, Role::Editor);
    let answer = |state, evidence: &str| ReadinessInput {
        state,
        answer: Text::en("An answer"),
        evidence: Text::en(evidence),
    };
    let q = ReadinessQuestion::MandateToConvene;
    let item = ps::set_readiness(
        store,
        &editor,
        w.p.id,
        q,
        0,
        answer(ReadinessState::Met, ""),
    )
    .await
    .unwrap();
    assert_eq!(item.version, 1);
    let stale = ps::set_readiness(
        store,
        &editor,
        w.p.id,
        q,
        0,
        answer(ReadinessState::Met, "x"),
    )
    .await;
    assert!(
        matches!(stale, Err(StoreError::Stale(_, 0, 1))),
        "{stale:?}"
    );
    let r = ps::set_readiness(
        store,
        &member(&w.dp, Role::Reporter),
        w.p.id,
        q,
        1,
        answer(ReadinessState::Met, "x"),
    )
    .await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    ps::set_readiness(
        store,
        &editor,
        w.p.id,
        ReadinessQuestion::SharedVision,
        0,
        answer(ReadinessState::InProgress, "Draft"),
    )
    .await
    .unwrap();
    let all = ps::readiness(store, &member(&w.dp, Role::Viewer), w.p.id)
        .await
        .unwrap();
    assert_eq!(all.questions.len(), 6);
    assert_eq!(all.summary.met, [q]);
    assert_eq!(all.summary.met_without_evidence, [q]);
    assert_eq!(all.summary.unmet.len(), 5);
    assert_eq!(all.questions[0].version, 0, "never answered");
    let r = ps::readiness(store, &member(&w.stranger, Role::Administrator), w.p.id).await;
    assert!(matches!(r, Err(StoreError::NotFound(_))));
}

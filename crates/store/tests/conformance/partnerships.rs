//! Partnerships on both backends: scopes (outside the members a partnership does not exist,
//! inside it a write the role does not allow is forbidden), stale versions refused with nothing
//! changed, the audit of every write, agreements with exact values attached to a plan's AoC,
//! indicators, readiness; maturity scoring through the store and single-use links
//! ([`maturity`]); the private stakeholder register and the RTO network ([`register`]); the demo.

use super::*;
use handover_core::partnership::PartnerRole;
use handover_store::partnerships::{
    self as ps, AgreementInput, IndicatorInput, IndicatorValueInput, MemberInput, Partnership,
    PartnershipInput, PartyInput, ReadinessInput, demo, indicator_values, indicators,
};

#[path = "partnerships_agreements.rs"]
mod agreements;
#[path = "partnerships_maturity.rs"]
mod maturity;
#[path = "partnerships_register.rs"]
mod register;

#[tokio::test]
async fn partnerships_on_both_backends() {
    for db in TestDb::both().await {
        eprintln!("-- partnerships on {}", db.label);
        let store = db.store().await;
        Box::pin(run(&store)).await;
        store.close().await;
        db.cleanup().await;
    }
}

/// The fields an `Invalid` names.
fn fields(r: Result<impl std::fmt::Debug, StoreError>) -> Vec<String> {
    match r {
        Err(StoreError::Invalid(i)) => i.0.into_iter().map(|f| f.field).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

/// The setting: a union convening a partnership with a development partner; a stranger.
pub(crate) struct World {
    pub(crate) union: Organisation,
    pub(crate) dp: Organisation,
    pub(crate) stranger: Organisation,
    pub(crate) p: Partnership,
}

async fn run(store: &Store) {
    let w = partnership_scopes(store).await;
    agreements::agreements_and_indicators(store, &w).await;
    agreements::readiness(store, &w).await;
    Box::pin(maturity::run(store, &w)).await;
    Box::pin(register::run(store, &w)).await;
    demo_loads_once(store).await;
}

async fn partnership_scopes(store: &Store) -> World {
    let union = org(
        store,
        "ps-union",
        "Union of Fictional Shores",
        "union_of_municipalities",
    )
    .await;
    let dp = org(store, "ps-dp", "A fictional partner", "development_partner").await;
    let stranger = org(store, "ps-stranger", "Fictional Elsewhere", "municipality").await;
    let editor = member(&union, Role::Editor);

    // A viewer cannot create; an editor creates a partnership its organisation convenes.
    let input = || PartnershipInput {
        code: Some("ps-river".into()),
        name: Some(Text::en("River steering committee")),
        purpose: Some(Text::en("Clean the river")),
        convening: None,
    };
    let r = ps::create(store, &member(&union, Role::Viewer), input()).await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    let r = ps::create(
        store,
        &editor,
        PartnershipInput {
            convening: Some("ps-dp".into()),
            ..input()
        },
    )
    .await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    assert_eq!(
        fields(ps::create(store, &editor, PartnershipInput::default()).await),
        ["code", "name"]
    );
    let p = ps::create(store, &editor, input()).await.unwrap();
    assert_eq!(p.convening.id, union.id);
    assert_eq!(p.members.len(), 1);
    assert_eq!(p.members[0].role, PartnerRole::Steering);
    let again = ps::create(store, &editor, input()).await;
    assert!(
        matches!(again, Err(StoreError::Duplicate { .. })),
        "{again:?}"
    );

    // Outside the members the partnership does not exist, for reading and for writing.
    let outsider = member(&stranger, Role::Administrator);
    let dp_admin = member(&dp, Role::Administrator);
    for a in [&outsider, &dp_admin] {
        assert!(matches!(
            ps::get(store, a, p.id).await,
            Err(StoreError::NotFound(_))
        ));
        assert!(matches!(
            ps::find(store, a, "ps-river").await,
            Err(StoreError::NotFound(_))
        ));
        assert!(ps::list(store, a).await.unwrap().is_empty());
        let r = ps::update(store, a, p.id, 1, PartnershipInput::default()).await;
        assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");
    }
    let m = ps::add_member(
        store,
        &editor,
        p.id,
        MemberInput {
            organisation: Some("ps-dp".into()),
            role: Some(PartnerRole::Rowing),
            joined_on: Some(Some("2016-01-01".into())),
            left_on: None,
        },
    )
    .await
    .unwrap();
    let dup = ps::add_member(
        store,
        &editor,
        p.id,
        MemberInput {
            organisation: Some("ps-dp".into()),
            role: Some(PartnerRole::Cheering),
            ..Default::default()
        },
    )
    .await;
    assert!(matches!(dup, Err(StoreError::Duplicate { .. })), "{dup:?}");
    // Now the partner sees it; its viewer may not change it.
    assert_eq!(ps::find(store, &dp_admin, "ps-river").await.unwrap(), p.id);
    assert_eq!(
        ps::list(store, &dp_admin).await.unwrap()[0].current_members,
        2
    );
    let r = ps::update(
        store,
        &member(&dp, Role::Viewer),
        p.id,
        1,
        PartnershipInput::default(),
    )
    .await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");

    // Stale versions are refused and change nothing, the audit trail included.
    let changed = ps::update(
        store,
        &dp_admin,
        p.id,
        1,
        PartnershipInput {
            name: Some(Text::en("Green River steering committee")),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(changed.version, 2);
    let trail = || async {
        audit::list(
            store,
            &OP(),
            &AuditFilter {
                entity_id: Some(p.id.to_string()),
                ..Default::default()
            },
        )
        .await
        .unwrap()
    };
    let before = trail().await;
    assert_eq!(before.len(), 2, "created and renamed");
    assert_eq!(before[0].actor, "user@ps-dp");
    assert_eq!(
        before[0].before.as_ref().unwrap()["name"]["en"],
        "River steering committee"
    );
    assert_eq!(
        before[0].after.as_ref().unwrap()["name"]["en"],
        "Green River steering committee"
    );
    let stale = ps::update(
        store,
        &editor,
        p.id,
        1,
        PartnershipInput {
            purpose: Some(Text::en("Lost edit")),
            ..Default::default()
        },
    )
    .await;
    assert!(
        matches!(stale, Err(StoreError::Stale(_, 1, 2))),
        "{stale:?}"
    );
    assert_eq!(ps::get(store, &editor, p.id).await.unwrap(), changed);
    assert_eq!(trail().await.len(), 2);
    let stale = ps::update_member(store, &editor, p.id, m.id, 0, MemberInput::default()).await;
    assert!(matches!(stale, Err(StoreError::Stale(..))), "{stale:?}");

    // The convener cannot leave; a member that left no longer sees the partnership.
    let conv = changed
        .members
        .iter()
        .find(|m| m.organisation.id == union.id)
        .unwrap();
    let r = ps::remove_member(store, &editor, p.id, conv.id, conv.version).await;
    assert!(matches!(r, Err(StoreError::Invalid(_))), "{r:?}");
    let left = ps::update_member(
        store,
        &editor,
        p.id,
        m.id,
        m.version,
        MemberInput {
            left_on: Some(Some("2020-01-01".into())),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(matches!(
        ps::get(store, &dp_admin, p.id).await,
        Err(StoreError::NotFound(_))
    ));
    let back = ps::update_member(
        store,
        &editor,
        p.id,
        m.id,
        left.version,
        MemberInput {
            left_on: Some(None),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(back.version, 3);
    let p = ps::get(store, &dp_admin, p.id).await.unwrap();
    World {
        union,
        dp,
        stranger,
        p,
    }
}

async fn demo_loads_once(store: &Store) {
    let made = demo::demo(store, &OP()).await.unwrap().expect("loaded");
    assert_eq!(made.rounds.len(), 2);
    assert_eq!(made.open_links.len(), 1);
    let results = ps::results(store, &OP(), made.partnership, made.rounds[1])
        .await
        .unwrap();
    assert_eq!(
        results.baseline.as_ref().map(|b| b.id),
        Some(made.rounds[0])
    );
    assert!(results.dimensions.iter().all(|d| d.change.is_some()));
    let holder = ps::respondent::redeem(store, &made.open_links[0].1)
        .await
        .unwrap();
    assert_eq!(holder.round(), made.rounds[1]);
    assert!(
        demo::demo(store, &OP()).await.unwrap().is_none(),
        "loads once"
    );
}

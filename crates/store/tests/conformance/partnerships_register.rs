//! An organisation's stakeholder register, invisible to every other organisation (even its
//! partners), with its involvement history; and the RTO network: member RTOs, the partners each
//! works with, communities of practice and their meetings.

use super::*;
use handover_core::partnership::{Involvement, Sector, StakeholderType};
use handover_store::partnerships::{
    CommunityInput, InvolvementInput, MeetingInput, Person, StakeholderInput, communities, network,
    stakeholders,
};

pub(crate) async fn run(store: &Store, w: &World) {
    register(store, w).await;
    network(store, w).await;
}

async fn register(store: &Store, w: &World) {
    let keeper = w.union.id;
    let editor = member(&w.union, Role::Editor);
    let dp_entry = stakeholders::create_stakeholder(
        store,
        &editor,
        keeper,
        StakeholderInput {
            organisation: Some(Some("ps-dp".into())),
            interests_for: Some(Text::en("Visible results")),
            interests_against: Some(Text::en("Slow procurement")),
            role: Some(Text::en("Funds the operator")),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        dp_entry.sector,
        Sector::PublicInternational,
        "from the directory's type"
    );
    assert_eq!(
        dp_entry.stakeholder_type,
        StakeholderType::DevelopmentPartner
    );
    let dup = stakeholders::create_stakeholder(
        store,
        &editor,
        keeper,
        StakeholderInput {
            organisation: Some(Some("ps-dp".into())),
            ..Default::default()
        },
    )
    .await;
    assert!(matches!(dup, Err(StoreError::Duplicate { .. })), "{dup:?}");
    let person = |name: &str| Person {
        name: name.into(),
        position: Some("Chair".into()),
        email: Some("chair@example.org".into()),
        phone: None,
    };
    let r = stakeholders::create_stakeholder(
        store,
        &editor,
        keeper,
        StakeholderInput {
            person: Some(Some(person("Ms Chair"))),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(fields(r), ["sector", "stakeholder_type"]);
    let r =
        stakeholders::create_stakeholder(store, &editor, keeper, StakeholderInput::default()).await;
    assert_eq!(fields(r), ["organisation", "sector", "stakeholder_type"]);
    let chair = stakeholders::create_stakeholder(
        store,
        &editor,
        keeper,
        StakeholderInput {
            person: Some(Some(person("Ms Chair"))),
            sector: Some(Sector::CivilSociety),
            stakeholder_type: Some(StakeholderType::CommunityBased),
            ..Default::default()
        },
    )
    .await
    .unwrap();

    // Invisible to every other organisation — its partners included — and to the reader.
    let reader = Actor::Reader {
        label: "reader".into(),
    };
    for other in [
        member(&w.stranger, Role::Administrator),
        member(&w.dp, Role::Administrator),
        reader,
    ] {
        let r = stakeholders::list_stakeholders(store, &other, keeper).await;
        assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");
        let r = stakeholders::get_stakeholder(store, &other, keeper, chair.id).await;
        assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");
        let r = stakeholders::update_stakeholder(
            store,
            &other,
            keeper,
            chair.id,
            1,
            StakeholderInput::default(),
        )
        .await;
        assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");
    }
    // Its own register is another one: empty.
    let dp_admin = member(&w.dp, Role::Administrator);
    assert!(
        stakeholders::list_stakeholders(store, &dp_admin, w.dp.id)
            .await
            .unwrap()
            .is_empty()
    );
    let r = stakeholders::get_stakeholder(store, &dp_admin, w.dp.id, chair.id).await;
    assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");
    // The keeper's viewers read it but do not change it.
    let viewer = member(&w.union, Role::Viewer);
    let listed = stakeholders::list_stakeholders(store, &viewer, keeper)
        .await
        .unwrap();
    assert_eq!(
        listed.iter().map(|s| s.display_name()).collect::<Vec<_>>(),
        ["A fictional partner", "Ms Chair"]
    );
    let r = stakeholders::delete_stakeholder(store, &viewer, keeper, chair.id, 1).await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");

    // Stakeholder first, partner later: the register keeps the difference and the history.
    for (involvement, since) in [
        (Involvement::Stakeholder, "2015-03-01"),
        (Involvement::Partner, "2016-02-01"),
    ] {
        ps::record_involvement(
            store,
            &editor,
            keeper,
            dp_entry.id,
            InvolvementInput {
                partnership: "ps-river".into(),
                involvement,
                since: since.into(),
                note: Text::default(),
            },
        )
        .await
        .unwrap();
    }
    let now = stakeholders::get_stakeholder(store, &viewer, keeper, dp_entry.id)
        .await
        .unwrap();
    assert_eq!(now.involvements.len(), 2);
    assert_eq!(now.involvement_in(w.p.id), Some(Involvement::Partner));
    assert_eq!(now.involvements[0].involvement, Involvement::Stakeholder);
    let r = ps::record_involvement(
        store,
        &editor,
        keeper,
        dp_entry.id,
        InvolvementInput {
            partnership: "no-such".into(),
            involvement: Involvement::Partner,
            since: "2016".into(),
            note: Text::default(),
        },
    )
    .await;
    assert_eq!(fields(r), ["since", "partnership"]);

    // Stale versions are refused; every write is audited.
    let changed = stakeholders::update_stakeholder(
        store,
        &editor,
        keeper,
        chair.id,
        1,
        StakeholderInput {
            role: Some(Text::en("Chairs the users' committee")),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(changed.version, 2);
    let r = stakeholders::update_stakeholder(
        store,
        &editor,
        keeper,
        chair.id,
        1,
        StakeholderInput::default(),
    )
    .await;
    assert!(matches!(r, Err(StoreError::Stale(_, 1, 2))), "{r:?}");
    let trail = audit::list(
        store,
        &OP(),
        &AuditFilter {
            entity_id: Some(chair.id.to_string()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(trail.len(), 2);
    assert!(
        trail
            .iter()
            .all(|e| e.entity == "stakeholder" && e.actor == "user@ps-union")
    );
}

async fn network(store: &Store, w: &World) {
    let editor = member(&w.union, Role::Editor);
    let r = network::add_network_member(store, &editor, "ps-union", None).await;
    assert!(
        matches!(r, Err(StoreError::Forbidden(_))),
        "only members of the network change it"
    );
    network::add_network_member(store, &OP(), "ps-union", Some("2018-01-01"))
        .await
        .unwrap();
    // Now the union's editors change the network.
    let joined = network::add_network_member(store, &editor, "ps-stranger", None)
        .await
        .unwrap();
    assert_eq!(joined.version, 1);
    let dup = network::add_network_member(store, &editor, "ps-stranger", None).await;
    assert!(matches!(dup, Err(StoreError::Duplicate { .. })), "{dup:?}");

    // The partners each RTO works with, among the partnerships the reader can see.
    let all = network::network_members(store, &OP()).await.unwrap();
    let union = all
        .iter()
        .find(|m| m.organisation.id == w.union.id)
        .unwrap();
    assert_eq!(union.partners.len(), 1);
    assert_eq!(union.partners[0].organisation.id, w.dp.id);
    assert!(
        union.partners[0]
            .partnerships
            .contains(&"ps-river".to_string())
    );
    let seen_by_stranger = network::network_members(store, &member(&w.stranger, Role::Viewer))
        .await
        .unwrap();
    assert!(
        seen_by_stranger.iter().all(|m| m.partners.is_empty()),
        "partnerships outside its scope stay hidden"
    );
    let dp_partners = network::partners_of(store, &member(&w.dp, Role::Viewer), w.dp.id)
        .await
        .unwrap();
    assert_eq!(dp_partners[0].organisation.id, w.union.id);

    // Communities of practice and their meetings.
    let c = communities::create_community(
        store,
        &editor,
        CommunityInput {
            name: Some(Text::en("Solid waste")),
            description: None,
            themes: Some(vec![Text::en("Sorting at source"), Text::default()]),
        },
    )
    .await
    .unwrap();
    assert_eq!(c.themes.len(), 1, "empty themes are dropped");
    let r = communities::create_community(
        store,
        &member(&w.dp, Role::Administrator),
        CommunityInput::default(),
    )
    .await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    let meeting = |head_count| MeetingInput {
        on: Some("2018-03-14".into()),
        title: Some(Text::en("Kick-off")),
        attendance: Some(vec!["ps-union".into(), "ps-stranger".into()]),
        head_count: Some(head_count),
        notes: None,
    };
    let r = communities::add_meeting(store, &editor, c.id, meeting(1)).await;
    assert_eq!(fields(r), ["head_count"]);
    let m = communities::add_meeting(store, &editor, c.id, meeting(7))
        .await
        .unwrap();
    let read = communities::get_community(store, &member(&w.dp, Role::Viewer), c.id)
        .await
        .unwrap();
    assert_eq!(read.meetings.len(), 1);
    assert_eq!(read.meetings[0], m);
    assert_eq!(read.meetings[0].attendance.len(), 2);
    let r =
        communities::update_meeting(store, &editor, c.id, m.id, 0, MeetingInput::default()).await;
    assert!(matches!(r, Err(StoreError::Stale(..))), "{r:?}");
    let r = network::remove_network_member(store, &OP(), w.stranger.id, 5).await;
    assert!(matches!(r, Err(StoreError::Stale(_, 5, 1))), "{r:?}");
    network::remove_network_member(store, &OP(), w.stranger.id, 1)
        .await
        .unwrap();
}

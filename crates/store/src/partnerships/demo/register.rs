//! The demo's stakeholder register (kept by the convener) and the RTO network with a community
//! of practice.

use super::{DEMO_CODE, ORGS, en, tri};
use crate::connect::Store;
use crate::partnerships::{
    CommunityInput, InvolvementInput, MeetingInput, StakeholderInput, communities, involvement,
    network, stakeholders,
};
use crate::{StoreResult, orgs};
use handover_core::actor::Actor;
use handover_core::partnership::Involvement;
use handover_core::text::Text;

pub(super) async fn register_and_network(store: &Store, op: &Actor) -> StoreResult<()> {
    let keeper = orgs::find(store, op, ORGS[0].0).await?.id;
    for (org, involvement, since, against) in [
        (
            ORGS[2].0,
            Involvement::Stakeholder,
            "2015-03-01",
            "Fears limits on irrigation",
        ),
        (ORGS[4].0, Involvement::Stakeholder, "2015-03-01", ""),
    ] {
        let s = stakeholders::create_stakeholder(
            store,
            op,
            keeper,
            StakeholderInput {
                organisation: Some(Some(org.into())),
                interests_for: Some(en("Cleaner water for its members")),
                interests_against: Some(en(against)),
                role: Some(en("Consulted on the river plan")),
                ..Default::default()
            },
        )
        .await?;
        involvement::record_involvement(
            store,
            op,
            keeper,
            s.id,
            InvolvementInput {
                partnership: DEMO_CODE.into(),
                involvement,
                since: since.into(),
                note: Text::default(),
            },
        )
        .await?;
        if org == ORGS[2].0 {
            involvement::record_involvement(
                store,
                op,
                keeper,
                s.id,
                InvolvementInput {
                    partnership: DEMO_CODE.into(),
                    involvement: Involvement::Partner,
                    since: "2016-02-01".into(),
                    note: en("Joined the monitoring work"),
                },
            )
            .await?;
        }
    }
    let mut present = vec![ORGS[1].0.to_owned()];
    for code in [
        ORGS[1].0,
        "union-coastal-south",
        "union-olive-north",
        "union-cedar-valley",
    ] {
        if orgs::find(store, op, code).await.is_ok()
            && network::add_network_member(store, op, code, Some("2018-01-01"))
                .await
                .is_ok()
            && code != ORGS[1].0
        {
            present.push(code.to_owned());
        }
    }
    let c = communities::create_community(
        store,
        op,
        CommunityInput {
            name: Some(tri(
                "Water and wastewater",
                "Eau et assainissement",
                "المياه والصرف الصحي",
            )),
            description: Some(en("RTOs sharing practice on water services")),
            themes: Some(vec![
                en("Treatment plant operation"),
                en("Tariffs and cost recovery"),
            ]),
        },
    )
    .await?;
    let head_count = u32::try_from(present.len() * 3).unwrap_or(u32::MAX);
    communities::add_meeting(
        store,
        op,
        c.id,
        MeetingInput {
            on: Some("2018-03-14".into()),
            title: Some(en("Kick-off: what each RTO operates")),
            attendance: Some(present),
            head_count: Some(head_count),
            notes: Some(en("Agreed to compare treatment costs")),
        },
    )
    .await?;
    Ok(())
}

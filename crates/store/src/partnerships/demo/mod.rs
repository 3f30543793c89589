//! Demo data for partnerships, CLEARLY FICTIONAL: the steering committee of the "Green River
//! Improvement Programme" (after seed `002_…`'s river-basin example), with its members, an
//! agreement, a performance indicator, readiness answers, a baseline round (closed) and a
//! follow-up round answered by respondents without accounts through their links — one link left
//! unused for trying it — a stakeholder register, and the RTO network with a community of
//! practice. The command line's `demo` calls [`demo`] as the operator.

mod assessments;
mod register;

use super::{
    AgreementInput, IndicatorInput, IndicatorValueInput, MemberInput, PartnershipId,
    PartnershipInput, PartyInput, RoundId, agreements, indicator_values, indicators, members,
    partnership,
};
use crate::connect::Store;
use crate::error::StoreError;
use crate::{StoreResult, orgs};
use assessments::{maturity, readiness_answers};
use handover_core::actor::Actor;
use handover_core::indicator::Measure;
use handover_core::org::NewOrganisation;
use handover_core::partnership::{AgreementKind, EmploymentImpact, InterestServed, PartnerRole};
use handover_core::text::{Lang, Text};
use register::register_and_network;
use serde::Serialize;

/// The demo partnership's code.
pub const DEMO_CODE: &str = "demo-green-river-sc";

/// What the demo made.
#[derive(Clone, Debug, Serialize)]
pub struct PartnershipDemo {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its code.
    pub code: String,
    /// Organisations added to the directory (the others were there already).
    pub organisations_added: usize,
    /// The baseline and follow-up rounds.
    pub rounds: Vec<RoundId>,
    /// Unused links of the follow-up round: the respondent's name and the link's secret.
    pub open_links: Vec<(String, String)>,
}

/// (code, name, type, role in the partnership)
pub(super) const ORGS: &[(&str, &str, &str, PartnerRole)] = &[
    (
        "demo-gr-water",
        "Fictional Directorate of Water Resources",
        "ministry",
        PartnerRole::Steering,
    ),
    (
        "demo-gr-union",
        "Fictional Green River Union of Municipalities",
        "union_of_municipalities",
        PartnerRole::Steering,
    ),
    (
        "demo-gr-farmers",
        "Fictional Green River Farmers' Cooperative",
        "community_based",
        PartnerRole::Rowing,
    ),
    (
        "demo-gr-lab",
        "Fictional Coastal University Water Laboratory",
        "research_or_training",
        PartnerRole::Rowing,
    ),
    (
        "demo-gr-tourism",
        "Fictional Riverside Tourism Association",
        "business_association",
        PartnerRole::Cheering,
    ),
    (
        "demo-gr-fund",
        "Fictional Clean Rivers Fund",
        "development_partner",
        PartnerRole::Cheering,
    ),
];

pub(super) fn en(s: &str) -> Text {
    Text::en(s)
}

pub(super) fn tri(e: &str, f: &str, a: &str) -> Text {
    Text::en(e).with(Lang::Fr, f).with(Lang::Ar, a)
}

/// Loads the demo partnership, or does nothing (`None`) when it is already there.
pub async fn demo(store: &Store, operator: &Actor) -> StoreResult<Option<PartnershipDemo>> {
    match partnership::find(store, operator, DEMO_CODE).await {
        Ok(_) => return Ok(None),
        Err(StoreError::NotFound(_)) => {}
        Err(e) => return Err(e),
    }
    let mut added = 0;
    for (code, name, kind, _) in ORGS {
        if orgs::find(store, operator, code).await.is_err() {
            let new = NewOrganisation::parse(code, name, kind, Some("South"), None, None)?;
            orgs::add(store, operator, new).await?;
            added += 1;
        }
    }
    let p = partnership::create(
        store,
        operator,
        PartnershipInput {
            code: Some(DEMO_CODE.into()),
            name: Some(tri(
                "Green River Improvement Programme steering committee",
                "Comité de pilotage du programme d'amélioration de la rivière Verte",
                "اللجنة التوجيهية لبرنامج تحسين النهر الأخضر",
            )),
            purpose: Some(en(
                "Bring the bodies whose mandates meet in the river system together to improve water quality, \
                 starting with the problem rather than the mandates.",
            )),
            convening: Some(ORGS[0].0.into()),
        },
    )
    .await?;
    let id = p.id;
    for (code, _, _, role) in &ORGS[1..] {
        members::add_member(
            store,
            operator,
            id,
            MemberInput {
                organisation: Some((*code).into()),
                role: Some(*role),
                joined_on: Some(Some("2015-03-01".into())),
                left_on: None,
            },
        )
        .await?;
    }
    agreement_and_indicator(store, operator, id).await?;
    readiness_answers(store, operator, id).await?;
    let (rounds, open_links) = maturity(store, operator, id).await?;
    register_and_network(store, operator).await?;
    Ok(Some(PartnershipDemo {
        partnership: id,
        code: DEMO_CODE.into(),
        organisations_added: added,
        rounds,
        open_links,
    }))
}

async fn agreement_and_indicator(store: &Store, op: &Actor, id: PartnershipId) -> StoreResult<()> {
    let employment = EmploymentImpact::new(
        120,
        42,
        75,
        en("Written contracts, social security, safety training"),
    )?;
    let a = agreements::create_agreement(
        store,
        op,
        id,
        AgreementInput {
            kind: Some(AgreementKind::MemorandumOfUnderstanding),
            title: Some(en(
                "Memorandum of understanding on wastewater treatment upgrades",
            )),
            purpose: Some(en(
                "Upgrade three treatment plants and share monitoring data",
            )),
            parties: Some(vec![
                PartyInput {
                    organisation: ORGS[0].0.into(),
                    role: PartnerRole::Steering,
                },
                PartyInput {
                    organisation: ORGS[1].0.into(),
                    role: PartnerRole::Rowing,
                },
                PartyInput {
                    organisation: ORGS[3].0.into(),
                    role: PartnerRole::Rowing,
                },
            ]),
            value: Some(Some("250000.00".into())),
            currency: Some(Some("USD".into())),
            start_on: Some(Some("2016-01-01".into())),
            end_on: Some(Some("2018-12-31".into())),
            deliverables: Some(vec![
                en("Three plants upgraded"),
                en("Quarterly shared water-quality data"),
            ]),
            plan: None,
            employment: Some(Some(employment)),
        },
    )
    .await?;
    let ind = indicators::create_indicator(
        store,
        op,
        id,
        IndicatorInput {
            code: Some("PI1".into()),
            statement: Some(en("Share of river samples meeting the discharge standard")),
            measure: Some(Measure::Percentage),
            unit: None,
            interest: Some(InterestServed::Citizens),
            baseline: Some(Some("40".into())),
            target: Some(Some("75".into())),
            agreement: Some(Some(a.id)),
        },
    )
    .await?;
    for (on, value) in [("2016-06-30", "45"), ("2017-06-30", "58")] {
        indicator_values::record_value(
            store,
            op,
            id,
            ind.id,
            IndicatorValueInput {
                on: Some(on.into()),
                value: Some(value.into()),
                comment: Some(en("Laboratory sampling, 12 points")),
            },
        )
        .await?;
    }
    Ok(())
}

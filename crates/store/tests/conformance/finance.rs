//! Finance on both backends, in the seed's setting: a Tyre RTO plan from mid-2019 to 2023 with
//! costs in pounds and dollars, Lebanon's three rates, in-house staff time, the AoC baseline
//! and the handover revision frozen and compared, spending in both currencies, totals to the
//! cent, exact decimals, scopes and roles, material cost lines and the audit of every write.

use super::*;
use handover_core::calendar::parse_date;
use handover_core::finance::conversion::{Conversion, RateDate};
use handover_core::finance::spending::spending;
use handover_core::finance::version::{VersionPurpose, compare};
use handover_core::finance::{CostCategory, RateType, Unit, totals};
use handover_core::plan::PlanStatus;
use handover_store::cycle::endorsements;
use handover_store::finance::{
    self, CostLineInput, ExpenditureInput, aoc, cost_lines, expenditures, settings, versions,
};
use handover_store::framework::framework_version;
use rust_decimal::Decimal;

#[path = "finance_lines.rs"]
mod lines;
#[path = "finance_rates.rs"]
mod rates;
#[path = "finance_totals.rs"]
mod sums;

use rates::fields;

#[tokio::test]
async fn finance_on_both_backends() {
    for db in TestDb::both().await {
        eprintln!("-- finance on {}", db.label);
        let store = db.store().await;
        Box::pin(run(&store)).await;
        store.close().await;
        db.cleanup().await;
    }
}

fn d(s: &str) -> Decimal {
    parse_decimal(s).unwrap()
}

fn usd() -> Currency {
    Currency::parse("USD").unwrap()
}

fn lbp() -> Currency {
    Currency::parse("LBP").unwrap()
}

/// A line as the budget form sends it.
#[expect(clippy::too_many_arguments, reason = "a cost line has this many parts")]
fn line(
    activity: &str,
    category: CostCategory,
    what: &str,
    unit: Unit,
    price: &str,
    currency: &str,
    funder: &str,
    quantities: &[(u16, &str)],
) -> CostLineInput {
    CostLineInput {
        activity: Some(activity.into()),
        category: Some(category),
        description: Some(Text::en(what)),
        unit: Some(unit),
        unit_price: Some(d(price)),
        currency: Some(Currency::parse(currency).unwrap()),
        funder: Some(funder.into()),
        quantities: Some(quantities.iter().map(|(q, n)| (*q, d(n))).collect()),
    }
}

/// The Tyre RTO plan from July 2019 over 18 quarters (to the end of 2023), in dollars.
async fn tyre_plan(store: &Store, owner: &Organisation, partner: &Organisation) -> PlanTree {
    let (_, mut template) = templates::get(store, &OP(), "rto-transition")
        .await
        .unwrap();
    template.quarters = 18;
    let tree = instantiate(
        &template,
        NewPlan {
            code: Code::parse("fin-tyre-rto").unwrap(),
            name: Text::en("Tyre RTO transition"),
            owner: owner.clone(),
            partners: vec![partner.clone()],
            start: MonthStart::parse("2019-07-01").unwrap(),
            currency: usd(),
            languages: vec![],
        },
    )
    .unwrap();
    plans::create(store, &OP(), &tree).await.unwrap();
    tree
}

async fn run(store: &Store) {
    let tyre = org(
        store,
        "fin-tyre",
        "Union of Tyre Municipalities",
        "union_of_municipalities",
    )
    .await;
    let dp = org(
        store,
        "fin-dp",
        "A development partner",
        "development_partner",
    )
    .await;
    let zahle = org(store, "fin-zahle", "Municipality of Zahle", "municipality").await;
    let la_admin = member(&tyre, Role::Administrator);
    let dp_editor = member(&dp, Role::Editor);
    let reporter = member(&dp, Role::Reporter);
    let viewer = member(&tyre, Role::Viewer);
    let outsider = member(&zahle, Role::Administrator);

    // An empty plan for imports (also syncs the built-in templates).
    let spare = rto_plan(store, &tyre, &dp, "fin-spare").await.plan.id;
    lines::imports(store, spare, &la_admin).await;
    rates::run(store, &dp_editor, &reporter, &viewer).await;

    let tree = tyre_plan(store, &tyre, &dp).await;
    let plan = tree.plan.id;
    let fv = async || framework_version(store, &OP(), plan).await.unwrap();
    let made = lines::budget_lines(store, plan, &la_admin, &reporter, &viewer, &outsider).await;
    let [l1, l2, l3, l4, l5, l6] = made;

    // Decimals read back exactly on both backends.
    let listed = cost_lines::list(store, &viewer, plan).await.unwrap();
    let mut expected = vec![
        l1.clone(),
        l2.clone(),
        l3.clone(),
        l4.clone(),
        l5.clone(),
        l6.clone(),
    ];
    let at = |l: &handover_core::finance::CostLine| {
        tree.activities.iter().position(|a| a.id == l.activity_id)
    };
    expected.sort_by_key(|l| (at(l), l.position));
    assert_eq!(listed, expected, "by activity order, then position");
    let l3r = listed.iter().find(|l| l.id == l3.id).unwrap();
    assert_eq!(l3r.unit_price.to_string(), "1507.50");
    assert_eq!(
        l3r.quantities.total().to_string(),
        "0.3",
        "0.1 + 0.2 is exactly 0.3"
    );
    assert_eq!(l3r.amount().to_string(), "452.250");
    let l4r = listed.iter().find(|l| l.id == l4.id).unwrap();
    assert_eq!(
        l4r.quantities.get(5).to_string(),
        "0.1234567890123456789012345678"
    );

    // Every party endorses; then settings, a frozen baseline and spending leave it endorsed...
    let v = fv().await;
    endorsements::endorse(store, &la_admin, plan, v)
        .await
        .unwrap();
    let state = endorsements::endorse(store, &dp_editor, plan, v)
        .await
        .unwrap();
    assert!(state.endorsed);
    assert_eq!(state.status, PlanStatus::InProgress);

    let s = settings::get(store, &viewer, plan).await.unwrap();
    assert_eq!((s.rate_type, s.version), (RateType::Official, 0));
    assert!(matches!(
        settings::set(store, &reporter, plan, 0, RateType::ParallelMarket).await,
        Err(StoreError::Forbidden(_))
    ));
    let s = settings::set(store, &la_admin, plan, 0, RateType::ParallelMarket)
        .await
        .unwrap();
    assert_eq!(s.version, 1);
    assert!(matches!(
        settings::set(store, &la_admin, plan, 0, RateType::Platform).await,
        Err(StoreError::Stale(..))
    ));

    let a = aoc::get(store, &viewer, plan).await.unwrap();
    assert_eq!(a.activity_id, Some(tree.activity_by_key("aoc").unwrap().id));
    assert_eq!(a.version, 0);
    let baseline = versions::freeze(
        store,
        &la_admin,
        plan,
        "AoC baseline",
        VersionPurpose::AocBaseline,
    )
    .await
    .unwrap();
    assert_eq!((baseline.number, baseline.lines.len()), (1, 6));
    assert_eq!(baseline.frozen_by, "user@fin-tyre");
    for (name, field) in [("AoC baseline", "name"), ("  ", "name")] {
        let e = versions::freeze(store, &la_admin, plan, name, VersionPurpose::Revision)
            .await
            .unwrap_err();
        assert_eq!(fields(e), [field]);
    }
    let e = versions::freeze(
        store,
        &la_admin,
        spare_empty(store, &tyre, &dp).await,
        "v1",
        VersionPurpose::Revision,
    )
    .await
    .unwrap_err();
    assert_eq!(fields(e), ["lines"]);
    let a = aoc::set(
        store,
        &la_admin,
        plan,
        1,
        finance::AocInput {
            signed_on: Some(Some("2019-09-20".into())),
            activity: None,
        },
    )
    .await
    .unwrap();
    assert_eq!((a.baseline, a.version), (Some(baseline.id), 2));
    assert_eq!(a.signed_on, Some(parse_date("2019-09-20").unwrap()));

    let paid = lines::spending(store, plan, &l2, &l6, &reporter, &viewer, &outsider).await;
    assert_eq!(
        fv().await,
        v,
        "settings, versions, the AoC and spending are not material"
    );
    assert!(
        endorsements::state(store, &viewer, plan)
            .await
            .unwrap()
            .endorsed
    );

    // ...but a new cost line clears the endorsement.
    let l7 = cost_lines::create(
        store,
        &la_admin,
        plan,
        line(
            "handover_review",
            CostCategory::ExternalExpertise,
            "Audit of the handover",
            Unit::LumpSum,
            "500",
            "USD",
            "fin-tyre",
            &[(15, "1")],
        ),
    )
    .await
    .unwrap();
    assert_eq!(fv().await, v + 1);
    let state = endorsements::state(store, &viewer, plan).await.unwrap();
    assert!(!state.endorsed);
    assert!(state.changes_awaiting_endorsement);

    // The handover revision: the partner's staff time moves to the local authority, the
    // rehabilitation works are dropped, the audit is added.
    let moved = cost_lines::update(
        store,
        &la_admin,
        plan,
        &l5.id.to_string(),
        1,
        CostLineInput {
            funder: Some("fin-tyre".into()),
            unit_price: Some(d("100")),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(moved.version, 2);
    assert!(matches!(
        cost_lines::update(
            store,
            &la_admin,
            plan,
            &l5.id.to_string(),
            1,
            CostLineInput::default()
        )
        .await,
        Err(StoreError::Stale(..))
    ));
    let works = paid
        .iter()
        .filter(|e| e.cost_line_id == l6.id)
        .collect::<Vec<_>>();
    for e in &works {
        expenditures::delete(store, &reporter, plan, &e.id.to_string(), e.version)
            .await
            .unwrap();
    }
    cost_lines::delete(store, &la_admin, plan, &l6.id.to_string(), 1)
        .await
        .unwrap();
    let revision = versions::freeze(
        store,
        &dp_editor,
        plan,
        "Handover revision",
        VersionPurpose::HandoverRevision,
    )
    .await
    .unwrap();
    let a = aoc::get(store, &viewer, plan).await.unwrap();
    assert_eq!(
        (a.baseline, a.handover_revision),
        (Some(baseline.id), Some(revision.id))
    );
    let listed_versions = versions::list(store, &viewer, plan).await.unwrap();
    assert_eq!(
        listed_versions
            .iter()
            .map(|v| (v.number, v.lines))
            .collect::<Vec<_>>(),
        [(1, 6), (2, 6)]
    );
    let v1 = versions::get(store, &viewer, plan, "1").await.unwrap();
    let v2 = versions::get(store, &viewer, plan, "Handover revision")
        .await
        .unwrap();
    assert_eq!(v1, baseline, "a version reads back exactly");
    assert_eq!(v2.id, revision.id);
    assert!(matches!(
        versions::get(store, &outsider, plan, "1").await,
        Err(StoreError::NotFound(_))
    ));

    let c = compare(&v1.lines, &v2.lines);
    assert_eq!(c.added.iter().map(|l| l.id).collect::<Vec<_>>(), [l7.id]);
    assert_eq!(c.removed.iter().map(|l| l.id).collect::<Vec<_>>(), [l6.id]);
    assert_eq!(c.changed.len(), 1);
    assert_eq!(c.changed[0].fields, ["unit_price", "funder"]);
    assert_eq!(c.unchanged, 4);
    assert_eq!(c.by_party[&dp.id].2.get(&usd()), d("-7200"));
    assert_eq!(c.by_party[&tyre.id].2.get(&usd()), d("6500"));
    assert_eq!(c.by_party[&tyre.id].2.get(&lbp()), d("-100000000"));

    sums::run(store, plan, &viewer, &la_admin, &l2, &l5).await;
}

/// A second plan without cost lines.
async fn spare_empty(
    store: &Store,
    owner: &Organisation,
    partner: &Organisation,
) -> handover_core::ids::PlanId {
    rto_plan(store, owner, partner, "fin-empty").await.plan.id
}

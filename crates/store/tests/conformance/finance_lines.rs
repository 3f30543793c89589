//! Cost lines and spending of the finance conformance run: the Tyre budget as the form sends
//! it, refusals by scope and role, problems named by field, and imports all or nothing.

use super::*;
use handover_core::finance::spending::Expenditure;
use handover_core::finance::{CostCategory, CostLine, Unit};
use handover_core::ids::PlanId;

/// Imports on a plan without lines: a bad file changes nothing, a good one adds every row
/// with one audit entry, and `replace` swaps the lines.
pub(crate) async fn imports(store: &Store, plan: PlanId, editor: &Actor) {
    let row = |a: &str, price: &str, q: &[(u16, &str)]| {
        line(
            a,
            CostCategory::Logistics,
            "Workshop",
            Unit::Event,
            price,
            "USD",
            "fin-tyre",
            q,
        )
    };
    let mut bad = vec![
        row("1", "150", &[(1, "2")]),
        row("99", "150", &[(0, "1")]),
        row("2", "-5", &[(2, "1")]),
    ];
    bad[2].funder = Some("nobody".into());
    let e = cost_lines::import(store, editor, plan, bad, false)
        .await
        .unwrap_err();
    assert_eq!(
        fields(e),
        ["1/activity", "1/quantities/Q0", "2/funder", "2/unit_price"]
    );
    let e = cost_lines::import(store, editor, plan, vec![], false)
        .await
        .unwrap_err();
    assert_eq!(fields(e), ["rows"]);
    assert!(
        cost_lines::list(store, editor, plan)
            .await
            .unwrap()
            .is_empty(),
        "nothing imported"
    );

    let good = vec![
        row("1", "150", &[(1, "2")]),
        row("1", "80.5", &[(2, "1")]),
        row("24.1", "1000", &[(3, "1")]),
    ];
    assert_eq!(
        cost_lines::import(store, editor, plan, good, false)
            .await
            .unwrap(),
        3
    );
    let listed = cost_lines::list(store, editor, plan).await.unwrap();
    assert_eq!(
        listed.iter().map(|l| l.position).collect::<Vec<_>>(),
        [1, 2, 1]
    );
    assert_eq!(listed[1].unit_price.to_string(), "80.5");
    let viewer = Actor::Reader {
        label: "public".into(),
    };
    let r = cost_lines::import(
        store,
        &viewer,
        plan,
        vec![row("1", "1", &[(1, "1")])],
        false,
    )
    .await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    let n = cost_lines::import(
        store,
        editor,
        plan,
        vec![row("3", "10", &[(4, "1")]), row("3", "20", &[(4, "1")])],
        true,
    )
    .await
    .unwrap();
    assert_eq!(n, 2);
    let listed = cost_lines::list(store, editor, plan).await.unwrap();
    assert_eq!(
        listed
            .iter()
            .map(|l| l.unit_price.to_string())
            .collect::<Vec<_>>(),
        ["10", "20"]
    );
    let trail = audit::list(
        store,
        editor,
        &AuditFilter {
            plan: Some(plan),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let imports: Vec<_> = trail.iter().filter(|e| e.entity == "cost_lines").collect();
    assert_eq!(imports.len(), 2, "one entry per import");
    assert_eq!(
        imports[0]
            .before
            .as_ref()
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        imports[0].after.as_ref().unwrap().as_array().unwrap().len(),
        2
    );
}

/// The Tyre budget's six lines, after the refusals.
pub(crate) async fn budget_lines(
    store: &Store,
    plan: PlanId,
    editor: &Actor,
    reporter: &Actor,
    viewer: &Actor,
    outsider: &Actor,
) -> [CostLine; 6] {
    use CostCategory::*;
    let inputs = [
        line(
            "aoc",
            InHouseExpertise,
            "RTO coordinator (union staff)",
            Unit::PersonMonth,
            "4500000",
            "LBP",
            "fin-tyre",
            &[(1, "3"), (2, "3"), (3, "3"), (4, "3")],
        ),
        line(
            "3",
            ExternalExpertise,
            "Legal consultant for the RTO statutes",
            Unit::PersonDay,
            "350",
            "USD",
            "fin-dp",
            &[(2, "10"), (3, "12.5")],
        ),
        line(
            "aoc",
            Logistics,
            "Signing ceremony: venue and catering",
            Unit::Event,
            "1507.50",
            "USD",
            "fin-dp",
            &[(1, "0.1"), (2, "0.2")],
        ),
        line(
            "1",
            Logistics,
            "Stationery",
            Unit::LumpSum,
            "1",
            "LBP",
            "fin-tyre",
            &[(5, "0.1234567890123456789012345678")],
        ),
        line(
            "handover_review",
            InHouseExpertise,
            "Partner staff time on the handover review",
            Unit::PersonDay,
            "120",
            "USD",
            "fin-dp",
            &[(14, "20"), (15, "20"), (16, "20")],
        ),
        line(
            "1",
            Logistics,
            "Rehabilitation of the RTO office",
            Unit::SquareMetre,
            "2500000",
            "LBP",
            "fin-tyre",
            &[(10, "40")],
        ),
    ];
    for who in [reporter, viewer] {
        let r = cost_lines::create(store, who, plan, inputs[0].clone()).await;
        assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    }
    let r = cost_lines::create(store, outsider, plan, inputs[0].clone()).await;
    assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");
    assert!(matches!(
        cost_lines::list(store, outsider, plan).await,
        Err(StoreError::NotFound(_))
    ));
    let e = cost_lines::create(store, editor, plan, CostLineInput::default())
        .await
        .unwrap_err();
    assert_eq!(
        fields(e),
        [
            "activity",
            "category",
            "description",
            "unit",
            "unit_price",
            "quantities"
        ]
    );
    let mut wrong = inputs[1].clone();
    wrong.funder = Some("fin-zahle".into());
    wrong.quantities = Some([(19, d("1"))].into());
    let e = cost_lines::create(store, editor, plan, wrong)
        .await
        .unwrap_err();
    assert_eq!(fields(e), ["funder", "quantities/Q19"]);
    let mut made = vec![];
    for i in inputs {
        made.push(cost_lines::create(store, editor, plan, i).await.unwrap());
    }
    assert_eq!(made[2].position, 2, "second line of activity 7");
    made.try_into().unwrap()
}

/// Spending against the consultant (in dollars and in pounds) and the works; returns it.
pub(crate) async fn spending(
    store: &Store,
    plan: PlanId,
    consultant: &CostLine,
    works: &CostLine,
    reporter: &Actor,
    viewer: &Actor,
    outsider: &Actor,
) -> Vec<Expenditure> {
    let pay =
        |line: &CostLine, date: &str, amount: &str, currency: Option<&str>| ExpenditureInput {
            cost_line: Some(line.id.to_string()),
            date: Some(date.into()),
            amount: Some(d(amount)),
            currency: currency.map(|c| Currency::parse(c).unwrap()),
            description: Some("Invoice".into()),
            evidence: None,
        };
    let first = pay(consultant, "2019-12-15", "1750.00", None);
    assert!(matches!(
        expenditures::create(store, viewer, plan, first.clone()).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        expenditures::create(store, outsider, plan, first.clone()).await,
        Err(StoreError::NotFound(_))
    ));
    let mut bad = pay(consultant, "2019-02-30", "0", None);
    bad.cost_line = Some("not-a-line".into());
    let e = expenditures::create(store, reporter, plan, bad)
        .await
        .unwrap_err();
    assert_eq!(fields(e), ["cost_line", "date", "amount"]);
    let e1 = expenditures::create(store, reporter, plan, first)
        .await
        .unwrap();
    assert_eq!(
        (e1.currency.as_str(), e1.amount.to_string().as_str()),
        ("USD", "1750.00")
    );
    let e2 = expenditures::create(
        store,
        reporter,
        plan,
        pay(consultant, "2020-08-10", "8000000", Some("LBP")),
    )
    .await
    .unwrap();
    let e3 = expenditures::create(
        store,
        reporter,
        plan,
        pay(works, "2021-11-20", "50000000", None),
    )
    .await
    .unwrap();
    assert_eq!(
        e3.currency.as_str(),
        "LBP",
        "the line's currency by default"
    );
    let evidence = ExpenditureInput {
        evidence: Some(Some("https://files.example/tyre/po-2021-114.pdf".into())),
        ..Default::default()
    };
    let e3 = expenditures::update(
        store,
        reporter,
        plan,
        &e3.id.to_string(),
        1,
        evidence.clone(),
    )
    .await
    .unwrap();
    assert_eq!(e3.version, 2);
    assert!(matches!(
        expenditures::update(store, reporter, plan, &e3.id.to_string(), 1, evidence).await,
        Err(StoreError::Stale(..))
    ));
    let listed = expenditures::list(store, viewer, plan).await.unwrap();
    assert_eq!(listed, vec![e1, e2, e3.clone()], "by date");

    // Payments are financial records: the activity (or milestone) they were paid for cannot be
    // deleted from under them, and the refusal says why instead of failing in the database.
    let op = Actor::operator("tester");
    let tree = handover_store::plans::load(store, &op, plan).await.unwrap();
    let act = tree
        .activities
        .iter()
        .find(|a| a.id == works.activity_id)
        .unwrap();
    let e = handover_store::framework::activities::delete(
        store,
        &op,
        plan,
        &act.id.to_string(),
        act.version,
    )
    .await
    .unwrap_err();
    assert_eq!(fields(e), ["activity"]);
    let m = tree
        .milestones
        .iter()
        .find(|m| m.id == act.milestone_id)
        .unwrap();
    let e = handover_store::framework::milestones::delete(
        store,
        &op,
        plan,
        &m.id.to_string(),
        m.version,
    )
    .await
    .unwrap_err();
    assert_eq!(fields(e), ["milestone"]);
    listed
}

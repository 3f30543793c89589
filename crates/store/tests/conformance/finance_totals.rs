//! Totals of the Tyre budget from one read, to the cent, in own currencies and converted; a
//! missing rate named; spending in both currencies; the refusals spending causes; the trail.

use super::*;
use handover_core::finance::CostLine;
use handover_core::ids::PlanId;

pub(crate) async fn run(
    store: &Store,
    plan: PlanId,
    viewer: &Actor,
    editor: &Actor,
    consultant: &CostLine,
    staff: &CostLine,
) {
    // Totals from the budget as one read, to the cent.
    let b = finance::budget(store, viewer, plan).await.unwrap();
    assert_eq!(b.settings.rate_type, RateType::ParallelMarket);
    assert_eq!(b.lines.len(), 6);
    assert_eq!(b.versions.len(), 2);
    let (ps, acts) = (&b.tree.periods, &b.tree.activities);
    let own = totals(&b.lines, ps, acts, &Conversion::Own, &b.rates).unwrap();
    let shown = |s: &handover_core::finance::Sum| {
        s.rounded()
            .iter()
            .map(|m| format!("{} {}", m.amount, m.currency))
            .collect::<Vec<_>>()
    };
    assert_eq!(shown(&own.grand), ["54000000.12 LBP", "14827.25 USD"]);
    assert_eq!(
        shown(&own.by_year[&2019]),
        ["27000000.00 LBP", "3952.25 USD"]
    );
    assert_eq!(
        shown(&own.by_category[&CostCategory::InHouseExpertise]),
        ["54000000.00 LBP", "6000.00 USD"]
    );
    let to_usd = |t| Conversion::To {
        currency: usd(),
        rate_type: t,
        at: RateDate::QuarterStart,
    };
    let market = totals(
        &b.lines,
        ps,
        acts,
        &to_usd(RateType::ParallelMarket),
        &b.rates,
    )
    .unwrap();
    assert_eq!(shown(&market.grand), ["50648.15 USD"]);
    let missing = totals(&b.lines, ps, acts, &to_usd(RateType::Platform), &b.rates).unwrap_err();
    assert_eq!(
        missing[0].to_string(),
        "no platform rate between LBP and USD on or before 2019-07-01: add one (either direction counts)"
    );

    // Spending in both currencies, the pounds at the market rate of their day.
    assert_eq!(b.expenditures.len(), 2);
    let today = parse_date("2024-01-01").unwrap();
    let s = spending(
        &b.lines,
        &b.expenditures,
        ps,
        &Conversion::Own,
        b.settings.rate_type,
        &b.rates,
        today,
    )
    .unwrap();
    assert_eq!(s.by_line[&consultant.id].actual, d("2750.00"));
    assert_eq!(s.by_line[&consultant.id].planned, d("7875.0"));

    // A cost line with spending cannot be deleted, and a replacing import is refused.
    let e = cost_lines::delete(store, editor, plan, &consultant.id.to_string(), 1)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("2 payments are recorded"), "{e}");
    let e = cost_lines::import(
        store,
        editor,
        plan,
        vec![line(
            "1",
            CostCategory::Logistics,
            "x",
            Unit::Item,
            "1",
            "USD",
            "fin-tyre",
            &[(1, "1")],
        )],
        true,
    )
    .await
    .unwrap_err();
    assert_eq!(fields(e), ["replace"]);

    // Every write is in the plan's trail with the value before and after.
    let trail = audit::list(
        store,
        viewer,
        &AuditFilter {
            plan: Some(plan),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let count = |entity: &str| trail.iter().filter(|e| e.entity == entity).count();
    assert_eq!(
        count("cost_line"),
        6 + 1 + 1 + 1,
        "six lines, one added, one changed, one deleted"
    );
    assert_eq!(count("budget_version"), 2);
    assert_eq!(count("aoc"), 3);
    assert_eq!(count("finance_settings"), 1);
    assert_eq!(
        count("expenditure"),
        3 + 1 + 1,
        "three paid, one changed, one deleted"
    );
    let change = trail
        .iter()
        .find(|e| e.entity_id == staff.id.to_string() && e.before.is_some() && e.after.is_some())
        .unwrap();
    assert_eq!(change.before.as_ref().unwrap()["unit_price"], "120");
    assert_eq!(change.after.as_ref().unwrap()["unit_price"], "100");
}

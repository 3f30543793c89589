//! The framework's record-by-record writes on both backends: scope and role in the write's own
//! transaction, stale versions refused with nothing changed, renumbering after inserts, moves
//! and deletes, cascades with their snapshot in the audit trail, numbers refused as words, and
//! material changes raising the framework version while risks and actuals do not.

use super::*;
use handover_core::indicator::{Measure, ValueKind};
use handover_core::plan::ResultLevel;
use handover_store::framework::activities::{self, ActivityInput, Quarters};
use handover_store::framework::indicators::{self, IndicatorInput};
use handover_store::framework::instances::{self, InstanceInput};
use handover_store::framework::milestones::{self, MilestoneInput};
use handover_store::framework::results::{self, ResultInput};
use handover_store::framework::risks::{self, RiskInput};
use handover_store::framework::values::{self, ValueInput};
use handover_store::framework::{ParentRef, framework_version};

fn field_of(e: StoreError) -> Vec<String> {
    match e {
        StoreError::Invalid(i) => i.0.into_iter().map(|f| f.field).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

pub(crate) async fn run(store: &Store) {
    let town = org(store, "fw-saida", "Saida", "municipality").await;
    let dp = org(store, "fw-dp", "A partner", "development_partner").await;
    let stranger = org(store, "fw-zahle", "Zahle", "municipality").await;
    let tree = rto_plan(store, &town, &dp, "fw-store").await;
    let plan = tree.plan.id;
    let editor = member(&town, Role::Editor);
    let reporter = member(&dp, Role::Reporter);
    let fv = async || framework_version(store, &OP(), plan).await.unwrap();

    // A milestone inserted first moves the others up, and every activity is renumbered.
    let title = |s: &str| Some(Text::en(s));
    let m = milestones::create(
        store,
        &editor,
        plan,
        MilestoneInput {
            title: title("Scoping"),
            number: Some(1),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(m.number, 1);
    assert_eq!(fv().await, 2, "a milestone is material");
    let refused = milestones::create(
        store,
        &reporter,
        plan,
        MilestoneInput {
            title: title("No"),
            ..Default::default()
        },
    )
    .await;
    assert!(matches!(refused, Err(StoreError::Forbidden(_))));
    let hidden = milestones::create(
        store,
        &member(&stranger, Role::Administrator),
        plan,
        MilestoneInput::default(),
    )
    .await;
    assert!(matches!(hidden, Err(StoreError::NotFound(_))));

    let new = ActivityInput {
        milestone: Some(m.id.to_string()),
        title: title("Scope the RTO"),
        planned: Some(Quarters {
            start: Some(1),
            end: Some(2),
        }),
        ..Default::default()
    };
    let a = activities::create(store, &editor, plan, new).await.unwrap();
    assert_eq!(
        (a.number, a.leads.len()),
        (1, 2),
        "first, led by the owner each planned quarter"
    );
    let inst = instances::add_instance(
        store,
        &editor,
        plan,
        "specialised_training",
        InstanceInput::default(),
    )
    .await
    .unwrap();
    assert_eq!(inst.display_number(), "25.2");
    let loaded = plans::load(store, &editor, plan).await.unwrap();
    let mut numbers: Vec<_> = loaded.activities.iter().map(|a| a.number).collect();
    numbers.dedup();
    assert_eq!(numbers, (1..=28).collect::<Vec<_>>());
    assert_eq!(loaded.activity_by_key("aoc").map(|a| a.number), Some(8));

    // Stale versions are refused and nothing changes.
    let backwards = ActivityInput {
        planned: Some(Quarters {
            start: Some(4),
            end: Some(2),
        }),
        ..Default::default()
    };
    let e = activities::update(
        store,
        &editor,
        plan,
        &a.id.to_string(),
        a.version,
        backwards,
    )
    .await
    .unwrap_err();
    assert_eq!(field_of(e), ["planned.end_quarter"]);
    let stale = activities::update(
        store,
        &editor,
        plan,
        "1",
        a.version + 1,
        ActivityInput {
            title: title("Lost"),
            ..Default::default()
        },
    )
    .await;
    assert!(matches!(stale, Err(StoreError::Stale(..))));
    let again = plans::load(store, &editor, plan).await.unwrap();
    assert_eq!(
        again.activities.iter().find(|x| x.id == a.id),
        loaded.activities.iter().find(|x| x.id == a.id)
    );

    // Results, an indicator and an actual under the new activity.
    let out = results::create(
        store,
        &editor,
        plan,
        ResultInput {
            parent: Some(ParentRef::Activity("1".into())),
            level: Some(ResultLevel::Output),
            title: title("Scoping report"),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let ind = indicators::create(
        store,
        &editor,
        plan,
        IndicatorInput {
            result: Some(out.id.to_string()),
            code: Some("s.1".into()),
            statement: title("Reports"),
            measure: Some(Measure::Unit),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let before_actuals = fv().await;
    let actual = |v: &str| ValueInput {
        period: Some("Q1".into()),
        kind: Some(ValueKind::Actual),
        value: Some(v.into()),
        ..Default::default()
    };
    let e = values::create(store, &reporter, plan, "s.1", actual("N/A"))
        .await
        .unwrap_err();
    assert_eq!(field_of(e), ["value"]);
    values::create(store, &reporter, plan, "s.1", actual("1"))
        .await
        .unwrap();
    assert_eq!(fv().await, before_actuals, "actuals are not material");
    let e = risks::create(
        store,
        &editor,
        plan,
        RiskInput {
            description: title("Delay"),
            likelihood: Some(7),
            impact: Some(2),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(field_of(e), ["likelihood"]);
    risks::create(
        store,
        &editor,
        plan,
        RiskInput {
            result: Some(out.id.to_string()),
            description: title("Delay"),
            likelihood: Some(2),
            impact: Some(2),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(fv().await, before_actuals, "risks are not material");

    // Deleting the activity takes everything under it, kept whole in the audit entry.
    activities::delete(store, &editor, plan, &a.id.to_string(), a.version)
        .await
        .unwrap();
    let after = plans::load(store, &editor, plan).await.unwrap();
    assert!(after.results.iter().all(|r| r.id != out.id));
    assert!(after.indicators.iter().all(|i| i.id != ind.id));
    assert!(after.values.iter().all(|v| v.indicator_id != ind.id));
    assert!(after.risks.iter().all(|r| r.result_id != Some(out.id)));
    assert_eq!(after.activity_by_key("aoc").map(|a| a.number), Some(7));
    let trail = audit::list(
        store,
        &editor,
        &AuditFilter {
            plan: Some(plan),
            entity_id: Some(a.id.to_string()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let deleted = trail
        .iter()
        .find(|e| e.action.as_str() == "delete")
        .expect("the delete is audited");
    assert_eq!(
        deleted.before.as_ref().unwrap()["indicators"][0]["code"],
        "s.1"
    );
}

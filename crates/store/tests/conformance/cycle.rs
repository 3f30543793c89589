//! The plan's life on both backends: the quarterly reporting cycle, endorsement by every party,
//! and the handover schedule moving the status to "handed over".

use super::*;
use handover_core::handover::HandoverKind;
use handover_core::plan::PlanStatus;
use handover_core::reporting::{ReportStatus, ReportStep};
use handover_store::cycle::handover::{self, ItemInput};
use handover_store::cycle::{endorsements, reports};

pub(crate) async fn run(store: &Store) {
    let la = org(
        store,
        "cycle-union",
        "Union of Cycle Municipalities",
        "union_of_municipalities",
    )
    .await;
    let dp = org(store, "cycle-dp", "Cycle partner", "development_partner").await;
    let (_, template) = templates::get(store, &OP(), "rto-transition")
        .await
        .unwrap();
    let tree = instantiate(
        &template,
        NewPlan {
            code: Code::parse("cycle-rto").unwrap(),
            name: Text::en("Cycle RTO"),
            owner: la.clone(),
            partners: vec![dp.clone()],
            start: MonthStart::parse("2025-01-01").unwrap(),
            currency: Currency::parse("USD").unwrap(),
            languages: vec![],
        },
    )
    .unwrap();
    plans::create(store, &OP(), &tree).await.unwrap();
    let plan = tree.plan.id;
    let reporter = member(&la, Role::Reporter);
    let la_admin = member(&la, Role::Administrator);
    let dp_editor = member(&dp, Role::Editor);
    let count = tree
        .indicators
        .iter()
        .find(|i| i.measure.is_numeric())
        .unwrap()
        .id;
    let actual = |value: &str| reports::ActualInput {
        indicator: count,
        value: value.into(),
        dimensions: [("sex".to_string(), "female".to_string())].into(),
        comment: Text::en("from the attendance sheets"),
        evidence: Some("https://example.org/q1-attendance.pdf".into()),
    };

    // A bad value is named and nothing is saved.
    let bad = reports::save_actuals(
        store,
        &reporter,
        plan,
        "Q1",
        0,
        vec![actual("12"), actual("N/A")],
    )
    .await;
    match bad {
        Err(StoreError::Invalid(i)) => assert_eq!(i.0[0].field, "actuals[1].value", "{i}"),
        other => panic!("{other:?}"),
    }
    let q1 = reports::get(store, &reporter, plan, "Q1", la.id)
        .await
        .unwrap();
    assert_eq!((q1.version, q1.actuals.len()), (0, 0));
    assert!(q1.overdue, "Q1 2025 ended long ago");

    // Draft, submit; then the report is locked for its reporter.
    let q1 = reports::save_actuals(store, &reporter, plan, "Q1", 0, vec![actual("12")])
        .await
        .unwrap();
    assert_eq!(
        (q1.status, q1.version, q1.actuals[0].value.as_str()),
        (ReportStatus::Draft, 1, "12")
    );
    let q1 = reports::step(
        store,
        &reporter,
        plan,
        "Q1",
        la.id,
        ReportStep::Submit,
        None,
        1,
    )
    .await
    .unwrap();
    assert_eq!(q1.status, ReportStatus::Submitted);
    assert!(!q1.overdue);
    assert!(matches!(
        reports::save_actuals(store, &reporter, plan, "Q1", 2, vec![actual("13")]).await,
        Err(StoreError::Forbidden(_))
    ));
    // Its own organisation cannot approve it; the other party returns it with a comment.
    assert!(
        reports::step(
            store,
            &la_admin,
            plan,
            "Q1",
            la.id,
            ReportStep::Approve,
            None,
            2
        )
        .await
        .is_err()
    );
    assert!(
        reports::step(
            store,
            &dp_editor,
            plan,
            "Q1",
            la.id,
            ReportStep::Return,
            None,
            2
        )
        .await
        .is_err()
    );
    let q1 = reports::step(
        store,
        &dp_editor,
        plan,
        "Q1",
        la.id,
        ReportStep::Return,
        Some("Attach the sign-in sheets".into()),
        2,
    )
    .await
    .unwrap();
    assert_eq!(
        (q1.status, q1.review_comment.as_deref()),
        (ReportStatus::Returned, Some("Attach the sign-in sheets"))
    );
    let returned = reports::due_for(store, &reporter).await.unwrap();
    assert!(
        returned
            .iter()
            .any(|r| r.period == "Q1" && r.status == ReportStatus::Returned)
    );
    // Fixed, resubmitted, approved, locked.
    let q1 = reports::save_actuals(store, &reporter, plan, "Q1", 3, vec![actual("13")])
        .await
        .unwrap();
    let q1 = reports::step(
        store,
        &reporter,
        plan,
        "Q1",
        la.id,
        ReportStep::Submit,
        None,
        q1.version,
    )
    .await
    .unwrap();
    let stale = reports::step(
        store,
        &dp_editor,
        plan,
        "Q1",
        la.id,
        ReportStep::Approve,
        None,
        1,
    )
    .await;
    assert!(matches!(stale, Err(StoreError::Stale(..))), "{stale:?}");
    let q1 = reports::step(
        store,
        &dp_editor,
        plan,
        "Q1",
        la.id,
        ReportStep::Approve,
        None,
        q1.version,
    )
    .await
    .unwrap();
    assert_eq!(q1.status, ReportStatus::Approved);
    assert!(
        reports::save_actuals(store, &reporter, plan, "Q1", q1.version, vec![actual("99")])
            .await
            .is_err()
    );
    let due = reports::due_for(store, &reporter).await.unwrap();
    assert!(
        !due.iter()
            .any(|r| r.period == "Q1" && r.plan_code == "cycle-rto")
    );
    assert!(due.iter().any(|r| r.period == "Q2" && r.overdue));
    let trail = audit::list(
        store,
        &OP(),
        &AuditFilter {
            plan: Some(plan),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(trail.iter().filter(|e| e.entity == "report").count() >= 6);

    // Endorsement: every party signs the current framework version; the start has passed, so
    // the plan goes on to "in progress".
    let state = endorsements::state(store, &reporter, plan).await.unwrap();
    assert!(state.start_passed_unendorsed);
    assert_eq!(state.awaiting.len(), 2);
    assert!(matches!(
        endorsements::endorse(store, &reporter, plan, 1).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        endorsements::endorse(store, &la_admin, plan, 0).await,
        Err(StoreError::Stale(..))
    ));
    let state = endorsements::endorse(store, &la_admin, plan, 1)
        .await
        .unwrap();
    assert_eq!((state.status, state.endorsed), (PlanStatus::Draft, false));
    let state = endorsements::endorse(store, &dp_editor, plan, 1)
        .await
        .unwrap();
    assert!(state.endorsed);
    assert_eq!(state.status, PlanStatus::InProgress);
    assert_eq!(state.history.len(), 2);

    // The handover: the review starts, then both sides confirm every item.
    let review = tree.activity_by_key("handover_review").unwrap();
    plans::set_activity_status(
        store,
        &la_admin,
        review.id,
        1,
        ProgressStatus::Started,
        None,
    )
    .await
    .unwrap();
    let loaded = plans::load(store, &reporter, plan).await.unwrap();
    assert_eq!(loaded.plan.status, PlanStatus::HandingOver);
    let item = handover::add(
        store,
        &dp_editor,
        plan,
        ItemInput {
            kind: HandoverKind::StaffCosts,
            description: Text::en(
                "Salaries of the RTO's four engineers move to the union's budget",
            ),
            due: handover_core::calendar::parse_date("2027-12-31").unwrap(),
        },
    )
    .await
    .unwrap();
    assert!(
        handover::add(
            store,
            &reporter,
            plan,
            ItemInput {
                kind: HandoverKind::Asset,
                description: Text::en("x"),
                due: item.due
            }
        )
        .await
        .is_err()
    );
    let item = handover::confirm(store, &la_admin, plan, item.id, 1)
        .await
        .unwrap();
    assert!(item.owner_confirmation.is_some() && item.partner_confirmation.is_none());
    assert_eq!(
        plans::load(store, &reporter, plan)
            .await
            .unwrap()
            .plan
            .status,
        PlanStatus::HandingOver
    );
    let item = handover::confirm(store, &dp_editor, plan, item.id, 2)
        .await
        .unwrap();
    assert!(item.confirmed());
    assert_eq!(
        plans::load(store, &reporter, plan)
            .await
            .unwrap()
            .plan
            .status,
        PlanStatus::HandedOver
    );
    // Status never goes back, even when an item is withdrawn.
    handover::delete(store, &la_admin, plan, item.id, 3)
        .await
        .unwrap();
    assert_eq!(
        plans::load(store, &reporter, plan)
            .await
            .unwrap()
            .plan
            .status,
        PlanStatus::HandedOver
    );
}

//! The store's behaviour, run on SQLite and on PostgreSQL in the same test run: plans from the
//! RTO template, scopes, stale versions, exact decimals and the audit of every write.

use handover_core::actor::{Actor, Role};
use handover_core::calendar::MonthStart;
use handover_core::ids::Code;
use handover_core::indicator::{PeriodValue, Value, ValueKind};
use handover_core::money::{Currency, parse_decimal};
use handover_core::org::{NewOrganisation, Organisation};
use handover_core::plan::{PlanTree, ProgressStatus};
use handover_core::template::{NewPlan, instantiate};
use handover_core::text::Text;
use handover_store::audit::{self, AuditFilter};
use handover_store::plans::{self, PlanChange};
use handover_store::testing::TestDb;
use handover_store::{Store, StoreError, orgs, templates};

#[path = "conformance/cycle.rs"]
mod cycle;
#[path = "conformance/finance.rs"]
mod finance;
#[path = "conformance/framework.rs"]
mod framework;
#[path = "conformance/partnerships.rs"]
mod partnerships;

const OP: fn() -> Actor = || Actor::operator("tester");

async fn org(store: &Store, code: &str, name: &str, kind: &str) -> Organisation {
    let new = NewOrganisation::parse(code, name, kind, Some("South"), None, None).unwrap();
    orgs::add(store, &OP(), new).await.unwrap()
}

fn member(org: &Organisation, role: Role) -> Actor {
    Actor::Member {
        label: format!("user@{}", org.code),
        org: org.id,
        role,
    }
}

/// An RTO plan for Tyre with one development partner, as `plan new` makes it.
async fn rto_plan(
    store: &Store,
    owner: &Organisation,
    partner: &Organisation,
    code: &str,
) -> PlanTree {
    templates::sync_builtin(store, &handover_formats::template::builtin())
        .await
        .unwrap();
    let (_, template) = templates::get(store, &OP(), "rto-transition")
        .await
        .unwrap();
    let tree = instantiate(
        &template,
        NewPlan {
            code: Code::parse(code).unwrap(),
            name: Text::en("Tyre RTO transition"),
            owner: owner.clone(),
            partners: vec![partner.clone()],
            start: MonthStart::parse("2027-01-01").unwrap(),
            currency: Currency::parse("USD").unwrap(),
            languages: vec![],
        },
    )
    .unwrap();
    plans::create(store, &OP(), &tree).await.unwrap();
    tree
}

#[tokio::test]
async fn conformance_on_both_backends() {
    for db in TestDb::both().await {
        eprintln!("-- {}", db.label);
        let store = db.store().await;
        plan_from_template_round_trips(&store).await;
        scopes_and_roles(&store).await;
        stale_versions_are_refused(&store).await;
        decimals_are_exact(&store).await;
        Box::pin(cycle::run(&store)).await;
        Box::pin(framework::run(&store)).await;
        migrations_are_idempotent(&db.url).await;
        store.close().await;
        db.cleanup().await;
    }
}

async fn plan_from_template_round_trips(store: &Store) {
    let tyre = org(
        store,
        "tyre-union",
        "Union of Tyre Municipalities",
        "union_of_municipalities",
    )
    .await;
    let dp = org(
        store,
        "dp-giz",
        "A development partner",
        "development_partner",
    )
    .await;
    let made = rto_plan(store, &tyre, &dp, "tyre-rto").await;
    let id = plans::find(store, &OP(), "tyre-rto").await.unwrap();
    let loaded = plans::load(store, &OP(), id).await.unwrap();
    assert_eq!(loaded.plan, made.plan);
    assert_eq!(loaded.parties, made.parties);
    assert_eq!(loaded.periods, made.periods);
    assert_eq!(loaded.needs, made.needs);
    assert_eq!(loaded.milestones, made.milestones);
    assert_eq!(loaded.activities, made.activities);
    assert_eq!(loaded.results, made.results);
    assert_eq!(loaded.indicators, made.indicators);
    assert_eq!(loaded.risks, made.risks);
    assert_eq!(loaded, made, "a plan reads back exactly as written");
    assert_eq!(loaded.milestones.len(), 7);
    assert_eq!(loaded.activities.len(), 27);
    assert_eq!(loaded.activity_by_key("aoc").unwrap().number, 7);
    assert_eq!(
        loaded.activity_by_key("handover_review").unwrap().number,
        25
    );
    assert_eq!(
        loaded
            .activity_by_key("specialised_training")
            .unwrap()
            .display_number(),
        "24.1"
    );
    assert_eq!(loaded.periods.len(), 12);
    assert_eq!(loaded.periods[11].end.to_string(), "2029-12-31");

    // Every write leaves an audit entry: the plan and each activity with its children.
    let trail = audit::list(
        store,
        &OP(),
        &AuditFilter {
            plan: Some(id),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(trail.iter().filter(|e| e.entity == "plan").count(), 1);
    assert_eq!(trail.iter().filter(|e| e.entity == "activity").count(), 27);
    assert!(trail.iter().all(|e| e.actor == "operator:tester"));

    // A plan code is unique.
    let again = rto_plan_result(store, &tyre, &dp, "tyre-rto").await;
    assert!(
        matches!(again, Err(StoreError::Duplicate { .. })),
        "{again:?}"
    );

    // Editing the template never changes an existing plan.
    let (_, mut template) = templates::get(store, &OP(), "rto-transition")
        .await
        .unwrap();
    template.code = Code::parse("my-rto").unwrap();
    template.milestones[0].title = Text::en("Changed");
    templates::import(store, &member(&tyre, Role::Administrator), &template)
        .await
        .unwrap();
    let reloaded = plans::load(store, &OP(), id).await.unwrap();
    assert_eq!(reloaded.milestones[0].title, made.milestones[0].title);
    // ...and an organisation's own template is invisible to others.
    assert!(
        templates::get(store, &member(&dp, Role::Administrator), "my-rto")
            .await
            .is_err()
    );
    assert!(
        templates::get(store, &member(&tyre, Role::Viewer), "my-rto")
            .await
            .is_ok()
    );
}

async fn rto_plan_result(
    store: &Store,
    owner: &Organisation,
    partner: &Organisation,
    code: &str,
) -> Result<(), StoreError> {
    let (_, template) = templates::get(store, &OP(), "rto-transition")
        .await
        .unwrap();
    let tree = instantiate(
        &template,
        NewPlan {
            code: Code::parse(code).unwrap(),
            name: Text::en("Again"),
            owner: owner.clone(),
            partners: vec![partner.clone()],
            start: MonthStart::parse("2027-01-01").unwrap(),
            currency: Currency::parse("USD").unwrap(),
            languages: vec![],
        },
    )
    .unwrap();
    plans::create(store, &OP(), &tree).await
}

async fn scopes_and_roles(store: &Store) {
    let saida = org(store, "saida", "Municipality of Saida", "municipality").await;
    let dp = org(store, "dp-two", "Another partner", "development_partner").await;
    let stranger = org(store, "zahle", "Municipality of Zahle", "municipality").await;
    let ministry = org(
        store,
        "mom",
        "Ministry of Interior and Municipalities",
        "ministry",
    )
    .await;
    orgs::flag_ministry(store, &OP(), "mom", true)
        .await
        .unwrap();
    let tree = rto_plan(store, &saida, &dp, "saida-rto").await;
    let pid = tree.plan.id;
    let activity = tree.activity_by_key("aoc").unwrap().clone();

    // An organisation that is not a party can neither read nor change the plan: it does not exist.
    let outsider = member(&stranger, Role::Administrator);
    assert!(matches!(
        plans::load(store, &outsider, pid).await,
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        plans::find(store, &outsider, "saida-rto").await,
        Err(StoreError::NotFound(_))
    ));
    assert!(
        !plans::list(store, &outsider)
            .await
            .unwrap()
            .iter()
            .any(|p| p.id == pid)
    );
    let r = plans::update_plan(
        store,
        &outsider,
        pid,
        1,
        PlanChange {
            name: Some(Text::en("Hijacked")),
            ..Default::default()
        },
    )
    .await;
    assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");
    let r = plans::set_activity_status(
        store,
        &outsider,
        activity.id,
        1,
        ProgressStatus::Started,
        None,
    )
    .await;
    assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");
    assert!(
        audit::list(
            store,
            &outsider,
            &AuditFilter {
                plan: Some(pid),
                ..Default::default()
            }
        )
        .await
        .is_err()
    );

    // The ministry reads every plan but writes none.
    let ministry = member(&ministry, Role::Administrator);
    assert!(plans::load(store, &ministry, pid).await.is_ok());
    assert!(
        plans::list(store, &ministry)
            .await
            .unwrap()
            .iter()
            .any(|p| p.id == pid)
    );
    let r = plans::update_plan(
        store,
        &ministry,
        pid,
        1,
        PlanChange {
            report_due_days: Some(45),
            ..Default::default()
        },
    )
    .await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");

    // Parties act by role: a viewer reads, a reporter sets statuses, an editor edits.
    let viewer = member(&dp, Role::Viewer);
    assert!(plans::load(store, &viewer, pid).await.is_ok());
    let r = plans::set_activity_status(
        store,
        &viewer,
        activity.id,
        1,
        ProgressStatus::Started,
        None,
    )
    .await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    let reporter = member(&saida, Role::Reporter);
    let started = plans::set_activity_status(
        store,
        &reporter,
        activity.id,
        1,
        ProgressStatus::Started,
        Some("AoC drafting began".into()),
    )
    .await
    .unwrap();
    assert_eq!(started.status, ProgressStatus::Started);
    assert_eq!(started.version, 2);
    let history = plans::status_history(store, &viewer, activity.id)
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].from, history[0].to),
        (ProgressStatus::NotStarted, ProgressStatus::Started)
    );
    assert_eq!(history[0].by, "user@saida");
    assert_eq!(history[0].note.as_deref(), Some("AoC drafting began"));
    assert!(
        plans::status_history(store, &outsider, activity.id)
            .await
            .is_err()
    );
    let r = plans::update_plan(
        store,
        &reporter,
        pid,
        1,
        PlanChange {
            report_due_days: Some(45),
            ..Default::default()
        },
    )
    .await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    let editor = member(&dp, Role::Editor);
    let changed = plans::update_plan(
        store,
        &editor,
        pid,
        1,
        PlanChange {
            report_due_days: Some(45),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(changed.report_due_days, 45);

    // Both writes are in the audit trail with the value before and after.
    let trail = audit::list(
        store,
        &editor,
        &AuditFilter {
            plan: Some(pid),
            actor: Some("user@dp-two".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].before.as_ref().unwrap()["report_due_days"], 30);
    assert_eq!(trail[0].after.as_ref().unwrap()["report_due_days"], 45);
    let trail = audit::list(
        store,
        &editor,
        &AuditFilter {
            entity_id: Some(activity.id.to_string()),
            plan: Some(pid),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(trail[0].after.as_ref().unwrap()["status"], "started");
}

async fn stale_versions_are_refused(store: &Store) {
    let pid = plans::find(store, &OP(), "saida-rto").await.unwrap();
    let before = plans::load(store, &OP(), pid).await.unwrap();
    let audit_before = audit::list(
        store,
        &OP(),
        &AuditFilter {
            plan: Some(pid),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .len();
    // Version 1 was read before the editor's change made it 2.
    let r = plans::update_plan(
        store,
        &OP(),
        pid,
        1,
        PlanChange {
            name: Some(Text::en("Lost edit")),
            ..Default::default()
        },
    )
    .await;
    assert!(matches!(r, Err(StoreError::Stale(_, 1, 2))), "{r:?}");
    let aoc = before.activity_by_key("aoc").unwrap();
    let r =
        plans::set_activity_status(store, &OP(), aoc.id, 1, ProgressStatus::Completed, None).await;
    assert!(matches!(r, Err(StoreError::Stale(..))), "{r:?}");
    let after = plans::load(store, &OP(), pid).await.unwrap();
    assert_eq!(after, before, "a refused write changes nothing");
    let audit_after = audit::list(
        store,
        &OP(),
        &AuditFilter {
            plan: Some(pid),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .len();
    assert_eq!(audit_before, audit_after);
}

async fn decimals_are_exact(store: &Store) {
    let beirut = org(store, "beirut", "Municipality of Beirut", "municipality").await;
    let dp = org(store, "dp-three", "Third partner", "development_partner").await;
    let (_, template) = templates::get(store, &OP(), "rto-transition")
        .await
        .unwrap();
    let mut tree = instantiate(
        &template,
        NewPlan {
            code: Code::parse("beirut-rto").unwrap(),
            name: Text::en("Beirut"),
            owner: beirut,
            partners: vec![dp],
            start: MonthStart::parse("2021-07-01").unwrap(),
            currency: Currency::parse("LBP").unwrap(),
            languages: vec![],
        },
    )
    .unwrap();
    let ind = tree.indicators[0].clone();
    let sum = parse_decimal("0.1").unwrap() + parse_decimal("0.2").unwrap();
    for (i, v) in [
        parse_decimal("1507.50").unwrap(),
        sum,
        parse_decimal("123456789012345.6789").unwrap(),
    ]
    .into_iter()
    .enumerate()
    {
        tree.values.push(PeriodValue {
            id: handover_core::ids::ValueId::new(),
            plan_id: tree.plan.id,
            indicator_id: ind.id,
            period_id: tree.periods[i].id,
            kind: ValueKind::Actual,
            value: Value::Number(v),
            dimensions: [("sex".to_string(), "female".to_string())].into(),
            comment: Text::en("exact"),
            evidence: Some("https://example.org/evidence.pdf".into()),
            reported_by: Some("operator:tester".into()),
            reported_at: None,
            version: 1,
        });
    }
    plans::create(store, &OP(), &tree).await.unwrap();
    let loaded = plans::load(store, &OP(), tree.plan.id).await.unwrap();
    let texts: Vec<String> = loaded.values.iter().map(|v| v.value.as_text()).collect();
    assert_eq!(texts, ["1507.50", "0.3", "123456789012345.6789"]);
    assert_eq!(loaded.values, tree.values);
}

async fn migrations_are_idempotent(url: &str) {
    // A second connection finds the schema current and changes nothing.
    let again = Store::connect(url).await.unwrap();
    assert!(again.ping().await);
    again.close().await;
}

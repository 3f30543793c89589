//! The reporting cycle, endorsement, the handover schedule and the audit trail over HTTP.

use super::*;
use handover_core::actor::Role;

pub(crate) async fn run(store: &Store) {
    let app = TestApp::new(store, false);
    let la = add_org(store, "http-cycle-la", "union_of_municipalities").await;
    let dp = add_org(store, "http-cycle-dp", "development_partner").await;
    let (_, template) = templates::get(store, &OP(), "rto-transition")
        .await
        .unwrap();
    let tree = instantiate(
        &template,
        NewPlan {
            code: Code::parse("http-cycle").unwrap(),
            name: Text::en("Cycle over HTTP"),
            owner: la,
            partners: vec![dp],
            start: MonthStart::parse("2025-01-01").unwrap(),
            currency: Currency::parse("USD").unwrap(),
            languages: vec![],
        },
    )
    .unwrap();
    plans::create(store, &OP(), &tree).await.unwrap();
    let reporter = user_token(
        store,
        "http-cycle-la",
        Role::Reporter,
        "reporter@cycle.example.org",
    )
    .await;
    let la_admin = user_token(
        store,
        "http-cycle-la",
        Role::Administrator,
        "admin@cycle.example.org",
    )
    .await;
    let dp_editor = user_token(
        store,
        "http-cycle-dp",
        Role::Editor,
        "editor@cycle-dp.example.org",
    )
    .await;
    let indicator = tree
        .indicators
        .iter()
        .find(|i| i.measure.is_numeric())
        .unwrap()
        .id
        .to_string();
    let body = |v: &str| json!({"actuals": [{"indicator": indicator, "value": v, "dimensions": {"sex": "female"}, "comment": {"en": "sheets"}, "evidence": "https://example.org/q1.pdf"}]});
    let base = "/api/v1/plans/http-cycle/reports";

    // Writes need If-Match; bad values are named; nothing is saved until all are good.
    let r = app
        .call(
            Method::PUT,
            &format!("{base}/Q1/actuals"),
            Some(&reporter),
            &[],
            Some(body("12")),
        )
        .await;
    assert_eq!(r.status, StatusCode::PRECONDITION_REQUIRED, "{}", r.text());
    let r = app
        .call(
            Method::PUT,
            &format!("{base}/Q1/actuals"),
            Some(&reporter),
            &[("if-match", "\"0\"")],
            Some(body("N/A")),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    assert_eq!(r.json()["errors"][0]["field"], "/actuals/0/value");
    let r = app
        .call(
            Method::PUT,
            &format!("{base}/Q1/actuals"),
            Some(&reporter),
            &[("if-match", "\"0\"")],
            Some(json!({"actuals": [], "status": "approved"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["errors"][0]["field"], "/status");
    let r = app
        .call(
            Method::PUT,
            &format!("{base}/Q1/actuals"),
            Some(&reporter),
            &[("if-match", "\"0\"")],
            Some(body("12")),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.header(header::ETAG), "\"1\"");
    assert_eq!(r.json()["actuals"][0]["value"], "12");
    // A stale version changes nothing.
    let r = app
        .call(
            Method::PUT,
            &format!("{base}/Q1/actuals"),
            Some(&reporter),
            &[("if-match", "\"0\"")],
            Some(body("40")),
        )
        .await;
    assert_eq!(r.status, StatusCode::PRECONDITION_FAILED);
    let r = app
        .call(
            Method::GET,
            &format!("{base}/Q1/http-cycle-la"),
            Some(&dp_editor),
            &[],
            None,
        )
        .await;
    assert_eq!(r.json()["actuals"][0]["value"], "12");

    // Submit; the other party returns it with a comment, then approves the resubmission.
    let r = app
        .call(
            Method::POST,
            &format!("{base}/Q1/submission"),
            Some(&reporter),
            &[("if-match", "\"1\"")],
            None,
        )
        .await;
    assert_eq!(
        (r.status, r.json()["status"].clone()),
        (StatusCode::OK, json!("submitted")),
        "{}",
        r.text()
    );
    let review = |d: &str, c: Option<&str>| json!({"decision": d, "comment": c});
    let r = app
        .call(
            Method::POST,
            &format!("{base}/Q1/http-cycle-la/review"),
            Some(&la_admin),
            &[("if-match", "\"2\"")],
            Some(review("approve", None)),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "its own organisation cannot approve: {}",
        r.text()
    );
    let r = app
        .call(
            Method::POST,
            &format!("{base}/Q1/http-cycle-la/review"),
            Some(&dp_editor),
            &[("if-match", "\"2\"")],
            Some(review("return", Some("Attach the sheets"))),
        )
        .await;
    assert_eq!(r.json()["status"], "returned", "{}", r.text());
    let due = app
        .call(
            Method::GET,
            "/api/v1/reports/due",
            Some(&reporter),
            &[],
            None,
        )
        .await
        .json();
    assert!(
        due.as_array()
            .unwrap()
            .iter()
            .any(|r| r["period"] == "Q1" && r["status"] == "returned")
    );
    let r = app
        .call(
            Method::POST,
            &format!("{base}/Q1/submission"),
            Some(&reporter),
            &[("if-match", "\"3\"")],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = app
        .call(
            Method::POST,
            &format!("{base}/Q1/http-cycle-la/review"),
            Some(&dp_editor),
            &[("if-match", "\"4\"")],
            Some(review("approve", None)),
        )
        .await;
    assert_eq!(r.json()["status"], "approved");
    let r = app
        .call(
            Method::PUT,
            &format!("{base}/Q1/actuals"),
            Some(&reporter),
            &[("if-match", "\"5\"")],
            Some(body("13")),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "an approved report is locked: {}",
        r.text()
    );

    // Endorsement by both parties moves the plan on (its start has passed).
    let e = app
        .call(
            Method::GET,
            "/api/v1/plans/http-cycle/endorsements",
            Some(&reporter),
            &[],
            None,
        )
        .await
        .json();
    assert_eq!(
        (e["endorsed"].clone(), e["start_passed_unendorsed"].clone()),
        (json!(false), json!(true))
    );
    let v = e["framework_version"].clone();
    let r = app
        .call(
            Method::POST,
            "/api/v1/plans/http-cycle/endorsements",
            Some(&reporter),
            &[],
            Some(json!({"framework_version": v})),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    app.call(
        Method::POST,
        "/api/v1/plans/http-cycle/endorsements",
        Some(&la_admin),
        &[],
        Some(json!({"framework_version": v})),
    )
    .await;
    let e = app
        .call(
            Method::POST,
            "/api/v1/plans/http-cycle/endorsements",
            Some(&dp_editor),
            &[],
            Some(json!({"framework_version": v})),
        )
        .await
        .json();
    assert_eq!(
        (e["endorsed"].clone(), e["status"].clone()),
        (json!(true), json!("in_progress")),
        "{e}"
    );

    // The handover schedule.
    let item = json!({"kind": "asset", "description": {"en": "The RTO's two laptops and plotter"}, "due": "2027-12-31"});
    let r = app
        .call(
            Method::POST,
            "/api/v1/plans/http-cycle/handover-items",
            Some(&reporter),
            &[],
            Some(item.clone()),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .call(
            Method::POST,
            "/api/v1/plans/http-cycle/handover-items",
            Some(&dp_editor),
            &[],
            Some(item),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let confirm = format!("/api/v1/plans/http-cycle/handover-items/{id}/confirmation");
    let r = app
        .call(
            Method::POST,
            &confirm,
            Some(&la_admin),
            &[("if-match", "\"1\"")],
            None,
        )
        .await;
    assert!(r.json()["owner_confirmation"].is_object(), "{}", r.text());
    let r = app
        .call(
            Method::POST,
            &confirm,
            Some(&dp_editor),
            &[("if-match", "\"2\"")],
            None,
        )
        .await;
    assert!(r.json()["partner_confirmation"].is_object());

    // The audit trail, filtered.
    let all = app
        .call(
            Method::GET,
            "/api/v1/plans/http-cycle/audit",
            Some(&reporter),
            &[],
            None,
        )
        .await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.json().as_array().unwrap().len() > 30);
    let mine = app
        .call(
            Method::GET,
            "/api/v1/plans/http-cycle/audit?user=editor@cycle-dp.example.org",
            Some(&reporter),
            &[],
            None,
        )
        .await
        .json();
    assert!(
        mine.as_array()
            .unwrap()
            .iter()
            .all(|e| e["actor"] == "editor@cycle-dp.example.org")
    );
    assert!(!mine.as_array().unwrap().is_empty());
    let none = app
        .call(
            Method::GET,
            "/api/v1/plans/http-cycle/audit?until=2000-01-01",
            Some(&reporter),
            &[],
            None,
        )
        .await
        .json();
    assert_eq!(none.as_array().unwrap().len(), 0);
    let bad = app
        .call(
            Method::GET,
            "/api/v1/plans/http-cycle/audit?since=yesterday",
            Some(&reporter),
            &[],
            None,
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.json()["errors"][0]["field"], "since");
}

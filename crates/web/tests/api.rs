//! The HTTP layer called in-process (`tower::ServiceExt::oneshot`), on SQLite and on
//! PostgreSQL in the same test run: the landing page, `/health`, the demo's read-only plan
//! API, and the error body for every refusal.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use handover_core::actor::Actor;
use handover_core::calendar::MonthStart;
use handover_core::ids::{Code, ValueId};
use handover_core::indicator::{PeriodValue, Value, ValueKind};
use handover_core::money::{Currency, parse_decimal};
use handover_core::org::NewOrganisation;
use handover_core::plan::PlanTree;
use handover_core::template::{NewPlan, instantiate};
use handover_core::text::Text;
use handover_store::testing::TestDb;
use handover_store::{Store, orgs, plans, templates};
use handover_web::{ServeOptions, router};
use http_body_util::BodyExt;
use serde_json::{Value as Json, json};
use tower::ServiceExt;

/// The router of one database, called one request at a time.
struct TestApp {
    router: Router,
}

/// What came back.
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Json {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(&name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl TestApp {
    fn new(store: &Store, demo: bool) -> Self {
        Self {
            router: router(
                store.clone(),
                ServeOptions {
                    demo,
                    ..ServeOptions::default()
                },
            ),
        }
    }

    async fn request(&self, method: Method, path: &str) -> Answer {
        let request = Request::builder().method(method).uri(path);
        self.send(request.body(Body::empty()).unwrap()).await
    }

    async fn get(&self, path: &str) -> Answer {
        self.request(Method::GET, path).await
    }

    async fn get_gzip(&self, path: &str) -> Answer {
        let request = Request::builder()
            .uri(path)
            .header(header::ACCEPT_ENCODING, "gzip");
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// A request with an optional bearer token, extra headers and a JSON body.
    async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<Json>,
    ) -> Answer {
        let mut request = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        let body = match body {
            Some(b) => {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Body::from(serde_json::to_vec(&b).unwrap())
            }
            None => Body::empty(),
        };
        self.send(request.body(body).unwrap()).await
    }

    async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let (parts, body) = response.into_parts();
        let body = body.collect().await.unwrap().to_bytes().to_vec();
        Answer {
            status: parts.status,
            headers: parts.headers,
            body,
        }
    }
}

#[path = "api/access_sweep.rs"]
mod access_sweep;
#[path = "api/accounts.rs"]
mod accounts;
#[path = "api/bad_input.rs"]
mod bad_input;
#[path = "api/cycle.rs"]
mod cycle;
#[path = "api/finance.rs"]
mod finance;
#[path = "api/framework.rs"]
mod framework;
#[path = "api/openapi.rs"]
mod openapi;
#[path = "api/tokens.rs"]
mod tokens;

const OP: fn() -> Actor = || Actor::operator("tester");

/// A new user with `role` in `org` and a bearer token acting for it.
async fn user_token(
    store: &Store,
    org: &str,
    role: handover_core::actor::Role,
    email: &str,
) -> String {
    use handover_store::accounts;
    let org = orgs::find(store, &OP(), org).await.unwrap();
    let user = accounts::add_user(
        store,
        &OP(),
        email,
        email,
        "correct horse battery",
        Some((org.id, role)),
    )
    .await
    .unwrap();
    accounts::create_token(store, &user, org.id, "tests")
        .await
        .unwrap()
        .1
}

/// Adds an organisation to the directory.
async fn add_org(store: &Store, code: &str, kind: &str) -> handover_core::org::Organisation {
    let new = NewOrganisation::parse(code, code, kind, Some("North"), None, None).unwrap();
    orgs::add(store, &OP(), new).await.unwrap()
}

/// An RTO plan for the Union of Tyre Municipalities with one partner, as `plan new` makes it,
/// plus one exact-decimal actual.
async fn seed(store: &Store) -> PlanTree {
    let org = |code: &str, name: &str, kind: &str| {
        NewOrganisation::parse(code, name, kind, Some("South"), None, None).unwrap()
    };
    let tyre = orgs::add(
        store,
        &OP(),
        org(
            "tyre-union",
            "Union of Tyre Municipalities",
            "union_of_municipalities",
        ),
    )
    .await
    .unwrap();
    let dp = orgs::add(
        store,
        &OP(),
        org("dp-one", "A development partner", "development_partner"),
    )
    .await
    .unwrap();
    templates::sync_builtin(store, &handover_formats::template::builtin())
        .await
        .unwrap();
    let (_, template) = templates::get(store, &OP(), "rto-transition")
        .await
        .unwrap();
    let mut tree = instantiate(
        &template,
        NewPlan {
            code: Code::parse("tyre-rto").unwrap(),
            name: Text::en("Tyre RTO transition"),
            owner: tyre,
            partners: vec![dp],
            start: MonthStart::parse("2027-01-01").unwrap(),
            currency: Currency::parse("USD").unwrap(),
            languages: vec![],
        },
    )
    .unwrap();
    let indicator = tree.indicators[0].clone();
    tree.values.push(PeriodValue {
        id: ValueId::new(),
        plan_id: tree.plan.id,
        indicator_id: indicator.id,
        period_id: tree.periods[1].id,
        kind: ValueKind::Actual,
        value: Value::Number(parse_decimal("1507.50").unwrap()),
        dimensions: [("sex".to_string(), "female".to_string())].into(),
        comment: Text::en("exact"),
        evidence: None,
        reported_by: Some("operator:tester".into()),
        reported_at: None,
        version: 1,
    });
    plans::create(store, &OP(), &tree).await.unwrap();
    tree
}

#[tokio::test]
async fn http_on_both_backends() {
    for db in TestDb::both().await {
        eprintln!("-- {}", db.label);
        let store = db.store().await;
        let tree = seed(&store).await;
        let demo = TestApp::new(&store, true);
        let closed = TestApp::new(&store, false);
        landing_page(&demo, &closed).await;
        health(&demo).await;
        plan_list(&demo).await;
        plan_document(&demo, &tree).await;
        errors(&demo, &closed).await;
        // Each area's tests make their own organisations and plans, with codes of their own.
        // Boxed: debug builds of these futures are large enough to overflow the test's stack.
        Box::pin(openapi::run(&store)).await;
        Box::pin(tokens::run(&store)).await;
        Box::pin(accounts::run(&store)).await;
        Box::pin(cycle::run(&store)).await;
        Box::pin(framework::run(&store)).await;
        Box::pin(finance::run(&store)).await;
        Box::pin(access_sweep::run(&store)).await;
        Box::pin(bad_input::run(&store)).await;
        store.close().await;
        health_without_database(&demo).await;
        db.cleanup().await;
    }
}

async fn landing_page(demo: &TestApp, closed: &TestApp) {
    // `/` opens the workspace: the plans in the demo, the sign-in page otherwise.
    let page = demo.get("/").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.header(header::LOCATION), "/plans");
    let page = closed.get("/").await;
    assert_eq!(page.header(header::LOCATION), "/sign-in");
    let sign_in = closed.get("/sign-in").await;
    assert!(
        sign_in
            .header(header::CONTENT_TYPE)
            .starts_with("text/html")
    );
    let html = sign_in.text();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("<title>"));

    let missing = demo.get("/no-such-page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(
        missing
            .header(header::CONTENT_TYPE)
            .starts_with("text/html")
    );
}

async fn health(app: &TestApp) {
    let h = app.get("/health").await;
    assert_eq!(h.status, StatusCode::OK);
    assert_eq!(h.json(), json!({"status": "ok", "database": "ok"}));
}

async fn health_without_database(app: &TestApp) {
    let h = app.get("/health").await;
    assert_eq!(h.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        h.json(),
        json!({"status": "unavailable", "database": "unavailable"})
    );
}

async fn plan_list(app: &TestApp) {
    let list = app.get("/api/v1/plans").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.header(header::CONTENT_TYPE)
            .starts_with("application/json")
    );
    let list = list.json();
    assert_eq!(list["total"], 1);
    assert_eq!(list["page"], 1);
    let plan = &list["items"][0];
    assert_eq!(plan["code"], "tyre-rto");
    assert_eq!(plan["name"], json!({"en": "Tyre RTO transition"}));
    assert_eq!(plan["kind"], "rto_transition");
    assert_eq!(plan["status"], "draft");
    assert_eq!(
        (plan["start"].as_str(), plan["end"].as_str()),
        (Some("2027-01-01"), Some("2029-12-31"))
    );
    assert_eq!(
        plan["owner"],
        json!({"name": "Union of Tyre Municipalities", "region": "South"})
    );
    assert_eq!(plan["partners"], json!([{"name": "A development partner"}]));
    assert_eq!(plan["progress"], json!({"activities": 27, "completed": 0}));
    assert_eq!(plan["version"], 1);
    assert_eq!(plan["url"], "/api/v1/plans/tyre-rto");

    let past_the_end = app.get("/api/v1/plans?page=2&per_page=1").await.json();
    assert_eq!(
        (
            past_the_end["total"].as_u64(),
            past_the_end["items"].as_array().map(Vec::len)
        ),
        (Some(1), Some(0))
    );
}

async fn plan_document(app: &TestApp, tree: &PlanTree) {
    let by_code = app.get("/api/v1/plans/tyre-rto").await;
    assert_eq!(by_code.status, StatusCode::OK);
    assert_eq!(by_code.header(header::ETAG), "\"1\"");
    let by_id = app.get(&format!("/api/v1/plans/{}", tree.plan.id)).await;
    assert_eq!(by_id.status, StatusCode::OK);
    let upper = app
        .get(&format!(
            "/api/v1/plans/{}",
            tree.plan.id.to_string().to_uppercase()
        ))
        .await;
    assert_eq!(
        upper.status,
        StatusCode::OK,
        "an id is accepted in any case"
    );
    let plan = by_code.json();
    assert_eq!(plan, by_id.json());
    let gzipped = app.get_gzip("/api/v1/plans/tyre-rto").await;
    assert_eq!(gzipped.header(header::CONTENT_ENCODING), "gzip");
    assert!(
        gzipped.body.len() * 3 < by_code.body.len(),
        "a whole plan compresses well"
    );

    assert_eq!(plan["id"], tree.plan.id.to_string());
    assert_eq!(plan["code"], "tyre-rto");
    assert_eq!(plan["currency"], "USD");
    assert_eq!(plan["languages"], json!(["en", "fr", "ar"]));
    assert_eq!(plan["quarters"], 12);
    assert_eq!(plan["version"], 1);
    assert_eq!(plan["owner"]["code"], "tyre-union");
    assert_eq!(plan["owner"]["type"], "union_of_municipalities");
    assert_eq!(plan["partners"][0]["code"], "dp-one");

    let calendar = plan["calendar"].as_array().unwrap();
    let labels: Vec<_> = calendar
        .iter()
        .map(|q| q["period"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        (1..=12).map(|i| format!("Q{i}")).collect::<Vec<_>>()
    );
    assert_eq!(
        (calendar[0]["start"].as_str(), calendar[0]["end"].as_str()),
        (Some("2027-01-01"), Some("2027-03-31"))
    );
    assert_eq!(
        (calendar[11]["start"].as_str(), calendar[11]["end"].as_str()),
        (Some("2029-10-01"), Some("2029-12-31"))
    );
    assert_eq!(plan["needs"].as_array().unwrap().len(), tree.needs.len());

    let milestones = plan["milestones"].as_array().unwrap();
    assert_eq!(milestones.len(), 7);
    let activities: Vec<&Json> = milestones
        .iter()
        .flat_map(|m| m["activities"].as_array().unwrap())
        .collect();
    assert_eq!(activities.len(), 27);
    let per_milestone: Vec<_> = milestones
        .iter()
        .map(|m| m["activities"].as_array().unwrap().len())
        .collect();
    assert_eq!(per_milestone, [7, 5, 6, 2, 3, 1, 3]);
    let numbers: Vec<_> = activities
        .iter()
        .map(|a| a["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (1..=27).collect::<Vec<_>>());

    let aoc = activities[6];
    assert_eq!(aoc["key"], "aoc");
    assert_eq!(aoc["display_number"], "7");
    assert_eq!(aoc["status"], "not_started");
    assert_eq!(aoc["slippage"], 0);
    assert_eq!(
        aoc["actual"],
        json!({"start_quarter": null, "end_quarter": null, "start_date": null, "end_date": null})
    );
    let planned = &aoc["planned"];
    let start = planned["start_quarter"].as_u64().unwrap();
    assert_eq!(planned["start_date"], calendar[start as usize - 1]["start"]);
    let leads = aoc["leads"].as_array().unwrap();
    assert_eq!(leads[0]["quarter"], planned["start_quarter"]);
    assert!(
        leads[0]["parties"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p == "tyre-union" || p == "dp-one")
    );
    assert_eq!(activities[23]["display_number"], "24.1");
    assert_eq!(activities[24]["key"], "handover_review");

    // Outputs under activities, outcomes under outputs, indicators with their values.
    let outputs: Vec<&Json> = activities
        .iter()
        .flat_map(|a| a["results"].as_array().unwrap())
        .collect();
    assert!(!outputs.is_empty());
    assert!(outputs.iter().all(|o| o["level"] == "output"));
    assert!(
        outputs
            .iter()
            .flat_map(|o| o["results"].as_array().unwrap())
            .all(|c| c["level"] == "outcome")
    );
    let indicator = find_indicator(&plan, &tree.indicators[0].code).expect("the first indicator");
    assert!(indicator["measure"].is_string());
    assert_eq!(
        indicator["values"],
        json!([{
            "id": tree.values[0].id.to_string(), "period": "Q2", "kind": "actual", "value": "1507.50",
            "dimensions": {"sex": "female"}, "comment": {"en": "exact"}, "evidence": null,
            "reported_by": "operator:tester", "reported_at": null, "version": 1,
        }]),
        "exact decimals are strings"
    );

    // Every risk appears once, with its score.
    let mut risks = plan["risks"].as_array().unwrap().clone();
    collect_risks(&plan["milestones"], &mut risks);
    assert_eq!(risks.len(), tree.risks.len());
    for r in &risks {
        assert_eq!(
            r["score"].as_u64(),
            Some(r["likelihood"].as_u64().unwrap() * r["impact"].as_u64().unwrap())
        );
    }
}

/// The indicator with `code` anywhere in the document.
fn find_indicator(doc: &Json, code: &str) -> Option<Json> {
    match doc {
        Json::Object(map) => {
            if map.get("statement").is_some()
                && map.get("code").and_then(Json::as_str) == Some(code)
            {
                return Some(doc.clone());
            }
            map.values().find_map(|v| find_indicator(v, code))
        }
        Json::Array(items) => items.iter().find_map(|v| find_indicator(v, code)),
        _ => None,
    }
}

/// Every risk under activities and results.
fn collect_risks(doc: &Json, out: &mut Vec<Json>) {
    match doc {
        Json::Object(map) => {
            for (k, v) in map {
                if k == "risks" {
                    out.extend(v.as_array().unwrap().iter().cloned());
                } else {
                    collect_risks(v, out);
                }
            }
        }
        Json::Array(items) => items.iter().for_each(|v| collect_risks(v, out)),
        _ => {}
    }
}

async fn errors(demo: &TestApp, closed: &TestApp) {
    let missing = demo.get("/api/v1/plans/no-such-plan").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let body = missing.json();
    assert_eq!(body["code"], "not_found");
    assert!(body["message"].as_str().unwrap().contains("no-such-plan"));
    assert_eq!(body["errors"], json!([]));

    let nowhere = demo.get("/api/v2/plans").await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    assert_eq!(nowhere.json()["code"], "not_found");
    assert_eq!(nowhere.json()["errors"], json!([]));

    // A write inside a plan by the read-only demo view is refused before routing (403); a
    // method no route answers gets 405.
    let read_only = demo.request(Method::DELETE, "/api/v1/plans/tyre-rto").await;
    assert_eq!(read_only.status, StatusCode::FORBIDDEN);
    let wrong_method = demo.request(Method::DELETE, "/api/v1/plans").await;
    assert_eq!(wrong_method.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(wrong_method.json()["code"], "method_not_allowed");
    assert!(wrong_method.header(header::ALLOW).contains("GET"));
    let post = demo
        .call(
            Method::POST,
            "/api/v1/plans/tyre-rto/milestones",
            None,
            &[],
            Some(json!({"title": {"en": "Not allowed"}})),
        )
        .await;
    assert_eq!(
        post.status,
        StatusCode::FORBIDDEN,
        "the demo view is read-only"
    );

    let bad_page = demo.get("/api/v1/plans?page=0&sort=name").await;
    assert_eq!(bad_page.status, StatusCode::BAD_REQUEST);
    let body = bad_page.json();
    assert_eq!(body["code"], "invalid_query");
    let fields: Vec<_> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["page", "sort"]);

    for path in [
        "/api/v1/plans",
        "/api/v1/plans/tyre-rto",
        "/api/v1/plans/no-such-plan",
    ] {
        let refused = closed.get(path).await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{path}");
        assert!(
            refused
                .header(header::WWW_AUTHENTICATE)
                .starts_with("Bearer")
        );
        assert_eq!(
            refused.json(),
            json!({
                "code": "unauthenticated",
                "message": "Sign in to use the API: send `Authorization: Bearer <token>` (create one with `handover token create`) or sign in with a browser session.",
                "errors": [],
            })
        );
    }
    assert_eq!(
        closed.get("/health").await.status,
        StatusCode::OK,
        "health needs no sign-in"
    );
}

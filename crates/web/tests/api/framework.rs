//! The framework's write and read routes with real bearer tokens: a plan made by POST from the
//! RTO template; milestones, activities (and a 24.2 instance), outputs, outcomes, indicators,
//! targets, actuals and risks added, changed, moved and deleted; statuses set by a reporter;
//! If-Match required and stale versions refused with nothing changed; bad input named field by
//! field; viewers, the ministry and outsiders refused; an audit entry for every write; material
//! changes raising the framework version and statuses not.

use super::*;
use handover_core::actor::Role;
use handover_store::audit::{self, AuditFilter};
use handover_store::framework;

/// One caller of the API.
struct Caller<'a> {
    app: &'a TestApp,
    token: Option<String>,
}

impl Caller<'_> {
    async fn send(
        &self,
        method: Method,
        path: &str,
        if_match: Option<&Json>,
        body: Option<Json>,
    ) -> Answer {
        let tag = if_match.map(|v| format!("\"{}\"", v.as_i64().expect("a version")));
        let headers: Vec<(&str, &str)> = tag.iter().map(|t| ("if-match", t.as_str())).collect();
        self.app
            .call(method, path, self.token.as_deref(), &headers, body)
            .await
    }

    async fn get(&self, path: &str) -> Answer {
        self.send(Method::GET, path, None, None).await
    }

    async fn post(&self, path: &str, body: Json) -> Answer {
        self.send(Method::POST, path, None, Some(body)).await
    }

    async fn patch(&self, path: &str, version: &Json, body: Json) -> Answer {
        self.send(Method::PATCH, path, Some(version), Some(body))
            .await
    }

    async fn delete(&self, path: &str, version: &Json) -> Answer {
        self.send(Method::DELETE, path, Some(version), None).await
    }
}

/// Asserts a status, showing the body when it is not the one expected.
#[track_caller]
fn expect(a: &Answer, status: StatusCode) {
    assert_eq!(a.status, status, "{}", a.text());
}

/// The error entries' fields of a refusal.
fn fields(a: &Answer) -> Vec<String> {
    a.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["field"].as_str().map(String::from))
        .collect()
}

const P: &str = "/api/v1/plans/fw-rto";

pub(crate) async fn run(store: &Store) {
    let app = TestApp::new(store, false);
    add_org(store, "fw-town", "municipality").await;
    add_org(store, "fw-partner", "development_partner").await;
    add_org(store, "fw-outsider", "municipality").await;
    add_org(store, "fw-ministry", "ministry").await;
    orgs::flag_ministry(store, &OP(), "fw-ministry", true)
        .await
        .unwrap();
    let caller = |token: Option<String>| Caller { app: &app, token };
    let editor = caller(Some(
        user_token(store, "fw-town", Role::Editor, "editor@fw.example.org").await,
    ));
    let reporter = caller(Some(
        user_token(
            store,
            "fw-partner",
            Role::Reporter,
            "reporter@fw.example.org",
        )
        .await,
    ));
    let viewer = caller(Some(
        user_token(store, "fw-town", Role::Viewer, "viewer@fw.example.org").await,
    ));
    let ministry = caller(Some(
        user_token(
            store,
            "fw-ministry",
            Role::Administrator,
            "m@fw.example.org",
        )
        .await,
    ));
    let outsider = caller(Some(
        user_token(
            store,
            "fw-outsider",
            Role::Administrator,
            "o@fw.example.org",
        )
        .await,
    ));

    let plan = create_plan(&editor, &viewer).await;
    let plan_id: handover_core::ids::PlanId = plan["id"].as_str().unwrap().parse().unwrap();
    let op = OP();
    let fv = || framework::framework_version(store, &op, plan_id);
    assert_eq!(fv().await.unwrap(), 1);

    Box::pin(organisations(&editor, &viewer)).await;
    Box::pin(templates(&editor, &viewer)).await;
    Box::pin(milestones(&editor)).await;
    assert!(fv().await.unwrap() > 1, "milestone changes are material");
    Box::pin(activities(&editor)).await;
    Box::pin(results_and_indicators(&editor, &reporter)).await;
    let before_risks = fv().await.unwrap();
    Box::pin(risks(&editor)).await;
    assert_eq!(fv().await.unwrap(), before_risks, "risks are not material");
    Box::pin(statuses(&reporter)).await;
    assert_eq!(
        fv().await.unwrap(),
        before_risks,
        "statuses are not material"
    );
    Box::pin(access(
        &viewer,
        &ministry,
        &outsider,
        &TestApp::new(store, true),
    ))
    .await;
    header_and_calendar(&editor).await;
    assert_eq!(
        fv().await.unwrap(),
        before_risks,
        "the header is not material"
    );

    // The OpenAPI document describes the new operations with their refusals.
    let doc = app.get("/api/openapi.json").await.json();
    let patch = &doc["paths"]["/api/v1/plans/{plan}/activities/{activity}"]["patch"];
    for status in ["200", "403", "404", "409", "412", "422", "428"] {
        assert!(
            patch["responses"][status].is_object(),
            "PATCH activity documents {status}"
        );
    }
    assert!(patch["requestBody"].is_object());
    assert!(doc["paths"]["/api/v1/plans/{plan}/indicators/{indicator}/values"]["post"].is_object());

    // Every kind of write left its entries in the audit trail.
    let trail = audit::list(
        store,
        &OP(),
        &AuditFilter {
            plan: Some(plan_id),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    for entity in [
        "plan",
        "milestone",
        "activity",
        "result",
        "indicator",
        "indicator_value",
        "risk",
    ] {
        for action in ["create", "update", "delete"] {
            if entity == "plan" && action == "delete" {
                continue;
            }
            assert!(
                trail
                    .iter()
                    .any(|e| e.entity == entity && e.action.as_str() == action),
                "no {action} of a {entity} in the audit trail"
            );
        }
    }
    let deleted = trail
        .iter()
        .find(|e| e.entity == "result" && e.action.as_str() == "delete")
        .unwrap();
    assert!(
        deleted.before.as_ref().unwrap()["results"]
            .as_array()
            .unwrap()
            .len()
            >= 2,
        "a delete keeps the subtree"
    );
}

async fn create_plan(editor: &Caller<'_>, viewer: &Caller<'_>) -> Json {
    let body = json!({
        "template": "rto-transition", "code": "fw-rto", "name": {"en": "Framework RTO"},
        "local_authority": "fw-town", "partners": ["fw-partner"], "start": "2027-01-01", "currency": "USD",
    });
    let refused = viewer.post("/api/v1/plans", body.clone()).await;
    expect(&refused, StatusCode::FORBIDDEN);
    let mut bad = body.clone();
    bad["start"] = json!("2027-01-15");
    bad["local_authority"] = json!("fw-partner");
    bad["partners"] = json!(["nobody"]);
    let bad = editor.post("/api/v1/plans", bad).await;
    expect(&bad, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&bad), ["/local_authority", "/partners/0", "/start"]);
    let made = editor.post("/api/v1/plans", body.clone()).await;
    expect(&made, StatusCode::CREATED);
    assert_eq!(made.header(header::LOCATION), "/api/v1/plans/fw-rto");
    assert_eq!(made.header(header::ETAG), "\"1\"");
    let plan = made.json();
    assert_eq!(plan["milestones"].as_array().unwrap().len(), 7);
    assert_eq!(plan["partners"][0]["code"], "fw-partner");
    let again = editor.post("/api/v1/plans", body).await;
    expect(&again, StatusCode::CONFLICT);
    assert_eq!(fields(&again), ["/code"]);
    plan
}

async fn organisations(editor: &Caller<'_>, viewer: &Caller<'_>) {
    let list = editor.get("/api/v1/organisations?per_page=200").await;
    expect(&list, StatusCode::OK);
    assert!(
        list.json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["code"] == "fw-town")
    );
    let one = editor.get("/api/v1/organisations/fw-town").await;
    expect(&one, StatusCode::OK);
    assert_eq!(one.json()["type"], "municipality");
    let new = json!({"code": "fw-ngo", "name": "An NGO", "type": "ngo", "region": "North"});
    expect(
        &viewer.post("/api/v1/organisations", new.clone()).await,
        StatusCode::FORBIDDEN,
    );
    let made = editor.post("/api/v1/organisations", new.clone()).await;
    expect(&made, StatusCode::CREATED);
    assert_eq!(
        made.header(header::LOCATION),
        "/api/v1/organisations/fw-ngo"
    );
    let dup = editor.post("/api/v1/organisations", new).await;
    expect(&dup, StatusCode::CONFLICT);
    assert_eq!(fields(&dup), ["/code"]);
    let bad = editor
        .post(
            "/api/v1/organisations",
            json!({"code": "Bad Code", "name": " ", "type": "bank", "ministry": true}),
        )
        .await;
    expect(&bad, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        fields(&bad),
        ["/ministry"],
        "a read-only field is refused first"
    );
}

async fn templates(editor: &Caller<'_>, viewer: &Caller<'_>) {
    let list = editor.get("/api/v1/templates").await;
    expect(&list, StatusCode::OK);
    assert!(
        list.json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["code"] == "rto-transition")
    );
    let rto = editor.get("/api/v1/templates/rto-transition").await;
    expect(&rto, StatusCode::OK);
    assert_eq!(rto.json()["milestones"].as_array().unwrap().len(), 7);
    let small = json!({
        "format": 1, "code": "fw-small", "kind": "generic", "name": {"en": "Small"},
        "milestones": [{"number": 1, "title": {"en": "Only"}, "activities": [
            {"number": 1, "title": {"en": "Do"}, "lead": "joint", "start_quarter": 3, "end_quarter": 2}
        ]}]
    });
    let bad = editor.post("/api/v1/templates", small.clone()).await;
    expect(&bad, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&bad), ["/milestones/0/activities/0/end_quarter"]);
    let mut good = small.clone();
    good["milestones"][0]["activities"][0]["end_quarter"] = json!(4);
    expect(
        &viewer.post("/api/v1/templates", good.clone()).await,
        StatusCode::FORBIDDEN,
    );
    let made = editor.post("/api/v1/templates", good.clone()).await;
    expect(&made, StatusCode::CREATED);
    expect(
        &editor.post("/api/v1/templates", good).await,
        StatusCode::CONFLICT,
    );
    let mut unknown = small;
    unknown["milestones"][0]["colour"] = json!("red");
    let unknown = editor.post("/api/v1/templates", unknown).await;
    expect(&unknown, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&unknown), ["/milestones/0/colour"]);
}

async fn milestones(editor: &Caller<'_>) {
    let made = editor
        .post(
            &format!("{P}/milestones"),
            json!({"title": {"en": "Extra phase"}, "number": 2, "key": "extra"}),
        )
        .await;
    expect(&made, StatusCode::CREATED);
    let m = made.json();
    assert_eq!(m["number"], 2);
    let list = editor.get(&format!("{P}/milestones")).await.json();
    assert_eq!(list["total"], 8);
    assert_eq!(
        list["items"][2]["title"]["en"], "Inception phase",
        "the others moved up"
    );
    let url = format!("{P}/milestones/extra");

    let no_if_match = editor
        .send(
            Method::PATCH,
            &url,
            None,
            Some(json!({"title": {"en": "x"}})),
        )
        .await;
    expect(&no_if_match, StatusCode::PRECONDITION_REQUIRED);
    let changed = editor
        .patch(
            &url,
            &m["version"],
            json!({"objective": {"en": "More"}, "number": 8}),
        )
        .await;
    expect(&changed, StatusCode::OK);
    assert_eq!(changed.header(header::ETAG), "\"2\"");
    assert_eq!(changed.json()["number"], 8, "moved to the end");
    let stale = editor
        .patch(&url, &m["version"], json!({"title": {"en": "Lost"}}))
        .await;
    expect(&stale, StatusCode::PRECONDITION_FAILED);
    let now = editor.get(&url).await;
    assert_eq!(
        now.json()["title"]["en"],
        "Extra phase",
        "a stale write changes nothing"
    );
    assert_eq!(now.header(header::ETAG), "\"2\"");
    let unknown = editor
        .patch(
            &url,
            &json!(2),
            json!({"colour": "red", "activities": [], "id": "x", "title": {"en": "ok"}}),
        )
        .await;
    expect(&unknown, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&unknown), ["/activities", "/colour", "/id"]);
    expect(
        &editor.delete(&url, &json!(1)).await,
        StatusCode::PRECONDITION_FAILED,
    );
    expect(
        &editor.delete(&url, &json!(2)).await,
        StatusCode::NO_CONTENT,
    );
    expect(&editor.get(&url).await, StatusCode::NOT_FOUND);
    assert_eq!(
        editor.get(&format!("{P}/milestones")).await.json()["total"],
        7
    );
}

async fn activities(editor: &Caller<'_>) {
    // Another instance of the repeatable activity 24, with its framework copied.
    let inst = editor
        .post(
            &format!("{P}/activities/specialised_training/instances"),
            json!({"title": {"en": "Second training"}}),
        )
        .await;
    expect(&inst, StatusCode::CREATED);
    let inst = inst.json();
    assert_eq!(inst["display_number"], "24.2");
    assert!(
        !inst["results"].as_array().unwrap().is_empty(),
        "outputs are copied"
    );
    expect(
        &editor.get(&format!("{P}/activities/24.2")).await,
        StatusCode::OK,
    );
    let not_repeatable = editor
        .post(&format!("{P}/activities/aoc/instances"), json!({}))
        .await;
    expect(&not_repeatable, StatusCode::UNPROCESSABLE_ENTITY);

    let made = editor
        .post(
            &format!("{P}/activities"),
            json!({"milestone": "1", "key": "fw_extra", "title": {"en": "Extra consultation"},
                   "planned": {"start_quarter": 2, "end_quarter": 3}, "leads": [{"quarter": 2, "parties": ["fw-town", "fw-partner"]}]}),
        )
        .await;
    expect(&made, StatusCode::CREATED);
    let a = made.json();
    assert_eq!(a["number"], 8, "at the end of milestone 1");
    assert_eq!(
        editor.get(&format!("{P}/activities/aoc")).await.json()["number"],
        7
    );
    assert_eq!(
        editor
            .get(&format!("{P}/activities/specialised_training"))
            .await
            .json()["display_number"],
        "25.1"
    );
    let m1 = editor
        .get(&format!("{P}/activities?milestone=1"))
        .await
        .json();
    assert_eq!(m1["total"], 8);
    let url = format!("{P}/activities/fw_extra");

    let backwards = editor
        .patch(
            &url,
            &a["version"],
            json!({"planned": {"start_quarter": 5, "end_quarter": 3}}),
        )
        .await;
    expect(&backwards, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&backwards), ["/planned/end_quarter"]);
    let read_only = editor
        .patch(
            &url,
            &a["version"],
            json!({"status": "started", "display_number": "1", "colour": 1}),
        )
        .await;
    expect(&read_only, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        fields(&read_only),
        ["/colour", "/display_number", "/status"]
    );
    let moved = editor
        .patch(
            &url,
            &a["version"],
            json!({"position": 1, "planned": {"end_quarter": 4}}),
        )
        .await;
    expect(&moved, StatusCode::OK);
    assert_eq!(
        (
            moved.json()["number"].as_u64(),
            moved.json()["planned"]["end_quarter"].as_u64()
        ),
        (Some(1), Some(4))
    );
    assert_eq!(
        editor.get(&format!("{P}/activities/1")).await.json()["key"],
        "fw_extra"
    );
    let deleted = editor.delete(&url, &moved.json()["version"]).await;
    expect(&deleted, StatusCode::NO_CONTENT);
    assert_eq!(
        editor.get(&format!("{P}/activities/aoc")).await.json()["number"],
        7,
        "renumbered"
    );
    let second = editor
        .get(&format!("{P}/activities/{}", inst["id"].as_str().unwrap()))
        .await
        .json();
    expect(
        &editor
            .delete(
                &format!("{P}/activities/{}", second["id"].as_str().unwrap()),
                &second["version"],
            )
            .await,
        StatusCode::NO_CONTENT,
    );
    assert_eq!(
        editor
            .get(&format!("{P}/activities?per_page=200"))
            .await
            .json()["total"],
        27
    );
}

async fn results_and_indicators(editor: &Caller<'_>, reporter: &Caller<'_>) {
    let output = editor
        .post(&format!("{P}/results"), json!({"parent": {"kind": "activity", "id": "aoc"}, "level": "output", "title": {"en": "Signed AoC"}}))
        .await;
    expect(&output, StatusCode::CREATED);
    let output = output.json();
    let oid = output["id"].as_str().unwrap().to_owned();
    let outcome = editor
        .post(&format!("{P}/results"), json!({"parent": {"kind": "result", "id": oid}, "level": "outcome", "title": {"en": "Funding flows"}}))
        .await;
    expect(&outcome, StatusCode::CREATED);
    let outcome = outcome.json();
    let no_id = editor
        .post(
            &format!("{P}/results"),
            json!({"parent": {"kind": "result"}, "level": "outcome", "title": {"en": "x"}}),
        )
        .await;
    assert_eq!(fields(&no_id), ["/parent/id"]);
    let cycle = editor
        .patch(
            &format!("{P}/results/{oid}"),
            &output["version"],
            json!({"parent": {"kind": "result", "id": outcome["id"]}}),
        )
        .await;
    assert_eq!(
        fields(&cycle),
        ["/parent/id"],
        "a result cannot hang under its own results"
    );
    let first = editor
        .patch(
            &format!("{P}/results/{oid}"),
            &output["version"],
            json!({"position": 1}),
        )
        .await;
    expect(&first, StatusCode::OK);
    let aoc = editor.get(&format!("{P}/activities/aoc")).await.json();
    assert_eq!(
        aoc["results"][0]["id"],
        oid.as_str(),
        "moved first among the activity's results"
    );
    let ourl = format!("{P}/results/{}", outcome["id"].as_str().unwrap());
    expect(
        &editor
            .patch(
                &ourl,
                &outcome["version"],
                json!({"title": {"en": "Funding flows on time"}}),
            )
            .await,
        StatusCode::OK,
    );

    let ind = editor
        .post(
            &format!("{P}/indicators"),
            json!({"result": oid, "code": "fw.1", "statement": {"en": "Agreements signed"}, "measure": "unit",
                   "baselines": [{"value": "N/A", "date": "2026-12-31"}]}),
        )
        .await;
    expect(&ind, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&ind), ["/baselines/0/value"]);
    let ind = editor
        .post(
            &format!("{P}/indicators"),
            json!({"result": oid, "code": "fw.1", "statement": {"en": "Agreements signed"}, "measure": "unit",
                   "baselines": [{"value": "0", "date": "2026-12-31"}]}),
        )
        .await;
    expect(&ind, StatusCode::CREATED);
    let ind = ind.json();
    let second = editor
        .post(&format!("{P}/indicators"), json!({"result": oid, "code": "fw.2", "statement": {"en": "Share"}, "measure": "percentage", "position": 1}))
        .await;
    expect(&second, StatusCode::CREATED);
    let of_output = editor
        .get(&format!("{P}/indicators?result={oid}"))
        .await
        .json();
    assert_eq!(of_output["items"][0]["code"], "fw.2", "added first");
    let iurl = format!("{P}/indicators/fw.1");
    expect(
        &editor
            .patch(
                &iurl,
                &ind["version"],
                json!({"unit": "agreements", "direction": "up"}),
            )
            .await,
        StatusCode::OK,
    );
    let dup = editor
        .patch(&iurl, &json!(2), json!({"code": "fw.2"}))
        .await;
    expect(&dup, StatusCode::CONFLICT);

    // Targets by editors, actuals by reporters; numbers only for a numeric measure.
    let vurl = format!("{iurl}/values");
    let target = json!({"period": "Q3", "kind": "target", "value": "2"});
    expect(
        &reporter.post(&vurl, target.clone()).await,
        StatusCode::FORBIDDEN,
    );
    expect(&editor.post(&vurl, target).await, StatusCode::CREATED);
    let na = reporter
        .post(
            &vurl,
            json!({"period": "Q2", "kind": "actual", "value": "N/A"}),
        )
        .await;
    expect(&na, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&na), ["/value"]);
    let actual = reporter
        .post(&vurl, json!({"period": "q2", "kind": "actual", "value": "1", "dimensions": {"sex": "female"}, "evidence": "https://example.org/aoc.pdf"}))
        .await;
    expect(&actual, StatusCode::CREATED);
    let actual = actual.json();
    assert_eq!(
        (actual["period"].as_str(), actual["value"].as_str()),
        (Some("Q2"), Some("1"))
    );
    let again = reporter.post(&vurl, json!({"period": "Q2", "kind": "actual", "value": "2", "dimensions": {"sex": "female"}})).await;
    expect(&again, StatusCode::CONFLICT);
    let q2 = reporter
        .get(&format!("{vurl}?period=Q2&kind=actual"))
        .await
        .json();
    assert_eq!(q2["total"], 1);
    let aurl = format!("{vurl}/{}", actual["id"].as_str().unwrap());
    let fixed = reporter
        .patch(&aurl, &actual["version"], json!({"value": "1.50"}))
        .await;
    expect(&fixed, StatusCode::OK);
    assert_eq!(fixed.json()["value"], "1.50", "exact decimals");
    expect(
        &reporter
            .patch(&aurl, &json!(2), json!({"period": "Q4"}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    let others = editor.delete(&aurl, &json!(2)).await;
    expect(&others, StatusCode::FORBIDDEN);
    expect(
        &reporter.delete(&aurl, &json!(2)).await,
        StatusCode::NO_CONTENT,
    );
    let measure = editor
        .patch(&iurl, &json!(2), json!({"measure": "qualitative"}))
        .await;
    expect(&measure, StatusCode::OK);

    expect(
        &editor
            .delete(&format!("{P}/indicators/fw.2"), &json!(1))
            .await,
        StatusCode::NO_CONTENT,
    );
    let gone = editor
        .delete(&format!("{P}/results/{oid}"), &json!(2))
        .await;
    expect(&gone, StatusCode::NO_CONTENT);
    expect(&editor.get(&ourl).await, StatusCode::NOT_FOUND);
    expect(&editor.get(&iurl).await, StatusCode::NOT_FOUND);
}

async fn risks(editor: &Caller<'_>) {
    let url = format!("{P}/risks");
    let high = editor
        .post(
            &url,
            json!({"description": {"en": "x"}, "likelihood": "high", "impact": 3}),
        )
        .await;
    expect(&high, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&high), ["/likelihood"]);
    let seven = editor
        .post(
            &url,
            json!({"description": {"en": "x"}, "likelihood": 7, "impact": 3}),
        )
        .await;
    expect(&seven, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&seven), ["/likelihood"]);
    let made = editor
        .post(&url, json!({"activity": "aoc", "description": {"en": "The council delays signing"}, "likelihood": 3, "impact": 4}))
        .await;
    expect(&made, StatusCode::CREATED);
    let r = made.json();
    assert_eq!(r["score"], 12);
    let rurl = format!("{url}/{}", r["id"].as_str().unwrap());
    let moved = editor
        .patch(&rurl, &r["version"], json!({"activity": "1"}))
        .await;
    assert_eq!(fields(&moved), ["/activity"]);
    let changed = editor
        .patch(
            &rurl,
            &r["version"],
            json!({"status": "monitoring", "review_date": "2027-06-30"}),
        )
        .await;
    expect(&changed, StatusCode::OK);
    let monitoring = editor.get(&format!("{url}?status=monitoring")).await.json();
    assert_eq!(monitoring["total"], 1);
    expect(
        &editor.get(&format!("{url}?status=sleeping")).await,
        StatusCode::BAD_REQUEST,
    );
    expect(
        &editor.delete(&rurl, &json!(2)).await,
        StatusCode::NO_CONTENT,
    );
}

async fn statuses(reporter: &Caller<'_>) {
    let aoc = reporter.get(&format!("{P}/activities/aoc")).await.json();
    let url = format!("{P}/activities/aoc/status");
    let set = reporter
        .send(
            Method::PUT,
            &url,
            Some(&aoc["version"]),
            Some(json!({"status": "started", "note": "Drafting"})),
        )
        .await;
    expect(&set, StatusCode::OK);
    assert_eq!(set.json()["status"], "started");
    let stale = reporter
        .send(
            Method::PUT,
            &url,
            Some(&aoc["version"]),
            Some(json!({"status": "advanced"})),
        )
        .await;
    expect(&stale, StatusCode::PRECONDITION_FAILED);
    let history = reporter
        .get(&format!("{P}/activities/aoc/status-history"))
        .await
        .json();
    assert_eq!(history["total"], 1);
    assert_eq!(history["items"][0]["to"], "started");
    // A reporter reports; it does not change the framework.
    let refused = reporter
        .patch(
            &format!("{P}/activities/aoc"),
            &set.json()["version"],
            json!({"title": {"en": "x"}}),
        )
        .await;
    expect(&refused, StatusCode::FORBIDDEN);
}

async fn access(viewer: &Caller<'_>, ministry: &Caller<'_>, outsider: &Caller<'_>, demo: &TestApp) {
    let body = json!({"title": {"en": "Not allowed"}});
    expect(
        &viewer.post(&format!("{P}/milestones"), body.clone()).await,
        StatusCode::FORBIDDEN,
    );
    expect(
        &ministry.get(&format!("{P}/milestones")).await,
        StatusCode::OK,
    );
    expect(
        &ministry
            .post(&format!("{P}/milestones"), body.clone())
            .await,
        StatusCode::FORBIDDEN,
    );
    expect(
        &ministry
            .patch(
                &format!("{P}/activities/aoc"),
                &json!(2),
                json!({"title": {"en": "x"}}),
            )
            .await,
        StatusCode::FORBIDDEN,
    );
    expect(
        &outsider.get(&format!("{P}/activities/aoc")).await,
        StatusCode::NOT_FOUND,
    );
    expect(
        &outsider
            .post(&format!("{P}/milestones"), body.clone())
            .await,
        StatusCode::NOT_FOUND,
    );
    expect(
        &outsider
            .patch(
                &format!("{P}/activities/aoc"),
                &json!(2),
                json!({"title": {"en": "x"}}),
            )
            .await,
        StatusCode::NOT_FOUND,
    );
    let reader = Caller {
        app: demo,
        token: None,
    };
    expect(
        &reader.post(&format!("{P}/milestones"), body).await,
        StatusCode::FORBIDDEN,
    );
}

async fn header_and_calendar(editor: &Caller<'_>) {
    let calendar = editor.get(&format!("{P}/calendar")).await;
    expect(&calendar, StatusCode::OK);
    assert_eq!(calendar.json()["total"], 12);
    assert_eq!(calendar.json()["items"][2]["period"], "Q3");
    let renamed = editor
        .patch(
            P,
            &json!(1),
            json!({"name": {"en": "Framework RTO, renamed"}, "report_due_days": 45}),
        )
        .await;
    expect(&renamed, StatusCode::OK);
    assert_eq!(renamed.header(header::ETAG), "\"2\"");
    assert_eq!(renamed.json()["report_due_days"], 45);
    expect(
        &editor
            .patch(P, &json!(1), json!({"report_due_days": 10}))
            .await,
        StatusCode::PRECONDITION_FAILED,
    );
    let bad = editor
        .patch(P, &json!(2), json!({"report_due_days": -1, "code": "x"}))
        .await;
    expect(&bad, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&bad), ["/code"]);
}

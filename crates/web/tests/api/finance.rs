//! A finance officer's walk through the finance API, with Lebanon's rates of SPEC §4: a plan
//! from January 2021 costed in pounds and dollars (the RTO's staff time, a consultant, catering,
//! the partner's staff), rates of three types back to 2019, totals checked to the cent in each
//! line's own currency and converted at each quarter's rate, a missing rate named, the AoC
//! baseline frozen, a spreadsheet with bad rows refused whole, the budget revised at handover
//! and compared, spending in both currencies with an overspent line flagged, the workbook
//! downloaded, stale versions refused; rates imported, edited and a salary's real terms.

use super::*;
use handover_core::actor::Role;

const P: &str = "/api/v1/plans/fin-rto";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// One caller of the API.
struct Caller<'a> {
    app: &'a TestApp,
    token: String,
}

impl Caller<'_> {
    async fn send(
        &self,
        method: Method,
        path: &str,
        tag: Option<&str>,
        body: Option<Json>,
    ) -> Answer {
        let headers: Vec<(&str, &str)> = tag.iter().map(|t| ("if-match", *t)).collect();
        self.app
            .call(method, path, Some(&self.token), &headers, body)
            .await
    }

    async fn get(&self, path: &str) -> Answer {
        self.send(Method::GET, path, None, None).await
    }

    async fn post(&self, path: &str, body: Json) -> Answer {
        self.send(Method::POST, path, None, Some(body)).await
    }

    async fn upload(&self, path: &str, content_type: &str, body: &str) -> Answer {
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::AUTHORIZATION, format!("Bearer {}", self.token))
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body.to_owned()))
            .unwrap();
        self.app.send(request).await
    }
}

/// Asserts a status, showing the body when it is not the one expected.
#[track_caller]
fn expect(a: &Answer, status: StatusCode) -> Json {
    assert_eq!(a.status, status, "{}", a.text());
    if a.body.is_empty() {
        Json::Null
    } else {
        a.json()
    }
}

/// The amounts of a total as `["9025.75 USD"]`.
fn money(total: &Json) -> Vec<String> {
    total
        .as_array()
        .unwrap_or_else(|| panic!("not a total: {total}"))
        .iter()
        .map(|m| {
            format!(
                "{} {}",
                m["amount"].as_str().unwrap(),
                m["currency"].as_str().unwrap()
            )
        })
        .collect()
}

/// The entry of a list whose `key` is `value`.
fn entry<'a>(list: &'a Json, key: &str, value: Json) -> &'a Json {
    list.as_array()
        .unwrap()
        .iter()
        .find(|e| e[key] == value)
        .unwrap_or_else(|| panic!("no {key} = {value} in {list}"))
}

pub(crate) async fn run(store: &Store) {
    let app = TestApp::new(store, false);
    add_org(store, "fin-town", "union_of_municipalities").await;
    add_org(store, "fin-partner", "development_partner").await;
    add_org(store, "fin-outsider", "municipality").await;
    let caller = |token| Caller { app: &app, token };
    let officer =
        caller(user_token(store, "fin-town", Role::Editor, "officer@fin.example.org").await);
    let reporter = caller(
        user_token(
            store,
            "fin-partner",
            Role::Reporter,
            "reporter@fin.example.org",
        )
        .await,
    );
    let viewer =
        caller(user_token(store, "fin-town", Role::Viewer, "viewer@fin.example.org").await);
    let outsider = caller(
        user_token(
            store,
            "fin-outsider",
            Role::Administrator,
            "o@fin.example.org",
        )
        .await,
    );

    let made = officer
        .post(
            "/api/v1/plans",
            json!({"template": "rto-transition", "code": "fin-rto", "name": {"en": "Finance RTO"},
                   "local_authority": "fin-town", "partners": ["fin-partner"], "start": "2021-01-01",
                   "currency": "USD"}),
        )
        .await;
    expect(&made, StatusCode::CREATED);

    Box::pin(rates(&officer, &viewer)).await;
    let lines = Box::pin(cost_lines(&officer, &viewer, &outsider)).await;
    Box::pin(totals(&officer)).await;
    Box::pin(settings_and_baseline(&officer)).await;
    Box::pin(bad_imports(&officer, store)).await;
    Box::pin(revision(&officer, &lines)).await;
    Box::pin(spending(&officer, &reporter, &lines)).await;
    Box::pin(workbook(&officer, &viewer)).await;
    Box::pin(real_terms(&officer)).await;
}

/// Lebanon's dollar rates of the pound by type, some added one by one, the rest imported.
async fn rates(officer: &Caller<'_>, viewer: &Caller<'_>) {
    let rate = |t: &str, d: &str, r: &str| json!({"base": "USD", "quote": "LBP", "rate_type": t, "date": d, "rate": r, "source": "BdL"});
    let first = officer
        .post(
            "/api/v1/exchange-rates",
            rate("official", "2019-01-01", "1507.5"),
        )
        .await;
    let first = expect(&first, StatusCode::CREATED);
    assert_eq!(first["rate"], "1507.5", "a rate is stored exactly");
    let again = officer
        .post(
            "/api/v1/exchange-rates",
            rate("official", "2019-01-01", "1500"),
        )
        .await;
    expect(&again, StatusCode::CONFLICT);
    let refused = viewer
        .post(
            "/api/v1/exchange-rates",
            rate("official", "2019-02-01", "1500"),
        )
        .await;
    expect(&refused, StatusCode::FORBIDDEN);
    let bad = officer
        .post(
            "/api/v1/exchange-rates",
            json!({"base": "USD", "quote": "USD", "rate_type": "official", "date": "2019-13-01", "rate": "0"}),
        )
        .await;
    expect(&bad, StatusCode::UNPROCESSABLE_ENTITY);
    let number = officer
        .post(
            "/api/v1/exchange-rates",
            json!({"base": "USD", "quote": "LBP", "rate_type": "official", "date": "2019-01-01", "rate": 1507.5}),
        )
        .await;
    let body = expect(&number, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["errors"][0]["field"], "/rate",
        "a rate is a string: {body}"
    );

    // A typo, corrected with the version read; the stale version is refused.
    let typo = officer
        .post(
            "/api/v1/exchange-rates",
            rate("platform", "2021-06-01", "1200"),
        )
        .await;
    let typo = expect(&typo, StatusCode::CREATED);
    let url = format!("/api/v1/exchange-rates/{}", typo["id"].as_str().unwrap());
    assert_eq!(officer.get(&url).await.header(header::ETAG), "\"1\"");
    let fixed = officer
        .send(
            Method::PATCH,
            &url,
            Some("\"1\""),
            Some(json!({"rate": "12000"})),
        )
        .await;
    assert_eq!(expect(&fixed, StatusCode::OK)["rate"], "12000");
    let stale = officer
        .send(
            Method::PATCH,
            &url,
            Some("\"1\""),
            Some(json!({"rate": "1"})),
        )
        .await;
    expect(&stale, StatusCode::PRECONDITION_FAILED);
    let no_tag = officer.send(Method::DELETE, &url, None, None).await;
    expect(&no_tag, StatusCode::PRECONDITION_REQUIRED);

    // The rest from a spreadsheet; the official rate already there is unchanged.
    let csv = "Date,Base,Quote,Rate type,Rate,Source\n\
               2019-01-01,USD,LBP,official,1507.5,BdL\n\
               2023-02-01,USD,LBP,official,15000,BdL\n\
               2019-01-01,USD,LBP,parallel market,1507.5,lirarate\n\
               2020-07-01,USD,LBP,parallel_market,8000,lirarate\n\
               2021-07-01,USD,LBP,parallel_market,20000,lirarate\n\
               2023-03-01,USD,LBP,parallel_market,100000,lirarate\n\
               2022-01-03,USD,LBP,platform,22700,Sayrafa\n";
    let imported = officer
        .upload("/api/v1/exchange-rates/import", "text/csv", csv)
        .await;
    assert_eq!(
        expect(&imported, StatusCode::OK),
        json!({"added": 6, "replaced": 0, "unchanged": 1})
    );
    let refused = viewer
        .upload("/api/v1/exchange-rates/import", "text/csv", csv)
        .await;
    expect(&refused, StatusCode::FORBIDDEN);

    let platform = officer
        .get("/api/v1/exchange-rates?currency=LBP&rate_type=platform")
        .await;
    let platform = expect(&platform, StatusCode::OK);
    assert_eq!(platform["total"], 2);
    assert_eq!(platform["items"][0]["date"], "2022-01-03", "latest first");
    let since = viewer
        .get("/api/v1/exchange-rates?currency=lbp&from=2023-01-01&to=2023-12-31")
        .await;
    assert_eq!(
        expect(&since, StatusCode::OK)["total"],
        2,
        "viewers read rates"
    );
    let bad = officer
        .get("/api/v1/exchange-rates?rate_type=black&when=now")
        .await;
    let body = expect(&bad, StatusCode::BAD_REQUEST);
    assert_eq!(body["code"], "invalid_query");
}

/// The officer's cost lines: ids of the RTO's staff (pounds), a consultant (dollars), catering
/// (pounds) and the partner's staff (dollars).
struct Lines {
    staff: String,
    consultant: String,
    catering: String,
    partner_staff: String,
}

async fn cost_lines(officer: &Caller<'_>, viewer: &Caller<'_>, outsider: &Caller<'_>) -> Lines {
    let path = format!("{P}/cost-lines");
    let add = |body: Json| {
        let path = path.clone();
        async move {
            let a = officer.post(&path, body).await;
            let doc = expect(&a, StatusCode::CREATED);
            assert_eq!(
                a.header(header::LOCATION),
                format!("{P}/cost-lines/{}", doc["id"].as_str().unwrap())
            );
            assert_eq!(a.header(header::ETAG), "\"1\"");
            doc
        }
    };
    // In-house expertise: RTO staff paid by the union, in pounds, three quarters.
    let staff = add(json!({
        "activity": "aoc", "category": "in_house_expertise",
        "description": {"en": "RTO coordinator", "ar": "منسق المكتب"}, "unit": "person_month",
        "unit_price": "3000000", "currency": "LBP", "quantities": {"Q1": "3", "Q5": "3", "Q9": "3"},
    }))
    .await;
    assert_eq!(
        staff["funder"], "fin-town",
        "the plan's owner funds by default"
    );
    assert_eq!(staff["activity"], "7");
    assert_eq!(staff["milestone"], 1);
    assert_eq!(
        staff["quantities"],
        json!({"Q1": "3", "Q5": "3", "Q9": "3"})
    );
    assert_eq!(
        staff["amount"],
        json!({"amount": "27000000.00", "currency": "LBP"})
    );
    let consultant = add(json!({
        "activity": "1", "category": "external_expertise", "description": {"en": "Consultant"},
        "unit": "person_day", "unit_price": "333.333", "funder": "fin-partner", "quantities": {"Q2": "3"},
    }))
    .await;
    assert_eq!(
        consultant["currency"], "USD",
        "the plan's currency by default"
    );
    assert_eq!(
        consultant["amount"]["amount"], "1000.00",
        "999.999 is rounded once, for the line's total"
    );
    let catering = add(json!({
        "activity": "aoc", "category": "logistics", "description": {"en": "Catering"}, "unit": "event",
        "unit_price": "1507.5", "currency": "LBP", "funder": "fin-partner", "quantities": {"q3": "10"},
    }))
    .await;
    let partner_staff = add(json!({
        "activity": "aoc", "category": "in_house_expertise", "description": {"en": "Partner's staff"},
        "unit": "person_month", "unit_price": "1000", "funder": "fin-partner",
        "quantities": {"Q1": "3", "Q5": "2", "Q9": "1"},
    }))
    .await;

    // Every problem named by its field.
    let bad = officer
        .post(
            &path,
            json!({"activity": "99", "category": "logistics", "description": {}, "unit": "event",
                   "unit_price": "-1", "funder": "nobody", "quantities": {"Q13": "1", "Q2": "-2"}}),
        )
        .await;
    let body = expect(&bad, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for f in [
        "/activity",
        "/unit_price",
        "/funder",
        "/quantities/Q13",
        "/quantities/Q2",
    ] {
        assert!(fields.contains(&f), "{f} is named: {body}");
    }
    let bad = officer
        .post(
            &path,
            json!({"activity": "aoc", "quantities": {"third": "1"}}),
        )
        .await;
    let body = expect(&bad, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "/quantities/third");

    let list = expect(
        &officer.get(&format!("{path}?activity=aoc")).await,
        StatusCode::OK,
    );
    assert_eq!(list["total"], 3);
    let list = expect(
        &viewer
            .get(&format!(
                "{path}?funder=fin-partner&category=in_house_expertise"
            ))
            .await,
        StatusCode::OK,
    );
    assert_eq!(list["total"], 1, "viewers read the budget");
    expect(
        &viewer.post(&path, json!({"activity": "aoc"})).await,
        StatusCode::FORBIDDEN,
    );
    expect(&outsider.get(&path).await, StatusCode::NOT_FOUND);

    // Stale and missing versions are refused and change nothing.
    let url = format!("{path}/{}", catering["id"].as_str().unwrap());
    let moved = officer
        .send(
            Method::PATCH,
            &url,
            Some("\"1\""),
            Some(json!({"description": {"en": "Catering, lunches"}})),
        )
        .await;
    assert_eq!(expect(&moved, StatusCode::OK)["version"], 2);
    let stale = officer
        .send(
            Method::PATCH,
            &url,
            Some("\"1\""),
            Some(json!({"unit_price": "1"})),
        )
        .await;
    assert_eq!(
        expect(&stale, StatusCode::PRECONDITION_FAILED)["code"],
        "stale"
    );
    let no_tag = officer
        .send(Method::PATCH, &url, None, Some(json!({"unit_price": "1"})))
        .await;
    expect(&no_tag, StatusCode::PRECONDITION_REQUIRED);
    let read = officer.get(&url).await;
    assert_eq!(read.header(header::ETAG), "\"2\"");
    assert_eq!(read.json()["unit_price"], "1507.5", "exactly as written");

    let id = |d: &Json| d["id"].as_str().unwrap().to_owned();
    Lines {
        staff: id(&staff),
        consultant: id(&consultant),
        catering: id(&catering),
        partner_staff: id(&partner_staff),
    }
}

/// Totals to the cent: per currency, and in dollars at the market, official and platform rates.
async fn totals(officer: &Caller<'_>) {
    let own = expect(&officer.get(&format!("{P}/budget")).await, StatusCode::OK);
    assert_eq!(
        own["conversion"],
        json!({"currency": null, "rate_type": null, "at": null})
    );
    assert_eq!(own["lines"], 4);
    assert_eq!(money(&own["total"]), ["27015075.00 LBP", "7000.00 USD"]);
    let aoc = entry(&own["by_activity"], "display_number", json!("7"));
    assert_eq!(money(&aoc["total"]), ["27015075.00 LBP", "6000.00 USD"]);
    assert_eq!(
        own["by_activity"].as_array().unwrap().len(),
        27,
        "every activity is listed"
    );
    let year = entry(&own["by_year"], "year", json!(2021));
    assert_eq!(money(&year["total"]), ["9015075.00 LBP", "4000.00 USD"]);
    let staff = entry(&own["by_category"], "category", json!("in_house_expertise"));
    assert_eq!(money(&staff["total"]), ["27000000.00 LBP", "6000.00 USD"]);
    assert_eq!(
        own["cost_sharing"].as_array().unwrap().len(),
        2,
        "a sharing per currency"
    );

    // At the parallel market rate of each quarter's first day.
    let market = officer
        .get(&format!(
            "{P}/budget?currency=USD&rate_type=parallel_market&at=quarter_start"
        ))
        .await;
    let market = expect(&market, StatusCode::OK);
    assert_eq!(money(&market["total"]), ["9025.75 USD"]);
    let q1 = entry(&market["by_quarter"], "period", json!("Q1"));
    assert_eq!(q1["start"], "2021-01-01");
    assert_eq!(
        money(&q1["total"]),
        ["4125.00 USD"],
        "9,000,000 LBP at 8,000 and 3,000 USD"
    );
    let town = entry(&market["by_party"], "party", json!("fin-town"));
    assert_eq!(money(&town["total"]), ["2025.00 USD"]);
    let q4 = entry(&market["by_quarter"], "period", json!("Q4"));
    assert_eq!(
        money(&q4["total"]),
        ["0.00 USD"],
        "an empty quarter is zero in the currency"
    );
    // The shift to the local authority, year by year.
    let sharing = &market["cost_sharing"][0];
    assert_eq!(sharing["currency"], "USD");
    let shares = |year: i64| {
        let y = entry(&sharing["by_year"], "year", json!(year));
        y["shares"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                format!(
                    "{} {} {}",
                    s["party"].as_str().unwrap(),
                    s["amount"].as_str().unwrap(),
                    s["share"].as_str().unwrap()
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        shares(2021),
        ["fin-town 1125.00 0.2195", "fin-partner 4000.75 0.7805"]
    );
    assert_eq!(
        shares(2022),
        ["fin-town 450.00 0.1837", "fin-partner 2000.00 0.8163"]
    );
    assert_eq!(
        shares(2023),
        ["fin-town 450.00 0.3103", "fin-partner 1000.00 0.6897"]
    );

    // At the official rate the same pounds are worth far more dollars.
    let official = officer.get(&format!("{P}/budget?currency=USD")).await;
    let official = expect(&official, StatusCode::OK);
    assert_eq!(
        official["conversion"]["rate_type"], "official",
        "the plan's default"
    );
    assert_eq!(money(&official["total"]), ["24920.45 USD"]);
    let fixed = officer
        .get(&format!(
            "{P}/budget?currency=usd&rate_type=platform&at=2022-06-30"
        ))
        .await;
    assert_eq!(
        money(&expect(&fixed, StatusCode::OK)["total"]),
        ["8190.09 USD"]
    );

    // No platform rate before June 2021: the pair, the type and the date are named.
    let missing = officer
        .get(&format!("{P}/budget?currency=USD&rate_type=platform"))
        .await;
    let body = expect(&missing, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["code"], "missing_rate");
    let errors = body["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{body}");
    assert_eq!(errors[0]["field"], "currency");
    assert_eq!(
        errors[0]["message"],
        "no platform rate between LBP and USD on or before 2021-01-01: add one (either direction counts)"
    );
    let bad = officer
        .get(&format!(
            "{P}/budget?rate_type=official&at=yesterday&currency=US"
        ))
        .await;
    let body = expect(&bad, StatusCode::BAD_REQUEST);
    assert_eq!(body["code"], "invalid_query");
    let own_with_type = officer.get(&format!("{P}/budget?rate_type=official")).await;
    expect(&own_with_type, StatusCode::BAD_REQUEST);
}

/// The plan's default rate type, the AoC baseline frozen and the AoC signed.
async fn settings_and_baseline(officer: &Caller<'_>) {
    let path = format!("{P}/finance-settings");
    let s = officer.get(&path).await;
    assert_eq!(s.header(header::ETAG), "\"0\"");
    assert_eq!(
        expect(&s, StatusCode::OK),
        json!({"rate_type": "official", "version": 0})
    );
    let set = officer
        .send(
            Method::PUT,
            &path,
            Some("\"0\""),
            Some(json!({"rate_type": "parallel_market"})),
        )
        .await;
    assert_eq!(expect(&set, StatusCode::OK)["version"], 1);
    let stale = officer
        .send(
            Method::PUT,
            &path,
            Some("\"0\""),
            Some(json!({"rate_type": "platform"})),
        )
        .await;
    expect(&stale, StatusCode::PRECONDITION_FAILED);
    let usd = expect(
        &officer.get(&format!("{P}/budget?currency=USD")).await,
        StatusCode::OK,
    );
    assert_eq!(
        money(&usd["total"]),
        ["9025.75 USD"],
        "now at the market rate by default"
    );

    let versions = format!("{P}/budget-versions");
    let frozen = officer
        .post(
            &versions,
            json!({"name": "AoC baseline", "purpose": "aoc_baseline"}),
        )
        .await;
    let v = expect(&frozen, StatusCode::CREATED);
    assert_eq!(frozen.header(header::LOCATION), format!("{versions}/1"));
    assert_eq!(v["number"], 1);
    assert_eq!(v["lines"].as_array().unwrap().len(), 4);
    assert_eq!(money(&v["total"]), ["27015075.00 LBP", "7000.00 USD"]);
    assert!(!v["frozen_by"].as_str().unwrap().is_empty(), "who froze it");
    let twice = officer
        .post(
            &versions,
            json!({"name": "AoC baseline", "purpose": "revision"}),
        )
        .await;
    assert!(
        twice.status.is_client_error(),
        "a name is used once: {}",
        twice.text()
    );

    let aoc_path = format!("{P}/agreement-of-cooperation");
    let aoc = officer.get(&aoc_path).await;
    let tag = aoc.header(header::ETAG).to_owned();
    let aoc = expect(&aoc, StatusCode::OK);
    assert_eq!(aoc["activity"], "7");
    assert_eq!(aoc["baseline"]["number"], 1);
    assert_eq!(aoc["baseline"]["url"], format!("{versions}/1"));
    assert_eq!(aoc["handover_revision"], Json::Null);
    let signed = officer
        .send(
            Method::PUT,
            &aoc_path,
            Some(&tag),
            Some(json!({"signed_on": "2021-03-15"})),
        )
        .await;
    let signed = expect(&signed, StatusCode::OK);
    assert_eq!(signed["signed_on"], "2021-03-15");
    assert_eq!(signed["baseline"]["name"], "AoC baseline");
    let stale = officer
        .send(
            Method::PUT,
            &aoc_path,
            Some(&tag),
            Some(json!({"signed_on": null})),
        )
        .await;
    expect(&stale, StatusCode::PRECONDITION_FAILED);
    let by_name = officer.get(&format!("{versions}/AoC%20baseline")).await;
    assert_eq!(expect(&by_name, StatusCode::OK)["number"], 1);
    assert_eq!(by_name.header(header::ETAG), "\"1\"");
}

/// Spreadsheets with bad rows: every row and column named, nothing imported.
async fn bad_imports(officer: &Caller<'_>, store: &Store) {
    let path = format!("{P}/cost-lines/import");
    let before = crate::access_sweep::newest_audit(store, None).await;
    // Bad cells: read by the file's reader.
    let csv = "Activity,Category,Description,Unit,Unit price,Currency,Funder,Q1,Q2\n\
               aoc,logistics,Venue,event,150,USD,fin-town,1,\n\
               aoc,catering-ish,Lunch,event,12;5,USD,,1,\n\
               7,logistics,Chairs,bag,10,US,,,x\n";
    let a = officer.upload(&path, "text/csv", csv).await;
    let body = expect(&a, StatusCode::UNPROCESSABLE_ENTITY);
    let placed: Vec<(u64, String)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["row"].as_u64().unwrap(),
                e["column"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    for want in [
        (3, "Category (B)"),
        (3, "Unit price (E)"),
        (4, "Unit (D)"),
        (4, "Currency (F)"),
        (4, "Q2 (I)"),
    ] {
        assert!(
            placed.iter().any(|(r, c)| *r == want.0 && c == want.1),
            "{want:?} is named: {placed:?}"
        );
    }
    assert!(
        placed.iter().all(|(r, _)| *r != 2),
        "row 2 is good: {placed:?}"
    );
    // Good cells, bad references: the store's problems land on their rows and columns.
    let csv = "Activity,Category,Description,Unit,Unit price,Currency,Funder,Q1,Q13\n\
               aoc,logistics,Venue,event,150,USD,fin-town,1,\n\
               99,logistics,Lunch,event,12.5,USD,nobody,1,\n\
               aoc,logistics,Chairs,item,10,USD,,,4\n";
    let a = officer
        .upload(&format!("{path}?replace=false"), "text/csv", csv)
        .await;
    let body = expect(&a, StatusCode::UNPROCESSABLE_ENTITY);
    let placed: Vec<(u64, String)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["row"].as_u64().unwrap_or(0),
                e["column"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    for want in [(3, "Activity (A)"), (3, "Funder (G)"), (4, "Q13 (I)")] {
        assert!(
            placed.iter().any(|(r, c)| *r == want.0 && c == want.1),
            "{want:?} is named: {}",
            body
        );
    }
    assert_eq!(
        crate::access_sweep::newest_audit(store, None).await,
        before,
        "nothing was imported"
    );
    let lines = expect(
        &officer.get(&format!("{P}/cost-lines")).await,
        StatusCode::OK,
    );
    assert_eq!(lines["total"], 4, "nothing was imported");
    let wrong = officer.upload(&path, "application/json", "{}").await;
    expect(&wrong, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let not_a_book = officer.upload(&path, XLSX, "Activity\n").await;
    expect(&not_a_book, StatusCode::UNPROCESSABLE_ENTITY);
}

/// The handover revision: the partner's staff move to the union at a lower price, catering
/// goes, a lawyer comes from a spreadsheet; frozen and compared with the baseline.
async fn revision(officer: &Caller<'_>, lines: &Lines) {
    let line = |id: &str| format!("{P}/cost-lines/{id}");
    let moved = officer
        .send(
            Method::PATCH,
            &line(&lines.partner_staff),
            Some("\"1\""),
            Some(json!({"funder": "fin-town", "unit_price": "900"})),
        )
        .await;
    let moved = expect(&moved, StatusCode::OK);
    assert_eq!(
        (moved["funder"].as_str(), moved["version"].as_i64()),
        (Some("fin-town"), Some(2))
    );
    let gone = officer
        .send(Method::DELETE, &line(&lines.catering), Some("\"1\""), None)
        .await;
    expect(&gone, StatusCode::PRECONDITION_FAILED);
    let gone = officer
        .send(Method::DELETE, &line(&lines.catering), Some("\"2\""), None)
        .await;
    expect(&gone, StatusCode::NO_CONTENT);
    expect(
        &officer.get(&line(&lines.catering)).await,
        StatusCode::NOT_FOUND,
    );
    let csv = "Activity,Category,Description,Unit,Unit price,Currency,Funder,Q9\n\
               aoc,External expertise,Lawyer,person-day,250,USD,fin-partner,4\n";
    let imported = officer
        .upload(&format!("{P}/cost-lines/import"), "text/csv", csv)
        .await;
    assert_eq!(
        expect(&imported, StatusCode::OK),
        json!({"imported": 1, "replaced": false})
    );
    let frozen = officer
        .post(
            &format!("{P}/budget-versions"),
            json!({"name": "Handover revision", "purpose": "handover_revision"}),
        )
        .await;
    assert_eq!(expect(&frozen, StatusCode::CREATED)["number"], 2);
    let aoc = expect(
        &officer.get(&format!("{P}/agreement-of-cooperation")).await,
        StatusCode::OK,
    );
    assert_eq!(aoc["handover_revision"]["number"], 2);
    assert_eq!(aoc["baseline"]["number"], 1, "the baseline stays");
    let list = expect(
        &officer.get(&format!("{P}/budget-versions")).await,
        StatusCode::OK,
    );
    assert_eq!(list["total"], 2);
    assert_eq!(list["items"][1]["purpose"], "handover_revision");

    // The baseline against the current budget (the default), then against the revision.
    let c = expect(
        &officer.get(&format!("{P}/budget-comparison")).await,
        StatusCode::OK,
    );
    assert_eq!(c["from"]["name"], "AoC baseline");
    assert_eq!(c["to"]["name"], "current");
    let c = officer
        .get(&format!(
            "{P}/budget-comparison?from=1&to=Handover%20revision"
        ))
        .await;
    let c = expect(&c, StatusCode::OK);
    assert_eq!(c["added"].as_array().unwrap().len(), 1);
    assert_eq!(c["added"][0]["description"]["en"], "Lawyer");
    assert_eq!(c["removed"][0]["id"], lines.catering.as_str());
    assert_eq!(c["changed"][0]["fields"], json!(["unit_price", "funder"]));
    assert_eq!(c["unchanged"], 2);
    let town = entry(&c["by_party"], "party", json!("fin-town"));
    assert_eq!(money(&town["difference"]), ["0.00 LBP", "5400.00 USD"]);
    let partner = entry(&c["by_party"], "party", json!("fin-partner"));
    assert_eq!(
        money(&partner["difference"]),
        ["-15075.00 LBP", "-5000.00 USD"]
    );
    assert_eq!(money(&c["difference"]), ["-15075.00 LBP", "400.00 USD"]);
    let bad = officer
        .get(&format!("{P}/budget-comparison?from=no-such"))
        .await;
    expect(&bad, StatusCode::NOT_FOUND);
}

/// Spending in both currencies; the consultant's line overspent.
async fn spending(officer: &Caller<'_>, reporter: &Caller<'_>, lines: &Lines) {
    let path = format!("{P}/expenditures");
    let pay = |body: Json| {
        let path = path.clone();
        async move { expect(&reporter.post(&path, body).await, StatusCode::CREATED) }
    };
    pay(json!({"cost_line": lines.consultant, "date": "2021-05-15", "amount": "700",
               "description": "Consultant, first days", "evidence": "https://example.org/invoice-1.pdf"}))
    .await;
    // 8,000,000 pounds on 1 June 2021, at the market's 8,000: 1,000 dollars of a dollar line.
    let in_pounds = pay(
        json!({"cost_line": lines.consultant, "date": "2021-06-01", "amount": "8000000",
                               "currency": "LBP", "description": "Consultant, paid in pounds"}),
    )
    .await;
    assert_eq!(in_pounds["amount"], "8000000");
    assert_eq!(in_pounds["activity"], "1");
    let salary = pay(
        json!({"cost_line": lines.staff, "date": "2021-02-28", "amount": "9000000",
                            "description": "Coordinator, Q1"}),
    )
    .await;
    assert_eq!(salary["currency"], "LBP", "the line's currency by default");
    let bad = reporter
        .post(&path, json!({"cost_line": lines.staff, "date": "2021-02-30", "amount": "0", "description": ""}))
        .await;
    expect(&bad, StatusCode::UNPROCESSABLE_ENTITY);

    let url = format!("{path}/{}", salary["id"].as_str().unwrap());
    let fixed = reporter
        .send(
            Method::PATCH,
            &url,
            Some("\"1\""),
            Some(json!({"evidence": "https://example.org/payroll.pdf"})),
        )
        .await;
    assert_eq!(expect(&fixed, StatusCode::OK)["version"], 2);
    let stale = reporter
        .send(
            Method::PATCH,
            &url,
            Some("\"1\""),
            Some(json!({"evidence": null})),
        )
        .await;
    expect(&stale, StatusCode::PRECONDITION_FAILED);
    let list = expect(
        &officer
            .get(&format!("{path}?cost_line={}", lines.consultant))
            .await,
        StatusCode::OK,
    );
    assert_eq!(list["total"], 2);
    let list = expect(
        &officer.get(&format!("{path}?from=2021-03-01")).await,
        StatusCode::OK,
    );
    assert_eq!(list["total"], 2);
    // A line with spending cannot be deleted.
    let line = format!("{P}/cost-lines/{}", lines.consultant);
    let kept = officer
        .send(Method::DELETE, &line, Some("\"1\""), None)
        .await;
    expect(&kept, StatusCode::UNPROCESSABLE_ENTITY);

    let own = expect(&officer.get(&format!("{P}/spending")).await, StatusCode::OK);
    let consultant = entry(&own["by_line"], "cost_line", json!(lines.consultant));
    assert_eq!(
        consultant["planned"],
        json!({"amount": "1000.00", "currency": "USD"})
    );
    assert_eq!(
        consultant["actual"],
        json!({"amount": "1700.00", "currency": "USD"})
    );
    assert_eq!(consultant["variance"]["amount"], "700.00");
    assert_eq!(consultant["overspent"], true);
    assert_eq!(own["overspent"], json!([lines.consultant]));
    assert_eq!(
        own["burn_rate"],
        Json::Null,
        "pounds and dollars are not one ratio"
    );
    assert_eq!(money(&own["actual"]), ["9000000.00 LBP", "1700.00 USD"]);
    let staff = entry(&own["by_line"], "cost_line", json!(lines.staff));
    assert_eq!(staff["overspent"], false);

    let usd = officer.get(&format!("{P}/spending?currency=USD")).await;
    let usd = expect(&usd, StatusCode::OK);
    assert_eq!(usd["payments_rate_type"], "parallel_market");
    assert_eq!(money(&usd["planned"]), ["9425.00 USD"]);
    assert_eq!(money(&usd["actual"]), ["2825.00 USD"]);
    assert_eq!(usd["spent_share"], "0.2997");
    assert_eq!(usd["burn_rate"], "0.2997", "every quarter has begun");
    let q2 = entry(&usd["by_quarter"], "period", json!("Q2"));
    assert_eq!(money(&q2["actual"]), ["1700.00 USD"]);
    assert_eq!(money(&q2["variance"]), ["700.00 USD"]);
    let missing = officer
        .get(&format!("{P}/spending?currency=USD&rate_type=platform"))
        .await;
    assert_eq!(
        expect(&missing, StatusCode::UNPROCESSABLE_ENTITY)["code"],
        "missing_rate"
    );
}

/// The workbook, as an attachment, for every reader.
async fn workbook(officer: &Caller<'_>, viewer: &Caller<'_>) {
    let book = viewer.get(&format!("{P}/budget/workbook")).await;
    assert_eq!(book.status, StatusCode::OK, "{}", book.text());
    assert_eq!(book.header(header::CONTENT_TYPE), XLSX);
    assert_eq!(
        book.header(header::CONTENT_DISPOSITION),
        "attachment; filename=\"fin-rto-budget.xlsx\""
    );
    assert!(book.body.starts_with(b"PK"), "an XLSX is a zip");
    assert!(book.body.len() > 2000);
    let fr = officer
        .get(&format!("{P}/budget/workbook?lang=fr&currency=own"))
        .await;
    assert_eq!(fr.status, StatusCode::OK, "{}", fr.text());
    let missing = officer
        .get(&format!(
            "{P}/budget/workbook?rate_type=platform&at=2021-01-01"
        ))
        .await;
    let body = expect(&missing, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["code"], "missing_rate");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("2021-01-01")
    );
}

/// A salary of 3,000,000 pounds a month in dollars, quarter by quarter.
async fn real_terms(officer: &Caller<'_>) {
    let plan = officer
        .get("/api/v1/real-terms?amount=3000000&currency=LBP&stable=USD&rate_type=parallel_market&plan=fin-rto")
        .await;
    let plan = expect(&plan, StatusCode::OK);
    let series = plan["series"].as_array().unwrap();
    assert_eq!(series.len(), 12);
    assert_eq!(
        series[0]["real"],
        json!({"amount": "375.00", "currency": "USD"})
    );
    assert_eq!(series[11]["start"], "2023-10-01");
    assert_eq!(series[11]["real"]["amount"], "30.00");
    let erosion: rust_decimal::Decimal = plan["erosion"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        erosion,
        rust_decimal::Decimal::new(92, 2),
        "92% of its dollar value lost"
    );
    let years = officer
        .get("/api/v1/real-terms?amount=3000000&currency=LBP&rate_type=parallel_market")
        .await;
    let years = expect(&years, StatusCode::OK);
    assert_eq!(
        years["series"].as_array().unwrap().len(),
        20,
        "2019 to 2023"
    );
    assert_eq!(years["series"][0]["real"]["amount"], "1990.05");
    assert_eq!(years["erosion"], "0.9849");
    let early = officer
        .get("/api/v1/real-terms?amount=1&currency=LBP&rate_type=platform&start=2021-01-01&quarters=4")
        .await;
    let early = expect(&early, StatusCode::OK);
    assert_eq!(early["series"][0]["real"], Json::Null);
    assert!(
        early["series"][0]["missing"]
            .as_str()
            .unwrap()
            .contains("platform rate between LBP and USD")
    );
    let bad = officer
        .get("/api/v1/real-terms?currency=LBP&plan=fin-rto&quarters=4")
        .await;
    let body = expect(&bad, StatusCode::BAD_REQUEST);
    assert_eq!(body["errors"][0]["field"], "amount");
}

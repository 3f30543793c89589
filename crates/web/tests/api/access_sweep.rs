//! The access rules of SPEC §14, proved on every operation of the OpenAPI document. The test
//! reads `/api/openapi.json`, finds each operation in [`CLASSES`] (an operation missing there
//! fails the test, so no new route escapes the rules), fills the path parameters with the ids
//! of a real plan's records, and calls it as:
//!
//! - a user of an organisation that is not a party of the plan: every operation on the plan
//!   answers 404 (by code and by id) and changes nothing; nothing else shows the plan;
//! - a user of the ministry: every read of the plan answers 2xx, every write 403, and nothing
//!   changes;
//! - a viewer of a party: reads 2xx, every write 403 (plan or directory), except on its own
//!   account (tokens); the browser's session routes answer a bearer token 401.
//!
//! The shared part (reading the document, the plan with one record of each kind, the example
//! bodies and the `If-Match` to send) also serves the bad-input sweep (`bad_input.rs`).

use super::*;
use handover_core::actor::Role;
use handover_core::ids::PlanId;
use handover_store::accounts;
use handover_store::audit::{self, AuditFilter};
use std::collections::BTreeMap;

/// What an operation is, and so which access rules it keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Under `/api/v1/plans/{plan}`: 404 outside the plan's scope, 403 for a write by the
    /// ministry or a viewer, reads for both.
    Plan,
    /// A list (or total) across plans: shows only the plans in the caller's scope.
    AcrossPlans,
    /// Not a plan's data (the directory, templates, users and roles, creating a plan): members
    /// read it; a viewer's write is 403; it never shows a plan outside the caller's scope.
    Directory,
    /// The caller's own account (who they are, their tokens): a viewer uses it too.
    OwnAccount,
    /// The browser's session: cookie only, so a bearer token gets 401.
    BrowserSession,
    /// Signing in: needs no credentials.
    SignIn,
}

use Kind::{AcrossPlans, BrowserSession, Directory, OwnAccount, Plan, SignIn};

/// Every operation of the document with its kind. A new route must be added here with the
/// rules it keeps; the test fails on any operation not listed (and on any listed that is gone).
pub(crate) const CLASSES: &[(&str, &str, Kind)] = &[
    // Across plans.
    ("GET", "/api/v1/plans", AcrossPlans),
    ("GET", "/api/v1/reports/due", AcrossPlans),
    // The directory, templates, users and roles, and making a plan.
    ("POST", "/api/v1/plans", Directory),
    ("GET", "/api/v1/organisations", Directory),
    ("POST", "/api/v1/organisations", Directory),
    ("GET", "/api/v1/organisations/{organisation}", Directory),
    ("GET", "/api/v1/templates", Directory),
    ("POST", "/api/v1/templates", Directory),
    ("GET", "/api/v1/templates/{template}", Directory),
    ("GET", "/api/v1/users", Directory),
    ("POST", "/api/v1/users", Directory),
    ("GET", "/api/v1/users/{user}", Directory),
    ("PATCH", "/api/v1/users/{user}", Directory),
    (
        "PUT",
        "/api/v1/users/{user}/memberships/{organisation}",
        Directory,
    ),
    (
        "DELETE",
        "/api/v1/users/{user}/memberships/{organisation}",
        Directory,
    ),
    // The caller's own account.
    ("GET", "/api/v1/me", OwnAccount),
    ("GET", "/api/v1/tokens", OwnAccount),
    ("POST", "/api/v1/tokens", OwnAccount),
    ("DELETE", "/api/v1/tokens/{id}", OwnAccount),
    // The browser's session.
    ("POST", "/api/v1/session", SignIn),
    ("GET", "/api/v1/session", BrowserSession),
    ("PUT", "/api/v1/session", BrowserSession),
    ("DELETE", "/api/v1/session", BrowserSession),
    // One plan and everything in it.
    ("GET", "/api/v1/plans/{plan}", Plan),
    ("PATCH", "/api/v1/plans/{plan}", Plan),
    ("GET", "/api/v1/plans/{plan}/calendar", Plan),
    ("GET", "/api/v1/plans/{plan}/milestones", Plan),
    ("POST", "/api/v1/plans/{plan}/milestones", Plan),
    ("GET", "/api/v1/plans/{plan}/milestones/{milestone}", Plan),
    ("PATCH", "/api/v1/plans/{plan}/milestones/{milestone}", Plan),
    (
        "DELETE",
        "/api/v1/plans/{plan}/milestones/{milestone}",
        Plan,
    ),
    ("GET", "/api/v1/plans/{plan}/activities", Plan),
    ("POST", "/api/v1/plans/{plan}/activities", Plan),
    ("GET", "/api/v1/plans/{plan}/activities/{activity}", Plan),
    ("PATCH", "/api/v1/plans/{plan}/activities/{activity}", Plan),
    ("DELETE", "/api/v1/plans/{plan}/activities/{activity}", Plan),
    (
        "PUT",
        "/api/v1/plans/{plan}/activities/{activity}/status",
        Plan,
    ),
    (
        "GET",
        "/api/v1/plans/{plan}/activities/{activity}/status-history",
        Plan,
    ),
    (
        "POST",
        "/api/v1/plans/{plan}/activities/{activity}/instances",
        Plan,
    ),
    ("GET", "/api/v1/plans/{plan}/results", Plan),
    ("POST", "/api/v1/plans/{plan}/results", Plan),
    ("GET", "/api/v1/plans/{plan}/results/{result}", Plan),
    ("PATCH", "/api/v1/plans/{plan}/results/{result}", Plan),
    ("DELETE", "/api/v1/plans/{plan}/results/{result}", Plan),
    ("GET", "/api/v1/plans/{plan}/indicators", Plan),
    ("POST", "/api/v1/plans/{plan}/indicators", Plan),
    ("GET", "/api/v1/plans/{plan}/indicators/{indicator}", Plan),
    ("PATCH", "/api/v1/plans/{plan}/indicators/{indicator}", Plan),
    (
        "DELETE",
        "/api/v1/plans/{plan}/indicators/{indicator}",
        Plan,
    ),
    (
        "GET",
        "/api/v1/plans/{plan}/indicators/{indicator}/values",
        Plan,
    ),
    (
        "POST",
        "/api/v1/plans/{plan}/indicators/{indicator}/values",
        Plan,
    ),
    (
        "GET",
        "/api/v1/plans/{plan}/indicators/{indicator}/values/{value}",
        Plan,
    ),
    (
        "PATCH",
        "/api/v1/plans/{plan}/indicators/{indicator}/values/{value}",
        Plan,
    ),
    (
        "DELETE",
        "/api/v1/plans/{plan}/indicators/{indicator}/values/{value}",
        Plan,
    ),
    ("GET", "/api/v1/plans/{plan}/risks", Plan),
    ("POST", "/api/v1/plans/{plan}/risks", Plan),
    ("GET", "/api/v1/plans/{plan}/risks/{risk}", Plan),
    ("PATCH", "/api/v1/plans/{plan}/risks/{risk}", Plan),
    ("DELETE", "/api/v1/plans/{plan}/risks/{risk}", Plan),
    ("GET", "/api/v1/plans/{plan}/reports", Plan),
    (
        "GET",
        "/api/v1/plans/{plan}/reports/{period}/{organisation}",
        Plan,
    ),
    ("PUT", "/api/v1/plans/{plan}/reports/{period}/actuals", Plan),
    (
        "POST",
        "/api/v1/plans/{plan}/reports/{period}/submission",
        Plan,
    ),
    (
        "POST",
        "/api/v1/plans/{plan}/reports/{period}/{organisation}/review",
        Plan,
    ),
    ("GET", "/api/v1/plans/{plan}/endorsements", Plan),
    ("POST", "/api/v1/plans/{plan}/endorsements", Plan),
    ("GET", "/api/v1/plans/{plan}/handover-items", Plan),
    ("POST", "/api/v1/plans/{plan}/handover-items", Plan),
    ("PUT", "/api/v1/plans/{plan}/handover-items/{item}", Plan),
    ("DELETE", "/api/v1/plans/{plan}/handover-items/{item}", Plan),
    (
        "POST",
        "/api/v1/plans/{plan}/handover-items/{item}/confirmation",
        Plan,
    ),
    ("GET", "/api/v1/plans/{plan}/audit", Plan),
    // Finance: a plan's budget, versions, spending, settings and AoC.
    ("GET", "/api/v1/plans/{plan}/cost-lines", Plan),
    ("POST", "/api/v1/plans/{plan}/cost-lines", Plan),
    ("POST", "/api/v1/plans/{plan}/cost-lines/import", Plan),
    ("GET", "/api/v1/plans/{plan}/cost-lines/{line}", Plan),
    ("PATCH", "/api/v1/plans/{plan}/cost-lines/{line}", Plan),
    ("DELETE", "/api/v1/plans/{plan}/cost-lines/{line}", Plan),
    ("GET", "/api/v1/plans/{plan}/budget", Plan),
    ("GET", "/api/v1/plans/{plan}/budget/workbook", Plan),
    ("GET", "/api/v1/plans/{plan}/budget-versions", Plan),
    ("POST", "/api/v1/plans/{plan}/budget-versions", Plan),
    (
        "GET",
        "/api/v1/plans/{plan}/budget-versions/{version}",
        Plan,
    ),
    ("GET", "/api/v1/plans/{plan}/budget-comparison", Plan),
    ("GET", "/api/v1/plans/{plan}/expenditures", Plan),
    ("POST", "/api/v1/plans/{plan}/expenditures", Plan),
    (
        "GET",
        "/api/v1/plans/{plan}/expenditures/{expenditure}",
        Plan,
    ),
    (
        "PATCH",
        "/api/v1/plans/{plan}/expenditures/{expenditure}",
        Plan,
    ),
    (
        "DELETE",
        "/api/v1/plans/{plan}/expenditures/{expenditure}",
        Plan,
    ),
    ("GET", "/api/v1/plans/{plan}/spending", Plan),
    ("GET", "/api/v1/plans/{plan}/finance-settings", Plan),
    ("PUT", "/api/v1/plans/{plan}/finance-settings", Plan),
    ("GET", "/api/v1/plans/{plan}/agreement-of-cooperation", Plan),
    ("PUT", "/api/v1/plans/{plan}/agreement-of-cooperation", Plan),
    // Finance reference data of the whole deployment: every member reads, editors write.
    ("GET", "/api/v1/exchange-rates", Directory),
    ("POST", "/api/v1/exchange-rates", Directory),
    ("POST", "/api/v1/exchange-rates/import", Directory),
    ("GET", "/api/v1/exchange-rates/{rate}", Directory),
    ("PATCH", "/api/v1/exchange-rates/{rate}", Directory),
    ("DELETE", "/api/v1/exchange-rates/{rate}", Directory),
    ("GET", "/api/v1/real-terms", Directory),
];

/// The media types of a spreadsheet upload (sorted): the only request bodies that are not JSON.
pub(crate) const UPLOAD_TYPES: [&str; 2] = [
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "text/csv",
];

/// One operation of the OpenAPI document.
#[derive(Debug)]
pub(crate) struct Operation {
    pub(crate) method: Method,
    /// The path template, `/api/v1/plans/{plan}/risks/{risk}`.
    pub(crate) path: String,
    pub(crate) id: String,
    pub(crate) kind: Kind,
    /// Whether the document says it takes `If-Match`.
    pub(crate) if_match: bool,
    /// The schema of its JSON request body, if it has one.
    pub(crate) body: Option<Json>,
    /// Whether its body is a spreadsheet upload (`text/csv` or XLSX, raw) instead of JSON.
    pub(crate) upload: bool,
}

impl Operation {
    pub(crate) fn writes(&self) -> bool {
        !matches!(self.method, Method::GET | Method::HEAD | Method::OPTIONS)
    }

    pub(crate) fn label(&self) -> String {
        format!("{} {} ({})", self.method, self.path, self.id)
    }
}

/// Every operation of the document, each with its kind; fails on one that [`CLASSES`] does
/// not list, on one listed that the document lacks, and on a plan's operation classified as
/// something else (or the reverse).
pub(crate) fn operations(doc: &Json) -> Vec<Operation> {
    const METHODS: [&str; 8] = [
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    let mut found = vec![];
    let mut unclassified = vec![];
    for (path, item) in doc["paths"].as_object().expect("the document has paths") {
        for (method, op) in item.as_object().expect("a path item") {
            if !METHODS.contains(&method.as_str()) {
                continue;
            }
            let upper = method.to_uppercase();
            let Some(&(_, _, kind)) = CLASSES.iter().find(|(m, p, _)| *m == upper && p == path)
            else {
                unclassified.push(format!("{upper} {path}"));
                continue;
            };
            let in_plan =
                path == "/api/v1/plans/{plan}" || path.starts_with("/api/v1/plans/{plan}/");
            assert_eq!(
                kind == Plan,
                in_plan,
                "{upper} {path}: an operation is a plan's exactly when its path is under /api/v1/plans/{{plan}}"
            );
            let if_match = op["parameters"].as_array().into_iter().flatten().any(|p| {
                p["in"] == "header"
                    && p["name"]
                        .as_str()
                        .is_some_and(|n| n.eq_ignore_ascii_case("if-match"))
            });
            // A request body is JSON, or a spreadsheet upload taking exactly CSV and XLSX.
            let content = op.get("requestBody").map(|b| {
                let mut types: Vec<&str> = b["content"]
                    .as_object()
                    .map(|c| c.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                types.sort_unstable();
                types
            });
            let upload = content.as_deref() == Some(&UPLOAD_TYPES[..]);
            let body = match upload {
                true => None,
                false => op
                    .get("requestBody")
                    .map(|b| b["content"]["application/json"]["schema"].clone()),
            };
            if let Some(schema) = &body {
                assert!(
                    !schema.is_null() && content.as_ref().is_some_and(|c| c.len() == 1),
                    "{upper} {path}: a request body that is neither application/json alone nor a spreadsheet upload ({UPLOAD_TYPES:?}): {content:?}"
                );
            }
            if upload {
                assert_eq!(
                    upper, "POST",
                    "{upper} {path}: an upload adds what the file holds"
                );
            }
            found.push(Operation {
                method: Method::from_bytes(upper.as_bytes()).unwrap(),
                path: path.clone(),
                id: op["operationId"].as_str().unwrap_or_default().to_owned(),
                kind,
                if_match,
                body,
                upload,
            });
        }
    }
    assert!(
        unclassified.is_empty(),
        "operations of the OpenAPI document that the access sweep does not know: add each to \
         CLASSES in tests/api/access_sweep.rs with the rules it must keep (and an example body \
         if it takes one): {unclassified:#?}"
    );
    let stale: Vec<_> = CLASSES
        .iter()
        .filter(|(m, p, _)| {
            !found
                .iter()
                .any(|o| o.method.as_str() == *m && o.path == *p)
        })
        .collect();
    assert!(
        stale.is_empty(),
        "CLASSES lists operations the document does not have: {stale:?}"
    );
    found
}

/// The password of every user the sweeps make.
pub(crate) const PASSWORD: &str = "correct horse battery";

/// A plan with one record of each kind, its parties' users, an outsider and the ministry.
pub(crate) struct Fixture {
    pub(crate) app: TestApp,
    pub(crate) plan: String,
    pub(crate) plan_id: PlanId,
    pub(crate) town: String,
    pub(crate) partner: String,
    pub(crate) prefix: String,
    /// The owner's administrator.
    pub(crate) admin: String,
    pub(crate) admin_email: String,
    pub(crate) viewer: String,
    pub(crate) viewer_email: String,
    pub(crate) ministry: String,
    pub(crate) outsider: String,
    /// A value for every path parameter of the document.
    pub(crate) params: BTreeMap<&'static str, String>,
    /// The ids of the plan and of the records named in paths.
    pub(crate) record_ids: Vec<String>,
}

impl Fixture {
    /// Makes organisations, users and a plan whose codes start with `prefix`.
    pub(crate) async fn new(store: &Store, prefix: &str) -> Self {
        let app = TestApp::new(store, false);
        let town = format!("{prefix}-town");
        let partner = format!("{prefix}-partner");
        let outsider_org = format!("{prefix}-outsider");
        let ministry_org = format!("{prefix}-ministry");
        let la = add_org(store, &town, "union_of_municipalities").await;
        let dp = add_org(store, &partner, "development_partner").await;
        add_org(store, &outsider_org, "municipality").await;
        add_org(store, &ministry_org, "ministry").await;
        orgs::flag_ministry(store, &OP(), &ministry_org, true)
            .await
            .unwrap();
        let email = |who: &str| format!("{who}@{prefix}.example.org");
        let admin_email = email("admin");
        let viewer_email = email("viewer");
        let admin = user_token(store, &town, Role::Administrator, &admin_email).await;
        let viewer = user_token(store, &town, Role::Viewer, &viewer_email).await;
        let ministry = user_token(store, &ministry_org, Role::Administrator, &email("m")).await;
        let outsider = user_token(store, &outsider_org, Role::Administrator, &email("o")).await;

        // Begun in the past, so that reports are due.
        let (_, template) = templates::get(store, &OP(), "rto-transition")
            .await
            .unwrap();
        let plan = format!("{prefix}-rto");
        let mut tree = instantiate(
            &template,
            NewPlan {
                code: Code::parse(&plan).unwrap(),
                name: Text::en("A plan the sweep walks"),
                owner: la.clone(),
                partners: vec![dp],
                start: MonthStart::parse("2025-01-01").unwrap(),
                currency: Currency::parse("USD").unwrap(),
                languages: vec![],
            },
        )
        .unwrap();
        let indicator = tree
            .indicators
            .iter()
            .find(|i| i.measure.is_numeric())
            .unwrap()
            .clone();
        let value = ValueId::new();
        tree.values.push(PeriodValue {
            id: value,
            plan_id: tree.plan.id,
            indicator_id: indicator.id,
            period_id: tree.periods[1].id,
            kind: ValueKind::Target,
            value: Value::Number(parse_decimal("4").unwrap()),
            dimensions: Default::default(),
            comment: Text::en("a target"),
            evidence: None,
            reported_by: Some("operator:tester".into()),
            reported_at: None,
            version: 1,
        });
        plans::create(store, &OP(), &tree).await.unwrap();
        let activity = tree.activities.iter().find(|a| a.repeatable).unwrap();

        let item = app
            .call(
                Method::POST,
                &format!("/api/v1/plans/{plan}/handover-items"),
                Some(&admin),
                &[],
                Some(json!({"kind": "asset", "description": {"en": "The office"}, "due": "2027-06-30"})),
            )
            .await;
        assert_eq!(item.status, StatusCode::CREATED, "{}", item.text());
        let item = item.json()["id"].as_str().unwrap().to_owned();

        // Finance: a cost line, a payment against it, a frozen version and a rate of a
        // currency pair of this fixture's own (rates are shared by the whole deployment).
        let post = |path: String, body: Json| {
            let (app, admin) = (&app, &admin);
            async move {
                let a = app
                    .call(Method::POST, &path, Some(admin), &[], Some(body))
                    .await;
                assert_eq!(a.status, StatusCode::CREATED, "{path}: {}", a.text());
                a.json()["id"].as_str().unwrap().to_owned()
            }
        };
        let line = post(
            format!("/api/v1/plans/{plan}/cost-lines"),
            json!({"activity": "aoc", "category": "logistics", "description": {"en": "Venue"},
                   "unit": "event", "unit_price": "150.00", "quantities": {"Q1": "2"}}),
        )
        .await;
        let expenditure = post(
            format!("/api/v1/plans/{plan}/expenditures"),
            json!({"cost_line": line, "date": "2025-02-10", "amount": "150", "description": "Venue, first event"}),
        )
        .await;
        post(
            format!("/api/v1/plans/{plan}/budget-versions"),
            json!({"name": "AoC baseline", "purpose": "aoc_baseline"}),
        )
        .await;
        let rate = post(
            "/api/v1/exchange-rates".to_owned(),
            json!({"base": "USD", "quote": Self::quote(prefix), "rate_type": "official",
                   "date": "2020-01-01", "rate": "1507.5"}),
        )
        .await;

        // A token of the viewer's own that it may revoke.
        let user = accounts::find_user(store, &OP(), &viewer_email)
            .await
            .unwrap();
        let (spare, _) = accounts::create_token(store, &user, la.id, "spare")
            .await
            .unwrap();

        let ids = [
            ("milestone", tree.milestones[0].id.to_string()),
            ("activity", activity.id.to_string()),
            ("result", tree.results[0].id.to_string()),
            ("indicator", indicator.id.to_string()),
            ("value", value.to_string()),
            ("risk", tree.risks[0].id.to_string()),
            ("item", item),
            ("line", line),
            ("expenditure", expenditure),
        ];
        let mut record_ids = vec![tree.plan.id.to_string()];
        record_ids.extend(ids.iter().map(|(_, id)| id.clone()));
        let mut params: BTreeMap<&'static str, String> = ids.into_iter().collect();
        params.extend([
            ("version", "1".to_owned()),
            ("rate", rate),
            ("plan", plan.clone()),
            ("period", "Q1".to_owned()),
            ("organisation", town.clone()),
            ("template", "rto-transition".to_owned()),
            ("user", viewer_email.clone()),
            ("id", spare.id),
        ]);
        Self {
            app,
            plan,
            plan_id: tree.plan.id,
            town,
            partner,
            prefix: prefix.to_owned(),
            admin,
            admin_email,
            viewer,
            viewer_email,
            ministry,
            outsider,
            params,
            record_ids,
        }
    }

    /// The quote currency of this fixture's exchange rate: a code of its own (`SWE` for
    /// `sweep`), so that fixtures never share a rate.
    pub(crate) fn quote(prefix: &str) -> String {
        prefix[..3].to_ascii_uppercase()
    }

    /// The query a read needs to answer (a real-terms series needs an amount and currencies).
    pub(crate) fn query(&self, op: &Operation) -> &'static str {
        match op.id.as_str() {
            "show_real_terms" => {
                "?amount=3000000&currency=LBP&stable=USD&rate_type=parallel_market"
            }
            _ => "",
        }
    }

    /// A well-formed spreadsheet for an upload: one row, as CSV.
    pub(crate) fn upload_example(&self, op: &Operation) -> Vec<u8> {
        match op.id.as_str() {
            "import_cost_lines" => format!(
                "Activity,Category,Description,Unit,Unit price,Currency,Funder,Q1,Q2\n\
                 aoc,logistics,Catering,event,80.50,USD,{},1,2\n",
                self.town
            )
            .into_bytes(),
            "import_rates" => format!(
                "Date,Base,Quote,Rate type,Rate,Source\n2021-07-01,USD,{},parallel_market,20000,sweep\n",
                Self::quote(&self.prefix)
            )
            .into_bytes(),
            other => panic!(
                "{}: the sweep has no example spreadsheet for `{other}`; add one to Fixture::upload_example",
                op.label()
            ),
        }
    }

    /// The path with every `{parameter}` filled; `overrides` first.
    pub(crate) fn fill(&self, template: &str, overrides: &[(&str, &str)]) -> String {
        let mut out = String::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').unwrap() + open;
            let name = &rest[open + 1..close];
            let value = overrides
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
                .or_else(|| self.params.get(name).cloned())
                .unwrap_or_else(|| {
                    panic!("the sweep has no value for {{{name}}} in {template}: add one to Fixture::new")
                });
            out.push_str(&rest[..open]);
            out.push_str(&value);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// A GET as the plan's administrator, which must succeed.
    async fn admin_get(&self, path: &str) -> Answer {
        let a = self
            .app
            .call(Method::GET, path, Some(&self.admin), &[], None)
            .await;
        assert!(
            a.status.is_success(),
            "GET {path}: {} {}",
            a.status,
            a.text()
        );
        a
    }

    /// The `If-Match` a write to `path` sends: the current version of the record it changes.
    pub(crate) async fn if_match(&self, op: &Operation, path: &str) -> String {
        let base = |suffix: &str| path.strip_suffix(suffix).unwrap().to_owned();
        if op.path.contains("{item}") {
            let list = path.split("/handover-items/").next().unwrap();
            let items = self
                .admin_get(&format!("{list}/handover-items"))
                .await
                .json();
            let item = &self.params["item"];
            let found = items
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["id"] == item.as_str())
                .unwrap_or_else(|| panic!("no handover item {item} in {items}"));
            return format!("\"{}\"", found["version"]);
        }
        let source = match op.id.as_str() {
            "set_activity_status" => base("/status"),
            "save_actuals" => format!("{}/{}", base("/actuals"), self.town),
            "submit_report" => format!("{}/{}", base("/submission"), self.town),
            "review_report" => base("/review"),
            _ => path.to_owned(),
        };
        let a = self.admin_get(&source).await;
        let tag = a.header(header::ETAG);
        assert!(
            !tag.is_empty(),
            "{}: no ETag at {source} to send as If-Match; teach Fixture::if_match where the version is",
            op.label()
        );
        tag.to_owned()
    }

    /// A well-formed body for a write, so that a refusal is about who asks, not what is sent.
    pub(crate) async fn example(&self, op: &Operation) -> Option<Json> {
        op.body.as_ref()?;
        let p = &self.params;
        let text = |s: &str| json!({"en": s});
        Some(match op.id.as_str() {
            "create_plan" => json!({
                "template": "rto-transition", "code": format!("{}-new-plan", self.prefix),
                "name": text("A new plan"), "local_authority": self.town,
                "partners": [self.partner], "start": "2027-01-01", "currency": "USD",
            }),
            "update_plan" => json!({"report_due_days": 20}),
            "create_organisation" => json!({
                "code": format!("{}-new-org", self.prefix), "name": "A new town", "type": "municipality",
            }),
            "create_template" => {
                let mut t =
                    serde_json::to_value(&handover_formats::template::builtin()[0]).unwrap();
                t["code"] = json!(format!("{}-template", self.prefix));
                t
            }
            "create_milestone" => json!({"title": text("A new milestone")}),
            "update_milestone" | "update_activity" | "update_result" => {
                json!({"title": text("Renamed")})
            }
            "create_activity" => json!({
                "milestone": p["milestone"], "title": text("A new activity"),
                "planned": {"start_quarter": 1, "end_quarter": 2},
            }),
            "set_activity_status" => json!({"status": "started"}),
            "add_activity_instance" => json!({}),
            "create_result" => {
                json!({"parent": {"kind": "plan"}, "level": "impact", "title": text("A new impact")})
            }
            "create_indicator" => json!({
                "result": p["result"], "code": format!("{}.1", self.prefix),
                "statement": text("A new indicator"), "measure": "unit",
            }),
            "update_indicator" => json!({"statement": text("Restated")}),
            "create_value" => json!({"period": "Q3", "kind": "target", "value": "5"}),
            "update_value" => json!({"value": "6"}),
            "create_risk" => {
                json!({"description": text("A new risk"), "likelihood": 2, "impact": 3})
            }
            "update_risk" => json!({"likelihood": 3}),
            "switch_organisation" => json!({"organisation": self.town}),
            "sign_in" => json!({"email": self.viewer_email, "password": PASSWORD}),
            "create_token" => json!({"name": "made by the sweep"}),
            "add_user" => json!({
                "email": format!("new@{}.example.org", self.prefix), "name": "New",
                "password": "a long enough password", "role": "viewer",
            }),
            "update_user" => json!({"disabled": false}),
            "set_membership" => json!({"role": "viewer"}),
            "save_actuals" => json!({"actuals": [{"indicator": p["indicator"], "value": "3"}]}),
            "review_report" => json!({"decision": "approve"}),
            "endorse_plan" => {
                let state = self
                    .admin_get(&format!("/api/v1/plans/{}/endorsements", self.plan))
                    .await
                    .json();
                json!({"framework_version": state["framework_version"]})
            }
            "create_cost_line" => json!({
                "activity": "aoc", "category": "in_house_expertise",
                "description": text("Council lawyer"), "unit": "person_day",
                "unit_price": "120", "quantities": {"Q2": "3"},
            }),
            "update_cost_line" => json!({"unit_price": "130"}),
            "freeze_budget_version" => json!({"name": "A revision", "purpose": "revision"}),
            "create_expenditure" => json!({
                "cost_line": p["line"], "date": "2025-03-01", "amount": "10", "description": "Water",
            }),
            "update_expenditure" => json!({"amount": "140"}),
            "set_finance_settings" => json!({"rate_type": "platform"}),
            "set_aoc" => json!({"signed_on": "2025-03-15"}),
            "create_rate" => json!({
                "base": "USD", "quote": Self::quote(&self.prefix), "rate_type": "platform",
                "date": "2021-06-01", "rate": "12000",
            }),
            "update_rate" => json!({"rate": "1508"}),
            "add_handover_item" | "update_handover_item" => {
                json!({"kind": "data", "description": text("The archive"), "due": "2027-09-30"})
            }
            other => panic!(
                "{}: the sweep has no example body for `{other}`; add one to Fixture::example",
                op.label()
            ),
        })
    }

    /// Calls `op` at `path` as `token`, with its example body and `If-Match`.
    pub(crate) async fn call_op(&self, op: &Operation, path: &str, token: Option<&str>) -> Answer {
        let tag = match op.if_match {
            true => Some(self.if_match(op, path).await),
            false => None,
        };
        let headers: Vec<(&str, &str)> = tag.iter().map(|t| ("if-match", t.as_str())).collect();
        if op.upload {
            let mut request = Request::builder()
                .method(op.method.clone())
                .uri(path)
                .header(header::CONTENT_TYPE, "text/csv");
            if let Some(t) = token {
                request = request.header(header::AUTHORIZATION, format!("Bearer {t}"));
            }
            for (k, v) in headers {
                request = request.header(k, v);
            }
            let body = Body::from(self.upload_example(op));
            return self.app.send(request.body(body).unwrap()).await;
        }
        let body = self.example(op).await;
        self.app
            .call(op.method.clone(), path, token, &headers, body)
            .await
    }

    /// Whether an answer shows the plan or any of its records.
    pub(crate) fn mentions_plan(&self, a: &Answer) -> bool {
        let text = a.text();
        text.contains(&format!("\"{}\"", self.plan))
            || text.contains(&format!("/{}", self.plan))
            || self.record_ids.iter().any(|id| text.contains(id.as_str()))
    }

    /// Everything about the plan, as its administrator reads it.
    pub(crate) async fn fingerprint(&self, store: &Store) -> Vec<Json> {
        let mut out = vec![json!(newest_audit(store, Some(self.plan_id)).await)];
        for part in [
            "",
            "/handover-items",
            "/reports",
            "/endorsements",
            "/cost-lines",
            "/expenditures",
            "/budget-versions",
            "/finance-settings",
            "/agreement-of-cooperation",
        ] {
            let path = format!("/api/v1/plans/{}{part}", self.plan);
            out.push(self.admin_get(&path).await.json());
        }
        out
    }
}

/// The id of the newest audit entry (of one plan, or of everything): unchanged means nothing
/// was written.
pub(crate) async fn newest_audit(store: &Store, plan: Option<PlanId>) -> Option<String> {
    let filter = AuditFilter {
        plan,
        limit: Some(1),
        ..Default::default()
    };
    audit::list(store, &OP(), &filter)
        .await
        .unwrap()
        .first()
        .map(|e| e.id.to_string())
}

/// Asserts a refusal: the status, the error body of SPEC §14 with this code.
#[track_caller]
pub(crate) fn refused(a: &Answer, status: StatusCode, code: &str, what: &str) {
    assert_eq!(a.status, status, "{what}: {}", a.text());
    let body: Json = serde_json::from_slice(&a.body)
        .unwrap_or_else(|e| panic!("{what}: not the JSON error body ({e}): {}", a.text()));
    assert_eq!(body["code"], code, "{what}: {body}");
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{what}: {body}"
    );
    assert!(body["errors"].is_array(), "{what}: {body}");
    assert_eq!(
        body.as_object().unwrap().len(),
        3,
        "{what}: the error body is code, message and errors only: {body}"
    );
}

pub(crate) async fn run(store: &Store) {
    let fx = Fixture::new(store, "sweep").await;
    let doc = fx.app.get("/api/openapi.json").await.json();
    let ops = operations(&doc);
    let before = fx.fingerprint(store).await;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for op in &ops {
        *counts.entry(kind_name(op.kind)).or_default() += 1;
        match op.kind {
            Plan => Box::pin(plan_operation(&fx, store, op)).await,
            AcrossPlans => Box::pin(across_plans(&fx, op)).await,
            Directory => Box::pin(directory(&fx, store, op)).await,
            OwnAccount => Box::pin(own_account(&fx, op)).await,
            BrowserSession => {
                let a = fx.call_op(op, &op.path, Some(&fx.viewer)).await;
                refused(&a, StatusCode::UNAUTHORIZED, "unauthenticated", &op.label());
            }
            SignIn => {
                let a = fx.call_op(op, &op.path, None).await;
                assert_eq!(
                    a.status,
                    StatusCode::CREATED,
                    "{}: {}",
                    op.label(),
                    a.text()
                );
            }
        }
    }
    assert_eq!(
        fx.fingerprint(store).await,
        before,
        "no refused request changed the plan"
    );
    eprintln!("   access sweep: {} operations, {counts:?}", ops.len());
    assert!(counts["plan"] >= 40, "{counts:?}");
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Plan => "plan",
        AcrossPlans => "across plans",
        Directory => "directory",
        OwnAccount => "own account",
        BrowserSession => "browser session",
        SignIn => "sign in",
    }
}

/// An operation on the plan: 404 for the outsider (by code and by id), reads and 403 on
/// writes for the ministry and the viewer, nothing changed by any refusal.
async fn plan_operation(fx: &Fixture, store: &Store, op: &Operation) {
    let by_code = fx.fill(&op.path, &[]) + fx.query(op);
    let id = fx.plan_id.to_string();
    let by_id = fx.fill(&op.path, &[("plan", &id)]) + fx.query(op);
    for path in [&by_code, &by_id] {
        let before = newest_audit(store, None).await;
        let a = fx.call_op(op, path, Some(&fx.outsider)).await;
        let what = format!("{} as an outsider at {path}", op.label());
        refused(&a, StatusCode::NOT_FOUND, "not_found", &what);
        assert_eq!(a.json()["errors"], json!([]), "{what}");
        assert_eq!(
            newest_audit(store, None).await,
            before,
            "{what} changed something"
        );
    }
    for (who, token) in [("the ministry", &fx.ministry), ("a viewer", &fx.viewer)] {
        let what = format!("{} as {who}", op.label());
        let before = newest_audit(store, None).await;
        let a = fx.call_op(op, &by_code, Some(token)).await;
        if op.writes() {
            refused(&a, StatusCode::FORBIDDEN, "forbidden", &what);
            assert_eq!(
                newest_audit(store, None).await,
                before,
                "{what} changed something"
            );
        } else {
            assert!(a.status.is_success(), "{what}: {} {}", a.status, a.text());
        }
    }
}

/// A list across plans: the outsider's never shows the plan; a party's and the ministry's do.
async fn across_plans(fx: &Fixture, op: &Operation) {
    assert_eq!(op.method, Method::GET, "{}", op.label());
    let path = fx.fill(&op.path, &[]);
    let outsider = fx
        .app
        .call(Method::GET, &path, Some(&fx.outsider), &[], None)
        .await;
    assert_eq!(
        outsider.status,
        StatusCode::OK,
        "{}: {}",
        op.label(),
        outsider.text()
    );
    assert!(
        !fx.mentions_plan(&outsider),
        "{} shows the outsider a plan it is not a party of: {}",
        op.label(),
        outsider.text()
    );
    let admin = fx
        .app
        .call(Method::GET, &path, Some(&fx.admin), &[], None)
        .await;
    assert!(
        fx.mentions_plan(&admin),
        "{} does not show the plan to its administrator, so the check proves nothing: {}",
        op.label(),
        admin.text()
    );
    let ministry = fx
        .app
        .call(Method::GET, &path, Some(&fx.ministry), &[], None)
        .await;
    assert_eq!(
        ministry.status,
        StatusCode::OK,
        "{}: {}",
        op.label(),
        ministry.text()
    );
    if op.path == "/api/v1/plans" {
        assert!(fx.mentions_plan(&ministry), "the ministry reads every plan");
        // A total counts only what the caller sees: the outsider has no plan at all.
        assert_eq!(outsider.json()["total"], 0, "{}", outsider.text());
    }
}

/// Not a plan's data: a viewer reads it but cannot write it; the outsider sees no trace of
/// the plan.
async fn directory(fx: &Fixture, store: &Store, op: &Operation) {
    let path = fx.fill(&op.path, &[]) + fx.query(op);
    let what = format!("{} as a viewer", op.label());
    let before = newest_audit(store, None).await;
    let a = fx.call_op(op, &path, Some(&fx.viewer)).await;
    if op.writes() {
        refused(&a, StatusCode::FORBIDDEN, "forbidden", &what);
        assert_eq!(
            newest_audit(store, None).await,
            before,
            "{what} changed something"
        );
    } else {
        assert!(a.status.is_success(), "{what}: {} {}", a.status, a.text());
        let outsider = fx
            .app
            .call(Method::GET, &path, Some(&fx.outsider), &[], None)
            .await;
        assert!(
            !outsider.status.is_server_error() && !fx.mentions_plan(&outsider),
            "{} as an outsider: {} {}",
            op.label(),
            outsider.status,
            outsider.text()
        );
    }
}

/// The caller's own account: a viewer uses it; the outsider's shows no trace of the plan.
async fn own_account(fx: &Fixture, op: &Operation) {
    let path = fx.fill(&op.path, &[]);
    let a = fx.call_op(op, &path, Some(&fx.viewer)).await;
    assert!(
        a.status.is_success(),
        "{} as a viewer, on its own account: {} {}",
        op.label(),
        a.status,
        a.text()
    );
    if !op.writes() {
        let outsider = fx
            .app
            .call(Method::GET, &path, Some(&fx.outsider), &[], None)
            .await;
        assert!(outsider.status.is_success(), "{}", outsider.text());
        assert!(!fx.mentions_plan(&outsider), "{}", outsider.text());
    }
}

//! The web workspace's pages called in-process as a browser would call them (form posts with
//! the session cookie and the CSRF field), on SQLite and on PostgreSQL in the same run. Each
//! area of the workspace has its own module under `tests/pages/`, run from
//! `pages_on_both_backends` with a store of its own plans.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use handover_core::actor::{Actor, Role};
use handover_core::calendar::MonthStart;
use handover_core::ids::Code;
use handover_core::money::Currency;
use handover_core::org::NewOrganisation;
use handover_core::plan::PlanTree;
use handover_core::template::{NewPlan, instantiate};
use handover_core::text::Text;
use handover_store::testing::TestDb;
use handover_store::{Store, accounts, orgs, plans, templates};
use handover_web::{AuthSettings, ServeOptions, router};
use http_body_util::BodyExt;
use tower::ServiceExt;

#[path = "pages/basics.rs"]
mod basics;
#[path = "pages/finance.rs"]
mod finance;
#[path = "pages/framework.rs"]
mod framework;
#[path = "pages/gantt.rs"]
mod gantt;
#[path = "pages/plan.rs"]
mod plan;
#[path = "pages/reporting.rs"]
mod reporting;
#[path = "pages/templates.rs"]
mod templates_pages;

/// The operator, for seeding.
pub(crate) fn op() -> Actor {
    Actor::operator("tester")
}

/// The password of every test user.
pub(crate) const PASSWORD: &str = "correct horse battery";

/// An answer, read whole.
#[derive(Debug)]
pub(crate) struct Page {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) html: String,
}

impl Page {
    /// The `Location` of a redirect.
    pub(crate) fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The value of the first `name="csrf_token"` field of the page.
    pub(crate) fn csrf(&self) -> String {
        let at = self
            .html
            .find("name=\"csrf_token\" value=\"")
            .expect("the page has a form with a CSRF field");
        let rest = &self.html[at + "name=\"csrf_token\" value=\"".len()..];
        rest.split('"').next().unwrap_or_default().to_owned()
    }
}

/// The application of one database, for one browser (it keeps its cookies).
#[derive(Clone, Debug)]
pub(crate) struct Browser {
    router: Router,
    cookies: Vec<(String, String)>,
    lang: String,
}

impl Browser {
    /// A browser on a server over `store` (`demo` for `serve --demo`).
    pub(crate) fn new(store: &Store, demo: bool) -> Self {
        let auth = AuthSettings {
            max_attempts_per_address: 10_000,
            ..AuthSettings::default()
        };
        Self {
            router: router(store.clone(), ServeOptions { demo, auth }),
            cookies: vec![],
            lang: "en".into(),
        }
    }

    /// The browser's `Accept-Language`.
    pub(crate) fn speaking(mut self, lang: &str) -> Self {
        self.lang = lang.to_owned();
        self
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn send(&mut self, request: Request<Body>) -> Page {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let (parts, body) = response.into_parts();
        for c in parts.headers.get_all(header::SET_COOKIE) {
            let c = c.to_str().unwrap();
            let pair = c.split(';').next().unwrap();
            let (k, v) = pair.split_once('=').unwrap();
            self.cookies.retain(|(name, _)| name != k);
            if !v.is_empty() && !c.contains("Max-Age=0") {
                self.cookies.push((k.to_owned(), v.to_owned()));
            }
        }
        let body = body.collect().await.unwrap().to_bytes().to_vec();
        Page {
            status: parts.status,
            headers: parts.headers,
            html: String::from_utf8_lossy(&body).into_owned(),
        }
    }

    /// `GET path`.
    pub(crate) async fn get(&mut self, path: &str) -> Page {
        let request = Request::builder()
            .method(Method::GET)
            .uri(path)
            .header(header::ACCEPT_LANGUAGE, self.lang.clone())
            .header(header::COOKIE, self.cookie_header())
            .body(Body::empty())
            .unwrap();
        self.send(request).await
    }

    /// Posts a form as the browser does from a page of this site (fields url-encoded; add
    /// `csrf_token` yourself, usually `page.csrf()` of the page holding the form).
    pub(crate) async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::ACCEPT_LANGUAGE, self.lang.clone())
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// Posts a form with the CSRF token of the page at `from`.
    pub(crate) async fn submit(&mut self, from: &str, path: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.get(from).await.csrf();
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post(path, &all).await
    }

    /// Signs in through the sign-in page; panics when it fails.
    pub(crate) async fn sign_in(&mut self, email: &str) {
        let page = self
            .post(
                "/sign-in",
                &[("email", email), ("password", PASSWORD), ("next", "/plans")],
            )
            .await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.html);
    }
}

/// Adds an organisation to the directory.
pub(crate) async fn add_org(
    store: &Store,
    code: &str,
    name: &str,
    kind: &str,
    region: &str,
) -> handover_core::org::Organisation {
    let new = NewOrganisation::parse(code, name, kind, Some(region), None, None).unwrap();
    orgs::add(store, &op(), new).await.unwrap()
}

/// A new user with `role` in the organisation `org`.
pub(crate) async fn add_user(store: &Store, org: &str, role: Role, email: &str) {
    let org = orgs::find(store, &op(), org).await.unwrap();
    accounts::add_user(store, &op(), email, email, PASSWORD, Some((org.id, role)))
        .await
        .unwrap();
}

/// An RTO plan `code` from the built-in template for `owner` with `partner`, starting at
/// `start`; the organisations must exist.
pub(crate) async fn rto_plan(
    store: &Store,
    code: &str,
    owner: &str,
    partner: &str,
    start: &str,
) -> PlanTree {
    templates::sync_builtin(store, &handover_formats::template::builtin())
        .await
        .unwrap();
    let (_, template) = templates::get(store, &op(), "rto-transition")
        .await
        .unwrap();
    let owner = orgs::find(store, &op(), owner).await.unwrap();
    let partner = orgs::find(store, &op(), partner).await.unwrap();
    let tree = instantiate(
        &template,
        NewPlan {
            code: Code::parse(code).unwrap(),
            name: Text::en(format!("{code} transition"))
                .with(handover_core::text::Lang::Ar, format!("خطة {code}")),
            owner,
            partners: vec![partner],
            start: MonthStart::parse(start).unwrap(),
            currency: Currency::parse("USD").unwrap(),
            languages: vec![],
        },
    )
    .unwrap();
    plans::create(store, &op(), &tree).await.unwrap();
    tree
}

#[tokio::test]
async fn pages_on_both_backends() {
    for db in TestDb::both().await {
        eprintln!("-- {}", db.label);
        let store = db.store().await;
        // Boxed: debug builds of these futures are large.
        Box::pin(basics::run(&store)).await;
        Box::pin(gantt::run(&store)).await;
        Box::pin(templates_pages::run(&store)).await;
        Box::pin(plan::run(&store)).await;
        Box::pin(framework::run(&store)).await;
        Box::pin(reporting::run(&store)).await;
        Box::pin(finance::run(&store)).await;
        store.close().await;
        db.cleanup().await;
    }
}

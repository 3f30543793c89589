//! Accounts and authentication over HTTP: browser sessions (cookie flags, rotation, sign-out,
//! switching organisation), CSRF on cookie-authenticated writes, both sign-in limits, API
//! tokens (shown once, revoked at once), users and memberships by role and scope, disabled
//! accounts, and no secret in the audit trail or the log.

use super::*;
use handover_core::actor::Role;
use handover_store::accounts as store_accounts;
use handover_web::AuthSettings;
use std::io::Write;
use std::sync::{Arc, Mutex};

const PASSWORD: &str = "correct horse battery";
const SESSION: &str = "/api/v1/session";

/// A router with these sign-in settings.
fn app_with(store: &Store, auth: AuthSettings) -> TestApp {
    TestApp {
        router: router(store.clone(), ServeOptions { demo: false, auth }),
    }
}

/// A user with a role in an organisation.
async fn add_user(store: &Store, email: &str, org: &str, role: Role) -> store_accounts::User {
    let org = orgs::find(store, &OP(), org).await.unwrap();
    store_accounts::add_user(store, &OP(), email, email, PASSWORD, Some((org.id, role)))
        .await
        .unwrap()
}

/// A signed-in browser: its session cookie's value and CSRF token.
struct Browser {
    cookie: String,
    csrf: String,
}

impl Browser {
    fn cookie_header(&self) -> String {
        format!("theme=light; handover_session={}", self.cookie)
    }
}

async fn sign_in_answer(app: &TestApp, body: Json, headers: &[(&str, &str)]) -> Answer {
    app.call(Method::POST, SESSION, None, headers, Some(body))
        .await
}

/// Signs in and returns the browser, asserting success.
async fn sign_in(app: &TestApp, email: &str, headers: &[(&str, &str)]) -> Browser {
    let a = sign_in_answer(app, json!({"email": email, "password": PASSWORD}), headers).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text());
    let set = a.header(header::SET_COOKIE);
    let cookie = set
        .strip_prefix("handover_session=")
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_else(|| panic!("no session cookie in {set:?}"))
        .to_owned();
    Browser {
        cookie,
        csrf: a.json()["csrf_token"].as_str().unwrap().to_owned(),
    }
}

/// A request with the browser's cookie, the CSRF token when `csrf` is set, and more headers.
async fn with_cookie(
    app: &TestApp,
    b: &Browser,
    method: Method,
    path: &str,
    csrf: Option<&str>,
    more: &[(&str, &str)],
    body: Option<Json>,
) -> Answer {
    let cookie = b.cookie_header();
    let mut headers: Vec<(&str, &str)> = vec![("cookie", &cookie)];
    if let Some(t) = csrf {
        headers.push(("x-csrf-token", t));
    }
    headers.extend_from_slice(more);
    app.call(method, path, None, &headers, body).await
}

/// A `MakeWriter` collecting every log line in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

pub(crate) async fn run(store: &Store) {
    add_org(store, "acc-a-town", "municipality").await;
    add_org(store, "acc-b-partner", "development_partner").await;
    add_org(store, "acc-other", "municipality").await;
    let admin = add_user(
        store,
        "admin@acc.example.org",
        "acc-a-town",
        Role::Administrator,
    )
    .await;
    let partner = orgs::find(store, &OP(), "acc-b-partner").await.unwrap();
    store_accounts::add_membership(store, &OP(), &admin.email, partner.id, Role::Editor)
        .await
        .unwrap();
    add_user(store, "viewer@acc.example.org", "acc-a-town", Role::Viewer).await;
    add_user(
        store,
        "outsider@acc.example.org",
        "acc-other",
        Role::Administrator,
    )
    .await;

    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(captured.clone())
        .finish();
    let logging = tracing::subscriber::set_default(subscriber);
    let secrets = Box::pin(sessions_and_csrf(store)).await;
    drop(logging);
    let log = String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned();
    assert!(
        log.contains("sign-in refused"),
        "the log was captured: {log}"
    );
    for secret in secrets.iter().chain([&PASSWORD.to_owned()]) {
        assert!(!log.contains(secret.as_str()), "a secret is in the log");
    }
    // Nor is any secret in the audit trail.
    let trail = handover_store::audit::list(store, &OP(), &Default::default())
        .await
        .unwrap();
    let trail = serde_json::to_string(&trail).unwrap();
    assert!(trail.contains("\"session\"") && trail.contains("\"api_token\""));
    for secret in secrets.iter().chain([&PASSWORD.to_owned()]) {
        assert!(
            !trail.contains(secret.as_str()),
            "a secret is in the audit trail"
        );
    }
    assert!(
        !trail.contains("$argon2"),
        "no password hash in the audit trail"
    );

    Box::pin(sign_in_limits(store)).await;
    Box::pin(tokens(store)).await;
    Box::pin(users_and_memberships(store)).await;
    Box::pin(openapi_lists_the_routes(store)).await;
}

/// Sessions, rotation, sign-out and CSRF; returns every secret seen, to look for in the log.
async fn sessions_and_csrf(store: &Store) -> Vec<String> {
    let app = app_with(store, AuthSettings::default());
    let mut secrets = vec![];

    // Signing in sets the cookie with its flags, and answers the session with its CSRF token.
    let a = sign_in_answer(
        &app,
        json!({"email": "Admin@Acc.Example.org ", "password": PASSWORD}),
        &[],
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text());
    let set = a.header(header::SET_COOKIE).to_owned();
    for flag in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=43200"] {
        assert!(set.contains(flag), "{flag} in {set}");
    }
    assert!(!set.contains("Secure"), "plain HTTP: {set}");
    assert_eq!(a.header(header::CACHE_CONTROL), "no-store");
    let body = a.json();
    assert_eq!(body["email"], "admin@acc.example.org");
    assert_eq!(
        body["role"], "administrator",
        "the first membership by name"
    );
    assert_eq!(body["memberships"].as_array().unwrap().len(), 2);
    let town = body["organisation_id"].as_str().unwrap().to_owned();
    let first = Browser {
        cookie: set["handover_session=".len()..set.find(';').unwrap()].to_owned(),
        csrf: body["csrf_token"].as_str().unwrap().to_owned(),
    };
    secrets.extend([first.cookie.clone(), first.csrf.clone()]);

    // Behind TLS (or with the setting) the cookie is Secure.
    let tls = sign_in_answer(
        &app,
        json!({"email": "viewer@acc.example.org", "password": PASSWORD}),
        &[("x-forwarded-proto", "https")],
    )
    .await;
    assert!(tls.header(header::SET_COOKIE).ends_with("; Secure"));
    let secure_app = app_with(
        store,
        AuthSettings {
            secure_cookies: true,
            session_hours: 2,
            ..AuthSettings::default()
        },
    );
    let s = sign_in_answer(
        &secure_app,
        json!({"email": "viewer@acc.example.org", "password": PASSWORD}),
        &[],
    )
    .await;
    let set = s.header(header::SET_COOKIE);
    assert!(
        set.contains("; Secure") && set.contains("Max-Age=7200"),
        "{set}"
    );

    // The session reads like /me, with its token.
    let got = with_cookie(&app, &first, Method::GET, SESSION, None, &[], None).await;
    assert_eq!(got.status, StatusCode::OK, "{}", got.text());
    assert_eq!(got.json()["csrf_token"], first.csrf.as_str());
    let me = with_cookie(&app, &first, Method::GET, "/api/v1/me", None, &[], None).await;
    assert_eq!(me.json()["email"], "admin@acc.example.org");

    // Every sign-in makes a new session; other browsers' sessions stay valid, and the one the
    // signing-in browser held before is revoked.
    let second = sign_in(&app, "admin@acc.example.org", &[]).await;
    assert_ne!(second.cookie, first.cookie);
    assert_ne!(second.csrf, first.csrf);
    for b in [&first, &second] {
        let ok = with_cookie(&app, b, Method::GET, SESSION, None, &[], None).await;
        assert_eq!(ok.status, StatusCode::OK);
    }
    let cookie = second.cookie_header();
    let third = sign_in(&app, "admin@acc.example.org", &[("cookie", &cookie)]).await;
    let old = with_cookie(&app, &second, Method::GET, SESSION, None, &[], None).await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    assert_eq!(old.json()["code"], "bad_credentials");
    secrets.extend([
        second.cookie.clone(),
        third.cookie.clone(),
        third.csrf.clone(),
    ]);

    // A cookie-authenticated write without the token, or with a wrong one, is refused and
    // changes nothing.
    let switch = || Some(json!({"organisation": "acc-b-partner"}));
    for csrf in [None, Some("not-the-token"), Some(second.csrf.as_str())] {
        let refused = with_cookie(&app, &first, Method::PUT, SESSION, csrf, &[], switch()).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{csrf:?}");
        assert_eq!(refused.json()["code"], "csrf");
    }
    let refused = with_cookie(
        &app,
        &first,
        Method::POST,
        "/api/v1/tokens",
        None,
        &[],
        Some(json!({"name": "forged"})),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let still = with_cookie(&app, &first, Method::GET, SESSION, None, &[], None).await;
    assert_eq!(still.json()["organisation_id"], town.as_str());
    let listed = with_cookie(&app, &first, Method::GET, "/api/v1/tokens", None, &[], None).await;
    assert_eq!(listed.json()["total"], 0, "no token was made");

    // The right token from another site is refused too.
    for other_site in [
        vec![
            ("host", "handover.example"),
            ("origin", "https://evil.example"),
        ],
        vec![("sec-fetch-site", "cross-site")],
        vec![("host", "handover.example"), ("origin", "null")],
    ] {
        let refused = with_cookie(
            &app,
            &first,
            Method::PUT,
            SESSION,
            Some(&first.csrf),
            &other_site,
            switch(),
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{other_site:?}");
        assert_eq!(refused.json()["code"], "csrf");
    }

    // With the token, from this site, the write goes through.
    let switched = with_cookie(
        &app,
        &first,
        Method::PUT,
        SESSION,
        Some(&first.csrf),
        &[
            ("host", "handover.example"),
            ("origin", "https://handover.example"),
            ("sec-fetch-site", "same-origin"),
        ],
        switch(),
    )
    .await;
    assert_eq!(switched.status, StatusCode::OK, "{}", switched.text());
    assert_eq!(switched.json()["role"], "editor");
    assert_ne!(switched.json()["organisation_id"], town.as_str());
    let me = with_cookie(&app, &first, Method::GET, "/api/v1/me", None, &[], None).await;
    assert_eq!(
        me.json()["role"],
        "editor",
        "the session now acts for the partner"
    );
    let not_mine = with_cookie(
        &app,
        &first,
        Method::PUT,
        SESSION,
        Some(&first.csrf),
        &[],
        Some(json!({"organisation": "acc-other"})),
    )
    .await;
    assert_eq!(not_mine.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(not_mine.json()["errors"][0]["field"], "/organisation");
    let made = with_cookie(
        &app,
        &first,
        Method::POST,
        "/api/v1/tokens",
        Some(&first.csrf),
        &[],
        Some(json!({"name": "from the browser"})),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text());
    secrets.push(made.json()["secret"].as_str().unwrap().to_owned());

    // Signing in from another site is refused before the password is checked.
    let forged = sign_in_answer(
        &app,
        json!({"email": "admin@acc.example.org", "password": PASSWORD}),
        &[
            ("host", "handover.example"),
            ("origin", "https://evil.example"),
        ],
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(forged.json()["code"], "csrf");
    // Choosing the organisation at sign-in.
    let chosen = sign_in_answer(
        &app,
        json!({"email": "admin@acc.example.org", "password": PASSWORD, "organisation": "acc-b-partner"}),
        &[],
    )
    .await;
    assert_eq!(chosen.json()["role"], "editor");
    let strict = sign_in_answer(
        &app,
        json!({"email": "admin@acc.example.org", "password": PASSWORD, "remember": true}),
        &[],
    )
    .await;
    assert_eq!(strict.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(strict.json()["errors"][0]["field"], "/remember");

    // A bearer request needs no CSRF token, and has no session of its own.
    let token = user_token(store, "acc-a-town", Role::Editor, "script@acc.example.org").await;
    secrets.push(token.clone());
    let made = app
        .call(
            Method::POST,
            "/api/v1/tokens",
            Some(&token),
            &[],
            Some(json!({"name": "second script"})),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text());
    secrets.push(made.json()["secret"].as_str().unwrap().to_owned());
    let no_session = app
        .call(Method::GET, SESSION, Some(&token), &[], None)
        .await;
    assert_eq!(no_session.status, StatusCode::UNAUTHORIZED);

    // Wrong password and unknown e-mail address: the same answer.
    let wrong = sign_in_answer(
        &app,
        json!({"email": "admin@acc.example.org", "password": "not the password"}),
        &[],
    )
    .await;
    let unknown = sign_in_answer(
        &app,
        json!({"email": "nobody@acc.example.org", "password": PASSWORD}),
        &[],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.json(), unknown.json());
    assert_eq!(wrong.json()["code"], "bad_credentials");

    // Signing out revokes the session on the server; the cookie is removed.
    let out = with_cookie(&app, &third, Method::DELETE, SESSION, None, &[], None).await;
    assert_eq!(
        out.status,
        StatusCode::FORBIDDEN,
        "signing out needs the token too"
    );
    let out = with_cookie(
        &app,
        &third,
        Method::DELETE,
        SESSION,
        Some(&third.csrf),
        &[],
        None,
    )
    .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT, "{}", out.text());
    assert!(out.header(header::SET_COOKIE).contains("Max-Age=0"));
    for path in [SESSION, "/api/v1/me", "/api/v1/plans"] {
        let gone = with_cookie(&app, &third, Method::GET, path, None, &[], None).await;
        assert_eq!(gone.status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(gone.json()["code"], "bad_credentials");
    }
    let write = with_cookie(
        &app,
        &third,
        Method::POST,
        "/api/v1/tokens",
        Some(&third.csrf),
        &[],
        Some(json!({"name": "x"})),
    )
    .await;
    assert_eq!(write.status, StatusCode::UNAUTHORIZED);
    // An expired session is not signed in.
    let admin = store_accounts::find_user(store, &OP(), "admin@acc.example.org")
        .await
        .unwrap();
    let org = admin.memberships[0].organisation_id;
    let (_, expired) =
        store_accounts::start_session(store, &admin, org, time::Duration::seconds(-1), None)
            .await
            .unwrap();
    let expired = Browser {
        cookie: expired,
        csrf: String::new(),
    };
    let gone = with_cookie(&app, &expired, Method::GET, "/api/v1/me", None, &[], None).await;
    assert_eq!(gone.status, StatusCode::UNAUTHORIZED);
    assert_eq!(gone.json()["code"], "bad_credentials");
    let none = app.call(Method::GET, SESSION, None, &[], None).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert_eq!(none.json()["code"], "unauthenticated");
    secrets
}

/// Both sign-in limits, with low settings.
async fn sign_in_limits(store: &Store) {
    add_user(store, "locked@acc.example.org", "acc-a-town", Role::Viewer).await;
    add_user(
        store,
        "careless@acc.example.org",
        "acc-a-town",
        Role::Viewer,
    )
    .await;
    let app = app_with(
        store,
        AuthSettings {
            max_failures_per_account: 3,
            account_lockout_minutes: 10,
            max_attempts_per_address: 100,
            ..AuthSettings::default()
        },
    );
    let attempt = |email: &'static str, password: &'static str| {
        sign_in_answer(&app, json!({"email": email, "password": password}), &[])
    };

    // A success resets the count: two failures, a success, two more, a success.
    for _ in 0..2 {
        for _ in 0..2 {
            let a = attempt("careless@acc.example.org", "wrong password").await;
            assert_eq!(a.status, StatusCode::UNAUTHORIZED);
        }
        let a = attempt("careless@acc.example.org", PASSWORD).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text());
    }

    // The third failure locks the account: the right password is refused for the window.
    for _ in 0..3 {
        let a = attempt("locked@acc.example.org", "wrong password").await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    }
    let refused = attempt("locked@acc.example.org", PASSWORD).await;
    assert_eq!(
        refused.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        refused.text()
    );
    assert_eq!(refused.json()["code"], "too_many_requests");
    let message = refused.json()["message"].as_str().unwrap().to_owned();
    assert!(
        message.contains("this account")
            && message.contains("try again after")
            && message.contains("UTC"),
        "{message}"
    );
    let wait: u64 = refused.header(header::RETRY_AFTER).parse().unwrap();
    assert!((9 * 60..=10 * 60).contains(&wait), "{wait}");
    // Other accounts are not affected.
    let a = attempt("careless@acc.example.org", PASSWORD).await;
    assert_eq!(a.status, StatusCode::CREATED);

    // The lock ends with its window: checked as if it were later, without waiting.
    let limit = store_accounts::AccountLimit {
        max_failures: 2,
        window: time::Duration::minutes(10),
    };
    let check = |password: &'static str, minutes_later: i64| {
        let at = time::OffsetDateTime::now_utc() + time::Duration::minutes(minutes_later);
        store_accounts::check_sign_in_at(store, "careless@acc.example.org", password, limit, at)
    };
    for _ in 0..2 {
        let c = check("wrong password", 0).await.unwrap();
        assert_eq!(c, store_accounts::SignInCheck::BadCredentials);
    }
    let c = check(PASSWORD, 9).await.unwrap();
    assert!(
        matches!(c, store_accounts::SignInCheck::Locked { .. }),
        "{c:?}"
    );
    let c = check(PASSWORD, 11).await.unwrap();
    assert!(
        matches!(c, store_accounts::SignInCheck::Accepted(_)),
        "{c:?}"
    );

    // Per address: two failed attempts, then even a right password is refused from there.
    let app = app_with(
        store,
        AuthSettings {
            max_attempts_per_address: 2,
            address_window_minutes: 5,
            trust_forwarded_for: true,
            ..AuthSettings::default()
        },
    );
    let from = |address: &'static str, email: &'static str, password: &'static str| {
        let app = &app;
        async move {
            sign_in_answer(
                app,
                json!({"email": email, "password": password}),
                &[("x-forwarded-for", address)],
            )
            .await
        }
    };
    let ok = from("192.0.2.1, 10.0.0.1", "careless@acc.example.org", PASSWORD).await;
    assert_eq!(ok.status, StatusCode::CREATED, "a success takes no place");
    for email in ["a@acc.example.org", "b@acc.example.org"] {
        let a = from("192.0.2.1", email, "wrong password").await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    }
    let refused = from("192.0.2.1, 10.0.0.1", "careless@acc.example.org", PASSWORD).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused.json()["message"]
            .as_str()
            .unwrap()
            .contains("from your address")
    );
    let wait: u64 = refused.header(header::RETRY_AFTER).parse().unwrap();
    assert!((4 * 60..=5 * 60).contains(&wait), "{wait}");
    let other = from("192.0.2.2", "careless@acc.example.org", PASSWORD).await;
    assert_eq!(
        other.status,
        StatusCode::CREATED,
        "another address has its own window"
    );

    // Without trusting the proxy, X-Forwarded-For is ignored: every in-process request comes
    // from the same unknown address.
    let app = app_with(
        store,
        AuthSettings {
            max_attempts_per_address: 1,
            ..AuthSettings::default()
        },
    );
    let a = sign_in_answer(
        &app,
        json!({"email": "c@acc.example.org", "password": "wrong password"}),
        &[("x-forwarded-for", "192.0.2.7")],
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    let a = sign_in_answer(
        &app,
        json!({"email": "careless@acc.example.org", "password": PASSWORD}),
        &[("x-forwarded-for", "192.0.2.8")],
    )
    .await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
}

/// Tokens: created with the secret once, listed without it, revoked at once.
async fn tokens(store: &Store) {
    let app = app_with(store, AuthSettings::default());
    let token = user_token(
        store,
        "acc-a-town",
        Role::Reporter,
        "tokens@acc.example.org",
    )
    .await;
    let made = app
        .call(
            Method::POST,
            "/api/v1/tokens",
            Some(&token),
            &[],
            Some(json!({"name": "nightly export", "organisation": "acc-a-town"})),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text());
    assert_eq!(made.header(header::CACHE_CONTROL), "no-store");
    let made = made.json();
    let secret = made["secret"].as_str().unwrap().to_owned();
    let id = made["id"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("hov_"));
    assert_eq!(made["name"], "nightly export");

    let listed = app
        .call(Method::GET, "/api/v1/tokens", Some(&secret), &[], None)
        .await;
    assert_eq!(listed.status, StatusCode::OK);
    let listed = listed.json();
    assert_eq!(listed["total"], 2);
    assert!(
        !listed.to_string().contains(&secret),
        "never listed with its secret"
    );
    assert!(listed["items"][0].get("secret").is_none());
    assert_eq!(listed["items"][0]["id"], id.as_str());
    assert!(listed["items"][0]["revoked_at"].is_null());

    for (body, field) in [
        (
            json!({"name": "x", "organisation": "acc-other"}),
            "/organisation",
        ),
        (json!({"name": ""}), "/name"),
        (json!({"name": "x", "secret": "mine"}), "/secret"),
    ] {
        let refused = app
            .call(
                Method::POST,
                "/api/v1/tokens",
                Some(&token),
                &[],
                Some(body),
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            refused.text()
        );
        assert_eq!(refused.json()["errors"][0]["field"], field);
    }

    // Someone else cannot revoke it; its user can, and it stops working at once.
    let other = user_token(
        store,
        "acc-a-town",
        Role::Administrator,
        "other-admin@acc.example.org",
    )
    .await;
    let path = format!("/api/v1/tokens/{id}");
    let not_theirs = app
        .call(Method::DELETE, &path, Some(&other), &[], None)
        .await;
    assert_eq!(not_theirs.status, StatusCode::NOT_FOUND);
    let works = app
        .call(Method::GET, "/api/v1/me", Some(&secret), &[], None)
        .await;
    assert_eq!(works.status, StatusCode::OK);
    let revoked = app
        .call(Method::DELETE, &path, Some(&token), &[], None)
        .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT, "{}", revoked.text());
    let gone = app
        .call(Method::GET, "/api/v1/me", Some(&secret), &[], None)
        .await;
    assert_eq!(gone.status, StatusCode::UNAUTHORIZED);
    assert_eq!(gone.json()["code"], "bad_credentials");
    let again = app
        .call(Method::DELETE, &path, Some(&token), &[], None)
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let listed = app
        .call(Method::GET, "/api/v1/tokens", Some(&token), &[], None)
        .await
        .json();
    let item = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id.as_str())
        .unwrap()
        .clone();
    assert!(item["revoked_at"].is_string());
}

/// Users and roles: administrators manage their organisation; others get 403; users outside
/// the organisation do not exist (404); a disabled account's token and session stop working.
async fn users_and_memberships(store: &Store) {
    let app = app_with(store, AuthSettings::default());
    let admin = user_token(
        store,
        "acc-a-town",
        Role::Administrator,
        "boss@acc.example.org",
    )
    .await;
    let viewer = user_token(store, "acc-a-town", Role::Viewer, "looker@acc.example.org").await;

    // A member sees its organisation's users only.
    let listed = app
        .call(Method::GET, "/api/v1/users", Some(&viewer), &[], None)
        .await;
    assert_eq!(listed.status, StatusCode::OK);
    let emails: Vec<String> = listed.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["email"].as_str().unwrap().to_owned())
        .collect();
    assert!(emails.contains(&"boss@acc.example.org".to_owned()));
    assert!(!emails.contains(&"outsider@acc.example.org".to_owned()));
    let hidden = app
        .call(
            Method::GET,
            "/api/v1/users/outsider@acc.example.org",
            Some(&admin),
            &[],
            None,
        )
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let hidden = app
        .call(
            Method::DELETE,
            "/api/v1/users/outsider@acc.example.org/memberships/acc-other",
            Some(&admin),
            &[],
            None,
        )
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let shown = app
        .call(
            Method::GET,
            "/api/v1/users/boss@acc.example.org",
            Some(&viewer),
            &[],
            None,
        )
        .await;
    assert_eq!(shown.status, StatusCode::OK);
    assert_eq!(shown.header(header::ETAG), "\"1\"");
    assert!(shown.json().get("password_hash").is_none());

    // Only the administrator adds users and changes roles.
    let new_user = json!({"email": "new@acc.example.org", "name": "New Person", "password": PASSWORD, "role": "reporter"});
    let refused = app
        .call(
            Method::POST,
            "/api/v1/users",
            Some(&viewer),
            &[],
            Some(new_user.clone()),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let refused = app
        .call(
            Method::PUT,
            "/api/v1/users/looker@acc.example.org/memberships/acc-a-town",
            Some(&viewer),
            &[],
            Some(json!({"role": "administrator"})),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let refused = app
        .call(
            Method::PUT,
            "/api/v1/users/outsider@acc.example.org/memberships/acc-other",
            Some(&admin),
            &[],
            Some(json!({"role": "viewer"})),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::FORBIDDEN,
        "another organisation's membership"
    );
    let bad = app
        .call(
            Method::POST,
            "/api/v1/users",
            Some(&admin),
            &[],
            Some(json!({"email": "not-an-address", "name": "X", "password": "short", "role": "viewer"})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = bad.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["/email", "/password"], "every problem at once");
    let created = app
        .call(
            Method::POST,
            "/api/v1/users",
            Some(&admin),
            &[],
            Some(new_user.clone()),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    assert!(
        created
            .header(header::LOCATION)
            .starts_with("/api/v1/users/")
    );
    assert_eq!(created.json()["memberships"][0]["role"], "reporter");
    let duplicate = app
        .call(
            Method::POST,
            "/api/v1/users",
            Some(&admin),
            &[],
            Some(new_user),
        )
        .await;
    assert_eq!(duplicate.status, StatusCode::CONFLICT);

    // The new user signs in; a role change applies; removal ends their session.
    let browser = sign_in(&app, "new@acc.example.org", &[]).await;
    let changed = app
        .call(
            Method::PUT,
            "/api/v1/users/new@acc.example.org/memberships/acc-a-town",
            Some(&admin),
            &[],
            Some(json!({"role": "editor"})),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text());
    let me = with_cookie(&app, &browser, Method::GET, "/api/v1/me", None, &[], None).await;
    assert_eq!(me.json()["role"], "editor");
    let removed = app
        .call(
            Method::DELETE,
            "/api/v1/users/new@acc.example.org/memberships/acc-a-town",
            Some(&admin),
            &[],
            None,
        )
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT, "{}", removed.text());
    let gone = with_cookie(&app, &browser, Method::GET, "/api/v1/me", None, &[], None).await;
    assert_eq!(gone.status, StatusCode::UNAUTHORIZED);

    // Disabling: administrators only, with If-Match; the token and session stop working.
    let target = "/api/v1/users/looker@acc.example.org";
    let looker_browser = sign_in(&app, "looker@acc.example.org", &[]).await;
    let disable = || Some(json!({"disabled": true}));
    let refused = app
        .call(
            Method::PATCH,
            "/api/v1/users/boss@acc.example.org",
            Some(&viewer),
            &[("if-match", "\"1\"")],
            disable(),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let no_if_match = app
        .call(Method::PATCH, target, Some(&admin), &[], disable())
        .await;
    assert_eq!(no_if_match.status, StatusCode::PRECONDITION_REQUIRED);
    let stale = app
        .call(
            Method::PATCH,
            target,
            Some(&admin),
            &[("if-match", "\"7\"")],
            disable(),
        )
        .await;
    assert_eq!(
        stale.status,
        StatusCode::PRECONDITION_FAILED,
        "{}",
        stale.text()
    );
    let still = app
        .call(Method::GET, "/api/v1/me", Some(&viewer), &[], None)
        .await;
    assert_eq!(
        still.status,
        StatusCode::OK,
        "a stale write changed nothing"
    );
    let done = app
        .call(
            Method::PATCH,
            target,
            Some(&admin),
            &[("if-match", "\"1\"")],
            disable(),
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text());
    assert_eq!(done.json()["disabled"], true);
    assert_eq!(done.header(header::ETAG), "\"2\"");
    let token_gone = app
        .call(Method::GET, "/api/v1/me", Some(&viewer), &[], None)
        .await;
    assert_eq!(token_gone.status, StatusCode::UNAUTHORIZED);
    let session_gone = with_cookie(
        &app,
        &looker_browser,
        Method::GET,
        "/api/v1/me",
        None,
        &[],
        None,
    )
    .await;
    assert_eq!(session_gone.status, StatusCode::UNAUTHORIZED);
    let signed_out = sign_in_answer(
        &app,
        json!({"email": "looker@acc.example.org", "password": PASSWORD}),
        &[],
    )
    .await;
    assert_eq!(signed_out.status, StatusCode::FORBIDDEN);
    assert_eq!(signed_out.json()["code"], "account_disabled");
    let wrong = sign_in_answer(
        &app,
        json!({"email": "looker@acc.example.org", "password": "not the password"}),
        &[],
    )
    .await;
    assert_eq!(
        wrong.json()["code"],
        "bad_credentials",
        "a wrong password says nothing more"
    );
}

async fn openapi_lists_the_routes(store: &Store) {
    let doc = TestApp::new(store, false)
        .get("/api/openapi.json")
        .await
        .json();
    for (path, methods) in [
        (SESSION, &["get", "post", "put", "delete"][..]),
        ("/api/v1/tokens", &["get", "post"][..]),
        ("/api/v1/tokens/{id}", &["delete"][..]),
        ("/api/v1/users", &["get", "post"][..]),
        ("/api/v1/users/{user}", &["get", "patch"][..]),
        (
            "/api/v1/users/{user}/memberships/{organisation}",
            &["put", "delete"][..],
        ),
    ] {
        for m in methods {
            let op = &doc["paths"][path][m];
            assert!(op.is_object(), "{m} {path}");
            assert_eq!(op["tags"][0], "accounts", "{m} {path}");
        }
    }
}

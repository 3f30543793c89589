//! The frame of the workspace: signing in and out, the language, the portfolio, CSRF on forms.

use super::*;

pub(crate) async fn run(store: &Store) {
    add_org(
        store,
        "b-tyre",
        "Union of Tyre Municipalities",
        "union_of_municipalities",
        "South",
    )
    .await;
    add_org(
        store,
        "b-dp",
        "Partner for basics",
        "development_partner",
        "South",
    )
    .await;
    add_org(
        store,
        "b-other",
        "Another municipality",
        "municipality",
        "North",
    )
    .await;
    rto_plan(store, "b-plan", "b-tyre", "b-dp", "2027-01-01").await;
    add_user(store, "b-tyre", Role::Reporter, "reporter@b.test").await;
    add_user(store, "b-other", Role::Editor, "outsider@b.test").await;

    // Without a session, pages send the browser to sign in and back.
    let mut browser = Browser::new(store, false);
    let page = browser.get("/plans").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), "/sign-in?next=%2Fplans");
    let sign_in = browser.get("/sign-in").await;
    assert_eq!(sign_in.status, StatusCode::OK);
    assert!(sign_in.html.contains("<html lang=\"en\" dir=\"ltr\">"));

    // A wrong password: the form again, in the browser's language, naming the problem.
    let mut arabic = Browser::new(store, false).speaking("ar-LB,ar;q=0.9");
    let wrong = arabic
        .post(
            "/sign-in",
            &[("email", "reporter@b.test"), ("password", "wrong password")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.html.contains("dir=\"rtl\""));
    assert!(
        wrong
            .html
            .contains("البريد الإلكتروني أو كلمة المرور غير صحيحة")
    );
    assert!(
        wrong.html.contains("value=\"reporter@b.test\""),
        "keeps what was typed"
    );

    // Signed in: the portfolio shows the plan with its parties and current milestone.
    browser.sign_in("reporter@b.test").await;
    let portfolio = browser.get("/plans").await;
    assert_eq!(portfolio.status, StatusCode::OK, "{}", portfolio.html);
    assert!(portfolio.html.contains("b-plan transition"));
    assert!(portfolio.html.contains("Union of Tyre Municipalities"));
    assert!(portfolio.html.contains("Partner for basics"));
    assert!(
        portfolio.html.contains("1. "),
        "the current milestone is the first"
    );
    let csp = portfolio
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    // Filters: by status and by text.
    let none = browser.get("/plans?status=handed_over").await;
    assert!(!none.html.contains("b-plan transition"));
    let found = browser.get("/plans?q=TYRE").await;
    assert!(found.html.contains("b-plan transition"));

    // The chosen language is remembered and wins over the browser's.
    let switch = browser.get("/language?to=fr&back=%2Fplans").await;
    assert_eq!(switch.status, StatusCode::SEE_OTHER);
    assert_eq!(switch.location(), "/plans");
    let french = browser.get("/plans").await;
    assert!(french.html.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(french.html.contains("Autorité locale"));
    let away = browser
        .get("/language?to=ar&back=https%3A%2F%2Fevil.example%2F")
        .await;
    assert_eq!(away.location(), "/plans", "never leaves the site");
    let arabic_page = browser.get("/plans").await;
    assert!(arabic_page.html.contains("dir=\"rtl\""));
    assert!(
        arabic_page.html.contains("خطة b-plan"),
        "the plan's Arabic name"
    );

    // A form without the CSRF token changes nothing: signing out without it keeps the session.
    let refused = browser.post("/sign-out", &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(browser.get("/plans").await.status, StatusCode::OK);
    let out = browser.submit("/plans", "/sign-out", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(browser.get("/plans").await.status, StatusCode::SEE_OTHER);

    // Another organisation's user does not see the plan.
    let mut outsider = Browser::new(store, false);
    outsider.sign_in("outsider@b.test").await;
    let theirs = outsider.get("/plans").await;
    assert!(!theirs.html.contains("b-plan transition"));

    // The demo reads every plan without signing in, and says so.
    let mut demo = Browser::new(store, true);
    let page = demo.get("/plans").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.html.contains("b-plan transition"));
    assert!(page.html.contains("class=\"demo\""));

    // Assets are embedded and a missing page is a page in the reader's language.
    assert_eq!(demo.get("/assets/htmx.min.js").await.status, StatusCode::OK);
    assert!(
        demo.get("/assets/app.css")
            .await
            .html
            .contains("margin-inline")
    );
    let mut fr = Browser::new(store, false).speaking("fr");
    let missing = fr.get("/nowhere").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.html.contains("Introuvable"));
}

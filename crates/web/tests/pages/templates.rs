//! Templates and new plans: the list and one template in the page's language (the RTO
//! template in French and Arabic), and a new plan made from a template through the form —
//! refused with each problem next to its field, what was typed kept and nothing stored.

use super::*;
use handover_core::text::Lang;

/// Text as askama writes it into a page.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The new plan form as filled in: the RTO template for Saida with both partners.
fn fields(token: &str, code: &str, start: &str) -> Vec<(String, String)> {
    [
        ("csrf_token", token),
        ("template", "rto-transition"),
        ("code", code),
        ("name", "Saida RTO plan"),
        ("local_authority", "t-saida"),
        ("partners", "t-dp"),
        ("partners", "t-dp2"),
        ("start", start),
        ("currency", "usd"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect()
}

/// Posts the new plan form.
async fn send(browser: &mut Browser, fields: &[(String, String)]) -> Page {
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    browser.post("/plans/new", &refs).await
}

pub(crate) async fn run(store: &Store) {
    templates::sync_builtin(store, &handover_formats::template::builtin())
        .await
        .unwrap();
    add_org(
        store,
        "t-saida",
        "Union of Saida for templates",
        "union_of_municipalities",
        "South",
    )
    .await;
    add_org(
        store,
        "t-dp",
        "First partner for templates",
        "development_partner",
        "South",
    )
    .await;
    add_org(
        store,
        "t-dp2",
        "Second partner for templates",
        "development_partner",
        "South",
    )
    .await;
    add_org(
        store,
        "t-far",
        "Municipality far from templates",
        "municipality",
        "North",
    )
    .await;
    add_user(store, "t-saida", Role::Editor, "editor@t.test").await;
    add_user(store, "t-saida", Role::Reporter, "reporter@t.test").await;
    add_user(store, "t-far", Role::Editor, "far@t.test").await;
    let (_, rto) = templates::get(store, &op(), "rto-transition")
        .await
        .unwrap();

    // The list, in French: the RTO template by its French name.
    let mut french = Browser::new(store, false).speaking("fr");
    french.sign_in("editor@t.test").await;
    let list = french.get("/templates").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.html);
    assert!(list.html.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(list.html.contains("href=\"/templates/rto-transition\""));
    assert!(
        list.html
            .contains(&escaped(rto.name.get(Lang::Fr).unwrap()))
    );
    assert!(
        list.html
            .contains("Cadre de transition des bureaux techniques régionaux (RTO)")
    );
    assert!(list.html.contains("Transition d&#39;un RTO"));
    assert!(
        list.html
            .contains("href=\"/plans/new?template=rto-transition\"")
    );
    assert!(list.html.contains("aria-current=\"page\">Modèles</a>"));

    // One template, in Arabic: its milestones and 27 activities in Arabic.
    let mut arabic = Browser::new(store, false).speaking("ar");
    arabic.sign_in("editor@t.test").await;
    let show = arabic.get("/templates/rto-transition").await;
    assert_eq!(show.status, StatusCode::OK, "{}", show.html);
    assert!(show.html.contains("dir=\"rtl\""));
    assert!(
        show.html
            .contains(&escaped(rto.name.get(Lang::Ar).unwrap()))
    );
    assert_eq!(
        show.html.matches("class=\"templates-activity\"").count(),
        27
    );
    let aoc = &rto.milestones[0].activities[6];
    assert_eq!(aoc.number, 7);
    assert!(
        show.html
            .contains(&escaped(aoc.title.get(Lang::Ar).unwrap()))
    );
    assert!(
        show.html
            .contains(&escaped(rto.milestones[6].title.get(Lang::Ar).unwrap()))
    );
    assert!(
        !show
            .html
            .contains(&escaped(aoc.title.get(Lang::En).unwrap())),
        "no English title"
    );
    assert_eq!(
        arabic.get("/templates/no-such-template").await.status,
        StatusCode::NOT_FOUND
    );
    // A name the template has in English only says so.
    let list = arabic.get("/templates").await;
    assert!(
        list.html
            .contains("<bdi lang=\"en\">Generic programme or project</bdi>")
    );
    assert!(
        list.html
            .contains(&escaped(rto.name.get(Lang::Ar).unwrap()))
    );

    // A new plan through the form.
    let mut browser = Browser::new(store, false);
    browser.sign_in("editor@t.test").await;
    let form = browser.get("/plans/new?template=rto-transition").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.html);
    assert!(
        form.html
            .contains("<option value=\"rto-transition\" selected>")
    );
    assert!(
        form.html
            .contains("<option value=\"t-saida\" translate=\"no\" selected>"),
        "the user's own local authority"
    );
    assert!(form.html.contains("<label for=\"f-start\">"));
    let token = form.csrf();
    let made = send(&mut browser, &fields(&token, "t-new", "2027-01-01")).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.html);
    assert_eq!(made.location(), "/plans/t-new");
    let id = plans::find(store, &op(), "t-new").await.unwrap();
    let plan = plans::load(store, &op(), id).await.unwrap();
    assert_eq!(plan.activities.len(), 27);
    assert_eq!(plan.parties.len(), 3);
    assert_eq!(plan.plan.name.get(Lang::En), Some("Saida RTO plan"));
    assert_eq!(plan.plan.currency.as_str(), "USD");
    assert_eq!(format!("{}", plan.periods[0].start), "2027-01-01");

    // The same code again: refused next to the code, what was typed kept.
    let again = send(&mut browser, &fields(&token, "t-new", "2027-01-01")).await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        again.html
    );
    assert!(again.html.contains("role=\"alert\""));
    assert!(again.html.contains(
        "<p class=\"field-problem\" id=\"f-code-problem\">Another plan already uses this code"
    ));
    assert!(
        again
            .html
            .contains("aria-describedby=\"f-code-hint f-code-problem\" aria-invalid=\"true\"")
    );
    assert!(again.html.contains("value=\"Saida RTO plan\""));
    assert!(again.html.contains("value=\"t-dp2\" checked"));
    assert!(again.html.contains("value=\"2027-01-01\""));
    assert_eq!(
        plans::list(store, &op())
            .await
            .unwrap()
            .iter()
            .filter(|p| p.code == "t-new")
            .count(),
        1
    );

    // A start that is not the first of a month: refused naming the start; nothing stored.
    let bad = send(&mut browser, &fields(&token, "t-bad", "2027-01-15")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.html
            .contains("id=\"f-start-problem\">Choose the first day of a month")
    );
    assert!(
        bad.html.contains("<a href=\"#f-start\">Start</a>"),
        "the summary links to the field"
    );
    assert!(bad.html.contains("value=\"2027-01-15\""));
    assert!(
        !bad.html.contains("id=\"f-code-problem\""),
        "only the start is wrong"
    );
    assert!(plans::find(store, &op(), "t-bad").await.is_err());

    // Several problems at once, each at its field.
    let many = browser
        .post(
            "/plans/new",
            &[
                ("csrf_token", token.as_str()),
                ("template", "rto-transition"),
                ("code", "Not A Code"),
                ("name", ""),
                ("local_authority", ""),
                ("start", "2027-02-01"),
                ("currency", "dollars"),
            ],
        )
        .await;
    assert_eq!(many.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["code", "name", "local-authority", "currency"] {
        assert!(
            many.html.contains(&format!("id=\"f-{field}-problem\"")),
            "{field}"
        );
    }
    assert!(!many.html.contains("id=\"f-start-problem\""));
    assert!(many.html.contains("value=\"Not A Code\""));
    assert!(many.html.contains("value=\"dollars\""));

    // In French, the problems are in French.
    let form = french.get("/plans/new").await;
    assert!(
        form.html
            .contains("<option value=\"rto-transition\" selected>"),
        "the RTO template first"
    );
    let taken = send(&mut french, &fields(&form.csrf(), "t-new", "2027-01-01")).await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken.html.contains("Un autre plan utilise déjà ce code"));

    // Someone acting for an organisation that is not a party of the plan is told so.
    let mut far = Browser::new(store, false);
    far.sign_in("far@t.test").await;
    let far_token = far.get("/plans/new").await.csrf();
    let refused = send(&mut far, &fields(&far_token, "t-far-plan", "2027-01-01")).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.html
    );
    assert!(
        refused.html.contains(
            "id=\"f-local-authority-problem\">You act for Municipality far from templates"
        )
    );
    assert!(plans::find(store, &op(), "t-far-plan").await.is_err());

    // A reporter may not make plans; the form is not offered.
    let mut reporter = Browser::new(store, false);
    reporter.sign_in("reporter@t.test").await;
    assert_eq!(
        reporter.get("/plans/new").await.status,
        StatusCode::FORBIDDEN
    );
    let reporter_token = reporter.get("/plans").await.csrf();
    let refused = send(
        &mut reporter,
        &fields(&reporter_token, "t-reported", "2027-01-01"),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(plans::find(store, &op(), "t-reported").await.is_err());
    let list = reporter.get("/templates").await;
    assert!(!list.html.contains("href=\"/plans/new?template="));

    // The demo reader reads the templates but makes nothing.
    let mut demo = Browser::new(store, true);
    assert_eq!(demo.get("/templates").await.status, StatusCode::OK);
    assert_eq!(demo.get("/plans/new").await.status, StatusCode::FORBIDDEN);
}

//! The plan overview, its endorsement and status, and its history of changes.

use super::*;
use handover_core::plan::ProgressStatus;
use handover_store::cycle::endorsements;

/// The number of sign-offs recorded for `plan`.
async fn sign_offs(store: &Store, plan: handover_core::ids::PlanId) -> usize {
    endorsements::state(store, &op(), plan)
        .await
        .unwrap()
        .history
        .len()
}

pub(crate) async fn run(store: &Store) {
    add_org(
        store,
        "p-tyre",
        "Union of Tyre for plans",
        "union_of_municipalities",
        "South",
    )
    .await;
    add_org(
        store,
        "p-dp",
        "Partner for plans",
        "development_partner",
        "South",
    )
    .await;
    add_org(
        store,
        "p-out",
        "Outsider municipality",
        "municipality",
        "North",
    )
    .await;
    // The plan starts on the first day of this month: its first quarter is the current one.
    let today = time::OffsetDateTime::now_utc().date();
    let start = format!("{:04}-{:02}-01", today.year(), u8::from(today.month()));
    let tree = rto_plan(store, "p-plan", "p-tyre", "p-dp", &start).await;
    let plan = tree.plan.id;
    add_user(store, "p-tyre", Role::Editor, "editor@p.test").await;
    add_user(store, "p-dp", Role::Administrator, "admin@p.test").await;
    add_user(store, "p-tyre", Role::Viewer, "viewer@p.test").await;
    add_user(store, "p-out", Role::Editor, "outsider@p.test").await;

    // The overview: status, parties with their roles, milestones with progress, quality
    // problems, who leads what this quarter, and the unendorsed start flagged.
    let mut editor = Browser::new(store, false);
    editor.sign_in("editor@p.test").await;
    let page = editor.get("/plans/p-plan").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    let html = &page.html;
    assert!(html.contains("<h1><bdi>p-plan transition</bdi>"));
    assert!(html.contains("aria-current=\"page\">Overview</a>"));
    assert!(html.contains("Union of Tyre for plans") && html.contains("Local authority (owner)"));
    assert!(html.contains("Partner for plans") && html.contains("Development partner (co-owner)"));
    assert!(html.contains("1. <bdi>Planning phase</bdi>"));
    assert!(
        html.contains("<meter min=\"0\" max=\"7\" value=\"0\""),
        "milestone 1 has 7 activities"
    );
    assert!(html.contains("7. <bdi>Handover and exit phase</bdi>"));
    let indicators = tree.indicators.len();
    assert!(
        html.contains(&format!("{indicators} indicators have no baseline")),
        "the template leaves baselines to the plan"
    );
    assert!(html.contains(&format!("{indicators} indicators have no target")));
    assert!(html.contains(&format!(
        "/plans/p-plan/indicators/{}",
        tree.indicators[0].id
    )));
    assert!(html.contains("Not endorsed") && html.contains("The start date has passed"));
    assert!(html.contains("Who leads what now") && html.contains("Q1: "));
    let first = tree.activities.iter().find(|a| a.number == 1).unwrap();
    assert!(
        html.contains(&format!("/plans/p-plan/activities/{}", first.id)),
        "activity 1 is planned for Q1"
    );
    assert!(html.contains("Jointly"), "activity 1 is led jointly");
    assert!(!html.contains("Unknown localization"));

    // The endorsement page offers the editor the form for their organisation.
    let page = editor.get("/plans/p-plan/endorsement").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    assert!(page.html.contains("action=\"/plans/p-plan/endorsement\""));
    assert!(page.html.contains("No party has endorsed the plan yet."));
    let version = endorsements::state(store, &op(), plan)
        .await
        .unwrap()
        .framework_version;
    let v = version.to_string();

    // A viewer sees no form, and a post is refused with nothing recorded.
    let mut viewer = Browser::new(store, false);
    viewer.sign_in("viewer@p.test").await;
    let page = viewer.get("/plans/p-plan/endorsement").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.html.contains("action=\"/plans/p-plan/endorsement\""));
    assert!(page.html.contains("needs an editor or administrator"));
    let refused = viewer
        .submit(
            "/plans/p-plan",
            "/plans/p-plan/endorsement",
            &[("framework_version", &v)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.html);
    let refused = viewer
        .submit(
            "/plans/p-plan",
            "/plans/p-plan/status",
            &[("status", "endorsed")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(sign_offs(store, plan).await, 0);

    // Another organisation's user finds none of these pages, nor can post.
    let mut outsider = Browser::new(store, false);
    outsider.sign_in("outsider@p.test").await;
    for path in [
        "/plans/p-plan",
        "/plans/p-plan/endorsement",
        "/plans/p-plan/audit",
    ] {
        assert_eq!(
            outsider.get(path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let refused = outsider
        .submit(
            "/plans",
            "/plans/p-plan/endorsement",
            &[("framework_version", &v)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);

    // Bad input: a missing version is named, a stale one refused; nothing is recorded.
    let bad = editor
        .submit(
            "/plans/p-plan/endorsement",
            "/plans/p-plan/endorsement",
            &[("framework_version", "")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.html.contains("role=\"alert\"") && bad.html.contains("Framework version: "));
    let stale = (version + 1).to_string();
    let bad = editor
        .submit(
            "/plans/p-plan/endorsement",
            "/plans/p-plan/endorsement",
            &[("framework_version", &stale)],
        )
        .await;
    assert_eq!(bad.status, StatusCode::CONFLICT);
    let bad = editor
        .submit(
            "/plans/p-plan/endorsement",
            "/plans/p-plan/status",
            &[("status", "backwards")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.html.contains("Plan status: "));
    assert_eq!(sign_offs(store, plan).await, 0);

    // Endorsing through the form records it, and the page shows who signed.
    let done = editor
        .submit(
            "/plans/p-plan/endorsement",
            "/plans/p-plan/endorsement",
            &[("framework_version", &v)],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.html);
    assert_eq!(done.location(), "/plans/p-plan/endorsement");
    assert_eq!(sign_offs(store, plan).await, 1);
    let page = editor.get("/plans/p-plan/endorsement").await;
    assert!(page.html.contains("<bdi>editor@p.test</bdi>"));
    assert!(
        page.html
            .contains("\u{2068}Union of Tyre for plans\u{2069} has endorsed the current version.")
    );
    assert!(
        !page.html.contains("action=\"/plans/p-plan/endorsement\""),
        "no second sign-off"
    );
    let overview = editor.get("/plans/p-plan").await;
    assert!(
        overview
            .html
            .contains("Still to endorse: <bdi>Partner for plans</bdi>")
    );

    // The partner's administrator signs too: endorsed, and the start date has passed, so the
    // plan is in progress; the next status waits for the handover review.
    let mut admin = Browser::new(store, false);
    admin.sign_in("admin@p.test").await;
    let done = admin
        .submit(
            "/plans/p-plan/endorsement",
            "/plans/p-plan/endorsement",
            &[("framework_version", &v)],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.html);
    let page = admin.get("/plans/p-plan/endorsement").await;
    assert!(
        page.html
            .contains("<span class=\"badge\">In progress</span>")
    );
    assert!(page.html.contains("Every party has endorsed version"));
    assert!(page.html.contains("Next: Handing over,"));
    assert!(
        !page.html.contains("action=\"/plans/p-plan/status\""),
        "no move is due"
    );
    let overview = admin.get("/plans/p-plan").await;
    assert!(
        overview
            .html
            .contains("<span class=\"badge ok\">Endorsed</span>")
    );
    assert!(!overview.html.contains("The start date has passed"));

    // The history shows the endorsements and the status move, and filters by user and date.
    let audit = editor.get("/plans/p-plan/audit").await;
    assert_eq!(audit.status, StatusCode::OK, "{}", audit.html);
    assert!(audit.html.contains("aria-current=\"page\">History</a>"));
    assert!(audit.html.contains("Endorsement"));
    assert!(audit.html.contains("<td><bdi>editor@p.test</bdi></td>"));
    assert!(audit.html.contains("<td><bdi>admin@p.test</bdi></td>"));
    assert!(
        audit.html.contains("<del><bdi>Draft</bdi></del>")
            && audit.html.contains("<ins><bdi>In progress</bdi></ins>")
    );
    let mine = editor.get("/plans/p-plan/audit?user=editor%40p.test").await;
    assert!(mine.html.contains("<td><bdi>editor@p.test</bdi></td>"));
    assert!(!mine.html.contains("<td><bdi>admin@p.test</bdi></td>"));
    assert!(
        mine.html
            .contains("<option value=\"editor@p.test\" selected>")
    );
    let tomorrow = today.next_day().unwrap();
    let later = editor
        .get(&format!(
            "/plans/p-plan/audit?since={}",
            handover_core::calendar::format_date(tomorrow)
        ))
        .await;
    assert!(later.html.contains("No change matches these filters."));
    let bad = editor.get("/plans/p-plan/audit?since=soon").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.html.contains("From: not a date") && bad.html.contains("value=\"soon\""));

    // A material change clears the endorsement; the status stays, the form comes back.
    let m1 = &tree.milestones[0];
    handover_store::framework::milestones::update(
        store,
        &op(),
        plan,
        &m1.id.to_string(),
        m1.version,
        handover_store::framework::milestones::MilestoneInput {
            objective: Some(handover_core::text::Text::en("Agree on the RTO")),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let overview = editor.get("/plans/p-plan").await;
    assert!(overview.html.contains("Changes awaiting endorsement"));
    assert!(
        overview
            .html
            .contains("<span class=\"badge\">In progress</span>")
    );
    let page = editor.get("/plans/p-plan/endorsement").await;
    assert!(page.html.contains("action=\"/plans/p-plan/endorsement\""));
    assert!(page.html.contains("superseded"));
    let audit = editor.get("/plans/p-plan/audit").await;
    assert!(audit.html.contains("1. Planning phase"));
    assert!(
        audit
            .html
            .contains("<ins><bdi>Agree on the RTO</bdi></ins>")
    );

    // A hundred entries a page, with links to older and newer ones; an activity's status
    // change reads in words.
    let mut activity = plans::load(store, &op(), plan)
        .await
        .unwrap()
        .activities
        .into_iter()
        .find(|a| a.number == 1)
        .unwrap();
    for i in 0..80 {
        let status = if i % 2 == 0 {
            ProgressStatus::Started
        } else {
            ProgressStatus::NotStarted
        };
        activity =
            plans::set_activity_status(store, &op(), activity.id, activity.version, status, None)
                .await
                .unwrap();
    }
    let first_page = editor.get("/plans/p-plan/audit").await;
    assert!(first_page.html.contains("Changes 1 to 100 (page 1)"));
    assert!(
        first_page
            .html
            .contains("href=\"/plans/p-plan/audit?page=2\" rel=\"next\"")
    );
    assert!(!first_page.html.contains("rel=\"prev\""));
    assert!(
        first_page.html.contains("<del><bdi>Started</bdi></del>")
            && first_page
                .html
                .contains("<ins><bdi>Not started</bdi></ins>")
    );
    let second = editor.get("/plans/p-plan/audit?page=2").await;
    assert!(second.html.contains("Changes 101 to "));
    assert!(
        second
            .html
            .contains("href=\"/plans/p-plan/audit\" rel=\"prev\"")
    );
    assert!(!second.html.contains("rel=\"next\""));
    assert!(
        second.html.contains("Created"),
        "the plan's creation is among the oldest"
    );

    // French and Arabic: every string translated, Arabic right to left.
    for (lang, expect) in [
        ("fr", "Qualité du cadre de résultats"),
        ("ar", "جودة إطار النتائج"),
    ] {
        let mut b = Browser::new(store, false).speaking(lang);
        b.sign_in("editor@p.test").await;
        for path in [
            "/plans/p-plan",
            "/plans/p-plan/endorsement",
            "/plans/p-plan/audit",
        ] {
            let page = b.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{lang} {path}");
            assert!(
                page.html.contains(&format!("<html lang=\"{lang}\"")),
                "{lang} {path}"
            );
            assert!(!page.html.contains("Unknown localization"), "{lang} {path}");
            assert_eq!(
                page.html.contains("dir=\"rtl\""),
                lang == "ar",
                "{lang} {path}"
            );
        }
        assert!(b.get("/plans/p-plan").await.html.contains(expect));
    }
    let mut ar = Browser::new(store, false).speaking("ar");
    ar.sign_in("editor@p.test").await;
    let audit = ar.get("/plans/p-plan/audit").await;
    assert!(audit.html.contains("مصادقة") && audit.html.contains("قيد التنفيذ"));
}

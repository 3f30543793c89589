//! The plan's timeline: the Gantt chart with one row per activity under its milestone and the
//! today line, the table beside it for screen readers, the chart mirrored on Arabic pages, a
//! status change showing on the chart, and the plan's scope.

use super::*;
use handover_core::calendar::format_date;
use handover_core::plan::ProgressStatus;

/// The chart's row of activity `number` (its `<g>` element).
fn chart_row<'a>(html: &'a str, number: &str) -> &'a str {
    let at = html
        .find(&format!("data-activity=\"{number}\""))
        .unwrap_or_else(|| panic!("no row for activity {number}"));
    let row = &html[at..];
    &row[..row.find("</g>").expect("the row ends")]
}

/// The first day of the month `back` months before this one.
fn months_ago(back: i32) -> String {
    let today = time::OffsetDateTime::now_utc().date();
    let months = today.year() * 12 + i32::from(u8::from(today.month())) - 1 - back;
    let month = time::Month::try_from((months.rem_euclid(12) + 1) as u8).unwrap();
    format_date(time::Date::from_calendar_date(months.div_euclid(12), month, 1).unwrap())
}

pub(crate) async fn run(store: &Store) {
    add_org(
        store,
        "g-tyre",
        "Union of Tyre for timelines",
        "union_of_municipalities",
        "South",
    )
    .await;
    add_org(
        store,
        "g-dp",
        "Partner for timelines",
        "development_partner",
        "South",
    )
    .await;
    add_org(
        store,
        "g-other",
        "Municipality elsewhere",
        "municipality",
        "North",
    )
    .await;
    // Started six months ago: today falls in its third quarter.
    let tree = rto_plan(store, "g-plan", "g-tyre", "g-dp", &months_ago(6)).await;
    add_user(store, "g-tyre", Role::Reporter, "reporter@g.test").await;
    add_user(store, "g-other", Role::Editor, "outsider@g.test").await;

    // Without a session: sign in first.
    let mut anonymous = Browser::new(store, false);
    let away = anonymous.get("/plans/g-plan/gantt").await;
    assert_eq!(away.status, StatusCode::SEE_OTHER);
    assert!(away.location().starts_with("/sign-in?next="));

    let mut browser = Browser::new(store, false);
    browser.sign_in("reporter@g.test").await;
    let page = browser.get("/plans/g-plan/gantt").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    let html = &page.html;
    // One chart: a row per milestone, a row per activity, the today line, a legend.
    assert_eq!(html.matches("<svg").count(), 1);
    assert_eq!(html.matches("class=\"milestone\"").count(), 7);
    assert_eq!(html.matches("class=\"activity\"").count(), 27);
    assert_eq!(html.matches("class=\"planned\"").count(), 27);
    assert!(html.contains("<g class=\"today\">"));
    assert!(html.contains("Today, "));
    assert!(html.contains("class=\"legend\""));
    assert!(html.contains("data-mirror=\"false\""));
    assert!(html.contains("role=\"img\" aria-labelledby=\"gantt-title gantt-desc\""));
    assert!(html.contains("<title id=\"gantt-title\">Timeline of the plan</title>"));
    assert!(
        html.contains("in Q3 of the plan"),
        "where today falls, in words"
    );
    // The tab is marked, and the same facts are in a table: one row header per activity.
    assert!(html.contains("aria-current=\"page\">Timeline</a>"));
    assert_eq!(html.matches("<th scope=\"row\">").count(), 27);
    assert!(html.contains("<th scope=\"colgroup\" colspan=\"5\"><bdi>1. "));
    // No inline style or script: the chart draws with attributes.
    assert!(!html.contains("style=\""));
    assert!(!html.contains("<script>"));

    // Activity 7 (the Agreement of Cooperation) is marked started: the chart shows it.
    let before = chart_row(html, "7").to_owned();
    assert!(before.contains("data-status=\"not_started\""));
    assert!(before.contains("fill=\"url(#gantt-not-started)\""));
    assert!(!before.contains("class=\"actual\""));
    let aoc = tree.activities.iter().find(|a| a.number == 7).unwrap();
    plans::set_activity_status(
        store,
        &op(),
        aoc.id,
        aoc.version,
        ProgressStatus::Started,
        None,
    )
    .await
    .unwrap();
    let page = browser.get("/plans/g-plan/gantt").await;
    let after = chart_row(&page.html, "7");
    assert_ne!(before, after, "the row changed");
    assert!(after.contains("data-status=\"started\""));
    assert!(
        after.contains("fill=\"url(#gantt-started)\""),
        "the started pattern"
    );
    assert!(
        after.contains("class=\"actual\""),
        "an actual bar from this quarter"
    );
    assert!(after.contains(">Started</text>"), "and the status in words");
    assert!(after.contains("actual: since Q3"), "{after}");
    assert!(
        page.html.contains("<td>since Q3</td>"),
        "the table says it too"
    );
    // The other activities did not change.
    assert_eq!(chart_row(&page.html, "8"), chart_row(html, "8"));

    // In Arabic, time runs right to left.
    let mut arabic = Browser::new(store, false).speaking("ar");
    arabic.sign_in("reporter@g.test").await;
    let page = arabic.get("/plans/g-plan/gantt").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(page.html.contains("data-mirror=\"true\""));
    assert!(page.html.contains("direction=\"rtl\""));
    assert_eq!(page.html.matches("class=\"activity\"").count(), 27);
    assert!(
        page.html
            .contains("data-activity=\"٧\" data-status=\"started\"")
    );
    assert!(page.html.contains(">بدأ</text>"), "the status in Arabic");
    assert!(page.html.contains("الجدول الزمني"));
    assert!(!page.html.contains(">Started<"), "no English left");
    // Mirrored: the first quarter's label sits right of the last one's.
    let x_of = |label: &str| -> f64 {
        let at = page.html.find(&format!(">{label}</text>")).unwrap();
        let head = &page.html[..at];
        let from = head.rfind(" x=\"").unwrap() + 4;
        head[from..].split('"').next().unwrap().parse().unwrap()
    };
    assert!(x_of("ر١") > x_of("ر١٢"));

    // Outside the plan's scope it does not exist; nor does an unknown plan.
    let mut outsider = Browser::new(store, false);
    outsider.sign_in("outsider@g.test").await;
    assert_eq!(
        outsider.get("/plans/g-plan/gantt").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        browser.get("/plans/no-such-plan/gantt").await.status,
        StatusCode::NOT_FOUND
    );

    // The demo reader sees it too.
    let mut demo = Browser::new(store, true);
    assert_eq!(demo.get("/plans/g-plan/gantt").await.status, StatusCode::OK);
}

//! Quarterly reporting in the browser: the reports tab, one form for every actual of the quarter
//! (all or nothing, bad values named and kept), submit, return with a comment, approve and lock,
//! the indicator page with its chart; outsiders see nothing and viewers change nothing.

use super::*;
use handover_core::indicator::Indicator;
use handover_core::reporting::ReportStatus;
use handover_store::cycle::reports;

/// The number of the form line of an indicator's total (`r{n}.indicator` with empty `dims`).
fn line_of(html: &str, indicator: &Indicator) -> String {
    let needle = format!("\" value=\"{}\">", indicator.id);
    for (at, _) in html.match_indices(&needle) {
        let before = &html[..at];
        let name_at = before.rfind("name=\"r").expect("a line's name") + "name=\"r".len();
        let n = before[name_at..].split('.').next().unwrap().to_owned();
        if html[at..].contains(&format!("name=\"r{n}.dims\" value=\"\"")) {
            return n;
        }
    }
    panic!("no line for indicator {} on the form", indicator.code);
}

/// The value of the first hidden field `name` of a page.
fn field(html: &str, name: &str) -> String {
    let needle = format!("name=\"{name}\" value=\"");
    let at = html
        .find(&needle)
        .unwrap_or_else(|| panic!("no field {name}"))
        + needle.len();
    html[at..].split('"').next().unwrap().to_owned()
}

/// Posts the report form of `url` with `lines` (line number, value), as the page offers it.
async fn post_lines(
    b: &mut Browser,
    url: &str,
    action: &str,
    lines: &[(&str, &Indicator, &str)],
) -> Page {
    let page = b.get(url).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    let csrf = page.csrf();
    let version = field(&page.html, "version");
    let mut owned: Vec<(String, String)> = vec![
        ("csrf_token".into(), csrf),
        ("version".into(), version),
        ("action".into(), action.into()),
    ];
    for (_, ind, value) in lines {
        let n = line_of(&page.html, ind);
        owned.push((format!("r{n}.indicator"), ind.id.to_string()));
        owned.push((format!("r{n}.dims"), String::new()));
        owned.push((format!("r{n}.value"), (*value).to_owned()));
        owned.push((format!("r{n}.comment"), String::new()));
        owned.push((format!("r{n}.evidence"), String::new()));
    }
    let fields: Vec<(&str, &str)> = owned
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    b.post(url, &fields).await
}

pub(crate) async fn run(store: &Store) {
    add_org(
        store,
        "r-tyre",
        "Union of Tyre for reports",
        "union_of_municipalities",
        "South",
    )
    .await;
    add_org(
        store,
        "r-dp",
        "Partner for reports",
        "development_partner",
        "South",
    )
    .await;
    add_org(
        store,
        "r-other",
        "Municipality outside",
        "municipality",
        "North",
    )
    .await;
    // Started in the past, so that its first quarters have begun and Q1's report is overdue.
    let tree = rto_plan(store, "r-plan", "r-tyre", "r-dp", "2024-01-01").await;
    add_user(store, "r-tyre", Role::Reporter, "reporter@r.test").await;
    add_user(store, "r-dp", Role::Editor, "editor@r.test").await;
    add_user(store, "r-dp", Role::Viewer, "viewer@r.test").await;
    add_user(store, "r-other", Role::Editor, "outsider@r.test").await;
    let owner = tree.plan.owner;
    let partner = tree.plan.partners[0];
    let q1 = &tree.periods[0];
    let url = format!("/plans/r-plan/reports/{}", q1.id);
    // Two numeric indicators the local authority reports.
    let numeric: Vec<&Indicator> = tree
        .indicators
        .iter()
        .filter(|i| i.measure.is_numeric() && i.responsible.contains(&owner))
        .collect();
    let (a, b) = (numeric[0], numeric[1]);
    let (plan_id, q1_id) = (tree.plan.id, q1.id.to_string());
    let stored = |org| {
        let period = q1_id.clone();
        async move {
            reports::get(store, &op(), plan_id, &period, org)
                .await
                .unwrap()
        }
    };

    // The reports tab: every quarter with its dates, each party's report, Q1 overdue in words.
    let mut reporter = Browser::new(store, false);
    reporter.sign_in("reporter@r.test").await;
    let tab = reporter.get("/plans/r-plan/reports").await;
    assert_eq!(tab.status, StatusCode::OK, "{}", tab.html);
    assert!(tab.html.contains("Quarterly reports"));
    assert!(
        tab.html.contains("1 January 2024 – 31 March 2024"),
        "Q1's dates"
    );
    assert!(tab.html.contains("Q12"), "every quarter, begun or not");
    assert!(
        tab.html.contains("Union of Tyre for reports") && tab.html.contains("Partner for reports")
    );
    assert!(tab.html.contains(">Overdue<"), "overdue in words");
    assert!(tab.html.contains("Enter the actuals"));
    assert!(tab.html.contains(&url));

    // The form: every indicator the local authority reports, one form, both buttons.
    let form = reporter.get(&url).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.html);
    assert!(form.html.contains(&a.code) && form.html.contains(&b.code));
    assert!(form.html.contains("value=\"save\"") && form.html.contains("value=\"submit\""));
    assert!(
        form.html.contains("1507.5"),
        "the hint says how to type numbers"
    );

    // A bad value: 422 naming the indicator and the value, what was typed kept, nothing stored.
    let bad = post_lines(
        &mut reporter,
        &url,
        "save",
        &[("a", a, "N/A"), ("b", b, "abc")],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.html);
    assert!(bad.html.contains("class=\"problems\""));
    assert!(bad.html.contains("“N/A” is not a number"), "{}", bad.html);
    assert!(bad.html.contains("“abc” is not a number"));
    assert!(
        bad.html.contains(&format!("{} ", a.code)) && bad.html.contains(&format!("{} ", b.code))
    );
    assert!(
        bad.html.contains("value=\"abc\""),
        "the typed value is kept"
    );
    assert!(bad.html.contains("aria-invalid=\"true\""));
    assert!(stored(owner).await.actuals.is_empty(), "nothing saved");
    // One bad value among good ones: still nothing saved.
    let mixed = post_lines(
        &mut reporter,
        &url,
        "save",
        &[("a", a, "12"), ("b", b, "see report")],
    )
    .await;
    assert_eq!(mixed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(mixed.html.contains("value=\"12\""));
    assert!(stored(owner).await.actuals.is_empty(), "all or nothing");

    // A draft with two values, then French typing with a decimal comma.
    let saved = post_lines(
        &mut reporter,
        &url,
        "save",
        &[("a", a, "12"), ("b", b, "1507.5")],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.html);
    let draft = stored(owner).await;
    assert_eq!(draft.status, ReportStatus::Draft);
    assert_eq!(draft.actuals.len(), 2);
    let mut french = Browser::new(store, false).speaking("fr");
    french.sign_in("reporter@r.test").await;
    let again = post_lines(&mut french, &url, "save", &[("b", b, "1 507,25")]).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.html);
    let draft = stored(owner).await;
    let value_b = draft
        .actuals
        .iter()
        .find(|x| x.indicator_id == b.id)
        .unwrap();
    assert_eq!(value_b.value, "1507.25");
    assert_eq!(draft.actuals.len(), 2);
    let shown = french.get(&url).await;
    assert!(
        shown.html.contains("value=\"1507,25\""),
        "French shows its decimal comma"
    );

    // A viewer of the other party changes nothing.
    let mut viewer = Browser::new(store, false);
    viewer.sign_in("viewer@r.test").await;
    let page = viewer.get(&url).await;
    assert!(
        !page.html.contains("value=\"submit\""),
        "no form for a viewer"
    );

    // Submit: the draft goes for review, and the form is gone.
    let submitted = post_lines(&mut reporter, &url, "submit", &[]).await;
    assert_eq!(
        submitted.status,
        StatusCode::SEE_OTHER,
        "{}",
        submitted.html
    );
    assert_eq!(stored(owner).await.status, ReportStatus::Submitted);
    let page = reporter.get(&url).await;
    assert!(page.html.contains("Submitted, waiting for review"));
    assert!(!page.html.contains("value=\"save\""));

    // The other party's editor reviews: returning needs a comment.
    let mut editor = Browser::new(store, false);
    editor.sign_in("editor@r.test").await;
    let review_url = format!("{url}?org=r-tyre");
    let review = editor.get(&review_url).await;
    assert_eq!(review.status, StatusCode::OK);
    assert!(review.html.contains("value=\"approve\"") && review.html.contains("value=\"return\""));
    assert!(
        review.html.contains("1,507.25"),
        "the values in English digits"
    );
    let version = field(&review.html, "version");
    let no_comment = editor
        .post(
            &review_url,
            &[
                ("csrf_token", &review.csrf()),
                ("version", &version),
                ("org", "r-tyre"),
                ("action", "return"),
                ("comment", " "),
            ],
        )
        .await;
    assert_eq!(no_comment.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_comment.html.contains("a comment is required"));
    assert_eq!(stored(owner).await.status, ReportStatus::Submitted);
    let returned = editor
        .post(
            &review_url,
            &[
                ("csrf_token", &review.csrf()),
                ("version", &version),
                ("org", "r-tyre"),
                ("action", "return"),
                ("comment", "Attach the attendance sheets"),
            ],
        )
        .await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER, "{}", returned.html);
    let now = stored(owner).await;
    assert_eq!(now.status, ReportStatus::Returned);
    assert_eq!(
        now.review_comment.as_deref(),
        Some("Attach the attendance sheets")
    );
    let tab = reporter.get("/plans/r-plan/reports").await;
    assert!(
        tab.html.contains("Attach the attendance sheets")
            && tab.html.contains("Correct and submit again")
    );

    // Corrected and submitted again, then approved: locked.
    let resubmitted = post_lines(&mut reporter, &url, "submit", &[("a", a, "14")]).await;
    assert_eq!(
        resubmitted.status,
        StatusCode::SEE_OTHER,
        "{}",
        resubmitted.html
    );
    let review = editor.get(&review_url).await;
    let approved = editor
        .post(
            &review_url,
            &[
                ("csrf_token", &review.csrf()),
                ("version", &field(&review.html, "version")),
                ("org", "r-tyre"),
                ("action", "approve"),
                ("comment", ""),
            ],
        )
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.html);
    assert_eq!(stored(owner).await.status, ReportStatus::Approved);
    let locked = reporter.get(&url).await;
    assert!(locked.html.contains("Approved") && locked.html.contains("Locked"));
    assert!(
        !locked.html.contains("value=\"save\""),
        "no form on a locked report"
    );
    let refused = reporter
        .post(
            &url,
            &[
                ("csrf_token", &locked.csrf()),
                ("version", "9"),
                ("action", "save"),
                ("r0.indicator", &a.id.to_string()),
                ("r0.dims", ""),
                ("r0.value", "99"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let after = stored(owner).await;
    assert_eq!(
        after
            .actuals
            .iter()
            .find(|x| x.indicator_id == a.id)
            .unwrap()
            .value,
        "14"
    );
    // The partner's own report of Q1 is untouched.
    assert_eq!(stored(partner).await.status, ReportStatus::Draft);

    // The indicator page: the definition, the actual in the table, and the chart.
    let ind = reporter
        .get(&format!("/plans/r-plan/indicators/{}", a.id))
        .await;
    assert_eq!(ind.status, StatusCode::OK, "{}", ind.html);
    assert!(ind.html.contains("<svg") && ind.html.contains("role=\"img\""));
    assert!(ind.html.contains(">14<"), "the actual is shown");
    assert!(ind.html.contains("Targets and actuals by quarter"));
    assert!(ind.html.contains("direction=\"ltr\""));
    let mut arabic = Browser::new(store, false).speaking("ar");
    arabic.sign_in("reporter@r.test").await;
    let ar = arabic
        .get(&format!("/plans/r-plan/indicators/{}", a.id))
        .await;
    assert_eq!(ar.status, StatusCode::OK);
    assert!(
        ar.html.contains("direction=\"rtl\""),
        "the chart runs right to left in Arabic"
    );
    assert!(ar.html.contains("المحقَّق"));
    let ar_tab = arabic.get("/plans/r-plan/reports").await;
    assert!(ar_tab.html.contains("متأخر"));

    // Outsiders see nothing of the plan.
    let mut outsider = Browser::new(store, false);
    outsider.sign_in("outsider@r.test").await;
    for path in [
        "/plans/r-plan/reports".to_owned(),
        url.clone(),
        format!("/plans/r-plan/indicators/{}", a.id),
    ] {
        assert_eq!(
            outsider.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let token = outsider.get("/plans").await.csrf();
    let forged = outsider
        .post(
            &url,
            &[("csrf_token", &token), ("version", "0"), ("action", "save")],
        )
        .await;
    assert_eq!(forged.status, StatusCode::NOT_FOUND);
}

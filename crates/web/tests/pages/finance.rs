//! The finance pages: a finance officer (an editor of the owning organisation) builds the RTO
//! plan's budget through the forms in pounds and dollars, sees its totals in own currencies and
//! converted to the cent, is told which rate is missing, freezes the AoC baseline and the
//! handover revision and compares them, records a payment in another currency and sees the line
//! overspent, downloads the workbook and imports cost lines (a bad file imports nothing); a
//! viewer reads but changes nothing, an outsider sees nothing; the rates page lists, adds and
//! imports rates; every page speaks French and Arabic.

use super::*;
use handover_store::finance::cost_lines;

/// The plan's cost lines as stored now.
async fn lines(store: &Store) -> Vec<handover_core::finance::CostLine> {
    let id = plans::find(store, &op(), "fi-plan").await.unwrap();
    cost_lines::list(store, &op(), id).await.unwrap()
}

impl Browser {
    /// Posts a file as a page's upload form does (`multipart/form-data`: the CSRF token first,
    /// then the file, then the `replace` box when ticked).
    async fn upload(
        &mut self,
        path: &str,
        csrf: &str,
        file_name: &str,
        file: &[u8],
        replace: bool,
    ) -> Page {
        let boundary = "----handover-test-boundary";
        let mut body = Vec::new();
        let mut part = |headers: String, content: &[u8]| {
            body.extend_from_slice(format!("--{boundary}\r\n{headers}\r\n\r\n").as_bytes());
            body.extend_from_slice(content);
            body.extend_from_slice(b"\r\n");
        };
        part(
            "Content-Disposition: form-data; name=\"csrf_token\"".into(),
            csrf.as_bytes(),
        );
        part(
            format!(
                "Content-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream"
            ),
            file,
        );
        if replace {
            part(
                "Content-Disposition: form-data; name=\"replace\"".into(),
                b"1",
            );
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::ACCEPT_LANGUAGE, self.lang.clone())
            .header(header::COOKIE, self.cookie_header())
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }
}

/// No catalogue key shows raw on a page.
fn no_raw_keys(page: &Page, what: &str) {
    for prefix in ["finance-", "tab-budget", "nav-rates"] {
        assert!(
            !page.html.contains(prefix),
            "{what}: a raw key `{prefix}…` shows:\n{}",
            page.html
        );
    }
}

pub(crate) async fn run(store: &Store) {
    add_org(
        store,
        "fi-tyre",
        "Union of Tyre (finance)",
        "union_of_municipalities",
        "South",
    )
    .await;
    add_org(
        store,
        "fi-dp",
        "Partner for finance",
        "development_partner",
        "South",
    )
    .await;
    add_org(
        store,
        "fi-other",
        "Another union (finance)",
        "municipality",
        "North",
    )
    .await;
    let tree = rto_plan(store, "fi-plan", "fi-tyre", "fi-dp", "2027-01-01").await;
    add_user(store, "fi-tyre", Role::Editor, "officer@fi.test").await;
    add_user(store, "fi-tyre", Role::Viewer, "viewer@fi.test").await;
    add_user(store, "fi-other", Role::Editor, "outsider@fi.test").await;
    let aoc = tree.activity_by_key("aoc").unwrap().clone();
    let recruitment = tree.activity_by_key("recruitment").unwrap().clone();

    let mut officer = Browser::new(store, false);
    officer.sign_in("officer@fi.test").await;

    // The rates page: the officer adds the official rate; the same pair, type and date again
    // is refused.
    let rates = officer.get("/rates").await;
    assert_eq!(rates.status, StatusCode::OK, "{}", rates.html);
    assert!(rates.html.contains("aria-current=\"page\">Rates"));
    let rate = [
        ("base", "USD"),
        ("quote", "LBP"),
        ("rate_type", "official"),
        ("date", "2026-01-01"),
        ("rate", "89500"),
        ("source", "Central bank bulletin"),
    ];
    let added = officer.submit("/rates", "/rates", &rate).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.html);
    let listed = officer.get("/rates").await;
    assert!(listed.html.contains("89,500"), "{}", listed.html);
    assert!(listed.html.contains("Central bank bulletin"));
    let twice = officer.submit("/rates", "/rates", &rate).await;
    assert_eq!(
        twice.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        twice.html
    );
    assert!(twice.html.contains("This already exists"));
    // An import of rates adds the market rate.
    let csrf = listed.csrf();
    let file = "Base,Quote,Rate type,Date,Rate,Source\nUSD,LBP,parallel_market,2027-01-01,90000,Market survey\n";
    let imported = officer
        .upload("/rates/import", &csrf, "rates.csv", file.as_bytes(), false)
        .await;
    assert_eq!(imported.status, StatusCode::SEE_OTHER, "{}", imported.html);
    let after = officer.get(imported.location()).await;
    assert!(
        after
            .html
            .contains("Imported: 1 added, 0 replaced, 0 unchanged."),
        "{}",
        after.html
    );
    assert!(after.html.contains("Market survey"));

    // The budget tab is there and empty.
    let budget = officer.get("/plans/fi-plan/budget").await;
    assert_eq!(budget.status, StatusCode::OK, "{}", budget.html);
    assert!(budget.html.contains("aria-current=\"page\">Budget"));
    assert!(budget.html.contains("This plan has no cost lines yet."));

    // Cost lines through the form: staff in pounds paid by the union, a consultant in dollars
    // paid by the partner.
    let new = "/plans/fi-plan/budget/lines/new";
    let form = officer.get(new).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.html);
    assert!(form.html.contains("<label for=\"f-unit_price\">"));
    let staff = officer
        .submit(
            new,
            new,
            &[
                ("activity", &recruitment.id.to_string()),
                ("category", "in_house_expertise"),
                ("description", "RTO staff salaries"),
                ("unit", "person_month"),
                ("unit_price", "1000000"),
                ("currency", "LBP"),
                ("funder", "fi-tyre"),
                ("q1", "3"),
            ],
        )
        .await;
    assert_eq!(staff.status, StatusCode::SEE_OTHER, "{}", staff.html);
    assert!(staff.location().starts_with("/plans/fi-plan/budget#l-"));
    let consultant = officer
        .submit(
            new,
            new,
            &[
                ("activity", &aoc.id.to_string()),
                ("category", "external_expertise"),
                ("description", "Consultant for the agreement"),
                ("unit", "person_day"),
                ("unit_price", "350.5"),
                ("currency", "USD"),
                ("funder", "fi-dp"),
                ("q1", "2"),
            ],
        )
        .await;
    assert_eq!(
        consultant.status,
        StatusCode::SEE_OTHER,
        "{}",
        consultant.html
    );
    assert_eq!(lines(store).await.len(), 2);

    // A unit price that is not a number: 422 naming the field, what was typed kept, nothing saved.
    let bad = officer
        .submit(
            new,
            new,
            &[
                ("activity", &aoc.id.to_string()),
                ("category", "logistics"),
                ("description", "Venue for the signature"),
                ("unit", "event"),
                ("unit_price", "N/A"),
                ("q2", "1"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.html);
    assert!(bad.html.contains("id=\"f-unit_price-problem\""));
    assert!(
        bad.html
            .contains("<a href=\"#f-unit_price\">Unit price</a>")
    );
    assert!(bad.html.contains("Venue for the signature"));
    assert_eq!(lines(store).await.len(), 2, "nothing saved");

    // Totals in own currencies and converted to the plan's dollars at the official rate of the
    // first day of Q1: 3,000,000 LBP ÷ 89,500 = 33.5195… → 33.52 USD; with 701 USD, 734.52.
    let budget = officer.get("/plans/fi-plan/budget").await;
    assert_eq!(budget.status, StatusCode::OK, "{}", budget.html);
    assert!(budget.html.contains("3,000,000.00 LBP"), "{}", budget.html);
    assert!(budget.html.contains("701.00 USD"));
    assert!(budget.html.contains("33.52 USD"));
    assert!(budget.html.contains("734.52 USD"));
    assert!(budget.html.contains("RTO staff salaries"));
    assert!(
        budget.html.contains("class=\"stacked-bars\""),
        "the sharing chart"
    );
    no_raw_keys(&budget, "budget");
    // In euros there is no rate: the message names the pair, the type and the date, and the
    // own-currency totals stay.
    let euros = officer.get("/plans/fi-plan/budget?currency=EUR").await;
    assert_eq!(euros.status, StatusCode::OK, "{}", euros.html);
    assert!(
        euros.html.contains(
            "No official rate between LBP and EUR on or before 1 January 2027: add one (either direction counts)."
        ),
        "{}",
        euros.html
    );
    assert!(euros.html.contains("3,000,000.00 LBP"));

    // Freezing the AoC baseline.
    let versions = "/plans/fi-plan/budget/versions";
    let frozen = officer
        .submit(
            versions,
            versions,
            &[("name", "AoC baseline"), ("purpose", "aoc_baseline")],
        )
        .await;
    assert_eq!(frozen.status, StatusCode::SEE_OTHER, "{}", frozen.html);
    let list = officer.get(versions).await;
    assert!(list.html.contains("AoC baseline"));
    let budget = officer.get("/plans/fi-plan/budget").await;
    assert!(
        budget.html.contains("No. 1 “AoC baseline”"),
        "{}",
        budget.html
    );

    // Editing the consultant's line: the version travels in a hidden field; the partner's cost
    // moves to the union at a higher price.
    let line = lines(store)
        .await
        .into_iter()
        .find(|l| l.currency.as_str() == "USD")
        .unwrap();
    let edit = format!("/plans/fi-plan/budget/lines/{}", line.id);
    let edit_form = officer.get(&edit).await;
    assert_eq!(edit_form.status, StatusCode::OK, "{}", edit_form.html);
    assert!(
        edit_form
            .html
            .contains(&format!("name=\"version\" value=\"{}\"", line.version))
    );
    assert!(edit_form.html.contains("value=\"350.5\""));
    let version = line.version.to_string();
    let changed = officer
        .submit(
            &edit,
            &edit,
            &[
                ("version", &version),
                ("activity", &aoc.id.to_string()),
                ("category", "external_expertise"),
                ("description", "Consultant for the agreement"),
                ("unit", "person_day"),
                ("unit_price", "400"),
                ("currency", "USD"),
                ("funder", "fi-tyre"),
                ("q1", "2"),
            ],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.html);
    // The same version again is stale: nothing changes.
    let stale = officer
        .submit(
            &edit,
            &edit,
            &[
                ("version", &version),
                ("activity", &aoc.id.to_string()),
                ("category", "external_expertise"),
                ("description", "Consultant for the agreement"),
                ("unit", "person_day"),
                ("unit_price", "1"),
                ("currency", "USD"),
                ("funder", "fi-dp"),
                ("q1", "1"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.html);

    // The handover revision, and the comparison: the changed line with its fields marked, and
    // each party's difference.
    let frozen = officer
        .submit(
            versions,
            versions,
            &[
                ("name", "Handover revision"),
                ("purpose", "handover_revision"),
            ],
        )
        .await;
    assert_eq!(frozen.status, StatusCode::SEE_OTHER, "{}", frozen.html);
    let compare = officer.get("/plans/fi-plan/budget/compare?a=1&b=2").await;
    assert_eq!(compare.status, StatusCode::OK, "{}", compare.html);
    assert!(
        compare
            .html
            .contains("0 added, 0 removed, 1 changed, 1 unchanged."),
        "{}",
        compare.html
    );
    assert!(compare.html.contains("Consultant for the agreement"));
    assert_eq!(
        compare.html.matches("class=\"fin-changed\"").count(),
        2,
        "unit price and funder"
    );
    assert!(
        compare.html.contains("-701.00 USD"),
        "the partner pays less"
    );
    assert!(compare.html.contains("+800.00 USD"), "the union pays more");
    no_raw_keys(&compare, "compare");
    let budget = officer.get("/plans/fi-plan/budget").await;
    assert!(budget.html.contains("No. 2 “Handover revision”"));

    // A payment in pounds against the dollar line: 89,500,000 LBP at the official rate of its
    // day is 1,000 USD, more than the 800 planned.
    let spending = "/plans/fi-plan/spending";
    let page = officer.get(spending).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    let paid = officer
        .submit(
            spending,
            spending,
            &[
                ("cost_line", &line.id.to_string()),
                ("date", "2027-02-15"),
                ("amount", "89500000"),
                ("currency", "LBP"),
                ("description", "Consultant's invoice"),
                ("evidence", "https://example.org/invoice-1.pdf"),
            ],
        )
        .await;
    assert_eq!(paid.status, StatusCode::SEE_OTHER, "{}", paid.html);
    let page = officer.get(spending).await;
    assert!(page.html.contains("800.00 USD"), "{}", page.html);
    assert!(page.html.contains("1,000.00 USD"));
    assert!(page.html.contains("+200.00 USD"));
    assert!(page.html.contains("1 line is overspent"));
    assert!(page.html.contains(">Overspent</span>"));
    assert!(page.html.contains("89,500,000.00 LBP"));
    assert!(page.html.contains("https://example.org/invoice-1.pdf"));
    no_raw_keys(&page, "spending");
    // A payment amount that is not a number: 422 naming it.
    let bad = officer
        .submit(
            spending,
            spending,
            &[
                ("cost_line", &line.id.to_string()),
                ("date", "2027-02-16"),
                ("amount", "lots"),
                ("description", "Another invoice"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.html);
    assert!(bad.html.contains("id=\"f-amount-problem\""));

    // The workbook.
    let book = officer.get("/plans/fi-plan/budget.xlsx").await;
    assert_eq!(book.status, StatusCode::OK, "{}", book.html);
    assert_eq!(
        book.headers.get(header::CONTENT_TYPE).unwrap(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(book.html.starts_with("PK"));

    // Importing cost lines: a file with a bad row imports nothing and names row and column; the
    // corrected file imports both rows.
    let budget = officer.get("/plans/fi-plan/budget").await;
    let csrf = budget.csrf();
    let header_row = "Activity,Category,Description,Unit,Unit price,Currency,Funder,Q1,Q2\n";
    let good_row = "7,logistics,Signature ceremony venue,event,1200,USD,fi-tyre,,1\n";
    let bad_file = format!("{header_row}{good_row}7,logistics,Catering,event,N/A,USD,fi-tyre,,1\n");
    let refused = officer
        .upload(
            "/plans/fi-plan/budget/import",
            &csrf,
            "lines.csv",
            bad_file.as_bytes(),
            false,
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.html
    );
    assert!(refused.html.contains("Unit price (E)"), "{}", refused.html);
    assert!(refused.html.contains("<td class=\"num\">3</td>"));
    assert_eq!(lines(store).await.len(), 2, "nothing imported");
    let good_file =
        format!("{header_row}{good_row}7,logistics,Catering,event,300.25,USD,fi-tyre,,1\n");
    let done = officer
        .upload(
            "/plans/fi-plan/budget/import",
            &csrf,
            "lines.csv",
            good_file.as_bytes(),
            false,
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.html);
    assert_eq!(lines(store).await.len(), 4);
    let shown = officer.get(done.location()).await;
    assert!(
        shown.html.contains("2 cost lines imported."),
        "{}",
        shown.html
    );
    assert!(shown.html.contains("Signature ceremony venue"));
    // An upload without the session's token is refused before anything is read.
    let forged = officer
        .upload(
            "/plans/fi-plan/budget/import",
            "forged",
            "lines.csv",
            good_file.as_bytes(),
            false,
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(lines(store).await.len(), 4);

    // Settings: the default rate type and the AoC's signature date.
    let settings = "/plans/fi-plan/budget/settings";
    // Freezing the versions set the AoC's baseline and revision: its version moved on.
    let plan_id = plans::find(store, &op(), "fi-plan").await.unwrap();
    let aoc_version = handover_store::finance::aoc::get(store, &op(), plan_id)
        .await
        .unwrap()
        .version
        .to_string();
    let form = officer.get(settings).await;
    assert!(
        form.html
            .contains(&format!("name=\"version\" value=\"{aoc_version}\"")),
        "{}",
        form.html
    );
    let saved = officer
        .submit(
            settings,
            settings,
            &[
                ("form", "aoc"),
                ("version", &aoc_version),
                ("activity", &aoc.id.to_string()),
                ("signed_on", "2027-04-15"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.html);
    let page = officer.get(settings).await;
    assert!(page.html.contains("15 April 2027"), "{}", page.html);
    no_raw_keys(&page, "settings");

    // Real terms over the plan's quarters.
    let real = officer
        .get("/rates/real-terms?amount=3000000&currency=LBP&stable=USD&rate_type=official&plan=fi-plan")
        .await;
    assert_eq!(real.status, StatusCode::OK, "{}", real.html);
    assert!(real.html.contains("33.52 USD"), "{}", real.html);
    assert!(real.html.contains("class=\"trend\""));
    no_raw_keys(&real, "real terms");

    // A viewer of the union reads the budget but gets no forms, and every post is refused.
    let mut viewer = Browser::new(store, false);
    viewer.sign_in("viewer@fi.test").await;
    let seen = viewer.get("/plans/fi-plan/budget").await;
    assert_eq!(seen.status, StatusCode::OK, "{}", seen.html);
    assert!(seen.html.contains("734.52 USD") || seen.html.contains("RTO staff salaries"));
    assert!(!seen.html.contains("/budget/lines/new"));
    assert!(!seen.html.contains("/budget/import"));
    let spending_seen = viewer.get(spending).await;
    assert!(!spending_seen.html.contains("Record a payment"));
    let csrf = seen.csrf();
    for (path, fields) in [
        (new, vec![("description", "x")]),
        (versions, vec![("name", "x"), ("purpose", "revision")]),
        (spending, vec![("amount", "1")]),
        (
            settings,
            vec![("form", "rate_type"), ("rate_type", "platform")],
        ),
    ] {
        let mut all = vec![("csrf_token", csrf.as_str())];
        all.extend(fields);
        let refused = viewer.post(path, &all).await;
        assert_eq!(
            refused.status,
            StatusCode::FORBIDDEN,
            "{path}: {}",
            refused.html
        );
    }
    let refused = viewer
        .upload(
            "/plans/fi-plan/budget/import",
            &csrf,
            "lines.csv",
            good_file.as_bytes(),
            false,
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(lines(store).await.len(), 4);

    // An outsider: the plan's budget does not exist.
    let mut outsider = Browser::new(store, false);
    outsider.sign_in("outsider@fi.test").await;
    for path in [
        "/plans/fi-plan/budget",
        "/plans/fi-plan/spending",
        "/plans/fi-plan/budget/versions",
        "/plans/fi-plan/budget.xlsx",
    ] {
        assert_eq!(
            outsider.get(path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let csrf = outsider.get("/rates").await.csrf();
    let hidden = outsider
        .post(new, &[("csrf_token", csrf.as_str()), ("description", "x")])
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);

    // Every page in French and in Arabic, without a missing key.
    let pages = [
        "/plans/fi-plan/budget".to_owned(),
        new.to_owned(),
        edit.clone(),
        versions.to_owned(),
        "/plans/fi-plan/budget/compare?a=1&b=current".to_owned(),
        spending.to_owned(),
        settings.to_owned(),
        "/rates".to_owned(),
        "/rates/real-terms".to_owned(),
    ];
    for lang in ["fr", "ar"] {
        let mut b = Browser::new(store, false).speaking(lang);
        b.sign_in("officer@fi.test").await;
        for path in &pages {
            let page = b.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{lang} {path}: {}", page.html);
            no_raw_keys(&page, &format!("{lang} {path}"));
            if lang == "ar" {
                assert!(page.html.contains("dir=\"rtl\""), "{path}");
            }
        }
    }
    let mut fr = Browser::new(store, false).speaking("fr");
    fr.sign_in("officer@fi.test").await;
    let page = fr.get("/plans/fi-plan/budget").await;
    assert!(
        page.html.contains("3\u{202f}000\u{202f}000,00 LBP"),
        "{}",
        page.html
    );
    let mut ar = Browser::new(store, false).speaking("ar");
    ar.sign_in("officer@fi.test").await;
    let page = ar.get("/plans/fi-plan/budget").await;
    assert!(page.html.contains("٣٬٠٠٠٬٠٠٠٫٠٠ LBP"), "{}", page.html);
    assert!(
        page.html.contains("data-mirror=\"true\""),
        "the chart runs right to left"
    );
}

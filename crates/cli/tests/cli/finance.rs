//! Finance from the command line: rates imported all or nothing (a bad row is named with its row
//! and column), cost lines imported from CSV, budget totals to the cent in text and JSON, a
//! missing rate that names the pair, the rate type and the date, versions frozen and compared,
//! the XLSX workbook read back with calamine, and the demo's budgets.

use super::*;
use calamine::{Data, Reader as _, Xlsx, open_workbook};

const GOOD_RATES: &str = "Date,Base,Quote,Rate type,Rate,Source
2023-02-01,USD,LBP,official,15000,Central bank
2021-07-01,USD,LBP,parallel_market,20000,
2023-03-01,USD,LBP,parallel market,100000,Press reports
";

/// Row 2: a rate that is not a number; row 3: a bad date and a currency converted to itself;
/// row 4: an unknown rate type.
const BAD_RATES: &str = "Date,Base,Quote,Rate type,Rate,Source
2024-01-01,USD,LBP,official,abc,
2024-13-01,USD,USD,official,89500,
2024-02-01,USD,LBP,black market,89500,
";

/// Tyre's plan starts 2027-01-01 in USD: 3 × 333.333 = 999.999 USD in Q1 (2027), 45,000,000
/// LBP in Q3 (2027), 3 + 3 person-months at 1,200 USD in Q4 (2027) and Q5 (2028).
const GOOD_LINES: &str =
    "Activity,Category,Description,Unit,Unit price,Currency,Funder,Q1,Q2,Q3,Q4,Q5
1,logistics,Venue and catering for the consultations,event,333.333,USD,union-tyre,3,,,,
9,in-house expertise,RTO engineer's salary,person_month,1200,USD,dp-x,,,,3,3
8,logistics,Furniture,lump_sum,45000000,LBP,union-tyre,,,1,,
";

/// Bad in the file itself: row 2's category, row 3's unit price and Q2.
const BAD_FILE_LINES: &str = "Activity,Category,Description,Unit,Unit price,Currency,Funder,Q1,Q2
1,catering,Venue,event,100,USD,union-tyre,1,
2,logistics,Workshop,event,-5,USD,union-tyre,,many
";

/// Readable, but wrong for the plan: row 2's funder is not a party, row 3's activity does not
/// exist.
const BAD_PLAN_LINES: &str = "Activity,Category,Description,Unit,Unit price,Currency,Funder,Q1
1,logistics,Venue,event,100,USD,dp-nobody,1
99,logistics,Ghost,event,100,USD,union-tyre,1
";

const EXTRA_LINE: &str = "Activity,Category,Description,Unit,Unit price,Currency,Funder,Q9
25,external_expertise,Financial consultant for the handover review,person_day,350,USD,dp-x,4
";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn money(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
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

fn row<'a>(rows: &'a Value, key: &str) -> &'a Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == key)
        .unwrap_or_else(|| panic!("no row {key} in {rows}"))
}

#[tokio::test]
async fn rates_costs_budget_versions_and_workbook() {
    for db in TestDb::both().await {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        setup(&db, dir);
        let plan = ["--plan", "tyre-rto"];
        let with = |args: &[&'static str]| -> Vec<&'static str> {
            let mut all = args.to_vec();
            all.extend(plan);
            all
        };

        let empty = ok(&db, dir, &with(&["budget", "show"]));
        assert!(empty.contains("No cost lines yet"), "{empty}");

        // Cost lines from CSV.
        let lines = write(dir, "lines.csv", GOOD_LINES);
        let imported = ok(&db, dir, &["costs", "import", "--plan", "tyre-rto", &lines]);
        assert!(imported.contains("Imported 3 cost lines"), "{imported}");
        let list = json(&db, dir, &with(&["costs", "list"]));
        let list = list.as_array().unwrap();
        assert_eq!(list.len(), 3);
        let furniture = list.iter().find(|l| l["activity"] == "8").unwrap();
        assert_eq!(furniture["funder"], "union-tyre");
        assert_eq!(furniture["quantities"]["Q3"], "1");
        assert_eq!(furniture["total"]["amount"], "45000000.00");
        let text = ok(&db, dir, &with(&["costs", "list"]));
        assert!(
            text.contains("RTO engineer's salary") && text.contains("7,200.00 USD"),
            "{text}"
        );

        // A file with bad cells, and one whose rows the plan refuses: every problem is named
        // with its row and column, and nothing is imported.
        let bad = write(dir, "bad-lines.csv", BAD_FILE_LINES);
        let e = fails(
            &db,
            dir,
            1,
            &["costs", "import", "--plan", "tyre-rto", &bad],
        );
        assert!(e.contains("nothing was imported"), "{e}");
        assert!(e.contains("row 2, Category (B)"), "{e}");
        assert!(e.contains("row 3, Unit price (E)"), "{e}");
        assert!(e.contains("row 3, Q2 (I)"), "{e}");
        let bad = write(dir, "bad-plan-lines.csv", BAD_PLAN_LINES);
        let e = fails(
            &db,
            dir,
            1,
            &["costs", "import", "--plan", "tyre-rto", "--replace", &bad],
        );
        assert!(e.contains("row 2, Funder (G)"), "{e}");
        assert!(e.contains("row 3, Activity (A)"), "{e}");
        let bad = write(dir, "lines.txt", GOOD_LINES);
        let e = fails(
            &db,
            dir,
            1,
            &["costs", "import", "--plan", "tyre-rto", &bad],
        );
        assert!(e.contains(".csv or .xlsx"), "{e}");
        assert_eq!(
            json(&db, dir, &with(&["costs", "list"]))
                .as_array()
                .unwrap()
                .len(),
            3
        );

        // Converting to the plan's dollars needs the pound's official rate on 2027-07-01.
        let e = fails(&db, dir, 1, &with(&["budget", "show"]));
        assert!(
            e.contains("no official rate between LBP and USD on or before 2027-07-01"),
            "{e}"
        );
        assert!(e.contains("--currency own"), "{e}");
        // Each line's own currency needs no rate, and never mixes the two.
        let own = ok(&db, dir, &with(&["budget", "show", "--currency", "own"]));
        assert!(
            own.contains("Total: 45,000,000.00 LBP; 8,200.00 USD"),
            "{own}"
        );
        let e = fails(
            &db,
            dir,
            1,
            &with(&[
                "budget",
                "show",
                "--currency",
                "own",
                "--rate-type",
                "official",
            ]),
        );
        assert!(e.contains("--rate-type"), "{e}");

        // Rates: a bad file names every bad row and column and imports nothing.
        let bad = write(dir, "bad-rates.csv", BAD_RATES);
        let e = fails(&db, dir, 1, &["rates", "import", &bad]);
        assert!(e.contains("nothing was imported"), "{e}");
        assert!(e.contains("row 2, Rate (E)"), "{e}");
        assert!(e.contains("row 3, Date (A)"), "{e}");
        assert!(e.contains("row 3, Quote (C)"), "{e}");
        assert!(e.contains("row 4, Rate type (D)"), "{e}");
        assert!(
            json(&db, dir, &["rates", "list"])
                .as_array()
                .unwrap()
                .is_empty()
        );
        let good = write(dir, "rates.csv", GOOD_RATES);
        let done = ok(&db, dir, &["rates", "import", &good]);
        assert!(done.contains("3 added"), "{done}");
        let again = json(&db, dir, &["rates", "import", &good]);
        assert_eq!(again["added"], 0);
        let all = json(&db, dir, &["rates", "list"]);
        assert_eq!(all.as_array().unwrap().len(), 3);
        assert_eq!(all[0]["date"], "2023-03-01");
        let official = json(&db, dir, &["rates", "list", "--type", "official"]);
        assert_eq!(official.as_array().unwrap().len(), 1);
        assert_eq!(official[0]["rate"], "15000");
        let early = json(&db, dir, &["rates", "list", "--to", "2022-12-31"]);
        assert_eq!(early.as_array().unwrap().len(), 1);
        assert!(
            json(&db, dir, &["rates", "list", "--currency", "EUR"])
                .as_array()
                .unwrap()
                .is_empty()
        );
        let text = ok(&db, dir, &["rates", "list", "--currency", "lbp"]);
        assert!(text.contains("1 USD = 100,000 LBP"), "{text}");
        let e = fails(
            &db,
            dir,
            1,
            &[
                "rates",
                "add",
                "--base",
                "USD",
                "--quote",
                "LBP",
                "--type",
                "official",
                "--date",
                "2023-02-01",
                "--rate",
                "15000",
            ],
        );
        assert!(e.contains("already"), "{e}");
        let e = fails(
            &db,
            dir,
            2,
            &[
                "rates",
                "add",
                "--base",
                "USD",
                "--quote",
                "LBP",
                "--type",
                "official",
                "--date",
                "2024-02-01",
                "--rate",
                "89,500",
            ],
        );
        assert!(e.contains("--rate"), "{e}");
        let added = ok(
            &db,
            dir,
            &[
                "rates",
                "add",
                "--base",
                "EUR",
                "--quote",
                "USD",
                "--type",
                "donor_accounting",
                "--date",
                "2027-01-01",
                "--rate",
                "1.1",
                "--source",
                "Donor circular",
            ],
        );
        assert!(added.contains("1 EUR = 1.1 USD"), "{added}");

        // Totals to the cent: exact sums rounded once (999.999 → 1,000.00).
        let shown = ok(&db, dir, &with(&["budget", "show"]));
        assert!(
            shown.contains("In USD, converted at the official rate"),
            "{shown}"
        );
        assert!(shown.contains("Total: 11,200.00 USD"), "{shown}");
        let party = shown
            .lines()
            .find(|l| l.trim_start().starts_with("union-tyre"))
            .unwrap();
        assert!(party.ends_with("4,000.00 USD"), "{shown}");
        let t = json(&db, dir, &with(&["budget", "show"]));
        assert_eq!(money(&t["total"]), ["11200.00 USD"]);
        assert_eq!(t["currency"], "USD");
        assert_eq!(t["rate_type"], "official");
        assert_eq!(t["at"], "quarter_start");
        assert_eq!(
            money(&row(&t["by_party"], "union-tyre")["total"]),
            ["4000.00 USD"]
        );
        assert_eq!(
            money(&row(&t["by_party"], "dp-x")["total"]),
            ["7200.00 USD"]
        );
        assert_eq!(money(&row(&t["by_year"], "2027")["total"]), ["7600.00 USD"]);
        assert_eq!(money(&row(&t["by_year"], "2028")["total"]), ["3600.00 USD"]);
        assert_eq!(
            money(&row(&t["by_milestone"], "1")["total"]),
            ["1000.00 USD"]
        );
        assert_eq!(
            money(&row(&t["by_activity"], "8")["total"]),
            ["3000.00 USD"]
        );
        assert_eq!(
            money(&row(&t["by_quarter"], "Q3")["total"]),
            ["3000.00 USD"]
        );
        assert_eq!(
            money(&row(&t["by_category"], "in_house_expertise")["total"]),
            ["7200.00 USD"]
        );
        let sharing = t["cost_sharing"].as_array().unwrap();
        let share = |year: i64, party: &str| {
            sharing
                .iter()
                .find(|s| s["year"] == year && s["party"] == party)
                .map(|s| s["share"].as_str().unwrap().parse::<f64>().unwrap())
        };
        assert_eq!(share(2028, "dp-x"), Some(1.0));
        assert_eq!(share(2027, "union-tyre"), Some(0.5263));

        // In pounds at the market rate of one day; a rate type without rates names what lacks.
        let lbp = json(
            &db,
            dir,
            &with(&[
                "budget",
                "show",
                "--currency",
                "LBP",
                "--rate-type",
                "parallel_market",
                "--at",
                "2027-01-01",
            ]),
        );
        assert_eq!(money(&lbp["total"]), ["864999900.00 LBP"]);
        assert_eq!(lbp["at"], "2027-01-01");
        let e = fails(
            &db,
            dir,
            1,
            &with(&["budget", "show", "--rate-type", "platform"]),
        );
        assert!(
            e.contains("no platform rate between LBP and USD on or before 2027-07-01"),
            "{e}"
        );

        // Versions: freeze the AoC baseline, add a line, compare, freeze the revision.
        let frozen = ok(
            &db,
            dir,
            &with(&[
                "budget",
                "freeze",
                "--name",
                "AoC baseline",
                "--purpose",
                "aoc_baseline",
            ]),
        );
        assert!(
            frozen.contains("Froze version 1 `AoC baseline`"),
            "{frozen}"
        );
        let e = fails(
            &db,
            dir,
            1,
            &with(&[
                "budget",
                "freeze",
                "--name",
                "AoC baseline",
                "--purpose",
                "revision",
            ]),
        );
        assert!(e.contains("--name"), "{e}");
        let extra = write(dir, "extra.csv", EXTRA_LINE);
        ok(&db, dir, &["costs", "import", "--plan", "tyre-rto", &extra]);
        let c = ok(
            &db,
            dir,
            &with(&["budget", "compare", "--from", "AoC baseline"]),
        );
        assert!(
            c.contains("1 added, 0 removed, 0 changed, 3 unchanged"),
            "{c}"
        );
        assert!(
            c.contains("+ activity 25") && c.contains("Financial consultant"),
            "{c}"
        );
        let dp = c
            .lines()
            .find(|l| l.trim_start().starts_with("dp-x"))
            .unwrap();
        assert!(dp.contains("+1,400.00 USD"), "{c}");
        let shown = ok(&db, dir, &with(&["budget", "show"]));
        assert!(
            shown.contains("AoC baseline: version 1 AoC baseline"),
            "{shown}"
        );
        ok(
            &db,
            dir,
            &with(&[
                "budget",
                "freeze",
                "--name",
                "Handover revision",
                "--purpose",
                "handover_revision",
            ]),
        );
        let versions = json(&db, dir, &with(&["budget", "versions"]));
        let versions = versions.as_array().unwrap();
        assert_eq!(versions.len(), 2);
        assert_eq!(versions[1]["purpose"], "handover_revision");
        assert_eq!(versions[1]["lines"], 4);
        assert_eq!(versions[0]["frozen_by"], "operator:tester");
        let text = ok(&db, dir, &with(&["budget", "versions"]));
        assert!(text.contains("aoc_baseline (AoC)"), "{text}");
        let c = json(
            &db,
            dir,
            &with(&["budget", "compare", "--from", "1", "--to", "2"]),
        );
        assert_eq!(c["added"].as_array().unwrap().len(), 1);
        assert_eq!(c["unchanged"], 3);
        let dp = c["by_party"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["party"] == "dp-x")
            .unwrap();
        assert_eq!(money(&dp["difference"]), ["1400.00 USD"]);
        // Replacing the lines makes new ones: the old are removed, the new added.
        ok(
            &db,
            dir,
            &["costs", "import", "--plan", "tyre-rto", "--replace", &lines],
        );
        let c = json(
            &db,
            dir,
            &with(&["budget", "compare", "--from", "Handover revision"]),
        );
        assert_eq!(c["removed"].as_array().unwrap().len(), 4);
        assert_eq!(c["added"].as_array().unwrap().len(), 3);
        assert_eq!(c["to"]["name"], "current");
        let e = fails(&db, dir, 1, &with(&["budget", "compare", "--from", "9"]));
        assert!(e.contains("no budget version `9`"), "{e}");

        // The workbook: an XLSX that calamine opens, holding the same grand total.
        let e = fails(
            &db,
            dir,
            1,
            &with(&[
                "budget",
                "export",
                "--output",
                "budget.xlsx",
                "--rate-type",
                "platform",
            ]),
        );
        assert!(e.contains("no platform rate between LBP and USD"), "{e}");
        let out = ok(
            &db,
            dir,
            &with(&["budget", "export", "--output", "budget.xlsx"]),
        );
        assert!(out.contains("total 11,200.00 USD"), "{out}");
        let mut book: Xlsx<_> = open_workbook(dir.join("budget.xlsx")).expect("an XLSX file");
        let names = book.sheet_names();
        assert!(names.len() >= 7, "{names:?}");
        let mut found = false;
        for name in &names {
            let range = book.worksheet_range(name).unwrap();
            found |= range
                .used_cells()
                .any(|(_, _, v)| matches!(v, Data::Float(f) if (*f - 11200.0).abs() < 1e-9));
        }
        assert!(found, "no cell holds the grand total 11200 in {names:?}");

        // Scopes: a party reads the budget; an organisation outside the plan sees no plan.
        ok(
            &db,
            dir,
            &["--as", "dp-x", "budget", "show", "--plan", "tyre-rto"],
        );
        ok(
            &db,
            dir,
            &[
                "org",
                "add",
                "--code",
                "union-other",
                "--name",
                "Other union",
                "--type",
                "union_of_municipalities",
            ],
        );
        let e = fails(
            &db,
            dir,
            1,
            &["--as", "union-other", "costs", "list", "--plan", "tyre-rto"],
        );
        assert!(e.contains("no plan `tyre-rto`"), "{e}");
        db.cleanup().await;
    }
}

#[tokio::test]
async fn demo_budgets() {
    for db in TestDb::both().await {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        ok(&db, dir, &["demo"]);
        let rates = json(&db, dir, &["rates", "list", "--currency", "LBP"]);
        let types: std::collections::BTreeSet<&str> = rates
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["rate_type"].as_str().unwrap())
            .collect();
        assert_eq!(
            types.into_iter().collect::<Vec<_>>(),
            ["official", "parallel_market", "platform"]
        );

        let south = ["--plan", "demo-coastal-south-rto"];
        let mut args = vec!["budget", "show"];
        args.extend(south);
        let t = json(&db, dir, &args);
        assert_eq!(t["currency"], "LBP");
        assert_eq!(t["rate_type"], "parallel_market");
        assert!(t["lines"].as_u64().unwrap() > 40);
        assert!(t["by_activity"].as_array().unwrap().len() >= 25);
        // The partner's share falls year by year as the union takes the costs over.
        let partner: Vec<f64> = t["cost_sharing"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["party"] == "dp-fictional-cooperation")
            .map(|s| s["share"].as_str().unwrap().parse().unwrap())
            .collect();
        assert_eq!(partner.len(), 3, "{t}");
        assert!(
            partner[0] > partner[1] && partner[1] > partner[2],
            "{partner:?}"
        );
        assert!(t["aoc_baseline"].as_str().unwrap().contains("AoC baseline"));

        let north = json(
            &db,
            dir,
            &[
                "budget",
                "compare",
                "--plan",
                "demo-olive-north-rto",
                "--from",
                "AoC baseline",
                "--to",
                "Handover revision",
            ],
        );
        assert_eq!(north["changed"].as_array().unwrap().len(), 3);
        assert_eq!(north["added"].as_array().unwrap().len(), 1);
        let shown = ok(
            &db,
            dir,
            &["budget", "show", "--plan", "demo-olive-north-rto"],
        );
        assert!(shown.contains("handover revision: version 2"), "{shown}");
        let out = ok(
            &db,
            dir,
            &[
                "budget",
                "export",
                "--plan",
                "demo-coastal-south-rto",
                "--output",
                "south.xlsx",
            ],
        );
        assert!(out.contains("Wrote the budget"), "{out}");
        let book: Xlsx<_> = open_workbook(dir.join("south.xlsx")).expect("an XLSX file");
        assert!(book.sheet_names().len() >= 7);
        db.cleanup().await;
    }
}

//! The directory and plans: init, org add and list, plan new from the RTO template and
//! generic, plan show as text and JSON, and refused input that names its option and writes
//! nothing.

use super::*;

#[tokio::test]
async fn directory_and_plans() {
    for db in TestDb::both().await {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        setup(&db, dir);

        let list = ok(&db, dir, &["org", "list"]);
        assert!(
            list.contains("union-tyre") && list.contains("Partner X"),
            "{list}"
        );
        let orgs = json(&db, dir, &["org", "list"]);
        let codes: Vec<&str> = orgs
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["dp-x", "union-tyre"]);

        let show = ok(&db, dir, &["plan", "show", "tyre-rto"]);
        assert_eq!(
            show.lines().filter(|l| l.starts_with("Milestone ")).count(),
            7,
            "{show}"
        );
        assert_eq!(count_lines(&show, "Activity "), 27, "{show}");
        assert!(show.contains("Activity 7 [aoc]"), "{show}");
        assert!(show.contains("Activity 25 [handover_review]"), "{show}");
        assert!(
            show.contains("Activity 24.1 [specialised_training]"),
            "{show}"
        );
        let q1 = show
            .lines()
            .find(|l| l.trim_start().starts_with("Q1 "))
            .unwrap();
        assert!(q1.contains("2027-01-01 – 2027-03-31"), "{q1}");
        let q12 = show
            .lines()
            .find(|l| l.trim_start().starts_with("Q12 "))
            .unwrap();
        assert!(q12.contains("2029-10-01 – 2029-12-31"), "{q12}");
        assert!(
            show.contains("planned: Q2 (2027-04-01 – 2027-06-30)"),
            "{show}"
        );
        let tree = json(&db, dir, &["plan", "show", "tyre-rto"]);
        assert_eq!(tree["activities"].as_array().unwrap().len(), 27);
        assert_eq!(tree["periods"].as_array().unwrap().len(), 12);
        assert_eq!(tree["periods"][11]["label"], "Q12");
        assert_eq!(tree["periods"][11]["end"], "2029-12-31");

        // Refused input names its option and writes nothing.
        let before = json(&db, dir, &["plan", "list"]);
        let e = fails(
            &db,
            dir,
            2,
            &[
                "plan",
                "new",
                "--name",
                "Late",
                "--local-authority",
                "union-tyre",
                "--start",
                "2027-01-15",
                "--code",
                "late",
            ],
        );
        assert!(
            e.contains("--start") && e.contains("first day of a month"),
            "{e}"
        );
        let e = fails(
            &db,
            dir,
            1,
            &[
                "plan",
                "new",
                "--name",
                "Late",
                "--local-authority",
                "union-tyre",
                "--partner",
                "nobody",
                "--start",
                "2027-01-01",
            ],
        );
        assert!(e.contains("--partner") && e.contains("nobody"), "{e}");
        let e = fails(
            &db,
            dir,
            1,
            &[
                "plan",
                "new",
                "--name",
                "Late",
                "--local-authority",
                "dp-x",
                "--start",
                "2027-01-01",
            ],
        );
        assert!(e.contains("--local-authority"), "{e}");
        let e = fails(
            &db,
            dir,
            1,
            &[
                "plan",
                "new",
                "--template",
                "nope",
                "--name",
                "Late",
                "--local-authority",
                "union-tyre",
                "--start",
                "2027-01-01",
            ],
        );
        assert!(e.contains("--template") && e.contains("nope"), "{e}");
        let e = fails(
            &db,
            dir,
            1,
            &[
                "plan",
                "new",
                "--name",
                "Again",
                "--code",
                "tyre-rto",
                "--local-authority",
                "union-tyre",
                "--start",
                "2027-01-01",
            ],
        );
        assert!(e.contains("--code") && e.contains("already exists"), "{e}");
        assert_eq!(json(&db, dir, &["plan", "list"]), before);

        // A generic plan is empty, to build by hand.
        ok(
            &db,
            dir,
            &[
                "plan",
                "new",
                "--kind",
                "generic",
                "--name",
                "Tyre waste programme",
                "--local-authority",
                "union-tyre",
                "--start",
                "2027-03-01",
            ],
        );
        let generic = ok(&db, dir, &["plan", "show", "tyre-waste-programme"]);
        assert!(generic.contains("No milestones yet"), "{generic}");
        assert!(generic.contains("2027-03-01 – 2027-05-31"), "{generic}");

        db.cleanup().await;
    }
}

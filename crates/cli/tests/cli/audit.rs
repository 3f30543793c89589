//! The audit trail of every write, and `--as` acting within an organisation's scope.

use super::*;

#[tokio::test]
async fn audit_trail_and_scopes() {
    for db in TestDb::both().await {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        setup(&db, dir);
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

        // Every write is in the audit trail.
        let trail = json(&db, dir, &["audit", "list", "--plan", "tyre-rto"]);
        let trail = trail.as_array().unwrap();
        assert_eq!(
            trail.iter().filter(|e| e["entity"] == "activity").count(),
            27
        );
        assert_eq!(trail.iter().filter(|e| e["entity"] == "plan").count(), 1);
        assert!(trail.iter().all(|e| e["actor"] == "operator:tester"));
        let text = ok(
            &db,
            dir,
            &["audit", "list", "--plan", "tyre-rto", "--limit", "5"],
        );
        assert_eq!(text.lines().count(), 6, "{text}");
        let none = ok(
            &db,
            dir,
            &[
                "audit",
                "list",
                "--plan",
                "tyre-rto",
                "--user",
                "someone:else",
            ],
        );
        assert!(none.contains("No audit entries"), "{none}");
        let none = ok(
            &db,
            dir,
            &[
                "audit",
                "list",
                "--plan",
                "tyre-rto",
                "--until",
                "2001-01-01",
            ],
        );
        assert!(none.contains("No audit entries"), "{none}");

        // --as acts within an organisation's scope.
        let e = fails(&db, dir, 1, &["--as", "nobody", "plan", "list"]);
        assert!(e.contains("--as") && e.contains("nobody"), "{e}");
        let seen = json(&db, dir, &["--as", "dp-x", "plan", "list"]);
        assert_eq!(seen.as_array().unwrap().len(), 1);
        ok(
            &db,
            dir,
            &[
                "org",
                "add",
                "--code",
                "outsider",
                "--name",
                "Outsider",
                "--type",
                "municipality",
            ],
        );
        let e = fails(
            &db,
            dir,
            1,
            &["--as", "outsider", "plan", "show", "tyre-rto"],
        );
        assert!(e.contains("no plan `tyre-rto`"), "{e}");
        let e = fails(
            &db,
            dir,
            1,
            &["--as", "outsider", "org", "flag-ministry", "outsider"],
        );
        assert!(e.contains("operator"), "{e}");
        ok(&db, dir, &["org", "flag-ministry", "outsider"]);
        assert_eq!(
            json(&db, dir, &["--as", "outsider", "plan", "list"])
                .as_array()
                .unwrap()
                .len(),
            2
        );
        db.cleanup().await;
    }
}

//! Template export and import: a wrong field is refused with its line and field and nothing
//! is stored; a valid edited template makes plans that differ, and existing plans stay as they
//! were.

use super::*;

#[tokio::test]
async fn template_import_is_checked_and_plans_are_copies() {
    for db in TestDb::both().await {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        setup(&db, dir);
        let first = json(&db, dir, &["plan", "show", "tyre-rto"]);
        let templates_before = ok(&db, dir, &["template", "list"]);

        let exported = dir.join("rto.toml");
        ok(
            &db,
            dir,
            &[
                "template",
                "export",
                "rto-transition",
                "--output",
                exported.to_str().unwrap(),
            ],
        );
        let text = std::fs::read_to_string(&exported).unwrap();
        assert_eq!(
            ok(&db, dir, &["template", "export", "rto-transition"]),
            text
        );

        // A wrong field is refused with its line and field; nothing is stored.
        let at = text
            .find("likelihood = 4")
            .expect("a likelihood in the export");
        let line = text[..at].lines().count() + 1;
        std::fs::write(
            dir.join("bad.toml"),
            text.replacen("likelihood = 4", "likelihood = 7", 1),
        )
        .unwrap();
        let e = fails(&db, dir, 1, &["template", "import", "bad.toml"]);
        assert!(e.contains(&format!("bad.toml, line {line}")), "{e}");
        assert!(e.contains("`likelihood`") && e.contains("1 to 5"), "{e}");
        assert_eq!(ok(&db, dir, &["template", "list"]), templates_before);
        // The built-in template cannot be replaced.
        let e = fails(&db, dir, 1, &["template", "import", "rto.toml"]);
        assert!(e.contains("built-in"), "{e}");

        // A valid edited template imports, and a plan made from it differs.
        let edited = text
            .replacen("code = \"rto-transition\"", "code = \"rto-custom\"", 1)
            .replacen("en = \"Planning phase\"", "en = \"Preparation phase\"", 1);
        std::fs::write(dir.join("custom.toml"), edited).unwrap();
        ok(&db, dir, &["template", "import", "custom.toml"]);
        assert!(ok(&db, dir, &["template", "list"]).contains("rto-custom"));
        ok(
            &db,
            dir,
            &[
                "plan",
                "new",
                "--template",
                "rto-custom",
                "--name",
                "Custom",
                "--code",
                "custom-rto",
                "--local-authority",
                "union-tyre",
                "--start",
                "2027-01-01",
            ],
        );
        assert!(
            ok(&db, dir, &["plan", "show", "custom-rto"])
                .contains("Milestone 1 — Preparation phase")
        );
        assert!(
            ok(&db, dir, &["plan", "show", "tyre-rto"]).contains("Milestone 1 — Planning phase")
        );
        assert_eq!(
            json(&db, dir, &["plan", "show", "tyre-rto"]),
            first,
            "the first plan is unchanged"
        );

        let schema: Value = serde_json::from_str(&ok(&db, dir, &["template", "schema"])).unwrap();
        assert!(schema["properties"]["milestones"].is_object(), "{schema}");
        db.cleanup().await;
    }
}

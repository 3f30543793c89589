//! The configuration: the embedded example, a missing or wrong file refused by name, and
//! passwords never shown.

use super::*;

#[tokio::test]
async fn configuration_is_typed_and_checked() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let example = ok(&db, dir, &["config", "example"]);
    assert!(
        example.contains("database_url") && example.contains("[serve]"),
        "{example}"
    );
    assert!(
        !dir.join("handover.db").exists(),
        "config example opens no database"
    );

    let e = fails(&db, dir, 1, &["--config", "missing.toml", "plan", "list"]);
    assert!(e.contains("missing.toml"), "{e}");
    std::fs::write(dir.join("handover.toml"), "databse_url = \"x.db\"\n").unwrap();
    let e = fails(&db, dir, 1, &["plan", "list"]);
    assert!(e.contains("databse_url"), "{e}");

    std::fs::write(
        dir.join("handover.toml"),
        "log = \"warn\"\n[serve]\ndemo = true\n",
    )
    .unwrap();
    let shown = ok(&db, dir, &["config", "show"]);
    assert!(
        shown.contains("demo = true") && shown.contains("log = \"warn\""),
        "{shown}"
    );
    let out = run(
        &db,
        dir,
        &[
            "--database",
            "postgres://u:s3cret@127.0.0.1:1/x",
            "config",
            "show",
        ],
    );
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("u:***@") && !shown.contains("s3cret"),
        "{shown}"
    );
    let e = fails(
        &db,
        dir,
        1,
        &["--database", "mysql://u:s3cret@127.0.0.1/x", "plan", "list"],
    );
    assert!(
        e.contains("cannot use the database") && !e.contains("s3cret"),
        "{e}"
    );
    db.cleanup().await;
}

//! `handover import iati` and `handover export iati` as a user runs them, on both backends:
//! a dry run writes nothing; problems are printed as `FILE:LINE:COLUMN activity: message`;
//! an import then an export validates against the official schema with `xmllint` (fails on
//! CI without it, skipped loudly elsewhere); `--validate` lists the schema errors the IATI
//! README names; a file that breaks off writes nothing and fails the command. The reference
//! files come from `$HANDOVER_IATI_DIR`, by default `../shared/iati` from the workspace root.

use super::*;
use std::path::PathBuf;

/// The IATI reference directory, absolute.
fn iati_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = match std::env::var_os("HANDOVER_IATI_DIR") {
        Some(d) if Path::new(&d).is_absolute() => PathBuf::from(d),
        Some(d) => root.join(d),
        None => root.join("../shared/iati"),
    };
    dir.canonicalize()
        .unwrap_or_else(|e| panic!("{}: {e} (set HANDOVER_IATI_DIR)", dir.display()))
}

fn example(name: &str) -> String {
    iati_dir().join("examples").join(name).display().to_string()
}

/// Runs `handover` with `HANDOVER_IATI_DIR` set and `path` as PATH.
fn run_iati(db: &TestDb, dir: &Path, args: &[&str], path: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_handover"));
    cmd.arg("--database")
        .arg(&db.url)
        .args(args)
        .current_dir(dir);
    for (k, _) in std::env::vars() {
        if k.starts_with("HANDOVER_") {
            cmd.env_remove(k);
        }
    }
    if let Some(p) = path {
        cmd.env("PATH", p);
    }
    cmd.env("HANDOVER_IATI_DIR", iati_dir())
        .env("USER", "tester")
        .env("RUST_LOG", "warn")
        .output()
        .expect("the handover binary runs")
}

/// `xmllint` when installed; without it the test fails on CI and is skipped, loudly, elsewhere.
fn have_xmllint() -> bool {
    if Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return true;
    }
    assert!(
        !std::env::var("CI").is_ok_and(|v| v == "true"),
        "xmllint is not on PATH: install libxml2-utils (apt-get install libxml2-utils) to validate IATI exports"
    );
    eprintln!(
        "\n*** SKIPPING the IATI schema checks: xmllint is not on PATH (apt-get install libxml2-utils). ***\n"
    );
    false
}

fn setup_importer(db: &TestDb, dir: &Path) {
    ok(db, dir, &["init"]);
    ok(
        db,
        dir,
        &[
            "org",
            "add",
            "--code",
            "importer",
            "--name",
            "The importing partner",
            "--type",
            "development_partner",
            "--iati-id",
            "XM-DAC-99999",
        ],
    );
}

fn audit_entries(db: &TestDb, dir: &Path) -> usize {
    json(db, dir, &["audit", "list", "--limit", "100000"])
        .as_array()
        .unwrap()
        .len()
}

#[tokio::test]
async fn iati_import_and_export() {
    for db in TestDb::both().await {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        setup_importer(&db, dir);
        let gdihub = example("real-gdihub-uk-activities.xml");

        // Without --as, nobody would own the plans.
        let e = fails(&db, dir, 1, &["import", "iati", &gdihub]);
        assert!(e.contains("--as"), "{e}");

        // A dry run says what would happen and writes nothing.
        let before = audit_entries(&db, dir);
        let out = ok(
            &db,
            dir,
            &["import", "iati", &gdihub, "--as", "importer", "--dry-run"],
        );
        assert!(out.contains("4 would be created"), "{out}");
        assert!(out.contains("dry run: nothing was written"), "{out}");
        assert!(
            out.contains(&format!(
                "{gdihub}:819:11 GB-COH-11126312-Cluster4: `target` value `£3,500,000`"
            )) && out.contains("(original \"£3,500,000\")"),
            "problems name file, line, column, activity and the original text:\n{out}"
        );
        assert_eq!(audit_entries(&db, dir), before);
        assert!(
            json(&db, dir, &["plan", "list"])
                .as_array()
                .unwrap()
                .is_empty()
        );

        // The real import, then an export of every plan, which validates.
        let nl = example("real-nl-ngos-covid-2e8d1c76.xml");
        let out = ok(
            &db,
            dir,
            &["import", "iati", &gdihub, &nl, "--as", "importer"],
        );
        assert!(
            out.contains("4 created") && out.contains("100 created"),
            "{out}"
        );
        assert_eq!(
            json(&db, dir, &["plan", "list"]).as_array().unwrap().len(),
            104
        );
        let again = ok(&db, dir, &["import", "iati", &gdihub, "--as", "importer"]);
        assert!(again.contains("4 unchanged"), "{again}");
        let exported = run_iati(
            &db,
            dir,
            &["export", "iati", "--all", "--output", "all.xml"],
            None,
        );
        let note = String::from_utf8_lossy(&exported.stderr);
        assert!(exported.status.success(), "{note}");
        assert!(note.contains("Exported 104 plan(s)"), "{note}");
        let one = ok(
            &db,
            dir,
            &["export", "iati", "--plan", "gb-coh-11126312-cluster1"],
        );
        assert!(one.starts_with("<?xml") && one.contains("GB-COH-11126312-Cluster1"));
        assert_eq!(one.matches("<iati-activity ").count(), 1);
        if have_xmllint() {
            let schema = iati_dir().join("schema/iati-activities-schema.xsd");
            let check = Command::new("xmllint")
                .arg("--noout")
                .arg("--schema")
                .arg(&schema)
                .arg(dir.join("all.xml"))
                .output()
                .unwrap();
            assert!(
                check.status.success(),
                "the export does not validate:\n{}",
                String::from_utf8_lossy(&check.stderr)
            );
        }

        // A file that breaks off writes nothing, and the command fails.
        let text = std::fs::read_to_string(example("real-undp-ce95f0b1.xml")).unwrap();
        std::fs::write(dir.join("cut.xml"), &text[..text.len() / 2]).unwrap();
        let before = audit_entries(&db, dir);
        let out = run_iati(
            &db,
            dir,
            &["import", "iati", "cut.xml", "--as", "importer"],
            None,
        );
        assert_eq!(out.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("nothing was written"), "{stdout}");
        assert_eq!(audit_entries(&db, dir), before);
        db.cleanup().await;
    }
}

#[tokio::test]
async fn validate_lists_the_schema_errors() {
    // The schema check does not depend on the database: SQLite is enough.
    let db = TestDb::sqlite();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    setup_importer(&db, dir);
    let korea = example("invalid/real-korea-gov-missing-attrs-8adc7a63.xml");

    // Without xmllint, --validate is refused before anything is imported.
    let empty = tempfile::tempdir().unwrap();
    let out = run_iati(
        &db,
        dir,
        &["import", "iati", &korea, "--as", "importer", "--validate"],
        Some(&empty.path().display().to_string()),
    );
    let e = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(e.contains("xmllint") && e.contains("libxml2-utils"), "{e}");
    if !have_xmllint() {
        return;
    }
    let cases = [
        (
            korea.clone(),
            "Element 'activity-date': The attribute 'iso-date' is required but missing.",
        ),
        (
            example("invalid/real-fao-unido-unicef-indicator-no-measure-d3fc696f.xml"),
            "Element 'indicator': The attribute 'measure' is required but missing.",
        ),
        (
            example("invalid/real-sida-exponent-decimals-948ad7a2.xml"),
            "Element 'value': '1e-10' is not a valid value of the atomic type 'xs:decimal'.",
        ),
        (
            example("invalid/real-nl-ngos-element-order-e531e711.xml"),
            "Element 'activity-date': This element is not expected.",
        ),
        (
            example("invalid/schema-tests/result-07-missing-attribute-result-type.xml"),
            "Element 'result': The attribute 'type' is required but missing.",
        ),
    ];
    for (file, error) in cases {
        let out = run_iati(
            &db,
            dir,
            &[
                "import",
                "iati",
                &file,
                "--as",
                "importer",
                "--validate",
                "--dry-run",
            ],
            None,
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = stdout
            .lines()
            .find(|l| l.contains(error))
            .unwrap_or_else(|| panic!("{file}: no `{error}` in\n{stdout}"));
        let (place, _) = line.split_once(": schema: ").unwrap();
        let number = place.rsplit(':').next().unwrap();
        assert!(number.parse::<u64>().is_ok(), "a line number: {line}");
        assert!(stdout.contains("schema error(s)"), "{stdout}");
    }
    let out = run_iati(
        &db,
        dir,
        &[
            "import",
            "iati",
            &example("real-gdihub-uk-activities.xml"),
            "--as",
            "importer",
            "--validate",
            "--dry-run",
        ],
        None,
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("valid against the IATI 2.03 schema"));
    db.cleanup().await;
}

//! IATI 2.03 import and export against the reference files in `$HANDOVER_IATI_DIR` (by default
//! `../shared/iati` relative to the workspace root): every example reads with the expected
//! counts, every invalid file reports the problems its README names, hostile files are refused,
//! exports validate against the official schema (with `xmllint`), and the round trip
//! import → export → import keeps results, indicators, periods and values.

use handover_core::calendar::MonthStart;
use handover_core::finance::Sum;
use handover_core::ids::{Code, OrgId};
use handover_core::money::Currency;
use handover_core::org::{OrgType, Organisation};
use handover_formats::iati::{
    ActivitiesWriter, ActivityReader, ExportInput, FileError, ImportPlan, ReadActivity,
    TreeOptions, map_in, map_out,
};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::Command;
use time::OffsetDateTime;

/// The IATI reference directory: `$HANDOVER_IATI_DIR` (relative paths from the workspace
/// root), else `../shared/iati` from the workspace root.
fn iati_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    match std::env::var_os("HANDOVER_IATI_DIR") {
        Some(d) if Path::new(&d).is_absolute() => PathBuf::from(d),
        Some(d) => root.join(d),
        None => root.join("../shared/iati"),
    }
}

fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e} (set HANDOVER_IATI_DIR)", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    v.sort();
    v
}

fn read_all(path: &Path) -> (Vec<ReadActivity>, Option<FileError>) {
    let f = std::fs::File::open(path).unwrap();
    let mut out = vec![];
    for item in ActivityReader::new(BufReader::with_capacity(1 << 16, f)) {
        match item {
            Ok(a) => out.push(a),
            Err(e) => return (out, Some(e)),
        }
    }
    (out, None)
}

fn read_str(xml: &str) -> Vec<Result<ReadActivity, FileError>> {
    ActivityReader::new(xml.as_bytes()).collect()
}

/// Occurrences of an element's start tag (`<name ` or `<name>`), counted as plain text.
fn count_tags(text: &str, name: &str) -> usize {
    let open = format!("<{name}");
    text.match_indices(&open)
        .filter(|(i, _)| {
            matches!(
                text.as_bytes().get(i + open.len()),
                Some(b' ' | b'>' | b'\n' | b'\t' | b'\r' | b'/')
            )
        })
        .count()
}

#[test]
fn every_example_reads_with_the_expected_counts() {
    for path in xml_files(&iati_dir().join("examples")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let (acts, err) = read_all(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !text.contains("<iati-activities") {
            assert!(
                matches!(err, Some(FileError::NotActivities { .. })),
                "{name}: {err:?}"
            );
            continue;
        }
        assert!(err.is_none(), "{name}: {err:?}");
        assert_eq!(
            acts.len(),
            count_tags(&text, "iati-activity"),
            "{name}: activities"
        );
        let results: usize = acts.iter().map(|a| a.activity.results.len()).sum();
        assert_eq!(results, count_tags(&text, "result"), "{name}: results");
        for a in &acts {
            for p in &a.problems {
                assert!(p.line > 0 && p.column > 0, "{name}: {p}");
                assert_eq!(p.activity.is_some(), !a.skipped(), "{name}: {p}");
            }
            match map_in(a.activity.clone()) {
                Ok(plan) => {
                    assert!(!a.skipped());
                    assert_eq!(plan.results.len(), a.activity.results.len());
                    assert!(plan.code.as_str().len() <= 40);
                    let _ = plan.to_tree(&parties(&plan).as_options());
                }
                Err(_) => assert!(a.skipped(), "{name}"),
            }
        }
    }
}

#[test]
fn a_real_activity_maps_to_a_plan() {
    let (acts, _) = read_all(&iati_dir().join("examples/real-gdihub-uk-activities.xml"));
    let plan = map_in(acts[0].activity.clone()).unwrap();
    assert_eq!(plan.identifier, acts[0].activity.identifier);
    assert!(!plan.name.is_empty());
    assert_eq!(plan.start.map(|s| s.date().day()), Some(1));
    assert!(!plan.periods.is_empty());
    let values: usize = plan
        .results
        .iter()
        .flat_map(|r| &r.indicators)
        .map(|i| i.values.len())
        .sum();
    assert!(values > 0);
    assert!(plan.participants.iter().all(|o| !o.roles.is_empty()));
}

/// Problems of a file whose message contains `needle`, with their lines.
fn lines_of(acts: &[ReadActivity], needle: &str) -> Vec<u64> {
    acts.iter()
        .flat_map(|a| &a.problems)
        .filter(|p| p.message.contains(needle))
        .map(|p| {
            assert!(p.activity.is_some() && p.column > 0, "{p}");
            p.line
        })
        .collect()
}

#[test]
fn invalid_real_files_read_what_they_can_and_name_their_problems() {
    let dir = iati_dir().join("examples/invalid");
    let read = |f: &str| {
        let (acts, err) = read_all(&dir.join(f));
        assert!(err.is_none(), "{f}: {err:?}");
        acts
    };

    let canada = read("real-canada-activity-point-no-pos.xml");
    assert_eq!(canada.len(), 1);
    assert_eq!(canada[0].activity.results.len(), 2);
    let points = lines_of(&canada, "`point` lacks `pos`");
    assert_eq!(points, vec![2; 7]);
    assert!(
        canada[0]
            .problems
            .iter()
            .all(|p| p.activity.as_deref() == Some("CA-3-D002451001"))
    );

    let korea = read("real-korea-gov-missing-attrs-8adc7a63.xml");
    assert_eq!(korea.len(), 100);
    assert_eq!(
        lines_of(&korea, "`other-identifier` has no `ref` attribute"),
        vec![411, 590, 722, 901, 1036, 1145, 1300, 1409, 1564]
    );
    assert_eq!(
        lines_of(&korea, "`activity-date` has no `iso-date` attribute"),
        vec![342, 377, 417]
    );

    let order = read("real-nl-ngos-element-order-e531e711.xml");
    assert_eq!(order.len(), 100);
    assert_eq!(
        lines_of(
            &order,
            "`iati-activity` lacks `activity-status`, which the schema requires before `activity-date`"
        ),
        vec![695]
    );
    let indicators: usize = order
        .iter()
        .flat_map(|a| &a.activity.results)
        .map(|r| r.indicators.len())
        .sum();
    assert_eq!(indicators, 239);

    let sida = read("real-sida-exponent-decimals-948ad7a2.xml");
    let exp = lines_of(&sida, "written with an exponent");
    assert_eq!(
        exp,
        vec![
            5953, 5963, 12329, 12334, 12339, 12710, 12863, 13053, 13841, 14029, 15376, 15381, 15534
        ]
    );

    let fao = read("real-fao-unido-unicef-indicator-no-measure-d3fc696f.xml");
    assert_eq!(
        lines_of(&fao, "`indicator` has no `measure` attribute").len(),
        44
    );
    assert_eq!(
        lines_of(&fao, "`location-id` has no `code` attribute").len(),
        34
    );
    assert_eq!(
        lines_of(&fao, "`administrative` has no `code` attribute").len(),
        34
    );
    assert_eq!(
        lines_of(
            &fao,
            "`budget-item` has an attribute `vocabulary` that IATI 2.03 does not allow"
        ),
        vec![
            158, 954, 1722, 2541, 3204, 3896, 4640, 5604, 6736, 7547, 8684, 9387, 11508, 12686,
            14677, 16455, 21333, 23907
        ]
    );
    // Indicators without a measure are imported as units, and said so.
    let notes: Vec<String> = fao
        .iter()
        .filter_map(|a| map_in(a.activity.clone()).ok())
        .flat_map(|p| p.notes)
        .filter(|n| n.contains("without a known measure"))
        .collect();
    assert!(!notes.is_empty());
}

#[test]
fn schema_test_files_report_the_error_their_readme_names() {
    let expected = [
        (
            "budget-01-missing-period-end",
            "`budget` lacks `period-end`",
        ),
        (
            "budget-02-missing-period-start",
            "`budget` lacks `period-start`",
        ),
        (
            "budget-04-missing-attribute-period-start-iso-date",
            "`period-start` has no `iso-date` attribute",
        ),
        (
            "budget-05-missing-attribute-period-end-iso-date",
            "`period-end` has no `iso-date` attribute",
        ),
        (
            "budget-07-contains-text-period-start",
            "`period-start` holds text `xxxx`",
        ),
        (
            "budget-08-contains-text-period-end",
            "`period-end` holds text",
        ),
        (
            "budget-10-two-period-start",
            "`budget` has a second `period-start`",
        ),
        ("budget-11-two-value", "`budget` has a second `value`"),
        ("budget-13-empty-decimal-value", "`value` is empty"),
        ("result-01-missing-title", "`result` lacks `title`"),
        (
            "result-03-missing-indicator-title",
            "`indicator` lacks `title`",
        ),
        (
            "result-04-missing-indicator-title-narrative",
            "`indicator` lacks `title`",
        ),
        ("result-06-missing-indicator", "`result` lacks `indicator`"),
        (
            "result-07-missing-attribute-result-type",
            "`result` has no `type` attribute",
        ),
        (
            "result-09-non-boolean-attribute-ascending",
            "`indicator` attribute `ascending` `x`: not a boolean",
        ),
        ("result-10-two-title", "`result` has a second `title`"),
        (
            "result-12-two-description",
            "`result` has a second `description`",
        ),
        (
            "result-13-missing-indicator-description-narrative",
            "`description` lacks `narrative`",
        ),
        (
            "result-15-missing-indicator-baseline-comment-narrative",
            "`comment` lacks `narrative`",
        ),
        (
            "result-16-missing-indicator-period-period-start",
            "`period` lacks `period-start`",
        ),
        (
            "result-18-non-iso-date-period-period-start",
            "`period-start` attribute `iso-date` `2009-01-`: not a date",
        ),
        (
            "result-19-non-iso-date-period-period-end",
            "`period-end` attribute `iso-date` `2009-12-`: not a date",
        ),
        (
            "result-21-missing-indicator-period-actual-comment-narrative",
            "`comment` lacks `narrative`",
        ),
        (
            "result-22-two-indicator-description",
            "`indicator` has a second `description`",
        ),
        (
            "result-25-two-indicator-period-period-end",
            "`period` has a second `period-end`",
        ),
        (
            "result-25-two-indicator-period-period-start",
            "`period` has a second `period-start`",
        ),
        (
            "result-30-two-indicator-period-actual-comment",
            "`actual` has a second `comment`",
        ),
        (
            "result-33-missing-attribute-period-start-iso-date",
            "`period-start` has no `iso-date` attribute",
        ),
        (
            "result-36-missing-attribute-baseline-year",
            "`baseline` has no `year` attribute",
        ),
        (
            "result-37-non-positiveInteger-baseline-year",
            "`baseline` attribute `year` `-2008`: not a positive integer",
        ),
        (
            "result-39-indicator-reference-vocabulary-missing",
            "`reference` has no `vocabulary` attribute",
        ),
        (
            "result-41-indicator-reference-code-missing",
            "`reference` has no `code` attribute",
        ),
        (
            "result-48-two-indicator-period-actual-comment",
            "`actual` has a second `comment`",
        ),
        (
            "result-49-no-narrative-indicator-period-target-comment",
            "`comment` lacks `narrative`",
        ),
    ];
    let dir = iati_dir().join("examples/invalid/schema-tests");
    assert_eq!(xml_files(&dir).len(), expected.len());
    for (file, needle) in expected {
        let (acts, err) = read_all(&dir.join(format!("{file}.xml")));
        assert!(err.is_none(), "{file}: {err:?}");
        assert_eq!(acts.len(), 1, "{file}");
        let all: Vec<String> = acts[0].problems.iter().map(|p| p.to_string()).collect();
        assert!(
            acts[0]
                .problems
                .iter()
                .any(|p| p.message.contains(needle) && p.line > 1),
            "{file}: expected {needle:?} in {all:#?}"
        );
        // Their identifiers are empty: skipped, and said so.
        assert!(acts[0].skipped(), "{file}");
        assert!(
            all.iter().any(|m| m.contains("no `iati-identifier`")),
            "{file}"
        );
    }
}

#[test]
fn dtds_and_entities_are_refused() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
<iati-activities version="2.03"><iati-activity><iati-identifier>&lol2;</iati-identifier></iati-activity></iati-activities>"#;
    let r = read_str(laughs);
    assert_eq!(r.len(), 1);
    assert!(
        matches!(r[0], Err(FileError::Doctype { line: 2, column: 1 })),
        "{r:?}"
    );

    let xxe = r#"<!DOCTYPE x SYSTEM "file:///etc/passwd"><iati-activities version="2.03"/>"#;
    assert!(matches!(read_str(xxe)[0], Err(FileError::Doctype { .. })));

    // Without a DTD an unknown entity is kept as written and reported; the predefined ones
    // and character references are read.
    let r = read_str(
        r#"<iati-activities version="2.03"><iati-activity><iati-identifier>A-1</iati-identifier><title><narrative>R&amp;D &#233;t&#xE9; &x;</narrative></title></iati-activity></iati-activities>"#,
    );
    let a = r[0].as_ref().unwrap();
    assert_eq!(a.activity.title[0].text, "R&D été &x;");
    assert!(
        a.problems
            .iter()
            .any(|p| p.message.contains("`&x;` is not a predefined entity"))
    );

    let utf16: Vec<u8> = "\u{feff}<iati-activities version=\"2.03\"/>"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let r: Vec<_> = ActivityReader::new(utf16.as_slice()).collect();
    assert!(matches!(r.last(), Some(Err(_))), "{r:?}");
    let latin = r#"<?xml version="1.0" encoding="ISO-8859-1"?><iati-activities version="2.03"/>"#;
    assert!(matches!(
        read_str(latin)[0],
        Err(FileError::Encoding { .. })
    ));
    let broken = "<iati-activities version=\"2.03\"><iati-activity><title></iati-activity>";
    assert!(matches!(
        read_str(broken).last(),
        Some(Err(FileError::Malformed { .. }))
    ));
}

const HEAD: &str = r#"<iati-activities version="2.03" xmlns:x="urn:x">"#;

#[test]
fn an_activity_without_identifier_is_skipped_and_reported() {
    let xml = format!(
        "{HEAD}\n<iati-activity><iati-identifier>AA-1</iati-identifier></iati-activity>\n<iati-activity x:extra=\"1\">\n  <iati-identifier>  </iati-identifier>\n</iati-activity>\n</iati-activities>"
    );
    let r: Vec<ReadActivity> = read_str(&xml).into_iter().map(Result::unwrap).collect();
    assert_eq!(r.len(), 2);
    assert!(!r[0].skipped());
    assert!(r[1].skipped());
    let p = r[1]
        .problems
        .iter()
        .find(|p| p.message.contains("no `iati-identifier`"))
        .unwrap();
    assert_eq!((p.line, p.column, p.activity.as_deref()), (3, 1, None));
    assert!(map_in(r[1].activity.clone()).is_err());
}

#[test]
fn messy_values_are_read_leniently_with_the_original_kept() {
    let xml = format!(
        r#"{HEAD}
<iati-activity x:foo="bar" xml:lang="FR">
 <iati-identifier>AA-2</iati-identifier>
 <title><narrative>Titre</narrative><narrative xml:lang="EN">Title</narrative><narrative xml:lang="de">Titel</narrative></title>
 <activity-date type="1" iso-date=""/>
 <result type="1"><title><narrative>R</narrative></title>
  <indicator ascending="0"><title><narrative>I</narrative></title>
   <period><period-start iso-date="2020-01-01"/><period-end iso-date="2020-03-31"/>
    <target value="1,5"/><target value="1,500"/><target value="TBD"/><target value="1.5E3"/><actual/>
   </period>
  </indicator>
 </result>
</iati-activity></iati-activities>"#
    );
    let r = read_str(&xml);
    let a = r[0].as_ref().unwrap();
    let p = &a.activity.results[0].indicators[0].periods[0];
    let nums: Vec<Option<String>> = p
        .targets
        .iter()
        .map(|t| t.value.as_ref().map(|v| v.as_text()))
        .collect();
    assert_eq!(nums, [Some("1.5".into()), None, None, Some("1500".into())]);
    let originals: Vec<Option<&str>> = p.targets.iter().map(|t| t.original.as_deref()).collect();
    assert_eq!(
        originals,
        [Some("1,5"), Some("1,500"), Some("TBD"), Some("1.5E3")]
    );
    let msg = |needle: &str| {
        a.problems
            .iter()
            .find(|p| p.message.contains(needle))
            .unwrap_or_else(|| panic!("{needle}: {:#?}", a.problems))
    };
    let amb = msg("ambiguous");
    assert_eq!(
        (amb.line, amb.activity.as_deref(), amb.original.as_deref()),
        (9, Some("AA-2"), Some("1,500"))
    );
    assert_eq!(amb.column, 26);
    msg("`target` value `TBD`: a placeholder");
    msg("`actual` has no `value`");
    msg("`indicator` has no `measure` attribute");
    msg("`activity-date` attribute `iso-date` is empty");
    assert!(!a.problems.iter().any(|p| p.message.contains("foo")));

    let plan = map_in(a.activity.clone()).unwrap();
    assert_eq!(plan.name.get(handover_core::text::Lang::Fr), Some("Titre"));
    assert_eq!(plan.name.get(handover_core::text::Lang::En), Some("Title"));
    assert_eq!(plan.languages[0], handover_core::text::Lang::Fr);
    assert!(
        plan.notes.iter().any(|n| n.contains("de×1")),
        "{:?}",
        plan.notes
    );
    let ind = &plan.results[0].indicators[0];
    assert_eq!(ind.measure, handover_core::indicator::Measure::Unit);
    assert_eq!(ind.direction, handover_core::indicator::Direction::Down);
    assert_eq!(ind.values.len(), 5);
    assert_eq!(
        plan.start.map(|s| s.date().to_string()),
        Some("2020-01-01".into())
    );
}

/// A directory entry for an IATI organisation.
fn org(iati: Option<&str>, name: &str) -> Organisation {
    Organisation {
        id: OrgId::new(),
        code: Code::slugify(name),
        name: name.into(),
        org_type: OrgType::DevelopmentPartner,
        region: None,
        union_id: None,
        iati_id: iati.map(str::to_owned),
        ministry: false,
        version: 1,
    }
}

/// The owner and partners of an imported plan, as the import would match them.
struct Parties(Organisation, Vec<Organisation>, Currency);

impl Parties {
    fn as_options(&self) -> TreeOptions<'_> {
        TreeOptions {
            owner: &self.0,
            partners: &self.1,
            fallback_start: MonthStart::parse("2024-01-01").unwrap(),
            fallback_currency: &self.2,
        }
    }
}

fn parties(plan: &ImportPlan) -> Parties {
    let owner = plan.reporting_org.as_ref().map_or_else(
        || org(None, "Owner"),
        |o| org(o.iati_ref.as_deref(), &o.name),
    );
    let partners = plan
        .participants
        .iter()
        .filter(|p| p.iati_ref.is_some() && p.iati_ref != owner.iati_id)
        .map(|p| org(p.iati_ref.as_deref(), &p.name))
        .collect();
    Parties(owner, partners, Currency::parse("USD").unwrap())
}

/// Exports every importable activity of a file; returns the XML and the imported plans. With
/// `evidence`, every value gets a link to its evidence.
fn export_file(path: &Path, evidence: bool) -> (Vec<u8>, Vec<ImportPlan>) {
    let (acts, err) = read_all(path);
    assert!(err.is_none());
    let now = OffsetDateTime::now_utc();
    let mut w = ActivitiesWriter::begin(Vec::new(), now).unwrap();
    let mut plans = vec![];
    for a in acts.iter().filter(|a| !a.skipped()) {
        let plan = map_in(a.activity.clone()).unwrap();
        let mut tree = plan.to_tree(&parties(&plan).as_options());
        if evidence {
            for v in &mut tree.values {
                v.evidence = Some(format!("https://example.org/evidence?id={}&amp=1", v.id));
            }
        }
        // Two quarters of budget, in two currencies for the first.
        let mut budget = BTreeMap::new();
        let usd = Currency::parse("USD").unwrap();
        budget.insert(1u16, Sum::of(Decimal::new(150_050, 2), &usd));
        budget
            .get_mut(&1)
            .unwrap()
            .add(Decimal::new(3_000_000, 0), &Currency::parse("LBP").unwrap());
        budget.insert(2u16, Sum::of(Decimal::new(99_999, 3), &usd));
        let input = ExportInput {
            tree: &tree,
            identifier: Some(&plan.identifier),
            budget: Some(&budget),
            roles: &[],
            sector: Some("15112"),
            updated: now,
        };
        let out = map_out(&input);
        w.activity(&out.activity)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        plans.push(plan);
    }
    (w.finish().unwrap(), plans)
}

/// `xmllint` when installed; without it the test fails on CI and is skipped, loudly, elsewhere.
fn xmllint() -> Option<&'static str> {
    let ok = Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return Some("xmllint");
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "xmllint is not on PATH: install libxml2-utils (apt-get install libxml2-utils) to validate IATI exports"
        );
    }
    eprintln!(
        "SKIPPED: xmllint is not on PATH, so exports are not validated against the IATI schema (apt-get install libxml2-utils)"
    );
    None
}

#[test]
fn exports_validate_against_the_official_schema() {
    let Some(xmllint) = xmllint() else { return };
    let dir = iati_dir();
    let schema = dir.join("schema/iati-activities-schema.xsd");
    let mut links = 0;
    for f in [
        "examples/real-nl-ngos-covid-2e8d1c76.xml",
        "examples/real-gdihub-uk-activities.xml",
        "examples/real-undp-ce95f0b1.xml",
        "examples/ref-activity-standard-example-annotated.xml",
        "examples/invalid/real-fao-unido-unicef-indicator-no-measure-d3fc696f.xml",
        "examples/invalid/real-korea-gov-missing-attrs-8adc7a63.xml",
    ] {
        let (xml, plans) = export_file(&dir.join(f), true);
        links += String::from_utf8_lossy(&xml)
            .matches("<document-link url=\"https://example.org/evidence?id=")
            .count();
        assert!(!plans.is_empty());
        let out = std::env::temp_dir().join(format!(
            "handover-iati-export-{}-{}.xml",
            std::process::id(),
            Path::new(f).file_stem().unwrap().to_string_lossy()
        ));
        std::fs::write(&out, &xml).unwrap();
        let run = Command::new(xmllint)
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .arg(&out)
            .output()
            .unwrap();
        let errors = String::from_utf8_lossy(&run.stderr).into_owned();
        assert!(
            run.status.success(),
            "{f}: the export does not validate ({}):\n{}",
            out.display(),
            errors.lines().take(20).collect::<Vec<_>>().join("\n")
        );
        std::fs::remove_file(&out).unwrap();
    }
    assert!(links > 1000, "{links} evidence links validated");
}

#[test]
fn the_writer_refuses_an_incomplete_activity() {
    let mut w = ActivitiesWriter::begin(Vec::new(), OffsetDateTime::now_utc()).unwrap();
    let e = w.activity(&Default::default()).unwrap_err();
    assert!(e.to_string().contains("reporting organisation"), "{e}");
    assert!(w.finish().is_err());
}

/// What a plan carries through Handover: results that have indicators, their indicators'
/// codes, titles, measures, directions, baselines that have a value (numeric measures) and the
/// values that have a value, with the first evidence link; periods as used by those values.
fn carried(p: &ImportPlan) -> impl PartialEq + std::fmt::Debug {
    let mut periods = std::collections::BTreeSet::new();
    let results: Vec<_> = p
        .results
        .iter()
        .filter(|r| !r.indicators.is_empty())
        .map(|r| {
            let indicators: Vec<_> = r
                .indicators
                .iter()
                .map(|i| {
                    let baselines: Vec<_> = i
                        .baselines
                        .iter()
                        .filter(|b| b.value.is_some() || !i.measure.is_numeric())
                        .cloned()
                        .collect();
                    let mut values: Vec<String> = i
                        .values
                        .iter()
                        .filter(|v| v.value.is_some())
                        .map(|v| {
                            periods.insert(v.period);
                            format!(
                                "{:?} {:?} {:?} {:?} {:?} {:?}",
                                v.period,
                                v.kind,
                                v.value,
                                v.dimensions,
                                v.comment,
                                v.evidence.first()
                            )
                        })
                        .collect();
                    values.sort();
                    (
                        i.code.clone(),
                        i.title.clone(),
                        i.measure,
                        i.direction,
                        baselines,
                        values,
                    )
                })
                .collect();
            (r.level, r.title.clone(), r.description.clone(), indicators)
        })
        .collect();
    (
        p.identifier.clone(),
        p.name.clone(),
        p.status,
        p.start,
        results,
        periods,
    )
}

#[test]
fn import_export_import_keeps_results_indicators_periods_and_values() {
    let dir = iati_dir();
    let mut went_round = 0;
    for f in [
        "examples/real-nl-ngos-covid-2e8d1c76.xml",
        "examples/real-unhcr-undp-results-af8e3c0c.xml",
        "examples/real-oxfam-novib-3a98cf0a.xml",
        "examples/real-gdihub-uk-activities.xml",
        "examples/real-undp-ce95f0b1.xml",
        "examples/ref-activity-standard-example-annotated.xml",
    ] {
        let (xml, first) = export_file(&dir.join(f), false);
        let again: Vec<ImportPlan> = ActivityReader::new(xml.as_slice())
            .map(|a| {
                let a = a.unwrap();
                assert!(
                    a.problems.is_empty(),
                    "{f}: our own export has problems: {:#?}",
                    a.problems
                );
                map_in(a.activity).unwrap()
            })
            .collect();
        assert_eq!(first.len(), again.len(), "{f}");
        for (a, b) in first.iter().zip(&again) {
            assert_eq!(carried(a), carried(b), "{f}: {}", a.identifier);
            went_round += b
                .results
                .iter()
                .flat_map(|r| &r.indicators)
                .flat_map(|i| &i.values)
                .filter(|v| v.value.is_some())
                .count();
        }
    }
    // UNDP's targets and actuals have no value; the others have thousands.
    assert!(went_round > 5000, "{went_round}");
}

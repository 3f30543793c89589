//! IATI import and export through the store, on both backends, with the reference files of
//! `$HANDOVER_IATI_DIR` (by default `../shared/iati` from the workspace root): every example
//! activity file imports with the counts the reader gives; a re-import of an unchanged file
//! changes nothing; a changed value updates one plan with one audit entry; a plan edited in
//! Handover makes a re-import a conflict that writes nothing, until `overwrite`; the invalid
//! files import what they can; and import → export → import keeps activities, results,
//! indicators, periods and values.

use super::{OP, member, org};
use handover_core::actor::{Actor, Role};
use handover_core::ids::PlanId;
use handover_core::plan::PlanTree;
use handover_core::text::Text;
use handover_formats::iati::{ActivityReader, TreeOptions, map_in};
use handover_store::audit::{self, AuditFilter};
use handover_store::exchange::{self, ExportScope, ImportOptions, ImportReport};
use handover_store::plans::{self, PlanChange};
use handover_store::testing::TestDb;
use handover_store::{Store, StoreError};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// The IATI reference directory.
fn iati_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    match std::env::var_os("HANDOVER_IATI_DIR") {
        Some(d) if Path::new(&d).is_absolute() => PathBuf::from(d),
        Some(d) => root.join(d),
        None => root.join("../shared/iati"),
    }
}

/// The activity files (not organisation files) of a directory, by name.
fn activity_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e} (set HANDOVER_IATI_DIR)", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .filter(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("<iati-activities")
        })
        .collect();
    v.sort();
    v
}

async fn import(store: &Store, actor: &Actor, xml: &[u8], o: &ImportOptions) -> ImportReport {
    exchange::iati_import(store, actor, xml, o, |_| {})
        .await
        .unwrap()
}

fn opts() -> ImportOptions {
    ImportOptions::new(Some("test.xml".into()))
}

/// Counts of a plan: (results, indicators, values, periods); values repeated for the same
/// indicator, period, kind and dimensions count once (the store keeps the first).
fn counts(t: &PlanTree) -> (usize, usize, usize, usize) {
    let values: HashSet<_> = t
        .values
        .iter()
        .map(|v| {
            (
                v.indicator_id,
                v.period_id,
                v.kind.as_str(),
                v.dimensions.clone(),
            )
        })
        .collect();
    (
        t.results.len(),
        t.indicators.len(),
        values.len(),
        t.periods.len(),
    )
}

/// What the formats crate makes of a file: identifier → counts, first occurrence only.
fn expected(
    xml: &[u8],
    owner: &handover_core::org::Organisation,
) -> BTreeMap<String, (usize, usize, usize, usize)> {
    let usd = handover_core::money::Currency::parse("USD").unwrap();
    let start = handover_core::calendar::MonthStart::parse("2024-01-01").unwrap();
    let mut out = BTreeMap::new();
    for a in ActivityReader::new(xml) {
        let Ok(a) = a else { break };
        if let Ok(p) = map_in(a.activity) {
            let t = p.to_tree(&TreeOptions {
                owner,
                partners: &[],
                fallback_start: start,
                fallback_currency: &usd,
            });
            out.entry(p.identifier.clone()).or_insert(counts(&t));
        }
    }
    out
}

async fn audit_count(store: &Store) -> usize {
    let f = AuditFilter {
        limit: Some(100_000),
        ..Default::default()
    };
    audit::list(store, &OP(), &f).await.unwrap().len()
}

async fn plan_of(store: &Store, actor: &Actor, identifier: &str) -> PlanTree {
    let id = exchange::iati_plan(store, actor, identifier).await.unwrap();
    plans::load(store, actor, id).await.unwrap()
}

#[tokio::test]
async fn iati_import_and_export_on_both_backends() {
    for db in TestDb::both().await {
        eprintln!("-- {}", db.label);
        let store = db.store().await;
        let owner = org(
            &store,
            "importer",
            "The importing partner",
            "development_partner",
        )
        .await;
        let actor = member(&owner, Role::Administrator);
        every_example_imports(&store, &actor, &owner).await;
        reimports_change_only_what_changed(&store, &actor).await;
        invalid_files_import_what_they_can(&store, &actor).await;
        dry_runs_and_refusals_write_nothing(&store, &actor).await;
        Box::pin(round_trip(&store, &actor, &db)).await;
        store.close().await;
        db.cleanup().await;
    }
}

async fn every_example_imports(
    store: &Store,
    actor: &Actor,
    owner: &handover_core::org::Organisation,
) {
    for path in activity_files(&iati_dir().join("examples")) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let xml = std::fs::read(&path).unwrap();
        let r = import(store, actor, &xml, &opts()).await;
        assert!(r.failed.is_none() && r.written, "{name}: {r:?}");
        assert!(r.conflicts.is_empty(), "{name}: {:?}", r.conflicts);
        let want = expected(&xml, owner);
        assert_eq!(
            r.created + r.updated + r.unchanged,
            want.len(),
            "{name}: {r:?}"
        );
        assert_eq!(r.activities_read, want.len() + r.skipped_total, "{name}");
        for (identifier, count) in &want {
            let t = plan_of(store, actor, identifier).await;
            assert_eq!(counts(&t), *count, "{name}: {identifier}");
            assert_eq!(t.plan.owner, owner.id);
            assert_eq!(t.plan.kind.as_str(), "generic");
        }
        eprintln!("{name}: {} plans", want.len());
    }
    // The same organisation in two files is one directory entry.
    let all = handover_store::orgs::list(store, &OP()).await.unwrap();
    let ids: Vec<&str> = all.iter().filter_map(|o| o.iati_id.as_deref()).collect();
    let unique: HashSet<String> = ids.iter().map(|i| i.to_ascii_uppercase()).collect();
    assert_eq!(ids.len(), unique.len());
    assert!(ids.contains(&"XM-DAC-41114"), "UNDP was added: {ids:?}");
}

async fn reimports_change_only_what_changed(store: &Store, actor: &Actor) {
    let path = iati_dir().join("examples/real-gdihub-uk-activities.xml");
    let xml = std::fs::read_to_string(&path).unwrap();
    let before = audit_count(store).await;
    let r = import(store, actor, xml.as_bytes(), &opts()).await;
    assert_eq!((r.created, r.updated, r.unchanged), (0, 0, 4), "{r:?}");
    assert!(r.written);
    assert_eq!(
        audit_count(store).await,
        before,
        "an unchanged file changes nothing"
    );

    // One target changes: one plan is updated, with one audit entry.
    let first = ActivityReader::new(xml.as_bytes()).next().unwrap().unwrap();
    let identifier = first.activity.identifier.clone();
    let old = plan_of(store, actor, &identifier).await;
    let at = xml.find("<target value=\"").unwrap() + "<target value=\"".len();
    let end = at + xml[at..].find('"').unwrap();
    let changed = format!("{}4242{}", &xml[..at], &xml[end..]);
    let r = import(store, actor, changed.as_bytes(), &opts()).await;
    assert_eq!((r.created, r.updated, r.unchanged), (0, 1, 3), "{r:?}");
    assert_eq!(audit_count(store).await, before + 1);
    let new = plan_of(store, actor, &identifier).await;
    assert_eq!(new.plan.id, old.plan.id);
    assert_eq!(new.plan.code, old.plan.code);
    assert_eq!(new.plan.version, old.plan.version + 1);
    assert!(new.values.iter().any(|v| v.value.as_text() == "4242"));
    assert_eq!(counts(&new), counts(&old));
    let unchanged_periods: BTreeSet<_> = old.periods.iter().map(|p| p.id).collect();
    assert!(
        new.periods
            .iter()
            .all(|p| unchanged_periods.contains(&p.id)),
        "periods kept"
    );
    let trail = audit::list(
        store,
        actor,
        &AuditFilter {
            plan: Some(new.plan.id),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(trail.len(), 2, "created, then updated");
    assert!(trail[0].before.is_some() && trail[0].after.is_some());

    // Edited in Handover: the original file is a conflict and writes nothing.
    plans::update_plan(
        store,
        actor,
        new.plan.id,
        new.plan.version,
        PlanChange {
            name: Some(Text::en("Renamed in Handover")),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let before = audit_count(store).await;
    let r = import(store, actor, xml.as_bytes(), &opts()).await;
    assert!(!r.written);
    assert_eq!(r.conflicts.len(), 1, "{r:?}");
    assert_eq!(r.conflicts[0].identifier, identifier);
    assert!(
        r.conflicts[0].to_string().contains("changed in Handover"),
        "{}",
        r.conflicts[0]
    );
    assert_eq!(
        audit_count(store).await,
        before,
        "a conflict writes nothing"
    );
    let kept = plan_of(store, actor, &identifier).await;
    assert_eq!(kept.plan.name, Text::en("Renamed in Handover"));

    // Skipping conflicts leaves the plan and imports the rest (here: nothing changed).
    let skip = ImportOptions {
        skip_conflicts: true,
        ..opts()
    };
    let r = import(store, actor, xml.as_bytes(), &skip).await;
    assert!(
        r.written && r.updated == 0 && r.conflicts.len() == 1,
        "{r:?}"
    );
    assert_eq!(audit_count(store).await, before);

    // Overwriting applies the file.
    let over = ImportOptions {
        overwrite: true,
        ..opts()
    };
    let r = import(store, actor, xml.as_bytes(), &over).await;
    assert!(
        r.written && r.updated == 1 && r.conflicts.is_empty(),
        "{r:?}"
    );
    let back = plan_of(store, actor, &identifier).await;
    assert_eq!(back.plan.name, old.plan.name);
    assert!(back.values.iter().all(|v| v.value.as_text() != "4242"));
    assert_eq!(audit_count(store).await, before + 1);
    // And the plan is in step with the file again.
    let r = import(store, actor, xml.as_bytes(), &opts()).await;
    assert_eq!((r.updated, r.unchanged), (0, 4), "{r:?}");
}

async fn invalid_files_import_what_they_can(store: &Store, actor: &Actor) {
    let dir = iati_dir().join("examples/invalid");
    let mut files = activity_files(&dir);
    files.extend(activity_files(&dir.join("schema-tests")));
    assert!(files.len() >= 39, "{}", files.len());
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let xml = std::fs::read(&path).unwrap();
        let r = import(store, actor, &xml, &opts()).await;
        assert!(r.failed.is_none() && r.written, "{name}: {r:?}");
        assert!(r.activities_read > 0, "{name}");
        if name.starts_with("real-") {
            assert!(r.created > 0 && r.problems_total > 0, "{name}: {r:?}");
            for p in &r.problems {
                assert!(p.line > 0 && p.column > 0, "{name}: {p}");
            }
        }
    }
}

async fn dry_runs_and_refusals_write_nothing(store: &Store, actor: &Actor) {
    let xml = std::fs::read(iati_dir().join("examples/ref-schema-test-24-results.xml")).unwrap();
    let fresh = String::from_utf8(xml)
        .unwrap()
        .replace("<iati-identifier>", "<iati-identifier>DRY-RUN-");
    let before = audit_count(store).await;
    let dry = ImportOptions {
        dry_run: true,
        ..opts()
    };
    let r = import(store, actor, fresh.as_bytes(), &dry).await;
    assert!(!r.written && r.created == 1, "{r:?}");
    assert_eq!(audit_count(store).await, before);

    // A file that breaks off half-way writes nothing.
    let cut = &fresh[..fresh.len() / 2];
    let r = import(store, actor, cut.as_bytes(), &opts()).await;
    assert!(r.failed.is_some() && !r.written, "{r:?}");
    assert_eq!(audit_count(store).await, before);

    // Only an organisation's editor imports.
    let e = exchange::iati_import(store, &OP(), fresh.as_bytes(), &opts(), |_| {})
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Invalid(_)), "{e}");
    let viewer = Actor::Member {
        label: "viewer".into(),
        org: actor.org().unwrap(),
        role: Role::Viewer,
    };
    let e = exchange::iati_import(store, &viewer, fresh.as_bytes(), &opts(), |_| {})
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Forbidden(_)), "{e}");
}

/// What a plan carries through an export: its header, and its results that have indicators
/// with their indicators, baselines with a value (or qualitative), and values, by period.
fn carried(t: &PlanTree) -> impl PartialEq + std::fmt::Debug {
    let period = |id| {
        t.periods
            .iter()
            .find(|p| p.id == id)
            .map(|p| (p.start, p.end))
    };
    let mut results: Vec<_> = t
        .results
        .iter()
        .filter_map(|r| {
            let mut indicators: Vec<_> = t.indicators_of(r.id).collect();
            if indicators.is_empty() {
                return None;
            }
            indicators.sort_by_key(|i| i.position);
            let indicators: Vec<_> = indicators
                .iter()
                .map(|i| {
                    let baselines: Vec<_> = i
                        .baselines
                        .iter()
                        .filter(|b| b.value.is_some() || !i.measure.is_numeric())
                        .cloned()
                        .collect();
                    let mut values: Vec<String> = t
                        .values
                        .iter()
                        .filter(|v| v.indicator_id == i.id)
                        .map(|v| {
                            format!(
                                "{:?} {:?} {:?} {:?} {:?} {:?}",
                                period(v.period_id),
                                v.kind,
                                v.value,
                                v.dimensions,
                                v.comment,
                                v.evidence
                            )
                        })
                        .collect();
                    values.sort();
                    (
                        i.code.clone(),
                        i.statement.clone(),
                        i.measure,
                        i.direction,
                        baselines,
                        values,
                    )
                })
                .collect();
            Some((
                r.position,
                r.level,
                r.title.clone(),
                r.description.clone(),
                indicators,
            ))
        })
        .collect();
    results.sort_by_key(|r| r.0);
    let results: Vec<_> = results.into_iter().map(|r| (r.1, r.2, r.3, r.4)).collect();
    let used: BTreeSet<_> = t
        .values
        .iter()
        .filter_map(|v| period(v.period_id))
        .collect();
    (
        t.plan.name.clone(),
        t.plan.status,
        t.plan.start,
        results,
        used,
    )
}

async fn round_trip(store: &Store, actor: &Actor, db: &TestDb) {
    let files = [
        "examples/real-nl-ngos-covid-2e8d1c76.xml",
        "examples/real-gdihub-uk-activities.xml",
        "examples/real-undp-ce95f0b1.xml",
        "examples/ref-activity-standard-example-annotated.xml",
    ];
    let mut identifiers = Vec::new();
    for f in files {
        let xml = std::fs::read(iati_dir().join(f)).unwrap();
        for a in ActivityReader::new(xml.as_slice()).flatten() {
            if !a.skipped() {
                identifiers.push(a.activity.identifier.clone());
            }
        }
    }
    identifiers.sort();
    identifiers.dedup();
    // Export every plan in the importer's scope (every example and invalid file).
    let mut xml = Vec::new();
    let report = exchange::iati_export(store, actor, ExportScope::All, &mut xml, |_, _| {})
        .await
        .unwrap();
    assert!(report.written > 1000, "{report:?}");
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    assert_eq!(report.bytes, xml.len() as u64);

    // A fresh database, the same importing organisation.
    let other = if db.label == "sqlite" {
        TestDb::sqlite()
    } else {
        TestDb::postgres().await.unwrap()
    };
    let again = other.store().await;
    let owner = org(
        &again,
        "importer",
        "The importing partner",
        "development_partner",
    )
    .await;
    let actor2 = member(&owner, Role::Administrator);
    let r = import(&again, &actor2, &xml, &opts()).await;
    assert!(r.written && r.failed.is_none(), "{r:?}");
    assert_eq!(r.created, report.written);
    for id in &identifiers {
        let a = plan_of(store, actor, id).await;
        let b = plan_of(&again, &actor2, id).await;
        assert_eq!(carried(&a), carried(&b), "{id}");
    }
    // One plan alone, with the budgets its import kept.
    let gdihub = std::fs::read(iati_dir().join("examples/real-gdihub-uk-activities.xml")).unwrap();
    let first = ActivityReader::new(gdihub.as_slice())
        .next()
        .unwrap()
        .unwrap();
    let one: PlanId = exchange::iati_plan(store, actor, &first.activity.identifier)
        .await
        .unwrap();
    let mut single = Vec::new();
    let r = exchange::iati_export(store, actor, ExportScope::Plan(one), &mut single, |_, _| {})
        .await
        .unwrap();
    assert_eq!(r.written, 1);
    let text = String::from_utf8(single).unwrap();
    assert!(text.contains("<budget "), "{text}");
    again.close().await;
    other.cleanup().await;
}

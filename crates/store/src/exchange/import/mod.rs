//! Importing an IATI activity file: read it activity by activity, map each one
//! ([`map_in`]), and hand them over in chunks to [`chunk`], which decides what each becomes
//! (new plan, update, unchanged, conflict) and writes a chunk's new plans with a few
//! multi-row statements. The whole file shares one transaction, committed only when the file
//! was read to its end, it is not a dry run and no conflict stands in the way.

mod chunk;
mod directory;
mod rows;
mod tree;
mod update;

use super::report::{ImportOptions, ImportReport, Progress};
use crate::StoreResult;
use crate::connect::Store;
use crate::error::StoreError;
use handover_core::Invalid;
use handover_core::actor::{Actor, Role};
use handover_core::org::Organisation;
use handover_formats::iati::{ActivityReader, ImportPlan, map_in};
use sqlx::{Any, Transaction};
use std::collections::{HashMap, HashSet};
use std::io::BufRead;

/// Activities per chunk, and indicators plus values per chunk: whichever comes first.
const CHUNK_ACTIVITIES: usize = 250;
const CHUNK_WEIGHT: usize = 25_000;

/// An import under way.
struct State<'a> {
    tx: Transaction<'static, Any>,
    actor: &'a Actor,
    owner: Organisation,
    options: &'a ImportOptions,
    directory: directory::Directory,
    report: ImportReport,
    /// Whether the database held any link when the import began (else nothing to look up).
    links_exist: bool,
    /// Plan codes given in this file.
    codes: HashSet<String>,
    /// A conflict stopped the file: read on to report everything, write nothing more.
    blocked: bool,
}

impl State<'_> {
    /// Whether this chunk writes.
    fn writing(&self) -> bool {
        !self.options.dry_run && !self.blocked
    }
}

/// Imports one IATI activity file as plans owned by the actor's organisation, atomically:
/// the report tells what was (or, for a dry run, would be) created, updated, left unchanged,
/// skipped and in conflict, with every problem of the file; `progress` is told after each
/// activity. Reading is synchronous (`BufRead`): run it where blocking reads are acceptable.
pub async fn iati_import<R, P>(
    store: &Store,
    actor: &Actor,
    input: R,
    options: &ImportOptions,
    mut progress: P,
) -> StoreResult<ImportReport>
where
    R: BufRead + Send,
    P: FnMut(Progress<'_>) + Send,
{
    let owner_id = owner_of(actor)?;
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting an import"))?;
    let directory = directory::Directory::load(&mut tx).await?;
    let owner = directory
        .get(owner_id)
        .ok_or_else(|| StoreError::NotFound(format!("organisation {owner_id}")))?;
    let links_exist = sqlx::query("SELECT plan_id FROM iati_links LIMIT 1")
        .fetch_optional(&mut *tx)
        .await
        .map_err(StoreError::db("reading the IATI links"))?
        .is_some();
    let mut st = State {
        tx,
        actor,
        owner,
        options,
        directory,
        report: ImportReport::default(),
        links_exist,
        codes: HashSet::new(),
        blocked: false,
    };
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut reader = ActivityReader::new(input);
    let mut pending: Vec<ImportPlan> = Vec::new();
    let mut weight = 0;
    while let Some(item) = reader.next() {
        let read = match item {
            Ok(r) => r,
            Err(e) => {
                st.report.failed = Some(e);
                break;
            }
        };
        st.report.activities_read += 1;
        for p in &read.problems {
            st.report.problem(p);
        }
        progress(Progress {
            bytes: reader.bytes_read(),
            activities: st.report.activities_read,
            problems: &read.problems,
        });
        let line = read.line;
        let identifier = read.activity.identifier.trim().to_owned();
        if read.skipped() || identifier.is_empty() {
            st.report.skip(
                None,
                format!("line {line}: the activity has no iati-identifier and is not imported"),
            );
            continue;
        }
        if let Some(first) = seen.get(&identifier) {
            st.report.skip(
                Some(identifier),
                format!("line {line}: the identifier appears again in the file (first at line {first}); only the first is imported"),
            );
            continue;
        }
        seen.insert(identifier.clone(), line);
        match map_in(read.activity) {
            Ok(plan) => {
                weight += plan
                    .results
                    .iter()
                    .flat_map(|r| &r.indicators)
                    .map(|i| 1 + i.values.len())
                    .sum::<usize>();
                pending.push(plan);
            }
            Err(e) => st
                .report
                .skip(Some(identifier), format!("line {line}: {e}")),
        }
        if pending.len() >= CHUNK_ACTIVITIES || weight >= CHUNK_WEIGHT {
            chunk::process(&mut st, std::mem::take(&mut pending)).await?;
            weight = 0;
        }
    }
    if st.report.failed.is_none() && !pending.is_empty() {
        chunk::process(&mut st, pending).await?;
    }
    let file_problems = reader.file_problems().to_vec();
    for p in &file_problems {
        st.report.problem(p);
    }
    if !file_problems.is_empty() {
        progress(Progress {
            bytes: reader.bytes_read(),
            activities: st.report.activities_read,
            problems: &file_problems,
        });
    }
    st.report.orgs_added = st.directory.added;
    let commit = st.writing() && st.report.failed.is_none();
    let State { tx, mut report, .. } = st;
    if commit {
        tx.commit()
            .await
            .map_err(StoreError::db("saving the import"))?;
        report.written = true;
    } else {
        tx.rollback()
            .await
            .map_err(StoreError::db("abandoning the import"))?;
    }
    Ok(report)
}

/// The organisation that will own the imported plans: the actor's, who must be allowed to
/// create plans and add organisations to the directory.
fn owner_of(actor: &Actor) -> StoreResult<handover_core::ids::OrgId> {
    match actor {
        Actor::Member { org, role, .. } if *role >= Role::Editor => Ok(*org),
        Actor::Member { .. } => Err(StoreError::Forbidden(
            "importing plans needs an editor or administrator".into(),
        )),
        Actor::Reader { .. } => Err(StoreError::Forbidden("this view is read-only".into())),
        Actor::Operator { .. } => Err(Invalid::one(
            "as",
            "imported plans need an owner: act for the organisation that will own them (--as ORG)",
        )
        .into()),
    }
}

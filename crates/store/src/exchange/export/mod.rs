//! Exporting plans as an IATI 2.03 activity file, streaming: plans are read a batch at a time
//! ([`load`]), mapped ([`map_out`]) and written ([`ActivitiesWriter`]) one by one, so memory
//! stays flat with the size of the portfolio. An activity keeps the identifier and the dates it
//! was imported with; its budgets come from [`budget`].

mod budget;
mod load;
mod values;

use super::report::{ExportError, ExportReport};
use crate::StoreResult;
use crate::connect::Store;
use crate::error::StoreError;
use crate::plans::{access, read_scope, scope_org};
use crate::rows::Get;
use handover_core::actor::Actor;
use handover_core::ids::PlanId;
use handover_formats::iati::{ActivitiesWriter, DateKind, ExportInput, WriteError, map_out};
use std::io::Write;
use time::OffsetDateTime;

/// Plans read per batch.
const BATCH: usize = 100;

/// Which plans to export.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExportScope {
    /// One plan (read access needed).
    Plan(PlanId),
    /// Every plan in the actor's scope.
    All,
}

/// Writes the plans of `scope` to `out` as an `iati-activities` file; `progress` is told
/// (plans done, plans in all) after each batch. A plan the schema cannot take (say, one with
/// no name) is refused and listed, the others are written; nothing written at all is an error.
/// Writing is synchronous (`Write`).
pub async fn iati_export<W, P>(
    store: &Store,
    actor: &Actor,
    scope: ExportScope,
    out: W,
    mut progress: P,
) -> Result<ExportReport, ExportError>
where
    W: Write + Send,
    P: FnMut(usize, usize) + Send,
{
    let ids = match scope {
        ExportScope::Plan(p) => {
            access(store, actor, p).await?;
            vec![p]
        }
        ExportScope::All => all_plans(store, actor).await?,
    };
    let mut report = ExportReport::default();
    let mut w = ActivitiesWriter::begin(Counting { out, bytes: 0 }, OffsetDateTime::now_utc())?;
    for (n, batch) in ids.chunks(BATCH).enumerate() {
        let loaded = {
            let mut tx = store
                .pool
                .begin()
                .await
                .map_err(StoreError::db("reading plans to export"))?;
            let loaded = load::batch(&mut tx, batch).await?;
            tx.commit()
                .await
                .map_err(StoreError::db("reading plans to export"))?;
            loaded
        };
        for l in loaded {
            let code = l.tree.plan.code.to_string();
            let (data, mut notes) = budget::of(store, actor, &l).await?;
            let tree = data.as_ref().map_or(&l.tree, |d| &d.0);
            let exported = map_out(&ExportInput {
                tree,
                identifier: l.identifier.as_deref(),
                budget: data.as_ref().map(|d| &d.1),
                roles: &l.roles,
                sector: None,
                updated: l.updated,
            });
            let mut activity = exported.activity;
            notes.extend(exported.notes);
            if data.is_none() {
                activity.budgets = budget::kept(&l.budgets, &mut notes);
            }
            if !l.dates.is_empty() {
                let has_start = l.dates.iter().any(|d| {
                    matches!(d.kind, Some(DateKind::PlannedStart | DateKind::ActualStart))
                });
                let mut dates = l.dates.clone();
                if !has_start {
                    dates.extend(
                        activity
                            .dates
                            .iter()
                            .filter(|d| d.kind == Some(DateKind::PlannedStart))
                            .cloned(),
                    );
                }
                activity.dates = dates;
            }
            match w.activity(&activity) {
                Ok(()) => report.written += 1,
                Err(WriteError::Incomplete { what, .. }) => {
                    report
                        .refused
                        .push((code.clone(), format!("it lacks {what}")));
                }
                Err(e) => return Err(e.into()),
            }
            report
                .notes
                .extend(notes.into_iter().map(|note| (code.clone(), note)));
        }
        progress((n * BATCH + batch.len()).min(ids.len()), ids.len());
    }
    let counted = w.finish()?;
    report.bytes = counted.bytes;
    Ok(report)
}

/// Every plan in the actor's scope, by code.
async fn all_plans(store: &Store, actor: &Actor) -> StoreResult<Vec<PlanId>> {
    let sql = format!(
        "SELECT p.id FROM plans p WHERE {} ORDER BY p.code",
        read_scope(actor)
    );
    let rows = sqlx::query(&sql)
        .bind(scope_org(actor))
        .fetch_all(&store.pool)
        .await
        .map_err(StoreError::db("listing plans to export"))?;
    rows.iter()
        .map(|r| crate::codec::id(&r.text("id")?))
        .collect()
}

/// Counts the bytes written through it.
struct Counting<W> {
    out: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

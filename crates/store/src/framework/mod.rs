//! Changing a plan's results framework record by record: milestones, activities (and further
//! instances of a repeatable one), result nodes, indicators, their targets and actuals, and
//! risks. Every write runs in one transaction that checks the actor's scope and role, locks the
//! plan against concurrent structural changes, refuses a stale version, records its audit entry
//! with the value before and after, and — for a **material** change (the framework or the
//! timeline; not actuals, statuses or risks, SPEC §6) — raises `plans.framework_version`, which
//! clears the plan's endorsement.

pub mod activities;
mod activity_input;
mod indicator_input;
pub mod indicators;
mod input;
pub mod instances;
pub mod milestones;
pub mod new_plan;
mod order;
pub mod results;
pub mod risks;
mod snapshot;
pub mod values;

pub use input::{LeadInput, ParentRef};

/// Finding a record of a loaded plan the way a client names it: a milestone by id, key or
/// number; an activity by id, key or display number (`24.2`); an indicator by id or code; a
/// period by label (`Q3`) or id; other records by id.
pub mod find {
    pub use super::input::{activity, indicator, milestone, period, result, risk};
}

use crate::StoreResult;
use crate::audit;
use crate::codec::now;
use crate::connect::Store;
use crate::error::StoreError;
use crate::plans::{access_with, require};
use crate::rows::{Arg, Get};
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::ids::PlanId;
use handover_core::plan::PlanTree;
use serde::Serialize;
use sqlx::any::AnyArguments;
use sqlx::{Any, Arguments, Transaction};

/// The plan's framework version: 1 when made, raised by every material change.
pub async fn framework_version(store: &Store, actor: &Actor, plan: PlanId) -> StoreResult<i64> {
    crate::plans::access(store, actor, plan).await?;
    let row = sqlx::query("SELECT framework_version FROM plans WHERE id = $1")
        .bind(plan.to_string())
        .fetch_one(&store.pool)
        .await
        .map_err(StoreError::db("reading a plan"))?;
    row.int("framework_version")
}

/// One write to a plan in progress: its transaction, the actor, and the plan as it stands.
pub(crate) struct Write<'a> {
    tx: Transaction<'static, Any>,
    actor: &'a Actor,
    pub(crate) plan: PlanId,
    pub(crate) tree: PlanTree,
    pub(crate) access: Access,
    material: bool,
}

impl<'a> Write<'a> {
    /// Starts a write: checks the scope (`NotFound` outside it) and that the actor has at least
    /// `need`, locks the plan's row so structural changes to one plan queue, and reads the plan.
    pub(crate) async fn begin(
        store: &Store,
        actor: &'a Actor,
        plan: PlanId,
        need: Access,
        doing: &str,
    ) -> StoreResult<Self> {
        let mut tx = store
            .pool
            .begin()
            .await
            .map_err(StoreError::db("starting a transaction"))?;
        let (access, _) = access_with(&mut *tx, actor, plan).await?;
        require(access, need, doing)?;
        sqlx::query("UPDATE plans SET updated_at = $1 WHERE id = $2")
            .bind(now())
            .bind(plan.to_string())
            .execute(&mut *tx)
            .await
            .map_err(StoreError::db("locking a plan"))?;
        let tree = crate::plans::tree_in(&mut tx, plan).await?;
        Ok(Self {
            tx,
            actor,
            plan,
            tree,
            access,
            material: false,
        })
    }

    /// Runs one statement; the number of rows it touched.
    pub(crate) async fn exec(&mut self, sql: &str, values: Vec<Arg>) -> StoreResult<u64> {
        let mut args = AnyArguments::default();
        for v in values {
            let r = match v {
                Arg::Text(t) => args.add(t),
                Arg::Int(n) => args.add(n),
            };
            r.map_err(|e| StoreError::Corrupt(format!("binding a value: {e}")))?;
        }
        let done = sqlx::query_with(sql, args)
            .execute(&mut *self.tx)
            .await
            .map_err(StoreError::db("changing a plan's framework"))?;
        Ok(done.rows_affected())
    }

    /// Runs an `UPDATE … WHERE id = … AND version = …`; no row touched means someone else
    /// changed the record first.
    pub(crate) async fn update_checked(
        &mut self,
        sql: &str,
        values: Vec<Arg>,
        what: &str,
        expected: i64,
    ) -> StoreResult<()> {
        if self.exec(sql, values).await? == 0 {
            return Err(StoreError::Stale(what.to_owned(), expected, expected + 1));
        }
        Ok(())
    }

    /// Marks the write as a material change (framework or timeline).
    pub(crate) fn material(&mut self) {
        self.material = true;
    }

    /// Records the change in the audit trail, in this transaction.
    pub(crate) async fn audit<B: Serialize, A: Serialize>(
        &mut self,
        action: AuditAction,
        entity: &str,
        entity_id: &str,
        before: Option<&B>,
        after: Option<&A>,
    ) -> StoreResult<()> {
        audit::record(
            &mut self.tx,
            self.actor,
            action,
            entity,
            entity_id,
            Some(self.plan),
            before,
            after,
        )
        .await
    }

    /// The plan re-read inside the transaction, after this write's changes.
    pub(crate) async fn reread(&mut self) -> StoreResult<PlanTree> {
        crate::plans::tree_in(&mut self.tx, self.plan).await
    }

    /// Raises the framework version when the change was material, and commits.
    pub(crate) async fn commit(mut self) -> StoreResult<()> {
        if self.material {
            sqlx::query("UPDATE plans SET framework_version = framework_version + 1 WHERE id = $1")
                .bind(self.plan.to_string())
                .execute(&mut *self.tx)
                .await
                .map_err(StoreError::db("raising the framework version"))?;
        }
        self.tx
            .commit()
            .await
            .map_err(StoreError::db("saving a change to a plan"))
    }

    /// The transaction, for helpers that read or write through it.
    pub(crate) fn tx(&mut self) -> &mut Transaction<'static, Any> {
        &mut self.tx
    }
}

/// Refuses a write whose expected version is not the record's current one.
pub(crate) fn check_version(what: &str, expected: i64, current: i64) -> StoreResult<()> {
    if expected == current {
        Ok(())
    } else {
        Err(StoreError::Stale(what.to_owned(), expected, current))
    }
}

/// A record of the plan that is not there: `NotFound` naming it as the caller wrote it.
pub(crate) fn missing(kind: &str, reference: &str) -> StoreError {
    StoreError::NotFound(format!("{kind} `{reference}`"))
}

/// Writes ids as SQL placeholders from `$start`, with their values.
pub(crate) fn id_list<T: ToString>(ids: &[T], start: usize) -> (String, Vec<Arg>) {
    let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", start + i)).collect();
    let values = ids.iter().map(|i| Arg::from(i.to_string())).collect();
    (marks.join(", "), values)
}

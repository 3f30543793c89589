//! One partnership read or write in progress: its transaction, the actor, the scope check
//! (a partnership exists only for its current member organisations, SPEC §14), the role check,
//! statements bound from [`Arg`]s, versioned updates and the audit entry — all in the same
//! transaction.

use super::PartnershipId;
use super::refs::OrgRef;
use crate::StoreResult;
use crate::audit;
use crate::codec::date;
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::{Arg, Get};
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use serde::Serialize;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::{Any, AnyConnection, Arguments, Transaction};

/// A transaction acting for one actor.
pub(crate) struct Tx<'a> {
    tx: Transaction<'static, Any>,
    actor: &'a Actor,
}

/// Binds values for one statement.
fn bind(values: Vec<Arg>) -> StoreResult<AnyArguments<'static>> {
    let mut args = AnyArguments::default();
    for v in values {
        let r = match v {
            Arg::Text(t) => args.add(t),
            Arg::Int(n) => args.add(n),
        };
        r.map_err(|e| StoreError::Corrupt(format!("binding a value: {e}")))?;
    }
    Ok(args)
}

/// Today's date as stored (`YYYY-MM-DD`, UTC).
pub(crate) fn today() -> String {
    date(time::OffsetDateTime::now_utc().date())
}

/// The SQL condition keeping partnerships (aliased `p`) inside the actor's scope: `$org` is
/// bound to the actor's organisation and `$today` to today's date.
pub(crate) fn scope_sql(actor: &Actor, org: usize, today: usize) -> String {
    if actor.reads_everything() {
        format!("(${org} = ${org} AND ${today} = ${today})")
    } else {
        format!(
            "EXISTS (SELECT 1 FROM partnership_members sm WHERE sm.partnership_id = p.id \
             AND sm.organisation_id = ${org} AND (sm.left_on IS NULL OR sm.left_on > ${today}))"
        )
    }
}

/// The value bound to the organisation of [`scope_sql`].
pub(crate) fn scope_org(actor: &Actor) -> String {
    actor.org().map(|o| o.to_string()).unwrap_or_default()
}

/// A `NotFound` naming a record as the caller wrote it.
pub(crate) fn missing(kind: &str, reference: impl std::fmt::Display) -> StoreError {
    StoreError::NotFound(format!("{kind} `{reference}`"))
}

/// Refuses a write whose expected version is not the record's current one.
pub(crate) fn check_version(what: &str, expected: i64, current: i64) -> StoreResult<()> {
    if expected == current {
        Ok(())
    } else {
        Err(StoreError::Stale(what.to_owned(), expected, current))
    }
}

impl<'a> Tx<'a> {
    /// Starts a transaction for `actor`.
    pub(crate) async fn begin(store: &Store, actor: &'a Actor) -> StoreResult<Self> {
        let tx = store
            .pool
            .begin()
            .await
            .map_err(StoreError::db("starting a transaction"))?;
        Ok(Self { tx, actor })
    }

    /// The actor.
    pub(crate) fn actor(&self) -> &'a Actor {
        self.actor
    }

    /// The connection, for helpers that read through it.
    pub(crate) fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    /// Runs one statement; the number of rows it touched.
    pub(crate) async fn exec(&mut self, sql: &str, values: Vec<Arg>) -> StoreResult<u64> {
        let done = sqlx::query_with(sql, bind(values)?)
            .execute(&mut *self.tx)
            .await
            .map_err(StoreError::db("saving a partnership record"))?;
        Ok(done.rows_affected())
    }

    /// Every row of a query.
    pub(crate) async fn all(&mut self, sql: &str, values: Vec<Arg>) -> StoreResult<Vec<AnyRow>> {
        sqlx::query_with(sql, bind(values)?)
            .fetch_all(&mut *self.tx)
            .await
            .map_err(StoreError::db("reading partnership records"))
    }

    /// The first row of a query, if any.
    pub(crate) async fn one(&mut self, sql: &str, values: Vec<Arg>) -> StoreResult<Option<AnyRow>> {
        sqlx::query_with(sql, bind(values)?)
            .fetch_optional(&mut *self.tx)
            .await
            .map_err(StoreError::db("reading a partnership record"))
    }

    /// Runs an `UPDATE`/`DELETE … AND version = …`; no row touched means someone else changed
    /// the record first.
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

    /// Records the change in the audit trail, in this transaction.
    pub(crate) async fn audit<B: Serialize, A: Serialize>(
        &mut self,
        action: AuditAction,
        entity: &str,
        entity_id: impl std::fmt::Display,
        before: Option<&B>,
        after: Option<&A>,
    ) -> StoreResult<()> {
        let id = entity_id.to_string();
        audit::record(
            &mut self.tx,
            self.actor,
            action,
            entity,
            &id,
            None,
            before,
            after,
        )
        .await
    }

    /// Records a change to a plan's record (the AoC) in the plan's audit trail.
    pub(crate) async fn audit_plan<B: Serialize, A: Serialize>(
        &mut self,
        action: AuditAction,
        entity: &str,
        plan: handover_core::ids::PlanId,
        before: Option<&B>,
        after: Option<&A>,
    ) -> StoreResult<()> {
        let id = plan.to_string();
        audit::record(
            &mut self.tx,
            self.actor,
            action,
            entity,
            &id,
            Some(plan),
            before,
            after,
        )
        .await
    }

    /// What the actor may do with a partnership; `NotFound` outside its scope.
    pub(crate) async fn access(&mut self, partnership: PartnershipId) -> StoreResult<Access> {
        let row = self
            .one(
                "SELECT (SELECT COUNT(*) FROM partnership_members m WHERE m.partnership_id = p.id \
                 AND m.organisation_id = $2 AND (m.left_on IS NULL OR m.left_on > $3)) AS is_member \
                 FROM partnerships p WHERE p.id = $1",
                crate::rows::row![partnership.to_string(), scope_org(self.actor), today()],
            )
            .await?;
        let Some(r) = row else {
            return Err(missing("partnership", partnership));
        };
        let access = self.actor.plan_access(r.int("is_member")? > 0, false);
        if access == Access::None {
            return Err(missing("partnership", partnership));
        }
        Ok(access)
    }

    /// Checks the scope (`NotFound` outside it) and that the actor has at least `need`
    /// (`Forbidden` inside it).
    pub(crate) async fn require(
        &mut self,
        partnership: PartnershipId,
        need: Access,
        doing: &str,
    ) -> StoreResult<Access> {
        let have = self.access(partnership).await?;
        if have >= need {
            return Ok(have);
        }
        let who = match need {
            Access::Edit => "an editor or administrator of a member organisation",
            Access::Report => "a reporter, editor or administrator of a member organisation",
            _ => "a member organisation",
        };
        Err(StoreError::Forbidden(format!(
            "{doing} needs {who} of the partnership"
        )))
    }

    /// An organisation of the directory by code or id, read in this transaction.
    pub(crate) async fn org(&mut self, code_or_id: &str) -> StoreResult<Option<OrgRef>> {
        let r = self
            .one(
                "SELECT id, code, name FROM organisations WHERE code = $1 OR id = $1",
                crate::rows::row![code_or_id.trim()],
            )
            .await?;
        r.map(|r| OrgRef::from_row(&r, "")).transpose()
    }

    /// Inserts rows with batched multi-row statements.
    pub(crate) async fn insert_rows(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: Vec<Vec<Arg>>,
    ) -> StoreResult<()> {
        crate::rows::insert_rows(&mut self.tx, table, columns, rows).await
    }

    /// Commits.
    pub(crate) async fn commit(self) -> StoreResult<()> {
        self.tx
            .commit()
            .await
            .map_err(StoreError::db("saving a partnership record"))
    }
}

//! The audit trail: one entry per change (per imported record of substance for bulk writes),
//! written in the same transaction as the change, and read back per plan or per record.

use crate::StoreResult;
use crate::codec::{self, from_json, json};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::Get;
use handover_core::actor::Actor;
use handover_core::audit::{AuditAction, AuditEntry};
use handover_core::ids::{AuditId, PlanId};
use serde::Serialize;
use sqlx::{Any, Transaction};

/// Records one change inside the caller's transaction.
#[expect(
    clippy::too_many_arguments,
    reason = "an audit entry has this many parts"
)]
pub(crate) async fn record<B: Serialize, A: Serialize>(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    action: AuditAction,
    entity: &str,
    entity_id: &str,
    plan_id: Option<PlanId>,
    before: Option<&B>,
    after: Option<&A>,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, plan_id, before, after) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(AuditId::new().to_string())
    .bind(codec::now())
    .bind(actor.label())
    .bind(action.as_str())
    .bind(entity)
    .bind(entity_id)
    .bind(plan_id.map(|p| p.to_string()))
    .bind(before.map(|b| json(b)))
    .bind(after.map(|a| json(a)))
    .execute(&mut **tx)
    .await
    .map_err(StoreError::db("recording the change in the audit trail"))?;
    Ok(())
}

/// Which audit entries to read.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub plan: Option<PlanId>,
    pub entity_id: Option<String>,
    pub actor: Option<String>,
    /// RFC 3339 or a date; entries at or after.
    pub since: Option<String>,
    /// RFC 3339 or a date; entries before.
    pub until: Option<String>,
    pub limit: Option<i64>,
}

/// Reads audit entries, newest first. A plan's entries need read access to the plan; the
/// whole trail (no plan) is the operator's.
pub async fn list(store: &Store, actor: &Actor, f: &AuditFilter) -> StoreResult<Vec<AuditEntry>> {
    match f.plan {
        Some(p) => {
            crate::plans::access(store, actor, p).await?;
        }
        None if !actor.is_operator() => {
            return Err(StoreError::Forbidden(
                "only the operator reads the whole audit trail; name a plan".into(),
            ));
        }
        None => {}
    }
    let mut sql = String::from(
        "SELECT id, at, actor, action, entity, entity_id, plan_id, before, after FROM audit_log WHERE 1 = 1",
    );
    let mut binds: Vec<String> = vec![];
    let mut add = |cond: &str, v: String, sql: &mut String| {
        binds.push(v);
        sql.push_str(&format!(" AND {cond} ${}", binds.len()));
    };
    if let Some(p) = f.plan {
        add("plan_id =", p.to_string(), &mut sql);
    }
    if let Some(e) = &f.entity_id {
        add("entity_id =", e.clone(), &mut sql);
    }
    if let Some(a) = &f.actor {
        add("actor =", a.clone(), &mut sql);
    }
    if let Some(s) = &f.since {
        add("at >=", s.clone(), &mut sql);
    }
    if let Some(u) = &f.until {
        add("at <", u.clone(), &mut sql);
    }
    sql.push_str(&format!(
        " ORDER BY at DESC, id DESC LIMIT {}",
        f.limit.unwrap_or(1000).clamp(1, 100_000)
    ));
    let mut q = sqlx::query(&sql);
    for b in binds {
        q = q.bind(b);
    }
    let rows = q
        .fetch_all(&store.pool)
        .await
        .map_err(StoreError::db("reading the audit trail"))?;
    rows.iter()
        .map(|r| {
            Ok(AuditEntry {
                id: codec::id(&r.text("id")?)?,
                at: codec::parse_ts(&r.text("at")?)?,
                actor: r.text("actor")?,
                action: match r.text("action")?.as_str() {
                    "create" => AuditAction::Create,
                    "update" => AuditAction::Update,
                    "delete" => AuditAction::Delete,
                    _ => AuditAction::Import,
                },
                entity: r.text("entity")?,
                entity_id: r.text("entity_id")?,
                plan_id: r.opt_text("plan_id")?.map(|p| codec::id(&p)).transpose()?,
                before: r
                    .opt_text("before")?
                    .map(|b| from_json(&b, "audit before"))
                    .transpose()?,
                after: r
                    .opt_text("after")?
                    .map(|a| from_json(&a, "audit after"))
                    .transpose()?,
            })
        })
        .collect()
}

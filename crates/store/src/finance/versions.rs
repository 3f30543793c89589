//! Budget versions: the plan's cost lines frozen under a name, never changed afterwards — the
//! AoC baseline (activity 7), the handover revision (activity 25), or any other. Freezing is
//! not material: it records the budget, it does not change it.

use super::decode::{self, fetch, purpose};
use crate::StoreResult;
use crate::codec::{self, from_json, json, now, parse_ts};
use crate::connect::Store;
use crate::error::StoreError;
use crate::framework::{Write, missing};
use crate::plans::access_with;
use crate::rows::{Get, row};
use handover_core::Invalid;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::finance::version::{BudgetVersion, VersionPurpose};
use handover_core::ids::{BudgetVersionId, PlanId};
use serde::Serialize;
use sqlx::AnyConnection;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

/// A frozen version without its lines.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VersionSummary {
    pub id: BudgetVersionId,
    pub number: i64,
    pub name: String,
    pub purpose: VersionPurpose,
    /// Who froze it, as the audit trail names actors.
    pub frozen_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub frozen_at: OffsetDateTime,
    /// How many cost lines it holds.
    pub lines: usize,
}

/// Freezes the plan's current cost lines under `name`; an AoC baseline or a handover revision
/// is also recorded on the plan's Agreement of Cooperation.
pub async fn freeze(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    name: &str,
    purpose: VersionPurpose,
) -> StoreResult<BudgetVersion> {
    let mut w = Write::begin(
        store,
        actor,
        plan,
        Access::Edit,
        "freezing a budget version",
    )
    .await?;
    let name = name.trim();
    if name.is_empty() {
        return Err(Invalid::one("name", "give the version a name").into());
    }
    let order = decode::order(&w.tree);
    let default = decode::aoc_activity(&w.tree);
    let existing = summaries(w.tx(), plan).await?;
    if let Some(v) = existing.iter().find(|v| v.name == name) {
        return Err(Invalid::one(
            "name",
            format!(
                "version {} is already named `{name}`: choose another name",
                v.number
            ),
        )
        .into());
    }
    let lines = decode::lines(w.tx(), plan, &order).await?;
    if lines.is_empty() {
        return Err(Invalid::one(
            "lines",
            "the budget has no cost lines yet: add them before freezing a version",
        )
        .into());
    }
    let at = now();
    let version = BudgetVersion {
        id: BudgetVersionId::new(),
        plan_id: plan,
        number: existing.iter().map(|v| v.number).max().unwrap_or(0) + 1,
        name: name.to_owned(),
        purpose,
        frozen_by: actor.label(),
        frozen_at: parse_ts(&at)?,
        lines,
    };
    w.exec(
        "INSERT INTO budget_versions (id, plan_id, number, name, purpose, frozen_by, frozen_at, line_count, lines) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        row![
            version.id.to_string(),
            plan.to_string(),
            version.number,
            version.name.clone(),
            purpose.as_str(),
            version.frozen_by.clone(),
            at,
            i64::try_from(version.lines.len()).unwrap_or(i64::MAX),
            json(&version.lines),
        ],
    )
    .await?;
    w.audit(
        AuditAction::Create,
        "budget_version",
        &version.id.to_string(),
        None::<&()>,
        Some(&version),
    )
    .await?;
    if purpose != VersionPurpose::Revision {
        let before = decode::aoc(w.tx(), plan, default).await?;
        let mut after = before.clone();
        if purpose == VersionPurpose::AocBaseline {
            after.baseline = Some(version.id);
        } else {
            after.handover_revision = Some(version.id);
        }
        super::aoc::write(&mut w, &before, &mut after).await?;
    }
    w.commit().await?;
    Ok(version)
}

/// The plan's versions, by number.
pub async fn list(store: &Store, actor: &Actor, plan: PlanId) -> StoreResult<Vec<VersionSummary>> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    access_with(&mut *tx, actor, plan).await?;
    let out = summaries(&mut tx, plan).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("reading budget versions"))?;
    Ok(out)
}

/// One version by id, number or name, with its lines.
pub async fn get(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    version: &str,
) -> StoreResult<BudgetVersion> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    access_with(&mut *tx, actor, plan).await?;
    let r = version.trim();
    let rows = fetch(
        &mut tx,
        "SELECT * FROM budget_versions WHERE plan_id = $1 ORDER BY number",
        plan.to_string(),
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("reading budget versions"))?;
    let mut found = None;
    for row in &rows {
        let id = row.text("id")?;
        if id == r.to_lowercase() || row.int("number")?.to_string() == r || row.text("name")? == r {
            found = Some(row);
            break;
        }
    }
    let row = found.ok_or_else(|| missing("budget version", version))?;
    let s = summary_from(row)?;
    Ok(BudgetVersion {
        id: s.id,
        plan_id: plan,
        number: s.number,
        name: s.name,
        purpose: s.purpose,
        frozen_by: s.frozen_by,
        frozen_at: s.frozen_at,
        lines: from_json(&row.text("lines")?, "budget version lines")?,
    })
}

fn summary_from(r: &AnyRow) -> StoreResult<VersionSummary> {
    Ok(VersionSummary {
        id: codec::id(&r.text("id")?)?,
        number: r.int("number")?,
        name: r.text("name")?,
        purpose: purpose(&r.text("purpose")?)?,
        frozen_by: r.text("frozen_by")?,
        frozen_at: parse_ts(&r.text("frozen_at")?)?,
        lines: usize::try_from(r.int("line_count")?).unwrap_or_default(),
    })
}

/// The plan's versions by number, read through `conn`.
pub(super) async fn summaries(
    conn: &mut AnyConnection,
    plan: PlanId,
) -> StoreResult<Vec<VersionSummary>> {
    fetch(
        conn,
        "SELECT id, number, name, purpose, frozen_by, frozen_at, line_count FROM budget_versions \
         WHERE plan_id = $1 ORDER BY number",
        plan.to_string(),
    )
    .await?
    .iter()
    .map(summary_from)
    .collect()
}

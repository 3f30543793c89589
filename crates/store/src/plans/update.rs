//! Changing a plan: each write checks the actor's scope and role and the record's version in
//! its own transaction, records the value before and after, and refuses stale versions.

use super::{access_with, require};
use crate::StoreResult;
use crate::audit;
use crate::codec::{self, json, now};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::Get;
use handover_core::Invalid;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::ids::{ActivityId, PlanId};
use handover_core::plan::{Activity, Plan, ProgressStatus, StatusChange};
use handover_core::text::Text;

/// Changes to a plan's header; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct PlanChange {
    pub name: Option<Text>,
    pub report_due_days: Option<u16>,
}

/// Changes a plan's header if `expected_version` is still current.
pub async fn update_plan(
    store: &Store,
    actor: &Actor,
    plan_id: PlanId,
    expected_version: i64,
    change: PlanChange,
) -> StoreResult<Plan> {
    if change.name.as_ref().is_some_and(Text::is_empty) {
        return Err(Invalid::one("name", "the plan's name cannot be empty").into());
    }
    if change.report_due_days.is_some_and(|d| d > 365) {
        return Err(Invalid::one(
            "report_due_days",
            "a report is due at most 365 days after its quarter",
        )
        .into());
    }
    let before = super::load(store, actor, plan_id).await?.plan;
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let (have, current) = access_with(&mut *tx, actor, plan_id).await?;
    require(have, Access::Edit, "changing a plan")?;
    if current != expected_version {
        return Err(StoreError::Stale(
            format!("plan `{}`", before.code),
            expected_version,
            current,
        ));
    }
    let after = Plan {
        name: change.name.unwrap_or_else(|| before.name.clone()),
        report_due_days: change.report_due_days.unwrap_or(before.report_due_days),
        version: current + 1,
        ..before.clone()
    };
    // A change of nothing (an empty PATCH) raises no version and leaves no audit entry.
    if after.name == before.name && after.report_due_days == before.report_due_days {
        return Ok(before);
    }
    let done = sqlx::query("UPDATE plans SET name = $1, report_due_days = $2, version = $3, updated_at = $4 WHERE id = $5 AND version = $6")
        .bind(json(&after.name))
        .bind(i64::from(after.report_due_days))
        .bind(after.version)
        .bind(now())
        .bind(plan_id.to_string())
        .bind(current)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("changing a plan"))?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Stale(
            format!("plan `{}`", before.code),
            expected_version,
            current + 1,
        ));
    }
    audit::record(
        &mut tx,
        actor,
        AuditAction::Update,
        "plan",
        &plan_id.to_string(),
        Some(plan_id),
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await.map_err(StoreError::db("saving a plan"))?;
    Ok(after)
}

/// Sets an activity's progress status, keeping its history. Moving past "not started" records
/// the actual start quarter, reaching "completed" the actual end quarter, when not yet set.
pub async fn set_activity_status(
    store: &Store,
    actor: &Actor,
    activity_id: ActivityId,
    expected_version: i64,
    status: ProgressStatus,
    note: Option<String>,
) -> StoreResult<Activity> {
    let row = sqlx::query("SELECT plan_id FROM activities WHERE id = $1")
        .bind(activity_id.to_string())
        .fetch_optional(&store.pool)
        .await
        .map_err(StoreError::db("finding an activity"))?
        .ok_or_else(|| StoreError::NotFound(format!("activity {activity_id}")))?;
    let plan_id: PlanId = codec::id(&row.text("plan_id")?)?;
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let (have, _) = access_with(&mut *tx, actor, plan_id)
        .await
        .map_err(|_| StoreError::NotFound(format!("activity {activity_id}")))?;
    require(have, Access::Report, "setting an activity's status")?;
    let r = sqlx::query("SELECT * FROM activities WHERE id = $1")
        .bind(activity_id.to_string())
        .fetch_one(&mut *tx)
        .await
        .map_err(StoreError::db("reading an activity"))?;
    let before = super::read::activity_from(&r, plan_id)?;
    if before.version != expected_version {
        return Err(StoreError::Stale(
            format!("activity {}", before.display_number()),
            expected_version,
            before.version,
        ));
    }
    if before.status == status {
        return Ok(before);
    }
    let today = time::OffsetDateTime::now_utc().date();
    let quarter = sqlx::query(
        "SELECT seq FROM periods WHERE plan_id = $1 AND start_date <= $2 AND end_date >= $2",
    )
    .bind(plan_id.to_string())
    .bind(codec::date(today))
    .fetch_optional(&mut *tx)
    .await
    .map_err(StoreError::db("reading the calendar"))?
    .map(|r| r.int("seq"))
    .transpose()?
    .map(|q| q as u16);
    let mut after = Activity {
        status,
        version: before.version + 1,
        ..before.clone()
    };
    if status > ProgressStatus::NotStarted && after.actual_start.is_none() {
        after.actual_start = quarter;
    }
    if status == ProgressStatus::Completed && after.actual_end.is_none() {
        after.actual_end = quarter;
    }
    let done = sqlx::query("UPDATE activities SET status = $1, actual_start = $2, actual_end = $3, version = $4 WHERE id = $5 AND version = $6")
        .bind(status.as_str())
        .bind(after.actual_start.map(i64::from))
        .bind(after.actual_end.map(i64::from))
        .bind(after.version)
        .bind(activity_id.to_string())
        .bind(before.version)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("setting an activity's status"))?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Stale(
            format!("activity {}", before.display_number()),
            expected_version,
            before.version + 1,
        ));
    }
    sqlx::query("INSERT INTO activity_status_history (id, plan_id, activity_id, from_status, to_status, at, by_actor, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(plan_id.to_string())
        .bind(activity_id.to_string())
        .bind(before.status.as_str())
        .bind(status.as_str())
        .bind(now())
        .bind(actor.label())
        .bind(note)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("recording the status history"))?;
    audit::record(
        &mut tx,
        actor,
        AuditAction::Update,
        "activity",
        &activity_id.to_string(),
        Some(plan_id),
        Some(&before),
        Some(&after),
    )
    .await?;
    // Starting the handover review moves the plan to "handing over".
    crate::cycle::refresh_status(&mut tx, actor, plan_id).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving an activity"))?;
    Ok(after)
}

/// An activity's status history, oldest first, if the actor may read its plan.
pub async fn status_history(
    store: &Store,
    actor: &Actor,
    activity_id: ActivityId,
) -> StoreResult<Vec<StatusChange>> {
    let row = sqlx::query("SELECT plan_id FROM activities WHERE id = $1")
        .bind(activity_id.to_string())
        .fetch_optional(&store.pool)
        .await
        .map_err(StoreError::db("finding an activity"))?
        .ok_or_else(|| StoreError::NotFound(format!("activity {activity_id}")))?;
    let plan_id: PlanId = codec::id(&row.text("plan_id")?)?;
    super::access(store, actor, plan_id)
        .await
        .map_err(|_| StoreError::NotFound(format!("activity {activity_id}")))?;
    let rows =
        sqlx::query("SELECT * FROM activity_status_history WHERE activity_id = $1 ORDER BY at, id")
            .bind(activity_id.to_string())
            .fetch_all(&store.pool)
            .await
            .map_err(StoreError::db("reading a status history"))?;
    rows.iter()
        .map(|r| {
            Ok(StatusChange {
                activity_id,
                from: codec::parsed(ProgressStatus::parse(&r.text("from_status")?))?,
                to: codec::parsed(ProgressStatus::parse(&r.text("to_status")?))?,
                at: codec::parse_ts(&r.text("at")?)?,
                by: r.text("by_actor")?,
                note: r.opt_text("note")?,
            })
        })
        .collect()
}

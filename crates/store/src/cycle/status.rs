//! Moving the stored plan status forward when its situation allows (never backwards): after an
//! endorsement, an activity status change, a handover confirmation, and when a plan is read
//! after its start date has passed.

use crate::StoreResult;
use crate::audit;
use crate::codec::{self, now};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::Get;
use handover_core::actor::Actor;
use handover_core::audit::AuditAction;
use handover_core::endorsement::{Situation, status_now};
use handover_core::ids::PlanId;
use handover_core::plan::PlanStatus;
use sqlx::{Any, Transaction};

/// The situation of a plan as stored.
pub(crate) async fn situation(
    tx: &mut Transaction<'_, Any>,
    plan: PlanId,
) -> StoreResult<Situation> {
    let pid = plan.to_string();
    let p = sqlx::query("SELECT status, start_date, framework_version FROM plans WHERE id = $1")
        .bind(&pid)
        .fetch_one(&mut **tx)
        .await
        .map_err(StoreError::db("reading a plan's status"))?;
    let framework_version = p.int("framework_version")?;
    let counts = sqlx::query(
        "SELECT \
         (SELECT COUNT(*) FROM plan_parties WHERE plan_id = $1) AS parties, \
         (SELECT COUNT(DISTINCT organisation_id) FROM endorsements e WHERE e.plan_id = $1 AND e.framework_version = $2 \
            AND e.organisation_id IN (SELECT organisation_id FROM plan_parties WHERE plan_id = $1)) AS signed, \
         (SELECT COUNT(*) FROM activities WHERE plan_id = $1 AND key = 'handover_review' AND status <> 'not_started') AS review_started, \
         (SELECT COUNT(*) FROM handover_items WHERE plan_id = $1) AS items, \
         (SELECT COUNT(*) FROM handover_items WHERE plan_id = $1 AND owner_confirmed_at IS NOT NULL AND partner_confirmed_at IS NOT NULL) AS confirmed",
    )
    .bind(&pid)
    .bind(framework_version)
    .fetch_one(&mut **tx)
    .await
    .map_err(StoreError::db("reading a plan's situation"))?;
    let parties = counts.int("parties")?;
    let items = counts.int("items")?;
    Ok(Situation {
        status: codec::parsed(PlanStatus::parse(&p.text("status")?))?,
        endorsed: parties > 0 && counts.int("signed")? == parties,
        start: codec::parse_date(&p.text("start_date")?)?,
        today: time::OffsetDateTime::now_utc().date(),
        handover_review_started: counts.int("review_started")? > 0,
        handover_complete: items > 0 && counts.int("confirmed")? == items,
    })
}

/// Moves the plan's stored status to where its situation allows, inside the caller's
/// transaction; the move is audited as made by `actor`. Returns the status now.
pub async fn refresh_status(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    plan: PlanId,
) -> StoreResult<PlanStatus> {
    let s = situation(tx, plan).await?;
    let next = status_now(s);
    if next != s.status {
        sqlx::query(
            "UPDATE plans SET status = $1, version = version + 1, updated_at = $2 WHERE id = $3",
        )
        .bind(next.as_str())
        .bind(now())
        .bind(plan.to_string())
        .execute(&mut **tx)
        .await
        .map_err(StoreError::db("moving a plan's status"))?;
        audit::record(
            tx,
            actor,
            AuditAction::Update,
            "plan_status",
            &plan.to_string(),
            Some(plan),
            Some(&serde_json::json!({"status": s.status})),
            Some(&serde_json::json!({"status": next})),
        )
        .await?;
    }
    Ok(next)
}

/// Refreshes one plan's status in its own transaction (after dates pass, for instance).
pub async fn refresh(store: &Store, actor: &Actor, plan: PlanId) -> StoreResult<PlanStatus> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let status = refresh_status(&mut tx, actor, plan).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving a plan's status"))?;
    Ok(status)
}

//! Reads and the one status move of the plan overview and endorsement pages: where the plan's
//! stored status stands against the furthest its situation allows (SPEC §6), and the move
//! forward to it by an editor or administrator of a party.

use crate::StoreResult;
use crate::connect::Store;
use crate::cycle::status::{refresh_status, situation};
use crate::error::StoreError;
use crate::plans::{access_with, require};
use handover_core::Invalid;
use handover_core::actor::{Access, Actor};
use handover_core::endorsement::status_now;
use handover_core::ids::PlanId;
use handover_core::plan::PlanStatus;

/// A plan's status and the status its situation allows now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusOutlook {
    /// The stored status.
    pub status: PlanStatus,
    /// The furthest status the plan's situation allows today (equal to `status` when no move
    /// is due).
    pub allowed: PlanStatus,
    /// What the actor may do with the plan.
    pub access: Access,
}

/// The plan's stored status, the status it may move to now, and the actor's access; for
/// anyone who can read the plan.
pub async fn status_outlook(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
) -> StoreResult<StatusOutlook> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let (access, _) = access_with(&mut *tx, actor, plan).await?;
    let s = situation(&mut tx, plan).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("reading a plan's status"))?;
    Ok(StatusOutlook {
        status: s.status,
        allowed: status_now(s),
        access,
    })
}

/// Moves the plan's stored status forward to `to`, which must be the status its situation
/// allows now (an editor or administrator of a party). A plan already at `to` or beyond stays
/// as it is. Returns the status now.
pub async fn advance_status(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    to: PlanStatus,
) -> StoreResult<PlanStatus> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let (have, _) = access_with(&mut *tx, actor, plan).await?;
    require(have, Access::Edit, "moving a plan's status")?;
    let s = situation(&mut tx, plan).await?;
    if s.status >= to {
        return Ok(s.status);
    }
    let allowed = status_now(s);
    if allowed != to {
        return Err(Invalid::one(
            "status",
            format!(
                "the plan cannot become {} now: its situation allows {}",
                to.as_str(),
                allowed.as_str()
            ),
        )
        .into());
    }
    let now = refresh_status(&mut tx, actor, plan).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving a plan's status"))?;
    Ok(now)
}

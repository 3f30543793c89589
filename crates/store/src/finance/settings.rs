//! A plan's finance settings: the rate type its totals use unless another is chosen. Not
//! material: a change of presentation does not clear the endorsement.

use super::decode;
use crate::StoreResult;
use crate::connect::Store;
use crate::error::StoreError;
use crate::framework::{Write, check_version};
use crate::plans::access_with;
use crate::rows::row;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::finance::RateType;
use handover_core::finance::settings::FinanceSettings;
use handover_core::ids::PlanId;

/// The plan's settings (official rates at version 0 when never set).
pub async fn get(store: &Store, actor: &Actor, plan: PlanId) -> StoreResult<FinanceSettings> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    access_with(&mut *tx, actor, plan).await?;
    let s = decode::settings(&mut tx, plan).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("reading the finance settings"))?;
    Ok(s)
}

/// Sets the plan's default rate type if `expected` is still the settings' version (0 when
/// never set).
pub async fn set(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    expected: i64,
    rate_type: RateType,
) -> StoreResult<FinanceSettings> {
    let mut w = Write::begin(
        store,
        actor,
        plan,
        Access::Edit,
        "changing the finance settings",
    )
    .await?;
    let before = decode::settings(w.tx(), plan).await?;
    check_version("the finance settings", expected, before.version)?;
    if before.rate_type == rate_type {
        return Ok(before);
    }
    let after = FinanceSettings {
        plan_id: plan,
        rate_type,
        version: before.version + 1,
    };
    if before.version == 0 {
        w.exec(
            "INSERT INTO finance_settings (plan_id, rate_type, version) VALUES ($1, $2, 1)",
            row![plan.to_string(), rate_type.as_str()],
        )
        .await?;
    } else {
        w.update_checked(
            "UPDATE finance_settings SET rate_type = $1, version = version + 1 WHERE plan_id = $2 AND version = $3",
            row![rate_type.as_str(), plan.to_string(), expected],
            "the finance settings",
            expected,
        )
        .await?;
    }
    w.audit(
        AuditAction::Update,
        "finance_settings",
        &plan.to_string(),
        Some(&before),
        Some(&after),
    )
    .await?;
    w.commit().await?;
    Ok(after)
}

//! Reads for the audit history page: who has changed a plan (for the filter by user).

use crate::StoreResult;
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::Get;
use handover_core::actor::Actor;
use handover_core::ids::PlanId;

/// Everyone who has changed the plan (as the audit trail writes them: an e-mail address or
/// `operator:<user>`), sorted; for anyone who can read the plan.
pub async fn actors(store: &Store, actor: &Actor, plan: PlanId) -> StoreResult<Vec<String>> {
    crate::plans::access(store, actor, plan).await?;
    sqlx::query("SELECT DISTINCT actor FROM audit_log WHERE plan_id = $1 ORDER BY actor")
        .bind(plan.to_string())
        .fetch_all(&store.pool)
        .await
        .map_err(StoreError::db("reading who changed a plan"))?
        .iter()
        .map(|r| r.text("actor"))
        .collect()
}

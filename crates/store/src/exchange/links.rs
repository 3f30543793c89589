//! Which plan an IATI activity was imported as.

use crate::StoreResult;
use crate::codec;
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::Get;
use handover_core::actor::Actor;
use handover_core::ids::PlanId;

/// The plan the activity `identifier` was imported as; `NotFound` when none was, or when the
/// plan is outside the actor's scope.
pub async fn iati_plan(store: &Store, actor: &Actor, identifier: &str) -> StoreResult<PlanId> {
    let row = sqlx::query("SELECT plan_id FROM iati_links WHERE identifier = $1")
        .bind(identifier.trim().to_owned())
        .fetch_optional(&store.pool)
        .await
        .map_err(StoreError::db("finding an imported activity"))?;
    let missing = || StoreError::NotFound(format!("IATI activity `{identifier}`"));
    let plan: PlanId = codec::id(&row.ok_or_else(missing)?.text("plan_id")?)?;
    match crate::plans::access(store, actor, plan).await {
        Ok(_) => Ok(plan),
        Err(StoreError::NotFound(_)) => Err(missing()),
        Err(e) => Err(e),
    }
}

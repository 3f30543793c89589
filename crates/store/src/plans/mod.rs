//! Plans and everything in them, scoped by the plan's parties (SPEC §14): the owner and its
//! co-owning partners read and write by role, a ministry reads every plan, and for anyone else
//! a plan does not exist.

mod create;
mod read;
mod update;

pub use create::create;
pub use read::{CurrentMilestone, PartyRef, PlanSummary, list, load};
pub(crate) use read::{
    activity_from, indicator_from, milestone_from, result_from, tree_in, value_from,
};
pub use update::{PlanChange, set_activity_status, status_history, update_plan};

use crate::StoreResult;
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::Get;
use handover_core::actor::{Access, Actor};
use handover_core::ids::PlanId;
use sqlx::{Any, Executor};

/// The SQL condition that keeps plans (aliased `p`) inside an actor's read scope; `$1` must be
/// bound to the actor's organisation id (any value for the operator).
pub(crate) fn read_scope(actor: &Actor) -> &'static str {
    if actor.reads_everything() {
        "($1 = $1)"
    } else {
        "(EXISTS (SELECT 1 FROM plan_parties pp WHERE pp.plan_id = p.id AND pp.organisation_id = $1) \
         OR EXISTS (SELECT 1 FROM organisations m WHERE m.id = $1 AND m.ministry = 1))"
    }
}

/// The value bound to `$1` of [`read_scope`].
pub(crate) fn scope_org(actor: &Actor) -> String {
    actor.org().map(|o| o.to_string()).unwrap_or_default()
}

/// What the actor may do with a plan; `NotFound` when the plan is outside its scope.
pub async fn access(store: &Store, actor: &Actor, plan: PlanId) -> StoreResult<Access> {
    access_with(&store.pool, actor, plan).await.map(|(a, _)| a)
}

/// The actor's access and the plan's current version, read through `exec` (a pool or a
/// transaction, so a write checks its scope in its own transaction).
pub(crate) async fn access_with<'e, E: Executor<'e, Database = Any>>(
    exec: E,
    actor: &Actor,
    plan: PlanId,
) -> StoreResult<(Access, i64)> {
    let row = sqlx::query(
        "SELECT p.version, \
         (SELECT COUNT(*) FROM plan_parties pp WHERE pp.plan_id = p.id AND pp.organisation_id = $2) AS is_party, \
         (SELECT COUNT(*) FROM organisations o WHERE o.id = $2 AND o.ministry = 1) AS is_ministry \
         FROM plans p WHERE p.id = $1",
    )
    .bind(plan.to_string())
    .bind(scope_org(actor))
    .fetch_optional(exec)
    .await
    .map_err(StoreError::db("checking access to a plan"))?;
    let Some(r) = row else {
        return Err(StoreError::NotFound(format!("plan {plan}")));
    };
    let access = actor.plan_access(r.int("is_party")? > 0, r.int("is_ministry")? > 0);
    if access == Access::None {
        return Err(StoreError::NotFound(format!("plan {plan}")));
    }
    Ok((access, r.int("version")?))
}

/// Refuses with 403-style `Forbidden` when `have` is below `need`.
pub(crate) fn require(have: Access, need: Access, doing: &str) -> StoreResult<()> {
    if have >= need {
        Ok(())
    } else {
        let role = match need {
            Access::Edit => "an editor or administrator of a party of the plan",
            Access::Report => "a reporter, editor or administrator of a party of the plan",
            _ => "a party of the plan",
        };
        Err(StoreError::Forbidden(format!("{doing} needs {role}")))
    }
}

/// Finds a plan by code or id inside the actor's scope.
pub async fn find(store: &Store, actor: &Actor, code_or_id: &str) -> StoreResult<PlanId> {
    let sql = format!(
        "SELECT p.id FROM plans p WHERE (p.code = $2 OR p.id = $2) AND {}",
        read_scope(actor)
    );
    let row = sqlx::query(&sql)
        .bind(scope_org(actor))
        .bind(code_or_id.trim())
        .fetch_optional(&store.pool)
        .await
        .map_err(StoreError::db("finding a plan"))?;
    match row {
        Some(r) => crate::codec::id(&r.text("id")?),
        None => Err(StoreError::NotFound(format!("plan `{code_or_id}`"))),
    }
}

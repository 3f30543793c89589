//! Endorsement: every party signs off the plan's current framework version (who, when, which
//! version); a material change raises the version, so the plan shows "changes awaiting
//! endorsement" until all sign again. The history is kept.

use super::status::refresh_status;
use crate::StoreResult;
use crate::audit;
use crate::codec;
use crate::connect::Store;
use crate::error::StoreError;
use crate::plans::{access_with, require};
use crate::rows::Get;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::endorsement::{Endorsement, awaiting, endorsed};
use handover_core::ids::{OrgId, PlanId};
use handover_core::plan::PlanStatus;
use serde::Serialize;

/// Where a plan's endorsement stands.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EndorsementState {
    pub plan_id: PlanId,
    pub status: PlanStatus,
    /// The version of the framework (raised by every material change).
    pub framework_version: i64,
    /// Every party has signed the current version.
    pub endorsed: bool,
    /// The plan was endorsed once, has changed since, and awaits new sign-offs.
    pub changes_awaiting_endorsement: bool,
    /// The start date has passed and the plan was never endorsed: it stays a draft.
    pub start_passed_unendorsed: bool,
    /// Parties still to sign the current version.
    pub awaiting: Vec<OrgId>,
    /// Every sign-off ever made, oldest first.
    pub history: Vec<Endorsement>,
}

/// The plan's endorsement state, for anyone who can read the plan.
pub async fn state(store: &Store, actor: &Actor, plan: PlanId) -> StoreResult<EndorsementState> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    access_with(&mut *tx, actor, plan).await?;
    let s = read_state(&mut tx, plan).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("reading endorsements"))?;
    Ok(s)
}

async fn read_state(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    plan: PlanId,
) -> StoreResult<EndorsementState> {
    let pid = plan.to_string();
    let p = sqlx::query("SELECT status, start_date, framework_version FROM plans WHERE id = $1")
        .bind(&pid)
        .fetch_one(&mut **tx)
        .await
        .map_err(StoreError::db("reading a plan"))?;
    let parties: Vec<OrgId> = sqlx::query(
        "SELECT organisation_id FROM plan_parties WHERE plan_id = $1 ORDER BY position",
    )
    .bind(&pid)
    .fetch_all(&mut **tx)
    .await
    .map_err(StoreError::db("reading parties"))?
    .iter()
    .map(|r| codec::id(&r.text("organisation_id")?))
    .collect::<StoreResult<_>>()?;
    let history: Vec<Endorsement> =
        sqlx::query("SELECT * FROM endorsements WHERE plan_id = $1 ORDER BY signed_at, id")
            .bind(&pid)
            .fetch_all(&mut **tx)
            .await
            .map_err(StoreError::db("reading endorsements"))?
            .iter()
            .map(|r| {
                Ok(Endorsement {
                    plan_id: plan,
                    organisation_id: codec::id(&r.text("organisation_id")?)?,
                    framework_version: r.int("framework_version")?,
                    signed_by: r.text("signed_by")?,
                    signed_at: codec::parse_ts(&r.text("signed_at")?)?,
                })
            })
            .collect::<StoreResult<_>>()?;
    let fv = p.int("framework_version")?;
    let status = codec::parsed(PlanStatus::parse(&p.text("status")?))?;
    let is_endorsed = endorsed(&parties, &history, fv);
    let start = codec::parse_date(&p.text("start_date")?)?;
    let today = time::OffsetDateTime::now_utc().date();
    Ok(EndorsementState {
        plan_id: plan,
        status,
        framework_version: fv,
        endorsed: is_endorsed,
        changes_awaiting_endorsement: status > PlanStatus::Draft && !is_endorsed,
        start_passed_unendorsed: status == PlanStatus::Draft && !is_endorsed && start <= today,
        awaiting: awaiting(&parties, &history, fv),
        history,
    })
}

/// Signs off the plan's framework version `framework_version` for the actor's organisation
/// (an editor or administrator of a party). A stale version is refused: the signer must have
/// seen what they sign.
pub async fn endorse(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    framework_version: i64,
) -> StoreResult<EndorsementState> {
    let Actor::Member { org, .. } = actor else {
        return Err(StoreError::Forbidden(
            "a plan is endorsed by a party acting for its organisation (use --as ORG)".into(),
        ));
    };
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let (have, _) = access_with(&mut *tx, actor, plan).await?;
    require(have, Access::Edit, "endorsing a plan")?;
    let current = sqlx::query("SELECT framework_version FROM plans WHERE id = $1")
        .bind(plan.to_string())
        .fetch_one(&mut *tx)
        .await
        .map_err(StoreError::db("reading a plan"))?
        .int("framework_version")?;
    if current != framework_version {
        return Err(StoreError::Stale(
            format!("the plan's framework (version {framework_version})"),
            framework_version,
            current,
        ));
    }
    let already = sqlx::query("SELECT COUNT(*) AS n FROM endorsements WHERE plan_id = $1 AND organisation_id = $2 AND framework_version = $3")
        .bind(plan.to_string())
        .bind(org.to_string())
        .bind(current)
        .fetch_one(&mut *tx)
        .await
        .map_err(StoreError::db("reading endorsements"))?
        .int("n")?;
    if already == 0 {
        let e = Endorsement {
            plan_id: plan,
            organisation_id: *org,
            framework_version: current,
            signed_by: actor.label(),
            signed_at: time::OffsetDateTime::now_utc(),
        };
        let id = uuid::Uuid::now_v7().to_string();
        sqlx::query("INSERT INTO endorsements (id, plan_id, organisation_id, framework_version, signed_by, signed_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&id)
            .bind(plan.to_string())
            .bind(org.to_string())
            .bind(current)
            .bind(&e.signed_by)
            .bind(codec::ts(e.signed_at))
            .execute(&mut *tx)
            .await
            .map_err(StoreError::db("recording an endorsement"))?;
        audit::record(
            &mut tx,
            actor,
            AuditAction::Create,
            "endorsement",
            &id,
            Some(plan),
            None::<&()>,
            Some(&e),
        )
        .await?;
        refresh_status(&mut tx, actor, plan).await?;
    }
    let s = read_state(&mut tx, plan).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving an endorsement"))?;
    Ok(s)
}

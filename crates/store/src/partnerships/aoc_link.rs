//! Attaching an Agreement of Cooperation to its RTO plan: the agreement's id is recorded on the
//! plan's AoC record (finance, SPEC §6), in one transaction that checks both scopes — the
//! partnership's and the plan's — and audits the change on the plan.

use super::agreements::load_one;
use super::tx::Tx;
use super::{AgreementId, PartnershipId};
use crate::StoreResult;
use crate::connect::Store;
use crate::plans::{access_with, require};
use crate::rows::{Get, row};
use handover_core::Invalid;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::ids::PlanId;
use handover_core::partnership::AgreementKind;

/// Records an Agreement of Cooperation on its plan's AoC record (creating the record at its
/// first change, like the finance pages do); the agreement must name its plan. Needs edit
/// access to both the partnership and the plan. Returns the plan.
pub async fn attach_to_plan(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    agreement: AgreementId,
) -> StoreResult<PlanId> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(
        partnership,
        Access::Edit,
        "attaching an agreement to a plan",
    )
    .await?;
    let a = load_one(&mut tx, partnership, agreement).await?;
    if a.kind != AgreementKind::AgreementOfCooperation {
        return Err(Invalid::one(
            "kind",
            "only an Agreement of Cooperation attaches to a plan's AoC record",
        )
        .into());
    }
    let Some(plan) = a.plan_id else {
        return Err(Invalid::one("plan", "name the agreement's RTO plan first").into());
    };
    let (access, _) = access_with(tx.conn(), actor, plan).await?;
    require(
        access,
        Access::Edit,
        "attaching an agreement to a plan's AoC",
    )?;
    let current = tx
        .one(
            "SELECT agreement_id, version FROM agreements_of_cooperation WHERE plan_id = $1",
            row![plan.to_string()],
        )
        .await?;
    let before = match &current {
        Some(r) => serde_json::json!({
            "agreement": r.opt_text("agreement_id")?,
            "version": r.int("version")?,
        }),
        None => serde_json::json!({ "agreement": null, "version": 0 }),
    };
    let version = match &current {
        Some(r) => {
            let v = r.int("version")?;
            tx.update_checked(
                "UPDATE agreements_of_cooperation SET agreement_id = $1, version = version + 1 \
                 WHERE plan_id = $2 AND version = $3",
                row![agreement.to_string(), plan.to_string(), v],
                "the Agreement of Cooperation",
                v,
            )
            .await?;
            v + 1
        }
        None => {
            let activity = tx
                .one(
                    "SELECT id FROM activities WHERE plan_id = $1 AND key = 'aoc' ORDER BY number, instance LIMIT 1",
                    row![plan.to_string()],
                )
                .await?
                .map(|r| r.text("id"))
                .transpose()?;
            tx.exec(
                "INSERT INTO agreements_of_cooperation (plan_id, activity_id, agreement_id, version) VALUES ($1, $2, $3, 1)",
                row![plan.to_string(), activity, agreement.to_string()],
            )
            .await?;
            1
        }
    };
    let after = serde_json::json!({ "agreement": agreement.to_string(), "version": version });
    tx.audit_plan(
        AuditAction::Update,
        "aoc",
        plan,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(plan)
}

//! The Agreement of Cooperation record (SPEC §6): the activity in which it is signed, the day
//! it was signed, and the budget versions frozen as its baseline and its handover revision
//! (set by freezing a version with that purpose). Not material.

use super::decode;
use crate::StoreResult;
use crate::codec::date;
use crate::connect::Store;
use crate::error::StoreError;
use crate::framework::{Write, check_version, find};
use crate::plans::{access_with, tree_in};
use crate::rows::row;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::calendar::parse_date;
use handover_core::error::Problems;
use handover_core::finance::aoc::AgreementOfCooperation;
use handover_core::ids::PlanId;

/// The AoC as written; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct AocInput {
    /// `YYYY-MM-DD`; `Some(None)` clears it.
    pub signed_on: Option<Option<String>>,
    /// The activity in which it is signed (id, key or display number).
    pub activity: Option<String>,
}

/// The plan's AoC (version 0, in the activity keyed `aoc`, when never set).
pub async fn get(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
) -> StoreResult<AgreementOfCooperation> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    access_with(&mut *tx, actor, plan).await?;
    let tree = tree_in(&mut tx, plan).await?;
    let a = decode::aoc(&mut tx, plan, decode::aoc_activity(&tree)).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("reading the Agreement of Cooperation"))?;
    Ok(a)
}

/// Changes the AoC if `expected` is still its version (0 when never set).
pub async fn set(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    expected: i64,
    input: AocInput,
) -> StoreResult<AgreementOfCooperation> {
    let mut w = Write::begin(
        store,
        actor,
        plan,
        Access::Edit,
        "changing the Agreement of Cooperation",
    )
    .await?;
    let default = decode::aoc_activity(&w.tree);
    let before = decode::aoc(w.tx(), plan, default).await?;
    check_version("the Agreement of Cooperation", expected, before.version)?;
    let mut after = before.clone();
    let mut p = Problems::default();
    if let Some(a) = &input.activity {
        match find::activity(&w.tree, a) {
            Some(x) => after.activity_id = Some(x.id),
            None => p.push(
                "activity",
                format!(
                    "`{a}` is not an activity of this plan: give its id, key or display number"
                ),
            ),
        }
    }
    if let Some(d) = &input.signed_on {
        after.signed_on = match d.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => p.take("signed_on", parse_date(d)),
            None => None,
        };
    }
    p.into_result()?;
    if after == before {
        return Ok(before);
    }
    write(&mut w, &before, &mut after).await?;
    w.commit().await?;
    Ok(after)
}

/// Writes `after` over `before` in the write's transaction (inserting the record at its first
/// change), with its new version, and audits it; the caller commits.
pub(super) async fn write(
    w: &mut Write<'_>,
    before: &AgreementOfCooperation,
    after: &mut AgreementOfCooperation,
) -> StoreResult<()> {
    after.version = before.version + 1;
    let values = row![
        after.activity_id.map(|a| a.to_string()),
        after.baseline.map(|b| b.to_string()),
        after.handover_revision.map(|b| b.to_string()),
        after.signed_on.map(date),
        after.plan_id.to_string(),
    ];
    if before.version == 0 {
        w.exec(
            "INSERT INTO agreements_of_cooperation (activity_id, baseline_id, handover_revision_id, signed_on, plan_id, version) \
             VALUES ($1, $2, $3, $4, $5, 1)",
            values,
        )
        .await?;
    } else {
        let mut values = values;
        values.extend(row![before.version]);
        w.update_checked(
            "UPDATE agreements_of_cooperation SET activity_id = $1, baseline_id = $2, handover_revision_id = $3, \
             signed_on = $4, version = version + 1 WHERE plan_id = $5 AND version = $6",
            values,
            "the Agreement of Cooperation",
            before.version,
        )
        .await?;
    }
    w.audit(
        AuditAction::Update,
        "aoc",
        &after.plan_id.to_string(),
        Some(before),
        Some(&*after),
    )
    .await
}

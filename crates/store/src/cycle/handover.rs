//! The handover schedule: what passes from the development partners to the local authority
//! (functions, staff costs, assets, data) and when. Each item is confirmed by both sides — the
//! owner and a partner — and when every item is, the plan moves to "handed over".

use super::status::refresh_status;
use crate::StoreResult;
use crate::audit;
use crate::codec::{self, json, now};
use crate::connect::Store;
use crate::error::StoreError;
use crate::plans::{access_with, require};
use crate::rows::Get;
use handover_core::Invalid;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::handover::{Confirmation, HandoverItem, HandoverKind};
use handover_core::ids::PlanId;
use handover_core::text::Text;
use sqlx::any::AnyRow;
use sqlx::{Any, Transaction};
use time::Date;
use uuid::Uuid;

/// What a user writes for an item.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemInput {
    pub kind: HandoverKind,
    pub description: Text,
    pub due: Date,
}

fn from_row(r: &AnyRow) -> StoreResult<HandoverItem> {
    let confirmation = |by: &str, at: &str| -> StoreResult<Option<Confirmation>> {
        match (r.opt_text(by)?, r.opt_text(at)?) {
            (Some(by), Some(at)) => Ok(Some(Confirmation {
                by,
                at: codec::parse_ts(&at)?,
            })),
            _ => Ok(None),
        }
    };
    Ok(HandoverItem {
        id: codec::id(&r.text("id")?)?,
        plan_id: codec::id(&r.text("plan_id")?)?,
        kind: codec::parsed(HandoverKind::parse(&r.text("kind")?))?,
        description: codec::from_json(&r.text("description")?, "handover item")?,
        due: codec::parse_date(&r.text("due_date")?)?,
        owner_confirmation: confirmation("owner_confirmed_by", "owner_confirmed_at")?,
        partner_confirmation: confirmation("partner_confirmed_by", "partner_confirmed_at")?,
        version: r.int("version")?,
    })
}

/// The plan's schedule, by due date.
pub async fn list(store: &Store, actor: &Actor, plan: PlanId) -> StoreResult<Vec<HandoverItem>> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    access_with(&mut *tx, actor, plan).await?;
    let rows = sqlx::query("SELECT * FROM handover_items WHERE plan_id = $1 ORDER BY due_date, id")
        .bind(plan.to_string())
        .fetch_all(&mut *tx)
        .await
        .map_err(StoreError::db("reading the handover schedule"))?;
    tx.commit()
        .await
        .map_err(StoreError::db("reading the handover schedule"))?;
    rows.iter().map(from_row).collect()
}

fn check(input: &ItemInput) -> StoreResult<()> {
    if input.description.is_empty() {
        return Err(Invalid::one("description", "say what is handed over").into());
    }
    Ok(())
}

/// Adds an item (editors and administrators of a party).
pub async fn add(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    input: ItemInput,
) -> StoreResult<HandoverItem> {
    check(&input)?;
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let (have, _) = access_with(&mut *tx, actor, plan).await?;
    require(have, Access::Edit, "changing the handover schedule")?;
    let id = Uuid::now_v7();
    sqlx::query("INSERT INTO handover_items (id, plan_id, kind, description, due_date, version) VALUES ($1, $2, $3, $4, $5, 1)")
        .bind(id.to_string())
        .bind(plan.to_string())
        .bind(input.kind.as_str())
        .bind(json(&input.description))
        .bind(codec::date(input.due))
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("adding a handover item"))?;
    let item = fetch(&mut tx, id).await?;
    audit::record(
        &mut tx,
        actor,
        AuditAction::Create,
        "handover_item",
        &id.to_string(),
        Some(plan),
        None::<&()>,
        Some(&item),
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving a handover item"))?;
    Ok(item)
}

async fn fetch(tx: &mut Transaction<'_, Any>, id: Uuid) -> StoreResult<HandoverItem> {
    let r = sqlx::query("SELECT * FROM handover_items WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(&mut **tx)
        .await
        .map_err(StoreError::db("reading a handover item"))?
        .ok_or_else(|| StoreError::NotFound(format!("handover item {id}")))?;
    from_row(&r)
}

/// Reads an item for a write, checking the actor's access to its plan and its version.
async fn for_write(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    plan: PlanId,
    id: Uuid,
    expected_version: i64,
) -> StoreResult<HandoverItem> {
    let (have, _) = access_with(&mut **tx, actor, plan).await?;
    let item = fetch(tx, id).await?;
    if item.plan_id != plan {
        return Err(StoreError::NotFound(format!("handover item {id}")));
    }
    require(have, Access::Edit, "changing the handover schedule")?;
    if item.version != expected_version {
        return Err(StoreError::Stale(
            format!("handover item {id}"),
            expected_version,
            item.version,
        ));
    }
    Ok(item)
}

/// Changes an item; its confirmations are cleared, since both sides confirmed something else.
pub async fn update(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    id: Uuid,
    expected_version: i64,
    input: ItemInput,
) -> StoreResult<HandoverItem> {
    check(&input)?;
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let before = for_write(&mut tx, actor, plan, id, expected_version).await?;
    sqlx::query("UPDATE handover_items SET kind = $1, description = $2, due_date = $3, owner_confirmed_by = NULL, owner_confirmed_at = NULL, partner_confirmed_by = NULL, partner_confirmed_at = NULL, version = version + 1 WHERE id = $4 AND version = $5")
        .bind(input.kind.as_str())
        .bind(json(&input.description))
        .bind(codec::date(input.due))
        .bind(id.to_string())
        .bind(expected_version)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("changing a handover item"))?;
    let after = fetch(&mut tx, id).await?;
    audit::record(
        &mut tx,
        actor,
        AuditAction::Update,
        "handover_item",
        &id.to_string(),
        Some(plan),
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving a handover item"))?;
    Ok(after)
}

/// Removes an item.
pub async fn delete(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    id: Uuid,
    expected_version: i64,
) -> StoreResult<()> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let before = for_write(&mut tx, actor, plan, id, expected_version).await?;
    sqlx::query("DELETE FROM handover_items WHERE id = $1")
        .bind(id.to_string())
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("removing a handover item"))?;
    audit::record(
        &mut tx,
        actor,
        AuditAction::Delete,
        "handover_item",
        &id.to_string(),
        Some(plan),
        Some(&before),
        None::<&()>,
    )
    .await?;
    refresh_status(&mut tx, actor, plan).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("removing a handover item"))?;
    Ok(())
}

/// Confirms an item for the actor's side: the owner's editors and administrators confirm for
/// the local authority, a partner's for the development partners.
pub async fn confirm(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    id: Uuid,
    expected_version: i64,
) -> StoreResult<HandoverItem> {
    let Some(org) = actor.org() else {
        return Err(StoreError::Forbidden(
            "an item is confirmed by a party acting for its organisation (use --as ORG)".into(),
        ));
    };
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let before = for_write(&mut tx, actor, plan, id, expected_version).await?;
    let role =
        sqlx::query("SELECT role FROM plan_parties WHERE plan_id = $1 AND organisation_id = $2")
            .bind(plan.to_string())
            .bind(org.to_string())
            .fetch_one(&mut *tx)
            .await
            .map_err(StoreError::db("reading parties"))?
            .text("role")?;
    let (by, at) = if role == "owner" {
        ("owner_confirmed_by", "owner_confirmed_at")
    } else {
        ("partner_confirmed_by", "partner_confirmed_at")
    };
    sqlx::query(&format!("UPDATE handover_items SET {by} = $1, {at} = $2, version = version + 1 WHERE id = $3 AND version = $4"))
        .bind(actor.label())
        .bind(now())
        .bind(id.to_string())
        .bind(expected_version)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("confirming a handover item"))?;
    let after = fetch(&mut tx, id).await?;
    audit::record(
        &mut tx,
        actor,
        AuditAction::Update,
        "handover_item",
        &id.to_string(),
        Some(plan),
        Some(&before),
        Some(&after),
    )
    .await?;
    refresh_status(&mut tx, actor, plan).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("confirming a handover item"))?;
    Ok(after)
}

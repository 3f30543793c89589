//! Cost lines: what each activity costs, line by line. Every write is **material** (SPEC §6): a
//! changed budget clears the plan's endorsement until the parties sign again.

mod import;

pub use import::import;

use super::decode::{self, line_from};
use super::line_input::{Named, build};
use crate::StoreResult;
use crate::codec::json;
use crate::connect::Store;
use crate::error::StoreError;
use crate::framework::{Write, check_version, missing};
use crate::plans::{access_with, tree_in};
use crate::rows::{Arg, Get, row};
use handover_core::Invalid;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::finance::{CostCategory, CostLine, Unit};
use handover_core::ids::{ActivityId, CostLineId, PlanId};
use handover_core::money::Currency;
use handover_core::text::Text;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A cost line as written; `None` leaves a field as it is (or takes its default when adding).
#[derive(Clone, Debug, Default)]
pub struct CostLineInput {
    /// The activity (id, key or display number).
    pub activity: Option<String>,
    pub category: Option<CostCategory>,
    pub description: Option<Text>,
    pub unit: Option<Unit>,
    pub unit_price: Option<Decimal>,
    /// The plan's currency by default.
    pub currency: Option<Currency>,
    /// The funding party's code or id; the plan's owner by default.
    pub funder: Option<String>,
    /// Quarter number → quantity; replaces every quantity of the line.
    pub quantities: Option<BTreeMap<u16, Decimal>>,
}

const COLUMNS: [&str; 12] = [
    "id",
    "plan_id",
    "activity_id",
    "category",
    "description",
    "unit",
    "unit_price",
    "currency",
    "funder_id",
    "quantities",
    "position",
    "version",
];

fn values(l: &CostLine) -> Vec<Arg> {
    row![
        l.id.to_string(),
        l.plan_id.to_string(),
        l.activity_id.to_string(),
        l.category.as_str(),
        json(&l.description),
        l.unit.as_str(),
        l.unit_price.to_string(),
        l.currency.to_string(),
        l.funder.to_string(),
        json(&l.quantities),
        l.position,
        l.version,
    ]
}

/// The plan's cost lines, by activity order then position.
pub async fn list(store: &Store, actor: &Actor, plan: PlanId) -> StoreResult<Vec<CostLine>> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    access_with(&mut *tx, actor, plan).await?;
    let tree = tree_in(&mut tx, plan).await?;
    let lines = decode::lines(&mut tx, plan, &decode::order(&tree)).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("reading the budget"))?;
    Ok(lines)
}

/// Adds a cost line at the end of its activity's lines.
pub async fn create(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    input: CostLineInput,
) -> StoreResult<CostLine> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "adding a cost line").await?;
    let mut p = Problems::default();
    let built = build(&w.tree, None, &input, &mut Named::new(&mut p, ""));
    p.into_result()?;
    let mut line = built.ok_or_else(unchecked)?;
    line.position = next_position(&mut w, line.activity_id).await?;
    w.exec(
        &format!(
            "INSERT INTO cost_lines ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            COLUMNS.join(", ")
        ),
        values(&line),
    )
    .await?;
    w.audit(
        AuditAction::Create,
        "cost_line",
        &line.id.to_string(),
        None::<&()>,
        Some(&line),
    )
    .await?;
    w.material();
    w.commit().await?;
    Ok(line)
}

/// Changes a cost line if `expected` is still its version; a line moved to another activity
/// goes to the end of that activity's lines.
pub async fn update(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    line: &str,
    expected: i64,
    input: CostLineInput,
) -> StoreResult<CostLine> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "changing a cost line").await?;
    let before = find(&mut w, line).await?;
    check_version("the cost line", expected, before.version)?;
    let mut p = Problems::default();
    let built = build(&w.tree, Some(&before), &input, &mut Named::new(&mut p, ""));
    p.into_result()?;
    let mut after = built.ok_or_else(unchecked)?;
    if after == before {
        return Ok(before);
    }
    if after.activity_id != before.activity_id {
        after.position = next_position(&mut w, after.activity_id).await?;
    }
    after.version = before.version + 1;
    w.update_checked(
        "UPDATE cost_lines SET activity_id = $1, category = $2, description = $3, unit = $4, unit_price = $5, \
         currency = $6, funder_id = $7, quantities = $8, position = $9, version = version + 1 \
         WHERE id = $10 AND version = $11",
        row![
            after.activity_id.to_string(),
            after.category.as_str(),
            json(&after.description),
            after.unit.as_str(),
            after.unit_price.to_string(),
            after.currency.to_string(),
            after.funder.to_string(),
            json(&after.quantities),
            after.position,
            before.id.to_string(),
            expected,
        ],
        "the cost line",
        expected,
    )
    .await?;
    w.audit(
        AuditAction::Update,
        "cost_line",
        &before.id.to_string(),
        Some(&before),
        Some(&after),
    )
    .await?;
    w.material();
    w.commit().await?;
    Ok(after)
}

/// Deletes a cost line if `expected` is still its version and no spending is recorded on it.
pub async fn delete(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    line: &str,
    expected: i64,
) -> StoreResult<()> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "deleting a cost line").await?;
    let before = find(&mut w, line).await?;
    check_version("the cost line", expected, before.version)?;
    let paid = count(
        &mut w,
        "SELECT COUNT(*) AS n FROM expenditures WHERE cost_line_id = $1",
        before.id.to_string(),
    )
    .await?;
    if paid > 0 {
        return Err(Invalid::one(
            "line",
            format!(
                "{} recorded against this line: delete {} first",
                payments(paid),
                if paid == 1 { "it" } else { "them" }
            ),
        )
        .into());
    }
    w.update_checked(
        "DELETE FROM cost_lines WHERE id = $1 AND version = $2",
        row![before.id.to_string(), expected],
        "the cost line",
        expected,
    )
    .await?;
    w.audit(
        AuditAction::Delete,
        "cost_line",
        &before.id.to_string(),
        Some(&before),
        None::<&()>,
    )
    .await?;
    w.material();
    w.commit().await
}

/// A line of the write's plan by id.
pub(super) async fn find(w: &mut Write<'_>, line: &str) -> StoreResult<CostLine> {
    let Ok(id) = line.trim().parse::<CostLineId>() else {
        return Err(missing("cost line", line));
    };
    let plan = w.plan.to_string();
    let r = sqlx::query("SELECT * FROM cost_lines WHERE id = $1 AND plan_id = $2")
        .bind(id.to_string())
        .bind(plan)
        .fetch_optional(&mut **w.tx())
        .await
        .map_err(StoreError::db("reading a cost line"))?;
    match r {
        Some(r) => line_from(&r),
        None => Err(missing("cost line", line)),
    }
}

async fn next_position(w: &mut Write<'_>, activity: ActivityId) -> StoreResult<i64> {
    let n = count(
        w,
        "SELECT COALESCE(MAX(position), 0) AS n FROM cost_lines WHERE activity_id = $1",
        activity.to_string(),
    )
    .await?;
    Ok(n + 1)
}

/// A one-number query (`… AS n`) bound to one value.
async fn count(w: &mut Write<'_>, sql: &str, value: String) -> StoreResult<i64> {
    sqlx::query(sql)
        .bind(value)
        .fetch_one(&mut **w.tx())
        .await
        .map_err(StoreError::db("reading the budget"))?
        .int("n")
}

/// "1 payment is" / "3 payments are".
fn payments(n: i64) -> String {
    if n == 1 {
        "1 payment is".into()
    } else {
        format!("{n} payments are")
    }
}

/// A build that failed without naming a problem (never expected).
fn unchecked() -> StoreError {
    StoreError::Invalid(Invalid::one("line", "the cost line could not be checked"))
}

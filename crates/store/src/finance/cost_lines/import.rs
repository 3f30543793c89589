//! Importing cost lines from a file: all or nothing in one transaction, every problem named
//! `"{row index}/{field}"`, one audit entry with the plan's lines before and after.

use super::{COLUMNS, CostLineInput, count, payments, values};
use crate::StoreResult;
use crate::connect::Store;
use crate::finance::decode;
use crate::finance::line_input::{Named, build};
use crate::framework::Write;
use crate::rows::{insert_rows, row};
use handover_core::Invalid;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::{ActivityId, PlanId};
use std::collections::BTreeMap;

/// Imports cost lines all or nothing, in one transaction with one audit entry; `replace`
/// deletes the plan's lines first (refused while spending is recorded). Each problem is named
/// `"{row index}/{field}"`, the index counted from 0.
pub async fn import(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    rows: Vec<CostLineInput>,
    replace: bool,
) -> StoreResult<usize> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "importing cost lines").await?;
    if rows.is_empty() {
        return Err(Invalid::one("rows", "there are no cost lines to import").into());
    }
    let order = decode::order(&w.tree);
    let before = decode::lines(w.tx(), plan, &order).await?;
    let mut p = Problems::default();
    if replace {
        let paid = count(
            &mut w,
            "SELECT COUNT(*) AS n FROM expenditures WHERE plan_id = $1",
            plan.to_string(),
        )
        .await?;
        if paid > 0 {
            p.push(
                "replace",
                format!(
                    "{} recorded against the plan's lines: add the rows without replacing, or delete the spending first",
                    payments(paid)
                ),
            );
        }
    }
    let mut next: BTreeMap<ActivityId, i64> = BTreeMap::new();
    if !replace {
        for l in &before {
            let n = next.entry(l.activity_id).or_default();
            *n = (*n).max(l.position);
        }
    }
    let mut lines = vec![];
    for (i, r) in rows.iter().enumerate() {
        if let Some(mut l) = build(&w.tree, None, r, &mut Named::new(&mut p, &format!("{i}/"))) {
            let n = next.entry(l.activity_id).or_default();
            *n += 1;
            l.position = *n;
            lines.push(l);
        }
    }
    p.into_result()?;
    if replace {
        w.exec(
            "DELETE FROM cost_lines WHERE plan_id = $1",
            row![plan.to_string()],
        )
        .await?;
    }
    insert_rows(
        w.tx(),
        "cost_lines",
        &COLUMNS,
        lines.iter().map(values).collect(),
    )
    .await?;
    let after = decode::lines(w.tx(), plan, &order).await?;
    w.audit(
        AuditAction::Import,
        "cost_lines",
        &plan.to_string(),
        Some(&before),
        Some(&after),
    )
    .await?;
    w.material();
    w.commit().await?;
    Ok(lines.len())
}

//! Activities: added to a milestone at a position, changed (framework, timeline, leads, actual
//! quarters), moved (with all their instances), or deleted with their results, indicators,
//! values and risks. A change to anything but the actual quarters is material.

pub use super::activity_input::{ActivityInput, Quarters};

use super::activity_input::{apply, is_material};
use super::input::{self, found};
use super::{Write, check_version, order, snapshot};
use crate::StoreResult;
use crate::codec::json;
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::row;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::calendar::QuarterRange;
use handover_core::error::Problems;
use handover_core::ids::{ActivityId, PlanId};
use handover_core::plan::{Activity, ProgressStatus};

/// Adds an activity to a milestone.
pub async fn create(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    input: ActivityInput,
) -> StoreResult<Activity> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "adding an activity").await?;
    let mut p = Problems::default();
    let milestone = match &input.milestone {
        Some(m) => input::milestone_ref(&w.tree, &mut p, "milestone", m),
        None => {
            p.push("milestone", "name the milestone the activity belongs to");
            None
        }
    };
    let base = Activity {
        id: ActivityId::new(),
        plan_id: plan,
        milestone_id: milestone.unwrap_or(handover_core::ids::MilestoneId(uuid::Uuid::nil())),
        key: None,
        number: 0,
        instance: None,
        title: Default::default(),
        rationale: Default::default(),
        needs: vec![],
        financial_description: Default::default(),
        repeatable: false,
        planned: QuarterRange { start: 1, end: 1 },
        actual_start: None,
        actual_end: None,
        status: ProgressStatus::NotStarted,
        leads: vec![],
        version: 1,
    };
    let a = apply(&w.tree, &base, &input, true, &mut p);
    let mut layout = order::layout(&w.tree);
    let mi = layout.iter().position(|(m, _)| Some(*m) == milestone);
    let at = order::position_of(
        &mut p,
        "position",
        input.position,
        mi.map_or(0, |i| layout[i].1.len()),
    );
    p.into_result()?;
    unique_key(&w, &a, &[])?;
    insert(&mut w, &a).await?;
    if let (Some(mi), Some(at)) = (mi, at) {
        order::place(&mut layout[mi].1, at, vec![a.id]);
    }
    renumber(&mut w, &layout, Some(&a)).await?;
    let after = reread(&mut w, a.id).await?;
    w.audit(
        AuditAction::Create,
        "activity",
        &a.id.to_string(),
        None::<&()>,
        Some(&after),
    )
    .await?;
    w.material();
    w.commit().await?;
    Ok(after)
}

/// Changes or moves an activity if `expected` is still its version.
pub async fn update(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    activity: &str,
    expected: i64,
    input: ActivityInput,
) -> StoreResult<Activity> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "changing an activity").await?;
    let before = found(input::activity(&w.tree, activity), "activity", activity)?.clone();
    let what = format!("activity {}", before.display_number());
    check_version(&what, expected, before.version)?;
    let mut p = Problems::default();
    let mut after = apply(&w.tree, &before, &input, false, &mut p);
    let was = order::layout(&w.tree);
    let mut layout = was.clone();
    let (mi, si) = order::locate(&layout, before.id)
        .ok_or_else(|| StoreError::Corrupt("an activity outside its plan's order".into()))?;
    let slot = layout[mi].1[si].clone();
    if !after.repeatable && slot.len() > 1 {
        p.push(
            "repeatable",
            format!(
                "activity {} has {} instances: delete the others first",
                before.number,
                slot.len()
            ),
        );
    }
    if input.moves() {
        layout[mi].1.remove(si);
        let target = match &input.milestone {
            Some(m) => input::milestone_ref(&w.tree, &mut p, "milestone", m)
                .and_then(|m| layout.iter().position(|(x, _)| *x == m)),
            None => Some(mi),
        };
        let count = target.map_or(0, |t| layout[t].1.len());
        let at = match input.position {
            Some(_) => order::position_of(&mut p, "position", input.position, count),
            None if target == Some(mi) => Some(si),
            None => Some(count),
        };
        if let (Some(t), Some(at)) = (target, at) {
            order::place(&mut layout[t].1, at, slot.clone());
            after.milestone_id = layout[t].0;
        }
    }
    p.into_result()?;
    unique_key(&w, &after, &slot)?;
    if after == before && layout == was {
        return Ok(before);
    }
    w.update_checked(
        "UPDATE activities SET key = $1, title = $2, rationale = $3, needs = $4, financial_description = $5, repeatable = $6, \
         planned_start = $7, planned_end = $8, actual_start = $9, actual_end = $10, leads = $11, version = version + 1 \
         WHERE id = $12 AND version = $13",
        row![
            after.key.as_ref().map(ToString::to_string), json(&after.title), json(&after.rationale), json(&after.needs),
            json(&after.financial_description), after.repeatable, i64::from(after.planned.start), i64::from(after.planned.end),
            after.actual_start.map(i64::from), after.actual_end.map(i64::from), json(&after.leads), before.id.to_string(), expected
        ],
        &what,
        expected,
    )
    .await?;
    renumber(&mut w, &layout, Some(&after)).await?;
    let stored = reread(&mut w, before.id).await?;
    w.audit(
        AuditAction::Update,
        "activity",
        &before.id.to_string(),
        Some(&before),
        Some(&stored),
    )
    .await?;
    if is_material(&before, &after) || layout != was {
        w.material();
    }
    w.commit().await?;
    Ok(stored)
}

/// Deletes an activity with its results, indicators, values and risks.
pub async fn delete(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    activity: &str,
    expected: i64,
) -> StoreResult<()> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "deleting an activity").await?;
    let before = found(input::activity(&w.tree, activity), "activity", activity)?.clone();
    let what = format!("activity {}", before.display_number());
    check_version(&what, expected, before.version)?;
    crate::finance::guard::no_spending_on(&mut w, &[before.id], "activity", &what).await?;
    let snap = snapshot::activity(&w.tree, before.id);
    let results = snapshot::of_activity(&w.tree, before.id);
    super::results::delete_nodes(&mut w, &results).await?;
    w.update_checked(
        "DELETE FROM activities WHERE id = $1 AND version = $2",
        row![before.id.to_string(), expected],
        &what,
        expected,
    )
    .await?;
    let mut layout = order::layout(&w.tree);
    for (_, slots) in &mut layout {
        for s in slots.iter_mut() {
            s.retain(|a| *a != before.id);
        }
        slots.retain(|s| !s.is_empty());
    }
    renumber(&mut w, &layout, None).await?;
    w.audit(
        AuditAction::Delete,
        "activity",
        &before.id.to_string(),
        Some(&snap),
        None::<&()>,
    )
    .await?;
    w.material();
    w.commit().await
}

/// Numbers the plan's activities after a change; `changed` is the activity as it now is.
pub(crate) async fn renumber(
    w: &mut Write<'_>,
    layout: &order::Layout,
    changed: Option<&Activity>,
) -> StoreResult<()> {
    let repeatable: Vec<_> = w
        .tree
        .activities
        .iter()
        .filter(|a| changed.is_none_or(|c| c.id != a.id))
        .chain(changed)
        .filter(|a| a.repeatable)
        .map(|a| a.id)
        .collect();
    order::number_activities(w, layout, |a| repeatable.contains(&a)).await
}

/// Inserts a new activity row; its number and milestone are set by [`renumber`].
pub(crate) async fn insert(w: &mut Write<'_>, a: &Activity) -> StoreResult<()> {
    w.exec(
        "INSERT INTO activities (id, plan_id, milestone_id, key, number, instance, title, rationale, needs, financial_description, \
         repeatable, planned_start, planned_end, actual_start, actual_end, status, leads, version) \
         VALUES ($1, $2, $3, $4, 0, NULL, $5, $6, $7, $8, $9, $10, $11, NULL, NULL, $12, $13, 1)",
        row![
            a.id.to_string(), a.plan_id.to_string(), a.milestone_id.to_string(), a.key.as_ref().map(ToString::to_string),
            json(&a.title), json(&a.rationale), json(&a.needs), json(&a.financial_description), a.repeatable,
            i64::from(a.planned.start), i64::from(a.planned.end), a.status.as_str(), json(&a.leads)
        ],
    )
    .await?;
    Ok(())
}

/// A key names one activity of the plan (the instances of a repeatable one share it).
fn unique_key(w: &Write<'_>, a: &Activity, slot: &[ActivityId]) -> StoreResult<()> {
    let Some(k) = &a.key else { return Ok(()) };
    let taken = w
        .tree
        .activities
        .iter()
        .any(|x| x.id != a.id && !slot.contains(&x.id) && x.key.as_ref() == Some(k));
    if taken {
        return Err(StoreError::Duplicate {
            field: "key".into(),
            value: k.to_string(),
        });
    }
    Ok(())
}

/// The activity as stored now, inside the write.
pub(crate) async fn reread(w: &mut Write<'_>, id: ActivityId) -> StoreResult<Activity> {
    let r = sqlx::query("SELECT * FROM activities WHERE id = $1")
        .bind(id.to_string())
        .fetch_one(&mut **w.tx())
        .await
        .map_err(StoreError::db("reading an activity"))?;
    crate::plans::activity_from(&r, w.plan)
}

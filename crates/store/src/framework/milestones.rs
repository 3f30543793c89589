//! Milestones: added at a number (the others move up), changed, moved to another number, or
//! deleted with their activities and everything under them. Every change is material.

use super::input::{self, found};
use super::{Write, check_version, order, snapshot};
use crate::StoreResult;
use crate::codec::json;
use crate::error::StoreError;
use crate::rows::row;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::{MilestoneId, PlanId};
use handover_core::plan::Milestone;
use handover_core::text::Text;

/// A milestone as written; `None` leaves a field as it is (or takes its default when adding).
#[derive(Clone, Debug, Default)]
pub struct MilestoneInput {
    pub title: Option<Text>,
    pub objective: Option<Text>,
    /// `Some(None)` clears the key.
    pub key: Option<Option<String>>,
    /// Where it goes: 1 for first; the end when absent.
    pub number: Option<u16>,
}

/// Adds a milestone.
pub async fn create(
    store: &crate::Store,
    actor: &Actor,
    plan: PlanId,
    input: MilestoneInput,
) -> StoreResult<Milestone> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "adding a milestone").await?;
    let mut p = Problems::default();
    input::required_text(&mut p, "title", input.title.as_ref(), "a milestone");
    let key = input::key(&mut p, input.key.clone().flatten().as_deref());
    let mut order = order::milestones(&w.tree);
    let at = order::position_of(&mut p, "number", input.number, order.len());
    p.into_result()?;
    unique_key(&w, key.as_ref().map(|k| k.as_str()), None)?;
    let m = Milestone {
        id: MilestoneId::new(),
        plan_id: plan,
        number: 0,
        key,
        title: input.title.unwrap_or_default(),
        objective: input.objective.unwrap_or_default(),
        version: 1,
    };
    w.exec(
        "INSERT INTO milestones (id, plan_id, number, key, title, objective, version) VALUES ($1, $2, 0, $3, $4, $5, 1)",
        row![m.id.to_string(), plan.to_string(), m.key.as_ref().map(ToString::to_string), json(&m.title), json(&m.objective)],
    )
    .await?;
    order::place(&mut order, at.unwrap_or(usize::MAX), m.id);
    renumber(&mut w, &order).await?;
    let after = reread(&mut w, m.id).await?;
    w.audit(
        AuditAction::Create,
        "milestone",
        &m.id.to_string(),
        None::<&()>,
        Some(&after),
    )
    .await?;
    w.material();
    w.commit().await?;
    Ok(after)
}

/// Changes or moves a milestone if `expected` is still its version.
pub async fn update(
    store: &crate::Store,
    actor: &Actor,
    plan: PlanId,
    milestone: &str,
    expected: i64,
    input: MilestoneInput,
) -> StoreResult<Milestone> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "changing a milestone").await?;
    let before = found(input::milestone(&w.tree, milestone), "milestone", milestone)?.clone();
    check_version(
        &format!("milestone {}", before.number),
        expected,
        before.version,
    )?;
    let mut p = Problems::default();
    if input.title.as_ref().is_some_and(Text::is_empty) {
        p.push(
            "title",
            "a milestone needs a title in at least one language",
        );
    }
    let key = match &input.key {
        Some(k) => input::key(&mut p, k.as_deref()),
        None => before.key.clone(),
    };
    let was = order::milestones(&w.tree);
    let mut order = was.clone();
    order.retain(|m| *m != before.id);
    let at = order::position_of(&mut p, "number", input.number, order.len());
    p.into_result()?;
    unique_key(&w, key.as_ref().map(|k| k.as_str()), Some(before.id))?;
    let title = input.title.unwrap_or_else(|| before.title.clone());
    let objective = input.objective.unwrap_or_else(|| before.objective.clone());
    let at = match input.number {
        Some(_) => at.unwrap_or(usize::MAX),
        None => usize::from(before.number.saturating_sub(1)),
    };
    order::place(&mut order, at, before.id);
    let unchanged = title == before.title && objective == before.objective && key == before.key;
    if unchanged && order == was {
        return Ok(before);
    }
    w.update_checked(
        "UPDATE milestones SET title = $1, objective = $2, key = $3, version = version + 1 WHERE id = $4 AND version = $5",
        row![json(&title), json(&objective), key.as_ref().map(ToString::to_string), before.id.to_string(), expected],
        &format!("milestone {}", before.number),
        expected,
    )
    .await?;
    renumber(&mut w, &order).await?;
    let after = reread(&mut w, before.id).await?;
    w.audit(
        AuditAction::Update,
        "milestone",
        &before.id.to_string(),
        Some(&before),
        Some(&after),
    )
    .await?;
    w.material();
    w.commit().await?;
    Ok(after)
}

/// Deletes a milestone with its activities and everything under them.
pub async fn delete(
    store: &crate::Store,
    actor: &Actor,
    plan: PlanId,
    milestone: &str,
    expected: i64,
) -> StoreResult<()> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "deleting a milestone").await?;
    let before = found(input::milestone(&w.tree, milestone), "milestone", milestone)?.clone();
    check_version(
        &format!("milestone {}", before.number),
        expected,
        before.version,
    )?;
    let snap = snapshot::milestone(&w.tree, before.id);
    let acts: Vec<_> = w.tree.activities_of(before.id).map(|a| a.id).collect();
    let what = format!("milestone {}", before.number);
    crate::finance::guard::no_spending_on(&mut w, &acts, "milestone", &what).await?;
    let mut results = vec![];
    for a in &acts {
        results.extend(snapshot::of_activity(&w.tree, *a));
    }
    super::results::delete_nodes(&mut w, &results).await?;
    w.update_checked(
        "DELETE FROM milestones WHERE id = $1 AND version = $2",
        row![before.id.to_string(), expected],
        &format!("milestone {}", before.number),
        expected,
    )
    .await?;
    let mut order = order::milestones(&w.tree);
    order.retain(|m| *m != before.id);
    renumber(&mut w, &order).await?;
    w.audit(
        AuditAction::Delete,
        "milestone",
        &before.id.to_string(),
        Some(&snap),
        None::<&()>,
    )
    .await?;
    w.material();
    w.commit().await
}

/// Numbers the milestones in `order`, then the activities through them.
async fn renumber(w: &mut Write<'_>, order: &[MilestoneId]) -> StoreResult<()> {
    order::number_milestones(w, order).await?;
    let mut layout = order::layout(&w.tree);
    layout.retain(|(m, _)| order.contains(m));
    layout.sort_by_key(|(m, _)| order.iter().position(|x| x == m));
    let repeatable: Vec<_> = w
        .tree
        .activities
        .iter()
        .filter(|a| a.repeatable)
        .map(|a| a.id)
        .collect();
    order::number_activities(w, &layout, |a| repeatable.contains(&a)).await
}

/// A key is used by one milestone of the plan at most.
fn unique_key(w: &Write<'_>, key: Option<&str>, except: Option<MilestoneId>) -> StoreResult<()> {
    let Some(k) = key else { return Ok(()) };
    if w.tree
        .milestones
        .iter()
        .any(|m| Some(m.id) != except && m.key.as_ref().is_some_and(|x| x.as_str() == k))
    {
        return Err(StoreError::Duplicate {
            field: "key".into(),
            value: k.to_owned(),
        });
    }
    Ok(())
}

/// The milestone as stored now, inside the write.
async fn reread(w: &mut Write<'_>, id: MilestoneId) -> StoreResult<Milestone> {
    let r = sqlx::query("SELECT * FROM milestones WHERE id = $1")
        .bind(id.to_string())
        .fetch_one(&mut **w.tx())
        .await
        .map_err(StoreError::db("reading a milestone"))?;
    crate::plans::milestone_from(&r, w.plan)
}

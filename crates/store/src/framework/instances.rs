//! Another instance of a repeatable activity (24.2, 24.3…, SPEC §1): a copy of the activity's
//! framework — title, rationale, needs, timeline, leads, its results with their indicators
//! (without baselines or values) and its risks — that then lives a life of its own. Material.

use super::activities::{Quarters, insert, renumber, reread};
use super::activity_input::{ActivityInput, apply};
use super::input::{self, found};
use super::{Write, order};
use crate::StoreResult;
use crate::codec::{date, json};
use crate::connect::Store;
use crate::rows::row;
use handover_core::Invalid;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::{ActivityId, IndicatorId, PlanId, ResultId, RiskId};
use handover_core::plan::{Activity, ProgressStatus, ResultParent};
use handover_core::risk::RiskStatus;
use handover_core::text::Text;
use std::collections::HashMap;

/// What may differ in the new instance; the rest is copied.
#[derive(Clone, Debug, Default)]
pub struct InstanceInput {
    pub title: Option<Text>,
    pub planned: Option<Quarters>,
}

/// Adds an instance after the last one of a repeatable activity.
pub async fn add_instance(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    activity: &str,
    input: InstanceInput,
) -> StoreResult<Activity> {
    let mut w = Write::begin(
        store,
        actor,
        plan,
        Access::Edit,
        "adding an activity instance",
    )
    .await?;
    let source = found(input::activity(&w.tree, activity), "activity", activity)?.clone();
    if !source.repeatable {
        return Err(Invalid::one(
            "",
            format!("activity {} is not repeatable: only a repeatable activity (such as 24, specialised training) has several instances", source.number),
        )
        .into());
    }
    let base = Activity {
        id: ActivityId::new(),
        status: ProgressStatus::NotStarted,
        actual_start: None,
        actual_end: None,
        version: 1,
        ..source.clone()
    };
    let mut p = Problems::default();
    let change = ActivityInput {
        title: input.title,
        planned: input.planned,
        ..Default::default()
    };
    let a = apply(&w.tree, &base, &change, false, &mut p);
    p.into_result()?;
    insert(&mut w, &a).await?;
    let mut layout = order::layout(&w.tree);
    let (mi, si) = order::locate(&layout, source.id)
        .ok_or_else(|| crate::StoreError::Corrupt("an activity outside its plan's order".into()))?;
    layout[mi].1[si].push(a.id);
    renumber(&mut w, &layout, Some(&a)).await?;
    copy_framework(&mut w, source.id, a.id).await?;
    let after = reread(&mut w, a.id).await?;
    let tree = w.reread().await?;
    let snap = super::snapshot::activity(&tree, a.id);
    w.audit(
        AuditAction::Create,
        "activity",
        &a.id.to_string(),
        None::<&()>,
        Some(&snap),
    )
    .await?;
    w.material();
    w.commit().await?;
    Ok(after)
}

/// Copies the results (at any depth), indicators and risks of `from` to `to`.
async fn copy_framework(w: &mut Write<'_>, from: ActivityId, to: ActivityId) -> StoreResult<()> {
    let nodes = super::snapshot::of_activity(&w.tree, from);
    let ids: HashMap<ResultId, ResultId> = nodes.iter().map(|r| (*r, ResultId::new())).collect();
    let mut position = order::next_position(&w.tree);
    let tree = w.tree.clone();
    let codes: Vec<String> = tree.indicators.iter().map(|i| i.code.clone()).collect();
    let instance = tree
        .activities
        .iter()
        .filter(|a| {
            a.number
                == tree
                    .activities
                    .iter()
                    .find(|x| x.id == from)
                    .map_or(0, |x| x.number)
        })
        .count()
        + 1;
    for r in tree.results.iter().filter(|r| nodes.contains(&r.id)) {
        let (kind, parent) = match r.parent {
            ResultParent::Activity(_) => ("activity", to.to_string()),
            ResultParent::Result(x) => (
                "result",
                ids.get(&x)
                    .map_or_else(|| x.to_string(), ToString::to_string),
            ),
            ResultParent::Plan => ("plan", String::new()),
        };
        w.exec(
            "INSERT INTO result_nodes (id, plan_id, parent_kind, parent_id, level, position, title, description, assumptions, responsible, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1)",
            row![ids[&r.id].to_string(), w.plan.to_string(), kind, parent, r.level.as_str(), position,
                 json(&r.title), json(&r.description), json(&r.assumptions), json(&r.responsible)],
        )
        .await?;
        position += 1;
    }
    for i in tree
        .indicators
        .iter()
        .filter(|i| nodes.contains(&i.result_id))
    {
        let mut code = format!("{}-{instance}", i.code);
        while codes.contains(&code) {
            code.push('x');
        }
        w.exec(
            "INSERT INTO indicators (id, plan_id, result_id, position, code, statement, measure, unit, direction, cumulation, baselines, \
             data_source, collection_method, frequency, responsible, proposed_by, validated_by, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '[]', $11, $12, $13, $14, $15, $16, 1)",
            row![IndicatorId::new().to_string(), w.plan.to_string(), ids[&i.result_id].to_string(), position, code,
                 json(&i.statement), i.measure.as_str(), i.unit.clone(), i.direction.map(|d| crate::codec::tag(&d)),
                 crate::codec::tag(&i.cumulation), json(&i.data_source), json(&i.collection_method),
                 crate::codec::tag(&i.frequency), json(&i.responsible), i.proposed_by.clone(), i.validated_by.clone()],
        )
        .await?;
        position += 1;
    }
    for r in tree.risks.iter().filter(|r| r.activity_id == Some(from)) {
        w.exec(
            "INSERT INTO risks (id, plan_id, activity_id, result_id, description, likelihood, impact, mitigation, owner, status, review_date, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)",
            row![RiskId::new().to_string(), w.plan.to_string(), to.to_string(), r.result_id.and_then(|x| ids.get(&x)).map(ToString::to_string),
                 json(&r.description), i64::from(r.likelihood.get()), i64::from(r.impact.get()), json(&r.mitigation),
                 json(&r.owner), RiskStatus::Open.as_str(), r.review_date.map(date)],
        )
        .await?;
    }
    Ok(())
}

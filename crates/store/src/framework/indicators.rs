//! Indicators on result nodes: added at a position among the result's indicators, changed
//! (definition, baselines), moved to another result, or deleted with their targets and actuals.
//! A numeric measure takes only numbers, in baselines and values alike. Every change is
//! material: an indicator's definition is part of the results framework.

pub use super::indicator_input::{BaselineInput, IndicatorInput};

use super::indicator_input::apply;
use super::input::{self, found};
use super::{Write, check_version, order};
use crate::StoreResult;
use crate::codec::{json, tag};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::row;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::{IndicatorId, PlanId, ResultId};
use handover_core::indicator::{Cumulation, Frequency, Indicator, Measure};
use handover_core::plan::PlanTree;

/// Adds an indicator to a result node.
pub async fn create(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    input: IndicatorInput,
) -> StoreResult<Indicator> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "adding an indicator").await?;
    let mut p = Problems::default();
    let result = match &input.result {
        Some(r) => result_ref(&w.tree, &mut p, r),
        None => {
            p.push("result", "name the result the indicator measures");
            None
        }
    };
    let base = Indicator {
        id: IndicatorId::new(),
        plan_id: plan,
        result_id: result.unwrap_or(ResultId(uuid::Uuid::nil())),
        position: order::next_position(&w.tree),
        code: String::new(),
        statement: Default::default(),
        measure: input.measure.unwrap_or(Measure::Unit),
        unit: None,
        direction: None,
        cumulation: Cumulation::NonCumulative,
        baselines: vec![],
        data_source: Default::default(),
        collection_method: Default::default(),
        frequency: Frequency::Quarterly,
        responsible: result
            .and_then(|r| w.tree.results.iter().find(|n| n.id == r))
            .map(|n| n.responsible.clone())
            .unwrap_or_default(),
        proposed_by: None,
        validated_by: None,
        version: 1,
    };
    if input.measure.is_none() {
        p.push(
            "measure",
            "give the measure: unit, percentage, nominal, ordinal or qualitative",
        );
    }
    let i = apply(&w.tree, &base, &input, true, &mut p);
    let siblings = result
        .map(|r| siblings(&w.tree, r, None))
        .unwrap_or_default();
    let at = order::position_of(&mut p, "position", input.position, siblings.len());
    p.into_result()?;
    unique_code(&w.tree, &i)?;
    w.exec(
        "INSERT INTO indicators (id, plan_id, result_id, position, code, statement, measure, unit, direction, cumulation, baselines, \
         data_source, collection_method, frequency, responsible, proposed_by, validated_by, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1)",
        row![i.id.to_string(), plan.to_string(), i.result_id.to_string(), i.position, i.code.clone(), json(&i.statement),
             i.measure.as_str(), i.unit.clone(), i.direction.map(|d| tag(&d)), tag(&i.cumulation), json(&i.baselines),
             json(&i.data_source), json(&i.collection_method), tag(&i.frequency), json(&i.responsible),
             i.proposed_by.clone(), i.validated_by.clone()],
    )
    .await?;
    let mut order = siblings;
    order::place(
        &mut order,
        at.unwrap_or(usize::MAX),
        (i.id.to_string(), i.position),
    );
    order::reposition(&mut w, "indicators", &order).await?;
    let after = reread(&mut w, i.id).await?;
    w.audit(
        AuditAction::Create,
        "indicator",
        &i.id.to_string(),
        None::<&()>,
        Some(&after),
    )
    .await?;
    w.material();
    w.commit().await?;
    Ok(after)
}

/// Changes or moves an indicator if `expected` is still its version.
pub async fn update(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    indicator: &str,
    expected: i64,
    input: IndicatorInput,
) -> StoreResult<Indicator> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "changing an indicator").await?;
    let before = found(input::indicator(&w.tree, indicator), "indicator", indicator)?.clone();
    let what = format!("indicator {}", before.code);
    check_version(&what, expected, before.version)?;
    let mut p = Problems::default();
    let mut i = apply(&w.tree, &before, &input, false, &mut p);
    if let Some(r) = &input.result {
        i.result_id = result_ref(&w.tree, &mut p, r).unwrap_or(before.result_id);
    }
    let was = siblings(&w.tree, i.result_id, None);
    let mut order = siblings(&w.tree, i.result_id, Some(before.id));
    let keep = was.iter().position(|(id, _)| *id == before.id.to_string());
    let at = match (input.position, keep) {
        (None, Some(k)) => Some(k),
        _ => order::position_of(&mut p, "position", input.position, order.len()),
    };
    p.into_result()?;
    unique_code(&w.tree, &i)?;
    order::place(
        &mut order,
        at.unwrap_or(usize::MAX),
        (before.id.to_string(), before.position),
    );
    if i == before && order == was {
        return Ok(before);
    }
    w.update_checked(
        "UPDATE indicators SET result_id = $1, code = $2, statement = $3, measure = $4, unit = $5, direction = $6, cumulation = $7, \
         baselines = $8, data_source = $9, collection_method = $10, frequency = $11, responsible = $12, proposed_by = $13, \
         validated_by = $14, version = version + 1 WHERE id = $15 AND version = $16",
        row![i.result_id.to_string(), i.code.clone(), json(&i.statement), i.measure.as_str(), i.unit.clone(),
             i.direction.map(|d| tag(&d)), tag(&i.cumulation), json(&i.baselines), json(&i.data_source),
             json(&i.collection_method), tag(&i.frequency), json(&i.responsible), i.proposed_by.clone(),
             i.validated_by.clone(), before.id.to_string(), expected],
        &what,
        expected,
    )
    .await?;
    order::reposition(&mut w, "indicators", &order).await?;
    let stored = reread(&mut w, before.id).await?;
    w.audit(
        AuditAction::Update,
        "indicator",
        &before.id.to_string(),
        Some(&before),
        Some(&stored),
    )
    .await?;
    w.material();
    w.commit().await?;
    Ok(stored)
}

/// Deletes an indicator with its targets and actuals.
pub async fn delete(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    indicator: &str,
    expected: i64,
) -> StoreResult<()> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "deleting an indicator").await?;
    let before = found(input::indicator(&w.tree, indicator), "indicator", indicator)?.clone();
    let what = format!("indicator {}", before.code);
    check_version(&what, expected, before.version)?;
    let snap = serde_json::json!({
        "indicator": before,
        "values": w.tree.values.iter().filter(|v| v.indicator_id == before.id).collect::<Vec<_>>(),
    });
    w.update_checked(
        "DELETE FROM indicators WHERE id = $1 AND version = $2",
        row![before.id.to_string(), expected],
        &what,
        expected,
    )
    .await?;
    w.audit(
        AuditAction::Delete,
        "indicator",
        &before.id.to_string(),
        Some(&snap),
        None::<&()>,
    )
    .await?;
    w.material();
    w.commit().await
}

/// The result node a reference names, or a problem at `result`.
fn result_ref(tree: &PlanTree, p: &mut Problems, r: &str) -> Option<ResultId> {
    let found = input::result(tree, r).map(|n| n.id);
    if found.is_none() {
        p.push(
            "result",
            format!("`{r}` is not a result of this plan: give its id"),
        );
    }
    found
}

/// An indicator's code is unique in its plan, so it can be used to address it.
fn unique_code(tree: &PlanTree, i: &Indicator) -> StoreResult<()> {
    if tree
        .indicators
        .iter()
        .any(|x| x.id != i.id && x.code == i.code)
    {
        return Err(StoreError::Duplicate {
            field: "code".into(),
            value: i.code.clone(),
        });
    }
    Ok(())
}

/// The indicators of a result in order (`(id, position)`), leaving out `except`.
fn siblings(tree: &PlanTree, result: ResultId, except: Option<IndicatorId>) -> Vec<(String, i64)> {
    let mut s: Vec<_> = tree
        .indicators_of(result)
        .filter(|i| Some(i.id) != except)
        .collect();
    s.sort_by_key(|i| i.position);
    s.into_iter()
        .map(|i| (i.id.to_string(), i.position))
        .collect()
}

/// The indicator as stored now, inside the write.
async fn reread(w: &mut Write<'_>, id: IndicatorId) -> StoreResult<Indicator> {
    let r = sqlx::query("SELECT * FROM indicators WHERE id = $1")
        .bind(id.to_string())
        .fetch_one(&mut **w.tx())
        .await
        .map_err(StoreError::db("reading an indicator"))?;
    crate::plans::indicator_from(&r, w.plan)
}

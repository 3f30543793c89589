//! Writing a whole new plan (from a template, the demo or an import) in one transaction, with
//! batched inserts and one audit entry for the plan and one per activity with its children.

use crate::StoreResult;
use crate::audit;
use crate::codec::{date, json, now, tag, ts};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::{Arg, insert_rows, row};
use handover_core::actor::{Actor, Role};
use handover_core::audit::AuditAction;
use handover_core::plan::{PlanTree, ResultParent};
use serde_json::json;
use sqlx::{Any, Transaction};

/// Stores a new plan. The operator may create any plan; a member must be an editor or
/// administrator of one of its parties.
pub async fn create(store: &Store, actor: &Actor, tree: &PlanTree) -> StoreResult<()> {
    if let Actor::Reader { .. } = actor {
        return Err(StoreError::Forbidden("this view is read-only".into()));
    }
    if let Actor::Member { org, role, .. } = actor {
        if !tree.plan.parties().contains(org) {
            return Err(StoreError::Forbidden(
                "a plan is created by one of its parties".into(),
            ));
        }
        if *role < Role::Editor {
            return Err(StoreError::Forbidden(
                "creating a plan needs an editor or administrator".into(),
            ));
        }
    }
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    write(&mut tx, tree).await.map_err(|e| match e {
        StoreError::Duplicate { .. } => StoreError::Duplicate {
            field: "plan code".into(),
            value: tree.plan.code.to_string(),
        },
        other => other,
    })?;
    let p = &tree.plan;
    let header = json!({
        "plan": p,
        "needs": tree.needs,
        "periods": tree.periods,
        "milestones": tree.milestones,
        "plan_results": tree.results.iter().filter(|r| r.parent == ResultParent::Plan).collect::<Vec<_>>(),
        "plan_risks": tree.risks.iter().filter(|r| r.activity_id.is_none()).collect::<Vec<_>>(),
    });
    audit::record(
        &mut tx,
        actor,
        AuditAction::Create,
        "plan",
        &p.id.to_string(),
        Some(p.id),
        None::<&()>,
        Some(&header),
    )
    .await?;
    for a in &tree.activities {
        let results: Vec<_> = descendants(tree, a.id);
        let snapshot = json!({
            "activity": a,
            "results": tree.results.iter().filter(|r| results.contains(&r.id)).collect::<Vec<_>>(),
            "indicators": tree.indicators.iter().filter(|i| results.contains(&i.result_id)).collect::<Vec<_>>(),
            "values": tree.values.iter().filter(|v| tree.indicators.iter().any(|i| i.id == v.indicator_id && results.contains(&i.result_id))).collect::<Vec<_>>(),
            "risks": tree.risks.iter().filter(|r| r.activity_id == Some(a.id)).collect::<Vec<_>>(),
        });
        audit::record(
            &mut tx,
            actor,
            AuditAction::Create,
            "activity",
            &a.id.to_string(),
            Some(p.id),
            None::<&()>,
            Some(&snapshot),
        )
        .await?;
    }
    tx.commit()
        .await
        .map_err(StoreError::db("saving the plan"))?;
    Ok(())
}

/// Result nodes under an activity, at any depth.
fn descendants(
    tree: &PlanTree,
    a: handover_core::ids::ActivityId,
) -> Vec<handover_core::ids::ResultId> {
    let mut out: Vec<_> = tree.results_of_activity(a).map(|r| r.id).collect();
    let mut i = 0;
    while i < out.len() {
        let below: Vec<_> = tree.results_under(out[i]).map(|r| r.id).collect();
        out.extend(below);
        i += 1;
    }
    out
}

async fn write(tx: &mut Transaction<'_, Any>, t: &PlanTree) -> StoreResult<()> {
    let p = &t.plan;
    let pid = p.id.to_string();
    let stamp = now();
    insert_rows(
        tx,
        "plans",
        &[
            "id",
            "code",
            "name",
            "kind",
            "owner_id",
            "start_date",
            "quarters",
            "currency",
            "languages",
            "status",
            "template_code",
            "report_due_days",
            "version",
            "created_at",
            "updated_at",
        ],
        vec![row![
            pid.clone(),
            p.code.to_string(),
            json(&p.name),
            p.kind.as_str(),
            p.owner.to_string(),
            date(p.start.date()),
            i64::from(p.quarters),
            p.currency.to_string(),
            json(&p.languages),
            p.status.as_str(),
            p.template_code.clone(),
            i64::from(p.report_due_days),
            p.version,
            stamp.clone(),
            stamp.clone(),
        ]],
    )
    .await?;
    let parties = std::iter::once((p.owner, "owner"))
        .chain(p.partners.iter().map(|o| (*o, "partner")))
        .enumerate()
        .map(|(i, (o, role))| row![pid.clone(), o.to_string(), role, i as i64])
        .collect();
    insert_rows(
        tx,
        "plan_parties",
        &["plan_id", "organisation_id", "role", "position"],
        parties,
    )
    .await?;
    let needs = t
        .needs
        .iter()
        .enumerate()
        .map(|(i, n)| row![pid.clone(), n.key.clone(), i as i64, json(&n.text)])
        .collect();
    insert_rows(
        tx,
        "plan_needs",
        &["plan_id", "key", "position", "text"],
        needs,
    )
    .await?;
    let periods = t
        .periods
        .iter()
        .map(|q| {
            row![
                q.id.to_string(),
                pid.clone(),
                i64::from(q.seq),
                q.label.clone(),
                date(q.start),
                date(q.end)
            ]
        })
        .collect();
    insert_rows(
        tx,
        "periods",
        &["id", "plan_id", "seq", "label", "start_date", "end_date"],
        periods,
    )
    .await?;
    let milestones = t
        .milestones
        .iter()
        .map(|m| {
            row![
                m.id.to_string(),
                pid.clone(),
                i64::from(m.number),
                m.key.as_ref().map(ToString::to_string),
                json(&m.title),
                json(&m.objective),
                m.version
            ]
        })
        .collect();
    insert_rows(
        tx,
        "milestones",
        &[
            "id",
            "plan_id",
            "number",
            "key",
            "title",
            "objective",
            "version",
        ],
        milestones,
    )
    .await?;
    let activities = t
        .activities
        .iter()
        .map(|a| {
            row![
                a.id.to_string(),
                pid.clone(),
                a.milestone_id.to_string(),
                a.key.as_ref().map(ToString::to_string),
                i64::from(a.number),
                a.instance.map(i64::from),
                json(&a.title),
                json(&a.rationale),
                json(&a.needs),
                json(&a.financial_description),
                a.repeatable,
                i64::from(a.planned.start),
                i64::from(a.planned.end),
                a.actual_start.map(i64::from),
                a.actual_end.map(i64::from),
                a.status.as_str(),
                json(&a.leads),
                a.version,
            ]
        })
        .collect();
    insert_rows(
        tx,
        "activities",
        &[
            "id",
            "plan_id",
            "milestone_id",
            "key",
            "number",
            "instance",
            "title",
            "rationale",
            "needs",
            "financial_description",
            "repeatable",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "status",
            "leads",
            "version",
        ],
        activities,
    )
    .await?;
    let results = t
        .results
        .iter()
        .map(|r| {
            let (kind, parent): (&str, Option<String>) = match r.parent {
                ResultParent::Plan => ("plan", None),
                ResultParent::Activity(a) => ("activity", Some(a.to_string())),
                ResultParent::Result(n) => ("result", Some(n.to_string())),
            };
            row![
                r.id.to_string(),
                pid.clone(),
                kind,
                parent,
                r.level.as_str(),
                r.position,
                json(&r.title),
                json(&r.description),
                json(&r.assumptions),
                json(&r.responsible),
                r.version
            ]
        })
        .collect();
    insert_rows(
        tx,
        "result_nodes",
        &[
            "id",
            "plan_id",
            "parent_kind",
            "parent_id",
            "level",
            "position",
            "title",
            "description",
            "assumptions",
            "responsible",
            "version",
        ],
        results,
    )
    .await?;
    let indicators = t
        .indicators
        .iter()
        .map(|i| {
            let direction: Option<String> = i.direction.map(|d| tag(&d));
            row![
                i.id.to_string(),
                pid.clone(),
                i.result_id.to_string(),
                i.position,
                i.code.clone(),
                json(&i.statement),
                i.measure.as_str(),
                i.unit.clone(),
                direction,
                tag(&i.cumulation),
                json(&i.baselines),
                json(&i.data_source),
                json(&i.collection_method),
                tag(&i.frequency),
                json(&i.responsible),
                i.proposed_by.clone(),
                i.validated_by.clone(),
                i.version,
            ]
        })
        .collect();
    insert_rows(
        tx,
        "indicators",
        &[
            "id",
            "plan_id",
            "result_id",
            "position",
            "code",
            "statement",
            "measure",
            "unit",
            "direction",
            "cumulation",
            "baselines",
            "data_source",
            "collection_method",
            "frequency",
            "responsible",
            "proposed_by",
            "validated_by",
            "version",
        ],
        indicators,
    )
    .await?;
    let values: Vec<Vec<Arg>> = t
        .values
        .iter()
        .map(|v| {
            let is_number = matches!(v.value, handover_core::indicator::Value::Number(_));
            row![
                v.id.to_string(),
                pid.clone(),
                v.indicator_id.to_string(),
                v.period_id.to_string(),
                v.kind.as_str(),
                v.value.as_text(),
                is_number,
                json(&v.dimensions),
                json(&v.comment),
                v.evidence.clone(),
                v.reported_by.clone(),
                v.reported_at.map(ts),
                v.version,
            ]
        })
        .collect();
    insert_rows(
        tx,
        "indicator_values",
        &[
            "id",
            "plan_id",
            "indicator_id",
            "period_id",
            "kind",
            "value",
            "is_number",
            "dimensions",
            "comment",
            "evidence",
            "reported_by",
            "reported_at",
            "version",
        ],
        values,
    )
    .await?;
    let risks = t
        .risks
        .iter()
        .map(|r| {
            row![
                r.id.to_string(),
                pid.clone(),
                r.activity_id.map(|a| a.to_string()),
                r.result_id.map(|x| x.to_string()),
                json(&r.description),
                i64::from(r.likelihood.get()),
                i64::from(r.impact.get()),
                json(&r.mitigation),
                json(&r.owner),
                r.status.as_str(),
                r.review_date.map(date),
                r.version,
            ]
        })
        .collect();
    insert_rows(
        tx,
        "risks",
        &[
            "id",
            "plan_id",
            "activity_id",
            "result_id",
            "description",
            "likelihood",
            "impact",
            "mitigation",
            "owner",
            "status",
            "review_date",
            "version",
        ],
        risks,
    )
    .await?;
    Ok(())
}

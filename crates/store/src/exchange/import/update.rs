//! Updating a plan from a changed activity, inside the file's transaction: the plan keeps its
//! id, code, owner and whatever the import does not own (milestones, activities, cost lines);
//! its header, partners and needs' description are set from the activity; its results,
//! indicators and values are replaced; periods whose dates did not change keep their ids (and
//! so their reports), the others go. One audit entry records the plan's framework before and
//! after. The plan's version and framework version are raised (a material change clears an
//! endorsement), and the link records them as they now stand.

use super::State;
use super::chunk::{Existing, Parties, summary};
use super::rows;
use crate::StoreResult;
use crate::audit;
use crate::codec::{date, json};
use crate::error::StoreError;
use crate::exchange::sql::bind;
use crate::exchange::sql::insert;
use crate::framework::id_list;
use crate::plans::tree_in;
use crate::rows::Arg;
use handover_core::audit::AuditAction;
use handover_core::ids::PeriodId;
use handover_core::plan::PlanTree;
use handover_formats::iati::{ImportPlan, TreeOptions};
use serde_json::json;
use std::collections::HashMap;

/// Replaces the plan `e` with what the activity `p` says now.
pub(super) async fn apply(
    st: &mut State<'_>,
    p: &ImportPlan,
    e: &Existing,
    hash: &str,
    parties: &Parties,
    repeated: bool,
    stamp: &str,
) -> StoreResult<()> {
    let before = tree_in(&mut st.tx, e.plan).await?;
    let owner = before
        .parties
        .iter()
        .find(|o| o.id == before.plan.owner)
        .cloned()
        .ok_or_else(|| StoreError::Corrupt("a plan without its owner".into()))?;
    let partners = parties.partners(owner.id);
    let mut tree = p.to_tree(&TreeOptions {
        owner: &owner,
        partners: &partners,
        fallback_start: st.options.fallback_start,
        fallback_currency: &st.options.fallback_currency,
    });
    if repeated {
        super::tree::one_value_each(&mut tree);
    }
    let kept = adopt(&mut tree, &before);
    let pid = e.plan.to_string();
    for table in ["indicator_values", "indicators", "result_nodes"] {
        exec(
            st,
            &format!("DELETE FROM {table} WHERE plan_id = $1"),
            vec![pid.clone().into()],
        )
        .await?;
    }
    if kept.is_empty() {
        exec(
            st,
            "DELETE FROM periods WHERE plan_id = $1",
            vec![pid.clone().into()],
        )
        .await?;
    } else {
        let (marks, mut values) = id_list(&kept, 2);
        values.insert(0, pid.clone().into());
        let sql = format!("DELETE FROM periods WHERE plan_id = $1 AND id NOT IN ({marks})");
        exec(st, &sql, values).await?;
        exec(
            st,
            "UPDATE periods SET seq = -seq WHERE plan_id = $1",
            vec![pid.clone().into()],
        )
        .await?;
    }
    for q in tree.periods.iter().filter(|q| kept.contains(&q.id)) {
        let sql = "UPDATE periods SET seq = $1, label = $2 WHERE id = $3";
        let values = vec![
            i64::from(q.seq).into(),
            q.label.clone().into(),
            q.id.to_string().into(),
        ];
        exec(st, sql, values).await?;
    }
    let fresh: Vec<_> = tree
        .periods
        .iter()
        .filter(|q| !kept.contains(&q.id))
        .collect();
    rows::periods(&mut st.tx, &fresh).await?;
    let results: Vec<_> = tree.results.iter().collect();
    let indicators: Vec<_> = tree.indicators.iter().collect();
    let values: Vec<_> = tree.values.iter().collect();
    rows::framework(&mut st.tx, &results, &indicators, &values).await?;
    header(st, &tree, &before, stamp).await?;
    for table in ["iati_budgets", "iati_party_roles", "iati_links"] {
        exec(
            st,
            &format!("DELETE FROM {table} WHERE plan_id = $1"),
            vec![pid.clone().into()],
        )
        .await?;
    }
    let link = rows::Link {
        plan: e.plan,
        identifier: &p.identifier,
        hash,
        plan_version: tree.plan.version,
        framework_version: e.now_framework + 1,
        audit_entries: e.now_audit + 1,
        dates: &p.dates,
        budgets: &p.budgets,
        roles: &parties.roles,
    };
    let source = st.options.source.as_deref();
    rows::links(&mut st.tx, &[link], source, stamp).await?;
    let mut after = snapshot(&tree);
    after["import"] = summary(p, &tree, hash, source);
    audit::record(
        &mut st.tx,
        st.actor,
        AuditAction::Import,
        "plan",
        &pid,
        Some(e.plan),
        Some(&snapshot(&before)),
        Some(&after),
    )
    .await
}

/// Gives the new tree the plan's identity, and the ids of periods whose dates did not
/// change; returns those ids.
fn adopt(tree: &mut PlanTree, before: &PlanTree) -> Vec<PeriodId> {
    let b = &before.plan;
    let id = b.id;
    tree.plan.id = id;
    tree.plan.code = b.code.clone();
    tree.plan.kind = b.kind;
    tree.plan.template_code.clone_from(&b.template_code);
    tree.plan.report_due_days = b.report_due_days;
    tree.plan.version = b.version + 1;
    let old: HashMap<_, PeriodId> = before
        .periods
        .iter()
        .map(|q| ((q.start, q.end), q.id))
        .collect();
    let mut moved = HashMap::new();
    let mut kept = Vec::new();
    for q in &mut tree.periods {
        q.plan_id = id;
        if let Some(old_id) = old.get(&(q.start, q.end)) {
            moved.insert(q.id, *old_id);
            q.id = *old_id;
            kept.push(*old_id);
        }
    }
    for r in &mut tree.results {
        r.plan_id = id;
    }
    for i in &mut tree.indicators {
        i.plan_id = id;
    }
    for v in &mut tree.values {
        v.plan_id = id;
        if let Some(n) = moved.get(&v.period_id) {
            v.period_id = *n;
        }
    }
    kept
}

/// The plan's own row, its description and its partners.
async fn header(
    st: &mut State<'_>,
    t: &PlanTree,
    before: &PlanTree,
    stamp: &str,
) -> StoreResult<()> {
    let p = &t.plan;
    let pid = p.id.to_string();
    let values: Vec<Arg> = vec![
        json(&p.name).into(),
        date(p.start.date()).into(),
        i64::from(p.quarters).into(),
        p.currency.to_string().into(),
        json(&p.languages).into(),
        p.status.as_str().into(),
        stamp.into(),
        pid.clone().into(),
    ];
    exec(
        st,
        "UPDATE plans SET name = $1, start_date = $2, quarters = $3, currency = $4, languages = $5, \
         status = $6, version = version + 1, framework_version = framework_version + 1, updated_at = $7 \
         WHERE id = $8",
        values,
    )
    .await?;
    exec(
        st,
        "DELETE FROM plan_needs WHERE plan_id = $1 AND key = 'description'",
        vec![pid.clone().into()],
    )
    .await?;
    let position = before
        .needs
        .iter()
        .position(|n| n.key == "description")
        .unwrap_or(before.needs.len());
    let needs = t
        .needs
        .iter()
        .map(|n| crate::rows::row![pid.clone(), n.key.clone(), position as i64, json(&n.text)])
        .collect();
    insert(
        &mut st.tx,
        "plan_needs",
        &["plan_id", "key", "position", "text"],
        needs,
    )
    .await?;
    exec(
        st,
        "DELETE FROM plan_parties WHERE plan_id = $1 AND role = 'partner'",
        vec![pid.into()],
    )
    .await?;
    let parties = rows::party_rows(p.id, p.owner, &p.partners, 1);
    insert(
        &mut st.tx,
        "plan_parties",
        &["plan_id", "organisation_id", "role", "position"],
        parties,
    )
    .await
}

/// The plan's framework as the audit trail keeps it.
fn snapshot(t: &PlanTree) -> serde_json::Value {
    json!({
        "plan": t.plan,
        "parties": t.parties.iter().map(|o| o.code.as_str()).collect::<Vec<_>>(),
        "needs": t.needs,
        "periods": t.periods,
        "results": t.results,
        "indicators": t.indicators,
        "values": t.values,
    })
}

/// Runs one statement in the file's transaction.
async fn exec(st: &mut State<'_>, sql: &str, values: Vec<Arg>) -> StoreResult<()> {
    sqlx::query_with(sql, bind(values)?)
        .execute(&mut *st.tx)
        .await
        .map_err(StoreError::db("updating an imported plan"))?;
    Ok(())
}

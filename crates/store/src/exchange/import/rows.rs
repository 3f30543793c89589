//! Batched multi-row inserts of imported plans: many plans' rows in one statement per table
//! (up to the parameter limit), their links, budgets, party roles and audit entries. Imported
//! plans have no milestones, activities or risks; the columns are those of
//! `plans::create`, whose single-plan writer cannot share a file's transaction.

use crate::StoreResult;
use crate::codec::{date, json, tag, ts};
use crate::exchange::sql::insert;
use crate::rows::{Arg, row};
use handover_core::ids::{OrgId, PlanId};
use handover_core::indicator::Value;
use handover_core::plan::{Period, PlanTree, ResultNode, ResultParent};
use handover_core::{indicator::Indicator, indicator::PeriodValue};
use handover_formats::iati::{BudgetKind, BudgetStatus, ImportBudget, ImportDates, OrgRole};
use sqlx::{Any, Transaction};

/// Plans' own rows: the plan, its parties and its needs.
pub(super) async fn plans(
    tx: &mut Transaction<'_, Any>,
    trees: &[&PlanTree],
    stamp: &str,
) -> StoreResult<()> {
    let mut plans = Vec::with_capacity(trees.len());
    let mut parties = Vec::new();
    let mut needs = Vec::new();
    for t in trees {
        let p = &t.plan;
        let pid = p.id.to_string();
        plans.push(row![
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
            stamp,
            stamp,
        ]);
        parties.extend(party_rows(p.id, p.owner, &p.partners, 0));
        for (i, n) in t.needs.iter().enumerate() {
            needs.push(row![pid.clone(), n.key.clone(), i as i64, json(&n.text)]);
        }
    }
    insert(
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
        plans,
    )
    .await?;
    insert(
        tx,
        "plan_parties",
        &["plan_id", "organisation_id", "role", "position"],
        parties,
    )
    .await?;
    insert(
        tx,
        "plan_needs",
        &["plan_id", "key", "position", "text"],
        needs,
    )
    .await
}

/// Rows of `plan_parties`: the owner (when `from` is 0) and the partners.
pub(super) fn party_rows(
    plan: PlanId,
    owner: OrgId,
    partners: &[OrgId],
    from: usize,
) -> Vec<Vec<Arg>> {
    let pid = plan.to_string();
    std::iter::once((owner, "owner"))
        .chain(partners.iter().map(|o| (*o, "partner")))
        .enumerate()
        .skip(from)
        .map(|(i, (o, role))| row![pid.clone(), o.to_string(), role, i as i64])
        .collect()
}

/// Periods.
pub(super) async fn periods(tx: &mut Transaction<'_, Any>, periods: &[&Period]) -> StoreResult<()> {
    let rows = periods
        .iter()
        .map(|q| {
            row![
                q.id.to_string(),
                q.plan_id.to_string(),
                i64::from(q.seq),
                q.label.clone(),
                date(q.start),
                date(q.end)
            ]
        })
        .collect();
    insert(
        tx,
        "periods",
        &["id", "plan_id", "seq", "label", "start_date", "end_date"],
        rows,
    )
    .await
}

/// Result nodes, indicators and values.
pub(super) async fn framework(
    tx: &mut Transaction<'_, Any>,
    results: &[&ResultNode],
    indicators: &[&Indicator],
    values: &[&PeriodValue],
) -> StoreResult<()> {
    let rows = results.iter().map(|r| result_row(r)).collect();
    insert(
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
        rows,
    )
    .await?;
    let rows = indicators.iter().map(|i| indicator_row(i)).collect();
    insert(
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
        rows,
    )
    .await?;
    let rows = values.iter().map(|v| value_row(v)).collect();
    insert(
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
        rows,
    )
    .await
}

fn result_row(r: &ResultNode) -> Vec<Arg> {
    let (kind, parent): (&str, Option<String>) = match r.parent {
        ResultParent::Plan => ("plan", None),
        ResultParent::Activity(a) => ("activity", Some(a.to_string())),
        ResultParent::Result(n) => ("result", Some(n.to_string())),
    };
    row![
        r.id.to_string(),
        r.plan_id.to_string(),
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
}

fn indicator_row(i: &Indicator) -> Vec<Arg> {
    row![
        i.id.to_string(),
        i.plan_id.to_string(),
        i.result_id.to_string(),
        i.position,
        i.code.clone(),
        json(&i.statement),
        i.measure.as_str(),
        i.unit.clone(),
        i.direction.map(|d| tag(&d)),
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
}

fn value_row(v: &PeriodValue) -> Vec<Arg> {
    row![
        v.id.to_string(),
        v.plan_id.to_string(),
        v.indicator_id.to_string(),
        v.period_id.to_string(),
        v.kind.as_str(),
        v.value.as_text(),
        matches!(v.value, Value::Number(_)),
        json(&v.dimensions),
        json(&v.comment),
        v.evidence.clone(),
        v.reported_by.clone(),
        v.reported_at.map(ts),
        v.version,
    ]
}

/// What an import records about one plan besides the plan itself.
#[derive(Debug)]
pub(super) struct Link<'a> {
    pub plan: PlanId,
    pub identifier: &'a str,
    pub hash: &'a str,
    pub plan_version: i64,
    pub framework_version: i64,
    pub audit_entries: i64,
    pub dates: &'a ImportDates,
    pub budgets: &'a [ImportBudget],
    pub roles: &'a [(OrgId, OrgRole)],
}

/// Writes links, budgets and party roles.
pub(super) async fn links(
    tx: &mut Transaction<'_, Any>,
    links: &[Link<'_>],
    source: Option<&str>,
    stamp: &str,
) -> StoreResult<()> {
    let mut rows = Vec::with_capacity(links.len());
    let mut budgets = Vec::new();
    let mut roles = Vec::new();
    for l in links {
        let pid = l.plan.to_string();
        let d = l.dates;
        rows.push(row![
            pid.clone(),
            l.identifier,
            l.hash,
            l.plan_version,
            l.framework_version,
            l.audit_entries,
            d.planned_start.map(date),
            d.actual_start.map(date),
            d.planned_end.map(date),
            d.actual_end.map(date),
            source.map(str::to_owned),
            stamp,
            1i64,
        ]);
        for (i, b) in l.budgets.iter().enumerate() {
            budgets.push(row![
                pid.clone(),
                i as i64,
                b.start.map(date),
                b.end.map(date),
                b.value.map(|v| v.to_string()),
                b.currency.as_ref().map(ToString::to_string),
                b.value_date.map(date),
                budget_kind(b.kind),
                budget_status(b.status),
                1i64,
            ]);
        }
        for (o, r) in l.roles {
            roles.push(row![pid.clone(), o.to_string(), r.code(), 1i64]);
        }
    }
    insert(
        tx,
        "iati_links",
        &[
            "plan_id",
            "identifier",
            "content_hash",
            "plan_version",
            "framework_version",
            "audit_entries",
            "planned_start",
            "actual_start",
            "planned_end",
            "actual_end",
            "source",
            "imported_at",
            "version",
        ],
        rows,
    )
    .await?;
    insert(
        tx,
        "iati_budgets",
        &[
            "plan_id",
            "position",
            "period_start",
            "period_end",
            "value",
            "currency",
            "value_date",
            "kind",
            "status",
            "version",
        ],
        budgets,
    )
    .await?;
    insert(
        tx,
        "iati_party_roles",
        &["plan_id", "organisation_id", "role", "version"],
        roles,
    )
    .await
}

/// The BudgetType code.
pub(crate) fn budget_kind(k: BudgetKind) -> &'static str {
    match k {
        BudgetKind::Original => "1",
        BudgetKind::Revised => "2",
    }
}

/// The BudgetStatus code.
pub(crate) fn budget_status(s: BudgetStatus) -> &'static str {
    match s {
        BudgetStatus::Indicative => "1",
        BudgetStatus::Committed => "2",
    }
}

/// Audit entries: rows of (id, at, actor, action, entity, entity_id, plan_id, before, after).
pub(super) async fn insert_audit(
    tx: &mut Transaction<'_, Any>,
    rows: Vec<Vec<Arg>>,
) -> StoreResult<()> {
    insert(
        tx,
        "audit_log",
        &[
            "id",
            "at",
            "actor",
            "action",
            "entity",
            "entity_id",
            "plan_id",
            "before",
            "after",
        ],
        rows,
    )
    .await
}

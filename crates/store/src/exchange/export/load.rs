//! Reading plans for an export, a batch at a time: one query per table for the whole batch
//! (`plan_id IN (…)`) instead of one per table and plan, which is what lets an export of a
//! large portfolio stream at the speed of the writer. A loaded tree holds what the export
//! writes — the plan, its parties, periods, needs, results, indicators and values — and no
//! milestones, activities or risks (a plan with cost lines is re-read whole with its budget).

use crate::StoreResult;
use crate::codec::{from_json, id, parse_date, parse_ts, parsed};
use crate::error::StoreError;
use crate::framework::id_list;
use crate::plans::{indicator_from, result_from};
use crate::rows::{Arg, Get};
use handover_core::calendar::MonthStart;
use handover_core::ids::{Code, OrgId, PlanId};
use handover_core::money::Currency;
use handover_core::org::{OrgType, Organisation};
use handover_core::plan::{Need, Period, Plan, PlanKind, PlanStatus, PlanTree};
use handover_formats::iati::{
    ActivityDate, BudgetKind, BudgetStatus, DateKind, IatiBudget, OrgRole,
};
use sqlx::AnyConnection;
use sqlx::any::AnyRow;
use std::collections::HashMap;
use time::OffsetDateTime;

/// A plan as the export needs it.
#[derive(Debug)]
pub(super) struct Loaded {
    pub tree: PlanTree,
    pub updated: OffsetDateTime,
    /// The IATI identifier it was imported from.
    pub identifier: Option<String>,
    /// The activity's own dates, as imported.
    pub dates: Vec<ActivityDate>,
    /// The budgets the import kept.
    pub budgets: Vec<IatiBudget>,
    pub roles: Vec<(OrgId, OrgRole)>,
    pub has_cost_lines: bool,
}

/// Reads the plans `ids` (already known to be in the actor's scope), in that order.
pub(super) async fn batch(conn: &mut AnyConnection, ids: &[PlanId]) -> StoreResult<Vec<Loaded>> {
    let (marks, values) = id_list(ids, 1);
    let mut q = Query {
        conn,
        marks,
        values,
    };
    let headers = q.rows("SELECT * FROM plans WHERE id IN ({})").await?;
    let parties = q
        .rows(
            "SELECT pp.plan_id, pp.role, o.id, o.code, o.name, o.org_type, o.region, o.union_id, o.iati_id, o.ministry, o.version \
             FROM plan_parties pp JOIN organisations o ON o.id = pp.organisation_id WHERE pp.plan_id IN ({}) ORDER BY pp.plan_id, pp.position",
        )
        .await?;
    let periods = q
        .rows("SELECT * FROM periods WHERE plan_id IN ({}) ORDER BY plan_id, seq")
        .await?;
    let needs = q
        .rows("SELECT * FROM plan_needs WHERE plan_id IN ({}) ORDER BY plan_id, position")
        .await?;
    let results = q
        .rows("SELECT * FROM result_nodes WHERE plan_id IN ({}) ORDER BY plan_id, position")
        .await?;
    let indicators = q
        .rows("SELECT * FROM indicators WHERE plan_id IN ({}) ORDER BY plan_id, position")
        .await?;
    let sqlite = q.conn.backend_name() == "SQLite";
    let values = q.rows(super::values::query(sqlite)).await?;
    let links = q
        .rows("SELECT * FROM iati_links WHERE plan_id IN ({})")
        .await?;
    let budgets = q
        .rows("SELECT * FROM iati_budgets WHERE plan_id IN ({}) ORDER BY plan_id, position")
        .await?;
    let roles = q.rows("SELECT * FROM iati_party_roles WHERE plan_id IN ({}) ORDER BY plan_id, organisation_id, role").await?;
    let costed = q
        .rows("SELECT DISTINCT plan_id FROM cost_lines WHERE plan_id IN ({})")
        .await?;

    let mut by_plan: HashMap<String, Parts> = HashMap::new();
    let mut group =
        |rows: Vec<AnyRow>, pick: fn(&mut Parts) -> &mut Vec<AnyRow>| -> StoreResult<()> {
            for r in rows {
                let key = r.text("plan_id")?;
                pick(by_plan.entry(key).or_default()).push(r);
            }
            Ok(())
        };
    group(parties, |p| &mut p.parties)?;
    group(periods, |p| &mut p.periods)?;
    group(needs, |p| &mut p.needs)?;
    group(results, |p| &mut p.results)?;
    group(indicators, |p| &mut p.indicators)?;
    group(values, |p| &mut p.values)?;
    group(links, |p| &mut p.links)?;
    group(budgets, |p| &mut p.budgets)?;
    group(roles, |p| &mut p.roles)?;
    group(costed, |p| &mut p.costed)?;
    let mut headers: HashMap<String, AnyRow> = headers
        .into_iter()
        .map(|r| Ok((r.text("id")?, r)))
        .collect::<StoreResult<_>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for plan_id in ids {
        let key = plan_id.to_string();
        let Some(header) = headers.remove(&key) else {
            continue;
        };
        let parts = by_plan.remove(&key).unwrap_or_default();
        out.push(assemble(*plan_id, &header, parts)?);
    }
    Ok(out)
}

/// The rows of one plan, by table.
#[derive(Default)]
struct Parts {
    parties: Vec<AnyRow>,
    periods: Vec<AnyRow>,
    needs: Vec<AnyRow>,
    results: Vec<AnyRow>,
    indicators: Vec<AnyRow>,
    values: Vec<AnyRow>,
    links: Vec<AnyRow>,
    budgets: Vec<AnyRow>,
    roles: Vec<AnyRow>,
    costed: Vec<AnyRow>,
}

/// One query shape run for the batch: `{}` stands for the ids' placeholders.
struct Query<'c> {
    conn: &'c mut AnyConnection,
    marks: String,
    values: Vec<Arg>,
}

impl Query<'_> {
    async fn rows(&mut self, shape: &str) -> StoreResult<Vec<AnyRow>> {
        let sql = shape.replace("{}", &self.marks);
        let args = crate::exchange::sql::bind(self.values.clone())?;
        sqlx::query_with(&sql, args)
            .fetch_all(&mut *self.conn)
            .await
            .map_err(StoreError::db("reading plans to export"))
    }
}

fn assemble(plan_id: PlanId, h: &AnyRow, p: Parts) -> StoreResult<Loaded> {
    let mut owner = None;
    let mut partners = vec![];
    let mut parties = vec![];
    for r in &p.parties {
        let org = Organisation {
            id: id(&r.text("id")?)?,
            code: parsed(Code::parse(&r.text("code")?))?,
            name: r.text("name")?,
            org_type: parsed(OrgType::parse(&r.text("org_type")?))?,
            region: r.opt_text("region")?,
            union_id: r.opt_text("union_id")?.map(|u| id(&u)).transpose()?,
            iati_id: r.opt_text("iati_id")?,
            ministry: r.int("ministry")? != 0,
            version: r.int("version")?,
        };
        if r.text("role")? == "owner" {
            owner = Some(org.id);
        } else {
            partners.push(org.id);
        }
        parties.push(org);
    }
    let plan = Plan {
        id: plan_id,
        code: parsed(Code::parse(&h.text("code")?))?,
        name: from_json(&h.text("name")?, "plan name")?,
        kind: parsed(PlanKind::parse(&h.text("kind")?))?,
        owner: owner.ok_or_else(|| StoreError::Corrupt("a plan without an owner".into()))?,
        partners,
        start: parsed(MonthStart::parse(&h.text("start_date")?))?,
        quarters: h.int("quarters")? as u16,
        currency: parsed(Currency::parse(&h.text("currency")?))?,
        languages: from_json(&h.text("languages")?, "plan languages")?,
        status: parsed(PlanStatus::parse(&h.text("status")?))?,
        template_code: h.opt_text("template_code")?,
        report_due_days: h.int("report_due_days")? as u16,
        version: h.int("version")?,
    };
    let periods = p
        .periods
        .iter()
        .map(|r| {
            Ok(Period {
                id: id(&r.text("id")?)?,
                plan_id,
                seq: r.int("seq")? as u16,
                label: r.text("label")?,
                start: parse_date(&r.text("start_date")?)?,
                end: parse_date(&r.text("end_date")?)?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    let needs = p
        .needs
        .iter()
        .map(|r| {
            Ok(Need {
                key: r.text("key")?,
                text: from_json(&r.text("text")?, "need")?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    let values = match p.values.first() {
        Some(r) => super::values::decode(plan_id, &r.text("vals")?, &periods)?,
        None => vec![],
    };
    let tree = PlanTree {
        plan,
        parties,
        periods,
        needs,
        milestones: vec![],
        activities: vec![],
        results: p
            .results
            .iter()
            .map(|r| result_from(r, plan_id))
            .collect::<StoreResult<_>>()?,
        indicators: p
            .indicators
            .iter()
            .map(|r| indicator_from(r, plan_id))
            .collect::<StoreResult<_>>()?,
        values,
        risks: vec![],
    };
    let link = p.links.first();
    let mut dates = vec![];
    if let Some(l) = link {
        for (col, kind) in [
            ("planned_start", DateKind::PlannedStart),
            ("actual_start", DateKind::ActualStart),
            ("planned_end", DateKind::PlannedEnd),
            ("actual_end", DateKind::ActualEnd),
        ] {
            if let Some(d) = l.opt_text(col)? {
                dates.push(ActivityDate {
                    kind: Some(kind),
                    date: Some(parse_date(&d)?),
                });
            }
        }
    }
    Ok(Loaded {
        tree,
        updated: parse_ts(&h.text("updated_at")?)?,
        identifier: link.map(|l| l.text("identifier")).transpose()?,
        dates,
        budgets: p.budgets.iter().map(budget).collect::<StoreResult<_>>()?,
        roles: p
            .roles
            .iter()
            .map(|r| {
                let role = OrgRole::from_code(&r.text("role")?)
                    .ok_or_else(|| StoreError::Corrupt("an IATI organisation role".into()))?;
                Ok((id(&r.text("organisation_id")?)?, role))
            })
            .collect::<StoreResult<_>>()?,
        has_cost_lines: !p.costed.is_empty(),
    })
}

fn budget(r: &AnyRow) -> StoreResult<IatiBudget> {
    let date =
        |col: &str| -> StoreResult<_> { r.opt_text(col)?.map(|d| parse_date(&d)).transpose() };
    let value = r
        .opt_text("value")?
        .map(|v| {
            v.parse()
                .map_err(|_| StoreError::Corrupt(format!("budget value `{v}`")))
        })
        .transpose()?;
    Ok(IatiBudget {
        kind: Some(if r.text("kind")? == "2" {
            BudgetKind::Revised
        } else {
            BudgetKind::Original
        }),
        status: Some(if r.text("status")? == "2" {
            BudgetStatus::Committed
        } else {
            BudgetStatus::Indicative
        }),
        start: date("period_start")?,
        end: date("period_end")?,
        value,
        original: None,
        currency: r.opt_text("currency")?,
        value_date: date("value_date")?,
    })
}

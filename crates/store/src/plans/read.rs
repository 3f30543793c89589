//! Reading plans: the portfolio list an actor may see, and one whole plan.

use super::{access, read_scope, scope_org};
use crate::StoreResult;
use crate::codec::{self, from_json, from_tag, id, parse_date, parsed};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::Get;
use handover_core::actor::Actor;
use handover_core::calendar::{MonthStart, QuarterRange};
use handover_core::ids::{Code, OrgId, PlanId};
use handover_core::indicator::{Indicator, Measure, PeriodValue, Value, ValueKind};
use handover_core::money::Currency;
use handover_core::org::Organisation;
use handover_core::plan::{
    Activity, Milestone, Need, Period, Plan, PlanKind, PlanStatus, PlanTree, ProgressStatus,
    ResultLevel, ResultNode, ResultParent,
};
use handover_core::risk::{Risk, RiskStatus, Score};
use handover_core::text::Text;
use serde::Serialize;
use sqlx::AnyConnection;
use sqlx::any::AnyRow;

/// A party of a listed plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartyRef {
    pub id: OrgId,
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub org_type: String,
    pub region: Option<String>,
    /// `owner` or `partner`.
    pub role: String,
}

/// A plan as listed in a portfolio.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanSummary {
    pub id: PlanId,
    pub code: String,
    pub name: Text,
    pub kind: String,
    pub status: String,
    pub start: String,
    pub quarters: i64,
    pub currency: String,
    pub owner: String,
    pub region: Option<String>,
    pub partners: Vec<String>,
    /// Every party with its directory entry, the owner first.
    pub parties: Vec<PartyRef>,
    pub activities: i64,
    pub activities_completed: i64,
    /// The first milestone, in order, with an activity not completed: where the plan is now.
    pub current_milestone: Option<CurrentMilestone>,
    pub version: i64,
}

/// The milestone a plan is at.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurrentMilestone {
    pub number: i64,
    pub title: Text,
}

/// The plans an actor can see, by code.
pub async fn list(store: &Store, actor: &Actor) -> StoreResult<Vec<PlanSummary>> {
    let sql = format!(
        "SELECT p.id, p.code, p.name, p.kind, p.status, p.start_date, p.quarters, p.currency, p.version, \
         o.name AS owner_name, o.region, \
         (SELECT COUNT(*) FROM activities a WHERE a.plan_id = p.id) AS n_activities, \
         (SELECT COUNT(*) FROM activities a WHERE a.plan_id = p.id AND a.status = 'completed') AS n_completed, \
         (SELECT m.number FROM milestones m WHERE m.plan_id = p.id AND EXISTS (SELECT 1 FROM activities a \
          WHERE a.milestone_id = m.id AND a.status <> 'completed') ORDER BY m.number LIMIT 1) AS current_number, \
         (SELECT m.title FROM milestones m WHERE m.plan_id = p.id AND EXISTS (SELECT 1 FROM activities a \
          WHERE a.milestone_id = m.id AND a.status <> 'completed') ORDER BY m.number LIMIT 1) AS current_title \
         FROM plans p JOIN organisations o ON o.id = p.owner_id WHERE {} ORDER BY p.code",
        read_scope(actor)
    );
    let rows = sqlx::query(&sql)
        .bind(scope_org(actor))
        .fetch_all(&store.pool)
        .await
        .map_err(StoreError::db("listing plans"))?;
    let partner_sql = format!(
        "SELECT pp.plan_id, pp.role, o.id, o.code, o.name, o.org_type, o.region FROM plan_parties pp \
         JOIN organisations o ON o.id = pp.organisation_id \
         JOIN plans p ON p.id = pp.plan_id WHERE {} ORDER BY pp.position",
        read_scope(actor)
    );
    let partners = sqlx::query(&partner_sql)
        .bind(scope_org(actor))
        .fetch_all(&store.pool)
        .await
        .map_err(StoreError::db("listing plan partners"))?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let pid = r.text("id")?;
        out.push(PlanSummary {
            id: id(&pid)?,
            code: r.text("code")?,
            name: from_json(&r.text("name")?, "plan name")?,
            kind: r.text("kind")?,
            status: r.text("status")?,
            start: r.text("start_date")?,
            quarters: r.int("quarters")?,
            currency: r.text("currency")?,
            owner: r.text("owner_name")?,
            region: r.opt_text("region")?,
            partners: partners
                .iter()
                .filter(|p| p.text("plan_id").is_ok_and(|x| x == pid))
                .filter(|p| p.text("role").is_ok_and(|r| r == "partner"))
                .map(|p| p.text("name"))
                .collect::<Result<_, _>>()?,
            parties: partners
                .iter()
                .filter(|p| p.text("plan_id").is_ok_and(|x| x == pid))
                .map(|p| {
                    Ok(PartyRef {
                        id: id(&p.text("id")?)?,
                        code: p.text("code")?,
                        name: p.text("name")?,
                        org_type: p.text("org_type")?,
                        region: p.opt_text("region")?,
                        role: p.text("role")?,
                    })
                })
                .collect::<StoreResult<_>>()?,
            activities: r.int("n_activities")?,
            activities_completed: r.int("n_completed")?,
            current_milestone: match (r.opt_int("current_number")?, r.opt_text("current_title")?) {
                (Some(number), Some(title)) => Some(CurrentMilestone {
                    number,
                    title: from_json(&title, "milestone title")?,
                }),
                _ => None,
            },
            version: r.int("version")?,
        });
    }
    Ok(out)
}

/// One whole plan, if the actor may read it.
pub async fn load(store: &Store, actor: &Actor, plan_id: PlanId) -> StoreResult<PlanTree> {
    access(store, actor, plan_id).await?;
    let mut conn = store
        .pool
        .acquire()
        .await
        .map_err(StoreError::db("reading a plan"))?;
    tree_in(&mut conn, plan_id).await
}

/// One whole plan read through `conn` (a pooled connection or a write's own transaction),
/// without any scope check: the caller has made it.
pub(crate) async fn tree_in(conn: &mut AnyConnection, plan_id: PlanId) -> StoreResult<PlanTree> {
    let pid = plan_id.to_string();
    let header = fetch(conn, &pid, "SELECT * FROM plans WHERE id = $1").await?;
    let header = header
        .first()
        .ok_or_else(|| StoreError::NotFound(format!("plan {plan_id}")))?;
    let party_rows = fetch(
        conn,
        &pid,
        "SELECT pp.role, o.id, o.code, o.name, o.org_type, o.region, o.union_id, o.iati_id, o.ministry, o.version \
         FROM plan_parties pp JOIN organisations o ON o.id = pp.organisation_id WHERE pp.plan_id = $1 ORDER BY pp.position",
    )
    .await?;
    let mut owner = None;
    let mut partners = vec![];
    let mut parties = vec![];
    for r in &party_rows {
        let org = Organisation {
            id: id(&r.text("id")?)?,
            code: parsed(Code::parse(&r.text("code")?))?,
            name: r.text("name")?,
            org_type: parsed(handover_core::org::OrgType::parse(&r.text("org_type")?))?,
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
    let plan = plan_from(
        header,
        owner.ok_or_else(|| StoreError::Corrupt("a plan without an owner".into()))?,
        partners,
    )?;
    let periods = fetch(
        conn,
        &pid,
        "SELECT * FROM periods WHERE plan_id = $1 ORDER BY seq",
    )
    .await?
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
    let needs = fetch(
        conn,
        &pid,
        "SELECT * FROM plan_needs WHERE plan_id = $1 ORDER BY position",
    )
    .await?
    .iter()
    .map(|r| {
        Ok(Need {
            key: r.text("key")?,
            text: from_json(&r.text("text")?, "need")?,
        })
    })
    .collect::<StoreResult<Vec<_>>>()?;
    let milestones = fetch(
        conn,
        &pid,
        "SELECT * FROM milestones WHERE plan_id = $1 ORDER BY number",
    )
    .await?
    .iter()
    .map(|r| milestone_from(r, plan_id))
    .collect::<StoreResult<Vec<_>>>()?;
    let activities = fetch(
        conn,
        &pid,
        "SELECT * FROM activities WHERE plan_id = $1 ORDER BY number, instance",
    )
    .await?
    .iter()
    .map(|r| activity_from(r, plan_id))
    .collect::<StoreResult<Vec<_>>>()?;
    let results = fetch(
        conn,
        &pid,
        "SELECT * FROM result_nodes WHERE plan_id = $1 ORDER BY position",
    )
    .await?
    .iter()
    .map(|r| result_from(r, plan_id))
    .collect::<StoreResult<Vec<_>>>()?;
    let indicators = fetch(
        conn,
        &pid,
        "SELECT * FROM indicators WHERE plan_id = $1 ORDER BY position",
    )
    .await?
    .iter()
    .map(|r| indicator_from(r, plan_id))
    .collect::<StoreResult<Vec<_>>>()?;
    let values = fetch(
        conn,
        &pid,
        "SELECT v.* FROM indicator_values v JOIN periods q ON q.id = v.period_id WHERE v.plan_id = $1 ORDER BY v.indicator_id, q.seq, v.kind, v.dimensions",
    )
    .await?
    .iter()
    .map(|r| value_from(r, plan_id))
    .collect::<StoreResult<Vec<_>>>()?;
    let risks = fetch(
        conn,
        &pid,
        "SELECT * FROM risks WHERE plan_id = $1 ORDER BY id",
    )
    .await?
    .iter()
    .map(|r| risk_from(r, plan_id))
    .collect::<StoreResult<Vec<_>>>()?;
    Ok(PlanTree {
        plan,
        parties,
        periods,
        needs,
        milestones,
        activities,
        results,
        indicators,
        values,
        risks,
    })
}

/// The rows one query about a plan answers (`$1` is the plan's id).
async fn fetch(conn: &mut AnyConnection, pid: &str, sql: &str) -> StoreResult<Vec<AnyRow>> {
    sqlx::query(sql)
        .bind(pid.to_owned())
        .fetch_all(&mut *conn)
        .await
        .map_err(StoreError::db("reading a plan"))
}

pub(crate) fn plan_from(r: &AnyRow, owner: OrgId, partners: Vec<OrgId>) -> StoreResult<Plan> {
    Ok(Plan {
        id: id(&r.text("id")?)?,
        code: parsed(Code::parse(&r.text("code")?))?,
        name: from_json(&r.text("name")?, "plan name")?,
        kind: parsed(PlanKind::parse(&r.text("kind")?))?,
        owner,
        partners,
        start: parsed(MonthStart::parse(&r.text("start_date")?))?,
        quarters: r.int("quarters")? as u16,
        currency: parsed(Currency::parse(&r.text("currency")?))?,
        languages: from_json(&r.text("languages")?, "plan languages")?,
        status: parsed(PlanStatus::parse(&r.text("status")?))?,
        template_code: r.opt_text("template_code")?,
        report_due_days: r.int("report_due_days")? as u16,
        version: r.int("version")?,
    })
}

pub(crate) fn milestone_from(r: &AnyRow, plan_id: PlanId) -> StoreResult<Milestone> {
    Ok(Milestone {
        id: id(&r.text("id")?)?,
        plan_id,
        number: r.int("number")? as u16,
        key: r
            .opt_text("key")?
            .map(|k| parsed(handover_core::ids::Key::parse(&k)))
            .transpose()?,
        title: from_json(&r.text("title")?, "milestone title")?,
        objective: from_json(&r.text("objective")?, "milestone objective")?,
        version: r.int("version")?,
    })
}

pub(crate) fn activity_from(r: &AnyRow, plan_id: PlanId) -> StoreResult<Activity> {
    let start = r.int("planned_start")? as u16;
    let end = r.int("planned_end")? as u16;
    Ok(Activity {
        id: id(&r.text("id")?)?,
        plan_id,
        milestone_id: id(&r.text("milestone_id")?)?,
        key: r
            .opt_text("key")?
            .map(|k| parsed(handover_core::ids::Key::parse(&k)))
            .transpose()?,
        number: r.int("number")? as u16,
        instance: r.opt_int("instance")?.map(|i| i as u16),
        title: from_json(&r.text("title")?, "activity title")?,
        rationale: from_json(&r.text("rationale")?, "activity rationale")?,
        needs: from_json(&r.text("needs")?, "activity needs")?,
        financial_description: from_json(
            &r.text("financial_description")?,
            "financial description",
        )?,
        repeatable: r.int("repeatable")? != 0,
        planned: QuarterRange { start, end },
        actual_start: r.opt_int("actual_start")?.map(|q| q as u16),
        actual_end: r.opt_int("actual_end")?.map(|q| q as u16),
        status: parsed(ProgressStatus::parse(&r.text("status")?))?,
        leads: from_json(&r.text("leads")?, "activity leads")?,
        version: r.int("version")?,
    })
}

pub(crate) fn result_from(r: &AnyRow, plan_id: PlanId) -> StoreResult<ResultNode> {
    let parent = match (r.text("parent_kind")?.as_str(), r.opt_text("parent_id")?) {
        ("activity", Some(a)) => ResultParent::Activity(id(&a)?),
        ("result", Some(n)) => ResultParent::Result(id(&n)?),
        _ => ResultParent::Plan,
    };
    Ok(ResultNode {
        id: id(&r.text("id")?)?,
        plan_id,
        parent,
        level: parsed(ResultLevel::parse(&r.text("level")?))?,
        position: r.int("position")?,
        title: from_json(&r.text("title")?, "result title")?,
        description: from_json(&r.text("description")?, "result description")?,
        assumptions: from_json(&r.text("assumptions")?, "result assumptions")?,
        responsible: from_json(&r.text("responsible")?, "result responsible")?,
        version: r.int("version")?,
    })
}

pub(crate) fn indicator_from(r: &AnyRow, plan_id: PlanId) -> StoreResult<Indicator> {
    Ok(Indicator {
        id: id(&r.text("id")?)?,
        plan_id,
        result_id: id(&r.text("result_id")?)?,
        position: r.int("position")?,
        code: r.text("code")?,
        statement: from_json(&r.text("statement")?, "indicator statement")?,
        measure: parsed(Measure::parse(&r.text("measure")?))?,
        unit: r.opt_text("unit")?,
        direction: r
            .opt_text("direction")?
            .map(|d| from_tag(&d, "direction"))
            .transpose()?,
        cumulation: from_tag(&r.text("cumulation")?, "cumulation")?,
        baselines: from_json(&r.text("baselines")?, "baselines")?,
        data_source: from_json(&r.text("data_source")?, "data source")?,
        collection_method: from_json(&r.text("collection_method")?, "collection method")?,
        frequency: from_tag(&r.text("frequency")?, "frequency")?,
        responsible: from_json(&r.text("responsible")?, "indicator responsible")?,
        proposed_by: r.opt_text("proposed_by")?,
        validated_by: r.opt_text("validated_by")?,
        version: r.int("version")?,
    })
}

pub(crate) fn value_from(r: &AnyRow, plan_id: PlanId) -> StoreResult<PeriodValue> {
    let raw = r.text("value")?;
    let value = if r.int("is_number")? != 0 {
        Value::Number(
            raw.parse()
                .map_err(|_| StoreError::Corrupt(format!("decimal `{raw}`")))?,
        )
    } else {
        Value::Narrative(raw)
    };
    Ok(PeriodValue {
        id: id(&r.text("id")?)?,
        plan_id,
        indicator_id: id(&r.text("indicator_id")?)?,
        period_id: id(&r.text("period_id")?)?,
        kind: if r.text("kind")? == "target" {
            ValueKind::Target
        } else {
            ValueKind::Actual
        },
        value,
        dimensions: from_json(&r.text("dimensions")?, "dimensions")?,
        comment: from_json(&r.text("comment")?, "comment")?,
        evidence: r.opt_text("evidence")?,
        reported_by: r.opt_text("reported_by")?,
        reported_at: r
            .opt_text("reported_at")?
            .map(|t| codec::parse_ts(&t))
            .transpose()?,
        version: r.int("version")?,
    })
}

pub(crate) fn risk_from(r: &AnyRow, plan_id: PlanId) -> StoreResult<Risk> {
    Ok(Risk {
        id: id(&r.text("id")?)?,
        plan_id,
        activity_id: r.opt_text("activity_id")?.map(|a| id(&a)).transpose()?,
        result_id: r.opt_text("result_id")?.map(|a| id(&a)).transpose()?,
        description: from_json(&r.text("description")?, "risk description")?,
        likelihood: parsed(Score::new(r.int("likelihood")?))?,
        impact: parsed(Score::new(r.int("impact")?))?,
        mitigation: from_json(&r.text("mitigation")?, "risk mitigation")?,
        owner: from_json(&r.text("owner")?, "risk owner")?,
        status: match r.text("status")?.as_str() {
            "monitoring" => RiskStatus::Monitoring,
            "closed" => RiskStatus::Closed,
            _ => RiskStatus::Open,
        },
        review_date: r
            .opt_text("review_date")?
            .map(|d| parse_date(&d))
            .transpose()?,
        version: r.int("version")?,
    })
}

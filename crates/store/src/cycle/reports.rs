//! Quarterly reports: one per plan, period and reporting organisation. A reporter saves draft
//! actuals and submits; an editor or administrator of another party approves or returns it
//! with a comment; an approved report is locked, and so are its actuals.

use super::status::refresh_status;
use crate::StoreResult;
use crate::audit;
use crate::codec::{self, json, now};
use crate::connect::Store;
use crate::error::StoreError;
use crate::plans::{access_with, require};
use crate::rows::Get;
use handover_core::actor::{Access, Actor, Role};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::{IndicatorId, OrgId, PeriodId, PlanId};
use handover_core::indicator::{Dimensions, Measure, Value};
use handover_core::reporting::{ReportStatus, ReportStep, due_date, next_status, overdue};
use handover_core::text::Text;
use serde::Serialize;
use sqlx::{Any, Transaction};
use time::Date;

/// A report as seen by its reporter or reviewer (a period without a saved report is shown as
/// an empty draft with version 0).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportView {
    pub plan_id: PlanId,
    pub plan_code: String,
    pub period_id: PeriodId,
    pub period: String,
    pub period_start: String,
    pub period_end: String,
    pub organisation_id: OrgId,
    pub organisation_code: String,
    pub status: ReportStatus,
    pub due: String,
    pub overdue: bool,
    pub review_comment: Option<String>,
    pub submitted_by: Option<String>,
    pub submitted_at: Option<String>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
    pub version: i64,
    pub actuals: Vec<ActualView>,
}

/// One actual of a report.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActualView {
    pub indicator_id: IndicatorId,
    pub indicator_code: String,
    pub value: String,
    pub dimensions: Dimensions,
    pub comment: Text,
    pub evidence: Option<String>,
    pub reported_by: Option<String>,
    pub reported_at: Option<String>,
}

/// An actual to save in a draft report.
#[derive(Clone, Debug, PartialEq)]
pub struct ActualInput {
    pub indicator: IndicatorId,
    pub value: String,
    pub dimensions: Dimensions,
    pub comment: Text,
    pub evidence: Option<String>,
}

/// A period of a plan by label (`Q3`) or id.
pub(crate) async fn period_of(
    tx: &mut Transaction<'_, Any>,
    plan: PlanId,
    period: &str,
) -> StoreResult<(PeriodId, String, Date, Date)> {
    let r = sqlx::query("SELECT id, label, start_date, end_date FROM periods WHERE plan_id = $1 AND (label = $2 OR id = $2)")
        .bind(plan.to_string())
        .bind(period.trim())
        .fetch_optional(&mut **tx)
        .await
        .map_err(StoreError::db("reading the calendar"))?
        .ok_or_else(|| StoreError::NotFound(format!("period `{period}` of this plan")))?;
    Ok((
        codec::id(&r.text("id")?)?,
        r.text("label")?,
        codec::parse_date(&r.text("start_date")?)?,
        codec::parse_date(&r.text("end_date")?)?,
    ))
}

/// Refuses a change to an organisation's actuals for a period once its report is submitted or
/// approved (for every route that writes actuals).
pub async fn ensure_editable(
    tx: &mut Transaction<'_, Any>,
    plan: PlanId,
    period: PeriodId,
    org: OrgId,
) -> StoreResult<()> {
    let status = sqlx::query(
        "SELECT status FROM reports WHERE plan_id = $1 AND period_id = $2 AND organisation_id = $3",
    )
    .bind(plan.to_string())
    .bind(period.to_string())
    .bind(org.to_string())
    .fetch_optional(&mut **tx)
    .await
    .map_err(StoreError::db("reading a report"))?;
    if let Some(r) = status {
        let s = codec::parsed(ReportStatus::parse(&r.text("status")?))?;
        if !s.editable() {
            return Err(StoreError::Forbidden(format!(
                "this period's report is {}: its actuals are locked{}",
                s.as_str(),
                if s == ReportStatus::Submitted {
                    " while it is reviewed"
                } else {
                    ""
                }
            )));
        }
    }
    Ok(())
}

async fn view(
    tx: &mut Transaction<'_, Any>,
    plan: PlanId,
    period: PeriodId,
    org: OrgId,
    today: Date,
) -> StoreResult<ReportView> {
    let pid = plan.to_string();
    let head = sqlx::query(
        "SELECT p.code, p.report_due_days, q.label, q.start_date, q.end_date, o.code AS org_code \
         FROM plans p JOIN periods q ON q.plan_id = p.id JOIN organisations o ON o.id = $3 WHERE p.id = $1 AND q.id = $2",
    )
    .bind(&pid)
    .bind(period.to_string())
    .bind(org.to_string())
    .fetch_one(&mut **tx)
    .await
    .map_err(StoreError::db("reading a report"))?;
    let r = sqlx::query(
        "SELECT * FROM reports WHERE plan_id = $1 AND period_id = $2 AND organisation_id = $3",
    )
    .bind(&pid)
    .bind(period.to_string())
    .bind(org.to_string())
    .fetch_optional(&mut **tx)
    .await
    .map_err(StoreError::db("reading a report"))?;
    let end = codec::parse_date(&head.text("end_date")?)?;
    let due_days = head.int("report_due_days")? as u16;
    let status = match &r {
        Some(r) => Some(codec::parsed(ReportStatus::parse(&r.text("status")?))?),
        None => None,
    };
    let actuals = sqlx::query(
        "SELECT v.*, i.code AS indicator_code FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id \
         WHERE v.plan_id = $1 AND v.period_id = $2 AND v.kind = 'actual' AND (v.organisation_id = $3 OR v.organisation_id IS NULL) ORDER BY i.position, v.dimensions",
    )
    .bind(&pid)
    .bind(period.to_string())
    .bind(org.to_string())
    .fetch_all(&mut **tx)
    .await
    .map_err(StoreError::db("reading actuals"))?
    .iter()
    .map(|v| {
        Ok(ActualView {
            indicator_id: codec::id(&v.text("indicator_id")?)?,
            indicator_code: v.text("indicator_code")?,
            value: v.text("value")?,
            dimensions: codec::from_json(&v.text("dimensions")?, "dimensions")?,
            comment: codec::from_json(&v.text("comment")?, "comment")?,
            evidence: v.opt_text("evidence")?,
            reported_by: v.opt_text("reported_by")?,
            reported_at: v.opt_text("reported_at")?,
        })
    })
    .collect::<StoreResult<Vec<_>>>()?;
    let get =
        |c: &str| -> StoreResult<Option<String>> { r.as_ref().map_or(Ok(None), |r| r.opt_text(c)) };
    Ok(ReportView {
        plan_id: plan,
        plan_code: head.text("code")?,
        period_id: period,
        period: head.text("label")?,
        period_start: head.text("start_date")?,
        period_end: head.text("end_date")?,
        organisation_id: org,
        organisation_code: head.text("org_code")?,
        status: status.unwrap_or(ReportStatus::Draft),
        due: codec::date(due_date(end, due_days)),
        overdue: overdue(status, end, due_days, today),
        review_comment: get("review_comment")?,
        submitted_by: get("submitted_by")?,
        submitted_at: get("submitted_at")?,
        reviewed_by: get("reviewed_by")?,
        reviewed_at: get("reviewed_at")?,
        version: r.as_ref().map_or(Ok(0), |r| r.int("version"))?,
        actuals,
    })
}

/// The organisation a member reports for (the operator cannot report: use `--as`).
fn reporting_org(actor: &Actor) -> StoreResult<OrgId> {
    actor.org().ok_or_else(|| {
        StoreError::Forbidden(
            "reports are made by a party acting for its organisation (use --as ORG)".into(),
        )
    })
}

/// One organisation's report for a period.
pub async fn get(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    period: &str,
    org: OrgId,
) -> StoreResult<ReportView> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    access_with(&mut *tx, actor, plan).await?;
    let (period, ..) = period_of(&mut tx, plan, period).await?;
    let is_party = sqlx::query(
        "SELECT COUNT(*) AS n FROM plan_parties WHERE plan_id = $1 AND organisation_id = $2",
    )
    .bind(plan.to_string())
    .bind(org.to_string())
    .fetch_one(&mut *tx)
    .await
    .map_err(StoreError::db("reading parties"))?
    .int("n")?;
    if is_party == 0 {
        return Err(StoreError::NotFound(
            "a report of an organisation that is not a party of this plan".into(),
        ));
    }
    let v = view(&mut tx, plan, period, org, today()).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("reading a report"))?;
    Ok(v)
}

fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

/// Every party's reports of a plan for the periods that have begun, oldest first.
pub async fn list(store: &Store, actor: &Actor, plan: PlanId) -> StoreResult<Vec<ReportView>> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    access_with(&mut *tx, actor, plan).await?;
    let t = today();
    let periods =
        sqlx::query("SELECT id FROM periods WHERE plan_id = $1 AND start_date <= $2 ORDER BY seq")
            .bind(plan.to_string())
            .bind(codec::date(t))
            .fetch_all(&mut *tx)
            .await
            .map_err(StoreError::db("reading the calendar"))?;
    let parties = sqlx::query(
        "SELECT organisation_id FROM plan_parties WHERE plan_id = $1 ORDER BY position",
    )
    .bind(plan.to_string())
    .fetch_all(&mut *tx)
    .await
    .map_err(StoreError::db("reading parties"))?;
    let mut out = vec![];
    for q in &periods {
        for p in &parties {
            out.push(
                view(
                    &mut tx,
                    plan,
                    codec::id(&q.text("id")?)?,
                    codec::id(&p.text("organisation_id")?)?,
                    t,
                )
                .await?,
            );
        }
    }
    tx.commit()
        .await
        .map_err(StoreError::db("reading reports"))?;
    Ok(out)
}

/// What the actor's organisation has to report across its plans: periods begun whose report
/// is not approved, with due, overdue and returned ones marked.
pub async fn due_for(store: &Store, actor: &Actor) -> StoreResult<Vec<ReportView>> {
    let org = reporting_org(actor)?;
    let plans = sqlx::query("SELECT plan_id FROM plan_parties WHERE organisation_id = $1")
        .bind(org.to_string())
        .fetch_all(&store.pool)
        .await
        .map_err(StoreError::db("reading plans"))?;
    let mut out = vec![];
    for p in &plans {
        let plan: PlanId = codec::id(&p.text("plan_id")?)?;
        for r in list(store, actor, plan).await? {
            if r.organisation_id == org && r.status != ReportStatus::Approved {
                out.push(r);
            }
        }
    }
    out.sort_by(|a, b| a.due.cmp(&b.due));
    Ok(out)
}

/// Saves actuals into the actor's draft report for a period (creating it), all or nothing;
/// every bad value is named (`actuals/2/value`). `expected_version` is the report's version as
/// read (0 when it did not exist yet).
pub async fn save_actuals(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    period: &str,
    expected_version: i64,
    inputs: Vec<ActualInput>,
) -> StoreResult<ReportView> {
    let org = reporting_org(actor)?;
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let (have, _) = access_with(&mut *tx, actor, plan).await?;
    require(have, Access::Report, "saving actuals")?;
    let (period_id, label, ..) = period_of(&mut tx, plan, period).await?;
    ensure_editable(&mut tx, plan, period_id, org).await?;
    let before = view(&mut tx, plan, period_id, org, today()).await?;
    if before.version != expected_version {
        return Err(StoreError::Stale(
            format!("the {label} report"),
            expected_version,
            before.version,
        ));
    }
    // Parse every value against its indicator's measure before writing anything.
    let mut problems = Problems::default();
    let mut parsed = vec![];
    for (i, a) in inputs.iter().enumerate() {
        let m = sqlx::query("SELECT measure FROM indicators WHERE id = $1 AND plan_id = $2")
            .bind(a.indicator.to_string())
            .bind(plan.to_string())
            .fetch_optional(&mut *tx)
            .await
            .map_err(StoreError::db("reading an indicator"))?;
        let Some(m) = m else {
            problems.push(
                format!("actuals[{i}].indicator"),
                "no such indicator in this plan",
            );
            continue;
        };
        let measure = codec::parsed(Measure::parse(&m.text("measure")?))?;
        if let Some(v) = problems.take(
            format!("actuals[{i}].value"),
            Value::parse(measure, &a.value),
        ) {
            parsed.push((a, v));
        }
        if a.dimensions
            .iter()
            .any(|(k, v)| k.trim().is_empty() || v.trim().is_empty())
        {
            problems.push(
                format!("actuals[{i}].dimensions"),
                "a dimension needs a name and a value, e.g. sex=female",
            );
        }
        if let Some(e) = &a.evidence
            && !(e.starts_with("https://") || e.starts_with("http://") || e.starts_with("/files/"))
        {
            problems.push(
                format!("actuals[{i}].evidence"),
                "evidence is a link (https://…) or an attached file",
            );
        }
    }
    problems.into_result()?;
    let stamp = now();
    for (a, v) in parsed {
        let dims = json(&a.dimensions);
        let existing = sqlx::query("SELECT id, organisation_id FROM indicator_values WHERE indicator_id = $1 AND period_id = $2 AND kind = 'actual' AND dimensions = $3")
            .bind(a.indicator.to_string())
            .bind(period_id.to_string())
            .bind(&dims)
            .fetch_optional(&mut *tx)
            .await
            .map_err(StoreError::db("reading an actual"))?;
        let is_number = matches!(v, Value::Number(_));
        match existing {
            Some(e) => {
                if e.opt_text("organisation_id")?
                    .is_some_and(|o| o != org.to_string())
                {
                    return Err(StoreError::Forbidden(
                        "another party has already reported this value for the period".into(),
                    ));
                }
                sqlx::query("UPDATE indicator_values SET value = $1, is_number = $2, comment = $3, evidence = $4, reported_by = $5, reported_at = $6, organisation_id = $7, version = version + 1 WHERE id = $8")
                    .bind(v.as_text())
                    .bind(i64::from(is_number))
                    .bind(json(&a.comment))
                    .bind(a.evidence.clone())
                    .bind(actor.label())
                    .bind(&stamp)
                    .bind(org.to_string())
                    .bind(e.text("id")?)
                    .execute(&mut *tx)
                    .await
                    .map_err(StoreError::db("saving an actual"))?;
            }
            None => {
                sqlx::query("INSERT INTO indicator_values (id, plan_id, indicator_id, period_id, kind, value, is_number, dimensions, comment, evidence, reported_by, reported_at, version, organisation_id) VALUES ($1, $2, $3, $4, 'actual', $5, $6, $7, $8, $9, $10, $11, 1, $12)")
                    .bind(uuid::Uuid::now_v7().to_string())
                    .bind(plan.to_string())
                    .bind(a.indicator.to_string())
                    .bind(period_id.to_string())
                    .bind(v.as_text())
                    .bind(i64::from(is_number))
                    .bind(&dims)
                    .bind(json(&a.comment))
                    .bind(a.evidence.clone())
                    .bind(actor.label())
                    .bind(&stamp)
                    .bind(org.to_string())
                    .execute(&mut *tx)
                    .await
                    .map_err(StoreError::db("saving an actual"))?;
            }
        }
    }
    upsert_report(
        &mut tx,
        plan,
        period_id,
        org,
        ReportStatus::Draft,
        None,
        before.version,
    )
    .await?;
    let after = view(&mut tx, plan, period_id, org, today()).await?;
    audit::record(
        &mut tx,
        actor,
        AuditAction::Update,
        "report",
        &format!("{plan}:{period_id}:{org}"),
        Some(plan),
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving a report"))?;
    Ok(after)
}

/// Writes the report row (created at version 1, raised on each change).
async fn upsert_report(
    tx: &mut Transaction<'_, Any>,
    plan: PlanId,
    period: PeriodId,
    org: OrgId,
    status: ReportStatus,
    comment: Option<&str>,
    version: i64,
) -> StoreResult<()> {
    if version == 0 {
        sqlx::query("INSERT INTO reports (id, plan_id, period_id, organisation_id, status, review_comment, version) VALUES ($1, $2, $3, $4, $5, $6, 1)")
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(plan.to_string())
            .bind(period.to_string())
            .bind(org.to_string())
            .bind(status.as_str())
            .bind(comment)
            .execute(&mut **tx)
            .await
            .map_err(StoreError::db("creating a report"))?;
    } else {
        let done = sqlx::query("UPDATE reports SET status = $1, version = version + 1 WHERE plan_id = $2 AND period_id = $3 AND organisation_id = $4 AND version = $5")
            .bind(status.as_str())
            .bind(plan.to_string())
            .bind(period.to_string())
            .bind(org.to_string())
            .bind(version)
            .execute(&mut **tx)
            .await
            .map_err(StoreError::db("changing a report"))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Stale("the report".into(), version, version + 1));
        }
    }
    Ok(())
}

/// Submits the actor's report for a period, approves or returns another party's.
#[expect(
    clippy::too_many_arguments,
    reason = "a report step names the plan, period, organisation, step, comment and version"
)]
pub async fn step(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    period: &str,
    org: OrgId,
    step: ReportStep,
    comment: Option<String>,
    expected_version: i64,
) -> StoreResult<ReportView> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let (have, _) = access_with(&mut *tx, actor, plan).await?;
    let need = if step == ReportStep::Submit {
        Access::Report
    } else {
        Access::Edit
    };
    require(
        have,
        need,
        if step == ReportStep::Submit {
            "submitting a report"
        } else {
            "reviewing a report"
        },
    )?;
    let (period_id, label, ..) = period_of(&mut tx, plan, period).await?;
    let before = view(&mut tx, plan, period_id, org, today()).await?;
    if before.version != expected_version {
        return Err(StoreError::Stale(
            format!("the {label} report"),
            expected_version,
            before.version,
        ));
    }
    let role = match actor {
        Actor::Member { role, .. } => Some(*role),
        _ => Some(Role::Viewer),
    };
    let next = next_status(
        before.status,
        step,
        actor.org(),
        role,
        org,
        comment.as_deref(),
    )
    .map_err(|e| StoreError::Invalid(handover_core::Invalid::one("status", e)))?;
    upsert_report(&mut tx, plan, period_id, org, next, None, before.version).await?;
    let stamp = now();
    let sql = match step {
        ReportStep::Submit => {
            "UPDATE reports SET submitted_by = $1, submitted_at = $2 WHERE plan_id = $3 AND period_id = $4 AND organisation_id = $5"
        }
        _ => {
            "UPDATE reports SET reviewed_by = $1, reviewed_at = $2 WHERE plan_id = $3 AND period_id = $4 AND organisation_id = $5"
        }
    };
    sqlx::query(sql)
        .bind(actor.label())
        .bind(&stamp)
        .bind(plan.to_string())
        .bind(period_id.to_string())
        .bind(org.to_string())
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("recording a report step"))?;
    if step != ReportStep::Submit {
        sqlx::query("UPDATE reports SET review_comment = $1 WHERE plan_id = $2 AND period_id = $3 AND organisation_id = $4")
            .bind(comment.as_deref().map(str::trim))
            .bind(plan.to_string())
            .bind(period_id.to_string())
            .bind(org.to_string())
            .execute(&mut *tx)
            .await
            .map_err(StoreError::db("recording a review"))?;
    }
    let after = view(&mut tx, plan, period_id, org, today()).await?;
    audit::record(
        &mut tx,
        actor,
        AuditAction::Update,
        "report",
        &format!("{plan}:{period_id}:{org}"),
        Some(plan),
        Some(&before),
        Some(&after),
    )
    .await?;
    refresh_status(&mut tx, actor, plan).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving a report"))?;
    Ok(after)
}

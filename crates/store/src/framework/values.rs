//! Targets and actuals of an indicator, one per period, kind and combination of disaggregation
//! dimensions. Targets are part of the framework (editors; material); actuals are reported
//! (reporters too; not material), belong to the reporting organisation, and are locked while
//! its report for the period is submitted or approved. A numeric measure takes only numbers.

use super::input::{self, found};
use super::{Write, check_version};
use crate::StoreResult;
use crate::codec::{json, now};
use crate::connect::Store;
use crate::error::StoreError;
use crate::plans::require;
use crate::rows::{Get, row};
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::{OrgId, PeriodId, PlanId, ValueId};
use handover_core::indicator::{Dimensions, Indicator, PeriodValue, Value, ValueKind};
use handover_core::plan::PlanTree;
use handover_core::text::Text;

/// A target or actual as written; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct ValueInput {
    /// `Q3` or the period's id; needed when adding.
    pub period: Option<String>,
    /// Needed when adding.
    pub kind: Option<ValueKind>,
    /// A number for numeric measures, a narrative for qualitative ones; needed when adding.
    pub value: Option<String>,
    pub dimensions: Option<Dimensions>,
    pub comment: Option<Text>,
    /// A link (`https://…`) or an attached file (`/files/…`); `Some(None)` clears it.
    pub evidence: Option<Option<String>>,
}

/// Adds a target or an actual.
pub async fn create(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    indicator: &str,
    input: ValueInput,
) -> StoreResult<PeriodValue> {
    let need = if input.kind == Some(ValueKind::Actual) {
        Access::Report
    } else {
        Access::Edit
    };
    let mut w = Write::begin(store, actor, plan, need, "entering a target or actual").await?;
    let ind = found(input::indicator(&w.tree, indicator), "indicator", indicator)?.clone();
    let mut p = Problems::default();
    let period = match &input.period {
        Some(r) => period(&w.tree, &mut p, r),
        None => {
            p.push("period", "name the period, e.g. Q3");
            None
        }
    };
    if input.kind.is_none() {
        p.push("kind", "say whether this is a target or an actual");
    }
    let value = parse_value(&ind, input.value.as_deref(), &mut p);
    let dimensions = input.dimensions.clone().unwrap_or_default();
    check_dimensions(&dimensions, &mut p);
    let evidence = evidence(input.evidence.clone().flatten(), &mut p);
    p.into_result()?;
    let (Some(period), Some(kind), Some(value)) = (period, input.kind, value) else {
        return Err(StoreError::Corrupt("a checked value input".into()));
    };
    let org = (kind == ValueKind::Actual).then(|| actor.org()).flatten();
    if let Some(o) = org {
        crate::cycle::reports::ensure_editable(w.tx(), plan, period, o).await?;
    }
    let dims = json(&dimensions);
    if let Some(v) = w.tree.values.iter().find(|v| {
        v.indicator_id == ind.id
            && v.period_id == period
            && v.kind == kind
            && v.dimensions == dimensions
    }) {
        return Err(StoreError::Duplicate {
            field: "period".into(),
            value: format!(
                "{} {} {dims} (value {}: change it with PATCH and If-Match)",
                label(&w.tree, period),
                kind.as_str(),
                v.id
            ),
        });
    }
    let v = PeriodValue {
        id: ValueId::new(),
        plan_id: plan,
        indicator_id: ind.id,
        period_id: period,
        kind,
        value,
        dimensions,
        comment: input.comment.unwrap_or_default(),
        evidence,
        reported_by: Some(actor.label()),
        reported_at: Some(time::OffsetDateTime::now_utc()),
        version: 1,
    };
    w.exec(
        "INSERT INTO indicator_values (id, plan_id, indicator_id, period_id, kind, value, is_number, dimensions, comment, evidence, \
         reported_by, reported_at, version, organisation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13)",
        row![v.id.to_string(), plan.to_string(), ind.id.to_string(), period.to_string(), kind.as_str(), v.value.as_text(),
             matches!(v.value, Value::Number(_)), dims, json(&v.comment), v.evidence.clone(), v.reported_by.clone(),
             now(), org.map(|o| o.to_string())],
    )
    .await?;
    let after = reread(&mut w, v.id).await?;
    w.audit(
        AuditAction::Create,
        "indicator_value",
        &v.id.to_string(),
        None::<&()>,
        Some(&after),
    )
    .await?;
    if kind == ValueKind::Target {
        w.material();
    }
    w.commit().await?;
    Ok(after)
}

/// Changes a target's or actual's value, comment or evidence if `expected` is its version.
pub async fn update(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    indicator: &str,
    value: &str,
    expected: i64,
    input: ValueInput,
) -> StoreResult<PeriodValue> {
    let (mut w, ind, before) = open(
        store,
        actor,
        plan,
        indicator,
        value,
        "changing a target or actual",
    )
    .await?;
    check_version("the value", expected, before.version)?;
    let mut p = Problems::default();
    let mut after = before.clone();
    if input.value.is_some() {
        after.value =
            parse_value(&ind, input.value.as_deref(), &mut p).unwrap_or(before.value.clone());
    }
    after.comment = input.comment.clone().unwrap_or(after.comment);
    if let Some(e) = input.evidence.clone() {
        after.evidence = evidence(e, &mut p);
    }
    p.into_result()?;
    if after == before {
        return Ok(before);
    }
    w.update_checked(
        "UPDATE indicator_values SET value = $1, is_number = $2, comment = $3, evidence = $4, reported_by = $5, reported_at = $6, \
         version = version + 1 WHERE id = $7 AND version = $8",
        row![after.value.as_text(), matches!(after.value, Value::Number(_)), json(&after.comment), after.evidence.clone(),
             actor.label(), now(), before.id.to_string(), expected],
        "the value",
        expected,
    )
    .await?;
    let stored = reread(&mut w, before.id).await?;
    w.audit(
        AuditAction::Update,
        "indicator_value",
        &before.id.to_string(),
        Some(&before),
        Some(&stored),
    )
    .await?;
    if before.kind == ValueKind::Target {
        w.material();
    }
    w.commit().await?;
    Ok(stored)
}

/// Deletes a target or actual if `expected` is still its version.
pub async fn delete(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    indicator: &str,
    value: &str,
    expected: i64,
) -> StoreResult<()> {
    let (mut w, _, before) = open(
        store,
        actor,
        plan,
        indicator,
        value,
        "deleting a target or actual",
    )
    .await?;
    check_version("the value", expected, before.version)?;
    w.update_checked(
        "DELETE FROM indicator_values WHERE id = $1 AND version = $2",
        row![before.id.to_string(), expected],
        "the value",
        expected,
    )
    .await?;
    w.audit(
        AuditAction::Delete,
        "indicator_value",
        &before.id.to_string(),
        Some(&before),
        None::<&()>,
    )
    .await?;
    if before.kind == ValueKind::Target {
        w.material();
    }
    w.commit().await
}

/// Starts a write to an existing value: a target needs an editor; an actual a reporter of the
/// organisation that reported it, while its report is open.
async fn open<'a>(
    store: &Store,
    actor: &'a Actor,
    plan: PlanId,
    indicator: &str,
    value: &str,
    doing: &str,
) -> StoreResult<(Write<'a>, Indicator, PeriodValue)> {
    let mut w = Write::begin(store, actor, plan, Access::Report, doing).await?;
    let ind = found(input::indicator(&w.tree, indicator), "indicator", indicator)?.clone();
    let id = value.trim().parse::<ValueId>().ok();
    let v = w
        .tree
        .values
        .iter()
        .find(|v| Some(v.id) == id && v.indicator_id == ind.id)
        .cloned();
    let v = found(v, "value", value)?;
    if v.kind == ValueKind::Target {
        require(w.access, Access::Edit, "changing a target")?;
        return Ok((w, ind, v));
    }
    let row = sqlx::query("SELECT organisation_id FROM indicator_values WHERE id = $1")
        .bind(v.id.to_string())
        .fetch_one(&mut **w.tx())
        .await
        .map_err(StoreError::db("reading an actual"))?;
    let owner: Option<OrgId> = row
        .opt_text("organisation_id")?
        .map(|o| crate::codec::id(&o))
        .transpose()?;
    if let (Some(o), Some(a)) = (owner, actor.org())
        && o != a
    {
        return Err(StoreError::Forbidden(
            "an actual is changed by the organisation that reported it".into(),
        ));
    }
    if let Some(o) = owner.or(actor.org()) {
        crate::cycle::reports::ensure_editable(w.tx(), plan, v.period_id, o).await?;
    }
    Ok((w, ind, v))
}

/// A period by label (`Q3`) or id, or a problem at `period`.
fn period(tree: &PlanTree, p: &mut Problems, r: &str) -> Option<PeriodId> {
    let r = r.trim();
    let found = tree
        .periods
        .iter()
        .find(|q| q.label.eq_ignore_ascii_case(r) || q.id.to_string() == r.to_lowercase())
        .map(|q| q.id);
    if found.is_none() {
        p.push(
            "period",
            format!(
                "`{r}` is not a period of this plan: use Q1 to Q{}",
                tree.periods.len()
            ),
        );
    }
    found
}

fn label(tree: &PlanTree, id: PeriodId) -> String {
    tree.periods
        .iter()
        .find(|q| q.id == id)
        .map_or_else(|| id.to_string(), |q| q.label.clone())
}

/// The value as the indicator's measure reads it: "N/A" in a numeric indicator is refused.
fn parse_value(ind: &Indicator, raw: Option<&str>, p: &mut Problems) -> Option<Value> {
    match raw {
        Some(r) => p.take("value", Value::parse(ind.measure, r)),
        None => {
            p.push("value", "give the value");
            None
        }
    }
}

fn check_dimensions(d: &Dimensions, p: &mut Problems) {
    for (k, v) in d {
        if k.trim().is_empty() || v.trim().is_empty() {
            p.push(
                format!("dimensions.{k}"),
                "a dimension needs a name and a value, e.g. {\"sex\": \"female\"}",
            );
        }
    }
}

/// Evidence is a link or an attached file.
fn evidence(e: Option<String>, p: &mut Problems) -> Option<String> {
    let e = e.map(|x| x.trim().to_owned()).filter(|x| !x.is_empty())?;
    if !(e.starts_with("https://") || e.starts_with("http://") || e.starts_with("/files/")) {
        p.push(
            "evidence",
            "evidence is a link (https://…) or an attached file (/files/…)",
        );
    }
    Some(e)
}

/// The value as stored now, inside the write.
async fn reread(w: &mut Write<'_>, id: ValueId) -> StoreResult<PeriodValue> {
    let r = sqlx::query("SELECT * FROM indicator_values WHERE id = $1")
        .bind(id.to_string())
        .fetch_one(&mut **w.tx())
        .await
        .map_err(StoreError::db("reading a value"))?;
    crate::plans::value_from(&r, w.plan)
}

//! Spending: money paid against a cost line, with its date and evidence. Recording spending
//! needs report access (a reporter of a party may; a viewer may not) and is not material.

use super::MAX_AMOUNT;
use super::cost_lines;
use super::decode::{self, expenditure_from};
use crate::StoreResult;
use crate::codec::date;
use crate::connect::Store;
use crate::error::StoreError;
use crate::framework::{Write, check_version, missing};
use crate::plans::access_with;
use crate::rows::row;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::calendar::parse_date;
use handover_core::error::Problems;
use handover_core::finance::CostLine;
use handover_core::finance::spending::Expenditure;
use handover_core::ids::{CostLineId, ExpenditureId, PlanId};
use handover_core::money::Currency;
use rust_decimal::Decimal;

/// Spending as written; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct ExpenditureInput {
    /// The cost line's id.
    pub cost_line: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Above zero.
    pub amount: Option<Decimal>,
    /// The line's currency by default.
    pub currency: Option<Currency>,
    /// What was paid (an invoice, a payroll month).
    pub description: Option<String>,
    /// A link to the evidence; `Some(None)` clears it.
    pub evidence: Option<Option<String>>,
}

/// The plan's spending, by date.
pub async fn list(store: &Store, actor: &Actor, plan: PlanId) -> StoreResult<Vec<Expenditure>> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    access_with(&mut *tx, actor, plan).await?;
    let out = decode::expenditures(&mut tx, plan).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("reading spending"))?;
    Ok(out)
}

/// Records spending against a cost line of the plan.
pub async fn create(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    input: ExpenditureInput,
) -> StoreResult<Expenditure> {
    let mut w = Write::begin(store, actor, plan, Access::Report, "recording spending").await?;
    let mut p = Problems::default();
    let line = match input.cost_line.as_deref() {
        Some(l) => line(&mut w, l, &mut p).await?,
        None => {
            p.push("cost_line", "name the cost line the money was paid against");
            None
        }
    };
    for (missing, field, message) in [
        (
            input.date.is_none(),
            "date",
            "give the date paid as YYYY-MM-DD",
        ),
        (input.amount.is_none(), "amount", "give the amount paid"),
        (
            input.description.is_none(),
            "description",
            "say what was paid",
        ),
    ] {
        if missing {
            p.push(field, message);
        }
    }
    // Checked even without a line, so every problem is named at once.
    let base = Expenditure {
        id: ExpenditureId::new(),
        plan_id: plan,
        cost_line_id: line.as_ref().map_or_else(CostLineId::new, |l| l.id),
        date: time::Date::MIN,
        amount: Decimal::ZERO,
        currency: line.map_or_else(|| w.tree.plan.currency.clone(), |l| l.currency),
        description: String::new(),
        evidence: None,
        version: 1,
    };
    let built = apply(&base, &input, &mut p);
    p.into_result()?;
    let e = built.ok_or_else(|| StoreError::Corrupt("unchecked spending".into()))?;
    w.exec(
        "INSERT INTO expenditures (id, plan_id, cost_line_id, date, amount, currency, description, evidence, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1)",
        row![
            e.id.to_string(),
            plan.to_string(),
            e.cost_line_id.to_string(),
            date(e.date),
            e.amount.to_string(),
            e.currency.to_string(),
            e.description.clone(),
            e.evidence.clone(),
        ],
    )
    .await?;
    w.audit(
        AuditAction::Create,
        "expenditure",
        &e.id.to_string(),
        None::<&()>,
        Some(&e),
    )
    .await?;
    w.commit().await?;
    Ok(e)
}

/// Changes spending if `expected` is still its version.
pub async fn update(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    id: &str,
    expected: i64,
    input: ExpenditureInput,
) -> StoreResult<Expenditure> {
    let mut w = Write::begin(store, actor, plan, Access::Report, "changing spending").await?;
    let before = find(&mut w, id).await?;
    check_version("the spending", expected, before.version)?;
    let mut p = Problems::default();
    let mut base = before.clone();
    if let Some(l) = input.cost_line.as_deref()
        && let Some(line) = line(&mut w, l, &mut p).await?
    {
        base.cost_line_id = line.id;
    }
    let built = apply(&base, &input, &mut p);
    p.into_result()?;
    let mut after = built.ok_or_else(|| StoreError::Corrupt("unchecked spending".into()))?;
    if after == before {
        return Ok(before);
    }
    after.version = before.version + 1;
    w.update_checked(
        "UPDATE expenditures SET cost_line_id = $1, date = $2, amount = $3, currency = $4, description = $5, \
         evidence = $6, version = version + 1 WHERE id = $7 AND version = $8",
        row![
            after.cost_line_id.to_string(),
            date(after.date),
            after.amount.to_string(),
            after.currency.to_string(),
            after.description.clone(),
            after.evidence.clone(),
            before.id.to_string(),
            expected,
        ],
        "the spending",
        expected,
    )
    .await?;
    w.audit(
        AuditAction::Update,
        "expenditure",
        &before.id.to_string(),
        Some(&before),
        Some(&after),
    )
    .await?;
    w.commit().await?;
    Ok(after)
}

/// Deletes spending if `expected` is still its version.
pub async fn delete(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    id: &str,
    expected: i64,
) -> StoreResult<()> {
    let mut w = Write::begin(store, actor, plan, Access::Report, "deleting spending").await?;
    let before = find(&mut w, id).await?;
    check_version("the spending", expected, before.version)?;
    w.update_checked(
        "DELETE FROM expenditures WHERE id = $1 AND version = $2",
        row![before.id.to_string(), expected],
        "the spending",
        expected,
    )
    .await?;
    w.audit(
        AuditAction::Delete,
        "expenditure",
        &before.id.to_string(),
        Some(&before),
        None::<&()>,
    )
    .await?;
    w.commit().await
}

/// The plan's cost line named, or a problem at `cost_line`.
async fn line(w: &mut Write<'_>, r: &str, p: &mut Problems) -> StoreResult<Option<CostLine>> {
    match cost_lines::find(w, r).await {
        Ok(l) => Ok(Some(l)),
        Err(StoreError::NotFound(_)) => {
            p.push(
                "cost_line",
                format!("`{r}` is not a cost line of this plan"),
            );
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `base` with the input's date, amount, currency, description and evidence, checked.
fn apply(base: &Expenditure, input: &ExpenditureInput, p: &mut Problems) -> Option<Expenditure> {
    let mut e = base.clone();
    let mut ok = true;
    if let Some(d) = &input.date {
        match p.take("date", parse_date(d)) {
            Some(d) => e.date = d,
            None => ok = false,
        }
    }
    if let Some(a) = input.amount {
        e.amount = a;
        if a <= Decimal::ZERO {
            p.push(
                "amount",
                format!("{a} is not above zero: record what was paid"),
            );
            ok = false;
        } else if a > MAX_AMOUNT {
            p.push(
                "amount",
                format!("{a} is too large: a payment stays under {MAX_AMOUNT}"),
            );
            ok = false;
        }
    }
    if let Some(c) = &input.currency {
        e.currency = c.clone();
    }
    if let Some(d) = &input.description {
        e.description = d.trim().to_owned();
        if e.description.is_empty() {
            p.push("description", "say what was paid");
            ok = false;
        }
    }
    if let Some(x) = &input.evidence {
        e.evidence = x
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned);
    }
    ok.then_some(e)
}

async fn find(w: &mut Write<'_>, id: &str) -> StoreResult<Expenditure> {
    let Ok(eid) = id.trim().parse::<ExpenditureId>() else {
        return Err(missing("spending", id));
    };
    let plan = w.plan.to_string();
    let row = sqlx::query("SELECT * FROM expenditures WHERE id = $1 AND plan_id = $2")
        .bind(eid.to_string())
        .bind(plan)
        .fetch_optional(&mut **w.tx())
        .await
        .map_err(StoreError::db("reading spending"))?;
    match row {
        Some(r) => expenditure_from(&r),
        None => Err(missing("spending", id)),
    }
}

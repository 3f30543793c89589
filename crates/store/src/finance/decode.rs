//! Reading finance rows back into domain values, and the plan's finance records as they stand
//! inside a caller's transaction.

use crate::StoreResult;
use crate::codec::{self, from_json, parsed};
use crate::error::StoreError;
use crate::rows::Get;
use handover_core::finance::aoc::AgreementOfCooperation;
use handover_core::finance::settings::FinanceSettings;
use handover_core::finance::spending::Expenditure;
use handover_core::finance::version::VersionPurpose;
use handover_core::finance::{CostCategory, CostLine, ExchangeRate, RateType, Unit};
use handover_core::ids::{ActivityId, PlanId};
use handover_core::money::Currency;
use handover_core::plan::PlanTree;
use rust_decimal::Decimal;
use sqlx::AnyConnection;
use sqlx::any::AnyRow;
use std::str::FromStr;

/// A stored exact decimal.
pub(super) fn decimal(s: &str) -> StoreResult<Decimal> {
    Decimal::from_str(s).map_err(|_| StoreError::Corrupt(format!("decimal `{s}`")))
}

fn currency(s: &str) -> StoreResult<Currency> {
    parsed(Currency::parse(s))
}

/// Runs a query bound to one text value.
pub(super) async fn fetch(
    conn: &mut AnyConnection,
    sql: &str,
    value: String,
) -> StoreResult<Vec<AnyRow>> {
    sqlx::query(sql)
        .bind(value)
        .fetch_all(&mut *conn)
        .await
        .map_err(StoreError::db("reading the budget"))
}

pub(super) fn line_from(r: &AnyRow) -> StoreResult<CostLine> {
    Ok(CostLine {
        id: codec::id(&r.text("id")?)?,
        plan_id: codec::id(&r.text("plan_id")?)?,
        activity_id: codec::id(&r.text("activity_id")?)?,
        category: parsed(CostCategory::parse(&r.text("category")?))?,
        description: from_json(&r.text("description")?, "cost line description")?,
        unit: parsed(Unit::parse(&r.text("unit")?))?,
        unit_price: decimal(&r.text("unit_price")?)?,
        currency: currency(&r.text("currency")?)?,
        funder: codec::id(&r.text("funder_id")?)?,
        quantities: from_json(&r.text("quantities")?, "cost line quantities")?,
        position: r.int("position")?,
        version: r.int("version")?,
    })
}

/// The plan's activities in order, for sorting its lines.
pub(super) fn order(tree: &PlanTree) -> Vec<ActivityId> {
    tree.activities.iter().map(|a| a.id).collect()
}

/// The plan's cost lines by activity order (`order`, from [`order`]), then position.
pub(super) async fn lines(
    conn: &mut AnyConnection,
    plan: PlanId,
    order: &[ActivityId],
) -> StoreResult<Vec<CostLine>> {
    let rows = fetch(
        conn,
        "SELECT * FROM cost_lines WHERE plan_id = $1 ORDER BY position, id",
        plan.to_string(),
    )
    .await?;
    let mut out = rows
        .iter()
        .map(line_from)
        .collect::<StoreResult<Vec<_>>>()?;
    let order = |l: &CostLine| {
        order
            .iter()
            .position(|a| *a == l.activity_id)
            .unwrap_or(usize::MAX)
    };
    out.sort_by_key(|l| (order(l), l.position));
    Ok(out)
}

pub(super) fn expenditure_from(r: &AnyRow) -> StoreResult<Expenditure> {
    Ok(Expenditure {
        id: codec::id(&r.text("id")?)?,
        plan_id: codec::id(&r.text("plan_id")?)?,
        cost_line_id: codec::id(&r.text("cost_line_id")?)?,
        date: codec::parse_date(&r.text("date")?)?,
        amount: decimal(&r.text("amount")?)?,
        currency: currency(&r.text("currency")?)?,
        description: r.text("description")?,
        evidence: r.opt_text("evidence")?,
        version: r.int("version")?,
    })
}

/// The plan's spending by date.
pub(super) async fn expenditures(
    conn: &mut AnyConnection,
    plan: PlanId,
) -> StoreResult<Vec<Expenditure>> {
    fetch(
        conn,
        "SELECT * FROM expenditures WHERE plan_id = $1 ORDER BY date, id",
        plan.to_string(),
    )
    .await?
    .iter()
    .map(expenditure_from)
    .collect()
}

pub(super) fn rate_from(r: &AnyRow) -> StoreResult<ExchangeRate> {
    Ok(ExchangeRate {
        id: codec::id(&r.text("id")?)?,
        base: currency(&r.text("base")?)?,
        quote: currency(&r.text("quote")?)?,
        rate_type: parsed(RateType::parse(&r.text("rate_type")?))?,
        date: codec::parse_date(&r.text("date")?)?,
        rate: decimal(&r.text("rate")?)?,
        source: r.opt_text("source")?,
        version: r.int("version")?,
    })
}

/// Every rate of the deployment.
pub(super) async fn all_rates(conn: &mut AnyConnection) -> StoreResult<Vec<ExchangeRate>> {
    sqlx::query("SELECT * FROM exchange_rates ORDER BY date DESC, base, quote, rate_type")
        .fetch_all(&mut *conn)
        .await
        .map_err(StoreError::db("reading exchange rates"))?
        .iter()
        .map(rate_from)
        .collect()
}

/// The plan's settings, official rates at version 0 when never set.
pub(super) async fn settings(
    conn: &mut AnyConnection,
    plan: PlanId,
) -> StoreResult<FinanceSettings> {
    let rows = fetch(
        conn,
        "SELECT rate_type, version FROM finance_settings WHERE plan_id = $1",
        plan.to_string(),
    )
    .await?;
    match rows.first() {
        Some(r) => Ok(FinanceSettings {
            plan_id: plan,
            rate_type: parsed(RateType::parse(&r.text("rate_type")?))?,
            version: r.int("version")?,
        }),
        None => Ok(FinanceSettings {
            plan_id: plan,
            rate_type: RateType::Official,
            version: 0,
        }),
    }
}

/// The activity keyed `aoc`: where the AoC is signed unless another is chosen.
pub(super) fn aoc_activity(tree: &PlanTree) -> Option<ActivityId> {
    tree.activity_by_key("aoc").map(|a| a.id)
}

/// The plan's AoC; at version 0 with `default_activity` when never set.
pub(super) async fn aoc(
    conn: &mut AnyConnection,
    plan: PlanId,
    default_activity: Option<ActivityId>,
) -> StoreResult<AgreementOfCooperation> {
    let rows = fetch(
        conn,
        "SELECT * FROM agreements_of_cooperation WHERE plan_id = $1",
        plan.to_string(),
    )
    .await?;
    match rows.first() {
        Some(r) => Ok(AgreementOfCooperation {
            plan_id: plan,
            activity_id: opt_id(r, "activity_id")?,
            baseline: opt_id(r, "baseline_id")?,
            handover_revision: opt_id(r, "handover_revision_id")?,
            agreement: opt_id(r, "agreement_id")?,
            signed_on: r
                .opt_text("signed_on")?
                .map(|d| codec::parse_date(&d))
                .transpose()?,
            version: r.int("version")?,
        }),
        None => Ok(AgreementOfCooperation {
            plan_id: plan,
            activity_id: default_activity,
            baseline: None,
            handover_revision: None,
            agreement: None,
            signed_on: None,
            version: 0,
        }),
    }
}

fn opt_id<T: FromStr>(r: &AnyRow, col: &str) -> StoreResult<Option<T>> {
    r.opt_text(col)?.map(|v| codec::id(&v)).transpose()
}

/// A stored version purpose.
pub(super) fn purpose(s: &str) -> StoreResult<VersionPurpose> {
    parsed(VersionPurpose::parse(s))
}

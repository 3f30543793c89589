//! Exchange rates: deployment-wide reference data (no plan), read by every signed-in actor and
//! written by the operator and by editors and administrators of any organisation. One rate per
//! pair, rate type and day; an import replaces the rate of a day already there.

mod check;
mod import;

pub use import::import;

use super::decode::{self, rate_from};
use super::line_input::Named;
use crate::StoreResult;
use crate::audit;
use crate::codec::date;
use crate::connect::Store;
use crate::error::StoreError;
use crate::framework::{check_version, missing};
use crate::rows::{Arg, insert_rows, row};
use check::{build, describe, key, may_write};
use handover_core::actor::Actor;
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::finance::{ExchangeRate, RateTable, RateType};
use handover_core::ids::RateId;
use handover_core::money::Currency;
use rust_decimal::Decimal;
use sqlx::{Any, Transaction};
use time::Date;

/// A rate as written; `None` leaves a field as it is (all but `source` are needed when adding).
#[derive(Clone, Debug, Default)]
pub struct RateInput {
    pub base: Option<Currency>,
    pub quote: Option<Currency>,
    pub rate_type: Option<RateType>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// How many `quote` one `base` is worth.
    pub rate: Option<Decimal>,
    /// Where the figure comes from; `Some(None)` clears it.
    pub source: Option<Option<String>>,
}

/// Which rates to list.
#[derive(Clone, Debug, Default)]
pub struct RateFilter {
    /// Rates with this currency as base or quote.
    pub currency: Option<Currency>,
    pub rate_type: Option<RateType>,
    /// Rates dated on or after.
    pub from: Option<Date>,
    /// Rates dated on or before.
    pub to: Option<Date>,
}

/// What an import did.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct RateImport {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
}

const COLUMNS: [&str; 8] = [
    "id",
    "base",
    "quote",
    "rate_type",
    "date",
    "rate",
    "source",
    "version",
];

fn values(r: &ExchangeRate) -> Vec<Arg> {
    row![
        r.id.to_string(),
        r.base.to_string(),
        r.quote.to_string(),
        r.rate_type.as_str(),
        date(r.date),
        r.rate.to_string(),
        r.source.clone(),
        r.version,
    ]
}

/// Rates by date (latest first), then pair and type.
pub async fn list(
    store: &Store,
    _actor: &Actor,
    filter: &RateFilter,
) -> StoreResult<Vec<ExchangeRate>> {
    let mut sql = String::from("SELECT * FROM exchange_rates WHERE 1 = 1");
    let mut binds: Vec<String> = vec![];
    if let Some(c) = &filter.currency {
        binds.push(c.to_string());
        let n = binds.len();
        sql.push_str(&format!(" AND (base = ${n} OR quote = ${n})"));
    }
    let mut add = |cond: &str, v: String, sql: &mut String| {
        binds.push(v);
        sql.push_str(&format!(" AND {cond} ${}", binds.len()));
    };
    if let Some(t) = filter.rate_type {
        add("rate_type =", t.as_str().to_owned(), &mut sql);
    }
    if let Some(d) = filter.from {
        add("date >=", date(d), &mut sql);
    }
    if let Some(d) = filter.to {
        add("date <=", date(d), &mut sql);
    }
    sql.push_str(" ORDER BY date DESC, base, quote, rate_type");
    let mut q = sqlx::query(&sql);
    for b in binds {
        q = q.bind(b);
    }
    q.fetch_all(&store.pool)
        .await
        .map_err(StoreError::db("reading exchange rates"))?
        .iter()
        .map(rate_from)
        .collect()
}

/// Every rate, indexed for conversions.
pub async fn table(store: &Store, _actor: &Actor) -> StoreResult<RateTable> {
    let mut conn = store
        .pool
        .acquire()
        .await
        .map_err(StoreError::db("reading exchange rates"))?;
    Ok(RateTable::new(decode::all_rates(&mut conn).await?))
}

/// Adds a rate; one already there for the pair, type and date is a `Duplicate`.
pub async fn create(store: &Store, actor: &Actor, input: RateInput) -> StoreResult<ExchangeRate> {
    may_write(actor)?;
    let mut p = Problems::default();
    let built = build(None, &input, &mut Named::new(&mut p, ""));
    p.into_result()?;
    let rate = built.ok_or_else(|| StoreError::Corrupt("an unchecked rate".into()))?;
    let mut tx = begin(store).await?;
    refuse_duplicate(&mut tx, &rate).await?;
    insert_rows(&mut tx, "exchange_rates", &COLUMNS, vec![values(&rate)]).await?;
    audit::record(
        &mut tx,
        actor,
        AuditAction::Create,
        "exchange_rate",
        &rate.id.to_string(),
        None,
        None::<&()>,
        Some(&rate),
    )
    .await?;
    commit(tx).await?;
    Ok(rate)
}

/// Changes a rate if `expected` is still its version.
pub async fn update(
    store: &Store,
    actor: &Actor,
    id: &str,
    expected: i64,
    input: RateInput,
) -> StoreResult<ExchangeRate> {
    may_write(actor)?;
    let mut tx = begin(store).await?;
    let before = find(&mut tx, id).await?;
    check_version("the exchange rate", expected, before.version)?;
    let mut p = Problems::default();
    let built = build(Some(&before), &input, &mut Named::new(&mut p, ""));
    p.into_result()?;
    let mut after = built.ok_or_else(|| StoreError::Corrupt("an unchecked rate".into()))?;
    if after == before {
        return Ok(before);
    }
    if key(&after) != key(&before) {
        refuse_duplicate(&mut tx, &after).await?;
    }
    after.version = before.version + 1;
    let done = sqlx::query(
        "UPDATE exchange_rates SET base = $1, quote = $2, rate_type = $3, date = $4, rate = $5, source = $6, \
         version = version + 1 WHERE id = $7 AND version = $8",
    )
    .bind(after.base.to_string())
    .bind(after.quote.to_string())
    .bind(after.rate_type.as_str())
    .bind(date(after.date))
    .bind(after.rate.to_string())
    .bind(after.source.clone())
    .bind(before.id.to_string())
    .bind(expected)
    .execute(&mut *tx)
    .await
    .map_err(StoreError::db("changing an exchange rate"))?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Stale(
            "the exchange rate".into(),
            expected,
            expected + 1,
        ));
    }
    audit::record(
        &mut tx,
        actor,
        AuditAction::Update,
        "exchange_rate",
        &before.id.to_string(),
        None,
        Some(&before),
        Some(&after),
    )
    .await?;
    commit(tx).await?;
    Ok(after)
}

/// Deletes a rate if `expected` is still its version.
pub async fn delete(store: &Store, actor: &Actor, id: &str, expected: i64) -> StoreResult<()> {
    may_write(actor)?;
    let mut tx = begin(store).await?;
    let before = find(&mut tx, id).await?;
    check_version("the exchange rate", expected, before.version)?;
    let done = sqlx::query("DELETE FROM exchange_rates WHERE id = $1 AND version = $2")
        .bind(before.id.to_string())
        .bind(expected)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("deleting an exchange rate"))?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Stale(
            "the exchange rate".into(),
            expected,
            expected + 1,
        ));
    }
    audit::record(
        &mut tx,
        actor,
        AuditAction::Delete,
        "exchange_rate",
        &before.id.to_string(),
        None,
        Some(&before),
        None::<&()>,
    )
    .await?;
    commit(tx).await
}

async fn begin(store: &Store) -> StoreResult<Transaction<'static, Any>> {
    store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))
}

async fn commit(tx: Transaction<'static, Any>) -> StoreResult<()> {
    tx.commit()
        .await
        .map_err(StoreError::db("saving exchange rates"))
}

async fn find(tx: &mut Transaction<'static, Any>, id: &str) -> StoreResult<ExchangeRate> {
    let Ok(rid) = id.trim().parse::<RateId>() else {
        return Err(missing("exchange rate", id));
    };
    let row = sqlx::query("SELECT * FROM exchange_rates WHERE id = $1")
        .bind(rid.to_string())
        .fetch_optional(&mut **tx)
        .await
        .map_err(StoreError::db("reading an exchange rate"))?;
    match row {
        Some(r) => rate_from(&r),
        None => Err(missing("exchange rate", id)),
    }
}

async fn refuse_duplicate(tx: &mut Transaction<'static, Any>, r: &ExchangeRate) -> StoreResult<()> {
    let row = sqlx::query(
        "SELECT id FROM exchange_rates WHERE base = $1 AND quote = $2 AND rate_type = $3 AND date = $4",
    )
    .bind(r.base.to_string())
    .bind(r.quote.to_string())
    .bind(r.rate_type.as_str())
    .bind(date(r.date))
    .fetch_optional(&mut **tx)
    .await
    .map_err(StoreError::db("reading exchange rates"))?;
    match row {
        Some(_) => Err(StoreError::Duplicate {
            field: "rate".into(),
            value: describe(r),
        }),
        None => Ok(()),
    }
}

//! Importing rates from a file: all or nothing, one audit entry, a same-day rate replaced.

use super::check::{Key, build, describe, key, may_write};
use super::{COLUMNS, RateImport, RateInput, begin, commit, values};
use crate::StoreResult;
use crate::audit;
use crate::connect::Store;
use crate::error::StoreError;
use crate::finance::decode;
use crate::finance::line_input::Named;
use crate::rows::insert_rows;
use handover_core::actor::Actor;
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::finance::ExchangeRate;
use std::collections::BTreeMap;

/// Imports rates all or nothing with one audit entry: a row for a pair, type and date already
/// there replaces its rate (and its source, when the row gives one). Problems are named
/// `"{row index}/{field}"`, the index counted from 0.
pub async fn import(store: &Store, actor: &Actor, rows: Vec<RateInput>) -> StoreResult<RateImport> {
    may_write(actor)?;
    let mut p = Problems::default();
    if rows.is_empty() {
        p.push("rows", "there are no rates to import");
    }
    let mut seen: BTreeMap<Key, usize> = BTreeMap::new();
    let mut given = vec![];
    for (i, r) in rows.iter().enumerate() {
        let mut n = Named::new(&mut p, &format!("{i}/"));
        let Some(rate) = build(None, r, &mut n) else {
            continue;
        };
        if let Some(j) = seen.insert(key(&rate), i) {
            n.push(
                "date",
                format!("row {j} already gives the {} rate", describe(&rate)),
            );
        }
        given.push((rate, r.source.is_some()));
    }
    p.into_result()?;
    let mut tx = begin(store).await?;
    let existing: BTreeMap<Key, ExchangeRate> = decode::all_rates(&mut tx)
        .await?
        .into_iter()
        .map(|r| (key(&r), r))
        .collect();
    let (mut added, mut before, mut after) = (vec![], vec![], vec![]);
    let mut unchanged = 0;
    for (rate, has_source) in given {
        match existing.get(&key(&rate)) {
            None => added.push(rate),
            Some(old) if old.rate == rate.rate && (!has_source || old.source == rate.source) => {
                unchanged += 1;
            }
            Some(old) => {
                let mut new = old.clone();
                new.rate = rate.rate;
                if has_source {
                    new.source = rate.source;
                }
                new.version += 1;
                sqlx::query("UPDATE exchange_rates SET rate = $1, source = $2, version = version + 1 WHERE id = $3")
                    .bind(new.rate.to_string())
                    .bind(new.source.clone())
                    .bind(new.id.to_string())
                    .execute(&mut *tx)
                    .await
                    .map_err(StoreError::db("replacing an exchange rate"))?;
                before.push(old.clone());
                after.push(new);
            }
        }
    }
    insert_rows(
        &mut tx,
        "exchange_rates",
        &COLUMNS,
        added.iter().map(values).collect(),
    )
    .await?;
    let done = RateImport {
        added: added.len(),
        replaced: before.len(),
        unchanged,
    };
    if done.added + done.replaced > 0 {
        after.extend(added);
        audit::record(
            &mut tx,
            actor,
            AuditAction::Import,
            "exchange_rates",
            "import",
            None,
            Some(&before),
            Some(&after),
        )
        .await?;
    }
    commit(tx).await?;
    Ok(done)
}

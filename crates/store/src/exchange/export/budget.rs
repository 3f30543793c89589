//! An exported activity's budgets. A plan with cost lines reports its budget by quarter in the
//! plan's currency, converted at the plan's rate type with each quarter's first-day rate (a
//! line already in the plan's currency needs no rate); when a rate is missing, each quarter is
//! reported per currency instead, and a note says so. A plan without cost lines reports the
//! budgets its IATI import kept, as they were.

use super::load::Loaded;
use crate::StoreResult;
use crate::connect::Store;
use crate::finance;
use handover_core::actor::Actor;
use handover_core::finance::{Conversion, RateDate, Sum, totals};
use handover_core::plan::PlanTree;
use handover_formats::iati::IatiBudget;
use std::collections::BTreeMap;

/// The whole plan and its budget by quarter, when it has cost lines; and notes.
pub(super) async fn of(
    store: &Store,
    actor: &Actor,
    l: &Loaded,
) -> StoreResult<(Option<(PlanTree, BTreeMap<u16, Sum>)>, Vec<String>)> {
    if !l.has_cost_lines {
        return Ok((None, vec![]));
    }
    let data = finance::budget(store, actor, l.tree.plan.id).await?;
    let t = &data.tree;
    let converted = Conversion::To {
        currency: t.plan.currency.clone(),
        rate_type: data.settings.rate_type,
        at: RateDate::QuarterStart,
    };
    let mut notes = vec![];
    let by_quarter = match totals(
        &data.lines,
        &t.periods,
        &t.activities,
        &converted,
        &data.rates,
    ) {
        Ok(done) => done.by_quarter,
        Err(missing) => {
            notes.push(format!(
                "{} exchange rate(s) to {} are missing (the first: {}): the budgets are given in each cost line's own currency",
                missing.len(),
                t.plan.currency.as_str(),
                missing.first().map(ToString::to_string).unwrap_or_default()
            ));
            totals(
                &data.lines,
                &t.periods,
                &t.activities,
                &Conversion::Own,
                &data.rates,
            )
            .map(|own| own.by_quarter)
            .unwrap_or_default()
        }
    };
    let rounded = by_quarter
        .into_iter()
        .map(|(q, s)| {
            let s = Sum(s
                .rounded()
                .into_iter()
                .map(|m| (m.currency, m.amount))
                .collect());
            (q, s)
        })
        .collect();
    Ok((Some((data.tree, rounded)), notes))
}

/// The budgets an import kept, those the schema can take (a period, a value and a value date,
/// which defaults to the period's start).
pub(super) fn kept(budgets: &[IatiBudget], notes: &mut Vec<String>) -> Vec<IatiBudget> {
    let mut out = Vec::with_capacity(budgets.len());
    let mut left = 0;
    for b in budgets {
        if b.start.is_none() || b.end.is_none() || b.value.is_none() {
            left += 1;
            continue;
        }
        out.push(IatiBudget {
            value_date: b.value_date.or(b.start),
            ..b.clone()
        });
    }
    if left > 0 {
        notes.push(format!(
            "{left} imported budget(s) without a period or a value were not exported"
        ));
    }
    out
}

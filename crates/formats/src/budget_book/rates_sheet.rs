//! Rates used: every conversion the other sheets made — each line's quarters converted for the
//! totals, each payment converted to its line's currency — with the rate the core's rule found.

use super::layout::{Cell, Sheet};
use super::words::{W, tr};
use super::{BookError, BudgetBook, Figures};
use crate::finance_words::rate_type;
use handover_core::finance::{Conversion, RateDate, RateType};
use handover_core::money::Currency;
use std::collections::BTreeSet;
use time::Date;

/// (use: 0 totals, 1 payments; from; to; rate type; date).
type Used = (u8, Currency, Currency, RateType, Date);

fn used(b: &BudgetBook<'_>, f: &Figures<'_>) -> BTreeSet<Used> {
    let mut out = BTreeSet::new();
    if let Conversion::To {
        currency,
        rate_type,
        at,
    } = &b.conversion
    {
        for line in b.lines.iter().filter(|l| l.currency != *currency) {
            let Some(ls) = f.spending.by_line.get(&line.id) else {
                continue;
            };
            for q in ls.by_quarter.keys() {
                let Some(p) = b.tree.periods.iter().find(|p| p.seq == *q) else {
                    continue;
                };
                let date = match at {
                    RateDate::On(d) => *d,
                    RateDate::QuarterStart => p.start,
                };
                out.insert((0, line.currency.clone(), currency.clone(), *rate_type, date));
            }
        }
    }
    for e in b.expenditures {
        let Some(line) = b.lines.iter().find(|l| l.id == e.cost_line_id) else {
            continue;
        };
        if e.currency != line.currency {
            let key = (
                1,
                e.currency.clone(),
                line.currency.clone(),
                b.rate_type,
                e.date,
            );
            out.insert(key);
        }
    }
    out
}

/// Writes the Rates used sheet, with the rule that picks a rate stated under the table.
pub(crate) fn write(b: &BudgetBook<'_>, f: &Figures<'_>) -> Result<Sheet, BookError> {
    let lang = b.lang;
    let mut s = Sheet::new(tr(W::SheetRates, lang), lang)?;
    let cols: Vec<(String, f64)> = [
        (W::Use, 36.0),
        (W::From, 8.0),
        (W::To, 8.0),
        (W::RateType, 20.0),
        (W::Date, 12.0),
        (W::Rate, 22.0),
        (W::Inverse, 22.0),
    ]
    .iter()
    .map(|(w, width)| (tr(*w, lang).to_owned(), *width))
    .collect();
    s.header(&cols)?;
    let all = used(b, f);
    for (kind, from, to, t, date) in &all {
        let what = if *kind == 0 {
            W::UseTotals
        } else {
            W::UsePayments
        };
        s.text(0, tr(what, lang), false)?;
        s.text(1, from.as_str(), false)?;
        s.text(2, to.as_str(), false)?;
        s.text(3, rate_type(*t, lang), false)?;
        s.cell(4, &Cell::Date(*date), false)?;
        for (i, (a, z)) in [(from, to), (to, from)].into_iter().enumerate() {
            match b.rates.rate(a, z, *t, *date) {
                Ok(r) => s.plain(5 + i, r, false)?,
                Err(m) => s.text(5 + i, &m.to_string(), false)?,
            }
        }
        s.next();
    }
    if all.is_empty() {
        s.text(0, tr(W::NoConversion, lang), false)?;
        s.next();
    }
    s.next();
    s.text(0, tr(W::RateRule, lang), false)?;
    s.next();
    Ok(s)
}

//! Cost sharing: each party's amount and share per calendar year and over the whole plan, from
//! the core's [`handover_core::finance::sharing::by_year`] — the shift to the local authority
//! as the development partner exits.

use super::layout::Sheet;
use super::views::periods;
use super::words::{W, tr};
use super::{BookError, BudgetBook, Figures};
use handover_core::finance::Sum;
use handover_core::finance::sharing::by_year;
use handover_core::money::Currency;
use rust_decimal::Decimal;

/// Writes the Cost sharing sheet: a block per currency of the totals (one when converted).
pub(crate) fn write(b: &BudgetBook<'_>, f: &Figures<'_>) -> Result<Sheet, BookError> {
    let lang = b.lang;
    let mut s = Sheet::new(tr(W::SheetSharing, lang), lang)?;
    for (i, c) in f.currencies.iter().enumerate() {
        if i > 0 {
            s.next();
        }
        block(b, f, &mut s, c)?;
    }
    Ok(s)
}

/// `part ÷ whole`, to 4 places like the core's shares; zero when the whole is.
fn share(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        Decimal::ZERO
    } else {
        (part / whole).round_dp(4)
    }
}

fn block(
    b: &BudgetBook<'_>,
    f: &Figures<'_>,
    s: &mut Sheet,
    c: &Currency,
) -> Result<(), BookError> {
    let lang = b.lang;
    let parties = b.parties();
    let shares = by_year(&f.conv, c, &parties);
    let mut years: Vec<i32> = periods(b).iter().map(|p| p.start.year()).collect();
    years.extend(shares.keys());
    years.sort_unstable();
    years.dedup();
    let total = tr(W::Total, lang);
    let mut cols = vec![(tr(W::Party, lang).to_owned(), 36.0)];
    for y in years
        .iter()
        .map(ToString::to_string)
        .chain([total.to_owned()])
    {
        cols.push((format!("{y} ({c})"), 16.0));
        cols.push((format!("{y} %"), 9.0));
    }
    s.header(&cols)?;
    let zero = Sum::default();
    for p in &parties {
        s.text(0, &b.tree.party_name(*p), false)?;
        for (k, y) in years.iter().enumerate() {
            let part = shares
                .get(y)
                .and_then(|v| v.iter().find(|sh| sh.party == *p));
            let (amount, pct) =
                part.map_or((Decimal::ZERO, Decimal::ZERO), |sh| (sh.amount, sh.share));
            s.sum(1 + 2 * k, &Sum::of(amount, c), c, false)?;
            s.percent(2 + 2 * k, pct, false)?;
        }
        let whole = f.conv.by_party.get(p).unwrap_or(&zero);
        let k = years.len();
        s.sum(1 + 2 * k, whole, c, false)?;
        s.percent(2 + 2 * k, share(whole.get(c), f.conv.grand.get(c)), false)?;
        s.next();
    }
    s.text(0, total, true)?;
    for (k, y) in years.iter().enumerate() {
        let year = f.conv.by_year.get(y).unwrap_or(&zero);
        s.sum(1 + 2 * k, year, c, true)?;
        s.percent(2 + 2 * k, share(year.get(c), year.get(c)), true)?;
    }
    let k = years.len();
    s.sum(1 + 2 * k, &f.conv.grand, c, true)?;
    let g = f.conv.grand.get(c);
    s.percent(2 + 2 * k, share(g, g), true)?;
    s.next();
    Ok(())
}

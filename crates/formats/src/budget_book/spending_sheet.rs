//! Spending: planned against actual per quarter (in the book's conversion) with the totals, the
//! burn rate and the share spent, then per cost line (in the line's currency) with the variance
//! and overspending flagged — all from the core's [`handover_core::finance::spending`]. Both
//! tables share their columns: what, description or start, currency, planned, actual,
//! variance, spent, overspent.

use super::layout::{Cell, Sheet};
use super::views::periods;
use super::words::{W, in_currency, quarter, tr};
use super::{BookError, BudgetBook, Figures};
use handover_core::finance::spending::QuarterSpending;
use handover_core::money::{Currency, Money};
use handover_core::text::Lang;
use rust_decimal::Decimal;

const WIDTHS: [f64; 8] = [10.0, 40.0, 9.0, 18.0, 18.0, 18.0, 10.0, 12.0];

fn header(s: &mut Sheet, first: W, second: W, b: &BudgetBook<'_>) -> Result<(), BookError> {
    let words = [
        first,
        second,
        W::Currency,
        W::Planned,
        W::Actual,
        W::Variance,
        W::Spent,
        W::Overspent,
    ];
    let cols: Vec<(String, f64)> = words
        .iter()
        .zip(WIDTHS)
        .map(|(w, width)| (tr(*w, b.lang).to_owned(), width))
        .collect();
    s.header(&cols)
}

/// Writes planned, actual, variance, spent and the overspent flag in columns 2 to 7.
fn figures(
    s: &mut Sheet,
    lang: Lang,
    planned: Decimal,
    actual: Decimal,
    c: &Currency,
    bold: bool,
) -> Result<(), BookError> {
    let money = |amount: Decimal| {
        Money {
            amount,
            currency: c.clone(),
        }
        .rounded()
    };
    let over = actual > planned;
    s.text(2, c.as_str(), bold)?;
    s.money(3, &money(planned), bold)?;
    s.money(4, &money(actual), bold)?;
    s.decimal(
        5,
        money(actual - planned).amount,
        c.minor_units(),
        bold,
        over,
    )?;
    if !planned.is_zero() {
        s.percent(6, (actual / planned).round_dp(4), bold)?;
    }
    if over {
        s.flag(7, tr(W::Yes, lang))?;
    }
    Ok(())
}

/// Writes the Spending sheet.
pub(crate) fn write(b: &BudgetBook<'_>, f: &Figures<'_>) -> Result<Sheet, BookError> {
    let lang = b.lang;
    let mut s = Sheet::new(tr(W::SheetSpending, lang), lang)?;
    header(&mut s, W::Quarter, W::Start, b)?;
    let sp = &f.spending;
    let none = QuarterSpending::default();
    for p in periods(b) {
        let q = sp.by_quarter.get(&p.seq).unwrap_or(&none);
        for c in &f.currencies {
            s.cell(0, &Cell::Text(quarter(p.seq, lang)), false)?;
            s.cell(1, &Cell::Date(p.start), false)?;
            figures(&mut s, lang, q.planned.get(c), q.actual.get(c), c, false)?;
            s.next();
        }
    }
    for c in &f.currencies {
        s.text(0, tr(W::Total, lang), true)?;
        figures(&mut s, lang, sp.planned.get(c), sp.actual.get(c), c, true)?;
        s.next();
    }
    s.next();
    summary(b, f, &mut s)?;
    s.next();
    header(&mut s, W::Activity, W::Description, b)?;
    for line in &f.lines {
        let Some(ls) = sp.by_line.get(&line.id) else {
            continue;
        };
        let number = b.activity(line).map(|a| a.display_number());
        s.text(0, &number.unwrap_or_default(), false)?;
        s.text(1, line.description.best(lang), false)?;
        figures(&mut s, lang, ls.planned, ls.actual, &line.currency, false)?;
        s.next();
    }
    Ok(s)
}

/// Planned to date, the burn rate and the share of the budget spent.
fn summary(b: &BudgetBook<'_>, f: &Figures<'_>, s: &mut Sheet) -> Result<(), BookError> {
    let sp = &f.spending;
    for c in &f.currencies {
        s.text(0, &in_currency(W::PlannedToDate, c, b.lang), true)?;
        s.sum(3, &sp.planned_to_date, c, false)?;
        s.next();
    }
    for (w, ratio) in [
        (W::BurnRate, sp.burn_rate()),
        (W::SpentShare, sp.spent_share()),
    ] {
        s.text(0, tr(w, b.lang), true)?;
        match ratio {
            Some(r) => s.percent(3, r, false)?,
            None => s.text(3, "—", false)?,
        }
        s.next();
    }
    Ok(())
}

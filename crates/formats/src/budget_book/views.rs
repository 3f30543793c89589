//! The budget line by line, and its totals by activity, milestone, category, party, quarter and
//! year in the book's conversion, each with a totals row.

use super::layout::{Cell, Sheet, price_places, sums};
use super::words::{W, in_currency, quarter, tr};
use super::{BookError, BudgetBook, Figures};
use crate::finance_words::{category, unit};
use handover_core::finance::{Conversion, CostCategory, Sum};
use handover_core::plan::Period;
use rust_decimal::Decimal;

/// The plan's quarters in order.
pub(crate) fn periods<'a>(b: &BudgetBook<'a>) -> Vec<&'a Period> {
    let mut p: Vec<&Period> = b.tree.periods.iter().collect();
    p.sort_by_key(|p| p.seq);
    p
}

/// The Budget sheet: one row per cost line, then totals per currency and converted.
pub(crate) fn budget(b: &BudgetBook<'_>, f: &Figures<'_>) -> Result<Sheet, BookError> {
    let lang = b.lang;
    let mut s = Sheet::new(tr(W::SheetBudget, lang), lang)?;
    let periods = periods(b);
    let target = match &b.conversion {
        Conversion::To { currency, .. } => Some(currency),
        Conversion::Own => None,
    };
    let mut cols: Vec<(String, f64)> = [
        (W::Milestone, 28.0),
        (W::Activity, 9.0),
        (W::Title, 36.0),
        (W::Category, 20.0),
        (W::Description, 40.0),
        (W::Unit, 14.0),
        (W::UnitPrice, 14.0),
        (W::Currency, 9.0),
        (W::Funder, 24.0),
    ]
    .iter()
    .map(|(w, width)| (tr(*w, lang).to_owned(), *width))
    .collect();
    let first_quarter = cols.len();
    cols.extend(periods.iter().map(|p| (quarter(p.seq, lang), 8.0)));
    let amount = cols.len() + 1;
    cols.push((tr(W::TotalQuantity, lang).to_owned(), 11.0));
    cols.push((tr(W::Amount, lang).to_owned(), 18.0));
    if let Some(c) = target {
        cols.push((in_currency(W::Amount, c, lang), 18.0));
    }
    s.header(&cols)?;
    let zero = Sum::default();
    for line in &f.lines {
        let a = b.activity(line);
        let m = a.and_then(|a| b.milestone(a));
        let text = [
            b.milestone_label(m),
            a.map(|a| a.display_number()).unwrap_or_default(),
            a.map(|a| a.title.best(lang).to_owned()).unwrap_or_default(),
            category(line.category, lang).to_owned(),
            line.description.best(lang).to_owned(),
            unit(line.unit, lang).to_owned(),
        ];
        for (i, t) in text.iter().enumerate() {
            s.text(i, t, false)?;
        }
        let places = price_places(line.unit_price, &line.currency);
        s.decimal(6, line.unit_price, places, false, false)?;
        s.text(7, line.currency.as_str(), false)?;
        s.text(8, &b.tree.party_name(line.funder), false)?;
        let mut quantity = Decimal::ZERO;
        for (k, p) in periods.iter().enumerate() {
            let q = line.quantities.get(p.seq);
            if !q.is_zero() {
                s.plain(first_quarter + k, q, false)?;
                quantity += q;
            }
        }
        s.plain(amount - 1, quantity, false)?;
        let own = f.own.by_line.get(&line.id).unwrap_or(&zero);
        s.sum(amount, own, &line.currency, false)?;
        if let Some(c) = target {
            s.sum(
                amount + 1,
                f.conv.by_line.get(&line.id).unwrap_or(&zero),
                c,
                false,
            )?;
        }
        s.next();
    }
    let own: Vec<_> = f.own.grand.0.keys().cloned().collect();
    let rows = own.len().max(1);
    for i in 0..rows {
        match own.get(i) {
            Some(c) => {
                s.text(0, &format!("{} {c}", tr(W::Total, lang)), true)?;
                s.sum(amount, &f.own.grand, c, true)?;
            }
            None => s.text(0, tr(W::Total, lang), true)?,
        }
        if let (0, Some(c)) = (i, target) {
            s.sum(amount + 1, &f.conv.grand, c, true)?;
        }
        s.next();
    }
    Ok(s)
}

/// A sheet of totals: key columns, one amount column per currency, a totals row.
fn grouped(
    b: &BudgetBook<'_>,
    f: &Figures<'_>,
    name: W,
    keys: &[(W, f64)],
    rows: Vec<(Vec<Cell>, Option<&Sum>)>,
) -> Result<Sheet, BookError> {
    let lang = b.lang;
    let mut s = Sheet::new(tr(name, lang), lang)?;
    let mut cols: Vec<(String, f64)> = keys
        .iter()
        .map(|(w, width)| (tr(*w, lang).to_owned(), *width))
        .collect();
    cols.extend(
        f.currencies
            .iter()
            .map(|c| (in_currency(W::Amount, c, lang), 18.0)),
    );
    s.header(&cols)?;
    let zero = Sum::default();
    for (cells, sum) in rows {
        for (i, c) in cells.iter().enumerate() {
            s.cell(i, c, false)?;
        }
        sums(
            &mut s,
            keys.len(),
            sum.unwrap_or(&zero),
            &f.currencies,
            false,
        )?;
        s.next();
    }
    s.text(0, tr(W::Total, lang), true)?;
    sums(&mut s, keys.len(), &f.conv.grand, &f.currencies, true)?;
    s.next();
    Ok(s)
}

/// Totals by activity, every activity of the plan in order (uncosted ones at zero).
pub(crate) fn by_activity(b: &BudgetBook<'_>, f: &Figures<'_>) -> Result<Sheet, BookError> {
    let mut acts: Vec<_> = b.tree.activities.iter().collect();
    acts.sort_by_key(|a| {
        let m = b.milestone(a).map_or(u16::MAX, |m| m.number);
        (m, a.number, a.instance)
    });
    let rows = acts
        .into_iter()
        .map(|a| {
            let cells = vec![
                Cell::Text(b.milestone_label(b.milestone(a))),
                Cell::Text(a.display_number()),
                Cell::Text(a.title.best(b.lang).to_owned()),
            ];
            (cells, f.conv.by_activity.get(&a.id))
        })
        .collect();
    let keys = [(W::Milestone, 28.0), (W::Activity, 9.0), (W::Title, 40.0)];
    grouped(b, f, W::SheetByActivity, &keys, rows)
}

/// Totals by milestone.
pub(crate) fn by_milestone(b: &BudgetBook<'_>, f: &Figures<'_>) -> Result<Sheet, BookError> {
    let mut ms: Vec<_> = b.tree.milestones.iter().collect();
    ms.sort_by_key(|m| m.number);
    let rows = ms
        .into_iter()
        .map(|m| {
            let cells = vec![
                Cell::Int(i64::from(m.number)),
                Cell::Text(m.title.best(b.lang).to_owned()),
            ];
            (cells, f.conv.by_milestone.get(&m.id))
        })
        .collect();
    let keys = [(W::Milestone, 10.0), (W::Title, 40.0)];
    grouped(b, f, W::SheetByMilestone, &keys, rows)
}

/// Totals by cost category.
pub(crate) fn by_category(b: &BudgetBook<'_>, f: &Figures<'_>) -> Result<Sheet, BookError> {
    let rows = CostCategory::ALL
        .into_iter()
        .map(|c| {
            let cells = vec![Cell::Text(category(c, b.lang).to_owned())];
            (cells, f.conv.by_category.get(&c))
        })
        .collect();
    grouped(b, f, W::SheetByCategory, &[(W::Category, 28.0)], rows)
}

/// Totals by funding party, owner first.
pub(crate) fn by_party(b: &BudgetBook<'_>, f: &Figures<'_>) -> Result<Sheet, BookError> {
    let rows = b
        .parties()
        .into_iter()
        .map(|p| {
            let cells = vec![Cell::Text(b.tree.party_name(p))];
            (cells, f.conv.by_party.get(&p))
        })
        .collect();
    grouped(b, f, W::SheetByParty, &[(W::Party, 36.0)], rows)
}

/// Totals by quarter, with the quarter's dates and calendar year.
pub(crate) fn by_quarter(b: &BudgetBook<'_>, f: &Figures<'_>) -> Result<Sheet, BookError> {
    let rows = periods(b)
        .into_iter()
        .map(|p| {
            let cells = vec![
                Cell::Text(quarter(p.seq, b.lang)),
                Cell::Date(p.start),
                Cell::Date(p.end),
                Cell::Int(i64::from(p.start.year())),
            ];
            (cells, f.conv.by_quarter.get(&p.seq))
        })
        .collect();
    let keys = [
        (W::Quarter, 10.0),
        (W::Start, 12.0),
        (W::End, 12.0),
        (W::Year, 8.0),
    ];
    grouped(b, f, W::SheetByQuarter, &keys, rows)
}

/// Totals by calendar year (the municipalities' fiscal year).
pub(crate) fn by_year(b: &BudgetBook<'_>, f: &Figures<'_>) -> Result<Sheet, BookError> {
    let mut years: Vec<i32> = periods(b).iter().map(|p| p.start.year()).collect();
    years.dedup();
    let rows = years
        .into_iter()
        .map(|y| (vec![Cell::Int(i64::from(y))], f.conv.by_year.get(&y)))
        .collect();
    grouped(b, f, W::SheetByYear, &[(W::Year, 10.0)], rows)
}

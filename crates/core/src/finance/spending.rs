//! Spending: money actually paid against a cost line, with its date and evidence; planned
//! against actual per quarter, the burn rate, the variance, and overspending flagged.
//!
//! Spending may be paid in another currency than its line (a line budgeted in dollars paid in
//! pounds): it is converted to the line's currency at the rate of the payment's own date, at the
//! plan's rate type, so each line compares like with like. Totals over lines then follow the
//! chosen [`Conversion`].

use super::conversion::{Conversion, Converter};
use super::cost_line::CostLine;
use super::rates::{MissingRate, RateTable, RateType};
use super::sum::Sum;
use crate::ids::{CostLineId, ExpenditureId, PlanId};
use crate::money::Currency;
use crate::plan::Period;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::Date;

/// Money paid against a cost line.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Expenditure {
    pub id: ExpenditureId,
    pub plan_id: PlanId,
    pub cost_line_id: CostLineId,
    #[serde(with = "super::dates")]
    pub date: Date,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub currency: Currency,
    /// What was paid (an invoice, a payroll month).
    pub description: String,
    /// A link to the evidence (a scanned invoice, a payment order).
    pub evidence: Option<String>,
    pub version: i64,
}

/// Planned and actual of one line, in the line's currency.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize)]
pub struct LineSpending {
    pub planned: Decimal,
    pub actual: Decimal,
    /// By quarter: (planned, actual).
    pub by_quarter: BTreeMap<u16, (Decimal, Decimal)>,
}

impl LineSpending {
    /// Spent more than the whole line planned.
    pub fn overspent(&self) -> bool {
        self.actual > self.planned
    }

    /// actual − planned.
    pub fn variance(&self) -> Decimal {
        self.actual - self.planned
    }
}

/// One quarter over all lines, in the chosen conversion.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize)]
pub struct QuarterSpending {
    pub planned: Sum,
    pub actual: Sum,
}

/// Planned against actual for a plan.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize)]
pub struct Spending {
    pub by_line: BTreeMap<CostLineId, LineSpending>,
    pub by_quarter: BTreeMap<u16, QuarterSpending>,
    pub planned: Sum,
    pub actual: Sum,
    /// Planned in the quarters begun by `today`.
    pub planned_to_date: Sum,
    /// Spending dated before the plan's first quarter or after its last, still counted.
    pub outside_quarters: Vec<ExpenditureId>,
}

impl Spending {
    /// actual ÷ planned to date, when both are in one currency and something was planned: above
    /// 1 means spending runs ahead of the plan.
    pub fn burn_rate(&self) -> Option<Decimal> {
        ratio(&self.actual, &self.planned_to_date)
    }

    /// actual ÷ the whole budget.
    pub fn spent_share(&self) -> Option<Decimal> {
        ratio(&self.actual, &self.planned)
    }

    /// Lines that spent more than they planned.
    pub fn overspent(&self) -> impl Iterator<Item = (&CostLineId, &LineSpending)> {
        self.by_line.iter().filter(|(_, s)| s.overspent())
    }
}

fn ratio(a: &Sum, b: &Sum) -> Option<Decimal> {
    if a.0.len() > 1 || b.0.len() != 1 {
        return None;
    }
    let (c, total) = b.0.iter().next()?;
    if total.is_zero() {
        return None;
    }
    Some((a.get(c) / total).round_dp(4))
}

/// Planned against actual: each payment converted to its line's currency at `rate_type` on its
/// own date, then every total by `conversion`; fails with every missing rate.
pub fn spending(
    lines: &[CostLine],
    paid: &[Expenditure],
    periods: &[Period],
    conversion: &Conversion,
    rate_type: RateType,
    rates: &RateTable,
    today: Date,
) -> Result<Spending, Vec<MissingRate>> {
    let mut missing = vec![];
    let mut s = Spending::default();
    let quarter_of = |d: Date| periods.iter().find(|p| p.start <= d && d <= p.end);
    for l in lines {
        let ls = s.by_line.entry(l.id).or_default();
        for (q, _) in l.quantities.iter() {
            ls.planned += l.amount_in(q);
            ls.by_quarter.entry(q).or_default().0 += l.amount_in(q);
        }
    }
    for e in paid {
        let Some(line) = lines.iter().find(|l| l.id == e.cost_line_id) else {
            continue;
        };
        let amount = match rates.convert(e.amount, &e.currency, &line.currency, rate_type, e.date) {
            Ok(a) => a,
            Err(m) => {
                if !missing.contains(&m) {
                    missing.push(m);
                }
                continue;
            }
        };
        let q = match quarter_of(e.date) {
            Some(p) => p.seq,
            None => {
                s.outside_quarters.push(e.id);
                // Counted in the nearest quarter so the line's total stays whole.
                if periods.first().is_some_and(|p| e.date < p.start) {
                    periods.first().map(|p| p.seq).unwrap_or(1)
                } else {
                    periods.last().map(|p| p.seq).unwrap_or(1)
                }
            }
        };
        let ls = s.by_line.entry(line.id).or_default();
        ls.actual += amount;
        ls.by_quarter.entry(q).or_default().1 += amount;
    }
    let mut c = Converter::new(conversion, rates);
    for l in lines {
        let Some(ls) = s.by_line.get(&l.id) else {
            continue;
        };
        for (q, (planned, actual)) in &ls.by_quarter {
            let Some(p) = periods.iter().find(|p| p.seq == *q) else {
                continue;
            };
            let planned = c.sum(*planned, &l.currency, p.start);
            let actual = c.sum(*actual, &l.currency, p.start);
            let qs = s.by_quarter.entry(*q).or_default();
            qs.planned.add_sum(&planned);
            qs.actual.add_sum(&actual);
            s.planned.add_sum(&planned);
            s.actual.add_sum(&actual);
            if p.start <= today {
                s.planned_to_date.add_sum(&planned);
            }
        }
    }
    if let Err(more) = c.finish() {
        for m in more {
            if !missing.contains(&m) {
                missing.push(m);
            }
        }
    }
    if missing.is_empty() {
        Ok(s)
    } else {
        missing.sort();
        Err(missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;
    use crate::finance::cost_line::CostCategory::*;
    use crate::finance::cost_line::tests::line;
    use crate::finance::rates::tests::lebanon;
    use crate::finance::totals::tests::periods;
    use crate::ids::{ActivityId, OrgId};
    use std::str::FromStr;

    fn paid(line: &CostLine, date: &str, amount: &str, currency: &str) -> Expenditure {
        Expenditure {
            id: ExpenditureId::new(),
            plan_id: line.plan_id,
            cost_line_id: line.id,
            date: parse_date(date).unwrap(),
            amount: Decimal::from_str(amount).unwrap(),
            currency: Currency::parse(currency).unwrap(),
            description: "invoice".into(),
            evidence: None,
            version: 1,
        }
    }

    #[test]
    fn payments_in_pounds_against_a_dollar_line_at_the_market_rate_of_their_day() {
        let l = line(
            ActivityId::new(),
            OrgId::new(),
            Logistics,
            "1000",
            "USD",
            &[(1, "1"), (2, "1")],
        );
        let ps = periods("2021-07-01", 12);
        let usd = Currency::parse("USD").unwrap();
        let pay = vec![
            paid(&l, "2021-08-15", "700", "USD"),
            // 8,000,000 LBP at 20,000 = 400 USD: Q1 spends 1,100 of 1,000.
            paid(&l, "2021-09-01", "8000000", "LBP"),
        ];
        let today = parse_date("2021-09-30").unwrap();
        let s = spending(
            std::slice::from_ref(&l),
            &pay,
            &ps,
            &Conversion::Own,
            RateType::ParallelMarket,
            &lebanon(),
            today,
        )
        .unwrap();
        let ls = &s.by_line[&l.id];
        assert_eq!(ls.actual, Decimal::from(1100));
        assert!(!ls.overspent());
        assert_eq!(
            ls.by_quarter[&1],
            (Decimal::from(1000), Decimal::from(1100))
        );
        assert_eq!(s.burn_rate(), Some(Decimal::from_str("1.1").unwrap()));
        assert_eq!(s.spent_share(), Some(Decimal::from_str("0.55").unwrap()));
        assert_eq!(s.planned_to_date.get(&usd), Decimal::from(1000));

        let more = [pay.clone(), vec![paid(&l, "2021-11-01", "1000", "USD")]].concat();
        let s = spending(
            std::slice::from_ref(&l),
            &more,
            &ps,
            &Conversion::Own,
            RateType::ParallelMarket,
            &lebanon(),
            today,
        )
        .unwrap();
        assert_eq!(s.overspent().count(), 1);
        assert_eq!(s.by_line[&l.id].variance(), Decimal::from(100));

        // No rate for pounds sterling: the payment is refused with the pair named.
        let eur = vec![paid(&l, "2021-08-15", "100", "GBP")];
        let e = spending(
            &[l],
            &eur,
            &ps,
            &Conversion::Own,
            RateType::Official,
            &lebanon(),
            today,
        )
        .unwrap_err();
        assert_eq!(e[0].from.as_str(), "GBP");
    }
}

//! Real terms: an amount held in a currency that loses its value, expressed quarter by quarter in
//! a stable currency at dated rates, so its erosion shows (a salary of 3,000,000 LBP a month was
//! worth 2,000 USD in 2019 and 150 USD by 2022 at the market rate).

use super::rates::{MissingRate, RateTable, RateType};
use crate::money::Currency;
use crate::plan::Period;
use rust_decimal::Decimal;
use serde::Serialize;

/// One quarter of a real-terms series.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct RealTerms {
    pub quarter: u16,
    /// The amount as held.
    pub nominal: Decimal,
    /// The same amount in the stable currency at the rate of the quarter's first day.
    pub real: Result<Decimal, MissingRate>,
}

/// `amount` of `currency` each quarter in `stable`, at `rate_type` on each quarter's first day.
pub fn series(
    amount: Decimal,
    currency: &Currency,
    stable: &Currency,
    rate_type: RateType,
    periods: &[Period],
    rates: &RateTable,
) -> Vec<RealTerms> {
    periods
        .iter()
        .map(|p| RealTerms {
            quarter: p.seq,
            nominal: amount,
            real: rates.convert(amount, currency, stable, rate_type, p.start),
        })
        .collect()
}

/// How much of its first quarter's real value the amount has lost by the last (0.95 = 95%),
/// over the quarters that have a rate.
pub fn erosion(s: &[RealTerms]) -> Option<Decimal> {
    let mut known = s.iter().filter_map(|r| r.real.as_ref().ok());
    let first = *known.next()?;
    let last = *known.next_back().unwrap_or(&first);
    if first.is_zero() {
        return None;
    }
    Some((Decimal::ONE - last / first).round_dp(4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::rates::tests::lebanon;
    use crate::finance::totals::tests::periods;
    use std::str::FromStr;

    #[test]
    fn a_salary_in_pounds_loses_most_of_its_dollar_value() {
        let lbp = Currency::parse("LBP").unwrap();
        let usd = Currency::parse("USD").unwrap();
        let s = series(
            Decimal::from(3_000_000),
            &lbp,
            &usd,
            RateType::ParallelMarket,
            &periods("2019-01-01", 12),
            &lebanon(),
        );
        assert_eq!(
            s[0].real.as_ref().unwrap().round_dp(2).to_string(),
            "1990.05"
        );
        assert_eq!(s[11].real.as_ref().unwrap().round_dp(2).to_string(), "150");
        assert_eq!(erosion(&s), Some(Decimal::from_str("0.9246").unwrap()));
    }
}

//! How a total is shown: in each line's own currency, or converted to one currency at a given
//! date's rate or at the rate of the first day of each line's quarter.

use super::rates::{MissingRate, RateTable, RateType};
use super::sum::Sum;
use crate::money::Currency;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// Which date's rate converts an amount.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RateDate {
    /// One date for every amount (e.g. today, or the day the AoC was signed).
    On(#[serde(with = "super::dates")] Date),
    /// The first day of each amount's own quarter (or a transaction's own date for spending).
    QuarterStart,
}

/// The currency a total is shown in.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Conversion {
    /// Each amount in its own currency: a total per currency.
    Own,
    /// Every amount converted to `currency` at `rate_type`, dated by `at`.
    To {
        currency: Currency,
        rate_type: RateType,
        at: RateDate,
    },
}

/// Converts amounts for one total, collecting every missing rate instead of stopping at the first.
#[derive(Debug)]
pub struct Converter<'a> {
    pub conversion: &'a Conversion,
    pub rates: &'a RateTable,
    /// Missing rates met so far, each once.
    pub missing: Vec<MissingRate>,
}

impl<'a> Converter<'a> {
    pub fn new(conversion: &'a Conversion, rates: &'a RateTable) -> Self {
        Self {
            conversion,
            rates,
            missing: vec![],
        }
    }

    /// `amount` in `currency`, dated `own_date` (a quarter's first day or a transaction's date),
    /// as a sum in the chosen currency; a missing rate is recorded and counts nothing.
    pub fn sum(&mut self, amount: Decimal, currency: &Currency, own_date: Date) -> Sum {
        match self.conversion {
            Conversion::Own => Sum::of(amount, currency),
            Conversion::To {
                currency: to,
                rate_type,
                at,
            } => {
                let date = match at {
                    RateDate::On(d) => *d,
                    RateDate::QuarterStart => own_date,
                };
                match self.rates.convert(amount, currency, to, *rate_type, date) {
                    Ok(a) => Sum::of(a, to),
                    Err(m) => {
                        if !self.missing.contains(&m) {
                            self.missing.push(m);
                        }
                        Sum::default()
                    }
                }
            }
        }
    }

    /// The missing rates, sorted, or nothing when every conversion had its rate.
    pub fn finish(mut self) -> Result<(), Vec<MissingRate>> {
        if self.missing.is_empty() {
            Ok(())
        } else {
            self.missing.sort();
            Err(self.missing)
        }
    }
}

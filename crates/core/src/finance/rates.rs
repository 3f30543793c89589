//! Exchange rates: dated, per currency pair and rate type. In Lebanon in 2021–22 the official,
//! platform and parallel-market rates of the pound differed more than tenfold, so a rate is
//! never looked up without saying which type.
//!
//! **The rule**: the rate for a pair, a type and a date is the latest rate of that type for that
//! pair dated on or before the date. The inverse pair counts as present (1 / rate); when both
//! directions have a rate, the later-dated one wins, and on the same date the direct one. No
//! rate is inferred through a third currency: a missing rate is an error naming the pair, the
//! type and the date.

use crate::calendar::format_date;
use crate::ids::RateId;
use crate::money::Currency;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use time::Date;

/// Which rate: they can differ more than tenfold for one pair on one day.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RateType {
    /// The central bank's official rate (1,507.5 LBP/USD until 2023).
    Official,
    /// A central-bank platform rate (Lebanon's Sayrafa).
    Platform,
    /// The parallel (black) market rate.
    ParallelMarket,
    /// The rate a donor books its spending at.
    DonorAccounting,
    /// The United Nations operational rate of exchange.
    UnOperational,
}

impl RateType {
    pub const ALL: [RateType; 5] = [
        RateType::Official,
        RateType::Platform,
        RateType::ParallelMarket,
        RateType::DonorAccounting,
        RateType::UnOperational,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RateType::Official => "official",
            RateType::Platform => "platform",
            RateType::ParallelMarket => "parallel_market",
            RateType::DonorAccounting => "donor_accounting",
            RateType::UnOperational => "un_operational",
        }
    }

    /// Accepts the stored name or the English words (`parallel market`), any case.
    pub fn parse(s: &str) -> Result<Self, String> {
        let k = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == k)
            .ok_or_else(|| {
                format!(
                    "`{}` is not a rate type: use one of {}",
                    s.trim(),
                    Self::ALL.map(RateType::as_str).join(", ")
                )
            })
    }
}

impl fmt::Display for RateType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One unit of `base` is worth `rate` units of `quote` on `date`, at this rate type.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct ExchangeRate {
    pub id: RateId,
    pub base: Currency,
    pub quote: Currency,
    pub rate_type: RateType,
    #[serde(with = "crate::finance::dates")]
    pub date: Date,
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
    /// Where the figure comes from (a bulletin, a website, a donor's circular).
    pub source: Option<String>,
    pub version: i64,
}

impl ExchangeRate {
    /// Checks a rate as typed: two different currencies and a rate above zero.
    pub fn check(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![];
        if self.base == self.quote {
            out.push((
                "quote",
                format!(
                    "a rate converts between two currencies, not {} to itself",
                    self.base
                ),
            ));
        }
        if self.rate <= Decimal::ZERO {
            out.push(("rate", format!("{} is not above zero", self.rate)));
        }
        out
    }
}

/// No rate for a pair, a type and a date: what a total refuses to guess.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug, Serialize)]
pub struct MissingRate {
    pub from: Currency,
    pub to: Currency,
    pub rate_type: RateType,
    #[serde(with = "crate::finance::dates")]
    pub date: Date,
}

impl fmt::Display for MissingRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no {} rate between {} and {} on or before {}: add one (either direction counts)",
            self.rate_type.as_str().replace('_', " "),
            self.from,
            self.to,
            format_date(self.date)
        )
    }
}

/// Every rate known, indexed for the on-or-before rule.
#[derive(Clone, Debug, Default)]
pub struct RateTable {
    by_key: BTreeMap<(Currency, Currency, RateType), BTreeMap<Date, Decimal>>,
}

impl RateTable {
    pub fn new(rates: impl IntoIterator<Item = ExchangeRate>) -> Self {
        let mut t = Self::default();
        for r in rates {
            t.insert(&r);
        }
        t
    }

    pub fn insert(&mut self, r: &ExchangeRate) {
        self.by_key
            .entry((r.base.clone(), r.quote.clone(), r.rate_type))
            .or_default()
            .insert(r.date, r.rate);
    }

    /// The latest (date, rate) of exactly this direction on or before `date`.
    fn direct(
        &self,
        from: &Currency,
        to: &Currency,
        t: RateType,
        date: Date,
    ) -> Option<(Date, Decimal)> {
        self.by_key
            .get(&(from.clone(), to.clone(), t))?
            .range(..=date)
            .next_back()
            .map(|(d, r)| (*d, *r))
    }

    /// The rate found by the rule, and whether it is the inverse pair's (divide by it).
    fn lookup(
        &self,
        from: &Currency,
        to: &Currency,
        t: RateType,
        date: Date,
    ) -> Result<(Decimal, bool), MissingRate> {
        if from == to {
            return Ok((Decimal::ONE, false));
        }
        let direct = self.direct(from, to, t, date);
        let inverse = self.direct(to, from, t, date).filter(|(_, r)| !r.is_zero());
        match (direct, inverse) {
            (Some((dd, r)), Some((di, _))) if dd >= di => Ok((r, false)),
            (_, Some((_, r))) => Ok((r, true)),
            (Some((_, r)), None) => Ok((r, false)),
            (None, None) => Err(MissingRate {
                from: from.clone(),
                to: to.clone(),
                rate_type: t,
                date,
            }),
        }
    }

    /// How many `to` one `from` is worth on `date` at rate type `t` (the rule in the module doc).
    pub fn rate(
        &self,
        from: &Currency,
        to: &Currency,
        t: RateType,
        date: Date,
    ) -> Result<Decimal, MissingRate> {
        let (r, inverse) = self.lookup(from, to, t, date)?;
        Ok(if inverse { Decimal::ONE / r } else { r })
    }

    /// `amount` of `from` in `to`, exactly (not rounded); an inverse rate divides, so 15,000 LBP
    /// at 15,000 LBP/USD is exactly one dollar.
    pub fn convert(
        &self,
        amount: Decimal,
        from: &Currency,
        to: &Currency,
        t: RateType,
        date: Date,
    ) -> Result<Decimal, MissingRate> {
        let (r, inverse) = self.lookup(from, to, t, date)?;
        Ok(if inverse { amount / r } else { amount * r })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::calendar::parse_date;
    use std::str::FromStr;

    /// A rate for tests.
    pub(crate) fn rate(base: &str, quote: &str, t: RateType, date: &str, r: &str) -> ExchangeRate {
        ExchangeRate {
            id: RateId::new(),
            base: Currency::parse(base).unwrap(),
            quote: Currency::parse(quote).unwrap(),
            rate_type: t,
            date: parse_date(date).unwrap(),
            rate: Decimal::from_str(r).unwrap(),
            source: None,
            version: 1,
        }
    }

    /// Lebanon's rates as SPEC §4 gives them, for the seed's setting.
    pub(crate) fn lebanon() -> RateTable {
        use RateType::*;
        RateTable::new([
            rate("USD", "LBP", Official, "2019-01-01", "1507.5"),
            rate("USD", "LBP", Official, "2023-02-01", "15000"),
            rate("USD", "LBP", ParallelMarket, "2019-01-01", "1507.5"),
            rate("USD", "LBP", ParallelMarket, "2020-07-01", "8000"),
            rate("USD", "LBP", ParallelMarket, "2021-07-01", "20000"),
            rate("USD", "LBP", ParallelMarket, "2023-03-01", "100000"),
            rate("USD", "LBP", Platform, "2021-06-01", "12000"),
            rate("USD", "LBP", Platform, "2022-01-03", "22700"),
            rate("EUR", "USD", Official, "2021-01-01", "1.2"),
        ])
    }

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    #[test]
    fn the_latest_rate_on_or_before_the_date_of_the_type_asked() {
        let t = lebanon();
        let usd = Currency::parse("USD").unwrap();
        let lbp = Currency::parse("LBP").unwrap();
        let at = |ty, date| t.rate(&usd, &lbp, ty, d(date)).map(|r| r.to_string());
        assert_eq!(at(RateType::Official, "2022-01-15").unwrap(), "1507.5");
        assert_eq!(at(RateType::Official, "2023-02-01").unwrap(), "15000");
        assert_eq!(at(RateType::ParallelMarket, "2021-06-30").unwrap(), "8000");
        assert_eq!(at(RateType::ParallelMarket, "2021-07-01").unwrap(), "20000");
        // Before the first platform rate there is none, and the error says which.
        let e = at(RateType::Platform, "2021-05-31").unwrap_err();
        assert_eq!(
            e.to_string(),
            "no platform rate between USD and LBP on or before 2021-05-31: add one (either direction counts)"
        );
        // The inverse pair counts: 15,000 LBP is one dollar at the 2023 official rate.
        let back = t
            .convert(
                Decimal::from(15000),
                &lbp,
                &usd,
                RateType::Official,
                d("2023-06-30"),
            )
            .unwrap();
        assert_eq!(back, Decimal::ONE);
        assert_eq!(
            t.rate(&lbp, &lbp, RateType::Official, d("1900-01-01")),
            Ok(Decimal::ONE)
        );
        // No triangulation: EUR→LBP is missing even though EUR→USD and USD→LBP exist.
        let eur = Currency::parse("EUR").unwrap();
        assert!(
            t.rate(&eur, &lbp, RateType::Official, d("2022-01-01"))
                .is_err()
        );
    }

    #[test]
    fn when_both_directions_exist_the_later_one_wins() {
        let t = RateTable::new([
            rate("USD", "LBP", RateType::Official, "2020-01-01", "1500"),
            rate("LBP", "USD", RateType::Official, "2021-01-01", "0.0005"),
        ]);
        let usd = Currency::parse("USD").unwrap();
        let lbp = Currency::parse("LBP").unwrap();
        assert_eq!(
            t.rate(&usd, &lbp, RateType::Official, d("2020-06-01"))
                .unwrap(),
            Decimal::from(1500)
        );
        assert_eq!(
            t.rate(&usd, &lbp, RateType::Official, d("2021-06-01"))
                .unwrap(),
            Decimal::from(2000)
        );
        assert!(
            rate("USD", "USD", RateType::Official, "2020-01-01", "0")
                .check()
                .len()
                == 2
        );
    }
}

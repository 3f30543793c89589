//! An exact sum of money that may hold several currencies, each kept apart.

use crate::money::{Currency, Money};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// Exact amounts per currency; never rounded until shown (see [`Sum::rounded`]).
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize)]
#[serde(transparent)]
pub struct Sum(pub BTreeMap<Currency, Decimal>);

impl Sum {
    /// A sum of one amount.
    pub fn of(amount: Decimal, currency: &Currency) -> Self {
        let mut s = Self::default();
        s.add(amount, currency);
        s
    }

    pub fn add(&mut self, amount: Decimal, currency: &Currency) {
        *self.0.entry(currency.clone()).or_default() += amount;
    }

    pub fn add_sum(&mut self, other: &Sum) {
        for (c, a) in &other.0 {
            self.add(*a, c);
        }
    }

    /// The exact amount in one currency (zero when absent).
    pub fn get(&self, currency: &Currency) -> Decimal {
        self.0.get(currency).copied().unwrap_or_default()
    }

    pub fn is_zero(&self) -> bool {
        self.0.values().all(|a| a.is_zero())
    }

    /// The only amount when the sum holds a single currency (or none: zero in `fallback`).
    pub fn single(&self, fallback: &Currency) -> Option<Money> {
        match self.0.len() {
            0 => Some(Money {
                amount: Decimal::ZERO,
                currency: fallback.clone(),
            }),
            1 => self.0.iter().next().map(|(c, a)| Money {
                amount: *a,
                currency: c.clone(),
            }),
            _ => None,
        }
    }

    /// One rounded amount per currency, in currency order: the figures people see.
    pub fn rounded(&self) -> Vec<Money> {
        self.0
            .iter()
            .map(|(c, a)| {
                Money {
                    amount: *a,
                    currency: c.clone(),
                }
                .rounded()
            })
            .collect()
    }

    /// `self − other`, per currency.
    pub fn minus(&self, other: &Sum) -> Sum {
        let mut out = self.clone();
        for (c, a) in &other.0 {
            out.add(-*a, c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies_never_mix_and_rounding_is_once_per_total() {
        let usd = Currency::parse("USD").unwrap();
        let lbp = Currency::parse("LBP").unwrap();
        let mut s = Sum::default();
        // Three thirds of a cent: rounded per line they would be 0.00 each; per total, 0.01.
        for _ in 0..3 {
            s.add(Decimal::new(3333, 6), &usd);
        }
        s.add(Decimal::new(15075, 1), &lbp);
        assert_eq!(s.0.len(), 2);
        assert!(s.single(&usd).is_none());
        let r = s.rounded();
        assert_eq!(r[0].currency, lbp);
        assert_eq!(r[0].amount.to_string(), "1507.50");
        assert_eq!(r[1].amount.to_string(), "0.01");
    }
}

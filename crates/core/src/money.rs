//! Money: exact decimal amounts in an ISO 4217 currency. Amounts are never floats; totals are
//! summed in Rust and rounded once, per total, to the currency's minor unit, half to even.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An ISO 4217 currency code such as `USD` or `LBP`.
#[derive(
    Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
pub struct Currency(String);

impl Currency {
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if s.len() == 3 && s.chars().all(|c| c.is_ascii_alphabetic()) {
            Ok(Self(s.to_ascii_uppercase()))
        } else {
            Err(format!(
                "`{s}` is not a currency code: use the three letters of ISO 4217, e.g. USD or LBP"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Decimal places of the currency's minor unit (ISO 4217).
    pub fn minor_units(&self) -> u32 {
        match self.0.as_str() {
            "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF"
            | "UGX" | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
            "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
            _ => 2,
        }
    }
}

impl TryFrom<String> for Currency {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.0
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Parses a decimal number typed by a user: digits with an optional sign and a point.
/// "N/A", "Yes", "see report", comma decimals and exponents are refused with a reason.
pub fn parse_decimal(s: &str) -> Result<Decimal, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("the value is empty".into());
    }
    if t.contains(',') {
        return Err(format!(
            "`{t}` uses a comma: write numbers with a point and no thousands separator, e.g. 1507.5"
        ));
    }
    Decimal::from_str(t).map_err(|_| format!("`{t}` is not a number"))
}

/// An exact amount of money.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Money {
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub currency: Currency,
}

impl Money {
    /// Rounds to the currency's minor unit, half to even (banker's rounding), once per total.
    pub fn rounded(&self) -> Money {
        let mut amount = self.amount.round_dp_with_strategy(
            self.currency.minor_units(),
            RoundingStrategy::MidpointNearestEven,
        );
        // Shown with every minor digit: 1507.50, not 1507.5.
        amount.rescale(self.currency.minor_units());
        Money {
            amount,
            currency: self.currency.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_exact_and_words_are_refused() {
        let a = parse_decimal("0.1").unwrap() + parse_decimal("0.2").unwrap();
        assert_eq!(a, parse_decimal("0.3").unwrap());
        assert_eq!(parse_decimal("1507.50").unwrap().to_string(), "1507.50");
        assert!(parse_decimal("N/A").is_err());
        assert!(parse_decimal("1,5").unwrap_err().contains("comma"));
        let m = Money {
            amount: parse_decimal("2.345").unwrap(),
            currency: Currency::parse("usd").unwrap(),
        };
        assert_eq!(m.rounded().amount.to_string(), "2.34");
    }
}

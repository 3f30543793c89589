//! Finance (SPEC §4): cost lines on activities, dated exchange rates by rate type, totals in a
//! line's own currency or converted, frozen budget versions and their comparison, spending
//! against cost lines, cost sharing between the parties, and the Agreement of Cooperation record
//! that ties activity 7 to the baseline budget (SPEC §6).
//!
//! Amounts are exact decimals from end to end. A line's amount for a quarter is its quantity
//! times its unit price, exactly; conversions multiply by exact rates; totals are summed exactly
//! and rounded **once, per total**, to the currency's minor unit, half to even
//! ([`crate::money::Money::rounded`]). A total never mixes currencies: either it is kept per
//! currency, or every part is converted and a missing rate fails the total, naming the pair,
//! the rate type and the date.

pub mod aoc;
pub mod conversion;
pub mod cost_line;
pub mod rates;
pub mod real_terms;
pub mod settings;
pub mod sharing;
pub mod spending;
pub mod sum;
pub mod totals;
pub mod version;

pub use conversion::{Conversion, RateDate};
pub use cost_line::{CostCategory, CostLine, Unit};
pub use rates::{ExchangeRate, MissingRate, RateTable, RateType};
pub use sum::Sum;
pub use totals::{Totals, totals};

/// Dates as `YYYY-MM-DD` in JSON.
pub(crate) mod dates {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::calendar::format_date(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        crate::calendar::parse_date(&s).map_err(serde::de::Error::custom)
    }

    /// An optional date as `YYYY-MM-DD` or null.
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};
        use time::Date;

        pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.serialize_str(&crate::calendar::format_date(*d)),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
            Option::<String>::deserialize(d)?
                .map(|s| crate::calendar::parse_date(&s).map_err(serde::de::Error::custom))
                .transpose()
        }
    }
}

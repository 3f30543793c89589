//! Finance (SPEC §4) over the JSON API: a plan's cost lines (one by one and imported from a
//! CSV or XLSX file), its budget totals in each line's own currency or converted, the budget
//! workbook, frozen budget versions and their comparison, spending against cost lines and the
//! planned-against-actual view, the plan's finance settings and its Agreement of Cooperation;
//! and, for the whole deployment, the exchange rates (with their import) and real-terms series.
//!
//! Amounts are exact decimals as JSON strings. What is stored (a unit price, a quantity, a
//! payment, a rate) is sent exactly as stored; a total is summed exactly and rounded **once**,
//! to its currency's minor unit, half to even — the figure the workbook shows too. A total is
//! never a silent mix of currencies: either it is a list with one amount per currency, or it
//! is converted and a missing rate is a 422 `missing_rate` naming each pair, type and date.

pub mod budget;
pub mod comparison;
pub mod cost_lines;
pub mod docs;
pub mod expenditures;
pub mod imports;
pub mod query;
pub mod rates;
pub mod real_terms;
pub mod settings;
pub mod spending;
pub mod upload;
pub mod versions;
pub mod workbook;

use crate::error::{AppError, ErrorEntry};
use axum::http::StatusCode;
use handover_core::finance::MissingRate;
use handover_core::money::parse_decimal;
use handover_store::StoreError;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};

/// An exact decimal sent as a JSON string (`"1507.50"`): a JSON number is refused, so that no
/// client's float rounding ever reaches a budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dec(pub Decimal);

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Dec;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an exact decimal as a string, e.g. \"1507.50\"")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Dec, E> {
                parse_decimal(s).map(Dec).map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

/// A store error of the finance routes. Finance fields are paths with `/` (`quantities/Q3`, and
/// for an import `4/unit_price`), which become JSON Pointers segment by segment.
pub(crate) fn store_error(e: StoreError) -> AppError {
    match e {
        StoreError::Invalid(invalid) => invalid_entries(
            invalid
                .0
                .into_iter()
                .map(|f| ErrorEntry::field(pointer(&f.field), f.message))
                .collect(),
        ),
        other => other.into(),
    }
}

/// `quantities/Q3` → `/quantities/Q3`; a path already a pointer is kept.
pub(crate) fn pointer(field: &str) -> String {
    if field.is_empty() || field.starts_with('/') {
        return field.to_owned();
    }
    field
        .split('/')
        .map(|s| format!("/{}", s.replace('~', "~0")))
        .collect()
}

/// 422 `invalid` with these entries.
pub(crate) fn invalid_entries(errors: Vec<ErrorEntry>) -> AppError {
    AppError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        "the request has problems; each is listed in `errors` with its field",
    )
    .with_errors(errors)
}

/// 422 `missing_rate`: a conversion lacks rates; each entry names a pair, a rate type and a
/// date (under the query parameter that asked for the conversion).
pub(crate) fn missing_rates(missing: Vec<MissingRate>, field: &str) -> AppError {
    AppError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "missing_rate",
        format!(
            "{} exchange rate{} missing for this conversion; add {} (POST /api/v1/exchange-rates) or choose another currency, rate type or date",
            missing.len(),
            if missing.len() == 1 { " is" } else { "s are" },
            if missing.len() == 1 { "it" } else { "them" },
        ),
    )
    .with_errors(
        missing
            .iter()
            .map(|m| ErrorEntry::field(field, m.to_string()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finance_paths_become_pointers() {
        assert_eq!(pointer("quantities/Q3"), "/quantities/Q3");
        assert_eq!(pointer("unit_price"), "/unit_price");
        assert_eq!(pointer("/x"), "/x");
        let d: Dec = serde_json::from_str("\"1507.50\"").unwrap();
        assert_eq!(d.0.to_string(), "1507.50");
        assert!(serde_json::from_str::<Dec>("1507.5").is_err());
        assert!(serde_json::from_str::<Dec>("\"1,507\"").is_err());
    }
}

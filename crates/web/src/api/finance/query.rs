//! Query parameters of the finance reads: only the parameters a route takes (others are 400
//! `invalid_query`, one entry each), and the conversion a total is shown in.

use crate::error::{AppError, ErrorEntry};
use axum::extract::Query;
use axum::http::{StatusCode, Uri};
use handover_core::calendar::parse_date;
use handover_core::finance::{Conversion, RateDate, RateType};
use handover_core::money::Currency;
use std::collections::BTreeMap;

/// The parameters of a query, each allowed once.
#[derive(Debug, Default)]
pub(crate) struct Params(pub(crate) BTreeMap<String, String>);

/// 400 `invalid_query` with these entries.
pub(crate) fn bad_query(errors: Vec<ErrorEntry>) -> AppError {
    AppError::new(
        StatusCode::BAD_REQUEST,
        "invalid_query",
        "the query has problems; each is listed in `errors` with its parameter",
    )
    .with_errors(errors)
}

impl Params {
    /// Reads the query of `uri`, refusing any parameter not in `allowed` and any given twice.
    pub(crate) fn read(uri: &Uri, allowed: &[&str]) -> Result<Self, AppError> {
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(uri)
            .map_err(|e| AppError::new(StatusCode::BAD_REQUEST, "invalid_query", e.body_text()))?;
        let mut errors = vec![];
        let mut out = BTreeMap::new();
        for (k, v) in pairs {
            if !allowed.contains(&k.as_str()) {
                let takes = if allowed.is_empty() {
                    "no parameters".to_owned()
                } else {
                    allowed.join(", ")
                };
                errors.push(ErrorEntry::field(
                    k.clone(),
                    format!("unknown parameter `{k}`: this resource takes {takes}"),
                ));
            } else if out.insert(k.clone(), v).is_some() {
                errors.push(ErrorEntry::field(
                    k.clone(),
                    format!("`{k}` is given twice: give it once"),
                ));
            }
        }
        if errors.is_empty() {
            Ok(Self(out))
        } else {
            Err(bad_query(errors))
        }
    }

    /// A parameter's value parsed, or 400 naming it.
    pub(crate) fn parsed<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, AppError> {
        self.0
            .get(name)
            .map(|v| parse(v).map_err(|m| bad_query(vec![ErrorEntry::field(name, m)])))
            .transpose()
    }

    /// A parameter that must be there.
    pub(crate) fn required<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T, AppError> {
        self.parsed(name, parse)?.ok_or_else(|| {
            bad_query(vec![ErrorEntry::field(
                name,
                format!("`{name}` is required"),
            )])
        })
    }

    /// The conversion asked for by `currency` (`own` or ISO 4217; own by default), `rate_type`
    /// (the plan's default unless given) and `at` (`quarter_start`, the default, or a date).
    /// `rate_type` and `at` without a currency to convert to are refused: they would be ignored.
    pub(crate) fn conversion(&self, default_type: RateType) -> Result<Conversion, AppError> {
        let currency = self.parsed("currency", |s| {
            if s.eq_ignore_ascii_case("own") {
                Ok(None)
            } else {
                Currency::parse(s).map(Some)
            }
        })?;
        let rate_type = self.parsed("rate_type", RateType::parse)?;
        let at = self.parsed("at", parse_at)?;
        match currency.flatten() {
            Some(currency) => Ok(Conversion::To {
                currency,
                rate_type: rate_type.unwrap_or(default_type),
                at: at.unwrap_or(RateDate::QuarterStart),
            }),
            None => {
                let ignored: Vec<_> = [("rate_type", rate_type.is_some()), ("at", at.is_some())]
                    .into_iter()
                    .filter(|(_, given)| *given)
                    .map(|(name, _)| {
                        ErrorEntry::field(
                            name,
                            format!(
                                "`{name}` applies only when converting: give `currency` (e.g. currency=USD), or leave `{name}` out for each line's own currency"
                            ),
                        )
                    })
                    .collect();
                if ignored.is_empty() {
                    Ok(Conversion::Own)
                } else {
                    Err(bad_query(ignored))
                }
            }
        }
    }
}

/// `quarter_start` or `YYYY-MM-DD`.
pub(crate) fn parse_at(s: &str) -> Result<RateDate, String> {
    if s.eq_ignore_ascii_case("quarter_start") {
        return Ok(RateDate::QuarterStart);
    }
    parse_date(s)
        .map(RateDate::On)
        .map_err(|_| format!("`{s}` is neither `quarter_start` nor a date YYYY-MM-DD"))
}

/// `true` or `false`.
pub(crate) fn parse_bool(s: &str) -> Result<bool, String> {
    match s {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err(format!("`{s}` is neither true nor false")),
    }
}

/// The conversion as sent back: `currency` `null` for each line's own currency.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ConversionDoc {
    /// The currency every amount is converted to; `null`: each amount in its own currency.
    pub currency: Option<String>,
    /// The rate type converted at; `null` when not converting.
    pub rate_type: Option<RateType>,
    /// `quarter_start` (each amount at the rate of its quarter's first day) or a date; `null`
    /// when not converting.
    pub at: Option<String>,
}

impl From<&Conversion> for ConversionDoc {
    fn from(c: &Conversion) -> Self {
        match c {
            Conversion::Own => Self {
                currency: None,
                rate_type: None,
                at: None,
            },
            Conversion::To {
                currency,
                rate_type,
                at,
            } => Self {
                currency: Some(currency.to_string()),
                rate_type: Some(*rate_type),
                at: Some(match at {
                    RateDate::QuarterStart => "quarter_start".to_owned(),
                    RateDate::On(d) => handover_core::calendar::format_date(*d),
                }),
            },
        }
    }
}

/// The currency a converted view is in (for a zero total), or none.
pub(crate) fn target(c: &Conversion) -> Option<&Currency> {
    match c {
        Conversion::Own => None,
        Conversion::To { currency, .. } => Some(currency),
    }
}

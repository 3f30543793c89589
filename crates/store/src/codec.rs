//! How domain values are written to and read from portable columns: ids and dates as text,
//! structured values as JSON text, timestamps as RFC 3339 UTC.

use crate::error::StoreError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

/// The current time as stored.
pub(crate) fn now() -> String {
    ts(OffsetDateTime::now_utc())
}

pub(crate) fn ts(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

pub(crate) fn parse_ts(s: &str) -> Result<OffsetDateTime, StoreError> {
    OffsetDateTime::parse(s, &Rfc3339).map_err(|_| StoreError::Corrupt(format!("timestamp `{s}`")))
}

pub(crate) fn date(d: Date) -> String {
    handover_core::calendar::format_date(d)
}

pub(crate) fn parse_date(s: &str) -> Result<Date, StoreError> {
    handover_core::calendar::parse_date(s).map_err(StoreError::Corrupt)
}

/// A value as JSON text.
pub(crate) fn json<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

pub(crate) fn from_json<T: DeserializeOwned>(s: &str, what: &str) -> Result<T, StoreError> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

/// Parses a stored enum or newtype from its text via its domain parser.
pub(crate) fn parsed<T>(r: Result<T, String>) -> Result<T, StoreError> {
    r.map_err(StoreError::Corrupt)
}

/// Parses a stored id.
pub(crate) fn id<T: std::str::FromStr>(s: &str) -> Result<T, StoreError> {
    s.parse()
        .map_err(|_| StoreError::Corrupt(format!("id `{s}`")))
}

/// A unit-variant enum's serde name (`non_cumulative`), for text columns.
pub(crate) fn tag<T: Serialize>(v: &T) -> String {
    json(v).trim_matches('"').to_owned()
}

/// Reads an enum written with [`tag`].
pub(crate) fn from_tag<T: DeserializeOwned>(s: &str, what: &str) -> Result<T, StoreError> {
    from_json(&format!("\"{s}\""), what)
}

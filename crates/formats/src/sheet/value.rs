//! One cell's value, from a CSV (always text) or a workbook (text, number, date…), and the
//! strict conversions the importers use: exact decimals, ISO dates, plain text.

use calamine::{DataRef, ExcelDateTime};
use handover_core::calendar::{format_date, parse_date};
use handover_core::money::parse_decimal;
use rust_decimal::Decimal;
use time::{Date, Month};

/// A non-empty cell.
#[derive(Clone, PartialEq, Debug)]
pub(crate) enum Value {
    Text(String),
    Number(f64),
    Int(i64),
    Bool(bool),
    Date(Date),
    /// A date with a time of day, or a duration, as the sheet shows it.
    Timed(String),
    /// A formula error such as `#DIV/0!`.
    Error(String),
}

impl Value {
    /// A workbook cell as a value; `None` when empty.
    pub(crate) fn from_cell(d: &DataRef<'_>) -> Option<Value> {
        let v = match d {
            DataRef::Empty => return None,
            DataRef::String(s) | DataRef::DateTimeIso(s) if s.trim().is_empty() => return None,
            DataRef::SharedString(s) if s.trim().is_empty() => return None,
            DataRef::String(s) => Value::Text(s.clone()),
            DataRef::SharedString(s) => Value::Text((*s).to_owned()),
            DataRef::Int(i) => Value::Int(*i),
            DataRef::Float(f) => Value::Number(*f),
            DataRef::Bool(b) => Value::Bool(*b),
            DataRef::DateTime(dt) => excel_date(dt),
            DataRef::DateTimeIso(s) => iso_date(s),
            DataRef::DurationIso(s) => Value::Timed(s.clone()),
            DataRef::Error(e) => Value::Error(e.to_string()),
        };
        Some(v)
    }

    /// Blank text counts as no value.
    pub(crate) fn is_blank(&self) -> bool {
        matches!(self, Value::Text(s) if s.trim().is_empty())
    }

    /// The cell as text, trimmed; a number as its shortest exact form (`7`, `24.2`).
    pub(crate) fn text(&self) -> Result<String, String> {
        match self {
            Value::Text(s) => Ok(s.trim().to_owned()),
            Value::Number(f) => Ok(format!("{f}")),
            Value::Int(i) => Ok(i.to_string()),
            Value::Bool(b) => Ok(if *b { "TRUE" } else { "FALSE" }.to_owned()),
            Value::Date(d) => Ok(format_date(*d)),
            Value::Timed(s) => Ok(s.clone()),
            Value::Error(e) => Err(format!("the cell holds the error {e}")),
        }
    }

    /// An exact decimal: text with a point, or a number cell through its shortest round-trip
    /// form (never a lossy cast); dates, yes/no and errors are refused.
    pub(crate) fn decimal(&self) -> Result<Decimal, String> {
        match self {
            Value::Text(s) => parse_decimal(s),
            Value::Int(i) => Ok(Decimal::from(*i)),
            Value::Number(f) if !f.is_finite() => Err(format!("`{f}` is not a number")),
            Value::Number(f) => {
                let s = format!("{f}");
                Decimal::from_str_exact(&s)
                    .map_err(|_| format!("`{s}` has too many digits to be kept exactly"))
            }
            Value::Bool(b) => Err(format!(
                "`{}` is a yes/no value, not a number",
                if *b { "TRUE" } else { "FALSE" }
            )),
            Value::Date(d) => Err(format!("{} is a date, not a number", format_date(*d))),
            Value::Timed(s) => Err(format!("`{s}` is a time, not a number")),
            Value::Error(e) => Err(format!("the cell holds the error {e}")),
        }
    }

    /// A calendar date: `YYYY-MM-DD` text, or a workbook date cell without a time of day.
    pub(crate) fn date(&self) -> Result<Date, String> {
        match self {
            Value::Text(s) => parse_date(s),
            Value::Date(d) => Ok(*d),
            Value::Timed(s) => Err(format!("`{s}` has a time of day: give the date alone")),
            Value::Number(_) | Value::Int(_) => Err(format!(
                "`{}` is a number, not a date: write it as YYYY-MM-DD",
                self.text().unwrap_or_default()
            )),
            Value::Bool(_) => Err("a yes/no value is not a date: write it as YYYY-MM-DD".into()),
            Value::Error(e) => Err(format!("the cell holds the error {e}")),
        }
    }
}

/// An Excel serial date: a date when it has no time of day.
fn excel_date(dt: &ExcelDateTime) -> Value {
    if dt.is_duration() {
        return Value::Timed(format!("{} days", dt.as_f64()));
    }
    let (y, m, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
    let date = Month::try_from(m)
        .ok()
        .and_then(|m| Date::from_calendar_date(i32::from(y), m, d).ok());
    match date {
        Some(date) if (h, mi, s, ms) == (0, 0, 0, 0) => Value::Date(date),
        Some(date) => Value::Timed(format!("{} {h:02}:{mi:02}:{s:02}", format_date(date))),
        None => Value::Error(format!("an impossible date ({y}-{m:02}-{d:02})")),
    }
}

/// An ISO date cell (`2021-07-01` or `2021-07-01T00:00:00`).
fn iso_date(s: &str) -> Value {
    let t = s.trim();
    let (day, time) = t.split_once('T').unwrap_or((t, ""));
    let midnight = time.is_empty() || time.trim_start_matches(['0', ':', '.']).is_empty();
    match parse_date(day) {
        Ok(d) if midnight => Value::Date(d),
        _ => Value::Timed(t.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    #[test]
    fn numbers_are_kept_exactly_and_words_refused() {
        assert_eq!(
            Value::Number(1507.5).decimal().unwrap().to_string(),
            "1507.5"
        );
        assert_eq!(Value::Number(0.1).decimal().unwrap().to_string(), "0.1");
        assert_eq!(Value::Number(7.0).text().unwrap(), "7");
        assert_eq!(Value::Number(24.2).text().unwrap(), "24.2");
        assert!(Value::Number(1e40).decimal().is_err());
        assert!(Value::Number(f64::NAN).decimal().is_err());
        assert!(Value::Text("N/A".into()).decimal().is_err());
        assert!(Value::Bool(true).decimal().is_err());
    }

    #[test]
    fn dates_without_a_time_of_day() {
        // 44378 is 2021-07-01 in the 1900 system.
        let day = ExcelDateTime::new(44378.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(
            format_date(
                Value::from_cell(&DataRef::DateTime(day))
                    .unwrap()
                    .date()
                    .unwrap()
            ),
            "2021-07-01"
        );
        let noon = ExcelDateTime::new(44378.5, ExcelDateTimeType::DateTime, false);
        assert!(excel_date(&noon).date().is_err());
        assert_eq!(
            format_date(iso_date("2021-07-01T00:00:00").date().unwrap()),
            "2021-07-01"
        );
        assert!(Value::Number(44378.0).date().is_err());
        assert!(Value::from_cell(&DataRef::String("  ".into())).is_none());
    }
}

//! The handover calendar: a plan starts on the first day of a month and is divided into
//! quarters (Q1–Q12 by default) counted from that date. Periods are date ranges, so
//! imported data with other periods fits too.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// A date that is the first day of a month: a plan's start.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Serialize, Deserialize)]
#[serde(try_from = "Date", into = "Date")]
pub struct MonthStart(Date);

impl MonthStart {
    pub fn new(d: Date) -> Result<Self, String> {
        if d.day() == 1 {
            Ok(Self(d))
        } else {
            Err(format!(
                "{d} is not the first day of a month: a plan starts on the 1st (e.g. {})",
                d.replace_day(1).unwrap_or(d)
            ))
        }
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self, String> {
        Self::new(parse_date(s)?)
    }

    pub fn date(self) -> Date {
        self.0
    }
}

impl TryFrom<Date> for MonthStart {
    type Error = String;
    fn try_from(d: Date) -> Result<Self, String> {
        Self::new(d)
    }
}

impl From<MonthStart> for Date {
    fn from(m: MonthStart) -> Date {
        m.0
    }
}

/// Parses an ISO date `YYYY-MM-DD`, with a message a user understands.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.trim(), &fmt).map_err(|_| format!("`{s}` is not a date: write it as YYYY-MM-DD"))
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Adds whole months to a date that is the first of a month.
pub fn add_months(d: Date, months: u32) -> Date {
    let total = d.year() * 12 + i32::from(u8::from(d.month())) - 1 + months as i32;
    let year = total.div_euclid(12);
    let month = Month::try_from((total.rem_euclid(12) + 1) as u8).unwrap_or(Month::January);
    Date::from_calendar_date(year, month, 1).unwrap_or(d)
}

/// A reporting period: a date range, inclusive at both ends, with its order in the plan.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct PeriodSpan {
    /// 1 for Q1; ordering of the plan's periods.
    pub seq: u16,
    pub start: Date,
    pub end: Date,
}

impl PeriodSpan {
    /// `Q1`, `Q2`… for quarters of the plan's calendar.
    pub fn label(&self) -> String {
        format!("Q{}", self.seq)
    }

    /// Plan year (Y1, Y2…) of a quarter.
    pub fn plan_year(&self) -> u16 {
        (self.seq - 1) / 4 + 1
    }

    pub fn contains(&self, d: Date) -> bool {
        self.start <= d && d <= self.end
    }
}

/// The plan's quarters from its start date: Q1 starts on the start date, each lasts three months.
pub fn quarters(start: MonthStart, count: u16) -> Vec<PeriodSpan> {
    (0..count)
        .map(|i| {
            let s = add_months(start.date(), u32::from(i) * 3);
            let next = add_months(start.date(), (u32::from(i) + 1) * 3);
            PeriodSpan {
                seq: i + 1,
                start: s,
                end: next.previous_day().unwrap_or(next),
            }
        })
        .collect()
}

/// A number of quarters a plan may span: 1 to 40 (ten years).
pub fn check_quarter_count(n: u16) -> Result<u16, String> {
    if (1..=40).contains(&n) {
        Ok(n)
    } else {
        Err(format!(
            "{n} quarters is out of range: a plan spans 1 to 40 quarters"
        ))
    }
}

/// A span of quarters (an activity's planned or actual timeline), start ≤ end.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct QuarterRange {
    pub start: u16,
    pub end: u16,
}

impl QuarterRange {
    /// Checks 1 ≤ start ≤ end ≤ `max`.
    pub fn new(start: u16, end: u16, max: u16) -> Result<Self, String> {
        if start == 0 || end == 0 {
            return Err("quarters count from 1 (Q1)".into());
        }
        if end < start {
            return Err(format!(
                "the end quarter Q{end} is before the start quarter Q{start}"
            ));
        }
        if end > max {
            return Err(format!("Q{end} is after the plan's last quarter Q{max}"));
        }
        Ok(Self { start, end })
    }

    pub fn contains(&self, q: u16) -> bool {
        self.start <= q && q <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn twelve_quarters_from_a_start_date() {
        let q = quarters(MonthStart::parse("2027-01-01").unwrap(), 12);
        assert_eq!(q.len(), 12);
        assert_eq!(
            (q[0].start, q[0].end),
            (date!(2027 - 01 - 01), date!(2027 - 03 - 31))
        );
        assert_eq!(
            (q[11].start, q[11].end),
            (date!(2029 - 10 - 01), date!(2029 - 12 - 31))
        );
        assert_eq!(q[4].plan_year(), 2);
        // A plan may start in any month; quarters follow the plan, not the calendar year.
        let q = quarters(MonthStart::parse("2026-11-01").unwrap(), 2);
        assert_eq!(
            (q[0].end, q[1].start, q[1].end),
            (
                date!(2027 - 01 - 31),
                date!(2027 - 02 - 01),
                date!(2027 - 04 - 30)
            )
        );
    }

    #[test]
    fn start_must_be_first_of_month_and_ranges_ordered() {
        assert!(
            MonthStart::parse("2027-01-15")
                .unwrap_err()
                .contains("first day")
        );
        assert!(MonthStart::parse("2027-13-01").is_err());
        assert!(QuarterRange::new(3, 2, 12).unwrap_err().contains("before"));
        assert!(QuarterRange::new(3, 13, 12).is_err());
        assert!(QuarterRange::new(3, 3, 12).is_ok());
    }
}

//! Reading the values of published files as they are (SPEC §13): exact when the text is what
//! the schema wants, read with a note when the meaning is clear (a comma decimal "1,5", an
//! exponent "1.5E3", thousands separators "1,500,000", a date with a time), and unreadable with
//! a reason when it is not ("TBD", "N/A", the ambiguous "1,500"). Nothing allocates on the
//! exact path.

use rust_decimal::Decimal;
use std::str::FromStr;
use time::{Date, Month};

/// How a text was read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Reading<T> {
    /// The text is what the schema wants.
    Exact(T),
    /// Read, but the text is not what the schema wants: the note says how it was read.
    Read(T, &'static str),
    /// Not readable: the reason.
    Unreadable(&'static str),
    /// Empty or only spaces.
    Empty,
}

impl<T> Reading<T> {
    /// The value read, exactly or not.
    pub fn value(self) -> Option<T> {
        match self {
            Reading::Exact(v) | Reading::Read(v, _) => Some(v),
            _ => None,
        }
    }
}

const PLACEHOLDERS: &[&str] = &[
    "tbd", "tbc", "n/a", "na", "n.a.", "n.a", "-", "--", "?", "nil", "none", "null", "unknown",
    "x", "xx",
];

/// Reads an `xs:decimal`, leniently.
pub fn decimal(raw: &str) -> Reading<Decimal> {
    let s = raw.trim();
    if s.is_empty() {
        return Reading::Empty;
    }
    if is_plain_decimal(s) {
        return match Decimal::from_str(s.strip_prefix('+').unwrap_or(s)) {
            Ok(d) => Reading::Exact(d),
            Err(_) => Reading::Unreadable("not a number, or too many digits"),
        };
    }
    if PLACEHOLDERS.iter().any(|p| s.eq_ignore_ascii_case(p)) {
        return Reading::Unreadable("a placeholder, not a number");
    }
    if let Some(rest) = s.strip_prefix(['£', '$', '€', '¥']) {
        return match decimal(rest) {
            Reading::Exact(d) | Reading::Read(d, _) => {
                Reading::Read(d, "the currency sign was dropped")
            }
            _ => Reading::Unreadable("not a number"),
        };
    }
    if let Some(rest) = s.strip_suffix('%') {
        return match decimal(rest) {
            Reading::Exact(d) | Reading::Read(d, _) => {
                Reading::Read(d, "the percent sign was dropped")
            }
            _ => Reading::Unreadable("not a number"),
        };
    }
    if s.bytes().any(|b| b == b'e' || b == b'E') {
        return match Decimal::from_scientific(s) {
            Ok(d) => Reading::Read(
                d,
                "written with an exponent, which xs:decimal does not allow; read exactly",
            ),
            Err(_) => Reading::Unreadable("not a number"),
        };
    }
    separators(s)
}

/// Digits with an optional sign and at most one point: what `xs:decimal` allows.
fn is_plain_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let body = match b.first() {
        Some(b'-' | b'+') => &b[1..],
        _ => b,
    };
    let mut points = 0;
    let mut digits = 0;
    for &c in body {
        match c {
            b'0'..=b'9' => digits += 1,
            b'.' => points += 1,
            _ => return false,
        }
    }
    digits > 0 && points <= 1
}

/// Numbers with commas or spaces: thousands separators or a decimal comma, when unambiguous.
fn separators(s: &str) -> Reading<Decimal> {
    let (sign, body) = match s.as_bytes()[0] {
        b'-' => ("-", &s[1..]),
        b'+' => ("", &s[1..]),
        _ => ("", s),
    };
    if !body
        .bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b',' | b'.' | b' ' | b'\''))
    {
        return Reading::Unreadable("not a number");
    }
    let commas = body.matches(',').count();
    let points = body.matches('.').count();
    let (int, frac, note) = if body.contains([' ', '\'']) {
        if commas + points > 1 {
            return Reading::Unreadable("not a number");
        }
        let (i, f) = body.split_once([',', '.']).unwrap_or((body, ""));
        (i, f, "spaces read as thousands separators")
    } else if commas > 0 && points > 0 {
        let (Some(c), Some(p)) = (body.rfind(','), body.find('.')) else {
            return Reading::Unreadable("not a number");
        };
        if c < p && points == 1 {
            let (i, f) = body.split_at(p);
            (i, &f[1..], "commas read as thousands separators")
        } else if body.rfind('.') < body.find(',') && commas == 1 {
            let (i, f) = body.split_at(body.find(',').unwrap_or(0));
            (
                i,
                &f[1..],
                "comma read as the decimal mark, points as thousands separators",
            )
        } else {
            return Reading::Unreadable(
                "mixes commas and points in a way that has no clear meaning",
            );
        }
    } else if commas == 1 {
        let (i, f) = body.split_once(',').unwrap_or((body, ""));
        let leading_zero = i.is_empty() || i == "0";
        if f.len() == 3 && !leading_zero {
            return Reading::Unreadable(
                "ambiguous: the comma may be a thousands separator or the decimal mark",
            );
        }
        (i, f, "comma read as the decimal mark")
    } else if commas > 1 {
        (body, "", "commas read as thousands separators")
    } else {
        return Reading::Unreadable("not a number");
    };
    let sep = |c: char| matches!(c, ',' | '.' | ' ' | '\'');
    let groups: Vec<&str> = int.split(sep).collect();
    let grouped = groups.len() == 1
        || (groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped || frac.contains(sep) {
        return Reading::Unreadable("the separators do not group the digits by thousands");
    }
    let digits: String = groups.concat();
    let text = if frac.is_empty() {
        format!("{sign}{digits}")
    } else {
        format!(
            "{sign}{}.{frac}",
            if digits.is_empty() { "0" } else { &digits }
        )
    };
    match Decimal::from_str(&text) {
        Ok(d) => Reading::Read(d, note),
        Err(_) => Reading::Unreadable("not a number"),
    }
}

/// Reads an `xs:date` (`YYYY-MM-DD`, optionally with a time zone), leniently: a date with a
/// time is read without the time.
pub fn date(raw: &str) -> Reading<Date> {
    let s = raw.trim();
    if s.is_empty() {
        return Reading::Empty;
    }
    let Some(d) = s.get(..10).and_then(ymd) else {
        return Reading::Unreadable("not a date (YYYY-MM-DD)");
    };
    let rest = &s[10..];
    if rest.is_empty() || is_zone(rest) {
        Reading::Exact(d)
    } else if rest.starts_with(['T', ' ']) {
        Reading::Read(d, "a date and time: the time was dropped")
    } else {
        Reading::Unreadable("not a date (YYYY-MM-DD)")
    }
}

/// `YYYY-MM-DD` exactly.
fn ymd(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let month = Month::try_from(u8::try_from(num(5..7)?).ok()?).ok()?;
    Date::from_calendar_date(
        i32::try_from(num(0..4)?).ok()?,
        month,
        u8::try_from(num(8..10)?).ok()?,
    )
    .ok()
}

/// `Z`, `+hh:mm` or `-hh:mm`.
fn is_zone(s: &str) -> bool {
    let b = s.as_bytes();
    s == "Z"
        || (b.len() == 6
            && matches!(b[0], b'+' | b'-')
            && b[3] == b':'
            && [1, 2, 4, 5].iter().all(|&i| b[i].is_ascii_digit()))
}

/// Reads an `xs:dateTime` (only its shape is checked): a bare date is read with a note.
pub fn date_time(raw: &str) -> Reading<()> {
    let s = raw.trim();
    if s.is_empty() {
        return Reading::Empty;
    }
    match (s.get(..10).and_then(ymd), s.as_bytes().get(10)) {
        (Some(_), Some(b'T')) if time_shape(&s[11..]) => Reading::Exact(()),
        (Some(_), None) => Reading::Read((), "a date without a time"),
        _ => Reading::Unreadable("not a date and time (YYYY-MM-DDThh:mm:ss)"),
    }
}

/// `hh:mm:ss`, then anything (fractions, a zone).
fn time_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 8
        && b[2] == b':'
        && b[5] == b':'
        && [0, 1, 3, 4, 6, 7].iter().all(|&i| b[i].is_ascii_digit())
}

/// Reads an `xs:boolean` (`1`, `0`, `true`, `false`), leniently (`True`, `yes`, `no`).
pub fn boolean(raw: &str) -> Reading<bool> {
    let s = raw.trim();
    match s {
        "" => Reading::Empty,
        "1" | "true" => Reading::Exact(true),
        "0" | "false" => Reading::Exact(false),
        _ if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("yes") => {
            Reading::Read(true, "read as true")
        }
        _ if s.eq_ignore_ascii_case("false") || s.eq_ignore_ascii_case("no") => {
            Reading::Read(false, "read as false")
        }
        _ => Reading::Unreadable("not a boolean (1, 0, true or false)"),
    }
}

/// Reads an integer; `min` is the smallest allowed (1 for `xs:positiveInteger`).
pub fn integer(raw: &str, min: i64) -> Reading<i64> {
    let s = raw.trim();
    if s.is_empty() {
        return Reading::Empty;
    }
    match s.strip_prefix('+').unwrap_or(s).parse::<i64>() {
        Ok(n) if n >= min => Reading::Exact(n),
        Ok(_) if min == 1 => Reading::Unreadable("not a positive integer"),
        Ok(_) => Reading::Unreadable("below the smallest allowed value"),
        Err(_) => Reading::Unreadable("not an integer"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<String> {
        decimal(s).value().map(|d| d.to_string())
    }

    #[test]
    fn numbers_are_read_as_meant() {
        assert_eq!(decimal("1507.50"), Reading::Exact(Decimal::new(150750, 2)));
        assert_eq!(num("+3"), Some("3".into()));
        assert_eq!(num("1,5"), Some("1.5".into()));
        assert_eq!(num("0,500"), Some("0.500".into()));
        assert!(matches!(decimal("1,500"), Reading::Unreadable(m) if m.contains("ambiguous")));
        assert_eq!(num("1,500,000"), Some("1500000".into()));
        assert_eq!(num("1,500.25"), Some("1500.25".into()));
        assert_eq!(num("1.500,25"), Some("1500.25".into()));
        assert_eq!(num("1 000"), Some("1000".into()));
        assert_eq!(num("1.5E3"), Some("1500".into()));
        assert_eq!(num("-2e-10"), Some("-0.0000000002".into()));
        assert_eq!(num("45%"), Some("45".into()));
        assert_eq!(num("£5,600,000"), Some("5600000".into()));
        assert!(matches!(decimal("TBD"), Reading::Unreadable(_)));
        assert!(matches!(decimal("N/A"), Reading::Unreadable(_)));
        assert!(matches!(decimal("1,50,0"), Reading::Unreadable(_)));
        assert_eq!(decimal("  "), Reading::Empty);
    }

    #[test]
    fn dates_booleans_integers() {
        assert!(matches!(date("2019-01-31"), Reading::Exact(_)));
        assert!(matches!(date("2019-01-31Z"), Reading::Exact(_)));
        assert!(matches!(date("2019-01-31T10:00:00"), Reading::Read(..)));
        assert!(matches!(date("2009-01-"), Reading::Unreadable(_)));
        assert!(matches!(date("2019-02-30"), Reading::Unreadable(_)));
        assert!(matches!(
            date_time("2021-06-15T10:00:00Z"),
            Reading::Exact(())
        ));
        assert_eq!(
            boolean("x"),
            Reading::Unreadable("not a boolean (1, 0, true or false)")
        );
        assert_eq!(
            integer("-2008", 1),
            Reading::Unreadable("not a positive integer")
        );
        assert_eq!(integer("2008", 1), Reading::Exact(2008));
    }
}

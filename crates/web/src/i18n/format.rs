//! Numbers and dates in the page's language: digits, grouping and decimal separators from
//! CLDR (ICU4X compiled data: `1,234.5`, `1 234,5`, `١٬٢٣٤٫٥`), month names from the catalogues.

use super::Ui;
use handover_core::text::Lang;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_locale_core::locale;
use rust_decimal::Decimal as Exact;
use std::str::FromStr;
use time::Date;

fn formatter(lang: Lang, grouping: bool) -> Option<DecimalFormatter> {
    let mut options = DecimalFormatterOptions::default();
    if !grouping {
        options.grouping_strategy = Some(GroupingStrategy::Never);
    }
    let locale = match lang {
        Lang::En => locale!("en"),
        Lang::Fr => locale!("fr"),
        // Lebanon's Arabic (CLDR: Arabic-Indic digits; plain `ar` now defaults to Latin ones).
        Lang::Ar => locale!("ar-LB"),
    };
    DecimalFormatter::try_new(locale.into(), options).ok()
}

thread_local! {
    /// One formatter per language and grouping, built once per thread (they are not `Sync`).
    static FORMATTERS: Vec<(Lang, bool, Option<DecimalFormatter>)> = Lang::ALL
        .iter()
        .flat_map(|l| [(*l, true, formatter(*l, true)), (*l, false, formatter(*l, false))])
        .collect();
}

fn format_with(lang: Lang, grouping: bool, value: &str) -> String {
    FORMATTERS.with(|all| {
        let found = all
            .iter()
            .find(|(l, g, _)| *l == lang && *g == grouping)
            .and_then(|(_, _, f)| f.as_ref());
        match (found, Decimal::from_str(value)) {
            (Some(f), Ok(d)) => f.format(&d).to_string(),
            // The compiled data covers the three languages; a value that is not a number is
            // shown as it is rather than hidden.
            _ => value.to_owned(),
        }
    })
}

impl Ui {
    /// A whole number with the language's digits and grouping.
    pub(crate) fn int(&self, n: impl std::borrow::Borrow<i64>) -> String {
        format_with(self.lang, true, &n.borrow().to_string())
    }

    /// An exact decimal as it is stored (no rounding), with the language's digits and separators.
    pub(crate) fn dec(&self, d: &Exact) -> String {
        format_with(self.lang, true, &d.normalize().to_string())
    }

    /// A decimal given as text (as the store keeps it), or the text itself when it is not one.
    pub(crate) fn num(&self, s: &str) -> String {
        match Exact::from_str(s.trim()) {
            Ok(d) => self.dec(&d),
            Err(_) => s.to_owned(),
        }
    }

    /// A share from 0 to 1 as a whole percentage (`42 %` in French, `٪٤٢` in Arabic come from
    /// the catalogue's `percent` message).
    pub(crate) fn percent(&self, share: f64) -> String {
        // A share for display, not money: half up to a whole percent.
        let whole = (share * 100.0 + 0.5).floor().clamp(0.0, 100_000.0) as i64;
        self.ta("percent", "value", &self.int(whole))
    }

    /// A date as `15 March 2027` in the page's language.
    pub(crate) fn date(&self, d: Date) -> String {
        let month = self.t(format!("month-{}", u8::from(d.month())));
        let day = format_with(self.lang, false, &d.day().to_string());
        let year = format_with(self.lang, false, &d.year().to_string());
        self.targs(
            "date-long",
            &[("day", &day), ("month", &month), ("year", &year)],
        )
    }

    /// A date given as ISO text (`2027-03-15`, or a timestamp starting with one), or the text.
    pub(crate) fn date_text(&self, s: &str) -> String {
        match s
            .get(..10)
            .and_then(|d| handover_core::calendar::parse_date(d).ok())
        {
            Some(d) => self.date(d),
            None => s.to_owned(),
        }
    }

    /// A month as `March 2027`.
    pub(crate) fn month(&self, d: Date) -> String {
        let month = self.t(format!("month-{}", u8::from(d.month())));
        let year = format_with(self.lang, false, &d.year().to_string());
        self.targs("month-year", &[("month", &month), ("year", &year)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn numbers_follow_the_language() {
        let d = Exact::from_str("1234567.50").expect("a decimal");
        assert_eq!(Ui::new(Lang::En).dec(&d), "1,234,567.5");
        assert_eq!(Ui::new(Lang::Fr).dec(&d), "1\u{202f}234\u{202f}567,5");
        assert_eq!(Ui::new(Lang::Ar).dec(&d), "١٬٢٣٤٬٥٦٧٫٥");
        assert_eq!(Ui::new(Lang::Ar).num("N/A"), "N/A");
    }

    #[test]
    fn dates_use_the_catalogue_months() {
        assert_eq!(
            Ui::new(Lang::En).date(date!(2027 - 03 - 15)),
            "15 March 2027"
        );
        assert_eq!(
            Ui::new(Lang::Fr).date(date!(2027 - 03 - 15)),
            "15 mars 2027"
        );
        assert_eq!(
            Ui::new(Lang::Ar).date(date!(2027 - 03 - 15)),
            "١٥ آذار ٢٠٢٧"
        );
    }
}

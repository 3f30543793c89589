//! Money and numbers on the finance pages. Amounts are shown after [`Money::rounded`] with every
//! minor digit of their currency (`1,507.50 LBP`, `1 507,50 LBP`, `١٬٥٠٧٫٥٠ LBP`), in the
//! page's digits and separators (CLDR through ICU4X, as [`Ui::dec`] does, but keeping the
//! trailing zeros a currency's minor unit asks for). Numbers typed into the forms are read the
//! way the report form reads them: a point for decimals everywhere, Arabic-Indic digits, and in
//! French the decimal comma and spaces between thousands.

use crate::i18n::Ui;
use handover_core::finance::Sum;
use handover_core::money::{Currency, Money, parse_decimal};
use handover_core::text::Lang;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal as IcuDecimal;
use icu_decimal::options::DecimalFormatterOptions;
use icu_locale_core::locale;
use rust_decimal::Decimal;
use std::str::FromStr;

thread_local! {
    /// One grouping formatter per language, built once per thread (they are not `Sync`).
    static FORMATTERS: Vec<(Lang, Option<DecimalFormatter>)> = Lang::ALL
        .iter()
        .map(|l| {
            let locale = match l {
                Lang::En => locale!("en"),
                Lang::Fr => locale!("fr"),
                Lang::Ar => locale!("ar-LB"),
            };
            (*l, DecimalFormatter::try_new(locale.into(), DecimalFormatterOptions::default()).ok())
        })
        .collect();
}

/// A decimal exactly as written (`1507.50` keeps its two places) in the page's digits.
fn digits(lang: Lang, value: &Decimal) -> String {
    let text = value.to_string();
    FORMATTERS.with(|all| {
        match (
            all.iter()
                .find(|(l, _)| *l == lang)
                .and_then(|(_, f)| f.as_ref()),
            IcuDecimal::from_str(&text),
        ) {
            (Some(f), Ok(d)) => f.format(&d).to_string(),
            _ => text,
        }
    })
}

/// A rounded amount without its currency (`1,507.50`).
pub(super) fn amount(ui: Ui, m: &Money) -> String {
    digits(ui.lang, &m.rounded().amount)
}

/// A rounded amount with its currency (`1,507.50 LBP`).
pub(super) fn money(ui: Ui, m: &Money) -> String {
    ui.targs(
        "finance-money",
        &[
            ("amount", &amount(ui, m)),
            ("currency", m.currency.as_str()),
        ],
    )
}

/// An exact amount in a currency, rounded for display.
pub(super) fn of(ui: Ui, amount: Decimal, currency: &Currency) -> String {
    money(
        ui,
        &Money {
            amount,
            currency: currency.clone(),
        },
    )
}

/// A sum in each of its currencies, each rounded once (`["1,507.50 LBP", "10.00 USD"]`);
/// nothing for an empty sum.
pub(super) fn sum(ui: Ui, s: &Sum) -> Vec<String> {
    s.0.iter().map(|(c, a)| of(ui, *a, c)).collect()
}

/// A sum in one currency (zero when the sum has none of it).
pub(super) fn sum_in(ui: Ui, s: &Sum, currency: &Currency) -> String {
    of(ui, s.get(currency), currency)
}

/// An exact number as stored (a unit price, a quantity, a rate), in the page's digits.
pub(super) fn exact(ui: Ui, d: &Decimal) -> String {
    ui.dec(d)
}

/// A chart's axis value or tooltip (not money): whole, in the page's digits.
pub(super) fn axis(ui: Ui, v: f64) -> String {
    Decimal::from_f64_retain(v)
        .map(|d| ui.dec(&d.round_dp(0)))
        .unwrap_or_default()
}

/// A share from 0 to 1 as a percentage with at most one decimal (`33.3%`).
pub(super) fn share(ui: Ui, d: Decimal) -> String {
    let pct = (d * Decimal::from(100)).round_dp(1).normalize();
    ui.ta("percent", "value", &digits(ui.lang, &pct))
}

/// What a user typed, in the plain form the core parses (`١٬٥٠٧٫٥` → `1507.5`; in French
/// `1 507,5` → `1507.5`). Words are returned as typed, for the core to refuse.
pub(super) fn typed(lang: Lang, raw: &str) -> String {
    let mut s: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{066B}' => '.',
            '\u{2212}' => '-',
            c => c,
        })
        .filter(|c| !matches!(c, '\u{066C}' | '\u{200F}' | '\u{200E}' | '\u{061C}'))
        .collect();
    let numeric = s.chars().any(|c| c.is_ascii_digit())
        && s.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+' | ' ' | '\u{00A0}' | '\u{202F}')
        });
    if lang == Lang::Fr && numeric {
        s.retain(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}'));
        if !s.contains('.') && s.matches(',').count() == 1 {
            s = s.replace(',', ".");
        }
    }
    s
}

/// A typed decimal, or `None` when it is not one (the form names the field).
pub(super) fn decimal(lang: Lang, raw: &str) -> Option<Decimal> {
    parse_decimal(&typed(lang, raw)).ok()
}

/// A stored number as a form shows it for editing, so that it reads back unchanged.
pub(super) fn editable(lang: Lang, d: &Decimal) -> String {
    let s = d.normalize().to_string();
    if lang == Lang::Fr {
        s.replace('.', ",")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(amount: &str, currency: &str) -> Money {
        Money {
            amount: Decimal::from_str(amount).unwrap(),
            currency: Currency::parse(currency).unwrap(),
        }
    }

    #[test]
    fn amounts_keep_their_minor_digits_in_every_language() {
        assert_eq!(
            money(Ui::new(Lang::En), &m("1507.5", "LBP")),
            "1,507.50 LBP"
        );
        assert_eq!(
            money(Ui::new(Lang::En), &m("999.999", "USD")),
            "1,000.00 USD"
        );
        assert_eq!(amount(Ui::new(Lang::En), &m("2.345", "USD")), "2.34");
        assert_eq!(amount(Ui::new(Lang::En), &m("12.5", "JPY")), "12");
        assert_eq!(
            amount(Ui::new(Lang::Fr), &m("1507.5", "USD")),
            "1\u{202f}507,50"
        );
        assert_eq!(amount(Ui::new(Lang::Ar), &m("1507.5", "USD")), "١٬٥٠٧٫٥٠");
        assert_eq!(
            share(Ui::new(Lang::En), Decimal::from_str("0.3333").unwrap()),
            "33.3%"
        );
    }

    #[test]
    fn typed_numbers_are_read_per_language() {
        assert_eq!(
            decimal(Lang::Fr, "1 507,5"),
            Decimal::from_str("1507.5").ok()
        );
        assert_eq!(
            decimal(Lang::Ar, "١٥٠٧٫٥"),
            Decimal::from_str("1507.5").ok()
        );
        assert_eq!(decimal(Lang::En, "1,507"), None);
        assert_eq!(decimal(Lang::En, "lots"), None);
        let d = Decimal::from_str("1507.50").unwrap();
        assert_eq!(decimal(Lang::Fr, &editable(Lang::Fr, &d)), Some(d));
    }
}

//! Numbers as people type them on the report form, turned into the plain form the core reads
//! (`1507.5`). What is accepted (and said in the form's hint, `reporting-hint-number`):
//! - in every language: a point for decimals (`1507.5`), a leading minus, Arabic-Indic digits
//!   (`١٥٠٧٫٥`, with the Arabic decimal separator `٫` and thousands separator `٬`), and for a
//!   percentage a trailing `%` or `٪`;
//! - in French also the decimal comma and spaces between thousands (`1507,5`, `1 507,5`);
//! - in English a comma is refused by the core rather than guessed: `1,507` could be either.
//!
//! Anything else ("N/A", "abc") goes to the core unchanged, which refuses it.

use handover_core::indicator::Measure;
use handover_core::text::Lang;

/// What the user typed, in the form the core parses. Words are returned as typed.
pub(super) fn typed_number(lang: Lang, measure: Measure, raw: &str) -> String {
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
        .filter(|c| *c != '\u{066C}' && *c != '\u{200F}' && *c != '\u{200E}' && *c != '\u{061C}')
        .collect();
    if measure == Measure::Percentage {
        s = s
            .trim_end_matches(['%', '\u{066A}'])
            .trim_start_matches(['%', '\u{066A}'])
            .trim()
            .to_owned();
    }
    if lang == Lang::Fr && looks_numeric(&s) {
        s.retain(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}'));
        if !s.contains('.') && s.matches(',').count() == 1 {
            s = s.replace(',', ".");
        }
    }
    s
}

/// Digits with separators only: the French rules apply to numbers, not to words.
fn looks_numeric(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+' | ' ' | '\u{00A0}' | '\u{202F}')
        })
}

/// A stored number (`1507.5`) as the form shows it for editing: the French decimal comma in
/// French, the point otherwise; no grouping, so that it reads back unchanged.
pub(super) fn editable_number(lang: Lang, stored: &str) -> String {
    if lang == Lang::Fr {
        stored.replace('.', ",")
    } else {
        stored.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use handover_core::indicator::Value;

    fn parses(lang: Lang, measure: Measure, raw: &str) -> Option<String> {
        Value::parse(measure, &typed_number(lang, measure, raw))
            .ok()
            .map(|v| v.as_text())
    }

    #[test]
    fn french_accepts_the_comma_and_spaces() {
        assert_eq!(
            parses(Lang::Fr, Measure::Unit, "1507,5").as_deref(),
            Some("1507.5")
        );
        assert_eq!(
            parses(Lang::Fr, Measure::Unit, "1507.5").as_deref(),
            Some("1507.5")
        );
        assert_eq!(
            parses(Lang::Fr, Measure::Unit, "1 507,5").as_deref(),
            Some("1507.5")
        );
        assert_eq!(
            parses(Lang::Fr, Measure::Unit, "1\u{202f}507,5").as_deref(),
            Some("1507.5")
        );
        assert_eq!(
            parses(Lang::Fr, Measure::Percentage, "42,5 %").as_deref(),
            Some("42.5")
        );
        assert_eq!(
            parses(Lang::Fr, Measure::Unit, "1,507.5"),
            None,
            "both separators: ambiguous"
        );
    }

    #[test]
    fn english_keeps_the_point_and_refuses_the_comma() {
        assert_eq!(
            parses(Lang::En, Measure::Unit, "1507.5").as_deref(),
            Some("1507.5")
        );
        assert_eq!(parses(Lang::En, Measure::Unit, "1507,5"), None);
        assert_eq!(parses(Lang::En, Measure::Unit, "-3").as_deref(), Some("-3"));
        assert_eq!(
            parses(Lang::En, Measure::Percentage, "45%").as_deref(),
            Some("45")
        );
        assert_eq!(
            parses(Lang::En, Measure::Unit, "45%"),
            None,
            "a percent sign only on percentages"
        );
    }

    #[test]
    fn arabic_digits_are_read() {
        assert_eq!(
            parses(Lang::Ar, Measure::Unit, "١٥٠٧٫٥").as_deref(),
            Some("1507.5")
        );
        assert_eq!(
            parses(Lang::Ar, Measure::Unit, "١٬٥٠٧٫٥").as_deref(),
            Some("1507.5")
        );
        assert_eq!(
            parses(Lang::Ar, Measure::Unit, "1507.5").as_deref(),
            Some("1507.5")
        );
        assert_eq!(
            parses(Lang::Ar, Measure::Percentage, "٪٤٢").as_deref(),
            Some("42")
        );
    }

    #[test]
    fn words_are_left_for_the_core_to_refuse() {
        for lang in [Lang::En, Lang::Fr, Lang::Ar] {
            assert_eq!(parses(lang, Measure::Unit, "N/A"), None);
            assert_eq!(parses(lang, Measure::Unit, "abc"), None);
            assert_eq!(parses(lang, Measure::Unit, "see report"), None);
        }
        assert_eq!(
            typed_number(Lang::Fr, Measure::Unit, "voir rapport, p. 2"),
            "voir rapport, p. 2"
        );
    }

    #[test]
    fn editable_numbers_read_back() {
        assert_eq!(editable_number(Lang::Fr, "1507.5"), "1507,5");
        assert_eq!(editable_number(Lang::En, "1507.5"), "1507.5");
        assert_eq!(
            typed_number(
                Lang::Fr,
                Measure::Unit,
                &editable_number(Lang::Fr, "1507.5")
            ),
            "1507.5"
        );
    }
}

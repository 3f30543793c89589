//! The words of finance a spreadsheet shows (categories, units, rate types) in English, French
//! and Arabic; an imported file may use the stored name or any of these words.

use handover_core::finance::{CostCategory, RateType, Unit};
use handover_core::text::Lang;

/// (English, French, Arabic).
type Words = [&'static str; 3];

fn pick(w: Words, lang: Lang) -> &'static str {
    match lang {
        Lang::En => w[0],
        Lang::Fr => w[1],
        Lang::Ar => w[2],
    }
}

fn category_words(c: CostCategory) -> Words {
    match c {
        CostCategory::Logistics => ["Logistics", "Logistique", "الخدمات اللوجستية"],
        CostCategory::ExternalExpertise => {
            ["External expertise", "Expertise externe", "الخبرة الخارجية"]
        }
        CostCategory::InHouseExpertise => {
            ["In-house expertise", "Expertise interne", "الخبرة الداخلية"]
        }
    }
}

fn unit_words(u: Unit) -> Words {
    match u {
        Unit::PersonDay => ["person-day", "jour-personne", "يوم عمل"],
        Unit::PersonMonth => ["person-month", "mois-personne", "شهر عمل"],
        Unit::Event => ["event", "événement", "فعالية"],
        Unit::Month => ["month", "mois", "شهر"],
        Unit::Item => ["item", "article", "قطعة"],
        Unit::Trip => ["trip", "déplacement", "رحلة"],
        Unit::SquareMetre => ["square metre", "mètre carré", "متر مربع"],
        Unit::LumpSum => ["lump sum", "forfait", "مبلغ مقطوع"],
    }
}

fn rate_type_words(t: RateType) -> Words {
    match t {
        RateType::Official => ["official", "officiel", "الرسمي"],
        RateType::Platform => ["platform", "plateforme", "المنصة"],
        RateType::ParallelMarket => ["parallel market", "marché parallèle", "السوق الموازية"],
        RateType::DonorAccounting => [
            "donor accounting",
            "comptabilité du bailleur",
            "محاسبة الجهة المانحة",
        ],
        RateType::UnOperational => [
            "UN operational",
            "opérationnel des Nations unies",
            "سعر الأمم المتحدة التشغيلي",
        ],
    }
}

/// A cost category as shown in `lang`.
pub(crate) fn category(c: CostCategory, lang: Lang) -> &'static str {
    pick(category_words(c), lang)
}

/// A unit as shown in `lang`.
pub(crate) fn unit(u: Unit, lang: Lang) -> &'static str {
    pick(unit_words(u), lang)
}

/// A rate type as shown in `lang`.
pub(crate) fn rate_type(t: RateType, lang: Lang) -> &'static str {
    pick(rate_type_words(t), lang)
}

fn same(a: &str, b: &str) -> bool {
    let k = |s: &str| s.trim().to_lowercase().replace(['-', '_'], " ");
    k(a) == k(b)
}

/// Core's parse, or any of the words above.
fn parse_any<T: Copy>(
    s: &str,
    all: &[T],
    words: fn(T) -> Words,
    core: fn(&str) -> Result<T, String>,
) -> Result<T, String> {
    core(s).or_else(|e| {
        all.iter()
            .copied()
            .find(|t| words(*t).iter().any(|w| same(w, s)))
            .ok_or(e)
    })
}

/// A cost category by its stored name or its English, French or Arabic words.
pub(crate) fn parse_category(s: &str) -> Result<CostCategory, String> {
    parse_any(s, &CostCategory::ALL, category_words, CostCategory::parse)
}

/// A unit by its stored name or its English, French or Arabic words.
pub(crate) fn parse_unit(s: &str) -> Result<Unit, String> {
    parse_any(s, &Unit::ALL, unit_words, Unit::parse)
}

/// A rate type by its stored name or its English, French or Arabic words.
pub(crate) fn parse_rate_type(s: &str) -> Result<RateType, String> {
    parse_any(s, &RateType::ALL, rate_type_words, RateType::parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_reads_back() {
        for lang in Lang::ALL {
            for c in CostCategory::ALL {
                assert_eq!(parse_category(category(c, lang)), Ok(c));
            }
            for u in Unit::ALL {
                assert_eq!(parse_unit(unit(u, lang)), Ok(u));
            }
            for t in RateType::ALL {
                assert_eq!(parse_rate_type(rate_type(t, lang)), Ok(t));
            }
        }
        assert!(parse_unit("bag").unwrap_err().contains("person_day"));
        assert_eq!(parse_category("LOGISTIQUE"), Ok(CostCategory::Logistics));
    }
}

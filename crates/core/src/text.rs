//! Narrative text held in several languages (English, French, Arabic): one text per language,
//! with a visible fallback when the wanted language is missing.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A content language of Handover.
#[derive(
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Debug,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
        }
    }

    /// Accepts `en`, `fr`, `ar` in any case.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "fr" => Ok(Lang::Fr),
            "ar" => Ok(Lang::Ar),
            other => Err(format!("unknown language `{other}`: use en, fr or ar")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One text per language. Empty strings are dropped, so "has a translation" means non-empty.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Text(BTreeMap<Lang, String>);

/// The text shown for a wanted language: which language it really is in tells the page
/// whether to mark it as a fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    pub lang: Lang,
    pub text: &'a str,
    pub fallback: bool,
}

impl Text {
    /// English text only.
    pub fn en(s: impl Into<String>) -> Self {
        let mut m = BTreeMap::new();
        let s = s.into();
        if !s.trim().is_empty() {
            m.insert(Lang::En, s);
        }
        Self(m)
    }

    pub fn with(mut self, lang: Lang, s: impl Into<String>) -> Self {
        self.set(lang, s);
        self
    }

    pub fn set(&mut self, lang: Lang, s: impl Into<String>) {
        let s = s.into();
        if s.trim().is_empty() {
            self.0.remove(&lang);
        } else {
            self.0.insert(lang, s);
        }
    }

    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.0.get(&lang).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.values().all(|s| s.trim().is_empty())
    }

    pub fn langs(&self) -> impl Iterator<Item = Lang> + '_ {
        self.0.keys().copied()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.0.iter().map(|(l, s)| (*l, s.as_str()))
    }

    /// The text in `lang`, else in English, French, Arabic — in that order — marked as fallback.
    pub fn show(&self, lang: Lang) -> Option<Shown<'_>> {
        if let Some(t) = self.get(lang) {
            return Some(Shown {
                lang,
                text: t,
                fallback: false,
            });
        }
        Lang::ALL.iter().find_map(|l| {
            self.get(*l).map(|t| Shown {
                lang: *l,
                text: t,
                fallback: true,
            })
        })
    }

    /// The best text for `lang`, or an empty string when there is none.
    pub fn best(&self, lang: Lang) -> &str {
        self.show(lang).map(|s| s.text).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_translation_falls_back_visibly() {
        let t = Text::en("Planning phase").with(Lang::Fr, "Phase de planification");
        assert_eq!(t.show(Lang::Fr).map(|s| s.fallback), Some(false));
        let ar = t.show(Lang::Ar).expect("a fallback");
        assert!(ar.fallback);
        assert_eq!(ar.lang, Lang::En);
        assert_eq!(Text::default().show(Lang::En), None);
    }

    #[test]
    fn unknown_language_is_refused() {
        let r: Result<Text, _> = serde_json::from_str(r#"{"de": "Planung"}"#);
        assert!(r.is_err());
        assert_eq!(Lang::parse("AR"), Ok(Lang::Ar));
    }
}

//! The pages' languages: English, French and Arabic. Every string a page shows comes from the
//! Fluent catalogues in `crates/web/locales/<lang>/*.ftl` (compiled into the binary; one file
//! per area of the workspace), numbers are formatted per locale with ICU4X's CLDR data, and
//! dates with the catalogue's month names. The language is the one the user chose (the
//! `handover_lang` cookie), else the best match of the browser's `Accept-Language`, else
//! English. A test checks that every key exists in every language.

mod format;
mod negotiate;

pub(crate) use negotiate::{LANG_COOKIE, choose};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use handover_core::text::{Lang, Text};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Direction isolation marks would end up inside attributes and form values; the
        // templates isolate user data with `<bdi>`/`dir="auto"` where it matters.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static FR: LanguageIdentifier = langid!("fr");
static AR: LanguageIdentifier = langid!("ar");

/// The languages of the interface, in the order the language menu shows them.
pub(crate) const LANGS: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Ar];

/// What a page needs to speak its reader's language: the language, and lookups in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ui {
    /// The language of the page.
    pub(crate) lang: Lang,
}

impl Ui {
    /// The interface in `lang`.
    pub(crate) fn new(lang: Lang) -> Self {
        Self { lang }
    }

    fn id(&self) -> &'static LanguageIdentifier {
        match self.lang {
            Lang::En => &EN,
            Lang::Fr => &FR,
            Lang::Ar => &AR,
        }
    }

    /// The language's code for `lang="…"`.
    pub(crate) fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// `rtl` for Arabic, else `ltr`.
    pub(crate) fn dir(&self) -> &'static str {
        if self.lang == Lang::Ar { "rtl" } else { "ltr" }
    }

    /// Whether the page runs right to left (charts mirror their time axis then).
    pub(crate) fn rtl(&self) -> bool {
        self.lang == Lang::Ar
    }

    /// The message `key`. A missing key shows the key itself (and the catalogue test fails).
    pub(crate) fn t(&self, key: impl AsRef<str>) -> String {
        LOCALES.lookup(self.id(), key.as_ref())
    }

    /// The message `key` with one argument (a name or any text).
    pub(crate) fn ta(&self, key: &str, name: &'static str, value: &str) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue<'_>> = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value.to_owned()));
        LOCALES.lookup_with_args(self.id(), key, &args)
    }

    /// The message `key` with a count `n` (chooses the plural form; Arabic has six) and the
    /// count already formatted as `count`.
    pub(crate) fn tn(&self, key: &str, n: impl std::borrow::Borrow<i64>) -> String {
        let n = *n.borrow();
        let mut args: HashMap<Cow<'static, str>, FluentValue<'_>> = HashMap::new();
        args.insert(Cow::Borrowed("n"), FluentValue::from(n));
        args.insert(Cow::Borrowed("count"), FluentValue::from(self.int(n)));
        LOCALES.lookup_with_args(self.id(), key, &args)
    }

    /// The message `key` with several text arguments.
    pub(crate) fn targs(&self, key: &str, pairs: &[(&'static str, &str)]) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue<'_>> = HashMap::new();
        for (name, value) in pairs {
            args.insert(Cow::Borrowed(*name), FluentValue::from((*value).to_owned()));
        }
        LOCALES.lookup_with_args(self.id(), key, &args)
    }

    /// A domain text (template content, names) in the page's language, falling back to
    /// another language it has.
    pub(crate) fn text<'a>(&self, text: &'a Text) -> &'a str {
        text.best(self.lang)
    }

    /// The name of a language in that language (for the language menu).
    pub(crate) fn endonym(lang: &Lang) -> &'static str {
        match lang {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ar => "العربية",
        }
    }
}

#[cfg(test)]
mod tests;

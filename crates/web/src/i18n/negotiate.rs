//! Which language a request gets: the one the user chose (remembered in a cookie for a year),
//! else the first of the browser's `Accept-Language` ranges (by quality) that we speak, else
//! English.

use axum::http::{HeaderMap, header};
use handover_core::text::Lang;

/// The cookie that remembers the chosen language.
pub(crate) const LANG_COOKIE: &str = "handover_lang";

/// The language for a request with these headers.
pub(crate) fn choose(headers: &HeaderMap) -> Lang {
    chosen(headers)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(from_accept_language)
        })
        .unwrap_or(Lang::En)
}

/// The language of the `handover_lang` cookie, if it names one we speak.
fn chosen(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANG_COOKIE)
        .and_then(|(_, value)| Lang::parse(value).ok())
}

/// The best language of an `Accept-Language` value: ranges by descending quality (ties in the
/// order given), matched on their primary subtag (`fr-LB` is French).
fn from_accept_language(value: &str) -> Option<Lang> {
    let mut ranges: Vec<(f32, usize, Lang)> = value
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split(['-', '_']).next()?;
            let lang = Lang::parse(primary).ok()?;
            (q > 0.0).then_some((q, i, lang))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges.first().map(|r| r.2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(accept: &str, cookie: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_str(accept).expect("header"),
        );
        if let Some(c) = cookie {
            h.insert(header::COOKIE, HeaderValue::from_str(c).expect("header"));
        }
        h
    }

    #[test]
    fn the_choice_wins_then_the_browser_then_english() {
        assert_eq!(choose(&headers("ar-LB,ar;q=0.9,en;q=0.8", None)), Lang::Ar);
        assert_eq!(
            choose(&headers("de-DE, en;q=0.5, fr;q=0.7", None)),
            Lang::Fr
        );
        assert_eq!(choose(&headers("de, fr;q=0", None)), Lang::En);
        assert_eq!(
            choose(&headers("ar", Some("a=b; handover_lang=fr"))),
            Lang::Fr
        );
        assert_eq!(choose(&headers("ar", Some("handover_lang=xx"))), Lang::Ar);
    }
}

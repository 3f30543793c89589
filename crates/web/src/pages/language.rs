//! `GET /language?to=fr&back=/plans`: remembers the chosen language for a year in a cookie and
//! returns to the page. A preference, not a change of data, so a link (no form) is enough.

use crate::AppState;
use crate::i18n::LANG_COOKIE;
use axum::Router;
use axum::extract::Query;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use handover_core::text::Lang;
use serde::Deserialize;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/language", get(choose_language))
}

#[derive(Debug, Deserialize)]
struct Choice {
    #[serde(default)]
    to: String,
    #[serde(default)]
    back: String,
}

async fn choose_language(Query(choice): Query<Choice>) -> Response {
    let back = safe_back(&choice.back);
    let Ok(lang) = Lang::parse(&choice.to) else {
        return (StatusCode::SEE_OTHER, [(header::LOCATION, back)]).into_response();
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    );
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, back)]).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    response
}

/// Only a path of this site (never `//other.site` or a full URL), else the plans.
fn safe_back(back: &str) -> String {
    if back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') {
        back.to_owned()
    } else {
        "/plans".to_owned()
    }
}

/// A path (with its query) as a `back=` query value.
pub(crate) fn encode_back(path: &str) -> String {
    serde_urlencoded::to_string([("", path)])
        .map(|s| s.trim_start_matches('=').to_owned())
        .unwrap_or_else(|_| "%2F".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_back("/plans/x?y=1"), "/plans/x?y=1");
        assert_eq!(safe_back("//evil.example/"), "/plans");
        assert_eq!(safe_back("https://evil.example/"), "/plans");
        assert_eq!(encode_back("/plans?a=1&b=2"), "%2Fplans%3Fa%3D1%26b%3D2");
    }
}

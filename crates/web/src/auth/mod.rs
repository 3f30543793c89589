//! Authentication for the browser and for scripts: the settings of sign-in, the session
//! cookie, where a request comes from (for the per-address limit and the origin check), the
//! CSRF layer ([`csrf`]) and the per-address sign-in limit ([`limits`]). Session ids and tokens
//! are secrets: they are never logged, and only their SHA-256 is stored.

pub(crate) mod csrf;
pub(crate) mod limits;

use crate::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;

/// The name of the browser's session cookie.
pub(crate) const SESSION_COOKIE: &str = "handover_session";

/// A session already looked up for this request (by the CSRF layer), for the extractors.
#[derive(Clone, Debug)]
pub(crate) struct ResolvedSession(pub(crate) handover_store::accounts::Session);

/// Settings of sign-in and sessions (`[auth]` in the configuration).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuthSettings {
    /// How long a browser session lasts after signing in, in hours.
    pub session_hours: u32,
    /// Always mark the session cookie `Secure` (it is also marked so when a proxy says the
    /// request came over TLS with `X-Forwarded-Proto: https`).
    pub secure_cookies: bool,
    /// Behind a reverse proxy: take the client's address from the first `X-Forwarded-For`
    /// entry (and the site's host from `X-Forwarded-Host`). Only turn it on when a proxy sets
    /// these headers; otherwise clients could claim any address.
    pub trust_forwarded_for: bool,
    /// Wrong passwords in a row (each within the lockout window of the previous) after which
    /// an account is refused for the window, even with the right password.
    pub max_failures_per_account: u32,
    /// The per-account window, in minutes.
    pub account_lockout_minutes: u32,
    /// Failed sign-in attempts from one address within the address window, after which that
    /// address is refused until the oldest leaves the window.
    pub max_attempts_per_address: u32,
    /// The per-address sliding window, in minutes.
    pub address_window_minutes: u32,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            session_hours: 12,
            secure_cookies: false,
            trust_forwarded_for: false,
            max_failures_per_account: 5,
            account_lockout_minutes: 15,
            max_attempts_per_address: 20,
            address_window_minutes: 15,
        }
    }
}

impl AuthSettings {
    /// Checks the values; the message names the setting.
    pub fn check(&self) -> Result<(), String> {
        let mut problems = vec![];
        if !(1..=24 * 366).contains(&self.session_hours) {
            problems.push("auth.session_hours must be from 1 to 8784 (a year)");
        }
        for (value, name) in [
            (
                self.max_failures_per_account,
                "auth.max_failures_per_account must be at least 1",
            ),
            (
                self.account_lockout_minutes,
                "auth.account_lockout_minutes must be at least 1",
            ),
            (
                self.max_attempts_per_address,
                "auth.max_attempts_per_address must be at least 1",
            ),
            (
                self.address_window_minutes,
                "auth.address_window_minutes must be at least 1",
            ),
        ] {
            if value == 0 {
                problems.push(name);
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }

    /// How long a session lasts.
    pub(crate) fn session_lifetime(&self) -> time::Duration {
        time::Duration::hours(i64::from(self.session_hours.max(1)))
    }

    /// The per-account limit as the store applies it.
    pub(crate) fn account_limit(&self) -> handover_store::accounts::AccountLimit {
        handover_store::accounts::AccountLimit {
            max_failures: self.max_failures_per_account.max(1),
            window: time::Duration::minutes(i64::from(self.account_lockout_minutes.max(1))),
        }
    }
}

/// The value of the session cookie in a request's `Cookie` headers, if any.
pub(crate) fn session_cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == SESSION_COOKIE && !value.is_empty())
        .map(|(_, value)| value.trim_matches('"'))
}

/// Whether the request carries `Authorization: Bearer …` (a script's token). Browsers never
/// attach such a header by themselves, so such a request is not a cross-site forgery.
pub(crate) fn has_bearer(headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.get(..7))
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("bearer "))
}

/// What the sign-in handler needs to know about the client: its address (for the
/// per-address limit), whether it came over TLS (for the cookie's `Secure`) and its headers.
#[derive(Clone, Debug)]
pub(crate) struct Client {
    pub(crate) address: String,
    pub(crate) tls: bool,
    pub(crate) headers: HeaderMap,
}

impl FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Self {
            address: client_address(parts, &state.options.auth),
            tls: came_over_tls(parts),
            headers: parts.headers.clone(),
        })
    }
}

/// Whether the request reached us over TLS, as far as we can tell: a proxy's
/// `X-Forwarded-Proto: https`, or the URI's own scheme.
fn came_over_tls(parts: &Parts) -> bool {
    let forwarded = parts
        .headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"));
    forwarded || parts.uri.scheme_str() == Some("https")
}

/// The `Set-Cookie` value that gives the browser a session (`secret` is `None` to remove it).
pub(crate) fn session_cookie_header(
    settings: &AuthSettings,
    tls: bool,
    secret: Option<&str>,
) -> HeaderValue {
    let secure = if settings.secure_cookies || tls {
        "; Secure"
    } else {
        ""
    };
    let max_age = secret.map_or(0, |_| u64::from(settings.session_hours.max(1)) * 3600);
    let value = format!(
        "{SESSION_COOKIE}={}; HttpOnly; SameSite=Lax; Path=/; Max-Age={max_age}{secure}",
        secret.unwrap_or("")
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The client's address for the per-address limit: the first `X-Forwarded-For` entry when
/// the setting trusts a proxy, else the connection's peer; `unknown` when neither is known
/// (in-process tests).
fn client_address(parts: &Parts, settings: &AuthSettings) -> String {
    if settings.trust_forwarded_for
        && let Some(first) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .and_then(|v| v.parse::<std::net::IpAddr>().ok())
    {
        return first.to_string();
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string())
}

/// Compares two secrets in time that does not depend on where they differ.
pub(crate) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; handover_session=abc123; lang=fr"),
        );
        assert_eq!(session_cookie(&h), Some("abc123"));
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("handover_session="),
        );
        assert_eq!(session_cookie(&h), None);
    }

    #[test]
    fn secrets_compare() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }

    #[test]
    fn defaults_are_sensible_and_checked() {
        let d = AuthSettings::default();
        assert_eq!(
            (
                d.session_hours,
                d.max_failures_per_account,
                d.max_attempts_per_address
            ),
            (12, 5, 20)
        );
        assert!(d.check().is_ok());
        let zero = AuthSettings {
            max_failures_per_account: 0,
            session_hours: 0,
            ..d
        };
        let e = zero.check().unwrap_err();
        assert!(
            e.contains("session_hours") && e.contains("max_failures_per_account"),
            "{e}"
        );
    }
}

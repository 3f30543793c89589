//! CSRF protection, applied to the whole router. A write (`POST`, `PUT`, `PATCH`, `DELETE`)
//! authenticated by the session cookie must send the session's token in `X-CSRF-Token`, and,
//! when the browser says where it comes from, come from this site: an `Origin` naming this
//! server, or `Sec-Fetch-Site: same-origin` (or `none`, typed by the user). Anything else is
//! refused with 403 `csrf` before the handler runs, so nothing changes. Requests with a bearer
//! token are exempt (a browser never attaches one by itself); signing in has no session yet,
//! so only its origin is checked. SameSite=Lax on the cookie is a second line.

use super::{ResolvedSession, has_bearer, same_secret, session_cookie};
use crate::AppState;
use crate::error::AppError;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use handover_store::accounts;

/// The header that carries the session's CSRF token.
pub(crate) const CSRF_HEADER: &str = "x-csrf-token";

/// The paths of signing in (API and page), which have no session to hold a token yet.
const SIGN_IN_PATHS: [&str; 2] = ["/api/v1/session", "/sign-in"];

/// The largest page form read to find its token (the JSON limit applies to the API).
const MAX_FORM: usize = 256 * 1024;

/// The largest multipart page form read to find its token: a spreadsheet upload (10 MiB, the
/// limit of `formats::sheet::Limits`) with the rest of its form.
pub(crate) const MAX_UPLOAD_FORM: usize = 10 * 1024 * 1024 + 64 * 1024;

/// The middleware: lets safe methods, bearer requests and requests without a session through,
/// checks the rest.
pub(crate) async fn protect(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let method = request.method().clone();
    if matches!(
        method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    ) || has_bearer(request.headers())
    {
        return next.run(request).await;
    }
    let trust_proxy = state.options.auth.trust_forwarded_for;
    let page = !request.uri().path().starts_with("/api/");
    let lang = crate::i18n::choose(request.headers());
    let refuse = |api: AppError| {
        if page {
            crate::pages::csrf_page(lang)
        } else {
            api.into_response()
        }
    };
    if method == Method::POST && SIGN_IN_PATHS.contains(&request.uri().path()) {
        if !from_this_site(request.headers(), trust_proxy) {
            return refuse(other_site());
        }
        return next.run(request).await;
    }
    let Some(secret) = session_cookie(request.headers()) else {
        // No credentials at all: the handler refuses it (401) or, in the demo, the store does.
        return next.run(request).await;
    };
    let session = match accounts::session_for(&state.store, secret).await {
        Ok(Some(s)) => s,
        // An unknown, revoked or expired session: the handler answers 401 `bad_credentials`.
        Ok(None) => return next.run(request).await,
        Err(e) => return AppError::from(e).into_response(),
    };
    let mut token_ok = request
        .headers()
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| same_secret(t.trim(), &session.csrf_token));
    // A page's form carries the token in a hidden field instead (pages work without script).
    if !token_ok && page && is_form(request.headers()) {
        let (parts, body) = request.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM).await else {
            return (StatusCode::PAYLOAD_TOO_LARGE, "the form is too large").into_response();
        };
        token_ok = form_token(&bytes).is_some_and(|t| same_secret(t.trim(), &session.csrf_token));
        request = Request::from_parts(parts, axum::body::Body::from(bytes));
    }
    // A page's upload form (`multipart/form-data`) carries it in its `csrf_token` part.
    if !token_ok && page && is_multipart(request.headers()) {
        let (parts, body) = request.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, MAX_UPLOAD_FORM).await else {
            return (StatusCode::PAYLOAD_TOO_LARGE, "the form is too large").into_response();
        };
        token_ok = multipart_token(&parts.headers, bytes.clone())
            .await
            .is_some_and(|t| same_secret(t.trim(), &session.csrf_token));
        request = Request::from_parts(parts, axum::body::Body::from(bytes));
    }
    if !token_ok {
        tracing::info!(%method, path = request.uri().path(), "refused a cookie-authenticated write without the right CSRF token");
        return refuse(AppError::new(
            StatusCode::FORBIDDEN,
            "csrf",
            "a change made with the session cookie must send the session's CSRF token in the `X-CSRF-Token` header (the `csrf_token` of `GET /api/v1/session`); nothing was changed",
        ));
    }
    if !from_this_site(request.headers(), trust_proxy) {
        return refuse(other_site());
    }
    // The handler's extractor reuses the session instead of looking it up again.
    request.extensions_mut().insert(ResolvedSession(session));
    next.run(request).await
}

/// Whether the body is an HTML form.
fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

/// Whether the body is a multipart form (a file upload).
fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

/// The `csrf_token` part of a multipart form body (the pages' forms send it first).
async fn multipart_token(headers: &HeaderMap, body: axum::body::Bytes) -> Option<String> {
    use axum::extract::{FromRequest, Multipart};
    let content_type = headers.get(header::CONTENT_TYPE)?.clone();
    let request = Request::builder()
        .method(Method::POST)
        .header(header::CONTENT_TYPE, content_type)
        .body(axum::body::Body::from(body))
        .ok()?;
    let mut form = Multipart::from_request(request, &()).await.ok()?;
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(crate::pages::CSRF_FIELD) {
            return field.text().await.ok();
        }
    }
    None
}

/// The `csrf_token` field of a form body.
fn form_token(body: &[u8]) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == crate::pages::CSRF_FIELD)
        .map(|(_, v)| v)
}

/// 403 for a write coming from another site.
fn other_site() -> AppError {
    AppError::new(
        StatusCode::FORBIDDEN,
        "csrf",
        "this change came from another site (its `Origin` or `Sec-Fetch-Site` is not this server's) and was refused; nothing was changed",
    )
}

/// Whether the browser's own statements say the request comes from this site. A client that
/// sends neither `Origin` nor `Sec-Fetch-Site` (a script, an old browser) passes: the CSRF
/// token protects it.
pub(crate) fn from_this_site(headers: &HeaderMap, trust_proxy: bool) -> bool {
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    let origin = text(header::ORIGIN.as_str());
    if let Some(origin) = origin {
        let forwarded_host = if trust_proxy {
            text("x-forwarded-host").and_then(|v| v.split(',').next().map(str::trim))
        } else {
            None
        };
        let host = forwarded_host.or_else(|| text(header::HOST.as_str()));
        let authority = origin
            .strip_prefix("https://")
            .or_else(|| origin.strip_prefix("http://"))
            .map(|rest| rest.trim_end_matches('/'));
        if let (Some(authority), Some(host)) = (authority, host)
            && authority.eq_ignore_ascii_case(host)
        {
            return true;
        }
    }
    match text("sec-fetch-site") {
        Some(site) => site.eq_ignore_ascii_case("same-origin") || site.eq_ignore_ascii_case("none"),
        None => origin.is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn origins() {
        let ok = |p: &[(&'static str, &'static str)]| from_this_site(&headers(p), false);
        assert!(ok(&[]), "no statement: the token decides");
        assert!(ok(&[
            ("host", "h.example:8080"),
            ("origin", "http://h.example:8080")
        ]));
        assert!(ok(&[
            ("host", "H.example"),
            ("origin", "https://h.example")
        ]));
        assert!(!ok(&[
            ("host", "h.example"),
            ("origin", "https://evil.example")
        ]));
        assert!(!ok(&[("host", "h.example"), ("origin", "null")]));
        assert!(ok(&[("sec-fetch-site", "same-origin")]));
        assert!(ok(&[("sec-fetch-site", "none")]));
        assert!(!ok(&[("sec-fetch-site", "cross-site")]));
        assert!(!ok(&[("sec-fetch-site", "same-site")]));
        // A proxy rewrote Host, but the browser says the request is same-origin.
        assert!(ok(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "https://h.example"),
            ("sec-fetch-site", "same-origin")
        ]));
        let proxied = headers(&[
            ("host", "127.0.0.1:8080"),
            ("x-forwarded-host", "h.example"),
            ("origin", "https://h.example"),
        ]);
        assert!(from_this_site(&proxied, true));
        assert!(!from_this_site(&proxied, false));
    }
}

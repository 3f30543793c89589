//! Request bodies: JSON only, of bounded size, strict. Unknown and read-only fields are refused
//! (one error entry per field, as a JSON Pointer), a value of the wrong type names its field,
//! and the domain's own checks add their entries; nothing is ignored silently.

use crate::error::{AppError, ErrorEntry};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

/// The largest JSON body accepted (templates are the largest: the RTO template is ~250 kB).
pub const MAX_JSON_BODY: usize = 2 * 1024 * 1024;

/// A request body type: its allowed fields, and the read-only ones a client may have copied
/// from a response (refused with a clearer message than "unknown").
pub trait RequestBody: DeserializeOwned {
    /// Fields a client may send.
    const FIELDS: &'static [&'static str];
    /// Fields that appear in responses but are not written by clients.
    const READ_ONLY: &'static [&'static str] = &["id", "version", "created_at", "updated_at"];
}

/// A parsed, checked JSON body.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<T: RequestBody, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(';')
                    .next()
                    .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
            });
        if !is_json {
            return Err(AppError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the body as JSON with `Content-Type: application/json`",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|_| {
            AppError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!("the body is larger than {} bytes", MAX_JSON_BODY),
            )
        })?;
        parse::<T>(&bytes).map(JsonBody)
    }
}

/// Parses and checks a body: unknown and read-only fields first (all of them), then types.
pub fn parse<T: RequestBody>(bytes: &[u8]) -> Result<T, AppError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        AppError::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            format!("the body is not valid JSON: {e}"),
        )
    })?;
    let Some(object) = value.as_object() else {
        return Err(invalid(vec![ErrorEntry::field(
            "",
            "the body must be a JSON object",
        )]));
    };
    let mut errors = vec![];
    for key in object.keys() {
        let pointer = format!("/{}", key.replace('~', "~0").replace('/', "~1"));
        if T::READ_ONLY.contains(&key.as_str()) && !T::FIELDS.contains(&key.as_str()) {
            errors.push(ErrorEntry::field(
                pointer,
                format!("`{key}` is read-only: leave it out of the request"),
            ));
        } else if !T::FIELDS.contains(&key.as_str()) {
            errors.push(ErrorEntry::field(
                pointer,
                format!(
                    "`{key}` is not a field of this request; the fields are: {}",
                    T::FIELDS.join(", ")
                ),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(invalid(errors));
    }
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let mut pointer = pointer_of(e.path());
        let message = e.inner().to_string();
        // serde names a missing field only in its message, at its parent's path.
        if let Some(name) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
        {
            pointer.push('/');
            pointer.push_str(&name.replace('~', "~0").replace('/', "~1"));
        }
        invalid(vec![ErrorEntry::field(pointer, message)])
    })
}

/// The JSON Pointer of a deserialisation path (`/milestones/0/title`; empty for the root).
fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        let part = match segment {
            Segment::Seq { index } => index.to_string(),
            Segment::Map { key } => key.replace('~', "~0").replace('/', "~1"),
            Segment::Enum { variant } => variant.replace('~', "~0").replace('/', "~1"),
            Segment::Unknown => continue,
        };
        out.push('/');
        out.push_str(&part);
    }
    out
}

/// 422 with the entries.
pub fn invalid(errors: Vec<ErrorEntry>) -> AppError {
    AppError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        "the request has problems; each is listed in `errors` with its field",
    )
    .with_errors(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Example {
        #[expect(dead_code, reason = "only parsed")]
        name: String,
        #[expect(dead_code, reason = "only parsed")]
        likelihood: u8,
    }

    impl RequestBody for Example {
        const FIELDS: &'static [&'static str] = &["name", "likelihood"];
    }

    #[test]
    fn every_unknown_and_read_only_field_is_named() {
        let e = parse::<Example>(br#"{"name": "x", "colour": 1, "version": 3, "id": "a"}"#)
            .unwrap_err();
        let fields: Vec<_> = e.errors().iter().filter_map(|x| x.field.clone()).collect();
        assert_eq!(fields.len(), 3, "{fields:?}");
        assert!(
            fields.contains(&"/colour".to_string()) && fields.contains(&"/version".to_string())
        );
        let e = parse::<Example>(br#"{"name": "x", "likelihood": "high"}"#).unwrap_err();
        assert_eq!(e.errors()[0].field.as_deref(), Some("/likelihood"));
        let e = parse::<Example>(br#"{"name": "x"}"#).unwrap_err();
        assert!(
            e.errors()[0].message.contains("likelihood"),
            "{:?}",
            e.errors()
        );
        assert_eq!(
            e.errors()[0].field.as_deref(),
            Some("/likelihood"),
            "a missing field is named by its own pointer"
        );
        assert_eq!(
            parse::<Example>(b"[1]").unwrap_err().status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            parse::<Example>(b"{").unwrap_err().status(),
            StatusCode::BAD_REQUEST
        );
    }
}

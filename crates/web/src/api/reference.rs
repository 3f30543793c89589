//! `/api/docs`: a readable API reference rendered on the server from the same OpenAPI document
//! as `/api/openapi.json` — no script, no CDN.

use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde_json::Value;

/// The page.
#[derive(Template)]
#[template(path = "api/reference.html")]
struct Reference {
    openapi: String,
    version: String,
    description: String,
    sections: Vec<Section>,
    schemas: Vec<SchemaDoc>,
}

/// The operations of one tag.
struct Section {
    name: String,
    description: String,
    operations: Vec<Operation>,
}

struct Operation {
    method: String,
    path: String,
    summary: String,
    params: Vec<Param>,
    request: String,
    responses: Vec<Answer>,
}

struct Param {
    name: String,
    location: String,
    required: bool,
    description: String,
}

struct Answer {
    status: String,
    description: String,
    schema: String,
}

struct SchemaDoc {
    name: String,
    description: String,
    fields: Vec<Field>,
}

struct Field {
    name: String,
    kind: String,
    required: bool,
    description: String,
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_owned()
}

/// The name of a schema reference (`#/components/schemas/X` → `X`), through arrays.
fn schema_name(v: &Value) -> String {
    if let Some(r) = v.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or(r).to_owned();
    }
    if let Some(items) = v.get("items") {
        let inner = schema_name(items);
        return if inner.is_empty() {
            String::new()
        } else {
            inner
        };
    }
    String::new()
}

/// A schema's type in a few characters: `string`, `[ReportView]`, `Text`.
fn kind(v: &Value) -> String {
    let name = schema_name(v);
    if v.get("type").and_then(Value::as_str) == Some("array") {
        return format!(
            "[{}]",
            if name.is_empty() {
                kind(&v["items"])
            } else {
                name
            }
        );
    }
    if !name.is_empty() {
        return name;
    }
    for combo in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = v.get(combo).and_then(Value::as_array) {
            return list
                .iter()
                .map(kind)
                .filter(|k| !k.is_empty())
                .collect::<Vec<_>>()
                .join(" | ");
        }
    }
    match v.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" | "),
        _ => v
            .get("enum")
            .map_or("any".into(), |e| format!("one of {e}")),
    }
}

fn build(doc: &Value) -> Reference {
    let mut sections: Vec<Section> = doc["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| Section {
            name: text(t, "name"),
            description: text(t, "description"),
            operations: vec![],
        })
        .collect();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            let tag = op["tags"][0].as_str().unwrap_or("other").to_owned();
            let params = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| Param {
                    name: text(p, "name"),
                    location: text(p, "in"),
                    required: p["required"].as_bool().unwrap_or(false),
                    description: text(p, "description"),
                })
                .collect();
            let request = schema_name(&op["requestBody"]["content"]["application/json"]["schema"]);
            let responses = op["responses"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(status, r)| Answer {
                    status: status.clone(),
                    description: text(r, "description"),
                    schema: schema_name(&r["content"]["application/json"]["schema"]),
                })
                .collect();
            let operation = Operation {
                method: method.to_uppercase(),
                path: path.clone(),
                summary: [text(op, "summary"), text(op, "description")]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
                params,
                request,
                responses,
            };
            match sections.iter_mut().find(|s| s.name == tag) {
                Some(s) => s.operations.push(operation),
                None => sections.push(Section {
                    name: tag,
                    description: String::new(),
                    operations: vec![operation],
                }),
            }
        }
    }
    sections.retain(|s| !s.operations.is_empty());
    let schemas = doc["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, s)| {
            let required: Vec<&str> = s["required"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            SchemaDoc {
                name: name.clone(),
                description: text(s, "description"),
                fields: s["properties"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(f, v)| Field {
                        name: f.clone(),
                        kind: kind(v),
                        required: required.contains(&f.as_str()),
                        description: text(v, "description"),
                    })
                    .collect(),
            }
        })
        .collect();
    Reference {
        openapi: text(doc, "openapi"),
        version: text(&doc["info"], "version"),
        description: text(&doc["info"], "description"),
        sections,
        schemas,
    }
}

/// `GET /api/docs`: the reference page.
pub(crate) async fn show_reference(State(state): State<AppState>) -> Response {
    let doc: Value = serde_json::from_str(&state.openapi_json).unwrap_or(Value::Null);
    match build(&doc).render() {
        Ok(html) => ([(header::CACHE_CONTROL, "public, max-age=300")], Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "rendering the API reference");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the API reference could not be rendered",
            )
                .into_response()
        }
    }
}

//! Bad input on every write of the OpenAPI document that takes a JSON body, sent by a caller
//! allowed to make it: malformed JSON, an array, an empty object, each field (and each field of
//! a nested object) with a value of the wrong type, an unknown field, a read-only field, a body
//! over the limit and a body that is not JSON. Each gets a 4xx with the one error body of SPEC
//! §14 naming the field where there is one — never a 5xx — and changes nothing. The fields and
//! their types come from the document's request schemas (for a template, from the template
//! format's JSON Schema the document points to); a body the sweep cannot read fails the test.
//! Every spreadsheet upload gets the same treatment with the file's own faults: another media
//! type, a file over the limit, an empty file, a file that is not what its type says, and bad
//! cells — each a 4xx with the error body, the file's problems named by row and column.

use super::access_sweep::{Fixture, Kind, Operation, PASSWORD, newest_audit, operations, refused};
use super::*;
use std::collections::BTreeSet;

/// Where a `$ref` leads, inside `root` (`#/components/schemas/X` or `#/$defs/X`).
fn resolve<'a>(root: &'a Json, schema: &'a Json) -> &'a Json {
    match schema.get("$ref").and_then(Json::as_str) {
        Some(r) => {
            let pointer = r
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("a $ref outside the document: {r}"));
            let target = root
                .pointer(pointer)
                .unwrap_or_else(|| panic!("a $ref to nothing: {r}"));
            resolve(root, target)
        }
        None => schema,
    }
}

/// The JSON types a schema allows (`integer` counted as `number`), or `None` when it does not
/// say.
fn types(root: &Json, schema: &Json) -> Option<BTreeSet<&'static str>> {
    let s = resolve(root, schema);
    let name = |t: &str| -> Option<&'static str> {
        Some(match t {
            "string" => "string",
            "integer" | "number" => "number",
            "boolean" => "boolean",
            "array" => "array",
            "object" => "object",
            "null" => "null",
            _ => return None,
        })
    };
    if let Some(alternatives) = s
        .get("oneOf")
        .or_else(|| s.get("anyOf"))
        .and_then(Json::as_array)
    {
        let mut out = BTreeSet::new();
        for a in alternatives {
            out.extend(types(root, a)?);
        }
        return Some(out);
    }
    if let Some([only]) = s.get("allOf").and_then(Json::as_array).map(Vec::as_slice) {
        return types(root, only);
    }
    match &s["type"] {
        Json::String(t) => Some(BTreeSet::from([name(t)?])),
        Json::Array(ts) => ts.iter().map(|t| name(t.as_str()?)).collect(),
        _ => {
            if let Some(values) = s.get("enum").and_then(Json::as_array) {
                values
                    .iter()
                    .map(|v| match v {
                        Json::String(_) => Some("string"),
                        Json::Number(_) => Some("number"),
                        Json::Bool(_) => Some("boolean"),
                        Json::Null => Some("null"),
                        _ => None,
                    })
                    .collect()
            } else if s.get("properties").is_some() || s.get("additionalProperties").is_some() {
                Some(BTreeSet::from(["object"]))
            } else {
                None
            }
        }
    }
}

/// A value of a type the schema does not allow.
fn wrong_value(root: &Json, schema: &Json) -> Option<Json> {
    let allowed = types(root, schema)?;
    [
        ("number", json!(12345)),
        ("string", json!("not of this type")),
        ("boolean", json!(true)),
    ]
    .into_iter()
    .find(|(t, _)| !allowed.contains(t))
    .map(|(_, v)| v)
}

/// The object schema behind a schema (through `$ref` and a nullable `oneOf`), if it lists
/// properties.
fn object_schema<'a>(root: &'a Json, schema: &'a Json) -> Option<&'a Json> {
    let s = resolve(root, schema);
    if s.get("properties").is_some() {
        return Some(s);
    }
    let alternatives = s.get("oneOf").or_else(|| s.get("anyOf"))?.as_array()?;
    let mut objects = alternatives
        .iter()
        .filter(|a| resolve(root, a)["type"] != "null")
        .filter_map(|a| object_schema(root, a));
    let first = objects.next()?;
    objects.next().is_none().then_some(first)
}

/// The object schema of an array's items, if the schema is an array of objects.
fn item_schema<'a>(root: &'a Json, schema: &'a Json) -> Option<&'a Json> {
    let s = resolve(root, schema);
    let items = match s.get("items") {
        Some(items) => items,
        None => {
            let alternatives = s.get("oneOf").or_else(|| s.get("anyOf"))?.as_array()?;
            alternatives
                .iter()
                .find_map(|a| resolve(root, a).get("items"))?
        }
    };
    object_schema(root, items)
}

/// A pointer segment for a field name (RFC 6901).
fn segment(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// The bodies that are wrong field by field, each with what is wrong and the pointer that
/// must be named: every field with a value of the wrong type, every required field `null`
/// (when it cannot be), and in nested objects (and arrays of objects, down to `depth` levels)
/// the same plus an unknown field.
fn field_cases(
    root: &Json,
    object: &Json,
    depth: usize,
    label: &str,
) -> Vec<(String, Json, String)> {
    let mut out = vec![];
    let properties = object["properties"].as_object().unwrap();
    let required: Vec<&str> = object["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Json::as_str)
        .collect();
    for (name, property) in properties {
        let pointer = format!("/{}", segment(name));
        let allowed = types(root, property).unwrap_or_else(|| {
            panic!(
                "{label}: the sweep cannot tell the type of {pointer} from its schema {property}"
            )
        });
        let wrong = wrong_value(root, property).unwrap_or_else(|| {
            panic!("{label}: {pointer} takes any type ({property}); the sweep has no wrong one")
        });
        out.push((
            format!("a wrong type at {pointer}"),
            json!({ name: wrong }),
            pointer.clone(),
        ));
        if required.contains(&name.as_str()) && !allowed.contains("null") {
            out.push((
                format!("the required {pointer} null"),
                json!({ name: null }),
                pointer.clone(),
            ));
        }
        if depth == 0 {
            continue;
        }
        let (inner, in_array) = match object_schema(root, property) {
            Some(inner) => (inner, false),
            None => match item_schema(root, property) {
                Some(inner) => (inner, true),
                None => continue,
            },
        };
        // A language map's keys are languages, not field names: its own pointer is named.
        let languages = inner["properties"]
            .as_object()
            .unwrap()
            .keys()
            .all(|k| ["en", "fr", "ar"].contains(&k.as_str()));
        let mut nested = field_cases(root, inner, depth - 1, label);
        if inner["additionalProperties"] == json!(false) {
            nested.push((
                "an unknown field".into(),
                json!({"no_such_field": 1}),
                "/no_such_field".into(),
            ));
        }
        for (what, body, p) in nested {
            let named = if languages {
                pointer.clone()
            } else {
                format!("{pointer}{}{p}", if in_array { "/0" } else { "" })
            };
            out.push((
                format!("{what} in {pointer}"),
                json!({ name: if in_array { json!([body]) } else { body } }),
                named,
            ));
        }
    }
    out
}

/// A request body as raw bytes, with a content type.
async fn send_raw(
    app: &TestApp,
    method: Method,
    path: &str,
    headers: &[(String, String)],
    content_type: &str,
    body: Vec<u8>,
) -> Answer {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, content_type);
    for (k, v) in headers {
        request = request.header(k.as_str(), v.as_str());
    }
    app.send(request.body(Body::from(body)).unwrap()).await
}

/// What the sweep sends and what must come back.
enum Expect {
    /// This status and code, naming this field (a JSON Pointer; `""` is the whole body).
    Refused(StatusCode, &'static str, Option<String>),
    /// 422 naming only required fields, at least one.
    MissingRequired(BTreeSet<String>),
    /// Either refused with the error body, or accepted (nothing in the schema is required).
    RefusedOrAccepted,
}

pub(crate) async fn run(store: &Store) {
    let fx = Fixture::new(store, "badin").await;
    let doc = fx.app.get("/api/openapi.json").await.json();
    let template_schema: Json =
        serde_json::from_str(&handover_formats::template::json_schema()).unwrap();
    // The browser's session, for the session's own writes.
    let signed_in = fx
        .app
        .call(
            Method::POST,
            "/api/v1/session",
            None,
            &[],
            Some(json!({"email": fx.admin_email, "password": PASSWORD})),
        )
        .await;
    assert_eq!(
        signed_in.status,
        StatusCode::CREATED,
        "{}",
        signed_in.text()
    );
    let cookie = signed_in
        .header(header::SET_COOKIE)
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let csrf = signed_in.json()["csrf_token"].as_str().unwrap().to_owned();
    let mut before = fx.fingerprint(store).await;
    let mut swept = vec![];
    let mut accepted_empty = vec![];
    let ops = operations(&doc);
    for op in ops.iter().filter(|o| o.writes()) {
        let Some(schema) = &op.body else { continue };
        // The template format is described by its own JSON Schema (`handover template schema`),
        // which the document names instead of repeating.
        let (root, object) = match object_schema(&doc, schema) {
            Some(object) => (&doc, object),
            None if op.id == "create_template" => (&template_schema, &template_schema),
            None => panic!(
                "{}: the sweep cannot read the request schema {schema}; describe its fields in the document",
                op.label()
            ),
        };
        let required: BTreeSet<String> = object["required"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| format!("/{}", segment(r.as_str().unwrap())))
            .collect();
        let properties = object["properties"].as_object().unwrap();
        let mut cases: Vec<(String, &str, Vec<u8>, Expect)> = vec![
            (
                "malformed JSON".into(),
                "application/json",
                b"{\"a\": ".to_vec(),
                Expect::Refused(StatusCode::BAD_REQUEST, "malformed_json", None),
            ),
            (
                "an array".into(),
                "application/json",
                b"[{}]".to_vec(),
                Expect::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid",
                    Some(String::new()),
                ),
            ),
            (
                "a JSON string".into(),
                "application/json",
                b"\"text\"".to_vec(),
                Expect::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid",
                    Some(String::new()),
                ),
            ),
            (
                "an empty object".into(),
                "application/json",
                b"{}".to_vec(),
                if required.is_empty() {
                    Expect::RefusedOrAccepted
                } else {
                    Expect::MissingRequired(required.clone())
                },
            ),
            (
                "an unknown field".into(),
                "application/json",
                br#"{"no_such_field": 1}"#.to_vec(),
                Expect::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid",
                    Some("/no_such_field".into()),
                ),
            ),
            (
                "a body over the limit".into(),
                "application/json",
                serde_json::to_vec(
                    &json!({"padding": "x".repeat(handover_web::api::body::MAX_JSON_BODY)}),
                )
                .unwrap(),
                Expect::Refused(StatusCode::PAYLOAD_TOO_LARGE, "too_large", None),
            ),
            (
                "a body that is not JSON".into(),
                "text/plain",
                b"{}".to_vec(),
                Expect::Refused(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    None,
                ),
            ),
        ];
        for read_only in ["id", "version"] {
            if !properties.contains_key(read_only) {
                cases.push((
                    format!("the read-only field `{read_only}`"),
                    "application/json",
                    serde_json::to_vec(&json!({ read_only: 1 })).unwrap(),
                    Expect::Refused(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "invalid",
                        Some(format!("/{read_only}")),
                    ),
                ));
            }
        }
        for (what, body, pointer) in field_cases(root, object, 2, &op.label()) {
            cases.push((
                format!("{what}: {body}"),
                "application/json",
                serde_json::to_vec(&body).unwrap(),
                Expect::Refused(StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(pointer)),
            ));
        }
        let path = fx.fill(&op.path, &[]);
        let n = cases.len();
        for (what, content_type, body, expect) in cases {
            let what = format!("{} with {what}", op.label());
            let mut headers: Vec<(String, String)> = vec![];
            match op.kind {
                Kind::SignIn => {}
                Kind::BrowserSession => {
                    headers.push(("cookie".into(), cookie.clone()));
                    headers.push(("x-csrf-token".into(), csrf.clone()));
                }
                _ => headers.push(("authorization".into(), format!("Bearer {}", fx.admin))),
            }
            if op.if_match {
                headers.push(("if-match".into(), fx.if_match(op, &path).await));
            }
            let audit_before = newest_audit(store, None).await;
            let a = send_raw(
                &fx.app,
                op.method.clone(),
                &path,
                &headers,
                content_type,
                body,
            )
            .await;
            assert!(
                !a.status.is_server_error(),
                "{what}: {} {}",
                a.status,
                a.text()
            );
            match expect {
                Expect::Refused(status, code, field) => {
                    refused(&a, status, code, &what);
                    if let Some(field) = field {
                        assert!(
                            named(&a).contains(&field),
                            "{what}: the error does not name `{field}`: {}",
                            a.text()
                        );
                    }
                    assert_eq!(
                        newest_audit(store, None).await,
                        audit_before,
                        "{what}: refused, but something changed"
                    );
                }
                Expect::MissingRequired(required) => {
                    refused(&a, StatusCode::UNPROCESSABLE_ENTITY, "invalid", &what);
                    let fields = named(&a);
                    assert!(
                        !fields.is_empty() && fields.iter().all(|f| required.contains(f)),
                        "{what}: the error must name the missing required fields {required:?}: {}",
                        a.text()
                    );
                    assert_eq!(
                        newest_audit(store, None).await,
                        audit_before,
                        "{what}: refused, but something changed"
                    );
                }
                Expect::RefusedOrAccepted => {
                    if a.status.is_success() {
                        // An empty change of an existing record is no change at all.
                        if op.method == Method::PATCH {
                            assert_eq!(
                                newest_audit(store, None).await,
                                audit_before,
                                "{what}: accepted, and recorded a change of nothing"
                            );
                        }
                        accepted_empty.push(op.label());
                        // What it made is the new state that nothing after may change.
                        before = fx.fingerprint(store).await;
                    } else {
                        assert!(a.status.is_client_error(), "{what}: {}", a.text());
                        let code = a.json()["code"].as_str().unwrap_or_default().to_owned();
                        refused(&a, a.status, &code, &what);
                        assert!(
                            !named(&a).is_empty(),
                            "{what}: the error names no field: {}",
                            a.text()
                        );
                        assert_eq!(
                            newest_audit(store, None).await,
                            audit_before,
                            "{what}: refused, but something changed"
                        );
                    }
                }
            }
        }
        swept.push((op.label(), n));
    }
    assert_eq!(
        fx.fingerprint(store).await,
        before,
        "bad input changed the plan"
    );
    eprintln!(
        "   bad input: {} writes with a body, {} requests; an empty body accepted by {accepted_empty:?}",
        swept.len(),
        swept.iter().map(|(_, n)| n).sum::<usize>()
    );
    let with_body = ops
        .iter()
        .filter(|o| o.writes() && o.body.is_some())
        .count();
    assert_eq!(swept.len(), with_body);
    Box::pin(uploads(&fx, store, &ops)).await;
    assert_eq!(
        fx.fingerprint(store).await,
        before,
        "a bad spreadsheet changed the plan"
    );
    Box::pin(bad_paths(&fx, store, &ops)).await;
    assert_eq!(
        fx.fingerprint(store).await,
        before,
        "a path naming nothing changed the plan"
    );
}

/// Every operation with each path parameter naming nothing (or nothing readable as an id):
/// 404 or 400 with the error body, never a 5xx or a bare text, and nothing changed.
async fn bad_paths(fx: &Fixture, store: &Store, ops: &[Operation]) {
    let mut n = 0;
    for op in ops {
        let mut names = vec![];
        let mut rest = op.path.as_str();
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').unwrap() + open;
            names.push(&rest[open + 1..close]);
            rest = &rest[close + 1..];
        }
        // A value that names nothing, and one that is not even text (`%FF` is no UTF-8).
        for (name, value) in names
            .into_iter()
            .flat_map(|n| [(n, "no-such-record"), (n, "%FF")])
        {
            let path = fx.fill(&op.path, &[(name, value)]);
            let what = format!("{} with {{{name}}} naming nothing: {path}", op.label());
            let headers: &[(&str, &str)] = match op.if_match {
                true => &[("if-match", "\"1\"")],
                false => &[],
            };
            let audit_before = newest_audit(store, None).await;
            let a = fx
                .app
                .call(
                    op.method.clone(),
                    &path,
                    Some(&fx.admin),
                    headers,
                    fx.example(op).await,
                )
                .await;
            assert!(
                [StatusCode::NOT_FOUND, StatusCode::BAD_REQUEST].contains(&a.status),
                "{what}: {} {}",
                a.status,
                a.text()
            );
            let code = if a.status == StatusCode::NOT_FOUND {
                "not_found"
            } else {
                "invalid_path"
            };
            refused(&a, a.status, code, &what);
            assert_eq!(
                newest_audit(store, None).await,
                audit_before,
                "{what}: refused, but something changed"
            );
            n += 1;
        }
    }
    eprintln!("   bad paths: {n} requests");
}

/// The fields an error body names.
fn named(a: &Answer) -> Vec<String> {
    a.json()["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str().map(str::to_owned))
        .collect()
}

/// What an upload case sends and must get: what, a query, a media type, the body, the status
/// and the error code.
type UploadCase<'a> = (&'a str, &'a str, &'a str, Vec<u8>, StatusCode, &'a str);

/// Every spreadsheet upload with bad files: 415, 413, or 422 naming rows and columns (a whole
/// file's problem names neither) — never a 5xx, and nothing imported.
async fn uploads(fx: &Fixture, store: &Store, ops: &[Operation]) {
    const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let mut n = 0;
    for op in ops.iter().filter(|o| o.upload) {
        let good = fx.upload_example(op);
        let header = String::from_utf8(good.clone())
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_owned();
        let columns = header.split(',').count();
        // Every cell but the first of each row is nonsense: each row and column is named.
        let bad_row = |r: usize| {
            let cells: Vec<String> = (0..columns)
                .map(|c| match c {
                    0 => "aoc".to_owned(),
                    _ => format!("§{r}{c}"),
                })
                .collect();
            cells.join(",")
        };
        let bad_cells = format!("{header}\n{}\n{}\n", bad_row(2), bad_row(3)).into_bytes();
        let mut over = good.clone();
        over.resize(10 * 1024 * 1024 + 1, b' ');
        let cases: Vec<UploadCase<'_>> = vec![
            (
                "JSON",
                "",
                "application/json",
                b"{}".to_vec(),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
            ),
            (
                "plain text",
                "",
                "text/plain",
                good.clone(),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
            ),
            (
                "a multipart form",
                "",
                "multipart/form-data; boundary=x",
                good.clone(),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
            ),
            (
                "a file over the limit",
                "",
                "text/csv",
                over,
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
            ),
            (
                "an empty file",
                "",
                "text/csv",
                vec![],
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
            ),
            (
                "a header alone",
                "",
                "text/csv",
                format!("{header}\n").into_bytes(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
            ),
            (
                "no known column",
                "",
                "text/csv",
                b"Colour,Smell\nred,sweet\n".to_vec(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
            ),
            (
                "bytes that are not UTF-8",
                "",
                "text/csv",
                b"\xff\xfe\x00A,B\n".to_vec(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
            ),
            (
                "CSV sent as a workbook",
                "",
                XLSX,
                good.clone(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
            ),
            (
                "a zip that is no workbook",
                "",
                XLSX,
                b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0".to_vec(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
            ),
            (
                "bad cells",
                "",
                "text/csv",
                bad_cells,
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
            ),
            (
                "an unknown parameter",
                "?colour=red",
                "text/csv",
                good.clone(),
                StatusCode::BAD_REQUEST,
                "invalid_query",
            ),
        ];
        for (what, query, content_type, body, status, code) in cases {
            let path = fx.fill(&op.path, &[]) + query;
            let what = format!("{} with {what}", op.label());
            let headers = vec![("authorization".to_owned(), format!("Bearer {}", fx.admin))];
            let audit_before = newest_audit(store, None).await;
            let a = send_raw(
                &fx.app,
                op.method.clone(),
                &path,
                &headers,
                content_type,
                body,
            )
            .await;
            refused(&a, status, code, &what);
            assert_eq!(
                newest_audit(store, None).await,
                audit_before,
                "{what}: refused, but something changed"
            );
            if status == StatusCode::UNPROCESSABLE_ENTITY {
                let errors = a.json()["errors"].as_array().unwrap().clone();
                assert!(
                    !errors.is_empty(),
                    "{what}: no problem listed: {}",
                    a.text()
                );
                assert!(
                    errors.iter().all(|e| e.get("field").is_none()),
                    "{what}: a file's problems are named by row and column, not field: {}",
                    a.text()
                );
                if what.ends_with("bad cells") {
                    let mut placed: Vec<(u64, String)> = errors
                        .iter()
                        .map(|e| {
                            let row = e["row"]
                                .as_u64()
                                .unwrap_or_else(|| panic!("{what}: no row in {e}"));
                            let column = e["column"]
                                .as_str()
                                .unwrap_or_else(|| panic!("{what}: no column in {e}"));
                            (row, column.to_owned())
                        })
                        .collect();
                    placed.dedup();
                    assert!(
                        placed.iter().any(|(r, _)| *r == 2) && placed.iter().any(|(r, _)| *r == 3),
                        "{what}: both bad rows are named: {placed:?}"
                    );
                    assert!(
                        placed
                            .iter()
                            .all(|(_, c)| c.ends_with(')') && c.contains(" (")),
                        "{what}: a column is its header and letter, `Unit price (E)`: {placed:?}"
                    );
                }
            }
            n += 1;
        }
    }
    eprintln!("   bad uploads: {n} requests");
}

//! Template files (TOML, format 1; see docs/TEMPLATE-FORMAT.md): reading with every problem
//! named by file, line and field, writing back, the built-in templates shipped in the binary,
//! and the published JSON Schema.

use handover_core::template::{Template, validate};
use std::fmt;

/// The built-in templates, as shipped in `templates/`.
const BUILTIN: &[(&str, &str)] = &[
    (
        "templates/rto-transition.toml",
        include_str!("../../../templates/rto-transition.toml"),
    ),
    (
        "templates/generic.toml",
        include_str!("../../../templates/generic.toml"),
    ),
];

/// One problem in a template file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The field's path, e.g. `milestones[0].activities[2].end_quarter`.
    pub field: Option<String>,
    pub message: String,
}

/// Why a template file was refused: every problem found, with the file's name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct TemplateFileError {
    pub file: String,
    pub problems: Vec<FileProblem>,
}

impl fmt::Display for TemplateFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} was refused:", self.file)?;
        for p in &self.problems {
            write!(f, "\n  {}", self.file)?;
            if let Some(l) = p.line {
                write!(f, ", line {l}")?;
                if let Some(c) = p.column {
                    write!(f, ", column {c}")?;
                }
            }
            if let Some(field) = &p.field {
                write!(f, ", field `{field}`")?;
            }
            write!(f, ": {}", p.message)?;
        }
        Ok(())
    }
}

/// Reads a template from TOML text; `file` names it in messages.
pub fn parse_toml(file: &str, text: &str) -> Result<Template, TemplateFileError> {
    let refuse = |problems| TemplateFileError {
        file: file.to_owned(),
        problems,
    };
    let template: Template = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unzip();
            return Err(refuse(vec![FileProblem {
                line,
                column,
                field: e.span().and_then(|s| key_at(text, s.start)),
                message: e.message().trim().to_owned(),
            }]));
        }
    };
    let problems = validate(&template);
    if problems.is_empty() {
        return Ok(template);
    }
    let doc = text.parse::<toml_edit::Document<String>>().ok();
    Err(refuse(
        problems
            .into_iter()
            .map(|p| {
                let span = doc.as_ref().and_then(|d| span_of(d, &p.field));
                let (line, column) = span.map(|s| line_col(text, s)).unzip();
                FileProblem {
                    line,
                    column,
                    field: Some(p.field),
                    message: p.message,
                }
            })
            .collect(),
    ))
}

/// Writes a template as TOML in the documented format.
pub fn to_toml(t: &Template) -> String {
    let body = toml::to_string_pretty(t).unwrap_or_default();
    format!("# Handover template, format 1 — see docs/TEMPLATE-FORMAT.md\n{body}")
}

/// The built-in templates. They are checked by the test suite, so a failure here is a bug.
pub fn builtin() -> Vec<Template> {
    BUILTIN
        .iter()
        .filter_map(|(file, text)| match parse_toml(file, text) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("{e}");
                None
            }
        })
        .collect()
}

/// The JSON Schema of the template format, generated from the types that read it.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Template);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The key written on the line of an offset (`likelihood = 7` → `likelihood`), for parse errors.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && !key.starts_with('[')).then(|| key.to_owned())
}

/// The byte offset of a field path such as `milestones[0].activities[2].end_quarter` in the
/// document, or of the nearest enclosing element that has one.
fn span_of(doc: &toml_edit::Document<String>, path: &str) -> Option<usize> {
    let mut item: &toml_edit::Item = doc.as_item();
    let mut best = None;
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        item = item.get(name)?;
        best = item.span().map(|s| s.start).or(best);
        if let Some(i) = index {
            item = match item {
                toml_edit::Item::ArrayOfTables(a) => {
                    let t = a.get(i)?;
                    best = t.span().map(|s| s.start).or(best);
                    // Tables of an array carry no item; step in through a reference.
                    return descend(t, path, part).or(best);
                }
                other => other.get(i)?,
            };
            best = item.span().map(|s| s.start).or(best);
        }
    }
    best
}

/// Continues [`span_of`] inside a table of an array of tables.
fn descend(table: &toml_edit::Table, path: &str, after: &str) -> Option<usize> {
    let rest = path.split_once(&format!("{after}."))?.1;
    let mut best = table.span().map(|s| s.start);
    let (first, tail) = match rest.split_once('.') {
        Some((f, t)) => (f, Some(t)),
        None => (rest, None),
    };
    let (name, index) = match first.split_once('[') {
        Some((n, r)) => (n, r.trim_end_matches(']').parse::<usize>().ok()),
        None => (first, None),
    };
    let item = table.get(name)?;
    best = item.span().map(|s| s.start).or(best);
    match (item, index) {
        (toml_edit::Item::ArrayOfTables(a), Some(i)) => {
            let t = a.get(i)?;
            best = t.span().map(|s| s.start).or(best);
            match tail {
                Some(_) => descend(t, rest, first).or(best),
                None => best,
            }
        }
        (toml_edit::Item::Value(v), _) => v.span().map(|s| s.start).or(best),
        _ => best,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_read() {
        let all = builtin();
        assert_eq!(all.len(), BUILTIN.len());
        let rto = all
            .iter()
            .find(|t| t.code.as_str() == "rto-transition")
            .unwrap();
        assert_eq!(rto.milestones.len(), 7);
        let counts: Vec<_> = rto.milestones.iter().map(|m| m.activities.len()).collect();
        assert_eq!(counts, [7, 5, 6, 2, 3, 1, 3]);
        assert_eq!(rto.needs.len(), 6);
    }

    #[test]
    fn an_unknown_field_is_named_with_its_line() {
        let text = BUILTIN[0]
            .1
            .replacen("start_quarter = 1", "start_quarterr = 1", 1);
        let e = parse_toml("my.toml", &text).unwrap_err();
        let p = &e.problems[0];
        assert!(p.message.contains("start_quarterr"), "{e}");
        let expected_line = text
            .lines()
            .position(|l| l.contains("start_quarterr"))
            .unwrap()
            + 1;
        assert_eq!(p.line, Some(expected_line), "{e}");
    }

    #[test]
    fn a_likelihood_of_seven_is_named_with_its_line() {
        let text = BUILTIN[0].1.replacen("likelihood = 4", "likelihood = 7", 1);
        let e = parse_toml("my.toml", &text).unwrap_err();
        let expected_line = text
            .lines()
            .position(|l| l.contains("likelihood = 7"))
            .unwrap()
            + 1;
        assert_eq!(e.problems[0].line, Some(expected_line), "{e}");
        assert!(e.to_string().contains("1 to 5"), "{e}");
        assert!(e.to_string().contains("likelihood"), "{e}");
    }

    #[test]
    fn a_rule_broken_across_fields_is_named_with_its_line() {
        // Activity 1's end quarter before its start.
        let text = BUILTIN[0]
            .1
            .replacen("end_quarter = ", "end_quarter = 0 # ", 1);
        let e = parse_toml("my.toml", &text).unwrap_err();
        let p = &e.problems[0];
        assert_eq!(
            p.field.as_deref(),
            Some("milestones[0].activities[0].end_quarter"),
            "{e}"
        );
        let expected_line = text
            .lines()
            .position(|l| l.contains("end_quarter = 0 #"))
            .unwrap()
            + 1;
        assert_eq!(p.line, Some(expected_line), "{e}");
    }

    #[test]
    fn written_templates_read_back_the_same() {
        for t in builtin() {
            let again = parse_toml("again.toml", &to_toml(&t)).unwrap();
            assert_eq!(again, t);
        }
    }
}

#[cfg(test)]
mod schema_tests {
    /// The published schema (docs/template.schema.json) is the one the code reads with.
    #[test]
    fn published_schema_is_current() {
        let published = include_str!("../../../docs/template.schema.json");
        assert!(
            published == super::json_schema(),
            "docs/template.schema.json is stale: regenerate it with `handover template schema > docs/template.schema.json`"
        );
    }
}

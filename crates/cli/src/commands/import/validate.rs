//! `--validate`: checking an IATI file against the official 2.03 schema with libxml2's
//! `xmllint` (Debian's `libxml2-utils`), streaming (`--stream`), so memory stays flat. The
//! schema comes from the IATI reference directory: `$HANDOVER_IATI_DIR`, by default
//! `../shared/iati` relative to the current directory. A missing `xmllint` or schema is refused
//! with a sentence saying what to install or set, before anything is imported.

use anyhow::{Context as _, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// One schema error: its line (when xmllint gives one) and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    pub line: Option<u64>,
    pub message: String,
}

/// The schema of IATI activity files.
pub fn schema() -> anyhow::Result<PathBuf> {
    let dir = std::env::var_os("HANDOVER_IATI_DIR")
        .map_or_else(|| PathBuf::from("../shared/iati"), PathBuf::from);
    let schema = dir.join("schema/iati-activities-schema.xsd");
    if !schema.is_file() {
        bail!(
            "--validate: the IATI schema is not at {}; set HANDOVER_IATI_DIR to the directory that holds schema/iati-activities-schema.xsd",
            schema.display()
        );
    }
    Ok(schema)
}

/// Refuses when `xmllint` cannot be run.
pub fn require_xmllint() -> anyhow::Result<()> {
    match Command::new("xmllint").arg("--version").output() {
        Ok(o) if o.status.success() => Ok(()),
        _ => bail!(
            "--validate needs xmllint, which is not installed: install it with `apt-get install libxml2-utils` (Debian, Ubuntu)"
        ),
    }
}

/// The file's schema errors, in the order xmllint reports them (none when it validates).
pub fn validate(schema: &Path, file: &Path) -> anyhow::Result<Vec<SchemaError>> {
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--stream")
        .arg("--schema")
        .arg(schema)
        .arg(file)
        .output()
        .context("running xmllint")?;
    match out.status.code() {
        Some(0) => return Ok(vec![]),
        Some(1..=4) => {}
        _ => bail!(
            "xmllint could not check {} against {}: {}",
            file.display(),
            schema.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ),
    }
    let text = String::from_utf8_lossy(&out.stderr);
    Ok(parse(&text, &file.to_string_lossy()))
}

/// Reads xmllint's report: `FILE:LINE: … error : MESSAGE` lines, and any other line but the
/// closing `FILE fails to validate`.
fn parse(text: &str, file: &str) -> Vec<SchemaError> {
    let closing = format!("{file} fails to validate");
    text.lines()
        .filter(|l| !l.trim().is_empty() && l.trim() != closing)
        .map(|l| {
            let rest = l.strip_prefix(file).and_then(|r| r.strip_prefix(':'));
            let (line, message) = match rest.and_then(|r| r.split_once(':')) {
                Some((n, m)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => {
                    (n.parse().ok(), m.trim())
                }
                _ => (None, l.trim()),
            };
            let message = message
                .split_once(" error : ")
                .map_or(message, |(_, m)| m)
                .trim()
                .to_owned();
            SchemaError { line, message }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmllint_reports_are_read_with_their_lines() {
        let text = "f.xml:23: Schemas validity error : Element 'indicator': This element is not expected. Expected is ( title ).\nf.xml:40: element value: Schemas validity error : Element 'value': '1e-10' is not a valid value of the atomic type 'xs:decimal'.\nf.xml fails to validate\n";
        let e = parse(text, "f.xml");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].line, Some(23));
        assert_eq!(
            e[0].message,
            "Element 'indicator': This element is not expected. Expected is ( title )."
        );
        assert_eq!(e[1].line, Some(40));
        assert!(e[1].message.starts_with("Element 'value': '1e-10'"));
    }
}

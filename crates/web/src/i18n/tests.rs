//! The catalogues are complete: every language has every key of every area file, and every key
//! the templates and handlers ask for exists.

use super::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The message ids of a Fluent file (`key = …` at the start of a line; terms start with `-`).
fn keys(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with([' ', '\t', '#', '.', '[', '*', '}']))
        .filter_map(|l| l.split_once('='))
        .map(|(k, _)| k.trim().to_owned())
        .filter(|k| !k.is_empty())
        .collect()
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

#[test]
fn every_language_has_every_key() {
    let mut en_files = vec![];
    files(&crate_dir().join("locales/en"), "ftl", &mut en_files);
    assert!(!en_files.is_empty(), "no English catalogue found");
    let mut missing = vec![];
    for en in &en_files {
        let name = en.file_name().expect("a file name");
        let en_keys = keys(en);
        for lang in ["fr", "ar"] {
            let other = crate_dir().join("locales").join(lang).join(name);
            let other_keys = keys(&other);
            for k in en_keys.difference(&other_keys) {
                missing.push(format!("{lang}/{}: {k}", name.to_string_lossy()));
            }
            for k in other_keys.difference(&en_keys) {
                missing.push(format!(
                    "en/{}: {k} (only in {lang})",
                    name.to_string_lossy()
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing translations:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_key_the_code_asks_for_exists() {
    let mut en_files = vec![];
    files(&crate_dir().join("locales/en"), "ftl", &mut en_files);
    let known: BTreeSet<String> = en_files.iter().flat_map(|f| keys(f)).collect();
    let mut sources = vec![];
    files(&crate_dir().join("templates"), "html", &mut sources);
    files(&crate_dir().join("src"), "rs", &mut sources);
    let calls = ["t(\"", "ta(\"", "tn(\"", "targs(\""];
    let mut unknown = vec![];
    for source in sources {
        let text = std::fs::read_to_string(&source).unwrap_or_default();
        for call in calls {
            for (i, _) in text.match_indices(call) {
                // `.t("…")` only: not `format!("…")` or other functions ending in `t`.
                if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[i + call.len()..];
                let key = rest.split('"').next().unwrap_or_default();
                if !key.is_empty()
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    && !known.contains(key)
                {
                    unknown.push(format!("{}: {key}", source.display()));
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "keys missing from the English catalogue:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn lookups_speak_each_language() {
    assert_eq!(Ui::new(Lang::En).t("app-name"), "Handover");
    assert_eq!(Ui::new(Lang::Ar).dir(), "rtl");
    assert_ne!(
        Ui::new(Lang::Fr).t("sign-in"),
        Ui::new(Lang::En).t("sign-in")
    );
}

//! `handover import iati FILE… --as ORG`: each file is imported on its own, whole or not at all
//! (`handover_store::exchange::iati_import`), with a progress bar on a terminal. Every problem
//! of a file is printed as `FILE:LINE:COLUMN activity: message (original "…")` as it is met,
//! then a summary per file. The exit code is 1 when a file could not be read to its end or had
//! conflicts that stopped it (a dry run too: it says what a real import would meet).

mod validate;

use super::Ctx;
use crate::cli::{Format, ImportCommand, ImportIatiArgs};
use crate::output;
use handover_formats::iati::Problem;
use handover_store::exchange::{self, ImportOptions, ImportReport, Progress};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use std::collections::BTreeMap;
use std::io::{BufReader, IsTerminal as _};
use std::path::Path;
use validate::SchemaError;

pub async fn run(ctx: &Ctx, command: ImportCommand) -> anyhow::Result<()> {
    match command {
        ImportCommand::Iati(args) => iati(ctx, args).await,
    }
}

async fn iati(ctx: &Ctx, a: ImportIatiArgs) -> anyhow::Result<()> {
    if !ctx.acting_as {
        anyhow::bail!(
            "--as: say which organisation will own the imported plans, e.g. `handover import iati FILE --as ORG`"
        );
    }
    let schema = if a.validate {
        validate::require_xmllint()?;
        Some(validate::schema()?)
    } else {
        None
    };
    let mut failed = 0;
    let mut all = Vec::new();
    for file in &a.files {
        let name = file.display().to_string();
        let errors = match &schema {
            Some(s) => Some(validate::validate(s, file)?),
            None => None,
        };
        if let (Format::Text, Some(e)) = (ctx.format, &errors) {
            print_schema(&name, e)?;
        }
        let report = one(ctx, &a, file, &name).await?;
        let options = options(&a, &name);
        let stopped = report.failed.is_some() || report.blocked(&options);
        if stopped {
            failed += 1;
        }
        match ctx.format {
            Format::Text => output::print(&summary(&name, &report, &a))?,
            Format::Json => all.push(as_json(&name, &report, errors.as_deref())),
        }
    }
    if ctx.format == Format::Json {
        output::print_json(&all)?;
    }
    if failed > 0 {
        anyhow::bail!(
            "{failed} of {} file(s) {}",
            a.files.len(),
            if a.dry_run {
                "would not be imported"
            } else {
                "were not imported; nothing of them was written"
            }
        );
    }
    Ok(())
}

fn options(a: &ImportIatiArgs, name: &str) -> ImportOptions {
    ImportOptions {
        dry_run: a.dry_run,
        overwrite: a.overwrite,
        skip_conflicts: a.skip_conflicts,
        ..ImportOptions::new(Some(name.to_owned()))
    }
}

/// Imports one file, printing its problems as they come.
async fn one(
    ctx: &Ctx,
    a: &ImportIatiArgs,
    file: &Path,
    name: &str,
) -> anyhow::Result<ImportReport> {
    let f = std::fs::File::open(file).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let size = f.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::new(size);
        b.set_style(
            ProgressStyle::with_template(
                "{msg} [{bar:30}] {bytes}/{total_bytes} ({binary_bytes_per_sec}, {elapsed})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        b.set_message(name.to_owned());
        b
    } else {
        ProgressBar::hidden()
    };
    let text = ctx.format == Format::Text;
    let progress = |p: Progress<'_>| {
        bar.set_position(p.bytes);
        if text && !p.problems.is_empty() {
            let lines: String = p.problems.iter().map(|x| problem_line(name, x)).collect();
            bar.suspend(|| {
                let _ = output::print(&lines);
            });
        }
    };
    let options = options(a, name);
    let input = BufReader::with_capacity(1 << 18, f);
    let report = exchange::iati_import(&ctx.store, &ctx.actor, input, &options, progress).await;
    bar.finish_and_clear();
    Ok(report?)
}

/// `FILE:LINE:COLUMN activity: message (original "…")`.
fn problem_line(file: &str, p: &Problem) -> String {
    let mut s = format!("{file}:{}:{}", p.line, p.column);
    if let Some(a) = &p.activity {
        s.push(' ');
        s.push_str(a);
    }
    s.push_str(": ");
    s.push_str(&p.message);
    if let Some(o) = &p.original {
        s.push_str(&format!(" (original \"{o}\")"));
    }
    s.push('\n');
    s
}

fn print_schema(name: &str, errors: &[SchemaError]) -> anyhow::Result<()> {
    let mut text = String::new();
    for e in errors {
        match e.line {
            Some(l) => text.push_str(&format!("{name}:{l}: schema: {}\n", e.message)),
            None => text.push_str(&format!("{name}: schema: {}\n", e.message)),
        }
    }
    text.push_str(&if errors.is_empty() {
        format!("{name}: valid against the IATI 2.03 schema\n")
    } else {
        format!("{name}: {} schema error(s)\n", errors.len())
    });
    output::print(&text)
}

/// The file's summary: what was (or would be) done, the notes by kind, and why nothing was
/// written when nothing was.
fn summary(name: &str, r: &ImportReport, a: &ImportIatiArgs) -> String {
    let mut s = String::new();
    for (id, why) in &r.skipped {
        s.push_str(&format!(
            "{name}: skipped {}: {why}\n",
            id.as_deref().unwrap_or("(no identifier)")
        ));
    }
    for c in &r.conflicts {
        s.push_str(&format!("{name}: conflict: {c}\n"));
    }
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, n) in &r.notes {
        *kinds.entry(n.as_str()).or_default() += 1;
    }
    let mut kinds: Vec<_> = kinds.into_iter().collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    for (note, n) in kinds.iter().take(15) {
        s.push_str(&format!(
            "{name}: note ({n} activit{}): {note}\n",
            if *n == 1 { "y" } else { "ies" }
        ));
    }
    if kinds.len() > 15 || r.notes_total > r.notes.len() {
        s.push_str(&format!(
            "{name}: … and more notes ({} in all; --format json lists them)\n",
            r.notes_total
        ));
    }
    let would = if a.dry_run { "would be " } else { "" };
    s.push_str(&format!(
        "{name}: {} activities read: {} {would}created, {} {would}updated, {} unchanged, {} skipped, {} in conflict; {} organisation(s) {would}added; {} problem(s)\n",
        r.activities_read,
        r.created,
        r.updated,
        r.unchanged,
        r.skipped_total,
        r.conflicts.len(),
        r.orgs_added,
        r.problems_total,
    ));
    s.push_str(&format!("{name}: {}\n", outcome(r, a)));
    s
}

fn outcome(r: &ImportReport, a: &ImportIatiArgs) -> String {
    if let Some(e) = &r.failed {
        format!("not imported, nothing was written: {e}")
    } else if !r.conflicts.is_empty() && !a.overwrite && !a.skip_conflicts {
        format!(
            "{}: {} plan(s) were changed in Handover since their last import; --overwrite replaces them with the file's version, --skip-conflicts leaves them as they are and imports the rest",
            if a.dry_run {
                "would not be imported"
            } else {
                "not imported, nothing was written"
            },
            r.conflicts.len()
        )
    } else if a.dry_run {
        "dry run: nothing was written".into()
    } else {
        "imported".into()
    }
}

fn as_json(name: &str, r: &ImportReport, schema: Option<&[SchemaError]>) -> serde_json::Value {
    json!({
        "file": name,
        "written": r.written,
        "failed": r.failed.as_ref().map(ToString::to_string),
        "activities_read": r.activities_read,
        "created": r.created,
        "updated": r.updated,
        "unchanged": r.unchanged,
        "orgs_added": r.orgs_added,
        "skipped": r.skipped.iter().map(|(id, why)| json!({"identifier": id, "reason": why})).collect::<Vec<_>>(),
        "skipped_total": r.skipped_total,
        "conflicts": r.conflicts.iter().map(|c| json!({"identifier": c.identifier, "plan": c.plan, "reason": c.reason})).collect::<Vec<_>>(),
        "problems": r.problems.iter().map(|p| json!({
            "activity": p.activity, "line": p.line, "column": p.column, "message": p.message, "original": p.original,
        })).collect::<Vec<_>>(),
        "problems_total": r.problems_total,
        "notes": r.notes.iter().map(|(id, n)| json!({"identifier": id, "note": n})).collect::<Vec<_>>(),
        "notes_total": r.notes_total,
        "schema_errors": schema.map(|e| e.iter().map(|x| json!({"line": x.line, "message": x.message})).collect::<Vec<_>>()),
    })
}

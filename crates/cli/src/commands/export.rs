//! `handover export iati (--plan P | --all) [--output FILE]`: an IATI 2.03 activity file of one
//! plan or of every plan the actor can see, streamed (`handover_store::exchange::iati_export`)
//! to standard output or to a file. A file is written beside its destination first and moved
//! into place once complete, so a failed export never leaves half a file under the name asked
//! for. What the export could not carry, and plans it refused, are listed on standard error.

use super::Ctx;
use crate::cli::{ExportCommand, ExportIatiArgs};
use handover_store::exchange::{self, ExportReport, ExportScope};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::BTreeMap;
use std::io::{IsTerminal as _, Write};
use std::path::{Path, PathBuf};

pub async fn run(ctx: &Ctx, command: ExportCommand) -> anyhow::Result<()> {
    match command {
        ExportCommand::Iati(args) => iati(ctx, args).await,
    }
}

async fn iati(ctx: &Ctx, a: ExportIatiArgs) -> anyhow::Result<()> {
    let scope = match &a.plan {
        Some(p) => ExportScope::Plan(super::find_plan(ctx, p).await?),
        None => ExportScope::All,
    };
    let bar = if std::io::stderr().is_terminal() && a.all {
        let b = ProgressBar::new(0);
        b.set_style(
            ProgressStyle::with_template("exporting [{bar:30}] {pos}/{len} plans ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let progress = |done: usize, total: usize| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    };
    let report = match &a.output {
        None => {
            let out = std::io::stdout();
            let r = exchange::iati_export(&ctx.store, &ctx.actor, scope, out, progress).await;
            bar.finish_and_clear();
            match r {
                Err(exchange::ExportError::Write(e)) if broken_pipe(&e) => return Ok(()),
                other => other?,
            }
        }
        Some(path) => {
            let partial = partial_path(path);
            let file = std::fs::File::create(&partial).map_err(|e| {
                anyhow::anyhow!("--output: cannot write {}: {e}", partial.display())
            })?;
            let r = exchange::iati_export(&ctx.store, &ctx.actor, scope, file, progress).await;
            bar.finish_and_clear();
            match r {
                Ok(r) => {
                    std::fs::rename(&partial, path).map_err(|e| {
                        anyhow::anyhow!("--output: cannot write {}: {e}", path.display())
                    })?;
                    r
                }
                Err(e) => {
                    let _ = std::fs::remove_file(&partial);
                    return Err(e.into());
                }
            }
        }
    };
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(summary(&report, a.output.as_deref()).as_bytes());
    Ok(())
}

/// `FILE.partial` beside the destination.
fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

/// A reader that went away (`handover export iati --all | head`) is not an error.
fn broken_pipe(e: &handover_formats::iati::WriteError) -> bool {
    matches!(e, handover_formats::iati::WriteError::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// What was written, refused and not carried.
fn summary(r: &ExportReport, output: Option<&Path>) -> String {
    let mut s = String::new();
    for (code, why) in &r.refused {
        s.push_str(&format!("not exported: plan `{code}`: {why}\n"));
    }
    let mut kinds: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (code, note) in &r.notes {
        kinds.entry(note.as_str()).or_default().push(code.as_str());
    }
    let mut kinds: Vec<_> = kinds.into_iter().collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1.len()));
    for (note, codes) in kinds.iter().take(15) {
        let who = if codes.len() == 1 {
            format!("plan `{}`", codes[0])
        } else {
            format!("{} plans", codes.len())
        };
        s.push_str(&format!("note ({who}): {note}\n"));
    }
    if kinds.len() > 15 {
        s.push_str(&format!("… and {} more kinds of notes\n", kinds.len() - 15));
    }
    s.push_str(&format!(
        "Exported {} plan(s) as IATI activities ({}){}{}.\n",
        r.written,
        size(r.bytes),
        output.map_or(String::new(), |p| format!(" to {}", p.display())),
        if r.refused.is_empty() {
            String::new()
        } else {
            format!("; {} plan(s) could not be exported", r.refused.len())
        }
    ));
    s
}

/// A size as people read it.
fn size(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{:.1} kB", bytes as f64 / 1e3)
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

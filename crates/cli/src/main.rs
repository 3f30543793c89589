//! `handover`, the one binary: reads the command line and the configuration, starts logging to
//! standard error, runs the command, and turns any failure into a sentence on standard error
//! (`error: …`) and exit code 1 — never a panic or a raw database error. Usage errors are
//! clap's, with exit code 2.

mod cli;
mod commands;
mod config;
mod demo;
mod output;

use clap::Parser;
use std::io::IsTerminal as _;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let config = match config::Config::load(cli.global.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    if let Err(e) = start_logging(&config) {
        return fail(&e);
    }
    tracing::debug!(?config, "configuration");
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => return fail(&anyhow::anyhow!("cannot start the runtime: {e}")),
    };
    match runtime.block_on(commands::run(cli, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

/// Logs go to standard error, filtered by `RUST_LOG` when set, else by the `log` setting.
fn start_logging(config: &config::Config) -> anyhow::Result<()> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(f) if !f.trim().is_empty() => EnvFilter::try_new(&f)
            .map_err(|e| anyhow::anyhow!("RUST_LOG: `{f}` is not a log filter ({e})"))?,
        _ => EnvFilter::try_new(&config.log)
            .map_err(|e| anyhow::anyhow!("log: `{}` is not a log filter ({e})", config.log))?,
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init()
        .map_err(|e| anyhow::anyhow!("cannot start logging: {e}"))
}

/// Prints the error as a sentence and returns exit code 1.
fn fail(e: &anyhow::Error) -> ExitCode {
    tracing::debug!(error = ?e, "the command failed");
    eprintln!("error: {}", sentence(e));
    ExitCode::FAILURE
}

/// The error and its causes, stopping at a store error: what lies under one is the database's
/// own wording, which goes to the log, not to the user.
fn sentence(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = vec![];
    for cause in e.chain() {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        if cause.downcast_ref::<handover_store::StoreError>().is_some() {
            break;
        }
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context as _;

    #[test]
    fn errors_read_as_sentences_without_database_internals() {
        let e = Err::<(), _>(handover_store::StoreError::NotFound("plan `x`".into()))
            .context("showing the plan")
            .unwrap_err();
        assert_eq!(sentence(&e), "showing the plan: plan `x` was not found");
    }
}

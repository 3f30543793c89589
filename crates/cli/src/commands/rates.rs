//! `handover rates import|list|add`: the deployment's exchange rates, dated, per currency pair
//! and rate type. Every signed-in actor reads them; the operator (and, with `--as ORG`, that
//! organisation's administrator) writes them. An import is all or nothing: every bad row and
//! column is named and nothing is imported; a row for a pair, type and date already there
//! replaces its rate.

use super::Ctx;
use super::costs::{grouped, read_sheet, refused, store_refusal};
use super::org::options_problem;
use crate::cli::{RatesAddArgs, RatesCommand, RatesListArgs};
use crate::output::{self, Table, or_dash};
use handover_core::calendar::format_date;
use handover_formats::rates_file;
use handover_formats::sheet::Limits;
use handover_store::StoreError;
use handover_store::finance::rates::{self, RateFilter, RateInput};
use std::path::Path;

pub async fn run(ctx: &Ctx, command: RatesCommand) -> anyhow::Result<()> {
    match command {
        RatesCommand::Import { file } => import(ctx, &file).await,
        RatesCommand::List(args) => list(ctx, args).await,
        RatesCommand::Add(args) => add(ctx, args).await,
    }
}

async fn import(ctx: &Ctx, file: &Path) -> anyhow::Result<()> {
    let limits = Limits::default();
    let (kind, bytes) = read_sheet(file, &limits)?;
    let parsed = rates_file::read(&bytes, kind, &limits).map_err(|e| refused(file, &e))?;
    let rows: Vec<RateInput> = parsed
        .rows
        .iter()
        .map(|(_, r)| RateInput {
            base: Some(r.base.clone()),
            quote: Some(r.quote.clone()),
            rate_type: Some(r.rate_type),
            date: Some(format_date(r.date)),
            rate: Some(r.rate),
            source: Some(r.source.clone()),
        })
        .collect();
    let done = rates::import(&ctx.store, &ctx.actor, rows)
        .await
        .map_err(|e| store_refusal(file, &parsed, e))?;
    output::emit(ctx.format, &done, || {
        format!(
            "Imported {} rate{} from {}: {} added, {} replaced, {} unchanged.\n",
            parsed.rows.len(),
            if parsed.rows.len() == 1 { "" } else { "s" },
            file.display(),
            done.added,
            done.replaced,
            done.unchanged
        )
    })
}

async fn list(ctx: &Ctx, a: RatesListArgs) -> anyhow::Result<()> {
    if let (Some(f), Some(t)) = (a.from, a.to)
        && t < f
    {
        anyhow::bail!(
            "--to: {} is before --from {}",
            format_date(t),
            format_date(f)
        );
    }
    let filter = RateFilter {
        currency: a.currency,
        rate_type: a.rate_type,
        from: a.from,
        to: a.to,
    };
    let all = rates::list(&ctx.store, &ctx.actor, &filter).await?;
    output::emit(ctx.format, &all, || {
        if all.is_empty() {
            return "No rates match. Add one with `handover rates add` or import a file with `handover rates import`.\n".into();
        }
        let mut t = Table::new(&["DATE", "PAIR", "TYPE", "RATE", "SOURCE"]);
        for r in &all {
            t.row(vec![
                format_date(r.date),
                format!("{}/{}", r.base, r.quote),
                r.rate_type.as_str().into(),
                format!("1 {} = {} {}", r.base, grouped(r.rate.normalize()), r.quote),
                or_dash(r.source.as_deref()),
            ]);
        }
        t.render()
    })
}

/// The option a field of [`RateInput`] comes from.
fn option_of(field: &str) -> String {
    match field {
        "rate_type" | "type" => "--type".into(),
        other => format!("--{other}"),
    }
}

async fn add(ctx: &Ctx, a: RatesAddArgs) -> anyhow::Result<()> {
    let input = RateInput {
        base: Some(a.base.clone()),
        quote: Some(a.quote.clone()),
        rate_type: Some(a.rate_type),
        date: Some(format_date(a.date)),
        rate: Some(a.rate),
        source: Some(a.source.filter(|s| !s.trim().is_empty())),
    };
    let r = match rates::create(&ctx.store, &ctx.actor, input).await {
        Ok(r) => r,
        Err(StoreError::Duplicate { .. }) => anyhow::bail!(
            "there is already a {} rate for {}/{} on {}; to change it, import a file with that row (`handover rates import`), which replaces its rate",
            a.rate_type,
            a.base,
            a.quote,
            format_date(a.date)
        ),
        Err(StoreError::Invalid(e)) => return Err(options_problem(&e, option_of)),
        Err(e) => return Err(e.into()),
    };
    output::emit(ctx.format, &r, || {
        format!(
            "Added the {} rate 1 {} = {} {} from {}{}.\n",
            r.rate_type,
            r.base,
            grouped(r.rate.normalize()),
            r.quote,
            format_date(r.date),
            r.source
                .as_deref()
                .map(|s| format!(" (source: {s})"))
                .unwrap_or_default()
        )
    })
}

//! `handover template list|show|export|import`: the templates plans are made from. An import
//! is read whole and checked before anything is stored: a refused file names its file, line
//! and field, and leaves the database as it was.

use super::Ctx;
use crate::cli::TemplateCommand;
use crate::output::{self, Table};
use anyhow::Context as _;
use handover_core::plan::LeadKind;
use handover_core::template::Template;
use handover_core::text::Lang;
use handover_formats::template::{parse_toml, to_toml};
use handover_store::{StoreError, templates};
use std::path::Path;

pub async fn run(ctx: &Ctx, command: TemplateCommand) -> anyhow::Result<()> {
    match command {
        TemplateCommand::List => list(ctx).await,
        TemplateCommand::Show { template } => show(ctx, &template).await,
        TemplateCommand::Export { template, output } => {
            export(ctx, &template, output.as_deref()).await
        }
        TemplateCommand::Import { file } => import(ctx, &file).await,
        TemplateCommand::Schema => output::print(&handover_formats::template::json_schema()),
    }
}

async fn get(ctx: &Ctx, code: &str) -> anyhow::Result<(templates::TemplateInfo, Template)> {
    match templates::get(&ctx.store, &ctx.actor, code).await {
        Ok(t) => Ok(t),
        Err(StoreError::NotFound(_)) => {
            anyhow::bail!("there is no template `{code}`; see `handover template list`")
        }
        Err(e) => Err(e.into()),
    }
}

async fn list(ctx: &Ctx) -> anyhow::Result<()> {
    let all = templates::list(&ctx.store, &ctx.actor).await?;
    output::emit(ctx.format, &all, || {
        let mut t = Table::new(&["CODE", "KIND", "OWNER", "VERSION", "NAME"]);
        for i in &all {
            t.row(vec![
                i.code.clone(),
                i.kind.clone(),
                if i.builtin {
                    "built-in".into()
                } else if i.organisation_id.is_some() {
                    "organisation".into()
                } else {
                    "deployment".into()
                },
                i.version.to_string(),
                i.name.best(Lang::En).to_owned(),
            ]);
        }
        t.render()
    })
}

async fn show(ctx: &Ctx, code: &str) -> anyhow::Result<()> {
    let (info, t) = get(ctx, code).await?;
    output::emit(ctx.format, &t, || {
        let mut s = format!(
            "Template `{}` — {}\n  kind: {}\n  quarters: {}\n  languages: {}\n  version: {}{}\n",
            t.code,
            t.name.best(Lang::En),
            t.kind.as_str(),
            t.quarters,
            t.languages
                .iter()
                .map(|l| l.code())
                .collect::<Vec<_>>()
                .join(", "),
            info.version,
            if info.builtin { " (built-in)" } else { "" },
        );
        if !t.description.is_empty() {
            s.push_str(&format!("\n{}\n", t.description.best(Lang::En)));
        }
        if !t.needs.is_empty() {
            s.push_str("\nNeeds:\n");
            for n in &t.needs {
                s.push_str(&format!("  [{}] {}\n", n.key, n.text.best(Lang::En)));
            }
        }
        for m in &t.milestones {
            s.push_str(&format!(
                "\nMilestone {} — {}\n",
                m.number,
                m.title.best(Lang::En)
            ));
            for a in &m.activities {
                let key = a
                    .key
                    .as_ref()
                    .map(|k| format!(" [{k}]"))
                    .unwrap_or_default();
                let quarters = if a.start_quarter == a.end_quarter {
                    format!("Q{}", a.start_quarter)
                } else {
                    format!("Q{}–Q{}", a.start_quarter, a.end_quarter)
                };
                let lead = match a.lead {
                    LeadKind::LocalAuthority => "led by the local authority",
                    LeadKind::Partner => "led by the partner",
                    LeadKind::Joint => "led jointly",
                };
                s.push_str(&format!(
                    "  Activity {}{key} — {}\n    {quarters}, {lead}, {} output{}{}\n",
                    a.number,
                    a.title.best(Lang::En),
                    a.outputs.len(),
                    if a.outputs.len() == 1 { "" } else { "s" },
                    if a.repeatable { ", repeatable" } else { "" },
                ));
            }
        }
        if t.milestones.is_empty() {
            s.push_str("\nNo milestones: plans made from it are built by hand.\n");
        }
        s
    })
}

async fn export(ctx: &Ctx, code: &str, file: Option<&Path>) -> anyhow::Result<()> {
    let (_, t) = get(ctx, code).await?;
    let text = to_toml(&t);
    match file {
        None => output::print(&text),
        Some(path) => {
            std::fs::write(path, text)
                .with_context(|| format!("--output: cannot write {}", path.display()))?;
            output::print(&format!(
                "Wrote template `{}` to {}.\nEdit it, give it a new code, and read it back with `handover template import {}`.\n",
                t.code,
                path.display(),
                path.display()
            ))
        }
    }
}

async fn import(ctx: &Ctx, file: &Path) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read the template file {}", file.display()))?;
    let t = parse_toml(&file.display().to_string(), &text).map_err(|e| {
        anyhow::anyhow!("{e}\nNothing was stored; correct the file and import it again.")
    })?;
    let info = match templates::import(&ctx.store, &ctx.actor, &t).await {
        Ok(i) => i,
        Err(StoreError::Invalid(e)) => {
            anyhow::bail!("{} was refused: {e}\nNothing was stored.", file.display())
        }
        Err(e) => return Err(e.into()),
    };
    output::emit(ctx.format, &info, || {
        format!(
            "Imported template `{}` — {} (version {}{}).\nMake a plan from it with `handover plan new --template {}`.\n",
            info.code,
            info.name.best(Lang::En),
            info.version,
            if info.organisation_id.is_some() {
                ", visible to your organisation only"
            } else {
                ", for the whole deployment"
            },
            info.code
        )
    })
}

//! `handover org add|list|flag-ministry`: the organisation directory shared by the deployment.

use super::Ctx;
use crate::cli::{OrgAddArgs, OrgCommand};
use crate::output::{self, Table, or_dash};
use handover_core::Invalid;
use handover_core::org::{NewOrganisation, Organisation};
use handover_store::{StoreError, orgs};

pub async fn run(ctx: &Ctx, command: OrgCommand) -> anyhow::Result<()> {
    match command {
        OrgCommand::Add(args) => add(ctx, args).await,
        OrgCommand::List => list(ctx).await,
        OrgCommand::FlagMinistry { org, off } => flag_ministry(ctx, &org, !off).await,
    }
}

/// The option a field of [`NewOrganisation`] comes from.
fn option_of(field: &str) -> String {
    match field {
        "type" => "--type".into(),
        "iati_id" => "--iati-id".into(),
        other => format!("--{other}"),
    }
}

/// Field errors as sentences naming the options.
pub fn options_problem(e: &Invalid, option: impl Fn(&str) -> String) -> anyhow::Error {
    let lines: Vec<String> =
        e.0.iter()
            .map(|p| format!("{}: {}", option(&p.field), p.message))
            .collect();
    anyhow::anyhow!("{}", lines.join("; "))
}

async fn add(ctx: &Ctx, a: OrgAddArgs) -> anyhow::Result<()> {
    let new = NewOrganisation::parse(
        &a.code,
        &a.name,
        &a.org_type,
        a.region.as_deref(),
        a.union_code.as_deref(),
        a.iati_id.as_deref(),
    )
    .map_err(|e| options_problem(&e, option_of))?;
    let org = match orgs::add(&ctx.store, &ctx.actor, new).await {
        Ok(o) => o,
        Err(StoreError::Invalid(e)) => return Err(options_problem(&e, option_of)),
        Err(StoreError::NotFound(what)) => {
            anyhow::bail!("--union: {what} is not in the directory; add the union first")
        }
        Err(e) => return Err(e.into()),
    };
    output::emit(ctx.format, &org, || {
        format!(
            "Added organisation `{}`: {} ({}{}).\n",
            org.code,
            org.name,
            org.org_type.as_str(),
            org.region
                .as_deref()
                .map(|r| format!(", {r}"))
                .unwrap_or_default()
        )
    })
}

async fn list(ctx: &Ctx) -> anyhow::Result<()> {
    let all = orgs::list(&ctx.store, &ctx.actor).await?;
    output::emit(ctx.format, &all, || {
        if all.is_empty() {
            return "The directory is empty. Add an organisation with `handover org add`.\n".into();
        }
        let mut t = Table::new(&[
            "CODE", "NAME", "TYPE", "REGION", "UNION", "IATI ID", "MINISTRY",
        ]);
        for o in &all {
            t.row(vec![
                o.code.to_string(),
                o.name.clone(),
                o.org_type.as_str().into(),
                or_dash(o.region.as_deref()),
                or_dash(union_code(&all, o).as_deref()),
                or_dash(o.iati_id.as_deref()),
                if o.ministry { "yes" } else { "-" }.into(),
            ]);
        }
        t.render()
    })
}

fn union_code(all: &[Organisation], o: &Organisation) -> Option<String> {
    let id = o.union_id?;
    all.iter().find(|u| u.id == id).map(|u| u.code.to_string())
}

async fn flag_ministry(ctx: &Ctx, org: &str, on: bool) -> anyhow::Result<()> {
    super::find_org(ctx, "ORG", org).await?;
    let after = orgs::flag_ministry(&ctx.store, &ctx.actor, org, on).await?;
    output::emit(ctx.format, &after, || {
        if on {
            format!(
                "`{}` ({}) is flagged as a ministry: its users read every plan.\n",
                after.code, after.name
            )
        } else {
            format!(
                "`{}` ({}) is no longer flagged as a ministry.\n",
                after.code, after.name
            )
        }
    })
}

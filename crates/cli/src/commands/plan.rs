//! `handover plan new|list|show`: a plan is made by copying a template
//! (`handover_core::template::instantiate`) and stored whole in one audited write; bad input
//! is refused with a sentence naming the option, and nothing is written.

use super::Ctx;
use super::org::options_problem;
use super::plan_show;
use crate::cli::{PlanCommand, PlanKindArg, PlanNewArgs};
use crate::output::{self, Table};
use handover_core::ids::Code;
use handover_core::plan::PlanKind;
use handover_core::template::{NewPlan, instantiate};
use handover_core::text::{Lang, Text};
use handover_store::{StoreError, plans, templates};

pub async fn run(ctx: &Ctx, command: PlanCommand) -> anyhow::Result<()> {
    match command {
        PlanCommand::New(args) => new(ctx, args).await,
        PlanCommand::List => list(ctx).await,
        PlanCommand::Show { plan } => {
            let id = super::find_plan(ctx, &plan).await?;
            let tree = plans::load(&ctx.store, &ctx.actor, id).await?;
            output::emit(ctx.format, &tree, || plan_show::render(&tree))
        }
    }
}

/// The option a field of [`NewPlan`] comes from.
fn option_of(field: &str) -> String {
    match field {
        "partners" => "--partner".into(),
        "owner" => "--local-authority".into(),
        f if f.starts_with("template") => format!("--template ({f})"),
        other => format!("--{other}"),
    }
}

async fn new(ctx: &Ctx, a: PlanNewArgs) -> anyhow::Result<()> {
    let (option, template_code) = match (&a.template, a.kind) {
        (Some(t), _) => ("--template", t.as_str()),
        (None, Some(PlanKindArg::Generic)) => ("--kind", "generic"),
        (None, _) => ("--template", "rto-transition"),
    };
    let template = match templates::get(&ctx.store, &ctx.actor, template_code).await {
        Ok((_, t)) => t,
        Err(StoreError::NotFound(_)) => anyhow::bail!(
            "{option}: there is no template `{template_code}`; see `handover template list`"
        ),
        Err(e) => return Err(e.into()),
    };
    let owner = super::find_org(ctx, "--local-authority", &a.local_authority).await?;
    if template.kind == PlanKind::RtoTransition && !owner.org_type.is_local_authority() {
        anyhow::bail!(
            "--local-authority: `{}` is a {}, not a municipality or a union of municipalities; an RTO plan is owned by its local authority",
            owner.code,
            owner.org_type.as_str()
        );
    }
    let mut partners = Vec::with_capacity(a.partners.len());
    for p in &a.partners {
        partners.push(super::find_org(ctx, "--partner", p).await?);
    }
    let lang = a
        .languages
        .first()
        .or(template.languages.first())
        .copied()
        .unwrap_or(Lang::En);
    let code = a.code.unwrap_or_else(|| Code::slugify(&a.name));
    let tree = instantiate(
        &template,
        NewPlan {
            code: code.clone(),
            name: Text::default().with(lang, a.name.trim()),
            owner,
            partners,
            start: a.start,
            currency: a.currency,
            languages: a.languages,
        },
    )
    .map_err(|e| options_problem(&e, option_of))?;
    match plans::create(&ctx.store, &ctx.actor, &tree).await {
        Ok(()) => {}
        Err(StoreError::Duplicate { .. }) => anyhow::bail!(
            "--code: a plan with the code `{code}` already exists; choose another with --code"
        ),
        Err(StoreError::Invalid(e)) => return Err(options_problem(&e, option_of)),
        Err(e) => return Err(e.into()),
    }
    let p = &tree.plan;
    output::emit(ctx.format, p, || {
        let (first, last) = (tree.periods.first(), tree.periods.last());
        format!(
            "Created plan `{}` — {}: {} milestones, {} activities, {} quarters{}.\nShow it with `handover plan show {}`.\n",
            p.code,
            p.name.best(lang),
            tree.milestones.len(),
            tree.activities.len(),
            p.quarters,
            match (first, last) {
                (Some(f), Some(l)) => format!(" ({})", output::date_range(f.start, l.end)),
                _ => String::new(),
            },
            p.code
        )
    })
}

async fn list(ctx: &Ctx) -> anyhow::Result<()> {
    let all = plans::list(&ctx.store, &ctx.actor).await?;
    output::emit(ctx.format, &all, || {
        if all.is_empty() {
            return "No plans yet. Make one with `handover plan new`, or load the fictional demo with `handover demo`.\n".into();
        }
        let mut t = Table::new(&[
            "CODE",
            "NAME",
            "OWNER",
            "PARTNERS",
            "STATUS",
            "START",
            "COMPLETED",
        ]);
        for p in &all {
            t.row(vec![
                p.code.clone(),
                p.name.best(Lang::En).to_owned(),
                p.owner.clone(),
                if p.partners.is_empty() {
                    "-".into()
                } else {
                    p.partners.join("; ")
                },
                p.status.replace('_', " "),
                p.start.clone(),
                format!("{}/{}", p.activities_completed, p.activities),
            ]);
        }
        t.render()
    })
}

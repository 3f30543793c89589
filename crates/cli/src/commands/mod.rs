//! Running a command: open the database (which migrates it), install the built-in templates,
//! work out who acts (the local operator, or with `--as ORG` that organisation's
//! administrator, SPEC §14), then hand over to the command's module. Commands that need no
//! database (`config`, `template schema`) never open one.

mod audit;
mod budget;
mod config;
mod costs;
mod demo;
mod init;
mod member;
mod org;
mod plan;
mod plan_show;
mod rates;
mod serve;
mod template;
mod token;
mod user;

use crate::cli::{Cli, Command, Format, TemplateCommand};
use crate::config::Config;
use anyhow::Context as _;
use handover_core::actor::{Actor, Role};
use handover_store::{Store, StoreError, orgs, templates};

/// What every command that touches the database works with.
#[derive(Debug)]
pub struct Ctx {
    pub store: Store,
    pub actor: Actor,
    pub format: Format,
    pub config: Config,
    /// Whether `--as` was given.
    pub acting_as: bool,
}

/// Runs one command to its end.
pub async fn run(cli: Cli, mut config: Config) -> anyhow::Result<()> {
    let format = cli.global.format;
    // The command line overrides the configuration.
    if let Some(url) = &cli.global.database {
        config.database_url.clone_from(url);
    }
    match cli.command {
        Command::Config { command } => return config::run(command, &config),
        Command::Template {
            command: TemplateCommand::Schema,
        } => return crate::output::print(&handover_formats::template::json_schema()),
        _ => {}
    }
    let url = config.database_url.clone();
    let created = init::sqlite_file_missing(&url);
    let store = Store::connect(&url).await?;
    tracing::debug!(database = %store.url(), "connected");
    templates::sync_builtin(&store, &handover_formats::template::builtin())
        .await
        .context("installing the built-in templates")?;
    let actor = match &cli.global.as_org {
        Some(org) => acting_as(&store, org).await?,
        None => operator(),
    };
    let ctx = Ctx {
        store,
        actor,
        format,
        config,
        acting_as: cli.global.as_org.is_some(),
    };
    let result = match cli.command {
        Command::Init => init::run(&ctx, created).await,
        Command::Org { command } => org::run(&ctx, command).await,
        Command::User { command } => user::run(&ctx, command).await,
        Command::Member { command } => member::run(&ctx, command).await,
        Command::Token { command } => token::run(&ctx, command).await,
        Command::Template { command } => template::run(&ctx, command).await,
        Command::Plan { command } => plan::run(&ctx, command).await,
        Command::Rates { command } => rates::run(&ctx, command).await,
        Command::Costs { command } => costs::run(&ctx, command).await,
        Command::Budget { command } => budget::run(&ctx, command).await,
        Command::Audit { command } => audit::run(&ctx, command).await,
        Command::Demo => demo::run(&ctx).await,
        Command::Serve(args) => serve::run(&ctx, args).await,
        Command::Config { .. } => Ok(()),
    };
    ctx.store.close().await;
    result
}

/// The name of the system user running the command line.
pub fn system_user() -> String {
    ["USER", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "unknown".into())
}

/// The local operator, who administers the deployment.
pub fn operator() -> Actor {
    Actor::operator(system_user())
}

/// The operator acting within an organisation's scope as its administrator (`--as ORG`).
async fn acting_as(store: &Store, org: &str) -> anyhow::Result<Actor> {
    let found = match orgs::find(store, &operator(), org).await {
        Ok(o) => o,
        Err(StoreError::NotFound(_)) => anyhow::bail!(
            "--as: there is no organisation `{org}` in the directory; see `handover org list`"
        ),
        Err(e) => return Err(e.into()),
    };
    Ok(Actor::Member {
        label: operator().label(),
        org: found.id,
        role: Role::Administrator,
    })
}

/// Finds an organisation for an option, naming the option when it is unknown.
pub async fn find_org(
    ctx: &Ctx,
    option: &str,
    code_or_id: &str,
) -> anyhow::Result<handover_core::org::Organisation> {
    match orgs::find(&ctx.store, &ctx.actor, code_or_id).await {
        Ok(o) => Ok(o),
        Err(StoreError::NotFound(_)) => anyhow::bail!(
            "{option}: there is no organisation `{code_or_id}` in the directory; add it with `handover org add` or see `handover org list`"
        ),
        Err(e) => Err(e.into()),
    }
}

/// Finds a plan for a command, with a hint when it is unknown or outside the actor's scope.
pub async fn find_plan(ctx: &Ctx, code_or_id: &str) -> anyhow::Result<handover_core::ids::PlanId> {
    match handover_store::plans::find(&ctx.store, &ctx.actor, code_or_id).await {
        Ok(id) => Ok(id),
        Err(StoreError::NotFound(_)) => anyhow::bail!(
            "there is no plan `{code_or_id}`{}; see `handover plan list`",
            if ctx.acting_as {
                " that this organisation can see"
            } else {
                ""
            }
        ),
        Err(e) => Err(e.into()),
    }
}

//! `handover member add|remove`: a user's role in an organisation. The operator manages every
//! organisation; with `--as ORG`, only that one.

use super::Ctx;
use crate::cli::MemberCommand;
use crate::output;
use handover_core::actor::Role;
use handover_store::accounts;

pub async fn run(ctx: &Ctx, command: MemberCommand) -> anyhow::Result<()> {
    match command {
        MemberCommand::Add { user, org, role } => add(ctx, &user, &org, role).await,
        MemberCommand::Remove { user, org } => remove(ctx, &user, &org).await,
    }
}

async fn add(ctx: &Ctx, user: &str, org: &str, role: Role) -> anyhow::Result<()> {
    let org = super::find_org(ctx, "--org", org).await?;
    // Any account may be added to an organisation, so it is looked up deployment-wide.
    let found = match accounts::find_user(&ctx.store, &super::operator(), user).await {
        Ok(u) => u,
        Err(handover_store::StoreError::NotFound(_)) => {
            anyhow::bail!("USER: there is no user `{user}`; add them with `handover user add`")
        }
        Err(e) => return Err(e.into()),
    };
    let after =
        accounts::add_membership(&ctx.store, &ctx.actor, &found.id.to_string(), org.id, role)
            .await?;
    output::emit(ctx.format, &after, || {
        format!(
            "{} is now {} of `{}` ({}).\n",
            after.email,
            role.as_str(),
            org.code,
            org.name
        )
    })
}

async fn remove(ctx: &Ctx, user: &str, org: &str) -> anyhow::Result<()> {
    let org = super::find_org(ctx, "--org", org).await?;
    let found = super::user::find_user(ctx, "USER", user).await?;
    if found.role_in(org.id).is_none() {
        anyhow::bail!("{} does not belong to `{}`", found.email, org.code);
    }
    let after =
        accounts::remove_membership(&ctx.store, &ctx.actor, &found.id.to_string(), org.id).await?;
    output::emit(ctx.format, &after, || {
        format!(
            "{} no longer belongs to `{}`; their tokens and sessions for it no longer work.\n",
            after.email, org.code
        )
    })
}

//! `handover token create|list|revoke`: API tokens for scripts. A token belongs to a user and
//! acts for one of their organisations; its secret is printed once at creation and only its
//! SHA-256 is stored. Revoking takes effect at once.

use super::Ctx;
use crate::cli::{Format, TokenCommand};
use crate::output::{self, Table, or_dash};
use anyhow::bail;
use handover_core::actor::Actor;
use handover_store::{accounts, orgs};
use serde::Serialize;

pub async fn run(ctx: &Ctx, command: TokenCommand) -> anyhow::Result<()> {
    match command {
        TokenCommand::Create { user, org, name } => create(ctx, &user, org.as_deref(), &name).await,
        TokenCommand::List { user } => list(ctx, &user).await,
        TokenCommand::Revoke { user, token } => revoke(ctx, &user, &token).await,
    }
}

/// A new token with its secret, as printed by `--format json`.
#[derive(Serialize)]
struct Created<'a> {
    #[serde(flatten)]
    token: &'a accounts::TokenInfo,
    secret: &'a str,
}

async fn create(ctx: &Ctx, user: &str, org: Option<&str>, name: &str) -> anyhow::Result<()> {
    let user = super::user::find_user(ctx, "--user", user).await?;
    let membership = match org {
        Some(o) => match user.membership(o) {
            Some(m) => m,
            None => {
                let own: Vec<&str> = user
                    .memberships
                    .iter()
                    .map(|m| m.organisation_code.as_str())
                    .collect();
                bail!(
                    "--org: {} does not belong to `{o}`; their organisations are: {}",
                    user.email,
                    if own.is_empty() {
                        "none".to_owned()
                    } else {
                        own.join(", ")
                    }
                )
            }
        },
        None => match user.memberships.as_slice() {
            [only] => only,
            [] => bail!(
                "{} belongs to no organisation; add them with `handover member add` first",
                user.email
            ),
            _ => bail!(
                "--org: {} belongs to several organisations; say which one the token acts for",
                user.email
            ),
        },
    };
    if let Actor::Member { org, .. } = &ctx.actor
        && *org != membership.organisation_id
    {
        bail!("--org: with --as ORG, a token acts for that organisation only");
    }
    let (info, secret) = accounts::create_token_as(
        &ctx.store,
        Some(&ctx.actor),
        &user,
        membership.organisation_id,
        name,
    )
    .await?;
    match ctx.format {
        Format::Json => output::print_json(&Created {
            token: &info,
            secret: &secret,
        }),
        Format::Text => output::print(&format!(
            "Created token `{}` (id {}) for {} acting for `{}`.\n\
             Its secret is shown this once; keep it somewhere safe and send it as \
             `Authorization: Bearer <secret>`:\n\n{secret}\n",
            info.name, info.id, user.email, membership.organisation_code
        )),
    }
}

async fn list(ctx: &Ctx, user: &str) -> anyhow::Result<()> {
    let user = super::user::find_user(ctx, "--user", user).await?;
    let tokens = accounts::list_tokens(&ctx.store, user.id).await?;
    let directory = orgs::list(&ctx.store, &ctx.actor).await?;
    output::emit(ctx.format, &tokens, || {
        if tokens.is_empty() {
            return format!(
                "{} has no tokens. Create one with `handover token create`.\n",
                user.email
            );
        }
        let mut t = Table::new(&[
            "ID",
            "NAME",
            "ORGANISATION",
            "CREATED",
            "LAST USED",
            "REVOKED",
        ]);
        for k in &tokens {
            let org = directory
                .iter()
                .find(|o| o.id == k.organisation_id)
                .map_or_else(|| k.organisation_id.to_string(), |o| o.code.to_string());
            t.row(vec![
                k.id.clone(),
                k.name.clone(),
                org,
                k.created_at.clone(),
                or_dash(k.last_used_at.as_deref()),
                or_dash(k.revoked_at.as_deref()),
            ]);
        }
        t.render()
    })
}

async fn revoke(ctx: &Ctx, user: &str, token: &str) -> anyhow::Result<()> {
    let user = super::user::find_user(ctx, "--user", user).await?;
    match accounts::revoke_token(&ctx.store, &ctx.actor, user.id, token).await {
        Ok(()) => {}
        Err(handover_store::StoreError::NotFound(_)) => bail!(
            "TOKEN_ID: {} has no active token `{token}`; see `handover token list --user {}`",
            user.email,
            user.email
        ),
        Err(e) => return Err(e.into()),
    }
    output::print(&format!(
        "Revoked token {token} of {}: it no longer works.\n",
        user.email
    ))
}

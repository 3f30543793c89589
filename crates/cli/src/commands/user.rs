//! `handover user add|list|disable`: user accounts. A password is read from standard input
//! (one line), never from an argument, so it stays out of the shell's history and the process
//! list; it is hashed with Argon2id by the store and never printed or logged.

use super::Ctx;
use crate::cli::{UserAddArgs, UserCommand};
use crate::output::{self, Table};
use anyhow::{Context as _, bail};
use handover_core::account::check_password;
use handover_store::StoreError;
use handover_store::accounts::{self, User};
use std::io::{BufRead as _, IsTerminal as _, Write as _};

pub async fn run(ctx: &Ctx, command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Add(args) => add(ctx, args).await,
        UserCommand::List => list(ctx).await,
        UserCommand::Disable { user, enable } => disable(ctx, &user, !enable).await,
    }
}

/// Reads a password from the first line of standard input (prompting on a terminal).
fn read_password(email: &str) -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let mut err = std::io::stderr().lock();
        write!(
            err,
            "Password for {email} (at least {} characters; what you type is shown): ",
            handover_core::account::MIN_PASSWORD_CHARS
        )?;
        err.flush()?;
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    let password = line
        .strip_suffix('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .unwrap_or(&line)
        .to_owned();
    if password.is_empty() {
        bail!(
            "no password on standard input: type it, or pipe it in, e.g. `printf '%s\\n' \"$PASSWORD\" | handover user add …`"
        );
    }
    if let Err(e) = check_password(&password) {
        bail!("the password on standard input was refused: {e}");
    }
    Ok(password)
}

/// The option a field of a new user comes from.
fn option_of(field: &str) -> String {
    match field {
        "password" => "the password (standard input)".into(),
        other => format!("--{other}"),
    }
}

async fn add(ctx: &Ctx, a: UserAddArgs) -> anyhow::Result<()> {
    let first = match (&a.org, a.role) {
        (Some(org), Some(role)) => Some((super::find_org(ctx, "--org", org).await?.id, role)),
        _ => None,
    };
    let password = read_password(&a.email)?;
    let user = match accounts::add_user(&ctx.store, &ctx.actor, &a.email, &a.name, &password, first)
        .await
    {
        Ok(u) => u,
        Err(StoreError::Invalid(e)) => return Err(super::org::options_problem(&e, option_of)),
        Err(StoreError::Duplicate { .. }) => {
            bail!(
                "--email: there is already a user with the e-mail address {}; see `handover user list`",
                a.email.trim().to_lowercase()
            )
        }
        Err(StoreError::Forbidden(_)) => bail!(
            "with --as ORG, a user is added into that organisation: give --org ORG --role ROLE"
        ),
        Err(e) => return Err(e.into()),
    };
    output::emit(ctx.format, &user, || {
        format!(
            "Added user {} ({}){}.\n",
            user.email,
            user.name,
            match user.memberships.first() {
                Some(m) => format!(", {} of `{}`", m.role.as_str(), m.organisation_code),
                None => ", who belongs to no organisation yet (see `handover member add`)".into(),
            }
        )
    })
}

/// A user's memberships as `code (role)`, comma-separated.
fn memberships(u: &User) -> String {
    if u.memberships.is_empty() {
        return "-".into();
    }
    u.memberships
        .iter()
        .map(|m| format!("{} ({})", m.organisation_code, m.role.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

async fn list(ctx: &Ctx) -> anyhow::Result<()> {
    let all = accounts::list_users(&ctx.store, &ctx.actor).await?;
    output::emit(ctx.format, &all, || {
        if all.is_empty() {
            return "There are no users. Add one with `handover user add`.\n".into();
        }
        let mut t = Table::new(&["EMAIL", "NAME", "DISABLED", "ORGANISATIONS"]);
        for u in &all {
            t.row(vec![
                u.email.clone(),
                u.name.clone(),
                if u.disabled { "yes" } else { "-" }.into(),
                memberships(u),
            ]);
        }
        t.render()
    })
}

/// Finds a user for a command, with a hint when unknown.
pub async fn find_user(ctx: &Ctx, option: &str, user: &str) -> anyhow::Result<User> {
    match accounts::find_user(&ctx.store, &ctx.actor, user).await {
        Ok(u) => Ok(u),
        Err(StoreError::NotFound(_)) => bail!(
            "{option}: there is no user `{user}`{}; see `handover user list`",
            if ctx.acting_as {
                " in this organisation"
            } else {
                ""
            }
        ),
        Err(e) => Err(e.into()),
    }
}

async fn disable(ctx: &Ctx, user: &str, disabled: bool) -> anyhow::Result<()> {
    find_user(ctx, "USER", user).await?;
    let after = accounts::set_disabled(&ctx.store, &ctx.actor, user, disabled, None).await?;
    output::emit(ctx.format, &after, || {
        if disabled {
            format!(
                "Disabled {}: they cannot sign in, and their sessions and tokens no longer work.\n",
                after.email
            )
        } else {
            format!(
                "Enabled {}: they can sign in again (revoked tokens stay revoked).\n",
                after.email
            )
        }
    })
}

//! `handover audit list`: the audit trail, newest first — who changed what and when — for one
//! plan (inside the actor's scope) or, for the operator, the whole deployment.

use super::Ctx;
use crate::cli::{AuditCommand, AuditListArgs};
use crate::output::{self, Table};
use handover_core::audit::AuditEntry;
use handover_core::calendar::format_date;
use handover_store::audit::{self, AuditFilter};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;

pub async fn run(ctx: &Ctx, command: AuditCommand) -> anyhow::Result<()> {
    match command {
        AuditCommand::List(args) => list(ctx, args).await,
    }
}

async fn list(ctx: &Ctx, a: AuditListArgs) -> anyhow::Result<()> {
    if let (Some(s), Some(u)) = (a.since, a.until)
        && u < s
    {
        anyhow::bail!(
            "--until: {} is before --since {}",
            format_date(u),
            format_date(s)
        );
    }
    let plan = match &a.plan {
        Some(p) => Some(super::find_plan(ctx, p).await?),
        None if !ctx.actor.is_operator() => {
            anyhow::bail!("--plan: name a plan; only the operator reads the whole audit trail")
        }
        None => None,
    };
    let filter = AuditFilter {
        plan,
        entity_id: None,
        actor: a.user.clone(),
        since: a.since.map(format_date),
        // Timestamps sort as text, so "before the next day" includes the whole --until day.
        until: a
            .until
            .map(|d| d.next_day().map_or_else(|| "9999".into(), format_date)),
        limit: Some(a.limit),
    };
    let entries = audit::list(&ctx.store, &ctx.actor, &filter).await?;
    output::emit(ctx.format, &entries, || {
        if entries.is_empty() {
            return "No audit entries match.\n".into();
        }
        let mut t = Table::new(&["WHEN (UTC)", "WHO", "ACTION", "RECORD", "WHAT"]);
        for e in &entries {
            t.row(vec![
                e.at.replace_nanosecond(0)
                    .unwrap_or(e.at)
                    .format(&Rfc3339)
                    .unwrap_or_default(),
                e.actor.clone(),
                e.action.as_str().into(),
                e.entity.clone(),
                describe(e),
            ]);
        }
        t.render()
    })
}

/// A few words naming the record an entry is about, from its snapshot.
fn describe(e: &AuditEntry) -> String {
    let Some(v) = e.after.as_ref().or(e.before.as_ref()) else {
        return e.entity_id.clone();
    };
    let text = |t: &Value| -> Option<String> {
        t.get("en")
            .or_else(|| t.as_object().and_then(|o| o.values().next()))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let described = match e.entity.as_str() {
        "activity" => v.get("activity").or(Some(v)).map(|a| {
            let number = match (a.get("number"), a.get("instance")) {
                (Some(n), Some(Value::Number(i))) => format!("{n}.{i}"),
                (Some(n), _) => n.to_string(),
                _ => String::new(),
            };
            let title = a.get("title").and_then(text).unwrap_or_default();
            let status = a.get("status").and_then(Value::as_str).unwrap_or("");
            format!("{number} {title} ({})", status.replace('_', " "))
        }),
        "plan" => v.get("plan").or(Some(v)).and_then(|p| {
            let code = p.get("code").and_then(Value::as_str)?;
            let name = p.get("name").and_then(text).unwrap_or_default();
            Some(format!("{code} {name}"))
        }),
        _ => {
            let code = v.get("code").and_then(Value::as_str);
            let name = v
                .get("name")
                .and_then(|n| n.as_str().map(str::to_owned).or_else(|| text(n)));
            match (code, name) {
                (Some(c), Some(n)) => Some(format!("{c} {n}")),
                (Some(c), None) => Some(c.to_owned()),
                _ => None,
            }
        }
    };
    let mut s = described.unwrap_or_else(|| e.entity_id.clone());
    if s.chars().count() > 70 {
        s = s.chars().take(69).collect::<String>() + "…";
    }
    s
}

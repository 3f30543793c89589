//! `handover init`: creates the database (or brings its schema up to date) and installs the
//! built-in templates — both already done by opening it — then says what it did.

use super::Ctx;
use crate::output;
use handover_store::{Backend, DatabaseUrl, templates};

/// The SQLite file a URL names, when it does not exist yet (so `init` can say it created it).
pub fn sqlite_file_missing(url: &str) -> Option<String> {
    let parsed = DatabaseUrl::parse(url).ok()?;
    if parsed.backend != Backend::Sqlite {
        return None;
    }
    let path = parsed.as_str().strip_prefix("sqlite://")?;
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    (!std::path::Path::new(path).exists()).then(|| path.to_owned())
}

pub async fn run(ctx: &Ctx, created: Option<String>) -> anyhow::Result<()> {
    let mut text = match created {
        Some(path) => format!("Created the database {path} and its tables.\n"),
        None => format!(
            "The database {} is ready: its schema is up to date.\n",
            ctx.store.url()
        ),
    };
    let installed = templates::list(&ctx.store, &ctx.actor).await?;
    text.push_str("Built-in templates installed:\n");
    for t in installed.iter().filter(|t| t.builtin) {
        text.push_str(&format!(
            "  {:<16} {}\n",
            t.code,
            t.name.best(handover_core::text::Lang::En)
        ));
    }
    text.push_str(
        "Next: add organisations with `handover org add`, then a plan with `handover plan new`,\n\
         or load fictional demo data with `handover demo`.\n",
    );
    output::emit(
        ctx.format,
        &serde_json::json!({
            "database": ctx.store.url(),
            "templates": installed.iter().filter(|t| t.builtin).collect::<Vec<_>>(),
        }),
        || text,
    )
}

//! `handover serve`: optionally loads the demo data (`--demo`, or `[serve] demo` in the
//! configuration, only into a database without plans), checks the address is free, prints
//! where Handover is running, then serves until stopped.

use super::Ctx;
use crate::cli::ServeArgs;
use crate::output;
use anyhow::Context as _;
use handover_web::ServeOptions;

pub async fn run(ctx: &Ctx, args: ServeArgs) -> anyhow::Result<()> {
    let listen = args.listen.unwrap_or(ctx.config.listen);
    let demo = args.demo || ctx.config.serve.demo;
    if demo {
        let loaded = crate::demo::load(&ctx.store).await?;
        output::print(&loaded.sentence())?;
    }
    // Say plainly when the address is taken, before announcing anything.
    std::net::TcpListener::bind(listen).with_context(|| {
        format!("cannot listen on {listen}; choose another address with --listen")
    })?;
    output::print(&format!("Handover is running at http://{listen}/\n"))?;
    tracing::info!(%listen, demo, database = %ctx.store.url(), "serving");
    let options = ServeOptions {
        demo,
        auth: ctx.config.auth,
    };
    handover_web::serve(ctx.store.clone(), listen, options)
        .await
        .with_context(|| format!("the web server on {listen} stopped"))
}

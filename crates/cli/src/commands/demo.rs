//! `handover demo`: loads the clearly fictional demo data (crate::demo) as the operator, only
//! into a database that holds no plans; otherwise it says so and changes nothing.

use super::Ctx;
use crate::output;

pub async fn run(ctx: &Ctx) -> anyhow::Result<()> {
    if ctx.acting_as {
        anyhow::bail!("--as: the demo is loaded by the operator; run `handover demo` without --as");
    }
    let loaded = crate::demo::load(&ctx.store).await?;
    output::emit(ctx.format, &loaded, || loaded.sentence())
}

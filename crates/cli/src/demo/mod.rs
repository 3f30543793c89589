//! The demo data: realistic but CLEARLY FICTIONAL organisations in Lebanon's real governorates
//! and four plans at different stages — an RTO plan in progress in Lebanese pounds, one handing
//! over in US dollars, a draft starting next year, and a generic programme. It loads only into
//! a database that holds no plans; each plan is built in memory from its template and stored
//! with one audited bulk write (`plans::create`), by the operator. The two RTO plans under way
//! then get their budgets, with approximate Lebanese exchange rates (`finance`).

mod bekaa_waste;
mod build;
mod by_hand;
mod cedar_valley;
mod coastal_south;
mod finance;
mod olive_north;
mod orgs;
mod users;

pub use users::DEMO_PASSWORD;

use crate::commands::operator;
use anyhow::Context as _;
use handover_core::text::Lang;
use handover_store::{Store, plans, templates};
use serde::Serialize;

/// What `demo` did.
#[derive(Debug, Serialize)]
pub struct Loaded {
    /// Plans the database held before: when any, nothing was loaded.
    pub existing_plans: usize,
    pub organisations_added: usize,
    /// The plans loaded: code, name and status.
    pub plans: Vec<LoadedPlan>,
    /// The demo accounts: e-mail, organisation, role (password [`DEMO_PASSWORD`]).
    pub accounts: Vec<(String, String, String)>,
}

#[derive(Debug, Serialize)]
pub struct LoadedPlan {
    pub code: String,
    pub name: String,
    pub status: String,
    pub currency: String,
}

impl Loaded {
    /// What happened, in a few lines for people.
    pub fn sentence(&self) -> String {
        if self.existing_plans > 0 {
            return format!(
                "The database already holds {} plan{}, so the demo data was not loaded (it only goes into a database without plans). If the demo made it, its accounts (editor@coastal.demo, reporter@coastal.demo, editor@partner.demo, …) sign in with the password `{DEMO_PASSWORD}`.\n",
                self.existing_plans,
                if self.existing_plans == 1 { "" } else { "s" }
            );
        }
        let mut s = format!(
            "Loaded the fictional demo data: {} organisations added, {} plans:\n",
            self.organisations_added,
            self.plans.len()
        );
        for p in &self.plans {
            s.push_str(&format!(
                "  {:<28} {:<13} {}  {}\n",
                p.code, p.status, p.currency, p.name
            ));
        }
        s.push_str(&format!(
            "Demo accounts, all with the password `{DEMO_PASSWORD}` (sign in at /sign-in):\n"
        ));
        for (email, org, role) in &self.accounts {
            s.push_str(&format!("  {email:<24} {role:<14} {org}\n"));
        }
        s.push_str("The two RTO plans in progress have budgets in LBP and USD, with approximate Lebanese exchange rates: see `handover budget show --plan demo-coastal-south-rto`.\n");
        s.push_str("All names and figures are invented. See them with `handover plan list`.\n");
        s
    }
}

/// Loads the demo data unless the database already holds plans.
pub async fn load(store: &Store) -> anyhow::Result<Loaded> {
    let actor = operator();
    let existing = plans::list(store, &actor).await?.len();
    if existing > 0 {
        return Ok(Loaded {
            existing_plans: existing,
            organisations_added: 0,
            plans: vec![],
            accounts: vec![],
        });
    }
    let dir = orgs::ensure(store, &actor).await?;
    let (_, rto) = templates::get(store, &actor, "rto-transition")
        .await
        .context("the demo needs the built-in template rto-transition")?;
    let (_, generic) = templates::get(store, &actor, "generic")
        .await
        .context("the demo needs the built-in template generic")?;
    let next_year = time::OffsetDateTime::now_utc().year() + 1;
    let trees = vec![
        coastal_south::build(&rto, &dir)?,
        olive_north::build(&rto, &dir)?,
        cedar_valley::build(&rto, &dir, next_year)?,
        bekaa_waste::build(&generic, &dir)?,
    ];
    let mut loaded = Loaded {
        existing_plans: 0,
        organisations_added: dir.added,
        plans: vec![],
        accounts: vec![],
    };
    for tree in trees {
        plans::create(store, &actor, &tree)
            .await
            .with_context(|| format!("storing the demo plan {}", tree.plan.code))?;
        tracing::info!(plan = %tree.plan.code, "demo plan loaded");
        loaded.plans.push(LoadedPlan {
            code: tree.plan.code.to_string(),
            name: tree.plan.name.best(Lang::En).to_owned(),
            status: tree.plan.status.as_str().to_owned(),
            currency: tree.plan.currency.to_string(),
        });
    }
    finance::load(store, &actor)
        .await
        .context("loading the demo budgets")?;
    loaded.accounts = users::add(store, &actor, &dir).await?;
    Ok(loaded)
}

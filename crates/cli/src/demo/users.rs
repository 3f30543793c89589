//! Demo accounts, so that a new user can sign in and try every role on the demo plans. They
//! share one published password: the demo is for trying Handover, never for real data.

use super::orgs::Directory;
use handover_core::actor::{Actor, Role};
use handover_store::{Store, accounts};

/// The password of every demo account (printed by `serve --demo` and `demo`).
pub const DEMO_PASSWORD: &str = "handover-demo";

/// (e-mail, name, organisation code, role)
const ACCOUNTS: &[(&str, &str, &str, Role)] = &[
    (
        "editor@coastal.demo",
        "Rania Haddad",
        "union-coastal-south",
        Role::Editor,
    ),
    (
        "reporter@coastal.demo",
        "Karim Saad",
        "union-coastal-south",
        Role::Reporter,
    ),
    (
        "admin@coastal.demo",
        "Maya Khoury",
        "union-coastal-south",
        Role::Administrator,
    ),
    (
        "editor@partner.demo",
        "Claire Martin",
        "dp-fictional-cooperation",
        Role::Editor,
    ),
    (
        "reporter@olive.demo",
        "Fadi Nassar",
        "union-olive-north",
        Role::Reporter,
    ),
    (
        "viewer@ministry.demo",
        "Samir Aoun",
        "ministry-fictional-interior",
        Role::Viewer,
    ),
];

/// Adds the demo accounts; the list of (e-mail, organisation, role) for the summary.
pub async fn add(
    store: &Store,
    actor: &Actor,
    dir: &Directory,
) -> anyhow::Result<Vec<(String, String, String)>> {
    let mut out = vec![];
    for (email, name, org, role) in ACCOUNTS {
        let org = dir.get(org)?;
        accounts::add_user(
            store,
            actor,
            email,
            name,
            DEMO_PASSWORD,
            Some((org.id, *role)),
        )
        .await?;
        out.push((
            (*email).to_owned(),
            org.name.clone(),
            role.as_str().to_owned(),
        ));
    }
    Ok(out)
}

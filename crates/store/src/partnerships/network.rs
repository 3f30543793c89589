//! The RTO network (SPEC §9): its member RTOs, and which partners each works with — the other
//! current members of the partnerships it belongs to, among the partnerships the reader can see.
//! The network is readable by every actor; the operator and the editors and administrators of
//! member RTOs change it.

use super::refs::{OrgRef, opt_date, typed_date};
use super::tx::{Tx, check_version, missing, scope_org, scope_sql, today};
use crate::StoreResult;
use crate::codec::date;
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::{Get, row};
use handover_core::actor::{Actor, Role};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::OrgId;
use serde::{Deserialize, Serialize};
use time::Date;

/// A member RTO of the network.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct NetworkMember {
    /// The organisation.
    pub organisation: OrgRef,
    /// When it joined the network.
    pub joined_on: Option<Date>,
    /// The partners it works with, by name.
    pub partners: Vec<NetworkPartner>,
    /// Its version.
    pub version: i64,
}

/// A partner an RTO works with, and the partnerships they share.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct NetworkPartner {
    /// The partner organisation.
    pub organisation: OrgRef,
    /// The codes of the partnerships they share.
    pub partnerships: Vec<String>,
}

/// Checks that the actor may change the network: the operator, or an editor or administrator
/// of a member RTO.
pub(super) async fn network_write(tx: &mut Tx<'_>, doing: &str) -> StoreResult<()> {
    let refused = || {
        StoreError::Forbidden(format!(
            "{doing} needs an editor or administrator of a member RTO of the network"
        ))
    };
    match tx.actor() {
        Actor::Operator { .. } => Ok(()),
        Actor::Member { org, role, .. } if *role >= Role::Editor => {
            let org = *org;
            let member = tx
                .one(
                    "SELECT organisation_id FROM network_members WHERE organisation_id = $1",
                    row![org.to_string()],
                )
                .await?;
            member.map(|_| ()).ok_or_else(refused)
        }
        _ => Err(refused()),
    }
}

/// The member RTOs, by name, each with its partners.
pub async fn network_members(store: &Store, actor: &Actor) -> StoreResult<Vec<NetworkMember>> {
    let mut tx = Tx::begin(store, actor).await?;
    let rows = tx
        .all(
            "SELECT n.joined_on, n.version, o.id AS o_id, o.code AS o_code, o.name AS o_name FROM network_members n \
             JOIN organisations o ON o.id = n.organisation_id ORDER BY o.name, o.code",
            vec![],
        )
        .await?;
    let mut out = vec![];
    for r in &rows {
        let organisation = OrgRef::from_row(r, "o_")?;
        let partners = partners_in(&mut tx, organisation.id).await?;
        out.push(NetworkMember {
            organisation,
            joined_on: opt_date(r, "joined_on")?,
            partners,
            version: r.int("version")?,
        });
    }
    tx.commit().await?;
    Ok(out)
}

/// The partners an organisation works with, among the partnerships the actor can see.
pub async fn partners_of(
    store: &Store,
    actor: &Actor,
    org: OrgId,
) -> StoreResult<Vec<NetworkPartner>> {
    let mut tx = Tx::begin(store, actor).await?;
    if tx.org(&org.to_string()).await?.is_none() {
        return Err(missing("organisation", org));
    }
    let out = partners_in(&mut tx, org).await?;
    tx.commit().await?;
    Ok(out)
}

async fn partners_in(tx: &mut Tx<'_>, org: OrgId) -> StoreResult<Vec<NetworkPartner>> {
    let actor = tx.actor();
    let sql = format!(
        "SELECT p.code, o.id AS o_id, o.code AS o_code, o.name AS o_name FROM partnerships p \
         JOIN partnership_members mine ON mine.partnership_id = p.id AND mine.organisation_id = $3 \
         AND (mine.left_on IS NULL OR mine.left_on > $2) \
         JOIN partnership_members other ON other.partnership_id = p.id AND other.organisation_id <> $3 \
         AND (other.left_on IS NULL OR other.left_on > $2) \
         JOIN organisations o ON o.id = other.organisation_id WHERE {} ORDER BY o.name, o.code, p.code",
        scope_sql(actor, 1, 2)
    );
    let rows = tx
        .all(&sql, row![scope_org(actor), today(), org.to_string()])
        .await?;
    let mut out: Vec<NetworkPartner> = vec![];
    for r in &rows {
        let o = OrgRef::from_row(r, "o_")?;
        let code = r.text("code")?;
        match out.last_mut() {
            Some(last) if last.organisation.id == o.id => last.partnerships.push(code),
            _ => out.push(NetworkPartner {
                organisation: o,
                partnerships: vec![code],
            }),
        }
    }
    Ok(out)
}

/// Adds an organisation of the directory to the network.
pub async fn add_network_member(
    store: &Store,
    actor: &Actor,
    organisation: &str,
    joined_on: Option<&str>,
) -> StoreResult<NetworkMember> {
    let mut tx = Tx::begin(store, actor).await?;
    network_write(&mut tx, "adding a member RTO").await?;
    let mut p = Problems::default();
    let org = tx.org(organisation).await?;
    if org.is_none() {
        p.push(
            "organisation",
            format!("`{organisation}` is not an organisation of the directory"),
        );
    }
    let joined_on = typed_date(&mut p, "joined_on", joined_on);
    p.into_result()?;
    let Some(org) = org else {
        return Err(missing("organisation", organisation));
    };
    tx.exec(
        "INSERT INTO network_members (organisation_id, joined_on, version) VALUES ($1, $2, 1)",
        row![org.id.to_string(), joined_on.map(date)],
    )
    .await
    .map_err(|e| match e {
        StoreError::Duplicate { .. } => StoreError::Duplicate {
            field: "member RTO".into(),
            value: org.code.clone(),
        },
        other => other,
    })?;
    let m = NetworkMember {
        partners: partners_in(&mut tx, org.id).await?,
        organisation: org,
        joined_on,
        version: 1,
    };
    tx.audit(
        AuditAction::Create,
        "network_member",
        m.organisation.id,
        None::<&()>,
        Some(&m),
    )
    .await?;
    tx.commit().await?;
    Ok(m)
}

/// Removes a member RTO from the network if `expected` is still its version.
pub async fn remove_network_member(
    store: &Store,
    actor: &Actor,
    org: OrgId,
    expected: i64,
) -> StoreResult<()> {
    let mut tx = Tx::begin(store, actor).await?;
    network_write(&mut tx, "removing a member RTO").await?;
    let r = tx
        .one(
            "SELECT version, joined_on FROM network_members WHERE organisation_id = $1",
            row![org.to_string()],
        )
        .await?
        .ok_or_else(|| missing("member RTO", org))?;
    check_version("the member RTO", expected, r.int("version")?)?;
    let before =
        serde_json::json!({ "organisation_id": org, "joined_on": r.opt_text("joined_on")? });
    tx.update_checked(
        "DELETE FROM network_members WHERE organisation_id = $1 AND version = $2",
        row![org.to_string(), expected],
        "the member RTO",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Delete,
        "network_member",
        org,
        Some(&before),
        None::<&()>,
    )
    .await?;
    tx.commit().await
}

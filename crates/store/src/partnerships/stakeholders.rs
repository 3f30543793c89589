//! An organisation's stakeholder register (SPEC §9): organisations of the directory and contact
//! people, with their sector, type, interests for and against, and role, and the history of
//! their involvement in partnerships (consulted stakeholder or active partner). The register is
//! its keeper's alone: for any other organisation it does not exist.

use super::involvement::{InvolvementEntry, load_entries};
use super::refs::{OrgRef, keyed, text};
use super::stakeholder_input::{StakeholderInput, apply};
use super::tx::{Tx, check_version, missing};
use super::{PartnershipId, StakeholderId};
use crate::StoreResult;
use crate::codec::{self, json, now};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::{Get, row};
use handover_core::actor::{Actor, Role};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::OrgId;
use handover_core::partnership::{Involvement, Sector, StakeholderType};
use handover_core::text::Text;
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;

/// A contact person.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct Person {
    /// Their name.
    pub name: String,
    /// Their position.
    pub position: Option<String>,
    /// Their e-mail.
    pub email: Option<String>,
    /// Their phone number.
    pub phone: Option<String>,
}

/// An entry of a stakeholder register.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Stakeholder {
    /// Its id.
    pub id: StakeholderId,
    /// The organisation keeping the register.
    pub keeper_id: OrgId,
    /// The organisation of the directory it is (or a contact person works for).
    pub organisation: Option<OrgRef>,
    /// The contact person, when the entry is a person.
    pub person: Option<Person>,
    /// Its sector.
    pub sector: Sector,
    /// Its type.
    pub stakeholder_type: StakeholderType,
    /// Its interests for the partnership's aims.
    pub interests_for: Text,
    /// Its interests against them.
    pub interests_against: Text,
    /// Its role.
    pub role: Text,
    /// Its involvement in partnerships over time, oldest first.
    pub involvements: Vec<InvolvementEntry>,
    /// Its version.
    pub version: i64,
}

impl Stakeholder {
    /// The name to show: the person's, else the organisation's.
    pub fn display_name(&self) -> &str {
        match (&self.person, &self.organisation) {
            (Some(p), _) => &p.name,
            (None, Some(o)) => &o.name,
            (None, None) => "",
        }
    }

    /// Its latest recorded involvement in a partnership, if any.
    pub fn involvement_in(&self, partnership: PartnershipId) -> Option<Involvement> {
        self.involvements
            .iter()
            .filter(|e| e.partnership_id == Some(partnership))
            .max_by_key(|e| (e.since, e.id))
            .map(|e| e.involvement)
    }
}

/// Checks that the actor may read (or, with `write`, change) `keeper`'s register: the keeper's
/// own members (editors and administrators to write) and the operator; `NotFound` for anyone
/// else.
pub(super) async fn register_access(
    tx: &mut Tx<'_>,
    keeper: OrgId,
    write: bool,
) -> StoreResult<()> {
    let allowed = match tx.actor() {
        Actor::Operator { .. } => true,
        Actor::Member { org, role, .. } if *org == keeper => {
            if write && *role < Role::Editor {
                return Err(StoreError::Forbidden(
                    "changing the stakeholder register needs an editor or administrator".into(),
                ));
            }
            true
        }
        _ => false,
    };
    if !allowed || tx.org(&keeper.to_string()).await?.is_none() {
        return Err(missing("stakeholder register of", keeper));
    }
    Ok(())
}

/// The keeper's register, by name.
pub async fn list_stakeholders(
    store: &Store,
    actor: &Actor,
    keeper: OrgId,
) -> StoreResult<Vec<Stakeholder>> {
    let mut tx = Tx::begin(store, actor).await?;
    register_access(&mut tx, keeper, false).await?;
    let rows = tx
        .all(
            &format!("{SELECT} WHERE s.keeper_id = $1"),
            row![keeper.to_string()],
        )
        .await?;
    let mut out = vec![];
    for r in &rows {
        out.push(from_row(&mut tx, r).await?);
    }
    tx.commit().await?;
    out.sort_by_key(|a| a.display_name().to_lowercase());
    Ok(out)
}

/// One entry of the keeper's register.
pub async fn get_stakeholder(
    store: &Store,
    actor: &Actor,
    keeper: OrgId,
    stakeholder: StakeholderId,
) -> StoreResult<Stakeholder> {
    let mut tx = Tx::begin(store, actor).await?;
    register_access(&mut tx, keeper, false).await?;
    let s = load_one(&mut tx, keeper, stakeholder).await?;
    tx.commit().await?;
    Ok(s)
}

/// Adds an organisation or a contact person to the keeper's register.
pub async fn create_stakeholder(
    store: &Store,
    actor: &Actor,
    keeper: OrgId,
    input: StakeholderInput,
) -> StoreResult<Stakeholder> {
    let mut tx = Tx::begin(store, actor).await?;
    register_access(&mut tx, keeper, true).await?;
    let mut p = Problems::default();
    let base = Stakeholder {
        id: StakeholderId::new(),
        keeper_id: keeper,
        organisation: None,
        person: None,
        sector: Sector::CivilSociety,
        stakeholder_type: StakeholderType::Other,
        interests_for: Text::default(),
        interests_against: Text::default(),
        role: Text::default(),
        involvements: vec![],
        version: 1,
    };
    let s = apply(&mut tx, &base, &input, true, &mut p).await?;
    p.into_result()?;
    if s.person.is_none()
        && let Some(o) = &s.organisation
        && tx
            .one(
                "SELECT id FROM stakeholders WHERE keeper_id = $1 AND organisation_id = $2 AND person_name IS NULL",
                row![keeper.to_string(), o.id.to_string()],
            )
            .await?
            .is_some()
    {
        return Err(StoreError::Duplicate {
            field: "stakeholder organisation".into(),
            value: o.code.clone(),
        });
    }
    let t = now();
    let mut values = columns(&s);
    values.extend(row![s.id.to_string(), keeper.to_string(), t]);
    tx.exec(
        "INSERT INTO stakeholders (organisation_id, person_name, position, email, phone, sector, stakeholder_type, \
         interests_for, interests_against, role, id, keeper_id, created_at, updated_at, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, 1)",
        values,
    )
    .await?;
    tx.audit(
        AuditAction::Create,
        "stakeholder",
        s.id,
        None::<&()>,
        Some(&s),
    )
    .await?;
    tx.commit().await?;
    Ok(s)
}

/// Changes an entry if `expected` is still its version.
pub async fn update_stakeholder(
    store: &Store,
    actor: &Actor,
    keeper: OrgId,
    stakeholder: StakeholderId,
    expected: i64,
    input: StakeholderInput,
) -> StoreResult<Stakeholder> {
    let mut tx = Tx::begin(store, actor).await?;
    register_access(&mut tx, keeper, true).await?;
    let before = load_one(&mut tx, keeper, stakeholder).await?;
    check_version("the stakeholder", expected, before.version)?;
    let mut p = Problems::default();
    let mut after = apply(&mut tx, &before, &input, false, &mut p).await?;
    p.into_result()?;
    if after == before {
        return Ok(before);
    }
    after.version = before.version + 1;
    let mut values = columns(&after);
    values.extend(row![now(), stakeholder.to_string(), expected]);
    tx.update_checked(
        "UPDATE stakeholders SET organisation_id = $1, person_name = $2, position = $3, email = $4, phone = $5, \
         sector = $6, stakeholder_type = $7, interests_for = $8, interests_against = $9, role = $10, updated_at = $11, \
         version = version + 1 WHERE id = $12 AND version = $13",
        values,
        "the stakeholder",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Update,
        "stakeholder",
        stakeholder,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Deletes an entry and its involvement history if `expected` is still its version.
pub async fn delete_stakeholder(
    store: &Store,
    actor: &Actor,
    keeper: OrgId,
    stakeholder: StakeholderId,
    expected: i64,
) -> StoreResult<()> {
    let mut tx = Tx::begin(store, actor).await?;
    register_access(&mut tx, keeper, true).await?;
    let before = load_one(&mut tx, keeper, stakeholder).await?;
    check_version("the stakeholder", expected, before.version)?;
    tx.update_checked(
        "DELETE FROM stakeholders WHERE id = $1 AND version = $2",
        row![stakeholder.to_string(), expected],
        "the stakeholder",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Delete,
        "stakeholder",
        stakeholder,
        Some(&before),
        None::<&()>,
    )
    .await?;
    tx.commit().await
}

fn columns(s: &Stakeholder) -> Vec<crate::rows::Arg> {
    let p = s.person.clone().unwrap_or_default();
    let person = s.person.is_some();
    row![
        s.organisation.as_ref().map(|o| o.id.to_string()),
        person.then(|| p.name.clone()),
        p.position,
        p.email,
        p.phone,
        s.sector.as_str(),
        s.stakeholder_type.as_str(),
        json(&s.interests_for),
        json(&s.interests_against),
        json(&s.role),
    ]
}

const SELECT: &str = "SELECT s.*, o.id AS o_id, o.code AS o_code, o.name AS o_name FROM stakeholders s \
                      LEFT JOIN organisations o ON o.id = s.organisation_id";

/// One entry of the keeper's register, read in the transaction.
pub(super) async fn load_one(
    tx: &mut Tx<'_>,
    keeper: OrgId,
    stakeholder: StakeholderId,
) -> StoreResult<Stakeholder> {
    let r = tx
        .one(
            &format!("{SELECT} WHERE s.id = $1 AND s.keeper_id = $2"),
            row![stakeholder.to_string(), keeper.to_string()],
        )
        .await?
        .ok_or_else(|| missing("stakeholder", stakeholder))?;
    from_row(tx, &r).await
}

async fn from_row(tx: &mut Tx<'_>, r: &AnyRow) -> StoreResult<Stakeholder> {
    let id: StakeholderId = codec::id(&r.text("id")?)?;
    Ok(Stakeholder {
        id,
        keeper_id: codec::id(&r.text("keeper_id")?)?,
        organisation: match r.opt_text("o_id")? {
            Some(_) => Some(OrgRef::from_row(r, "o_")?),
            None => None,
        },
        person: match r.opt_text("person_name")? {
            Some(name) => Some(Person {
                name,
                position: r.opt_text("position")?,
                email: r.opt_text("email")?,
                phone: r.opt_text("phone")?,
            }),
            None => None,
        },
        sector: keyed(r, "sector", Sector::parse)?,
        stakeholder_type: keyed(r, "stakeholder_type", StakeholderType::parse)?,
        interests_for: text(r, "interests_for")?,
        interests_against: text(r, "interests_against")?,
        role: text(r, "role")?,
        involvements: load_entries(tx, id).await?,
        version: r.int("version")?,
    })
}

//! A stakeholder register entry as written: an organisation of the directory, a contact person
//! (who may work for one), or both; the sector and type default from the organisation's type
//! of the directory where it tells them.

use super::stakeholders::{Person, Stakeholder};
use super::tx::Tx;
use crate::StoreResult;
use handover_core::error::Problems;
use handover_core::org::OrgType;
use handover_core::partnership::{GovernmentTier, Sector, StakeholderType};
use handover_core::text::Text;

/// An entry as written; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct StakeholderInput {
    /// The organisation's code or id in the directory; `Some(None)` clears it.
    pub organisation: Option<Option<String>>,
    /// The contact person; `Some(None)` clears it.
    pub person: Option<Option<Person>>,
    /// Its sector (by default from the organisation's type, where that tells it).
    pub sector: Option<Sector>,
    /// Its type (by default from the organisation's type).
    pub stakeholder_type: Option<StakeholderType>,
    /// Its interests for.
    pub interests_for: Option<Text>,
    /// Its interests against.
    pub interests_against: Option<Text>,
    /// Its role.
    pub role: Option<Text>,
}

/// The sector an organisation of the directory belongs to, where its type tells it.
pub fn sector_of(t: OrgType) -> Option<Sector> {
    Some(match t {
        OrgType::Municipality | OrgType::UnionOfMunicipalities => {
            Sector::public(GovernmentTier::Local)
        }
        OrgType::Ministry => Sector::public(GovernmentTier::National),
        OrgType::DevelopmentPartner => Sector::public(GovernmentTier::International),
        OrgType::PrivateCompany | OrgType::BusinessAssociation => Sector::Private,
        OrgType::Ngo
        | OrgType::FaithBased
        | OrgType::CommunityBased
        | OrgType::WorkersOrganisation
        | OrgType::EmployersOrganisation => Sector::CivilSociety,
        OrgType::DevelopmentBank | OrgType::ResearchOrTraining | OrgType::Other => return None,
    })
}

/// `base` with the input applied; `creating` asks for what a new entry needs.
pub(super) async fn apply(
    tx: &mut Tx<'_>,
    base: &Stakeholder,
    input: &StakeholderInput,
    creating: bool,
    p: &mut Problems,
) -> StoreResult<Stakeholder> {
    let mut s = base.clone();
    let mut org_type = None;
    if let Some(o) = &input.organisation {
        s.organisation = None;
        if let Some(code) = o.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            match tx.org(code).await? {
                Some(found) => {
                    let r = tx
                        .one(
                            "SELECT org_type FROM organisations WHERE id = $1",
                            crate::rows::row![found.id.to_string()],
                        )
                        .await?;
                    if let Some(r) = r {
                        use crate::rows::Get;
                        org_type = OrgType::parse(&r.text("org_type")?).ok();
                    }
                    s.organisation = Some(found);
                }
                None => p.push(
                    "organisation",
                    format!("`{code}` is not an organisation of the directory"),
                ),
            }
        }
    }
    if let Some(person) = &input.person {
        s.person = person.as_ref().map(|x| Person {
            name: x.name.trim().to_owned(),
            position: clean(&x.position),
            email: clean(&x.email),
            phone: clean(&x.phone),
        });
        if let Some(x) = &s.person {
            if x.name.is_empty() || x.name.chars().count() > 200 {
                p.push(
                    "person.name",
                    "give the person's name (up to 200 characters)",
                );
            }
            if let Some(e) = &x.email
                && (!e.contains('@') || e.chars().any(char::is_whitespace))
            {
                p.push("person.email", format!("`{e}` is not an e-mail address"));
            }
        }
    }
    if s.person.is_none() && s.organisation.is_none() && p.is_empty() {
        p.push(
            "organisation",
            "name an organisation of the directory, a contact person, or both",
        );
    }
    match (input.sector, org_type.and_then(sector_of)) {
        (Some(x), _) => s.sector = x,
        (None, Some(x)) if creating => s.sector = x,
        (None, None) if creating => p.push("sector", "give the stakeholder's sector"),
        _ => {}
    }
    match (input.stakeholder_type, org_type) {
        (Some(t), _) => s.stakeholder_type = t,
        (None, Some(t)) if creating => s.stakeholder_type = StakeholderType::of_org_type(t),
        (None, None) if creating => p.push("stakeholder_type", "give the stakeholder's type"),
        _ => {}
    }
    s.interests_for = input.interests_for.clone().unwrap_or(s.interests_for);
    s.interests_against = input
        .interests_against
        .clone()
        .unwrap_or(s.interests_against);
    s.role = input.role.clone().unwrap_or(s.role);
    Ok(s)
}

fn clean(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

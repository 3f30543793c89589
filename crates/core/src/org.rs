//! The organisation directory shared by the deployment: local authorities (municipalities and
//! their unions), development partners, ministries and others. An organisation may exist here
//! without users.

use crate::error::{Invalid, Problems};
use crate::ids::{Code, OrgId};
use serde::{Deserialize, Serialize};

/// What kind of body an organisation is (SPEC §9).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrgType {
    Municipality,
    UnionOfMunicipalities,
    Ministry,
    DevelopmentPartner,
    PrivateCompany,
    BusinessAssociation,
    Ngo,
    FaithBased,
    CommunityBased,
    WorkersOrganisation,
    EmployersOrganisation,
    DevelopmentBank,
    ResearchOrTraining,
    Other,
}

impl OrgType {
    pub const ALL: [OrgType; 14] = [
        OrgType::Municipality,
        OrgType::UnionOfMunicipalities,
        OrgType::Ministry,
        OrgType::DevelopmentPartner,
        OrgType::PrivateCompany,
        OrgType::BusinessAssociation,
        OrgType::Ngo,
        OrgType::FaithBased,
        OrgType::CommunityBased,
        OrgType::WorkersOrganisation,
        OrgType::EmployersOrganisation,
        OrgType::DevelopmentBank,
        OrgType::ResearchOrTraining,
        OrgType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgType::Municipality => "municipality",
            OrgType::UnionOfMunicipalities => "union_of_municipalities",
            OrgType::Ministry => "ministry",
            OrgType::DevelopmentPartner => "development_partner",
            OrgType::PrivateCompany => "private_company",
            OrgType::BusinessAssociation => "business_association",
            OrgType::Ngo => "ngo",
            OrgType::FaithBased => "faith_based",
            OrgType::CommunityBased => "community_based",
            OrgType::WorkersOrganisation => "workers_organisation",
            OrgType::EmployersOrganisation => "employers_organisation",
            OrgType::DevelopmentBank => "development_bank",
            OrgType::ResearchOrTraining => "research_or_training",
            OrgType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == s.trim())
            .ok_or_else(|| {
                let all: Vec<_> = Self::ALL.iter().map(|t| t.as_str()).collect();
                format!(
                    "unknown organisation type `{s}`: use one of {}",
                    all.join(", ")
                )
            })
    }

    /// A municipality or a union of municipalities: the owner of an RTO plan.
    pub fn is_local_authority(self) -> bool {
        matches!(self, OrgType::Municipality | OrgType::UnionOfMunicipalities)
    }
}

/// An organisation of the directory.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Organisation {
    pub id: OrgId,
    pub code: Code,
    pub name: String,
    pub org_type: OrgType,
    pub region: Option<String>,
    /// The union of municipalities a municipality belongs to.
    pub union_id: Option<OrgId>,
    /// IATI organisation identifier, e.g. `XM-DAC-41114`.
    pub iati_id: Option<String>,
    /// Set only by the operator: reads every plan.
    pub ministry: bool,
    pub version: i64,
}

/// A new organisation, parsed from what a user typed.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NewOrganisation {
    pub code: Code,
    pub name: String,
    pub org_type: OrgType,
    pub region: Option<String>,
    pub union_code: Option<Code>,
    pub iati_id: Option<String>,
}

impl NewOrganisation {
    /// Parses the raw fields; every problem is reported with its field.
    pub fn parse(
        code: &str,
        name: &str,
        org_type: &str,
        region: Option<&str>,
        union_code: Option<&str>,
        iati_id: Option<&str>,
    ) -> Result<Self, Invalid> {
        let mut p = Problems::default();
        let code = p.take("code", Code::parse(code));
        let name = name.trim();
        if name.is_empty() {
            p.push("name", "the name is empty");
        }
        let org_type = p.take("type", OrgType::parse(org_type));
        let union_code = match union_code {
            Some(u) => p.take("union", Code::parse(u)).map(Some),
            None => Some(None),
        };
        let iati_id = iati_id.map(str::trim).filter(|s| !s.is_empty());
        if let Some(i) = iati_id
            && (i.chars().any(char::is_whitespace) || !i.contains('-'))
        {
            p.push(
                "iati_id",
                format!("`{i}` is not an IATI organisation identifier (e.g. XM-DAC-41114)"),
            );
        }
        if let (Some(t), Some(Some(_))) = (org_type, &union_code)
            && t != OrgType::Municipality
        {
            p.push("union", "only a municipality belongs to a union");
        }
        p.into_result()?;
        Ok(Self {
            code: code.expect("checked"),
            name: name.to_owned(),
            org_type: org_type.expect("checked"),
            region: region
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from),
            union_code: union_code.expect("checked"),
            iati_id: iati_id.map(String::from),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_named() {
        let e =
            NewOrganisation::parse("Bad Code", " ", "bank", None, None, Some("nope")).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["code", "name", "type", "iati_id"]);
        let ok = NewOrganisation::parse(
            "tyre",
            "Municipality of Tyre",
            "municipality",
            Some("South"),
            Some("union-tyre"),
            None,
        );
        assert!(ok.is_ok());
    }
}

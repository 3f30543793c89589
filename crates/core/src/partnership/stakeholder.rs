//! The stakeholder register's vocabulary (SPEC §9; seeds `001_…` and `002_…`): a stakeholder's
//! sector and type, whether it is consulted or collaborates actively as a partner, which way its
//! interests run, and the role a partner plays in convening and driving the partnering process.
//!
//! Seed `002_…` draws the line this register keeps: "Difference between stakeholders (interest –
//! for and against) (public consultation and participation) and partners (active
//! collaboration)".

use crate::org::OrgType;

keyed_enum! {
    /// The tier of government a public body belongs to.
    pub enum GovernmentTier ("tier of government") {
        /// A municipality, a union of municipalities or another local body.
        Local => "local",
        /// A region, province or governorate.
        Regional => "regional",
        /// A national government, its ministries and agencies.
        National => "national",
        /// Intergovernmental bodies: multilateral agencies and international financing
        /// institutions (seed `001_…` lists them beside national and regional development banks).
        International => "international",
    }
}

keyed_enum! {
    /// The sector a stakeholder belongs to: public (by tier of government), private, civil society.
    pub enum Sector ("sector") {
        /// Public sector, local tier of government.
        PublicLocal => "public_local",
        /// Public sector, regional tier of government.
        PublicRegional => "public_regional",
        /// Public sector, national tier of government.
        PublicNational => "public_national",
        /// Public sector, international (multilateral and bilateral agencies, financing
        /// institutions).
        PublicInternational => "public_international",
        /// Private sector: companies, business associations and chambers.
        Private => "private",
        /// Civil society: NGOs, faith-based and community-based organisations, workers' and
        /// employers' organisations, and others.
        CivilSociety => "civil_society",
    }
}

impl Sector {
    /// The public sector at the given tier of government.
    pub fn public(tier: GovernmentTier) -> Sector {
        match tier {
            GovernmentTier::Local => Sector::PublicLocal,
            GovernmentTier::Regional => Sector::PublicRegional,
            GovernmentTier::National => Sector::PublicNational,
            GovernmentTier::International => Sector::PublicInternational,
        }
    }

    /// The tier of government of a public body; `None` for the private sector and civil society.
    pub fn tier(self) -> Option<GovernmentTier> {
        match self {
            Sector::PublicLocal => Some(GovernmentTier::Local),
            Sector::PublicRegional => Some(GovernmentTier::Regional),
            Sector::PublicNational => Some(GovernmentTier::National),
            Sector::PublicInternational => Some(GovernmentTier::International),
            Sector::Private | Sector::CivilSociety => None,
        }
    }

    /// Whether this is the public sector (at any tier).
    pub fn is_public(self) -> bool {
        self.tier().is_some()
    }
}

keyed_enum! {
    /// What kind of body a stakeholder is (SPEC §9, after the audiences of seed `001_…`).
    pub enum StakeholderType ("stakeholder type") {
        /// A municipality or a union of municipalities.
        LocalAuthority => "local_authority",
        /// A ministry or another department of a higher tier of government.
        Ministry => "ministry",
        /// A multilateral or bilateral development agency.
        DevelopmentPartner => "development_partner",
        /// A private company, e.g. one working in infrastructure and service delivery.
        PrivateCompany => "private_company",
        /// A chamber of commerce or another business group (including contractor associations).
        BusinessAssociation => "business_association",
        /// A non-governmental organisation.
        Ngo => "ngo",
        /// A faith-based organisation.
        FaithBased => "faith_based",
        /// A community-based organisation.
        CommunityBased => "community_based",
        /// A workers' organisation (trade union).
        WorkersOrganisation => "workers_organisation",
        /// An employers' organisation.
        EmployersOrganisation => "employers_organisation",
        /// A national or regional development bank or an international financing institution.
        DevelopmentBank => "development_bank",
        /// A research, educational or training institution.
        ResearchOrTraining => "research_or_training",
        /// Anything else (a local development agency, a utility…).
        Other => "other",
    }
}

impl StakeholderType {
    /// The stakeholder type of an organisation of the directory (the same keys, except that
    /// municipalities and their unions are both local authorities).
    pub fn of_org_type(t: OrgType) -> StakeholderType {
        match t {
            OrgType::Municipality | OrgType::UnionOfMunicipalities => Self::LocalAuthority,
            OrgType::Ministry => Self::Ministry,
            OrgType::DevelopmentPartner => Self::DevelopmentPartner,
            OrgType::PrivateCompany => Self::PrivateCompany,
            OrgType::BusinessAssociation => Self::BusinessAssociation,
            OrgType::Ngo => Self::Ngo,
            OrgType::FaithBased => Self::FaithBased,
            OrgType::CommunityBased => Self::CommunityBased,
            OrgType::WorkersOrganisation => Self::WorkersOrganisation,
            OrgType::EmployersOrganisation => Self::EmployersOrganisation,
            OrgType::DevelopmentBank => Self::DevelopmentBank,
            OrgType::ResearchOrTraining => Self::ResearchOrTraining,
            OrgType::Other => Self::Other,
        }
    }
}

keyed_enum! {
    /// Whether a stakeholder is consulted or collaborates actively; the register keeps the
    /// difference and its history.
    pub enum Involvement ("involvement") {
        /// Has interests, for and against; takes part through public consultation and
        /// participation.
        Stakeholder => "stakeholder",
        /// Collaborates actively in the partnership.
        Partner => "partner",
    }
}

keyed_enum! {
    /// Which way a stakeholder's interest runs: for the partnership's aims or against them.
    pub enum Stance ("stance") {
        /// An interest for.
        For => "for",
        /// An interest against.
        Against => "against",
    }
}

keyed_enum! {
    /// A party's role in convening and driving the partnering process: "steering, rowing,
    /// cheering" (seed `002_…`).
    pub enum PartnerRole ("partner role") {
        /// Steering: mandated to convene and drive the partnering process.
        Steering => "steering",
        /// Rowing: does the work of the partnership.
        Rowing => "rowing",
        /// Cheering: supports, champions and lends legitimacy.
        Cheering => "cheering",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_sectors_have_a_tier_and_the_others_none() {
        for tier in GovernmentTier::ALL {
            let s = Sector::public(tier);
            assert_eq!(s.tier(), Some(tier));
            assert!(s.is_public());
        }
        assert_eq!(Sector::Private.tier(), None);
        assert!(!Sector::CivilSociety.is_public());
        assert_eq!(Sector::ALL.iter().filter(|s| s.is_public()).count(), 4);
    }

    #[test]
    fn directory_types_map_onto_stakeholder_types() {
        for t in OrgType::ALL {
            let s = StakeholderType::of_org_type(t);
            if t.is_local_authority() {
                assert_eq!(s, StakeholderType::LocalAuthority);
            } else {
                assert_eq!(s.as_str(), t.as_str(), "the same key for {t:?}");
            }
        }
    }

    #[test]
    fn roles_are_the_seeds_words() {
        let keys: Vec<_> = PartnerRole::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(keys, ["steering", "rowing", "cheering"]);
        assert!(
            Sector::parse("public")
                .unwrap_err()
                .contains("public_local")
        );
    }
}

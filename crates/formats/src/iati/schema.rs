//! The structure of IATI 2.03 activities (from `iati-activities-schema.xsd` and
//! `iati-common.xsd`), for the parts the reader checks: each element's attributes (with
//! their datatype and whether required), its children in schema order with their cardinality,
//! or its text's datatype. Elements in other namespaces are allowed everywhere (`##other`).
//! Parts Handover does not read (contact details, CRS additions, conditions, …) are `Open`:
//! their place in the sequence is checked, not their inside.

/// An XML Schema datatype the reader checks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Ty {
    Str,
    Date,
    DateTime,
    Decimal,
    Bool,
    PosInt,
    NonNegInt,
    Int,
}

/// What an element holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Content {
    /// Only the listed children (and foreign ones); text other than spaces is a problem.
    Elements,
    /// Text of a datatype, no children.
    Text(Ty),
    /// Not checked inside.
    Open,
}

/// An attribute of an element.
#[derive(Debug)]
pub(crate) struct Attr {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
}

/// A child in an element's sequence.
#[derive(Debug)]
pub(crate) struct Kid {
    pub name: &'static str,
    pub k: K,
    pub min: u8,
    pub many: bool,
}

/// An element's rules.
#[derive(Debug)]
pub(crate) struct Spec {
    pub attrs: &'static [Attr],
    pub kids: &'static [Kid],
    pub content: Content,
}

/// The kinds of element the reader knows; the builder acts on them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum K {
    Document,
    Activities,
    Activity,
    Identifier,
    ReportingOrg,
    Narrative,
    Title,
    ActDescription,
    Description,
    TextReq,
    ParticipatingOrg,
    OtherIdentifier,
    ActivityStatus,
    ActivityDate,
    Open,
    CodeOnly,
    CodeVocab,
    Administrative,
    Point,
    Pos,
    RecipientCountry,
    RecipientRegion,
    Location,
    Sector,
    Tag,
    CountryBudgetItems,
    BudgetItem,
    HumanitarianScope,
    PolicyMarker,
    AidType,
    Budget,
    PeriodStart,
    PeriodEnd,
    Value,
    PlannedDisbursement,
    CapitalSpend,
    Transaction,
    IsoDate,
    Fss,
    DocumentLink,
    RelatedActivity,
    LegacyData,
    Conditions,
    Result,
    ResultReference,
    Indicator,
    IndicatorReference,
    Baseline,
    ResultLocation,
    Dimension,
    Comment,
    Period,
    Target,
    Actual,
}

pub(super) const fn r(name: &'static str, ty: Ty) -> Attr {
    Attr {
        name,
        ty,
        required: true,
    }
}
pub(super) const fn o(name: &'static str, ty: Ty) -> Attr {
    Attr {
        name,
        ty,
        required: false,
    }
}
pub(super) const fn one(name: &'static str, k: K) -> Kid {
    Kid {
        name,
        k,
        min: 1,
        many: false,
    }
}
pub(super) const fn opt(name: &'static str, k: K) -> Kid {
    Kid {
        name,
        k,
        min: 0,
        many: false,
    }
}
pub(super) const fn many(name: &'static str, k: K) -> Kid {
    Kid {
        name,
        k,
        min: 0,
        many: true,
    }
}
pub(super) const fn some(name: &'static str, k: K) -> Kid {
    Kid {
        name,
        k,
        min: 1,
        many: true,
    }
}
pub(super) const fn el(attrs: &'static [Attr], kids: &'static [Kid]) -> Spec {
    Spec {
        attrs,
        kids,
        content: Content::Elements,
    }
}
pub(super) const fn text(attrs: &'static [Attr], ty: Ty) -> Spec {
    Spec {
        attrs,
        kids: &[],
        content: Content::Text(ty),
    }
}

use Ty::*;

pub(super) const NARRATIVES: &[Kid] = &[many("narrative", K::Narrative)];
pub(super) const NARRATIVES_1: &[Kid] = &[some("narrative", K::Narrative)];
pub(super) const CODE: &[Attr] = &[r("code", Str)];

/// The rules of an element kind.
pub(crate) fn spec(k: K) -> &'static Spec {
    use super::schema_activity as a;
    use super::schema_results as r;
    match k {
        K::Document => &a::DOCUMENT,
        K::Activities => &a::ACTIVITIES,
        K::Activity => &a::ACTIVITY,
        K::Identifier => &a::IDENTIFIER,
        K::ReportingOrg => &a::REPORTING_ORG,
        K::Narrative => &r::NARRATIVE,
        K::Title | K::Description | K::TextReq | K::Comment => &r::TEXT_REQ,
        K::ActDescription => &a::ACT_DESCRIPTION,
        K::ParticipatingOrg => &a::PARTICIPATING_ORG,
        K::OtherIdentifier => &a::OTHER_IDENTIFIER,
        K::ActivityStatus | K::CodeOnly => &r::CODE_ONLY,
        K::ActivityDate => &a::ACTIVITY_DATE,
        K::Open => &a::OPEN,
        K::CodeVocab => &a::CODE_VOCAB,
        K::Administrative => &a::ADMINISTRATIVE,
        K::Point => &a::POINT,
        K::Pos => &a::POS,
        K::RecipientCountry => &a::RECIPIENT_COUNTRY,
        K::RecipientRegion => &a::RECIPIENT_REGION,
        K::Location => &a::LOCATION,
        K::Sector => &a::SECTOR,
        K::Tag => &a::TAG,
        K::CountryBudgetItems => &a::COUNTRY_BUDGET_ITEMS,
        K::BudgetItem => &a::BUDGET_ITEM,
        K::HumanitarianScope => &a::HUMANITARIAN_SCOPE,
        K::PolicyMarker => &a::POLICY_MARKER,
        K::AidType => &a::AID_TYPE,
        K::Budget => &r::BUDGET,
        K::PeriodStart | K::PeriodEnd | K::IsoDate => &r::ISO_DATE,
        K::Value => &r::VALUE,
        K::PlannedDisbursement => &r::PLANNED_DISBURSEMENT,
        K::CapitalSpend => &a::CAPITAL_SPEND,
        K::Transaction => &a::TRANSACTION,
        K::Fss => &a::FSS,
        K::DocumentLink => &r::DOCUMENT_LINK,
        K::RelatedActivity => &a::RELATED_ACTIVITY,
        K::LegacyData => &a::LEGACY_DATA,
        K::Conditions => &a::CONDITIONS,
        K::Result => &r::RESULT,
        K::ResultReference => &r::RESULT_REFERENCE,
        K::Indicator => &r::INDICATOR,
        K::IndicatorReference => &r::INDICATOR_REFERENCE,
        K::Baseline => &r::BASELINE,
        K::ResultLocation => &r::RESULT_LOCATION,
        K::Dimension => &r::DIMENSION,
        K::Period => &r::PERIOD_SPEC,
        K::Target | K::Actual => &r::TARGET,
    }
}

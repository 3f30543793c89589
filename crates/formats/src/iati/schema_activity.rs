//! The rules of the activity's own elements (identification, organisations, dates,
//! classifications, locations, transactions and the parts Handover does not read).

use super::schema::{Content, K, Kid, Spec, Ty::*, el, many, o, one, opt, r, some, text};
use super::schema::{NARRATIVES, NARRATIVES_1};

static ACTIVITY_KIDS: &[Kid] = &[
    one("iati-identifier", K::Identifier),
    one("reporting-org", K::ReportingOrg),
    one("title", K::Title),
    some("description", K::ActDescription),
    some("participating-org", K::ParticipatingOrg),
    many("other-identifier", K::OtherIdentifier),
    one("activity-status", K::ActivityStatus),
    some("activity-date", K::ActivityDate),
    many("contact-info", K::Open),
    opt("activity-scope", K::CodeOnly),
    many("recipient-country", K::RecipientCountry),
    many("recipient-region", K::RecipientRegion),
    many("location", K::Location),
    many("sector", K::Sector),
    many("tag", K::Tag),
    opt("country-budget-items", K::CountryBudgetItems),
    many("humanitarian-scope", K::HumanitarianScope),
    many("policy-marker", K::PolicyMarker),
    opt("collaboration-type", K::CodeOnly),
    opt("default-flow-type", K::CodeOnly),
    opt("default-finance-type", K::CodeOnly),
    many("default-aid-type", K::AidType),
    opt("default-tied-status", K::CodeOnly),
    many("budget", K::Budget),
    many("planned-disbursement", K::PlannedDisbursement),
    opt("capital-spend", K::CapitalSpend),
    many("transaction", K::Transaction),
    many("document-link", K::DocumentLink),
    many("related-activity", K::RelatedActivity),
    many("legacy-data", K::LegacyData),
    opt("conditions", K::Conditions),
    many("result", K::Result),
    opt("crs-add", K::Open),
    opt("fss", K::Fss),
];

static TRANSACTION_KIDS: &[Kid] = &[
    one("transaction-type", K::CodeOnly),
    one("transaction-date", K::IsoDate),
    one("value", K::Value),
    opt("description", K::TextReq),
    opt("provider-org", K::Open),
    opt("receiver-org", K::Open),
    opt("disbursement-channel", K::CodeOnly),
    many("sector", K::Sector),
    opt("recipient-country", K::RecipientCountry),
    opt("recipient-region", K::RecipientRegion),
    opt("flow-type", K::CodeOnly),
    opt("finance-type", K::CodeOnly),
    many("aid-type", K::AidType),
    opt("tied-status", K::CodeOnly),
];

static LOCATION_KIDS: &[Kid] = &[
    opt("location-reach", K::CodeOnly),
    many("location-id", K::CodeVocab),
    opt("name", K::TextReq),
    opt("description", K::TextReq),
    opt("activity-description", K::TextReq),
    many("administrative", K::Administrative),
    opt("point", K::Point),
    opt("exactness", K::CodeOnly),
    opt("location-class", K::CodeOnly),
    opt("feature-designation", K::CodeOnly),
];

pub(super) static DOCUMENT: Spec = el(&[], &[one("iati-activities", K::Activities)]);

pub(super) static ACTIVITIES: Spec = el(
    &[
        r("version", Str),
        o("generated-datetime", DateTime),
        o("linked-data-default", Str),
    ],
    &[some("iati-activity", K::Activity)],
);

pub(super) static ACTIVITY: Spec = el(
    &[
        o("last-updated-datetime", DateTime),
        o("default-currency", Str),
        o("humanitarian", Bool),
        o("hierarchy", Int),
        o("linked-data-uri", Str),
        o("budget-not-provided", Str),
    ],
    ACTIVITY_KIDS,
);

pub(super) static IDENTIFIER: Spec = text(&[], Str);

pub(super) static REPORTING_ORG: Spec = el(
    &[r("ref", Str), r("type", Str), o("secondary-reporter", Bool)],
    NARRATIVES_1,
);

pub(super) static ACT_DESCRIPTION: Spec = el(&[o("type", Str)], NARRATIVES_1);

pub(super) static PARTICIPATING_ORG: Spec = el(
    &[
        o("ref", Str),
        o("type", Str),
        r("role", Str),
        o("activity-id", Str),
        o("crs-channel-code", Str),
    ],
    NARRATIVES,
);

pub(super) static OTHER_IDENTIFIER: Spec = el(
    &[r("ref", Str), r("type", Str)],
    &[opt("owner-org", K::Open)],
);

pub(super) static ACTIVITY_DATE: Spec = el(&[r("type", Str), r("iso-date", Date)], NARRATIVES);

pub(super) static OPEN: Spec = Spec {
    attrs: &[],
    kids: &[],
    content: Content::Open,
};

pub(super) static CODE_VOCAB: Spec = el(&[r("code", Str), r("vocabulary", Str)], &[]);

pub(super) static ADMINISTRATIVE: Spec = el(
    &[r("code", Str), r("vocabulary", Str), o("level", NonNegInt)],
    &[],
);

pub(super) static POINT: Spec = el(&[r("srsName", Str)], &[one("pos", K::Pos)]);

pub(super) static POS: Spec = text(&[], Str);

pub(super) static RECIPIENT_COUNTRY: Spec =
    el(&[r("code", Str), o("percentage", Decimal)], NARRATIVES);

pub(super) static RECIPIENT_REGION: Spec = el(
    &[
        r("code", Str),
        o("vocabulary", Str),
        o("vocabulary-uri", Str),
        o("percentage", Decimal),
    ],
    NARRATIVES,
);

pub(super) static LOCATION: Spec = el(&[o("ref", Str)], LOCATION_KIDS);

pub(super) static SECTOR: Spec = el(
    &[
        o("vocabulary", Str),
        o("vocabulary-uri", Str),
        r("code", Str),
        o("percentage", Decimal),
    ],
    NARRATIVES,
);

pub(super) static TAG: Spec = el(
    &[
        r("code", Str),
        r("vocabulary", Str),
        o("vocabulary-uri", Str),
    ],
    NARRATIVES,
);

pub(super) static COUNTRY_BUDGET_ITEMS: Spec = el(
    &[r("vocabulary", Str)],
    &[some("budget-item", K::BudgetItem)],
);

pub(super) static BUDGET_ITEM: Spec = el(
    &[r("code", Str), o("percentage", Decimal)],
    &[opt("description", K::TextReq)],
);

pub(super) static HUMANITARIAN_SCOPE: Spec = el(
    &[
        r("type", Str),
        r("vocabulary", Str),
        o("vocabulary-uri", Str),
        r("code", Str),
    ],
    NARRATIVES,
);

pub(super) static POLICY_MARKER: Spec = el(
    &[
        o("vocabulary", Str),
        o("vocabulary-uri", Str),
        r("code", Str),
        o("significance", Str),
    ],
    NARRATIVES,
);

pub(super) static AID_TYPE: Spec = el(&[r("code", Str), o("vocabulary", Str)], &[]);

pub(super) static CAPITAL_SPEND: Spec = el(&[r("percentage", Decimal)], &[]);

pub(super) static TRANSACTION: Spec =
    el(&[o("ref", Str), o("humanitarian", Bool)], TRANSACTION_KIDS);

pub(super) static FSS: Spec = Spec {
    attrs: &[
        r("extraction-date", Date),
        o("priority", Bool),
        o("phaseout-year", Decimal),
    ],
    kids: &[],
    content: Content::Open,
};

pub(super) static RELATED_ACTIVITY: Spec = el(&[r("ref", Str), r("type", Str)], &[]);

pub(super) static LEGACY_DATA: Spec = el(
    &[r("name", Str), r("value", Str), o("iati-equivalent", Str)],
    &[],
);

pub(super) static CONDITIONS: Spec = Spec {
    attrs: &[r("attached", Bool)],
    kids: &[],
    content: Content::Open,
};

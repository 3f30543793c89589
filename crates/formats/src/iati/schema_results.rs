//! The rules of narratives, budgets, document links and results (results, indicators,
//! baselines, periods, targets and actuals).

use super::schema::{CODE, NARRATIVES_1};
use super::schema::{K, Kid, Spec, Ty::*, el, many, o, one, opt, r, some, text};

static DOCUMENT_LINK_KIDS: &[Kid] = &[
    one("title", K::Title),
    opt("description", K::Description),
    some("category", K::CodeOnly),
    many("language", K::CodeOnly),
    opt("document-date", K::IsoDate),
];

static RESULT_KIDS: &[Kid] = &[
    one("title", K::Title),
    opt("description", K::Description),
    many("document-link", K::DocumentLink),
    many("reference", K::ResultReference),
    some("indicator", K::Indicator),
];

static INDICATOR_KIDS: &[Kid] = &[
    one("title", K::Title),
    opt("description", K::Description),
    many("document-link", K::DocumentLink),
    many("reference", K::IndicatorReference),
    many("baseline", K::Baseline),
    many("period", K::Period),
];

static BASELINE_KIDS: &[Kid] = &[
    many("location", K::ResultLocation),
    many("dimension", K::Dimension),
    many("document-link", K::DocumentLink),
    opt("comment", K::Comment),
];

static TARGET_KIDS: &[Kid] = &[
    many("location", K::ResultLocation),
    many("dimension", K::Dimension),
    opt("comment", K::Comment),
    many("document-link", K::DocumentLink),
];

pub(super) static NARRATIVE: Spec = text(&[], Str);

pub(super) static TEXT_REQ: Spec = el(&[], NARRATIVES_1);

pub(super) static CODE_ONLY: Spec = el(CODE, &[]);

pub(super) static BUDGET: Spec = el(
    &[o("type", Str), o("status", Str)],
    &[
        one("period-start", K::PeriodStart),
        one("period-end", K::PeriodEnd),
        one("value", K::Value),
    ],
);

pub(super) static ISO_DATE: Spec = el(&[r("iso-date", Date)], &[]);

pub(super) static VALUE: Spec = text(&[o("currency", Str), r("value-date", Date)], Decimal);

pub(super) static PLANNED_DISBURSEMENT: Spec = el(
    &[o("type", Str)],
    &[
        one("period-start", K::PeriodStart),
        opt("period-end", K::PeriodEnd),
        one("value", K::Value),
        opt("provider-org", K::Open),
        opt("receiver-org", K::Open),
    ],
);

pub(super) static DOCUMENT_LINK: Spec = el(&[r("url", Str), r("format", Str)], DOCUMENT_LINK_KIDS);

pub(super) static RESULT: Spec = el(
    &[r("type", Str), o("aggregation-status", Bool)],
    RESULT_KIDS,
);

pub(super) static RESULT_REFERENCE: Spec = el(
    &[
        r("code", Str),
        r("vocabulary", Str),
        o("vocabulary-uri", Str),
    ],
    &[],
);

pub(super) static INDICATOR: Spec = el(
    &[
        r("measure", Str),
        o("ascending", Bool),
        o("aggregation-status", Bool),
    ],
    INDICATOR_KIDS,
);

pub(super) static INDICATOR_REFERENCE: Spec = el(
    &[
        r("vocabulary", Str),
        r("code", Str),
        o("indicator-uri", Str),
    ],
    &[],
);

pub(super) static BASELINE: Spec = el(
    &[o("iso-date", Date), r("year", PosInt), o("value", Str)],
    BASELINE_KIDS,
);

pub(super) static RESULT_LOCATION: Spec = el(&[o("ref", Str)], &[]);

pub(super) static DIMENSION: Spec = el(&[o("name", Str), o("value", Str)], &[]);

pub(super) static PERIOD_SPEC: Spec = el(
    &[],
    &[
        one("period-start", K::PeriodStart),
        one("period-end", K::PeriodEnd),
        many("target", K::Target),
        many("actual", K::Actual),
    ],
);

pub(super) static TARGET: Spec = el(&[o("value", Str)], TARGET_KIDS);

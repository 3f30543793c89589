//! The value an import makes of an IATI activity: a plan to create (or update), with its
//! results, indicators, values, organisations to match and budgets as they are.

use super::model::{BudgetKind, BudgetStatus, OrgRole, Reference};
use handover_core::calendar::MonthStart;
use handover_core::ids::Code;
use handover_core::indicator::{Baseline, Dimensions, Direction, Measure, Value, ValueKind};
use handover_core::money::Currency;
use handover_core::plan::{PlanStatus, ResultLevel};
use handover_core::text::{Lang, Text};
use rust_decimal::Decimal;
use time::Date;

/// A period as a date range, inclusive.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct DateRange {
    pub start: Date,
    pub end: Date,
}

/// The activity's own dates.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct ImportDates {
    pub planned_start: Option<Date>,
    pub actual_start: Option<Date>,
    pub planned_end: Option<Date>,
    pub actual_end: Option<Date>,
}

/// An organisation named in the activity, for the caller to match by IATI identifier.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ImportOrg {
    pub iati_ref: Option<String>,
    /// The best name (English, else French, Arabic, else the first).
    pub name: String,
    /// OrganisationType code.
    pub org_type: Option<String>,
    /// Its roles in the activity (none for the reporting organisation).
    pub roles: Vec<OrgRole>,
}

/// A target or actual of an indicator in one period.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ImportValue {
    pub period: DateRange,
    pub kind: ValueKind,
    /// `None` when the file gives no readable value (the original text is kept).
    pub value: Option<Value>,
    pub original: Option<String>,
    pub dimensions: Dimensions,
    pub comment: Text,
    /// Document links' addresses.
    pub evidence: Vec<String>,
}

/// An indicator.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ImportIndicator {
    /// The first reference code, else `{result}.{indicator}` (1-based); unique in the plan.
    pub code: String,
    pub title: Text,
    pub description: Text,
    pub measure: Measure,
    pub direction: Direction,
    pub references: Vec<Reference>,
    pub baselines: Vec<Baseline>,
    pub values: Vec<ImportValue>,
    pub evidence: Vec<String>,
}

/// A result of one of the four IATI types.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ImportResult {
    pub level: ResultLevel,
    pub title: Text,
    pub description: Text,
    pub evidence: Vec<String>,
    pub indicators: Vec<ImportIndicator>,
}

/// An IATI budget, kept as it is for now (type and status defaulted to 1 when absent).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ImportBudget {
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub value: Option<Decimal>,
    pub currency: Option<Currency>,
    pub value_date: Option<Date>,
    pub kind: BudgetKind,
    pub status: BudgetStatus,
}

/// An activity to import as a generic plan.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ImportPlan {
    pub identifier: String,
    pub code: Code,
    pub name: Text,
    pub description: Text,
    /// Every language a kept text is in, the activity's own first.
    pub languages: Vec<Lang>,
    pub currency: Option<Currency>,
    pub status: PlanStatus,
    pub dates: ImportDates,
    /// The first day of the month of the earliest start (actual or planned; else of the first
    /// period or budget); `None` when the activity has no date at all.
    pub start: Option<MonthStart>,
    /// Quarters from `start` to the latest end (1–40; 12 when there is no end).
    pub quarters: u16,
    pub periods: Vec<DateRange>,
    pub reporting_org: Option<ImportOrg>,
    pub participants: Vec<ImportOrg>,
    pub results: Vec<ImportResult>,
    pub budgets: Vec<ImportBudget>,
    /// What was not imported as it stands, one line each.
    pub notes: Vec<String>,
}

/// The activity has no identifier and is not imported.
#[derive(Clone, Copy, PartialEq, Eq, Debug, thiserror::Error)]
#[error("the activity has no iati-identifier and is skipped")]
pub struct Skipped;

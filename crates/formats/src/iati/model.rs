//! The parts of an IATI 2.03 activity that Handover reads and writes, as read from a file (the
//! publisher's codes kept, values read leniently) and as written by the export.

use handover_core::indicator::{Measure, Value};
use handover_core::plan::ResultLevel;
use rust_decimal::Decimal;
use std::fmt;
use time::Date;

/// An `xml:lang` code, lower-cased (`EN` → `en`; `ENG`, `FRA`, `ARA` → `en`, `fr`, `ar`),
/// stored inline: at most 15 bytes, longer tags are cut.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LangTag {
    len: u8,
    bytes: [u8; 15],
}

impl LangTag {
    /// A tag from an `xml:lang` value; `None` when it is empty.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let s = match s.len() {
            3 if s.eq_ignore_ascii_case("eng") => "en",
            3 if s.eq_ignore_ascii_case("fra") || s.eq_ignore_ascii_case("fre") => "fr",
            3 if s.eq_ignore_ascii_case("ara") => "ar",
            _ => s,
        };
        if s.is_empty() {
            return None;
        }
        let mut bytes = [0u8; 15];
        let mut len = 0;
        for b in s.bytes().filter(u8::is_ascii).take(15) {
            bytes[len] = b.to_ascii_lowercase();
            len += 1;
        }
        (len > 0).then_some(Self {
            len: len as u8,
            bytes,
        })
    }

    /// The tag, e.g. `en` or `fr-ca`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

impl fmt::Debug for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One `<narrative>`: a text in a language (`None`: the activity's default).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Narrative {
    pub lang: Option<LangTag>,
    pub text: String,
}

/// The narratives of one element, in file order.
pub type Narratives = Vec<Narrative>;

/// The reporting organisation.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct OrgRef {
    pub iati_ref: Option<String>,
    /// OrganisationType code, e.g. `10`.
    pub org_type: Option<String>,
    pub name: Narratives,
}

/// IATI's OrganisationRole codelist.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum OrgRole {
    Funding,
    Accountable,
    Extending,
    Implementing,
}

impl OrgRole {
    /// From the codes 1–4.
    pub fn from_code(s: &str) -> Option<Self> {
        match s.trim() {
            "1" => Some(Self::Funding),
            "2" => Some(Self::Accountable),
            "3" => Some(Self::Extending),
            "4" => Some(Self::Implementing),
            _ => None,
        }
    }

    /// The code, `1`–`4`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Funding => "1",
            Self::Accountable => "2",
            Self::Extending => "3",
            Self::Implementing => "4",
        }
    }
}

/// A `<participating-org>`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ParticipatingOrg {
    pub iati_ref: Option<String>,
    /// `None` when the role is missing or not a code of the OrganisationRole codelist.
    pub role: Option<OrgRole>,
    pub org_type: Option<String>,
    pub activity_id: Option<String>,
    pub name: Narratives,
}

/// IATI's ActivityDateType codelist.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DateKind {
    PlannedStart,
    ActualStart,
    PlannedEnd,
    ActualEnd,
}

impl DateKind {
    /// From the codes 1–4.
    pub fn from_code(s: &str) -> Option<Self> {
        match s.trim() {
            "1" => Some(Self::PlannedStart),
            "2" => Some(Self::ActualStart),
            "3" => Some(Self::PlannedEnd),
            "4" => Some(Self::ActualEnd),
            _ => None,
        }
    }

    /// The code, `1`–`4`.
    pub fn code(self) -> &'static str {
        match self {
            Self::PlannedStart => "1",
            Self::ActualStart => "2",
            Self::PlannedEnd => "3",
            Self::ActualEnd => "4",
        }
    }
}

/// An `<activity-date>`; the date is `None` when missing or unreadable (reported).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ActivityDate {
    pub kind: Option<DateKind>,
    pub date: Option<Date>,
}

/// A `<sector>` (vocabulary 1 = OECD DAC 5-digit codes, the default).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Sector {
    pub vocabulary: Option<String>,
    pub code: String,
    pub percentage: Option<Decimal>,
}

/// BudgetType: 1 original, 2 revised.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BudgetKind {
    Original,
    Revised,
}

/// BudgetStatus: 1 indicative, 2 committed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BudgetStatus {
    Indicative,
    Committed,
}

/// A `<budget>`: `None` where the file leaves a part out or it cannot be read (reported).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct IatiBudget {
    pub kind: Option<BudgetKind>,
    pub status: Option<BudgetStatus>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub value: Option<Decimal>,
    /// The value's text when it was not an exact decimal (kept for the report).
    pub original: Option<String>,
    pub currency: Option<String>,
    pub value_date: Option<Date>,
}

/// A `<document-link>`.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct DocumentLink {
    pub url: String,
    /// IANA media type, e.g. `text/html`.
    pub format: Option<String>,
    pub title: Narratives,
    /// DocumentCategory codes, e.g. `A08`.
    pub categories: Vec<String>,
    pub date: Option<Date>,
}

/// A result's or indicator's `<reference>`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Reference {
    pub vocabulary: String,
    pub code: String,
    pub uri: Option<String>,
}

/// A `<target>` or `<actual>` of a period.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct IatiTarget {
    /// A number (numeric measures) or a text (qualitative); `None` when absent or unreadable.
    pub value: Option<Value>,
    /// The `value` attribute as written, when it was not read exactly ("TBD", "1,500", "1.5E3").
    pub original: Option<String>,
    /// `location/@ref`s.
    pub locations: Vec<String>,
    /// `(name, value)` of each `<dimension>`, in file order.
    pub dimensions: Vec<(String, String)>,
    pub comment: Narratives,
    pub document_links: Vec<DocumentLink>,
}

/// A `<baseline>`.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct IatiBaseline {
    pub year: Option<i32>,
    pub date: Option<Date>,
    pub value: Option<Value>,
    pub original: Option<String>,
    pub locations: Vec<String>,
    pub dimensions: Vec<(String, String)>,
    pub comment: Narratives,
    pub document_links: Vec<DocumentLink>,
}

/// An indicator `<period>`.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct IatiPeriod {
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub targets: Vec<IatiTarget>,
    pub actuals: Vec<IatiTarget>,
}

/// A result `<indicator>`.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct IatiIndicator {
    /// `None` when the measure is missing or not a code 1–5 (reported).
    pub measure: Option<Measure>,
    pub ascending: Option<bool>,
    pub aggregation_status: Option<bool>,
    pub title: Narratives,
    pub description: Narratives,
    pub document_links: Vec<DocumentLink>,
    pub references: Vec<Reference>,
    pub baselines: Vec<IatiBaseline>,
    pub periods: Vec<IatiPeriod>,
}

/// A `<result>`.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct IatiResult {
    /// `None` when the type is missing or not a code 1, 2, 3 or 9 (reported).
    pub level: Option<ResultLevel>,
    pub aggregation_status: Option<bool>,
    pub title: Narratives,
    pub description: Narratives,
    pub document_links: Vec<DocumentLink>,
    pub references: Vec<Reference>,
    pub indicators: Vec<IatiIndicator>,
}

/// An `<iati-activity>`: what Handover reads, and what it writes.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct IatiActivity {
    /// Trimmed; empty when the file has none (such an activity is skipped).
    pub identifier: String,
    /// The activity's `xml:lang`: the language of narratives without one.
    pub lang: Option<LangTag>,
    pub default_currency: Option<String>,
    /// `last-updated-datetime` as written.
    pub last_updated: Option<String>,
    pub reporting_org: Option<OrgRef>,
    pub title: Narratives,
    /// `(DescriptionType code, narratives)`; type 1 (general) is the default.
    pub descriptions: Vec<(Option<String>, Narratives)>,
    pub participating_orgs: Vec<ParticipatingOrg>,
    /// ActivityStatus code 1–6, as written.
    pub status: Option<String>,
    pub dates: Vec<ActivityDate>,
    pub sectors: Vec<Sector>,
    pub budgets: Vec<IatiBudget>,
    pub document_links: Vec<DocumentLink>,
    pub results: Vec<IatiResult>,
}

/// What the export writes: the same shape as what the import reads.
pub type ExportActivity = IatiActivity;

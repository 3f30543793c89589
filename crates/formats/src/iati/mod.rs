//! IATI 2.03 activity files in and out, as pure streaming functions (SPEC §12–§13, issue 7).
//!
//! - [`ActivityReader`] pulls one `<iati-activity>` at a time from any `BufRead`, so memory stays
//!   flat whatever the file size. Published files are taken as they are (SPEC §13): every
//!   problem is reported with the activity identifier, the line and the column (in characters,
//!   both from 1), the original text is kept, and the rest is read. The parts Handover reads
//!   (and most others) are checked against the 2.03 schema's structure as they stream by
//!   (element order, cardinality, required and unknown attributes, datatypes); the parts it
//!   does not read (contact details, CRS additions, conditions…) only for their place. The full
//!   schema check stays with libxml2 (`xmllint`) for `--validate`.
//! - Line and column cost nothing per event: newlines are counted in bulk as the reader's
//!   window moves on, and a place is worked out only when a problem needs it.
//! - DTDs are refused (`<!DOCTYPE` is a [`FileError`]), so there is no entity expansion beyond the
//!   five predefined entities and character references, and no external entity (no XXE).
//! - [`map_in`] turns an activity into an [`ImportPlan`]; [`ImportPlan::to_tree`] makes a
//!   [`handover_core::plan::PlanTree`] of it; [`map_out`] turns a plan back into an
//!   [`ExportActivity`], and [`ActivitiesWriter`] writes valid 2.03, streaming.
//!
//! Decisions (see also each module):
//! - Narratives: Handover keeps English, French and Arabic. Narratives in other languages are
//!   counted in the import's notes, not kept; when a text has none of the three, its first
//!   narrative stands in as the English text so no title is lost (also noted). A narrative
//!   without `xml:lang` is in the activity's `xml:lang`, else English. Codes are compared
//!   case-insensitively (`EN`, `ENG` → `en`).
//! - A plan's code is derived from the IATI identifier ([`plan_code`]); [`unique_code`] adds the
//!   `-2`, `-3`… suffix when the code is taken.
//! - The reference files (schema, examples) live in `$HANDOVER_IATI_DIR`, by default
//!   `../shared/iati` relative to the workspace root; the tests and the benchmark use it.

mod build;
mod check;
mod code;
mod import;
pub mod lenient;
mod map_in;
mod map_out;
mod model;
mod pos;
mod read;
mod report;
mod schema;
mod schema_activity;
mod schema_results;
mod text;
mod tree;
mod write;
mod write_check;

pub use code::{plan_code, unique_code};
pub use import::{
    DateRange, ImportBudget, ImportDates, ImportIndicator, ImportOrg, ImportPlan, ImportResult,
    ImportValue, Skipped,
};
pub use map_in::map_in;
pub use map_out::{ExportInput, Exported, map_out};
pub use model::{
    ActivityDate, BudgetKind, BudgetStatus, DateKind, DocumentLink, ExportActivity, IatiActivity,
    IatiBaseline, IatiBudget, IatiIndicator, IatiPeriod, IatiResult, IatiTarget, LangTag,
    Narrative, Narratives, OrgRef, OrgRole, ParticipatingOrg, Reference, Sector,
};
pub use read::{ActivityReader, FileError, FileHeader, Problem, ReadActivity};
pub use tree::TreeOptions;
pub use write::{ActivitiesWriter, WriteError};

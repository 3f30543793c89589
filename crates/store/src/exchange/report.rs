//! What an exchange is told and what it reports.

use crate::error::StoreError;
use handover_core::calendar::MonthStart;
use handover_core::money::Currency;
use handover_formats::iati::{FileError, Problem, WriteError};
use std::fmt;

/// How many problems, notes and skipped activities a report keeps (the rest are counted), so
/// that memory stays flat whatever the file's size; [`Progress`] shows every one as it comes.
pub const MAX_KEPT: usize = 10_000;

/// How to import a file.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Read and check everything, work out what would change, write nothing.
    pub dry_run: bool,
    /// Replace plans changed in Handover since their last import with the file's version.
    pub overwrite: bool,
    /// Leave plans changed in Handover as they are and import the rest.
    pub skip_conflicts: bool,
    /// The file's name, recorded with each imported plan.
    pub source: Option<String>,
    /// The start of a plan whose activity has no date at all.
    pub fallback_start: MonthStart,
    /// The currency of a plan whose activity names none.
    pub fallback_currency: Currency,
}

impl ImportOptions {
    /// Plain options for a file: write, stop at conflicts; undated activities start this
    /// month, and the currency is USD when the activity names none.
    pub fn new(source: Option<String>) -> Self {
        let today = time::OffsetDateTime::now_utc().date();
        let month = today.replace_day(1).unwrap_or(today);
        Self {
            dry_run: false,
            overwrite: false,
            skip_conflicts: false,
            source,
            fallback_start: MonthStart::new(month)
                .unwrap_or_else(|_| MonthStart::parse("2000-01-01").expect("a month's first day")),
            fallback_currency: Currency::parse("USD").expect("a currency code"),
        }
    }
}

/// Where an import stands, after each activity read.
#[derive(Clone, Copy, Debug)]
pub struct Progress<'a> {
    /// Bytes of the file read so far.
    pub bytes: u64,
    /// Activities read so far.
    pub activities: usize,
    /// The problems of the activity just read (or of the file, at its end).
    pub problems: &'a [Problem],
}

/// A plan changed in Handover since its activity was last imported.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Conflict {
    /// The activity's IATI identifier.
    pub identifier: String,
    /// The plan's code, when the actor can see the plan.
    pub plan: Option<String>,
    pub reason: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.plan {
            Some(p) => write!(f, "{} (plan `{p}`): {}", self.identifier, self.reason),
            None => write!(f, "{}: {}", self.identifier, self.reason),
        }
    }
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Default)]
pub struct ImportReport {
    pub activities_read: usize,
    /// Plans created (in a dry run: that would be).
    pub created: usize,
    /// Plans updated from a changed activity.
    pub updated: usize,
    /// Activities imported before and unchanged since.
    pub unchanged: usize,
    /// Activities not imported: (identifier, why). The first [`MAX_KEPT`].
    pub skipped: Vec<(Option<String>, String)>,
    pub skipped_total: usize,
    /// Plans changed in Handover since their last import.
    pub conflicts: Vec<Conflict>,
    /// The file's problems, each with its place. The first [`MAX_KEPT`].
    pub problems: Vec<Problem>,
    pub problems_total: usize,
    /// What the mapping could not carry, per activity: (identifier, note). The first
    /// [`MAX_KEPT`].
    pub notes: Vec<(String, String)>,
    pub notes_total: usize,
    /// Organisations added to the directory (in a dry run: that would be).
    pub orgs_added: usize,
    /// Why the file could not be read to its end; nothing is written then.
    pub failed: Option<FileError>,
    /// Whether the import was saved (false for a dry run, a failure or unresolved conflicts).
    pub written: bool,
}

impl ImportReport {
    /// Whether conflicts stopped the file (neither overwrite nor skip was asked).
    pub fn blocked(&self, o: &ImportOptions) -> bool {
        !self.conflicts.is_empty() && !o.overwrite && !o.skip_conflicts
    }

    pub(crate) fn problem(&mut self, p: &Problem) {
        self.problems_total += 1;
        if self.problems.len() < MAX_KEPT {
            self.problems.push(p.clone());
        }
    }

    pub(crate) fn skip(&mut self, identifier: Option<String>, why: String) {
        self.skipped_total += 1;
        if self.skipped.len() < MAX_KEPT {
            self.skipped.push((identifier, why));
        }
    }

    pub(crate) fn note(&mut self, identifier: &str, notes: &[String]) {
        for n in notes {
            self.notes_total += 1;
            if self.notes.len() < MAX_KEPT {
                self.notes.push((identifier.to_owned(), n.clone()));
            }
        }
    }
}

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Activities written.
    pub written: usize,
    /// Plans not written, with why: (plan code, reason).
    pub refused: Vec<(String, String)>,
    /// What the mapping could not carry: (plan code, note).
    pub notes: Vec<(String, String)>,
    /// Bytes of XML written.
    pub bytes: u64,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Write(#[from] WriteError),
}

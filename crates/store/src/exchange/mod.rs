//! Whole-plan exchange formats in and out of the store (SPEC §12–§13, issue 7): IATI 2.03
//! activity files.
//!
//! - [`iati_import`] streams one file ([`handover_formats::iati::ActivityReader`]) into the
//!   database in **one transaction**: all of it, or nothing. Each activity becomes a generic
//!   plan owned by the actor's organisation; its participating organisations are matched in
//!   the directory by IATI identifier (else by name), added when missing, and become the
//!   plan's parties. Activities are handled in chunks with batched multi-row inserts and one
//!   audit entry per activity. A re-import is keyed by the IATI identifier (`iati_links`): an
//!   unchanged activity (same content hash) changes nothing; a changed one replaces the plan's
//!   results, indicators, values and periods (keeping the plan, its id and its code, and the
//!   periods whose dates did not change); a plan changed in Handover since its last import (its
//!   version, framework version or number of audit entries differ from those recorded) is a
//!   conflict that makes the whole file write nothing, unless `overwrite` or `skip_conflicts`.
//! - [`iati_export`] streams plans (one, or every plan in the actor's scope) to any `Write`
//!   through [`handover_formats::iati::ActivitiesWriter`], a hundred plans read at a time, so
//!   memory stays flat with the size of the portfolio. Budgets come from the plan's cost lines
//!   when it has any, else from the budgets the import kept.

mod export;
mod hash;
mod import;
mod links;
mod report;
mod sql;

pub use export::{ExportScope, iati_export};
pub use import::iati_import;
pub use links::iati_plan;
pub use report::{
    Conflict, ExportError, ExportReport, ImportOptions, ImportReport, MAX_KEPT, Progress,
};

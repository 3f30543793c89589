//! What reading reports: the activity read with its problems, and why a file cannot be read.

use super::model::IatiActivity;
use std::fmt;

/// A problem of a published file: where, in which activity, what, and the text as written.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Problem {
    /// The activity's IATI identifier (`None` outside an activity or when it has none).
    pub activity: Option<String>,
    pub line: u64,
    /// In characters, from 1.
    pub column: u64,
    pub message: String,
    /// The original text, when a value could not be read as it stands.
    pub original: Option<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)?;
        if let Some(a) = &self.activity {
            write!(f, ", activity {a}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why a file cannot be read further: what was read before stays valid.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error(
        "line {line}, column {column}: the file declares a DTD (`<!DOCTYPE …>`); DTDs and entity declarations are refused"
    )]
    Doctype { line: u64, column: u64 },
    #[error(
        "line {line}, column {column}: the root element is `<{root}>`, not `<iati-activities>`: this is not an IATI activity file"
    )]
    NotActivities {
        root: String,
        line: u64,
        column: u64,
    },
    #[error(
        "line {line}, column {column}: the file is declared in `{declared}`; only UTF-8 is read"
    )]
    Encoding {
        declared: String,
        line: u64,
        column: u64,
    },
    #[error("line {line}, column {column}: the XML is malformed: {message}")]
    Malformed {
        line: u64,
        column: u64,
        message: String,
    },
    #[error("reading the file failed: {0}")]
    Io(#[from] std::io::Error),
}

/// One activity as read, with its problems. An activity without an identifier is still
/// returned, with `skipped()` true and a problem saying so: it must not be imported.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ReadActivity {
    pub activity: IatiActivity,
    pub problems: Vec<Problem>,
    /// Where `<iati-activity>` starts.
    pub line: u64,
}

impl ReadActivity {
    /// The activity cannot be identified (no `iati-identifier`) and is not to be imported.
    pub fn skipped(&self) -> bool {
        self.activity.identifier.is_empty()
    }
}

/// The attributes of `<iati-activities>`.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct FileHeader {
    pub version: Option<String>,
    pub generated_datetime: Option<String>,
}

//! Store errors: what a caller can act on (not found, forbidden, stale, duplicate, invalid),
//! and database failures whose cause is logged but never shown raw to a user.

use handover_core::Invalid;

/// What went wrong in a store call.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record does not exist, or is outside the actor's scope (the two are not told apart).
    #[error("{0} was not found")]
    NotFound(String),
    /// Inside the scope, but the actor's role does not allow this.
    #[error("not allowed: {0}")]
    Forbidden(String),
    /// The record changed since the caller read it.
    #[error(
        "{0} was changed by someone else since you read it (your version {1}, now {2}); reload it and make your change again"
    )]
    Stale(String, i64, i64),
    /// A unique value is already taken.
    #[error("{field} `{value}` is already used")]
    Duplicate { field: String, value: String },
    /// The input breaks a rule.
    #[error("{0}")]
    Invalid(#[from] Invalid),
    /// The database could not be reached or opened.
    #[error("cannot use the database {url}: {reason}")]
    Unavailable { url: String, reason: String },
    /// The database is at a newer schema than this program knows.
    #[error(
        "the database was written by a newer Handover (schema {found}, this program knows up to {known}); upgrade Handover"
    )]
    TooNew { found: i64, known: i64 },
    /// A stored value could not be read back.
    #[error("a stored value could not be read ({0}); the database may have been edited by hand")]
    Corrupt(String),
    /// Any other database failure; the cause is logged.
    #[error("the database failed while {0}; the details are in the log")]
    Database(String, #[source] sqlx::Error),
}

impl StoreError {
    /// Wraps a database error with what the store was doing, mapping constraint names to user
    /// errors.
    pub(crate) fn db(doing: &str) -> impl FnOnce(sqlx::Error) -> StoreError + '_ {
        move |e| {
            if let sqlx::Error::Database(d) = &e {
                let msg = d.message().to_owned();
                if d.is_unique_violation()
                    || msg.contains("UNIQUE constraint failed")
                    || msg.contains("duplicate key")
                {
                    return StoreError::Duplicate {
                        field: unique_field(&msg),
                        value: String::new(),
                    };
                }
            }
            tracing::error!(error = %e, "database error while {doing}");
            StoreError::Database(doing.to_owned(), e)
        }
    }
}

/// Names the field of a unique-constraint message (`UNIQUE constraint failed: plans.code` or
/// `... "plans_code_key"`).
fn unique_field(msg: &str) -> String {
    for field in ["code", "iati_id"] {
        if msg.contains(&format!(".{field}")) || msg.contains(&format!("_{field}_key")) {
            return field.into();
        }
    }
    "a value".into()
}

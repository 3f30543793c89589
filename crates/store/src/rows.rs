//! Small helpers over sqlx's `Any` rows and batched multi-row inserts, so bulk writes (new
//! plans, the demo, imports) take few round trips on both backends.

use crate::error::StoreError;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::{Any, Arguments, Row, Transaction};

/// One value to bind.
#[derive(Clone, Debug)]
pub(crate) enum Arg {
    Text(Option<String>),
    Int(Option<i64>),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(Some(s))
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(Some(s.to_owned()))
    }
}
impl From<Option<String>> for Arg {
    fn from(s: Option<String>) -> Self {
        Arg::Text(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Int(Some(n))
    }
}
impl From<Option<i64>> for Arg {
    fn from(n: Option<i64>) -> Self {
        Arg::Int(n)
    }
}
impl From<bool> for Arg {
    fn from(b: bool) -> Self {
        Arg::Int(Some(i64::from(b)))
    }
}

/// Builds a row of arguments: `row![a, b, c]`.
macro_rules! row {
    ($($v:expr),* $(,)?) => { vec![$($crate::rows::Arg::from($v)),*] };
}
pub(crate) use row;

/// Parameters per statement: under SQLite's and PostgreSQL's limits with room to spare.
const MAX_PARAMS: usize = 900;

/// Inserts rows into `table` with multi-row `INSERT` statements.
pub(crate) async fn insert_rows(
    tx: &mut Transaction<'_, Any>,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Arg>>,
) -> Result<(), StoreError> {
    if rows.is_empty() {
        return Ok(());
    }
    let per_stmt = (MAX_PARAMS / columns.len()).max(1);
    for chunk in rows.chunks(per_stmt) {
        let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
        let mut args = AnyArguments::default();
        let mut n = 0;
        for (ri, r) in chunk.iter().enumerate() {
            debug_assert_eq!(r.len(), columns.len());
            if ri > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for (ci, a) in r.iter().enumerate() {
                n += 1;
                if ci > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${n}"));
                bind(&mut args, a.clone())?;
            }
            sql.push(')');
        }
        sqlx::query_with(&sql, args)
            .execute(&mut **tx)
            .await
            .map_err(StoreError::db("saving records"))?;
    }
    Ok(())
}

fn bind(args: &mut AnyArguments<'_>, a: Arg) -> Result<(), StoreError> {
    let r = match a {
        Arg::Text(t) => args.add(t),
        Arg::Int(n) => args.add(n),
    };
    r.map_err(|e| StoreError::Corrupt(format!("binding a value: {e}")))
}

/// Reads columns from an `Any` row with errors that say which column failed.
pub(crate) trait Get {
    fn text(&self, col: &str) -> Result<String, StoreError>;
    fn opt_text(&self, col: &str) -> Result<Option<String>, StoreError>;
    fn int(&self, col: &str) -> Result<i64, StoreError>;
    fn opt_int(&self, col: &str) -> Result<Option<i64>, StoreError>;
}

impl Get for AnyRow {
    fn text(&self, col: &str) -> Result<String, StoreError> {
        self.try_get(col)
            .map_err(|e| StoreError::Corrupt(format!("column {col}: {e}")))
    }
    fn opt_text(&self, col: &str) -> Result<Option<String>, StoreError> {
        self.try_get(col)
            .map_err(|e| StoreError::Corrupt(format!("column {col}: {e}")))
    }
    fn int(&self, col: &str) -> Result<i64, StoreError> {
        self.try_get(col)
            .map_err(|e| StoreError::Corrupt(format!("column {col}: {e}")))
    }
    fn opt_int(&self, col: &str) -> Result<Option<i64>, StoreError> {
        self.try_get(col)
            .map_err(|e| StoreError::Corrupt(format!("column {col}: {e}")))
    }
}

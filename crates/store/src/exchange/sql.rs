//! Statements built at run time: binding a list of values, and multi-row inserts.
//!
//! Bulk inserts here number their placeholders only on PostgreSQL (`$1, $2…`) and use bare
//! `?` on SQLite: sqlx's SQLite driver looks up each numbered placeholder's name, a linear
//! scan in SQLite, which makes binding a statement of `n` numbered parameters cost `n²` and
//! took most of a large import's time. Bare `?` parameters bind in constant time each.

use crate::StoreResult;
use crate::error::StoreError;
use crate::rows::Arg;
use sqlx::any::AnyArguments;
use sqlx::{Any, Arguments, Transaction};

/// Parameters per statement.
const MAX_PARAMS: usize = 960;

/// The values as query arguments, in order.
pub(crate) fn bind(values: Vec<Arg>) -> StoreResult<AnyArguments<'static>> {
    let mut a = AnyArguments::default();
    for v in values {
        add(&mut a, v)?;
    }
    Ok(a)
}

fn add(a: &mut AnyArguments<'static>, v: Arg) -> StoreResult<()> {
    let r = match v {
        Arg::Text(t) => a.add(t),
        Arg::Int(n) => a.add(n),
    };
    r.map_err(|e| StoreError::Corrupt(format!("binding a value: {e}")))
}

/// Inserts `rows` into `table`, as many rows per statement as the parameter limit allows.
pub(crate) async fn insert(
    tx: &mut Transaction<'_, Any>,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Arg>>,
) -> StoreResult<()> {
    let sqlite = tx.backend_name() == "SQLite";
    let per_statement = (MAX_PARAMS / columns.len()).max(1);
    let head = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let mut sql = head.clone();
        let mut args = AnyArguments::default();
        let mut n = 0;
        for (i, row) in rows.by_ref().take(per_statement).enumerate() {
            sql.push_str(if i == 0 { "(" } else { ", (" });
            for (c, v) in row.into_iter().enumerate() {
                if c > 0 {
                    sql.push_str(", ");
                }
                n += 1;
                if sqlite {
                    sql.push('?');
                } else {
                    sql.push('$');
                    sql.push_str(&n.to_string());
                }
                add(&mut args, v)?;
            }
            sql.push(')');
        }
        sqlx::query_with(&sql, args)
            .execute(&mut **tx)
            .await
            .map_err(StoreError::db("saving imported records"))?;
    }
    Ok(())
}

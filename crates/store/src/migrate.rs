//! Forward-only migrations, one history for both backends (see `migrations/README.md`).
//! Applied by `handover init` and by any command that finds the database behind.

use crate::connect::Store;
use crate::error::StoreError;
use sqlx::Row;

/// Every migration in order: (version, name, SQL).
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "core", include_str!("../migrations/0001_core.sql")),
    (2, "access", include_str!("../migrations/0002_access.sql")),
    (3, "finance", include_str!("../migrations/0003_finance.sql")),
    (4, "iati", include_str!("../migrations/0004_iati.sql")),
    (
        5,
        "partnerships",
        include_str!("../migrations/0005_partnerships.sql"),
    ),
];

/// Brings the schema up to date, each migration in its own transaction.
pub(crate) async fn run(store: &Store) -> Result<(), StoreError> {
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS handover_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )
    .execute(&store.pool)
    .await
    .map_err(StoreError::db("preparing the migration table"))?;
    let applied: Vec<i64> = sqlx::query("SELECT version FROM handover_migrations ORDER BY version")
        .fetch_all(&store.pool)
        .await
        .map_err(StoreError::db("reading the migration history"))?
        .iter()
        .map(|r| r.try_get::<i64, _>(0))
        .collect::<Result<_, _>>()
        .map_err(StoreError::db("reading the migration history"))?;
    let known = MIGRATIONS.last().map_or(0, |m| m.0);
    if let Some(found) = applied.iter().copied().max()
        && found > known
    {
        return Err(StoreError::TooNew { found, known });
    }
    for (version, name, sql) in MIGRATIONS {
        if applied.contains(version) {
            continue;
        }
        let mut tx = store
            .pool
            .begin()
            .await
            .map_err(StoreError::db("starting a migration"))?;
        sqlx::raw_sql(sql)
            .execute(&mut *tx)
            .await
            .map_err(StoreError::db("applying a migration"))?;
        sqlx::query(
            "INSERT INTO handover_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        )
        .bind(*version)
        .bind(*name)
        .bind(crate::codec::now())
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("recording a migration"))?;
        tx.commit()
            .await
            .map_err(StoreError::db("committing a migration"))?;
        tracing::info!(version, name, "applied migration");
    }
    Ok(())
}

//! Opening a database from its URL (`sqlite://PATH`, a bare file path, or
//! `postgres://USER[:PASS]@HOST:PORT/DB`), with the SQLite settings we rely on, and bringing its
//! schema up to date.

use crate::error::StoreError;
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};
use std::time::Duration;

/// Which database engine a store talks to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A parsed database URL.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    pub backend: Backend,
    url: String,
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl DatabaseUrl {
    /// Parses `sqlite://PATH`, `sqlite:PATH`, a bare path ending in `.db`/`.sqlite`, or a
    /// `postgres://`/`postgresql://` URL.
    pub fn parse(s: &str) -> Result<Self, StoreError> {
        let s = s.trim();
        let bad = |reason: &str| StoreError::Unavailable {
            url: redact(s),
            reason: reason.into(),
        };
        if let Some(path) = s
            .strip_prefix("sqlite://")
            .or_else(|| s.strip_prefix("sqlite:"))
        {
            let (path, query) = path.split_once('?').unwrap_or((path, ""));
            if path.is_empty() {
                return Err(bad("the URL names no file: write sqlite://handover.db"));
            }
            let query = if query.is_empty() {
                "mode=rwc".to_owned()
            } else {
                query.to_owned()
            };
            Ok(Self {
                backend: Backend::Sqlite,
                url: format!("sqlite://{path}?{query}"),
            })
        } else if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            Ok(Self {
                backend: Backend::Postgres,
                url: s.to_owned(),
            })
        } else if !s.contains("://") && !s.is_empty() {
            Ok(Self {
                backend: Backend::Sqlite,
                url: format!("sqlite://{s}?mode=rwc"),
            })
        } else {
            Err(bad(
                "unknown kind of database: use sqlite://PATH or postgres://USER@HOST:PORT/DB",
            ))
        }
    }

    /// The URL without its password, for messages and logs.
    pub fn redacted(&self) -> String {
        redact(&self.url)
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }
}

fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..s + 3], user, &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// A connected, migrated database.
#[derive(Clone, Debug)]
pub struct Store {
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
    url: DatabaseUrl,
}

impl Store {
    /// Opens the database at `url`, creating an SQLite file when missing, and applies any
    /// migration it lacks.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let url = DatabaseUrl::parse(url)?;
        let unavailable = |e: sqlx::Error| StoreError::Unavailable {
            url: url.redacted(),
            reason: plain_reason(&e),
        };
        let pool = match url.backend {
            // One connection: SQLite has one writer, and a single connection never meets a
            // lock held by another of ours.
            Backend::Sqlite => AnyPoolOptions::new()
                .max_connections(1)
                .acquire_timeout(Duration::from_secs(30))
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        conn.execute(
                            "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                             PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;",
                        )
                        .await?;
                        Ok(())
                    })
                })
                .connect(url.as_str())
                .await
                .map_err(unavailable)?,
            Backend::Postgres => {
                // One direct attempt first, so an unreachable server is reported with its real
                // cause (refused, unknown host, bad password) rather than a pool timeout.
                use sqlx::Connection;
                let probe = sqlx::AnyConnection::connect(url.as_str())
                    .await
                    .map_err(unavailable)?;
                let _ = probe.close().await;
                AnyPoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url.as_str())
                    .await
                    .map_err(unavailable)?
            }
        };
        let store = Store {
            pool,
            backend: url.backend,
            url,
        };
        crate::migrate::run(&store).await?;
        Ok(store)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The URL without its password.
    pub fn url(&self) -> String {
        self.url.redacted()
    }

    /// Whether the database answers (for `/health`).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Closes every connection.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn plain_reason(e: &sqlx::Error) -> String {
    match e {
        sqlx::Error::Io(io) => format!("{io} (is the server running and the address right?)"),
        sqlx::Error::Database(d) => d.message().to_owned(),
        sqlx::Error::PoolTimedOut => "timed out waiting for a connection".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            DatabaseUrl::parse("handover.db").unwrap().as_str(),
            "sqlite://handover.db?mode=rwc"
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite://x/y.db").unwrap().backend,
            Backend::Sqlite
        );
        let pg = DatabaseUrl::parse("postgres://u:secret@127.0.0.1:5432/db").unwrap();
        assert_eq!(pg.redacted(), "postgres://u:***@127.0.0.1:5432/db");
        assert!(DatabaseUrl::parse("mysql://x").is_err());
    }
}

//! Fresh databases for tests, on both backends: a temporary SQLite file, and a new PostgreSQL
//! database on the server named by `TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`). When PostgreSQL cannot be reached, tests
//! fail if `CI=true` and are skipped with a loud message otherwise.

use crate::connect::Store;
use sqlx::Connection;

/// A fresh database; drop it with [`TestDb::cleanup`] at the end of a test.
#[derive(Debug)]
pub struct TestDb {
    pub url: String,
    pub label: &'static str,
    _dir: Option<tempfile_dir::TempDir>,
    pg_name: Option<String>,
}

mod tempfile_dir {
    /// A temporary directory removed when dropped.
    #[derive(Debug)]
    pub struct TempDir(pub std::path::PathBuf);
    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

impl TestDb {
    /// A new, empty SQLite file in a temporary directory.
    pub fn sqlite() -> TestDb {
        let dir =
            std::env::temp_dir().join(format!("handover-test-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        let url = format!("sqlite://{}", dir.join("handover.db").display());
        TestDb {
            url,
            label: "sqlite",
            _dir: Some(tempfile_dir::TempDir(dir)),
            pg_name: None,
        }
    }

    /// A new, empty PostgreSQL database, or `None` (with a loud message) when the server
    /// cannot be reached outside CI.
    pub async fn postgres() -> Option<TestDb> {
        let admin = postgres_admin_url();
        let mut conn = match sqlx::PgConnection::connect(&admin).await {
            Ok(c) => c,
            Err(e) => {
                if std::env::var("CI").is_ok_and(|v| v == "true") {
                    panic!("PostgreSQL at {admin} cannot be reached ({e}); CI=true requires it");
                }
                eprintln!(
                    "\n*** SKIPPING the PostgreSQL half of this test: {admin} cannot be reached ({e}). Set TEST_POSTGRES_URL or start PostgreSQL. ***\n"
                );
                return None;
            }
        };
        let name = format!("handover_t_{}", uuid::Uuid::now_v7().simple());
        sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .expect("create a test database");
        let _ = conn.close().await;
        Some(TestDb {
            url: with_database(&admin, &name),
            label: "postgres",
            _dir: None,
            pg_name: Some(name),
        })
    }

    /// Both backends: SQLite always, PostgreSQL when reachable.
    pub async fn both() -> Vec<TestDb> {
        let mut v = vec![TestDb::sqlite()];
        v.extend(TestDb::postgres().await);
        v
    }

    /// Connects (and migrates).
    pub async fn store(&self) -> Store {
        Store::connect(&self.url)
            .await
            .expect("connect to the test database")
    }

    /// Removes a PostgreSQL test database (SQLite files go with their directory).
    pub async fn cleanup(self) {
        if let Some(name) = &self.pg_name
            && let Ok(mut conn) = sqlx::PgConnection::connect(&postgres_admin_url()).await
        {
            let _ = sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn)
                .await;
        }
    }
}

/// The server where test databases are made.
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// The same server URL with another database name.
fn with_database(url: &str, db: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let base = match base[after_scheme..].find('/') {
        Some(i) => &base[..after_scheme + i],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{db}?{q}"),
        None => format!("{base}/{db}"),
    }
}

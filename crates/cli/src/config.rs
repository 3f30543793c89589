//! The configuration: one typed struct read with figment from the defaults, then the TOML file
//! (`--config FILE`, else `handover.toml` when present), then `HANDOVER_*` environment
//! variables; command-line options override it. Unknown keys are refused with their name, and
//! `Debug` never shows a password inside the database URL. config/example.toml documents
//! every setting.

use anyhow::bail;
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use handover_web::AuthSettings;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::net::SocketAddr;
use std::path::Path;

/// The commented example configuration, printed by `handover config example`.
pub const EXAMPLE: &str = include_str!("../../../config/example.toml");

/// The file read when `--config` is not given, if it exists.
pub const DEFAULT_FILE: &str = "handover.toml";

/// Every setting of Handover.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// sqlite://PATH, a file path, or postgres://USER[:PASS]@HOST:PORT/DB.
    pub database_url: String,
    /// Where `handover serve` listens.
    pub listen: SocketAddr,
    /// The log filter (tracing's syntax), e.g. `info` or `handover_store=debug,info`.
    pub log: String,
    pub serve: ServeConfig,
    /// Sign-in, sessions and their limits.
    pub auth: AuthSettings,
}

/// Settings of `handover serve`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServeConfig {
    /// Load the demo data when the database holds no plans, and serve it read-only.
    pub demo: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: "sqlite://handover.db".into(),
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            log: "info".into(),
            serve: ServeConfig { demo: false },
            auth: AuthSettings::default(),
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("listen", &self.listen)
            .field("log", &self.log)
            .field("serve", &self.serve)
            .field("auth", &self.auth)
            .finish()
    }
}

impl Config {
    /// Reads the configuration; `file` is `--config`, which must exist when given.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Config> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(path) => {
                if !path.is_file() {
                    bail!(
                        "--config: the configuration file {} does not exist",
                        path.display()
                    );
                }
                figment = figment.merge(Toml::file(path));
            }
            None if Path::new(DEFAULT_FILE).is_file() => {
                figment = figment.merge(Toml::file(DEFAULT_FILE));
            }
            None => {}
        }
        // HANDOVER_IATI_DIR is not a setting: it names the IATI reference files for
        // `import iati --validate` and the tests, which read it themselves.
        figment = figment.merge(Env::prefixed("HANDOVER_").ignore(&["iati_dir"]).split("__"));
        Self::extract(figment)
    }

    fn extract(figment: Figment) -> anyhow::Result<Config> {
        let config = figment.extract::<Config>().map_err(|e| {
            let problems: Vec<String> = e.into_iter().map(|p| p.to_string()).collect();
            anyhow::anyhow!(
                "the configuration was refused: {} (see `handover config example`)",
                problems.join("; ")
            )
        })?;
        config.auth.check().map_err(|e| {
            anyhow::anyhow!("the configuration was refused: {e} (see `handover config example`)")
        })?;
        Ok(config)
    }

    /// The configuration as TOML, with the database password hidden.
    pub fn to_display_toml(&self) -> String {
        let a = &self.auth;
        format!(
            "database_url = {:?}\nlisten = \"{}\"\nlog = {:?}\n\n[serve]\ndemo = {}\n\n[auth]\n\
             session_hours = {}\nsecure_cookies = {}\ntrust_forwarded_for = {}\n\
             max_failures_per_account = {}\naccount_lockout_minutes = {}\n\
             max_attempts_per_address = {}\naddress_window_minutes = {}\n",
            redact_url(&self.database_url),
            self.listen,
            self.log,
            self.serve.demo,
            a.session_hours,
            a.secure_cookies,
            a.trust_forwarded_for,
            a.max_failures_per_account,
            a.account_lockout_minutes,
            a.max_attempts_per_address,
            a.address_window_minutes,
        )
    }
}

/// A URL with the password between `USER:` and `@` replaced by `***`.
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let rest = &url[scheme_end..];
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let Some(at) = rest[..authority_end].rfind('@') else {
        return url.to_owned();
    };
    match rest[..at].split_once(':') {
        Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end], &rest[at..]),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_valid_and_holds_the_defaults() {
        let c = Config::extract(Figment::from(Toml::string(EXAMPLE))).unwrap();
        assert_eq!(c, Config::default());
    }

    #[test]
    fn unknown_keys_are_refused_with_their_name() {
        let e = Config::extract(
            Figment::from(Serialized::defaults(Config::default()))
                .merge(Toml::string("databse_url = \"x.db\"")),
        )
        .unwrap_err();
        assert!(e.to_string().contains("databse_url"), "{e}");
        let e = Config::extract(
            Figment::from(Serialized::defaults(Config::default()))
                .merge(Toml::string("[serve]\ndemo = true\nport = 1")),
        )
        .unwrap_err();
        assert!(e.to_string().contains("port"), "{e}");
    }

    #[test]
    fn auth_settings_come_from_the_file_and_are_checked() {
        let c = Config::extract(
            Figment::from(Serialized::defaults(Config::default())).merge(Toml::string(
                "[auth]\nsession_hours = 8\nmax_attempts_per_address = 50",
            )),
        )
        .unwrap();
        assert_eq!(c.auth.session_hours, 8);
        assert_eq!(c.auth.max_attempts_per_address, 50);
        assert_eq!(
            c.auth.max_failures_per_account, 5,
            "the rest keep their defaults"
        );
        let shown = Config::extract(Figment::from(Toml::string(&c.to_display_toml()))).unwrap();
        assert_eq!(shown.auth, c.auth);
        let e = Config::extract(
            Figment::from(Serialized::defaults(Config::default()))
                .merge(Toml::string("[auth]\nsession_hours = 0")),
        )
        .unwrap_err();
        assert!(e.to_string().contains("auth.session_hours"), "{e}");
        let e = Config::extract(
            Figment::from(Serialized::defaults(Config::default()))
                .merge(Toml::string("[auth]\nlockout = 3")),
        )
        .unwrap_err();
        assert!(e.to_string().contains("lockout"), "{e}");
    }

    #[test]
    fn passwords_never_show() {
        let c = Config {
            database_url: "postgres://handover:s3cret@db.example:5432/handover".into(),
            ..Config::default()
        };
        let shown = format!("{c:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("postgres://handover:***@db.example:5432/handover"));
        assert!(!c.to_display_toml().contains("s3cret"));
        let shown = Config::extract(Figment::from(Toml::string(&c.to_display_toml()))).unwrap();
        assert_eq!(shown.listen, c.listen);
        assert_eq!(redact_url("sqlite://handover.db"), "sqlite://handover.db");
        assert_eq!(redact_url("postgres://u@h:5432/d"), "postgres://u@h:5432/d");
    }
}

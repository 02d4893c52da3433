//! Configuration: built-in defaults, then an optional `agora.toml`, then `AGORA_*` variables.

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Every setting, with its environment variable in the doc comment.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `AGORA_DATA_DIR`: where the SQLite database, files and outbox live.
    pub data_dir: PathBuf,
    /// `AGORA_DATABASE_URL`: `sqlite://…` or `postgres://…`; empty means SQLite in the data directory.
    pub database_url: String,
    /// `AGORA_LISTEN`: address and port to listen on.
    pub listen: String,
    /// `AGORA_BASE_URL`: public address used in e-mailed links; empty means `http://` + listen.
    pub base_url: String,
    /// `AGORA_CONTACT_EMAIL`: contact address shown in the footer.
    pub contact_email: String,
    /// `AGORA_SESSION_DAYS`: how long a sign-in lasts.
    pub session_days: i64,
    /// `AGORA_LOG_FORMAT`: `text` or `json`.
    pub log_format: String,
    /// `AGORA_SMTP_HOST`: SMTP server; empty means mail is written to `DATA_DIR/outbox`.
    pub smtp_host: String,
    /// `AGORA_SMTP_PORT`.
    pub smtp_port: u16,
    /// `AGORA_SMTP_SECURITY`: `starttls`, `tls` or `none`.
    pub smtp_security: String,
    /// `AGORA_SMTP_USERNAME`.
    pub smtp_username: String,
    /// `AGORA_SMTP_PASSWORD`.
    pub smtp_password: String,
    /// `AGORA_SMTP_FROM`: sender, e.g. `Agora <dialog@example.org>`.
    pub smtp_from: String,
    /// `AGORA_STORAGE`: `local` (files under `DATA_DIR/files`) or `s3`.
    pub storage: String,
    /// `AGORA_S3_BUCKET`.
    pub s3_bucket: String,
    /// `AGORA_S3_REGION`.
    pub s3_region: String,
    /// `AGORA_S3_ENDPOINT`: for S3-compatible services; empty for AWS.
    pub s3_endpoint: String,
    /// `AGORA_S3_ACCESS_KEY_ID`.
    pub s3_access_key_id: String,
    /// `AGORA_S3_SECRET_ACCESS_KEY`.
    pub s3_secret_access_key: String,
    /// `AGORA_TRUSTED_PROXIES`: addresses or blocks (`10.0.0.0/8`), separated by commas, of the
    /// reverse proxies in front of Agora; only from them is `X-Forwarded-For` believed.
    pub trusted_proxies: String,
}

/// The names of the settings, as `AGORA_` variables take them.
const SETTINGS: [&str; 20] = [
    "data_dir",
    "database_url",
    "listen",
    "base_url",
    "contact_email",
    "session_days",
    "log_format",
    "smtp_host",
    "smtp_port",
    "smtp_security",
    "smtp_username",
    "smtp_password",
    "smtp_from",
    "storage",
    "s3_bucket",
    "s3_region",
    "s3_endpoint",
    "s3_access_key_id",
    "s3_secret_access_key",
    "trusted_proxies",
];

impl Default for Config {
    fn default() -> Self {
        Config {
            data_dir: PathBuf::from("./data"),
            database_url: String::new(),
            listen: "127.0.0.1:8080".into(),
            base_url: String::new(),
            contact_email: "dialog@example.org".into(),
            session_days: 30,
            log_format: "text".into(),
            smtp_host: String::new(),
            smtp_port: 587,
            smtp_security: "starttls".into(),
            smtp_username: String::new(),
            smtp_password: String::new(),
            smtp_from: "Agora <no-reply@example.org>".into(),
            storage: "local".into(),
            s3_bucket: String::new(),
            s3_region: "eu-central-1".into(),
            s3_endpoint: String::new(),
            s3_access_key_id: String::new(),
            s3_secret_access_key: String::new(),
            trusted_proxies: String::new(),
        }
    }
}

/// A setting that is wrong, named so that the operator can fix it.
#[derive(Debug, thiserror::Error)]
#[error("configuration error: {setting}: {problem}")]
pub struct ConfigError {
    /// The setting's environment variable.
    pub setting: String,
    /// What is wrong with it.
    pub problem: String,
}

fn bad(setting: &str, problem: impl Into<String>) -> ConfigError {
    ConfigError { setting: setting.into(), problem: problem.into() }
}

impl Config {
    /// Loads defaults, then `file` if it exists, then the environment; then checks the result.
    pub fn load(file: &Path) -> Result<Config, ConfigError> {
        let cfg: Config = Figment::from(Serialized::defaults(Config::default()))
            .merge(Toml::file(file))
            // Other AGORA_* variables (AGORA_LOG, AGORA_CONFIG, test settings) are not settings.
            .merge(Env::prefixed("AGORA_").filter(|k| SETTINGS.iter().any(|s| k == *s)))
            .extract()
            .map_err(|e| {
                let setting = e
                    .path
                    .last()
                    .map(|k| format!("AGORA_{}", k.to_uppercase()))
                    .unwrap_or_else(|| file.display().to_string());
                bad(&setting, e.kind.to_string())
            })?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Checks every setting that can be checked without connecting anywhere.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.listen_addr()?;
        let base = self.base_url();
        match url::Url::parse(&base) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {}
            _ => {
                return Err(bad(
                    "AGORA_BASE_URL",
                    format!("'{base}' is not an http(s) address like https://dialog.example.org"),
                ));
            }
        }
        let db = self.database_url();
        if !(db.starts_with("sqlite:") || db.starts_with("postgres://") || db.starts_with("postgresql://")) {
            return Err(bad("AGORA_DATABASE_URL", format!("'{db}' must start with sqlite:// or postgres://")));
        }
        if !matches!(self.log_format.as_str(), "text" | "json") {
            return Err(bad("AGORA_LOG_FORMAT", format!("'{}' must be text or json", self.log_format)));
        }
        if !(1..=3650).contains(&self.session_days) {
            return Err(bad("AGORA_SESSION_DAYS", "must be between 1 and 3650"));
        }
        if !self.smtp_host.is_empty() {
            if !matches!(self.smtp_security.as_str(), "starttls" | "tls" | "none") {
                return Err(bad(
                    "AGORA_SMTP_SECURITY",
                    format!("'{}' must be starttls, tls or none", self.smtp_security),
                ));
            }
            if self.smtp_from.parse::<lettre::message::Mailbox>().is_err() {
                return Err(bad(
                    "AGORA_SMTP_FROM",
                    format!("'{}' is not a sender like Agora <dialog@example.org>", self.smtp_from),
                ));
            }
            if self.smtp_username.is_empty() != self.smtp_password.is_empty() {
                return Err(bad(
                    "AGORA_SMTP_PASSWORD",
                    "give both AGORA_SMTP_USERNAME and AGORA_SMTP_PASSWORD, or neither",
                ));
            }
        }
        match self.storage.as_str() {
            "local" => {}
            "s3" => {
                if self.s3_bucket.is_empty() {
                    return Err(bad("AGORA_S3_BUCKET", "required when AGORA_STORAGE=s3"));
                }
                if !self.s3_endpoint.is_empty() && url::Url::parse(&self.s3_endpoint).is_err() {
                    return Err(bad("AGORA_S3_ENDPOINT", format!("'{}' is not a URL", self.s3_endpoint)));
                }
            }
            other => return Err(bad("AGORA_STORAGE", format!("'{other}' must be local or s3"))),
        }
        self.trusted_proxies()?;
        Ok(())
    }

    /// The parsed list of trusted proxies.
    pub fn trusted_proxies(&self) -> Result<agora_web::client::TrustedProxies, ConfigError> {
        self.trusted_proxies.parse().map_err(|e: String| bad("AGORA_TRUSTED_PROXIES", e))
    }

    /// The SMTP settings, for a site with `AGORA_SMTP_HOST` set.
    pub fn smtp(&self) -> agora_web::smtp::SmtpSettings {
        use agora_web::smtp::Security;
        agora_web::smtp::SmtpSettings {
            host: self.smtp_host.clone(),
            port: self.smtp_port,
            // `check` allows only these three; were another word to slip through, encrypting
            // is the safer guess.
            security: match self.smtp_security.as_str() {
                "tls" => Security::Tls,
                "none" => Security::None,
                _ => Security::StartTls,
            },
            username: self.smtp_username.clone(),
            password: self.smtp_password.clone(),
            from: self.smtp_from.clone(),
        }
    }

    /// The parsed listen address.
    pub fn listen_addr(&self) -> Result<SocketAddr, ConfigError> {
        self.listen
            .parse()
            .map_err(|_| bad("AGORA_LISTEN", format!("'{}' is not an address like 127.0.0.1:8080", self.listen)))
    }

    /// The public base URL, derived from the listen address when not set.
    pub fn base_url(&self) -> String {
        if self.base_url.is_empty() {
            format!("http://{}", self.listen)
        } else {
            self.base_url.trim_end_matches('/').to_owned()
        }
    }

    /// The database URL, defaulting to SQLite in the data directory.
    pub fn database_url(&self) -> String {
        if self.database_url.is_empty() {
            format!("sqlite://{}", self.data_dir.join("agora.db").display())
        } else {
            self.database_url.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_has_its_variable() {
        let json = serde_json::to_value(Config::default()).unwrap();
        let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut known = SETTINGS.to_vec();
        keys.sort();
        known.sort();
        assert_eq!(keys, known);
    }

    #[test]
    fn defaults_are_valid_and_bad_settings_are_named() {
        let c = Config::default();
        c.validate().unwrap();
        assert_eq!(c.database_url(), "sqlite://./data/agora.db");
        assert_eq!(c.base_url(), "http://127.0.0.1:8080");
        let e = Config { listen: "nowhere".into(), ..Config::default() }.validate().unwrap_err();
        assert_eq!(e.setting, "AGORA_LISTEN");
        let e = Config { database_url: "mysql://x".into(), ..Config::default() }.validate().unwrap_err();
        assert_eq!(e.setting, "AGORA_DATABASE_URL");
        let e = Config { storage: "s3".into(), ..Config::default() }.validate().unwrap_err();
        assert_eq!(e.setting, "AGORA_S3_BUCKET");
        let e = Config { trusted_proxies: "10.0.0.1, proxy".into(), ..Config::default() }.validate().unwrap_err();
        assert_eq!(
            (e.setting.as_str(), e.problem.as_str()),
            ("AGORA_TRUSTED_PROXIES", "'proxy' is not an address or a block like 10.0.0.0/8")
        );
        let c = Config { trusted_proxies: "10.0.0.0/8, ::1".into(), ..Config::default() };
        assert!(c.trusted_proxies().unwrap().contains("10.1.2.3".parse().unwrap()));
        let e = Config { smtp_host: "smtp.example.org".into(), smtp_from: "not a sender".into(), ..Config::default() }
            .validate()
            .unwrap_err();
        assert_eq!(e.setting, "AGORA_SMTP_FROM");
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment's Jail decides the closure's error type")]
    fn file_then_environment_override_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("agora.toml");
        std::fs::write(&file, "listen = \"127.0.0.1:9999\"\ncontact_email = \"a@b.pl\"\n").unwrap();
        figment::Jail::expect_with(|jail| {
            jail.set_env("AGORA_CONTACT_EMAIL", "env@b.pl");
            jail.set_env("AGORA_LOG", "debug");
            jail.set_env("AGORA_TRUSTED_PROXIES", "10.0.0.1,10.0.0.2");
            let c = Config::load(&file).unwrap();
            assert_eq!((c.listen.as_str(), c.contact_email.as_str()), ("127.0.0.1:9999", "env@b.pl"));
            assert!(c.trusted_proxies().unwrap().contains("10.0.0.2".parse().unwrap()));
            jail.set_env("AGORA_SESSION_DAYS", "many");
            let e = Config::load(&file).unwrap_err();
            assert_eq!(e.setting, "AGORA_SESSION_DAYS");
            Ok(())
        });
    }
}

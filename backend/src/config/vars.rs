//! Reading a [`Config`] from `BACKEND_*` and `PAYKKA_*` variables. Each group is read in the
//! order the variables are documented, so that a configuration with several mistakes is
//! refused for the first of them, always the same one.

use super::Config;
use crate::catalogue::Catalogue;
use crate::limits::LimitConfig;
use paykka_protocol::api::{ApiVersion, Operation};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The variables, as given: an empty value counts as not set.
struct Vars<'a>(&'a HashMap<String, String>);

impl Vars<'_> {
    fn get(&self, k: &str) -> Option<String> {
        self.0
            .get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    /// An on/off switch: `None` when unset or `auto`. `expected` names the values in the
    /// error message.
    fn switch(&self, name: &str, expected: &str) -> Result<Option<bool>, String> {
        match self.get(name).as_deref() {
            None | Some("auto") => Ok(None),
            Some("1" | "true" | "yes" | "on") => Ok(Some(true)),
            Some("0" | "false" | "no" | "off") => Ok(Some(false)),
            Some(v) => Err(format!("{name}: expected {expected}, got {v:?}")),
        }
    }

    fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, String>
    where
        T::Err: std::fmt::Display,
    {
        self.get(name)
            .map(|v| v.parse().map_err(|e| format!("{name}: {e}")))
            .transpose()
    }
}

impl Config {
    /// Reads the environment (and `BACKEND_CONFIG`, a file of `KEY=VALUE` lines).
    pub fn from_env() -> Result<Self, String> {
        let mut vars: HashMap<String, String> = HashMap::new();
        if let Ok(file) = std::env::var("BACKEND_CONFIG") {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("BACKEND_CONFIG {file}: {e}"))?;
            for (i, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let (k, v) = line
                    .split_once('=')
                    .ok_or_else(|| format!("{file}:{}: expected KEY=VALUE", i + 1))?;
                vars.insert(k.trim().to_string(), v.trim().trim_matches('"').to_string());
            }
        }
        for (k, v) in std::env::vars() {
            if k.starts_with("BACKEND_") || k.starts_with("PAYKKA_") {
                vars.insert(k, v);
            }
        }
        Self::from_vars(&vars)
    }

    pub fn from_vars(vars: &HashMap<String, String>) -> Result<Self, String> {
        let v = Vars(vars);
        let addr: SocketAddr = v
            .get("BACKEND_ADDR")
            .unwrap_or_else(|| "127.0.0.1:8787".into())
            .parse()
            .map_err(|e| format!("BACKEND_ADDR: {e}"))?;
        let mut c = Config::new(
            addr,
            v.get("BACKEND_DATA_DIR")
                .unwrap_or_else(|| ".data/backend".into()),
            v.get("PAYKKA_GATEWAY_URL")
                .unwrap_or_else(|| "http://127.0.0.1:8788".into()),
        );
        c.read_gateway(&v)?;
        c.read_merchant(&v)?;
        c.read_backend(&v)?;
        c.read_limits(&v)?;
        c.read_database(&v)?;
        Ok(c)
    }

    /// Which gateway, in which API generation, by which paths, checked how.
    fn read_gateway(&mut self, v: &Vars<'_>) -> Result<(), String> {
        if let Some(env) = v.get("PAYKKA_ENV") {
            let preset = match env.to_ascii_lowercase().as_str() {
                "sandbox" => "https://openapi-sandbox.paykka.com",
                "eu" => "https://openapi.eu.paykka.com",
                "hk" => "https://openapi.paykka.com",
                "local" => "http://127.0.0.1:8788",
                _ => {
                    return Err(format!(
                        "PAYKKA_ENV: expected sandbox, eu, hk or local, got {env:?}"
                    ));
                }
            };
            if v.get("PAYKKA_GATEWAY_URL").is_some() {
                return Err("set PAYKKA_ENV or PAYKKA_GATEWAY_URL, not both".into());
            }
            self.gateway_url = preset.into();
        }
        self.gateway_url = self.gateway_url.trim_end_matches('/').to_string();
        if let Some(s) = v.get("PAYKKA_API_VERSION") {
            self.api_version = ApiVersion::parse(&s)
                .ok_or_else(|| format!("PAYKKA_API_VERSION: expected v3 or v1.2, got {s:?}"))?;
        }
        self.app_id = v.get("PAYKKA_APP_ID");
        for op in Operation::ALL {
            if let Some(p) = v.get(&format!("PAYKKA_PATH_{}", op.env_name())) {
                if !p.starts_with('/') || p.contains(['?', '#', ' ']) {
                    return Err(format!(
                        "PAYKKA_PATH_{}: expected a path like /v3/payment/acq/..., got {p:?}",
                        op.env_name()
                    ));
                }
                self.paths.insert(op, p);
            }
        }
        self.verify_responses = v.switch("PAYKKA_VERIFY_RESPONSES", "on or off")?;
        self.verify_webhooks = v
            .switch("PAYKKA_VERIFY_WEBHOOKS", "on or off")?
            .unwrap_or(true);
        self.extensions = v.switch("PAYKKA_EXTENSIONS", "on or off")?.unwrap_or(true);
        if !(self.gateway_url.starts_with("http://") || self.gateway_url.starts_with("https://")) {
            return Err("PAYKKA_GATEWAY_URL must be an http(s) URL".into());
        }
        Ok(())
    }

    /// Who the merchant is, as shoppers and the gateway see it.
    fn read_merchant(&mut self, v: &Vars<'_>) -> Result<(), String> {
        if let Some(s) = v.get("PAYKKA_MERCHANT_ID") {
            self.merchant_id = s;
        }
        if let Some(s) = v.get("PAYKKA_MERCHANT_NAME") {
            self.merchant_name = s;
        }
        if let Some(s) = v.get("PAYKKA_MERCHANT_LOGO_URL") {
            let loopback = s.starts_with("http://127.0.0.1") || s.starts_with("http://localhost");
            if !(s.starts_with("https://") || loopback)
                || s.chars().any(|c| c.is_whitespace() || c == '"')
            {
                return Err(
                    "PAYKKA_MERCHANT_LOGO_URL must be an https URL (or http on loopback)".into(),
                );
            }
            self.merchant_logo_url = Some(s);
        }
        if let Some(s) = v.get("PAYKKA_MERCHANT_COUNTRY") {
            if s.len() != 2 || !s.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(
                    "PAYKKA_MERCHANT_COUNTRY must be an ISO 3166-1 alpha-2 code like HK".into(),
                );
            }
            self.merchant_country = s;
        }
        self.merchant_key_file = v.get("PAYKKA_MERCHANT_KEY_FILE").map(PathBuf::from);
        self.gateway_public_key_file = v.get("PAYKKA_GATEWAY_PUBLIC_KEY_FILE").map(PathBuf::from);
        Ok(())
    }

    /// Where this backend is reached, whom it lets in, what it sells, and its secret.
    fn read_backend(&mut self, v: &Vars<'_>) -> Result<(), String> {
        self.public_url = v.get("BACKEND_PUBLIC_URL");
        if let Some(s) = v.get("BACKEND_RETURN_URL") {
            self.return_url = s;
        }
        if let Some(s) = v.get("BACKEND_ALLOWED_ORIGINS") {
            self.allowed_origins = s
                .split(',')
                .map(|s| s.trim().trim_end_matches('/').to_string())
                .filter(|s| !s.is_empty())
                .collect();
        }
        self.register = v.switch("PAYKKA_SANDBOX_REGISTER", "auto, true or false")?;
        self.frames_origin = v.get("PAYKKA_FRAMES_ORIGIN");
        if let Some(s) = v.get("BACKEND_LOG") {
            self.log_requests = !matches!(s.as_str(), "0" | "false" | "off");
        }
        if let Some(file) = v.get("BACKEND_CATALOGUE") {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("BACKEND_CATALOGUE {file}: {e}"))?;
            self.catalogue =
                Catalogue::parse(&text).map_err(|e| format!("BACKEND_CATALOGUE {file}: {e}"))?;
        }
        if let Some(s) = v.get("BACKEND_SERVER_SECRET") {
            if s.len() < 32 {
                return Err("BACKEND_SERVER_SECRET must be at least 32 characters".into());
            }
            self.server_secret = Some(s);
        }
        Ok(())
    }

    /// Request-rate limits, how long records are kept, how long a gateway call may take.
    fn read_limits(&mut self, v: &Vars<'_>) -> Result<(), String> {
        let limit = |name: &str, default: u32| -> Result<u32, String> {
            Ok(v.number(name)?.unwrap_or(default))
        };
        let d = LimitConfig::default();
        self.limits = LimitConfig {
            sessions_per_ip: limit("BACKEND_LIMIT_SESSIONS_PER_IP", d.sessions_per_ip)?,
            sign_ins_per_ip: limit("BACKEND_LIMIT_SIGN_INS_PER_IP", d.sign_ins_per_ip)?,
            payments_per_ip: limit("BACKEND_LIMIT_PAYMENTS_PER_IP", d.payments_per_ip)?,
            payments_per_session: limit(
                "BACKEND_LIMIT_PAYMENTS_PER_SESSION",
                d.payments_per_session,
            )?,
            attempts_per_session: limit(
                "BACKEND_LIMIT_ATTEMPTS_PER_SESSION",
                d.attempts_per_session,
            )?,
        };
        if let Some(days) = v.number::<i64>("BACKEND_RETENTION_DAYS")? {
            if !(1..=3650).contains(&days) {
                return Err("BACKEND_RETENTION_DAYS must be between 1 and 3650".into());
            }
            self.retention_ms = days * 86_400_000;
        }
        if let Some(ms) = v.number::<u64>("PAYKKA_GATEWAY_TIMEOUT_MS")? {
            if !(100..=120_000).contains(&ms) {
                return Err("PAYKKA_GATEWAY_TIMEOUT_MS must be between 100 and 120000".into());
            }
            self.gateway_timeout = Duration::from_millis(ms);
        }
        Ok(())
    }

    /// Which database, and how many connections to it (`BACKEND_DATABASE_*`).
    fn read_database(&mut self, v: &Vars<'_>) -> Result<(), String> {
        if let Some(url) = v.get("BACKEND_DATABASE_URL") {
            let known = ["sqlite:", "postgres://", "postgresql://"];
            if !known.iter().any(|k| url.starts_with(k)) {
                return Err(format!(
                    "BACKEND_DATABASE_URL {}: expected sqlite://<path> or postgres://user@host/db",
                    crate::store::redacted(&url)
                ));
            }
            self.database.url = Some(url);
        }
        if let Some(n) = v.number::<usize>("BACKEND_DATABASE_POOL_SIZE")? {
            if !(1..=1000).contains(&n) {
                return Err("BACKEND_DATABASE_POOL_SIZE must be between 1 and 1000".into());
            }
            self.database.pool_size = n;
        }
        if let Some(ms) = v.number::<u64>("BACKEND_DATABASE_TIMEOUT_MS")? {
            if !(100..=60_000).contains(&ms) {
                return Err("BACKEND_DATABASE_TIMEOUT_MS must be between 100 and 60000".into());
            }
            self.database.timeout = Duration::from_millis(ms);
        }
        Ok(())
    }
}

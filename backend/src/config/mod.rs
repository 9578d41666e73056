//! Configuration: environment variables, optionally from a `KEY=VALUE` file named by
//! `BACKEND_CONFIG` (the environment wins over the file).

use crate::catalogue::Catalogue;
use crate::limits::LimitConfig;
use paykka_protocol::api::{ApiVersion, Operation};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

mod vars;

/// The demo merchant id registered with the sandbox when none is configured.
pub const DEMO_MERCHANT_ID: &str = "10000000000001";

#[derive(Clone, Debug)]
pub struct Config {
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    /// Gateway base URL (`PAYKKA_GATEWAY_URL`).
    pub gateway_url: String,
    pub merchant_id: String,
    pub merchant_name: String,
    /// The shop's logo for the checkout (`PAYKKA_MERCHANT_LOGO_URL`, https, or http on loopback).
    pub merchant_logo_url: Option<String>,
    /// The merchant's country (ISO 3166-1 alpha-2, `PAYKKA_MERCHANT_COUNTRY`), told to the
    /// wallets' payment sheets.
    pub merchant_country: String,
    /// PEM of the merchant private key; default `<data_dir>/merchant_key.pem`, generated on first start.
    pub merchant_key_file: Option<PathBuf>,
    /// Key given directly (tests).
    pub merchant_key_pem: Option<String>,
    /// Gateway public key(s) verifying webhooks (file or PEM text), one or more PEM blocks: during
    /// a gateway key rotation both the old and the new key, either of which verifies. When
    /// neither is set, the keys are learnt at registration with the sandbox.
    pub gateway_public_key_file: Option<PathBuf>,
    pub gateway_public_key_pem: Option<String>,
    /// Public base URL of this backend, for `notify_url` (default `http://<bound address>`).
    pub public_url: Option<String>,
    /// Where shoppers come back after a redirect (3DS, wallet) when the SDK gives none.
    pub return_url: String,
    /// Origins allowed by CORS; also the only origins a `return_url` from the browser may use.
    pub allowed_origins: Vec<String>,
    /// Register the merchant public key with the sandbox portal at start: `auto` (when the
    /// gateway is on loopback), `true`, `false`.
    pub register: Option<bool>,
    /// Origin of the secure card frames / card key (default: the gateway URL).
    pub frames_origin: Option<String>,
    /// How long one gateway call may take (`PAYKKA_GATEWAY_TIMEOUT_MS`, default 20 000).
    pub gateway_timeout: Duration,
    /// Which generation of PayKKa's API to speak (`PAYKKA_API_VERSION`: `v3`, the default, or
    /// `v1.2`).
    pub api_version: ApiVersion,
    /// v3's `x-paykka-appid` (`PAYKKA_APP_ID`, default the merchant id).
    pub app_id: Option<String>,
    /// Paths PayKKa does not publish, overridden (`PAYKKA_PATH_<OPERATION>`, e.g.
    /// `PAYKKA_PATH_CAPTURE=/v3/payment/acq/capture`).
    pub paths: HashMap<Operation, String>,
    /// Verify the signature of the gateway's answers (`PAYKKA_VERIFY_RESPONSES`; default on
    /// against the sandbox, off against PayKKa until it confirms the string it signs).
    pub verify_responses: Option<bool>,
    /// Verify the signature of webhooks (`PAYKKA_VERIFY_WEBHOOKS`, default on). Off, a webhook
    /// is only a hint: the backend asks the gateway for the payment before it acts.
    pub verify_webhooks: bool,
    /// Send request members no PayKKa document shows (`PAYKKA_EXTENSIONS`, default on; see
    /// `gateway::EXTENSIONS`).
    pub extensions: bool,
    /// What the shop sells, at what price (`BACKEND_CATALOGUE`, a JSON file; default the demo
    /// shop's `backend/catalogue.json`): the only source of a browser checkout's money terms.
    pub catalogue: Catalogue,
    /// The secret of the merchant's own server (`BACKEND_SERVER_SECRET`, at least 32
    /// characters); default: generated into `<data_dir>/server_secret`.
    pub server_secret: Option<String>,
    /// Request-rate limits (`BACKEND_LIMIT_*`).
    pub limits: LimitConfig,
    /// How long idempotency records, attempts and unpaid orders are kept
    /// (`BACKEND_RETENTION_DAYS`, default 30).
    pub retention_ms: i64,
    /// One line per request on stderr (`BACKEND_LOG=0` turns it off).
    pub log_requests: bool,
    /// Where the records are kept (`BACKEND_DATABASE_URL`: SQLite in the data directory by
    /// default, PostgreSQL for several instances) and the pool's settings.
    pub database: crate::store::DatabaseConfig,
}

impl Config {
    pub fn new(
        addr: SocketAddr,
        data_dir: impl Into<PathBuf>,
        gateway_url: impl Into<String>,
    ) -> Self {
        Self {
            addr,
            data_dir: data_dir.into(),
            gateway_url: gateway_url.into(),
            merchant_id: DEMO_MERCHANT_ID.into(),
            merchant_name: "PayKKa Demo Store".into(),
            merchant_logo_url: None,
            merchant_country: "HK".into(),
            merchant_key_file: None,
            merchant_key_pem: None,
            gateway_public_key_file: None,
            gateway_public_key_pem: None,
            public_url: None,
            return_url: "http://127.0.0.1:8080/".into(),
            allowed_origins: vec![
                "http://127.0.0.1:8080".into(),
                "http://localhost:8080".into(),
            ],
            register: None,
            frames_origin: None,
            gateway_timeout: Duration::from_secs(20),
            api_version: ApiVersion::default(),
            app_id: None,
            paths: HashMap::new(),
            verify_responses: None,
            verify_webhooks: true,
            extensions: true,
            catalogue: Catalogue::demo(),
            server_secret: None,
            limits: LimitConfig::default(),
            retention_ms: 30 * 86_400_000,
            log_requests: true,
            database: Default::default(),
        }
    }

    pub fn key_file(&self) -> PathBuf {
        self.merchant_key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("merchant_key.pem"))
    }

    /// Are the gateway's webhook keys configured (rather than learnt from the sandbox portal)?
    pub fn gateway_keys_configured(&self) -> bool {
        self.gateway_public_key_pem.is_some() || self.gateway_public_key_file.is_some()
    }

    pub fn gateway_is_loopback(&self) -> bool {
        let rest = self.gateway_url.split("://").nth(1).unwrap_or("");
        let host = rest.split(['/', '?']).next().unwrap_or("");
        let host = host
            .rsplit_once(':')
            .map(|(h, p)| {
                if p.chars().all(|c| c.is_ascii_digit()) {
                    h
                } else {
                    host
                }
            })
            .unwrap_or(host);
        matches!(host, "127.0.0.1" | "localhost" | "[::1]") || host.starts_with("127.")
    }

    pub fn verifies_responses(&self) -> bool {
        self.verify_responses
            .unwrap_or_else(|| self.gateway_is_loopback())
    }

    /// How the gateway client talks to the gateway.
    pub fn gateway_options(&self) -> crate::gateway::GatewayOptions {
        let mut o = crate::gateway::GatewayOptions::new(&self.gateway_url, &self.merchant_id);
        o.version = self.api_version;
        if let Some(a) = &self.app_id {
            o.app_id = a.clone();
        }
        o.timeout = self.gateway_timeout;
        o.paths = self.paths.clone();
        o.verify_responses = self.verifies_responses();
        o.extensions = self.extensions;
        o
    }

    /// Refuses configurations that would look like they work and then fail with real money:
    /// each message says what to set.
    pub fn check(&self) -> Result<(), String> {
        if self.gateway_is_loopback() {
            return Ok(());
        }
        if !self.gateway_url.starts_with("https://") {
            return Err(format!(
                "PAYKKA_GATEWAY_URL {} is not https: set the https URL of PayKKa's gateway (or PAYKKA_ENV=sandbox|eu|hk)",
                self.gateway_url
            ));
        }
        let public = self.public_url.as_deref().unwrap_or("");
        let public_host = public
            .split("://")
            .nth(1)
            .unwrap_or("")
            .split(['/', ':'])
            .next()
            .unwrap_or("");
        if public.is_empty()
            || matches!(public_host, "127.0.0.1" | "localhost" | "[::1]" | "0.0.0.0")
            || public_host.starts_with("127.")
        {
            return Err(format!(
                "BACKEND_PUBLIC_URL is {}: set it to this backend's public https URL, where {} can deliver webhooks",
                if public.is_empty() {
                    "not set".to_string()
                } else {
                    public.to_string()
                },
                self.gateway_url
            ));
        }
        if !self.gateway_keys_configured() {
            return Err(
                "no gateway public key: set PAYKKA_GATEWAY_PUBLIC_KEY_FILE to PayKKa's platform public key (PEM), from PayKKa's merchant portal"
                    .into(),
            );
        }
        Ok(())
    }

    pub fn should_register(&self) -> bool {
        self.register.unwrap_or_else(|| self.gateway_is_loopback())
    }

    pub fn notify_url(&self) -> String {
        format!(
            "{}/api/webhooks/paykka",
            self.public_url
                .as_deref()
                .unwrap_or("http://127.0.0.1:8787")
                .trim_end_matches('/')
        )
    }

    /// Is this backend reached over https (so its cookies must be `Secure`)?
    pub fn serves_https(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
            || self
                .allowed_origins
                .iter()
                .any(|o| o.starts_with("https://"))
    }

    pub fn frames_origin(&self) -> String {
        self.frames_origin
            .clone()
            .unwrap_or_else(|| self.gateway_url.trim_end_matches('/').to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_detection_and_file_vars() {
        let mut v = HashMap::new();
        let c = Config::from_vars(&v).unwrap();
        assert!(c.gateway_is_loopback() && c.should_register());
        assert_eq!(c.addr.port(), 8787);
        v.insert(
            "PAYKKA_GATEWAY_URL".into(),
            "https://sandbox.aq.paykka.com/".into(),
        );
        v.insert("PAYKKA_MERCHANT_ID".into(), "18356675194960".into());
        let c = Config::from_vars(&v).unwrap();
        assert!(!c.gateway_is_loopback() && !c.should_register());
        assert_eq!(c.gateway_url, "https://sandbox.aq.paykka.com");
        v.insert("PAYKKA_GATEWAY_URL".into(), "http://localhost:9000".into());
        assert!(Config::from_vars(&v).unwrap().gateway_is_loopback());
        v.insert("PAYKKA_SANDBOX_REGISTER".into(), "maybe".into());
        assert!(Config::from_vars(&v).is_err());
    }

    fn vars(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn refusal(pairs: &[(&str, &str)]) -> String {
        match Config::from_vars(&vars(pairs)) {
            Err(e) => e,
            Ok(c) => c.check().expect_err("refused"),
        }
    }

    #[test]
    fn a_configuration_that_would_fail_with_real_money_refuses_to_start_and_says_what_to_set() {
        let real = [
            ("PAYKKA_ENV", "sandbox"),
            ("BACKEND_PUBLIC_URL", "https://shop.example.com"),
            ("PAYKKA_GATEWAY_PUBLIC_KEY_FILE", "/etc/paykka/platform.pem"),
        ];
        assert_eq!(Config::from_vars(&vars(&real)).unwrap().check(), Ok(()));
        let without = |name: &str| -> Vec<(&str, &str)> {
            real.iter().copied().filter(|(k, _)| *k != name).collect()
        };
        let e = refusal(&without("BACKEND_PUBLIC_URL"));
        assert!(e.contains("BACKEND_PUBLIC_URL"), "{e}");
        let mut loopback = without("BACKEND_PUBLIC_URL");
        loopback.push(("BACKEND_PUBLIC_URL", "http://127.0.0.1:8787"));
        assert!(refusal(&loopback).contains("BACKEND_PUBLIC_URL"));
        let e = refusal(&without("PAYKKA_GATEWAY_PUBLIC_KEY_FILE"));
        assert!(e.contains("PAYKKA_GATEWAY_PUBLIC_KEY_FILE"), "{e}");
        let mut plain_http = without("PAYKKA_ENV");
        plain_http.push(("PAYKKA_GATEWAY_URL", "http://openapi-sandbox.paykka.com"));
        assert!(refusal(&plain_http).contains("https"));
        let mut version = real.to_vec();
        version.push(("PAYKKA_API_VERSION", "v2"));
        assert!(refusal(&version).contains("PAYKKA_API_VERSION"));
        let mut both = real.to_vec();
        both.push(("PAYKKA_GATEWAY_URL", "https://openapi.paykka.com"));
        assert!(refusal(&both).contains("not both"));
        assert!(refusal(&[("PAYKKA_ENV", "mars")]).contains("PAYKKA_ENV"));
        assert!(
            refusal(&[("PAYKKA_GATEWAY_TIMEOUT_MS", "0")]).contains("PAYKKA_GATEWAY_TIMEOUT_MS")
        );
        assert!(refusal(&[("PAYKKA_PATH_CAPTURE", "capture")]).contains("PAYKKA_PATH_CAPTURE"));
        // The sandbox on loopback needs none of it.
        assert_eq!(Config::from_vars(&vars(&[])).unwrap().check(), Ok(()));
    }

    #[test]
    fn the_database_is_sqlite_by_default_and_a_url_of_another_kind_is_refused() {
        let c = Config::from_vars(&vars(&[])).unwrap();
        assert_eq!((c.database.url, c.database.pool_size), (None, 16));
        let pg = "postgres://shop:pw@db.internal/shop";
        let c = Config::from_vars(&vars(&[
            ("BACKEND_DATABASE_URL", pg),
            ("BACKEND_DATABASE_POOL_SIZE", "40"),
            ("BACKEND_DATABASE_TIMEOUT_MS", "2000"),
        ]))
        .unwrap();
        assert_eq!(c.database.url.as_deref(), Some(pg));
        assert_eq!(
            (c.database.pool_size, c.database.timeout),
            (40, Duration::from_secs(2))
        );
        let e = refusal(&[("BACKEND_DATABASE_URL", "mysql://shop:pw@db/shop")]);
        assert!(
            e.contains("BACKEND_DATABASE_URL") && !e.contains("pw"),
            "{e}"
        );
        assert!(refusal(&[("BACKEND_DATABASE_POOL_SIZE", "0")]).contains("POOL_SIZE"));
    }

    #[test]
    fn paykka_hosts_are_named_by_environment_and_the_version_defaults_to_v3() {
        for (env, host) in [
            ("sandbox", "https://openapi-sandbox.paykka.com"),
            ("eu", "https://openapi.eu.paykka.com"),
            ("HK", "https://openapi.paykka.com"),
        ] {
            let c = Config::from_vars(&vars(&[("PAYKKA_ENV", env)])).unwrap();
            assert_eq!(c.gateway_url, host);
            assert_eq!(c.api_version, ApiVersion::V3);
            assert!(
                !c.verifies_responses(),
                "off against PayKKa until it confirms the string"
            );
        }
        let c = Config::from_vars(&vars(&[
            ("PAYKKA_API_VERSION", "v1.2"),
            ("PAYKKA_GATEWAY_TIMEOUT_MS", "2500"),
            ("PAYKKA_PATH_CAPTURE", "/v3/payment/acq/capture/v2"),
            ("PAYKKA_VERIFY_RESPONSES", "on"),
            ("PAYKKA_EXTENSIONS", "off"),
        ]))
        .unwrap();
        let o = c.gateway_options();
        assert_eq!(
            (o.version, o.timeout, o.verify_responses, o.extensions),
            (ApiVersion::V1_2, Duration::from_millis(2500), true, false)
        );
        assert_eq!(o.paths[&Operation::Capture], "/v3/payment/acq/capture/v2");
        assert!(
            Config::from_vars(&vars(&[])).unwrap().verifies_responses(),
            "on against the sandbox"
        );
    }
}

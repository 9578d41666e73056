//! The sandbox's configuration: given in code (tests) or read from `SANDBOX_*` variables.

use crate::frames;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Largest request body accepted.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// A merchant known to the sandbox before any portal registration.
#[derive(Clone, Debug)]
pub struct MerchantSeed {
    pub merchant_id: String,
    pub name: String,
    pub public_key_pem: String,
}

#[derive(Clone, Debug)]
pub struct Config {
    /// Listen address (loopback). Port 0 picks a free port.
    pub addr: SocketAddr,
    /// Holds `sandbox.sqlite`, `gateway_key.pem` (webhook signing), `gateway_key.next.pem` (the
    /// announced next webhook key, during a rotation) and `card_key.pem`.
    pub data_dir: PathBuf,
    /// Base URL of the sandbox as shoppers' browsers see it (session_url, 3DS and QR pages).
    /// Default `http://<bound address>`.
    pub public_url: Option<String>,
    /// Keys given directly (tests); else read from `data_dir`, generated on first start.
    pub gateway_key_pem: Option<String>,
    /// The announced next webhook key (with `gateway_key_pem`; tests of key rotation).
    pub gateway_next_key_pem: Option<String>,
    pub card_key_pem: Option<String>,
    /// The oldest card envelope a payment takes (`SANDBOX_CARD_DATA_MAX_AGE_S`, default 15 min).
    pub card_data_max_age: Duration,
    /// Merchants registered at start.
    pub merchants: Vec<MerchantSeed>,
    /// Enables the unsigned loopback portal (`POST /portal/merchants`).
    pub portal: bool,
    /// First webhook retry delay; doubles on each failed attempt (capped at 1 h).
    pub webhook_retry_base: Duration,
    pub webhook_max_attempts: u32,
    /// How often the background worker looks for due webhooks and expired actions.
    pub worker_tick: Duration,
    /// Lifetime of a QR code / wallet approval / 3DS challenge.
    pub action_ttl: Duration,
    /// One line per request on stderr (`SANDBOX_LOG=0` turns it off).
    pub log_requests: bool,
    /// Folder of the built secure card frames, served at `/frames/` (`None`: not served).
    /// A missing folder answers 404 with a hint; the sandbox starts anyway.
    pub frames_dir: Option<PathBuf>,
    /// Origins allowed to embed the frames (CSP `frame-ancestors`, beside `'self'`).
    pub frame_ancestors: Vec<String>,
    /// Folder of the script-tag SDK bundles (`scripts/build-sdk.sh`), served at `/sdk/` for
    /// the hosted payment page. `None`: no hosted page.
    pub sdk_dir: Option<PathBuf>,
    /// How long every answer of the signed API waits before it leaves
    /// (`SANDBOX_ANSWER_DELAY_MS`, default 0): a slow gateway, to try a client's timeout.
    pub answer_delay: Duration,
}

impl Config {
    pub fn new(addr: SocketAddr, data_dir: impl Into<PathBuf>) -> Self {
        Self {
            addr,
            data_dir: data_dir.into(),
            public_url: None,
            gateway_key_pem: None,
            gateway_next_key_pem: None,
            card_key_pem: None,
            card_data_max_age: Duration::from_millis(paykka_protocol::cardenc::DEFAULT_MAX_AGE_MS),
            merchants: Vec::new(),
            portal: true,
            webhook_retry_base: Duration::from_secs(2),
            webhook_max_attempts: 12,
            worker_tick: Duration::from_millis(500),
            action_ttl: Duration::from_secs(15 * 60),
            log_requests: true,
            frames_dir: Some(PathBuf::from("target/frames")),
            sdk_dir: Some(PathBuf::from("target/sdk")),
            answer_delay: Duration::ZERO,
            frame_ancestors: frames::DEFAULT_FRAME_ANCESTORS
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }

    /// Reads `SANDBOX_*` environment variables (see the README).
    pub fn from_env() -> Result<Self, String> {
        let addr: SocketAddr = var("SANDBOX_ADDR")
            .unwrap_or_else(|| "127.0.0.1:8788".into())
            .parse()
            .map_err(|e| format!("SANDBOX_ADDR: {e}"))?;
        if !addr.ip().is_loopback() && var("SANDBOX_ALLOW_REMOTE").as_deref() != Some("1") {
            return Err(format!(
                "SANDBOX_ADDR {addr} is not loopback: the sandbox has an unauthenticated portal and test keys; set SANDBOX_ALLOW_REMOTE=1 to insist"
            ));
        }
        let mut cfg = Config::new(
            addr,
            var("SANDBOX_DATA_DIR").unwrap_or_else(|| ".data/sandbox".into()),
        );
        cfg.public_url = var("SANDBOX_PUBLIC_URL");
        if let Some(on) = flag("SANDBOX_PORTAL") {
            cfg.portal = on;
        }
        if let Some(on) = flag("SANDBOX_LOG") {
            cfg.log_requests = on;
        }
        if let Some(d) = duration("SANDBOX_WEBHOOK_RETRY_MS", Duration::from_millis)? {
            cfg.webhook_retry_base = d;
        }
        if let Some(d) = duration("SANDBOX_ANSWER_DELAY_MS", Duration::from_millis)? {
            cfg.answer_delay = d;
        }
        if let Some(d) = duration("SANDBOX_CARD_DATA_MAX_AGE_S", Duration::from_secs)? {
            cfg.card_data_max_age = d;
        }
        if let Some(v) = var("SANDBOX_FRAMES_DIR") {
            cfg.frames_dir = Some(PathBuf::from(v));
        }
        if let Some(v) = var("SANDBOX_SDK_DIR") {
            cfg.sdk_dir = Some(PathBuf::from(v));
        }
        if let Some(v) = var("SANDBOX_FRAME_ANCESTORS") {
            cfg.frame_ancestors = frame_ancestors(&v)?;
        }
        if let Some(seed) = merchant_seed()? {
            cfg.merchants.push(seed);
        }
        Ok(cfg)
    }
}

/// A variable, unset when empty.
fn var(k: &str) -> Option<String> {
    std::env::var(k).ok().filter(|v| !v.trim().is_empty())
}

/// An on/off variable: anything but `0`, `false` or `off` is on.
fn flag(k: &str) -> Option<bool> {
    var(k).map(|v| !matches!(v.as_str(), "0" | "false" | "off"))
}

/// A whole number of `unit`s (`Duration::from_millis`, `Duration::from_secs`).
fn duration(k: &str, unit: fn(u64) -> Duration) -> Result<Option<Duration>, String> {
    var(k)
        .map(|v| v.parse().map(unit).map_err(|e| format!("{k}: {e}")))
        .transpose()
}

/// `SANDBOX_FRAME_ANCESTORS`: origins separated by commas or spaces.
fn frame_ancestors(v: &str) -> Result<Vec<String>, String> {
    let list: Vec<String> = v
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    if let Some(bad) = list.iter().find(|a| !frames::valid_ancestor(a)) {
        return Err(format!(
            "SANDBOX_FRAME_ANCESTORS: {bad:?} is not an http(s) origin"
        ));
    }
    Ok(list)
}

/// The merchant of `SANDBOX_MERCHANT_ID` and `SANDBOX_MERCHANT_KEY_FILE`, when both are set.
fn merchant_seed() -> Result<Option<MerchantSeed>, String> {
    let (Some(id), Some(file)) = (var("SANDBOX_MERCHANT_ID"), var("SANDBOX_MERCHANT_KEY_FILE"))
    else {
        return Ok(None);
    };
    let pem = std::fs::read_to_string(&file)
        .map_err(|e| format!("SANDBOX_MERCHANT_KEY_FILE {file}: {e}"))?;
    Ok(Some(MerchantSeed {
        merchant_id: id,
        name: var("SANDBOX_MERCHANT_NAME").unwrap_or_else(|| "Demo Merchant".into()),
        public_key_pem: pem,
    }))
}

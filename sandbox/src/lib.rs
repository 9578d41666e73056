//! PayKKa gateway emulator ("sandbox"): the payments API of the seeds on loopback, with SQLite
//! storage, request signature checks, card decryption, 3DS challenge and wallet approval pages,
//! and signed webhooks with retries. See `sandbox/README.md`.

mod db;
pub mod frames;
mod gateway;
mod hosted;
mod pages;
mod scenario;
mod webhook;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use paykka_protocol::api::ApiVersion;
use paykka_protocol::cardenc::CardKey;
use paykka_protocol::sign::{SigningKey, VerifyingKey, VerifyingKeys};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tokio::sync::{Notify, watch};

pub use db::Db;

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
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
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
        if let Some(v) = var("SANDBOX_PORTAL") {
            cfg.portal = !matches!(v.as_str(), "0" | "false" | "off");
        }
        if let Some(v) = var("SANDBOX_LOG") {
            cfg.log_requests = !matches!(v.as_str(), "0" | "false" | "off");
        }
        if let Some(v) = var("SANDBOX_WEBHOOK_RETRY_MS") {
            cfg.webhook_retry_base = Duration::from_millis(
                v.parse()
                    .map_err(|e| format!("SANDBOX_WEBHOOK_RETRY_MS: {e}"))?,
            );
        }
        if let Some(v) = var("SANDBOX_ANSWER_DELAY_MS") {
            cfg.answer_delay = Duration::from_millis(
                v.parse()
                    .map_err(|e| format!("SANDBOX_ANSWER_DELAY_MS: {e}"))?,
            );
        }
        if let Some(v) = var("SANDBOX_CARD_DATA_MAX_AGE_S") {
            cfg.card_data_max_age = Duration::from_secs(
                v.parse()
                    .map_err(|e| format!("SANDBOX_CARD_DATA_MAX_AGE_S: {e}"))?,
            );
        }
        if let Some(v) = var("SANDBOX_FRAMES_DIR") {
            cfg.frames_dir = Some(PathBuf::from(v));
        }
        if let Some(v) = var("SANDBOX_SDK_DIR") {
            cfg.sdk_dir = Some(PathBuf::from(v));
        }
        if let Some(v) = var("SANDBOX_FRAME_ANCESTORS") {
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
            cfg.frame_ancestors = list;
        }
        if let (Some(id), Some(file)) =
            (var("SANDBOX_MERCHANT_ID"), var("SANDBOX_MERCHANT_KEY_FILE"))
        {
            let pem = std::fs::read_to_string(&file)
                .map_err(|e| format!("SANDBOX_MERCHANT_KEY_FILE {file}: {e}"))?;
            cfg.merchants.push(MerchantSeed {
                merchant_id: id,
                name: var("SANDBOX_MERCHANT_NAME").unwrap_or_else(|| "Demo Merchant".into()),
                public_key_pem: pem,
            });
        }
        Ok(cfg)
    }
}

/// The gateway's webhook keys. Rotation is in two steps: a next key is announced (published
/// beside the current one, so that merchants add it), then it replaces the current one, which is
/// no longer used (every delivery attempt is signed afresh, with the current key).
pub struct GatewayKeys {
    /// Signs every webhook.
    pub current: SigningKey,
    /// Announced, not signing yet.
    pub next: Option<SigningKey>,
}

impl GatewayKeys {
    /// What merchants should accept: the current key, then the next one if announced.
    pub fn published(&self) -> VerifyingKeys {
        VerifyingKeys::new(
            std::iter::once(&self.current)
                .chain(self.next.as_ref())
                .map(|k| k.verifying_key().clone()),
        )
    }
}

/// The gateway's card keys (see [`AppState::card_keys`]).
pub struct CardKeys {
    pub current: CardKey,
    pub previous: Option<CardKey>,
}

impl CardKeys {
    /// The key an envelope names, current or previous.
    pub fn by_kid(&self, kid: &str) -> Option<&CardKey> {
        std::iter::once(&self.current)
            .chain(self.previous.as_ref())
            .find(|k| k.kid() == kid)
    }
}

pub struct AppState {
    pub base_url: String,
    pub db: Db,
    pub gateway_keys: RwLock<GatewayKeys>,
    /// Where the gateway keys are kept (`None`: given in the config, rotations stay in memory).
    pub(crate) gateway_key_dir: Option<PathBuf>,
    /// The card keys: the current one, which `/card-key` publishes, and during a rotation the
    /// previous one, which still opens envelopes sealed before the switch until it is retired.
    pub card_keys: RwLock<CardKeys>,
    /// Where the card key is kept (`None`: given in the config, rotations stay in memory).
    pub(crate) card_key_dir: Option<PathBuf>,
    /// The oldest card envelope a payment takes.
    pub card_data_max_age: Duration,
    /// Added to the clock when judging a card envelope's age: the portal's test clock
    /// (`POST /portal/card-data-clock`), so a test can age envelopes without waiting.
    pub card_data_clock_ms: std::sync::atomic::AtomicI64,
    pub portal: bool,
    pub webhook_retry_base: Duration,
    pub webhook_max_attempts: u32,
    pub action_ttl: Duration,
    pub log_requests: bool,
    pub answer_delay: Duration,
    pub frames_dir: Option<PathBuf>,
    pub frame_ancestors: Vec<String>,
    pub sdk_dir: Option<PathBuf>,
    pub(crate) wake: Notify,
    pub(crate) http: reqwest::Client,
    /// v3 nonces seen in the last [`paykka_protocol::sign::MAX_SKEW_MS`], per merchant: a
    /// replayed request is refused.
    pub(crate) request_nonces: std::sync::Mutex<HashMap<(String, String), i64>>,
    /// The API generation each merchant last spoke: its webhooks are signed the same way.
    pub(crate) merchant_versions: std::sync::Mutex<HashMap<String, ApiVersion>>,
}

pub type Shared = Arc<AppState>;

#[derive(Debug)]
pub struct StartError(pub String);

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for StartError {}

/// A running sandbox.
pub struct Running {
    pub addr: SocketAddr,
    pub base_url: String,
    pub state: Shared,
    shutdown: watch::Sender<bool>,
    server: tokio::task::JoinHandle<()>,
    worker: tokio::task::JoinHandle<()>,
}

impl Running {
    /// Stops accepting, lets requests in flight finish, stops the webhook worker.
    pub async fn shutdown(self) {
        let _ = self.shutdown.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(5), self.server).await;
        let _ = tokio::time::timeout(Duration::from_secs(5), self.worker).await;
    }

    /// Waits until the server stops (for `main`).
    pub async fn wait(self) {
        let _ = self.server.await;
    }

    pub fn shutdown_handle(&self) -> watch::Sender<bool> {
        self.shutdown.clone()
    }
}

fn load_or_generate(
    dir: &Path,
    name: &str,
    given: &Option<String>,
) -> Result<SigningKey, StartError> {
    if let Some(pem) = given {
        return SigningKey::from_pem(pem).map_err(|e| StartError(format!("{name}: {e}")));
    }
    let path = dir.join(name);
    if path.exists() {
        let pem = std::fs::read_to_string(&path)
            .map_err(|e| StartError(format!("{}: {e}", path.display())))?;
        return SigningKey::from_pem(&pem)
            .map_err(|e| StartError(format!("{}: {e}", path.display())));
    }
    eprintln!(
        "paykka-sandbox: generating {} (first start)",
        path.display()
    );
    let key = SigningKey::generate(2048).map_err(|e| StartError(e.to_string()))?;
    write_private(&path, &key.to_pkcs8_pem())?;
    Ok(key)
}

/// Replaces a private key file (owner-only) by writing a temporary file and renaming it.
fn replace_private(path: &Path, contents: &str) -> Result<(), StartError> {
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    write_private(&tmp, contents)?;
    std::fs::rename(&tmp, path).map_err(|e| StartError(format!("{}: {e}", path.display())))
}

impl AppState {
    /// Records a v3 nonce; false when the merchant already used it within the time window.
    pub(crate) fn first_use_of_nonce(&self, merchant_id: &str, nonce: &str, now: i64) -> bool {
        let mut seen = self
            .request_nonces
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if seen.len() > 100_000 {
            seen.retain(|_, t| now - *t <= paykka_protocol::sign::MAX_SKEW_MS);
        }
        let key = (merchant_id.to_string(), nonce.to_string());
        match seen.get(&key) {
            Some(t) if now - *t <= paykka_protocol::sign::MAX_SKEW_MS => false,
            _ => {
                seen.insert(key, now);
                true
            }
        }
    }

    pub(crate) fn spoke(&self, merchant_id: &str, version: ApiVersion) {
        let mut v = self
            .merchant_versions
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if v.get(merchant_id) != Some(&version) {
            v.insert(merchant_id.to_string(), version);
        }
    }

    /// The API generation a merchant speaks (v3 until it has called).
    pub fn version_of(&self, merchant_id: &str) -> ApiVersion {
        self.merchant_versions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(merchant_id)
            .copied()
            .unwrap_or_default()
    }

    fn keys(&self) -> std::sync::RwLockReadGuard<'_, GatewayKeys> {
        self.gateway_keys.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Signs a webhook with the current gateway key.
    pub fn sign_webhook(&self, merchant_id: &str, timestamp: i64, body: &[u8]) -> String {
        self.keys().current.sign(merchant_id, timestamp, body)
    }

    /// Rotates the card key: `next` becomes current (what `/card-key` publishes from now on),
    /// the current one previous (it still opens envelopes sealed before the switch), and a
    /// previous one is dropped. The new key is written to `card_key.pem` when the keys are
    /// kept in the data folder.
    pub fn rotate_card_key(&self, next: CardKey, pem: &str) -> Result<(), StartError> {
        if let Some(dir) = &self.card_key_dir {
            replace_private(&dir.join("card_key.pem"), pem)?;
        }
        let mut keys = self.card_keys.write().unwrap_or_else(|e| e.into_inner());
        let old = std::mem::replace(&mut keys.current, next);
        keys.previous = Some(old);
        Ok(())
    }

    /// Ends a rotation: the previous card key opens nothing any more. `false` if there was none.
    pub fn retire_previous_card_key(&self) -> bool {
        self.card_keys
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .previous
            .take()
            .is_some()
    }

    /// The card key the frames encrypt with now.
    pub fn card_key(&self) -> CardKey {
        self.card_keys
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .current
            .clone()
    }

    /// The clock card envelopes are judged by (Unix ms): the real one, plus the test clock.
    pub fn card_data_now_ms(&self) -> i64 {
        paykka_protocol::time::now_ms()
            + self
                .card_data_clock_ms
                .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The key webhooks are signed with now.
    pub fn gateway_public_key(&self) -> VerifyingKey {
        self.keys().current.verifying_key().clone()
    }

    /// The keys merchants should accept: the current one, and the announced next one.
    pub fn gateway_public_keys(&self) -> VerifyingKeys {
        self.keys().published()
    }

    /// The announced next key, if any.
    pub fn gateway_next_key(&self) -> Option<VerifyingKey> {
        self.keys().next.as_ref().map(|k| k.verifying_key().clone())
    }

    /// Step 1 of a rotation: announces `next` (published beside the current key; webhooks are
    /// still signed with the current one). Replaces a key announced before.
    pub fn announce_gateway_key(&self, next: SigningKey) -> Result<(), StartError> {
        let mut g = self.gateway_keys.write().unwrap_or_else(|e| e.into_inner());
        if let Some(dir) = &self.gateway_key_dir {
            replace_private(&dir.join("gateway_key.next.pem"), &next.to_pkcs8_pem())?;
        }
        g.next = Some(next);
        Ok(())
    }

    /// Step 2: the announced key signs from now on; the old one is retired. False if no key
    /// was announced.
    pub fn switch_gateway_key(&self) -> Result<bool, StartError> {
        let mut g = self.gateway_keys.write().unwrap_or_else(|e| e.into_inner());
        let Some(next) = g.next.take() else {
            return Ok(false);
        };
        if let Some(dir) = &self.gateway_key_dir {
            if let Err(e) = replace_private(&dir.join("gateway_key.pem"), &next.to_pkcs8_pem()) {
                g.next = Some(next);
                return Err(e);
            }
            let _ = std::fs::remove_file(dir.join("gateway_key.next.pem"));
        }
        g.current = next;
        Ok(true)
    }
}

/// Writes a private key file readable by the owner only.
pub fn write_private(path: &Path, contents: &str) -> Result<(), StartError> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(path)
        .map_err(|e| StartError(format!("{}: {e}", path.display())))?;
    f.write_all(contents.as_bytes())
        .map_err(|e| StartError(format!("{}: {e}", path.display())))
}

/// Builds the state, binds, and serves in the background.
pub async fn start(cfg: Config) -> Result<Running, StartError> {
    std::fs::create_dir_all(&cfg.data_dir)
        .map_err(|e| StartError(format!("{}: {e}", cfg.data_dir.display())))?;
    let gateway_key = load_or_generate(&cfg.data_dir, "gateway_key.pem", &cfg.gateway_key_pem)?;
    let next_file = cfg.data_dir.join("gateway_key.next.pem");
    let gateway_next_key = match (&cfg.gateway_key_pem, &cfg.gateway_next_key_pem) {
        (_, Some(pem)) => Some(
            SigningKey::from_pem(pem).map_err(|e| StartError(format!("gateway next key: {e}")))?,
        ),
        (None, None) if next_file.exists() => {
            let pem = std::fs::read_to_string(&next_file)
                .map_err(|e| StartError(format!("{}: {e}", next_file.display())))?;
            Some(
                SigningKey::from_pem(&pem)
                    .map_err(|e| StartError(format!("{}: {e}", next_file.display())))?,
            )
        }
        _ => None,
    };
    let card_key = CardKey::new(
        load_or_generate(&cfg.data_dir, "card_key.pem", &cfg.card_key_pem)?
            .private_key()
            .clone(),
    );
    let db = Db::open(&cfg.data_dir.join("sandbox.sqlite"))
        .map_err(|e| StartError(format!("database: {e}")))?;
    for m in &cfg.merchants {
        VerifyingKey::from_pem(&m.public_key_pem)
            .map_err(|e| StartError(format!("merchant {}: {e}", m.merchant_id)))?;
        db.upsert_merchant(&m.merchant_id, &m.name, &m.public_key_pem)
            .map_err(|e| StartError(e.to_string()))?;
    }
    let listener = tokio::net::TcpListener::bind(cfg.addr)
        .await
        .map_err(|e| StartError(format!("bind {}: {e}", cfg.addr)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| StartError(e.to_string()))?;
    let base_url = cfg
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"))
        .trim_end_matches('/')
        .to_string();
    let http = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| StartError(e.to_string()))?;
    let state = Arc::new(AppState {
        base_url: base_url.clone(),
        db,
        gateway_keys: RwLock::new(GatewayKeys {
            current: gateway_key,
            next: gateway_next_key,
        }),
        gateway_key_dir: cfg.gateway_key_pem.is_none().then(|| cfg.data_dir.clone()),
        card_keys: RwLock::new(CardKeys {
            current: card_key,
            previous: None,
        }),
        card_key_dir: cfg.card_key_pem.is_none().then(|| cfg.data_dir.clone()),
        card_data_max_age: cfg.card_data_max_age,
        card_data_clock_ms: std::sync::atomic::AtomicI64::new(0),
        portal: cfg.portal,
        webhook_retry_base: cfg.webhook_retry_base,
        webhook_max_attempts: cfg.webhook_max_attempts,
        action_ttl: cfg.action_ttl,
        log_requests: cfg.log_requests,
        answer_delay: cfg.answer_delay,
        frames_dir: cfg.frames_dir.clone(),
        frame_ancestors: cfg.frame_ancestors.clone(),
        sdk_dir: cfg.sdk_dir.clone(),
        wake: Notify::new(),
        http,
        request_nonces: Default::default(),
        merchant_versions: Default::default(),
    });
    let (tx, rx) = watch::channel(false);
    let app = router(state.clone());
    let mut srx = rx.clone();
    let server = tokio::spawn(async move {
        let r = axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = srx.wait_for(|v| *v).await;
            })
            .await;
        if let Err(e) = r {
            eprintln!("paykka-sandbox: server error: {e}");
        }
    });
    let worker = tokio::spawn(webhook::worker(state.clone(), cfg.worker_tick, rx));
    Ok(Running {
        addr,
        base_url,
        state,
        shutdown: tx,
        server,
        worker,
    })
}

/// The whole router. Add static routes (secure frames under `/sdk/`, `/frames/`) here.
pub fn router(state: Shared) -> Router {
    Router::new()
        .merge(gateway::routes())
        .merge(pages::routes())
        .merge(frames::routes())
        .merge(hosted::routes())
        .route("/hp/hosted.css", axum::routing::get(hosted::stylesheet))
        .fallback(gateway::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            gateway::sign_answers,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            log_request,
        ))
        .with_state(state)
}

/// One line per request on stderr: method, path (no query), status, time. Never bodies.
async fn log_request(
    axum::extract::State(st): axum::extract::State<Shared>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if !st.log_requests {
        return next.run(req).await;
    }
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let t = std::time::Instant::now();
    let res = next.run(req).await;
    if path != "/health" {
        eprintln!(
            "sandbox {method} {path} {} {}ms",
            res.status().as_u16(),
            t.elapsed().as_millis()
        );
    }
    res
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

//! PayKKa gateway emulator ("sandbox"): the payments API of the seeds on loopback, with SQLite
//! storage, request signature checks, card decryption, 3DS challenge and wallet approval pages,
//! and signed webhooks with retries. See `sandbox/README.md`.

mod config;
mod db;
pub mod frames;
mod gateway;
mod hosted;
mod html;
mod ids;
mod keys;
mod lifecycle;
mod pages;
mod records;
mod scenario;
mod state;
mod webhook;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use keys::load_or_generate;
use paykka_protocol::cardenc::CardKey;
use paykka_protocol::sign::{SigningKey, VerifyingKey};
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tokio::sync::{Notify, watch};

pub use config::{Config, MAX_BODY_BYTES, MerchantSeed};
pub use db::Db;
pub use keys::{CardKeys, GatewayKeys, StartError, write_private};
pub use state::{AppState, Shared};

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

/// Builds the state, binds, and serves in the background.
pub async fn start(cfg: Config) -> Result<Running, StartError> {
    std::fs::create_dir_all(&cfg.data_dir)
        .map_err(|e| StartError(format!("{}: {e}", cfg.data_dir.display())))?;
    let (gateway_keys, card_keys) = load_keys(&cfg)?;
    let db = open_db(&cfg)?;
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
        gateway_keys: RwLock::new(gateway_keys),
        gateway_key_dir: cfg.gateway_key_pem.is_none().then(|| cfg.data_dir.clone()),
        card_keys: RwLock::new(card_keys),
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

/// The gateway keys (with the announced next one, given or left in the data folder by a
/// rotation) and the card key: given in the config, else read from the data folder, else
/// generated there.
fn load_keys(cfg: &Config) -> Result<(GatewayKeys, CardKeys), StartError> {
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
    Ok((
        GatewayKeys {
            current: gateway_key,
            next: gateway_next_key,
        },
        CardKeys {
            current: card_key,
            previous: None,
        },
    ))
}

/// The database of the data folder, with the configured merchants registered.
fn open_db(cfg: &Config) -> Result<Db, StartError> {
    let db = Db::open(&cfg.data_dir.join("sandbox.sqlite"))
        .map_err(|e| StartError(format!("database: {e}")))?;
    for m in &cfg.merchants {
        VerifyingKey::from_pem(&m.public_key_pem)
            .map_err(|e| StartError(format!("merchant {}: {e}", m.merchant_id)))?;
        db.upsert_merchant(&m.merchant_id, &m.name, &m.public_key_pem)
            .map_err(|e| StartError(e.to_string()))?;
    }
    Ok(db)
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

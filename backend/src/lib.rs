//! Reference merchant backend for the PayKKa checkout. It holds the merchant's RSA key, signs
//! every gateway call, verifies the gateway's webhooks, keeps its orders in SQLite or
//! PostgreSQL (`store`: several instances share one PostgreSQL database), and serves
//! the small JSON API under `/api/` that the checkout SDK speaks. See `backend/README.md`.
//!
//! This file starts the server and names the public paths; nothing below imports from it
//! (shared pieces live in `state` and `support`), so the module graph has no circles.

pub mod accounts;
mod api;
pub mod catalogue;
mod cleanup;
mod config;
mod gateway;
mod limits;
pub mod operations;
pub mod shop_web;
mod state;
mod store;
mod support;
#[doc(hidden)]
pub mod testing;

pub use api::MAX_BODY_BYTES;
/// The request parsers and the webhook check, for the fuzz targets (`fuzz/`). Not an API.
#[doc(hidden)]
pub use api::fuzzing;
pub use config::{Config, DEMO_MERCHANT_ID};
pub use gateway::{EXTENSIONS, Gateway, GatewayError, GatewayOptions};
pub use limits::LimitConfig;
pub use operations::OperationError;
pub use state::{AppState, Shared};
pub use store::{DatabaseConfig, StoreError};
pub use support::{RandomUnavailable, random_bytes};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Method};
use paykka_protocol::hex;
use paykka_protocol::sign::{SigningKey, VerifyingKeys};
use paykka_protocol::time::now_ms;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Creates `dir` (and its parents) readable by this user only: it holds the merchant's
/// signing key, the server secret and the shoppers' orders.
fn private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Writes `contents` to a new file readable by this user only.
fn write_private_file(path: &std::path::Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)?.write_all(contents)
}

fn load_server_secret(cfg: &Config) -> Result<String, StartError> {
    if let Some(s) = &cfg.server_secret {
        return Ok(s.clone());
    }
    let path = cfg.data_dir.join("server_secret");
    if let Ok(s) = std::fs::read_to_string(&path) {
        let s = s.trim().to_string();
        if s.len() >= 32 {
            return Ok(s);
        }
        return Err(StartError(format!(
            "{}: shorter than 32 characters",
            path.display()
        )));
    }
    let secret =
        hex(&random_bytes::<32>().map_err(|_| StartError("no system random source".into()))?);
    write_private_file(&path, secret.as_bytes())
        .map_err(|e| StartError(format!("{}: {e}", path.display())))?;
    eprintln!(
        "paykka-backend: generated the server secret {} (first start)",
        path.display()
    );
    Ok(secret)
}

#[derive(Debug)]
pub struct StartError(pub String);
impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for StartError {}

pub struct Running {
    pub addr: SocketAddr,
    pub base_url: String,
    pub state: Shared,
    shutdown: watch::Sender<bool>,
    server: tokio::task::JoinHandle<()>,
}

impl Running {
    pub async fn shutdown(self) {
        let _ = self.shutdown.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(5), self.server).await;
    }
    pub async fn wait(self) {
        let _ = self.server.await;
    }
    pub fn shutdown_handle(&self) -> watch::Sender<bool> {
        self.shutdown.clone()
    }
}

fn load_key(cfg: &Config) -> Result<SigningKey, StartError> {
    if let Some(pem) = &cfg.merchant_key_pem {
        return SigningKey::from_pem(pem).map_err(|e| StartError(e.to_string()));
    }
    let path = cfg.key_file();
    if path.exists() {
        let pem = std::fs::read_to_string(&path)
            .map_err(|e| StartError(format!("{}: {e}", path.display())))?;
        return SigningKey::from_pem(&pem)
            .map_err(|e| StartError(format!("{}: {e}", path.display())));
    }
    eprintln!(
        "paykka-backend: generating merchant key {} (first start)",
        path.display()
    );
    let key = SigningKey::generate(2048).map_err(|e| StartError(e.to_string()))?;
    if let Some(dir) = path.parent() {
        private_dir(dir).map_err(|e| StartError(format!("{}: {e}", dir.display())))?;
    }
    write_private_file(&path, key.to_pkcs8_pem().as_bytes())
        .map_err(|e| StartError(format!("{}: {e}", path.display())))?;
    // The public half beside it, for registering with a gateway.
    let _ = std::fs::write(
        path.with_extension("pub.pem"),
        key.verifying_key().to_spki_pem(),
    );
    Ok(key)
}

/// The gateway public keys verify its answers and webhooks, any one of them sufficing (two
/// while the gateway rotates its key): from `PAYKKA_GATEWAY_PUBLIC_KEY_FILE` (one or more PEM
/// blocks), or, when none is configured, learnt when registering with the sandbox portal.
/// Empty: not known yet, webhooks are answered 503.
fn load_gateway_keys(cfg: &Config) -> Result<VerifyingKeys, StartError> {
    Ok(
        match (&cfg.gateway_public_key_pem, &cfg.gateway_public_key_file) {
            (Some(pem), _) => VerifyingKeys::from_pem_bundle(pem)
                .map_err(|e| StartError(format!("gateway public key: {e}")))?,
            (None, Some(file)) => {
                let pem = std::fs::read_to_string(file)
                    .map_err(|e| StartError(format!("{}: {e}", file.display())))?;
                VerifyingKeys::from_pem_bundle(&pem)
                    .map_err(|e| StartError(format!("{}: {e}", file.display())))?
            }
            _ => VerifyingKeys::default(),
        },
    )
}

/// One quick try now (tests start the sandbox first), then keep trying in the background.
async fn register_with_sandbox(state: &Shared) {
    if !api::register_with_sandbox(state).await {
        let st = state.clone();
        tokio::spawn(async move {
            for _ in 0..600 {
                tokio::time::sleep(Duration::from_secs(1)).await;
                if api::register_with_sandbox(&st).await {
                    break;
                }
            }
        });
    }
}

pub async fn start(cfg: Config) -> Result<Running, StartError> {
    cfg.check().map_err(StartError)?;
    private_dir(&cfg.data_dir)
        .map_err(|e| StartError(format!("{}: {e}", cfg.data_dir.display())))?;
    let server_secret = load_server_secret(&cfg)?;
    let key = load_key(&cfg)?;
    let gateway_keys = load_gateway_keys(&cfg)?;
    let store = store::Store::open(&cfg.database, &cfg.data_dir)
        .await
        .map_err(|e| StartError(format!("database: {e}")))?;
    let gateway = Gateway::new(cfg.gateway_options(), key, gateway_keys).map_err(StartError)?;
    let listener = tokio::net::TcpListener::bind(cfg.addr)
        .await
        .map_err(|e| StartError(format!("bind {}: {e}", cfg.addr)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| StartError(e.to_string()))?;
    let mut cfg = cfg;
    if cfg.public_url.is_none() {
        cfg.public_url = Some(format!("http://{addr}"));
    }
    let base_url = format!("http://{addr}");
    let register = cfg.should_register();
    let state = Arc::new(AppState {
        cfg,
        gateway,
        store,
        server_secret,
        releases: Default::default(),
    });
    if register {
        register_with_sandbox(&state).await;
    }
    let app = router(state.clone());
    let (tx, mut rx) = watch::channel(false);
    spawn_retention(state.clone(), rx.clone());
    spawn_releases(state.clone(), rx.clone());
    let server = tokio::spawn(async move {
        let r = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            let _ = rx.wait_for(|v| *v).await;
        })
        .await;
        if let Err(e) = r {
            eprintln!("paykka-backend: server error: {e}");
        }
    });
    Ok(Running {
        addr,
        base_url,
        state,
        shutdown: tx,
        server,
    })
}

pub fn router(state: Shared) -> Router {
    let origins: Vec<HeaderValue> = state
        .cfg
        .allowed_origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::DELETE])
        .allow_headers([
            HeaderName::from_static("content-type"),
            HeaderName::from_static("idempotency-key"),
        ])
        .max_age(Duration::from_secs(600));
    api::routes()
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(private_answers))
        .layer(cors)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            log_request,
        ))
        .with_state(state)
}

/// Every answer is about one shopper's checkout: never cached by a browser or a proxy, and
/// never sniffed into another type than it says.
async fn private_answers(mut res: axum::response::Response) -> axum::response::Response {
    let h = res.headers_mut();
    h.insert(
        axum::http::header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    );
    h.insert(
        axum::http::header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}

/// The hourly job: second charges a gateway outage left unreversed are reversed; expired logins go, and idempotency records, attempts and
/// unpaid orders older than `BACKEND_RETENTION_DAYS` (default 30).
fn spawn_retention(st: Shared, mut stop: watch::Receiver<bool>) {
    tokio::spawn(async move {
        loop {
            api::reverse_second_charges(&st).await;
            match st.store.purge(now_ms(), st.cfg.retention_ms).await {
                Ok(n) if n > 0 => eprintln!("backend: retention purged {n} records"),
                Ok(_) => {}
                Err(e) => eprintln!("backend: retention: {e}"),
            }
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs(3600)) => {}
                _ = stop.wait_for(|v| *v) => return,
            }
        }
    });
}

/// Every second: the releases an unreachable database refused, tried again (`cleanup`).
fn spawn_releases(st: Shared, mut stop: watch::Receiver<bool>) {
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                _ = stop.wait_for(|v| *v) => return,
            }
            st.releases.retry(&st.store).await;
        }
    });
}

async fn log_request(
    axum::extract::State(st): axum::extract::State<Shared>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if !st.cfg.log_requests {
        return next.run(req).await;
    }
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let t = std::time::Instant::now();
    let res = next.run(req).await;
    if path != "/health" {
        eprintln!(
            "backend {method} {path} {} {}ms",
            res.status().as_u16(),
            t.elapsed().as_millis()
        );
    }
    res
}

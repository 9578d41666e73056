//! Reference merchant backend for the PayKKa checkout. It holds the merchant's RSA key, signs
//! every gateway call, verifies the gateway's webhooks, keeps its orders in SQLite, and serves
//! the small JSON API under `/api/` that the checkout SDK speaks. See `backend/README.md`.

mod api;
mod config;
mod gateway;
mod store;

pub use config::Config;
/// The request parsers and the webhook check, for the fuzz targets (`fuzz/`). Not an API.
#[doc(hidden)]
pub use api::fuzzing;
pub use gateway::Gateway;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Method};
use paykka_protocol::sign::{SigningKey, VerifyingKeys};
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tokio::sync::watch;
use tower_http::cors::{AllowOrigin, CorsLayer};

pub const MAX_BODY_BYTES: usize = 64 * 1024;

pub struct AppState {
    pub cfg: Config,
    pub gateway: Gateway,
    pub store: store::Store,
    /// The gateway public keys that verify webhooks, any one of them sufficing (two while the
    /// gateway rotates its key): from `PAYKKA_GATEWAY_PUBLIC_KEY_FILE` (one or more PEM blocks),
    /// or, when none is configured, learnt when registering with the sandbox portal. Empty: not
    /// known yet, webhooks are answered 503.
    pub gateway_keys: RwLock<VerifyingKeys>,
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
        std::fs::create_dir_all(dir).map_err(|e| StartError(format!("{}: {e}", dir.display())))?;
    }
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(&path)
        .map_err(|e| StartError(format!("{}: {e}", path.display())))?;
    f.write_all(key.to_pkcs8_pem().as_bytes())
        .map_err(|e| StartError(e.to_string()))?;
    // The public half beside it, for registering with a gateway.
    let _ = std::fs::write(
        path.with_extension("pub.pem"),
        key.verifying_key().to_spki_pem(),
    );
    Ok(key)
}

pub async fn start(cfg: Config) -> Result<Running, StartError> {
    std::fs::create_dir_all(&cfg.data_dir)
        .map_err(|e| StartError(format!("{}: {e}", cfg.data_dir.display())))?;
    let key = load_key(&cfg)?;
    let gateway_keys = match (&cfg.gateway_public_key_pem, &cfg.gateway_public_key_file) {
        (Some(pem), _) => VerifyingKeys::from_pem_bundle(pem)
            .map_err(|e| StartError(format!("gateway public key: {e}")))?,
        (None, Some(file)) => {
            let pem = std::fs::read_to_string(file)
                .map_err(|e| StartError(format!("{}: {e}", file.display())))?;
            VerifyingKeys::from_pem_bundle(&pem)
                .map_err(|e| StartError(format!("{}: {e}", file.display())))?
        }
        _ => VerifyingKeys::default(),
    };
    let store = store::Store::open(&cfg.data_dir.join("backend.sqlite"))
        .map_err(|e| StartError(format!("database: {e}")))?;
    let gateway = Gateway::new(&cfg.gateway_url, &cfg.merchant_id, key).map_err(StartError)?;
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
        gateway_keys: RwLock::new(gateway_keys),
    });
    if register {
        // One quick try now (tests start the sandbox first), then keep trying in the background.
        if !api::register_with_sandbox(&state).await {
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
    let app = router(state.clone());
    let (tx, mut rx) = watch::channel(false);
    let server = tokio::spawn(async move {
        let r = axum::serve(listener, app)
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
        .layer(cors)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            log_request,
        ))
        .with_state(state)
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

pub(crate) fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

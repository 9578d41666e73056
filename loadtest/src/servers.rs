//! The backend and the sandbox, started in this process on ephemeral ports with fresh data dirs.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

pub struct Servers {
    pub sandbox: paykka_sandbox::Running,
    pub backend: paykka_backend::Running,
}

/// The in-process backend's server secret, sent by every request of the load test.
pub const SERVER_SECRET: &str = "load-test-server-secret-0123456789";

pub async fn start_servers(dir: &Path) -> Result<Servers, String> {
    use paykka_protocol::test_keys;
    let any: SocketAddr = "127.0.0.1:0".parse().expect("an address");
    let mut sc = paykka_sandbox::Config::new(any, dir.join("sandbox"));
    // Throw-away keys given, not generated: a start in milliseconds, and no key files to keep.
    sc.gateway_key_pem = Some(test_keys::GATEWAY.into());
    sc.card_key_pem = Some(test_keys::CARD.into());
    sc.log_requests = false;
    sc.frames_dir = None;
    sc.sdk_dir = None;
    let sandbox = paykka_sandbox::start(sc)
        .await
        .map_err(|e| format!("sandbox: {e}"))?;
    let mut bc = paykka_backend::Config::new(any, dir.join("backend"), sandbox.base_url.clone());
    bc.merchant_key_pem = Some(test_keys::MERCHANT.into());
    bc.log_requests = false;
    // The shoppers create their sessions as the merchant's server does (the flows' terms are
    // the load test's), and all come from one address: the abuse limits are not what this
    // measures (the backend's tests drive past each of them).
    bc.server_secret = Some(SERVER_SECRET.into());
    bc.limits = paykka_backend::LimitConfig::unlimited();
    let backend = paykka_backend::start(bc)
        .await
        .map_err(|e| format!("backend: {e}"))?;
    Ok(Servers { sandbox, backend })
}

pub fn temp_dir() -> PathBuf {
    std::env::temp_dir().join(format!(
        "paykka-load-{}-{}",
        std::process::id(),
        paykka_protocol::time::now_ms()
    ))
}

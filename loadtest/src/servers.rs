//! The sandbox and the backend instances, started in this process on ephemeral ports with
//! fresh data dirs; several instances share one PostgreSQL database (and one public URL, as
//! behind a load balancer).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

pub struct Servers {
    pub sandbox: paykka_sandbox::Running,
    pub backends: Vec<paykka_backend::Running>,
}

/// The in-process backend's server secret, sent by every request of the load test.
pub const SERVER_SECRET: &str = "load-test-server-secret-0123456789";

/// The sandbox, and `instances` backends on `database_url` (default: SQLite in `dir`).
pub async fn start_servers(
    dir: &Path,
    instances: usize,
    database_url: Option<&str>,
) -> Result<Servers, String> {
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
    let mut backends: Vec<paykka_backend::Running> = Vec::new();
    for i in 0..instances {
        let data = dir.join(if i == 0 {
            "backend".into()
        } else {
            format!("backend-{i}")
        });
        let mut bc = paykka_backend::Config::new(any, data, sandbox.base_url.clone());
        bc.merchant_key_pem = Some(test_keys::MERCHANT.into());
        bc.log_requests = false;
        // The shoppers create their sessions as the merchant's server does (the flows' terms
        // are the load test's), and all come from one address: the abuse limits are not what
        // this measures (the backend's tests drive past each of them).
        bc.server_secret = Some(SERVER_SECRET.into());
        bc.limits = paykka_backend::LimitConfig::unlimited();
        bc.database.url = database_url.map(str::to_string);
        // Enough connections for the in-flight requests of one instance on 2 cores.
        bc.database.pool_size = 32;
        bc.public_url = backends.first().map(|b| b.base_url.clone());
        let backend = paykka_backend::start(bc)
            .await
            .map_err(|e| format!("backend {i}: {e}"))?;
        backends.push(backend);
    }
    Ok(Servers { sandbox, backends })
}

pub fn temp_dir() -> PathBuf {
    std::env::temp_dir().join(format!(
        "paykka-load-{}-{}",
        std::process::id(),
        paykka_protocol::time::now_ms()
    ))
}

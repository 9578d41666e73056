//! `paykka-backend`: the reference merchant backend. Configuration by environment or a config
//! file (`BACKEND_CONFIG`), see README.

#[tokio::main]
async fn main() {
    let cfg = match paykka_backend::Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("paykka-backend: configuration error: {e}");
            std::process::exit(2);
        }
    };
    let gateway = cfg.gateway_url.clone();
    let running = match paykka_backend::start(cfg).await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("paykka-backend: cannot start: {e}");
            std::process::exit(1);
        }
    };
    eprintln!(
        "paykka-backend listening on {} (gateway {gateway}, database {})",
        running.base_url,
        running.state.store.engine()
    );
    let stop = running.shutdown_handle();
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        let _ = stop.send(true);
    });
    running.wait().await;
}

//! `paykka-sandbox`: the PayKKa gateway emulator. Configuration by environment, see README.

#[tokio::main]
async fn main() {
    let cfg = match paykka_sandbox::Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("paykka-sandbox: configuration error: {e}");
            std::process::exit(2);
        }
    };
    let running = match paykka_sandbox::start(cfg).await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("paykka-sandbox: cannot start: {e}");
            std::process::exit(1);
        }
    };
    eprintln!(
        "paykka-sandbox listening on {} (card key id {})",
        running.base_url,
        running.state.card_key().kid()
    );
    let stop = running.shutdown_handle();
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        let _ = stop.send(true);
    });
    running.wait().await;
}

//! `paykka-shop-web`: the demo shop's web server on 127.0.0.1:8080 (`SHOP_WEB_ADDR`): the files
//! `trunk build` wrote into `dist/` (`SHOP_WEB_DIR`), precompressed siblings by
//! `Accept-Encoding`, and `/api/` passed to the merchant backend (`SHOP_WEB_BACKEND`).
//! See `paykka_backend::shop_web`.

use paykka_backend::shop_web::{ShopWebConfig, router};

#[tokio::main]
async fn main() {
    let cfg = ShopWebConfig::from_env();
    let addr = std::env::var("SHOP_WEB_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    if !cfg.dir.join("index.html").is_file() {
        eprintln!(
            "paykka-shop-web: no {} (run `trunk build --release` first)",
            cfg.dir.join("index.html").display()
        );
        std::process::exit(2);
    }
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("paykka-shop-web: cannot listen on {addr}: {e}");
            std::process::exit(1);
        }
    };
    eprintln!(
        "paykka-shop-web listening on http://{addr} (files {}, /api/ to {})",
        cfg.dir.display(),
        cfg.backend
    );
    let app = router(cfg);
    let stop = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(stop)
        .await
    {
        eprintln!("paykka-shop-web: {e}");
        std::process::exit(1);
    }
}

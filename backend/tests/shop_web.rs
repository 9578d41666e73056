//! The demo shop's web server (`paykka-shop-web`): its files compressed as a CDN serves them
//! (the `.br` / `.gz` that scripts/compress-dist.sh writes, chosen by `Accept-Encoding`), their
//! caching, and `/api/` passed to the backend as trunk's proxy did.

use axum::Json;
use axum::http::HeaderMap;
use paykka_backend::shop_web::{ShopWebConfig, router};
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

fn temp_dir() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "paykka-shop-web-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Bytes that compress (text-like) but are not trivially repetitive.
fn payload(n: usize) -> Vec<u8> {
    let mut x: u32 = 12345;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            b"abcdefghij(){};=\n"[(x >> 16) as usize % 17]
        })
        .collect()
}

const WASM: &str = "demo-1e488dbd3f0ba7ed_bg.wasm";

/// A site as `trunk build` writes it, compressed by the repository's script.
fn site() -> PathBuf {
    let dir = temp_dir();
    let page = format!(
        "<!doctype html><title>shop</title>{}",
        "<p>A kettle, pour-over.</p>".repeat(40)
    );
    std::fs::write(dir.join("index.html"), page).unwrap();
    // Too small to shrink: no siblings are kept.
    std::fs::write(dir.join("tiny.js"), "1").unwrap();
    std::fs::write(dir.join(WASM), payload(40_000)).unwrap();
    std::fs::write(dir.join("shop-logo.svg"), payload(3_000)).unwrap();
    std::fs::write(dir.join("tiny.png"), [0x89, b'P', b'N', b'G']).unwrap();
    std::fs::create_dir_all(dir.join("sdk/0.1.0/locales/de-DE")).unwrap();
    std::fs::write(dir.join("sdk/0.1.0/paykka-checkout.js"), payload(9_000)).unwrap();
    std::fs::write(
        dir.join("sdk/0.1.0/locales/de-DE/checkout.ftl"),
        payload(2_000),
    )
    .unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/compress-dist.sh");
    let status = Command::new("bash").arg(script).arg(&dir).status().unwrap();
    assert!(status.success(), "scripts/compress-dist.sh");
    for f in [WASM, "shop-logo.svg", "sdk/0.1.0/paykka-checkout.js"] {
        assert!(dir.join(format!("{f}.br")).is_file(), "{f}.br");
        assert!(dir.join(format!("{f}.gz")).is_file(), "{f}.gz");
    }
    assert!(
        !dir.join("tiny.png.br").exists(),
        "only text and wasm are compressed"
    );
    dir
}

/// What the stub backend saw of a request, echoed back as JSON.
async fn echo(
    method: axum::http::Method,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: String,
) -> impl axum::response::IntoResponse {
    let h = |n: &str| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    (
        axum::http::StatusCode::CREATED,
        axum::response::AppendHeaders([
            ("set-cookie", "a=1; HttpOnly"),
            ("set-cookie", "b=2; HttpOnly"),
            ("x-backend", "yes"),
        ]),
        Json(json!({
            "method": method.as_str(),
            "uri": uri.to_string(),
            "host": h("host"),
            "x_forwarded_host": h("x-forwarded-host"),
            "cookie": h("cookie"),
            "content_type": h("content-type"),
            "connection": h("connection"),
            "body": body,
        })),
    )
}

async fn listen(app: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

async fn start(dir: &Path) -> String {
    let backend = listen(axum::Router::new().fallback(echo)).await;
    listen(router(ShopWebConfig {
        dir: dir.to_path_buf(),
        backend,
    }))
    .await
}

/// A client that leaves bodies as they come (reqwest decodes nothing without its features).
fn http() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

/// The body decoded by the command-line tool of its Content-Encoding.
fn decode(encoding: Option<&str>, body: &[u8]) -> Vec<u8> {
    let tool = match encoding {
        None => return body.to_vec(),
        Some("br") => "brotli",
        Some("gzip") => "gzip",
        Some(other) => panic!("unexpected encoding {other}"),
    };
    let mut child = Command::new(tool)
        .args(["-d", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(body).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{tool} -d");
    out.stdout
}

#[tokio::test]
async fn files_are_sent_compressed_by_accept_encoding_with_vary_and_caching() {
    let dir = site();
    let base = start(&dir).await;
    let immutable = "public, max-age=31536000, immutable";
    for (path, file, cache, ctype) in [
        (format!("/{WASM}"), WASM, immutable, "application/wasm"),
        (
            "/sdk/0.1.0/paykka-checkout.js".into(),
            "sdk/0.1.0/paykka-checkout.js",
            immutable,
            "text/javascript; charset=utf-8",
        ),
        (
            "/sdk/0.1.0/locales/de-DE/checkout.ftl".into(),
            "sdk/0.1.0/locales/de-DE/checkout.ftl",
            immutable,
            "text/plain; charset=utf-8",
        ),
        (
            "/shop-logo.svg".into(),
            "shop-logo.svg",
            "no-cache",
            "image/svg+xml",
        ),
        (
            "/".into(),
            "index.html",
            "no-cache",
            "text/html; charset=utf-8",
        ),
    ] {
        let original = std::fs::read(dir.join(file)).unwrap();
        for (accept, expect) in [
            (Some("gzip, deflate, br, zstd"), Some("br")),
            (Some("br"), Some("br")),
            (Some("gzip"), Some("gzip")),
            (Some("deflate, gzip;q=0.5, br;q=0"), Some("gzip")),
            (Some("identity"), None),
            (None, None),
        ] {
            let mut req = http().get(format!("{base}{path}"));
            if let Some(a) = accept {
                req = req.header("accept-encoding", a);
            }
            let r = req.send().await.unwrap();
            assert_eq!(r.status(), 200, "{path} {accept:?}");
            let h = r.headers().clone();
            let encoding = h.get("content-encoding").map(|v| v.to_str().unwrap());
            assert_eq!(encoding, expect, "{path} {accept:?}");
            assert_eq!(h["vary"], "accept-encoding", "{path} {accept:?}");
            assert_eq!(h["cache-control"], cache, "{path}");
            assert_eq!(h["content-type"], ctype, "{path}");
            let body = r.bytes().await.unwrap();
            if expect.is_some() {
                assert!(body.len() < original.len(), "{path} {accept:?} is smaller");
            }
            assert_eq!(decode(encoding, &body), original, "{path} {accept:?}");
        }
    }

    // A file without compressed siblings: no Vary, no encoding.
    let r = http()
        .get(format!("{base}/tiny.png"))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("vary").is_none());
    assert!(r.headers().get("content-encoding").is_none());

    // Revalidation: the entity tag of the variant sent answers 304, with its headers.
    let r = http()
        .get(format!("{base}/"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    let etag = r.headers()["etag"].clone();
    let r = http()
        .get(format!("{base}/"))
        .header("accept-encoding", "br")
        .header("if-none-match", etag.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);
    assert_eq!(r.headers()["vary"], "accept-encoding");
    assert_eq!(r.headers()["cache-control"], "no-cache");
    let r = http()
        .get(format!("{base}/"))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "another encoding is another entity");

    // A sibling older than its file (a rebuild not compressed yet) is never sent.
    let fresh = b"console.log('rebuilt')".to_vec();
    let js = dir.join("sdk/0.1.0/paykka-checkout.js");
    std::fs::write(&js, &fresh).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&js)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let r = http()
        .get(format!("{base}/sdk/0.1.0/paykka-checkout.js"))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("content-encoding").is_none());
    assert_eq!(r.bytes().await.unwrap().to_vec(), fresh);

    // The app's routes fall back to its page; a missing file, or one out of the site, does not.
    for (path, status) in [
        ("/checkout/done", 200),
        ("/missing.js", 404),
        ("/favicon.ico", 204),
        ("/sdk/0.1.0/missing.wasm", 404),
        ("/.hidden", 404),
        ("/a/.git/config", 404),
    ] {
        let r = http().get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(r.status(), status, "{path}");
    }
    let r = http().post(format!("{base}/")).send().await.unwrap();
    assert_eq!(r.status(), 405);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn api_requests_reach_the_backend_as_through_trunks_proxy() {
    let dir = site();
    let base = start(&dir).await;
    let shop_host = base.trim_start_matches("http://").to_string();
    let r = http()
        .post(format!("{base}/api/sessions/s1?x=1&y=2"))
        .header("cookie", "paykka_login=abc")
        .header("content-type", "application/json")
        .header("accept-encoding", "br, gzip")
        .body(r#"{"amount":4999}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let cookies: Vec<_> = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert_eq!(cookies, ["a=1; HttpOnly", "b=2; HttpOnly"]);
    assert_eq!(r.headers()["x-backend"], "yes");
    assert!(r.headers().get("content-encoding").is_none());
    let seen: Value = r.json().await.unwrap();
    assert_eq!(seen["method"], "POST");
    assert_eq!(seen["uri"], "/api/sessions/s1?x=1&y=2");
    assert_ne!(seen["host"], json!(shop_host), "Host is the backend's");
    assert_eq!(seen["x_forwarded_host"], json!(shop_host));
    assert_eq!(seen["cookie"], "paykka_login=abc");
    assert_eq!(seen["content_type"], "application/json");
    assert_eq!(seen["body"], r#"{"amount":4999}"#);

    // The backend down: a 502, not a hang.
    let base = listen(router(ShopWebConfig {
        dir: dir.clone(),
        backend: "http://127.0.0.1:9".into(),
    }))
    .await;
    let r = http()
        .get(format!("{base}/api/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 502);
    let _ = std::fs::remove_dir_all(dir);
}

//! The static route of the secure card frames: `/frames/<file>` from `SANDBOX_FRAMES_DIR`.

use paykka_protocol::test_keys;
use paykka_sandbox::{Config, Running};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn temp_dir(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "paykka-sb-frames-{tag}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const HTML: &str = "<!doctype html><title>f</title><link href=/frames/a.css rel=stylesheet>\
<script type=module>import init from '/frames/f.js';\nawait init();</script><script src=/frames/x.js></script>";

async fn start(frames: Option<&Path>, ancestors: Option<Vec<String>>) -> (Running, PathBuf) {
    let data = temp_dir("data");
    let mut c = Config::new("127.0.0.1:0".parse().unwrap(), &data);
    c.gateway_key_pem = Some(test_keys::GATEWAY.into());
    c.card_key_pem = Some(test_keys::CARD.into());
    c.log_requests = false;
    c.frames_dir = frames.map(Path::to_path_buf);
    if let Some(a) = ancestors {
        c.frame_ancestors = a;
    }
    (paykka_sandbox::start(c).await.unwrap(), data)
}

fn frames_dir() -> PathBuf {
    let root = temp_dir("root");
    let dir = root.join("frames");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("card-field.html"), HTML).unwrap();
    std::fs::write(dir.join("f_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("f.js"), "export default async function init() {}").unwrap();
    std::fs::write(dir.join("a.css"), "input{font-size:16px}").unwrap();
    std::fs::write(dir.join("notes.toml"), "secret = 1").unwrap();
    std::fs::write(dir.join(".stamp"), "x").unwrap();
    std::fs::write(root.join("secret.txt"), "outside").unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub").join("in.js"), "1").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("secret.txt"), dir.join("link.txt")).unwrap();
    dir
}

/// A raw request, so that `..` and odd escapes reach the server as written.
fn raw_get(addr: std::net::SocketAddr, target: &str) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, text)
}

fn http() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

#[tokio::test]
async fn frame_files_are_served_with_their_types_and_the_frame_csp() {
    let dir = frames_dir();
    let (sb, data) = start(Some(&dir), None).await;
    let get = |p: &str| http().get(format!("{}{p}", sb.base_url)).send();

    let r = get("/frames/card-field.html").await.unwrap();
    assert_eq!(r.status(), 200);
    let h = r.headers().clone();
    assert_eq!(h["content-type"], "text/html; charset=utf-8");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert!(h.get("access-control-allow-origin").is_none(), "no CORS");
    let csp = h["content-security-policy"].to_str().unwrap().to_owned();
    assert!(
        csp.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "{csp}"
    );
    assert!(
        csp.contains("; style-src 'self'; connect-src 'self';"),
        "{csp}"
    );
    assert!(
        csp.ends_with("frame-ancestors 'self' http://127.0.0.1:8080 http://localhost:8080"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    // Exactly one hash: the inline loader, not the external script.
    assert_eq!(csp.matches("'sha256-").count(), 1, "{csp}");
    use base64::Engine;
    use sha2::Digest;
    let inline = "import init from '/frames/f.js';\nawait init();";
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(inline));
    assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    assert_eq!(r.text().await.unwrap(), HTML);

    for (path, ctype) in [
        ("/frames/f_bg.wasm", "application/wasm"),
        ("/frames/f.js", "text/javascript; charset=utf-8"),
        ("/frames/a.css", "text/css; charset=utf-8"),
    ] {
        let r = get(path).await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(r.headers()["content-type"], ctype, "{path}");
        assert_eq!(r.headers()["x-content-type-options"], "nosniff");
        assert!(r.headers().contains_key("content-security-policy"));
    }
    // Other routes keep their behaviour; /card-key keeps its CORS.
    let r = get("/card-key").await.unwrap();
    assert_eq!(r.status(), 200);
    sb.shutdown().await;
    let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    let _ = std::fs::remove_dir_all(data);
}

#[tokio::test]
async fn nothing_outside_the_folder_or_of_an_unknown_kind_is_served() {
    let dir = frames_dir();
    let (sb, data) = start(Some(&dir), None).await;
    let addr = sb.addr;
    let cases = [
        "/frames/../frames/card-field.html",
        "/frames/../secret.txt",
        "/frames/..%2Fsecret.txt",
        "/frames/%2e%2e/secret.txt",
        "/frames/%2e%2e%2fsecret.txt",
        "/frames/..\\secret.txt",
        "/frames/..%5Csecret.txt",
        "/frames//etc/passwd",
        "/frames/%2Fetc%2Fpasswd",
        "/frames/notes.toml",
        "/frames/.stamp",
        "/frames/sub/in.js",
        "/frames/sub",
        "/frames/link.txt",
        "/frames/missing.js",
        "/frames/card-field.html%00.js",
        "/frames/",
        "/frames",
    ];
    for target in cases {
        let (status, text) = tokio::task::spawn_blocking(move || raw_get(addr, target))
            .await
            .unwrap();
        assert!(status == 404 || status == 400, "{target} answered {status}");
        assert!(
            !text.contains("outside") && !text.contains("secret = 1"),
            "{target}"
        );
    }
    sb.shutdown().await;
    let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    let _ = std::fs::remove_dir_all(data);
}

#[tokio::test]
async fn a_missing_frames_folder_answers_404_with_a_hint_and_the_sandbox_runs() {
    let missing = temp_dir("missing").join("nope");
    let (sb, data) = start(Some(&missing), None).await;
    let r = http()
        .get(format!("{}/frames/card-field.html", sb.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let text = r.text().await.unwrap();
    assert!(
        text.contains("not built") && text.contains("build-frames.sh"),
        "{text}"
    );
    let health = http()
        .get(format!("{}/health", sb.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    sb.shutdown().await;

    let (sb, data2) = start(None, None).await;
    let r = http()
        .get(format!("{}/frames/card-field.html", sb.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    sb.shutdown().await;
    for d in [data, data2, missing.parent().unwrap().to_path_buf()] {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[tokio::test]
async fn frame_ancestors_follow_the_configuration() {
    let dir = frames_dir();
    let (sb, data) = start(
        Some(&dir),
        Some(vec![
            "https://shop.example".into(),
            "http://127.0.0.1:8091".into(),
        ]),
    )
    .await;
    let r = http()
        .get(format!("{}/frames/card-field.html", sb.base_url))
        .send()
        .await
        .unwrap();
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.ends_with("frame-ancestors 'self' https://shop.example http://127.0.0.1:8091"),
        "{csp}"
    );
    sb.shutdown().await;
    let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    let _ = std::fs::remove_dir_all(data);
}

/// The body decoded by the command-line tool of its Content-Encoding.
fn decode(encoding: Option<&str>, body: &[u8]) -> Vec<u8> {
    let tool = match encoding {
        None => return body.to_vec(),
        Some("br") => "brotli",
        Some("gzip") => "gzip",
        Some(other) => panic!("unexpected encoding {other}"),
    };
    let mut child = std::process::Command::new(tool)
        .args(["-d", "-c"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(body).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{tool} -d");
    out.stdout
}

#[tokio::test]
async fn frame_files_are_sent_compressed_by_accept_encoding_with_vary_and_caching() {
    let dir = frames_dir();
    // As trunk names them: content-hashed, but the page.
    let wasm = "paykka-card-frame-8d47c11e8f1c9997_bg.wasm";
    let body: Vec<u8> = (0..30_000u32)
        .map(|i| b"wasm(){};\n"[(i.wrapping_mul(2_654_435_761) >> 28) as usize % 10])
        .collect();
    std::fs::write(dir.join(wasm), body).unwrap();
    let page = format!("{HTML}{}", "<p>card number</p>".repeat(30));
    std::fs::write(dir.join("card-field.html"), &page).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/compress-dist.sh");
    let status = std::process::Command::new("bash")
        .arg(script)
        .arg(&dir)
        .status()
        .unwrap();
    assert!(status.success(), "scripts/compress-dist.sh");
    let (sb, data) = start(Some(&dir), None).await;
    let inline = "import init from '/frames/f.js';\nawait init();";
    let hash = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        <sha2::Sha256 as sha2::Digest>::digest(inline),
    );
    for (file, cache) in [
        (wasm, "public, max-age=31536000, immutable"),
        ("card-field.html", "no-cache"),
    ] {
        let original = std::fs::read(dir.join(file)).unwrap();
        for (accept, expect) in [
            (Some("gzip, deflate, br, zstd"), Some("br")),
            (Some("gzip"), Some("gzip")),
            (Some("br;q=0, gzip;q=0.8"), Some("gzip")),
            (None, None),
        ] {
            let mut req = http().get(format!("{}/frames/{file}", sb.base_url));
            if let Some(a) = accept {
                req = req.header("accept-encoding", a);
            }
            let r = req.send().await.unwrap();
            assert_eq!(r.status(), 200, "{file} {accept:?}");
            let h = r.headers().clone();
            let encoding = h.get("content-encoding").map(|v| v.to_str().unwrap());
            assert_eq!(encoding, expect, "{file} {accept:?}");
            assert_eq!(h["vary"], "accept-encoding", "{file} {accept:?}");
            assert_eq!(h["cache-control"], cache, "{file}");
            // Every security header stays, and the page's inline loader is hashed from the
            // decoded page whatever is sent.
            assert_eq!(h["x-content-type-options"], "nosniff");
            assert_eq!(h["referrer-policy"], "no-referrer");
            let csp = h["content-security-policy"].to_str().unwrap();
            if file.ends_with(".html") {
                assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
            }
            let body = r.bytes().await.unwrap();
            if expect.is_some() {
                assert!(body.len() < original.len(), "{file} {accept:?} is smaller");
            }
            assert_eq!(decode(encoding, &body), original, "{file} {accept:?}");
        }
    }
    // The compressed siblings are not served by their own names.
    let r = http()
        .get(format!("{}/frames/{wasm}.br", sb.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    sb.shutdown().await;
    let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    let _ = std::fs::remove_dir_all(data);
}

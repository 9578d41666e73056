//! The demo shop's own web server (`paykka-shop-web`, started by `scripts/servers.sh` on
//! 127.0.0.1:8080): the merchant serves its shop pages, the files `trunk build` writes into
//! `dist/`, and passes `/api/` to this backend, as a merchant's front server does.
//!
//! Served compressed, as a CDN would: `scripts/compress-dist.sh` writes `f.br` and `f.gz`
//! beside each file, and the request's `Accept-Encoding` picks one (brotli first) with
//! `Content-Encoding` and `Vary: Accept-Encoding`; a sibling older than its file is ignored.
//! Versioned files (a name with trunk's content hash, anything under `sdk/<version>/`) are
//! cached for a year (`immutable`); the pages and the other files are revalidated (`no-cache`,
//! with an `ETag`). `/` and folders serve their `index.html`; a path without a file
//! extension that names no file serves the root `index.html`, as `trunk serve` did; a missing
//! file with an extension is a 404 (a missing `/favicon.ico` a quiet 204). The pages carry their Content Security Policy in a
//! `<meta>` tag (scripts/build-sdk.sh, scripts/csp-index.py), so no header is added for it.
//!
//! `/api/...` is forwarded to the backend as `trunk serve`'s proxy did: every request header
//! but the hop-by-hop ones, `Host` set to the backend's with the shopper's in
//! `X-Forwarded-Host` (and `X-Forwarded-Proto`), redirects not followed. The backend sees this
//! server's address as the client's, so every shopper shares one (`scripts/servers.sh` raises
//! the per-address limits for that).
//!
//! The precompressed-file negotiation is the same as the sandbox's frame server's
//! (`sandbox/src/frames.rs`); the two crates share no code at run time.

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the shop's files are and where `/api/` goes.
#[derive(Clone, Debug)]
pub struct ShopWebConfig {
    /// The folder `trunk build` wrote (`dist`).
    pub dir: PathBuf,
    /// The merchant backend's base URL, without a final slash (`http://127.0.0.1:8787`).
    pub backend: String,
}

impl ShopWebConfig {
    /// From `SHOP_WEB_DIR` (default `dist`) and `SHOP_WEB_BACKEND` (default
    /// `http://127.0.0.1:8787`).
    pub fn from_env() -> Self {
        let dir = std::env::var("SHOP_WEB_DIR").unwrap_or_else(|_| "dist".into());
        let backend =
            std::env::var("SHOP_WEB_BACKEND").unwrap_or_else(|_| "http://127.0.0.1:8787".into());
        ShopWebConfig {
            dir: PathBuf::from(dir),
            backend: backend.trim_end_matches('/').to_string(),
        }
    }
}

struct Web {
    cfg: ShopWebConfig,
    client: reqwest::Client,
}

/// The shop's web server: its files, and `/api/` to the backend.
pub fn router(cfg: ShopWebConfig) -> Router {
    let client = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_default();
    let web = Arc::new(Web { cfg, client });
    Router::new()
        .route("/api", axum::routing::any(proxy))
        .route("/api/{*rest}", axum::routing::any(proxy))
        .fallback(files)
        .with_state(web)
}

// ----- /api/ to the backend ------------------------------------------------------------------

/// Headers of one connection, never forwarded (RFC 9110, 7.6.1).
fn hop_by_hop(name: &HeaderName) -> bool {
    matches!(
        name.as_str(),
        "connection"
            | "keep-alive"
            | "proxy-authenticate"
            | "proxy-authorization"
            | "proxy-connection"
            | "te"
            | "trailer"
            | "transfer-encoding"
            | "upgrade"
    )
}

fn text(status: StatusCode, msg: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        msg,
    )
        .into_response()
}

async fn proxy(State(web): State<Arc<Web>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let target = format!(
        "{}{}",
        web.cfg.backend,
        parts.uri.path_and_query().map_or("/", |p| p.as_str())
    );
    // Well above what the backend takes (it answers a larger body itself).
    let Ok(body) = axum::body::to_bytes(body, 4 * crate::MAX_BODY_BYTES).await else {
        return text(StatusCode::PAYLOAD_TOO_LARGE, "request body too large\n");
    };
    let mut out = web.client.request(parts.method, &target).body(body);
    for (name, value) in &parts.headers {
        if hop_by_hop(name) || name == header::HOST || name == header::CONTENT_LENGTH {
            continue;
        }
        out = out.header(name, value);
    }
    if let Some(host) = parts.headers.get(header::HOST) {
        out = out
            .header("x-forwarded-host", host)
            .header("x-forwarded-proto", "http");
    }
    let answer = match out.send().await {
        Ok(a) => a,
        Err(_) => {
            return text(
                StatusCode::BAD_GATEWAY,
                "the merchant backend did not answer\n",
            );
        }
    };
    let status = answer.status();
    let mut headers = HeaderMap::new();
    for (name, value) in answer.headers() {
        if !hop_by_hop(name) && name != header::CONTENT_LENGTH {
            headers.append(name, value.clone());
        }
    }
    let bytes = answer.bytes().await.unwrap_or_default();
    let mut r = Response::new(Body::from(bytes));
    *r.status_mut() = status;
    *r.headers_mut() = headers;
    r
}

// ----- the files, precompressed ----------------------------------------------------------------

/// The precompressed encodings a request accepts: `(brotli, gzip)`. `q=0` refuses one; `*`
/// stands for those not named.
pub fn accepted_encodings(headers: &HeaderMap) -> (bool, bool) {
    let (mut br, mut gzip, mut any) = (None, None, None);
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else {
            continue;
        };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| {
                    let (k, v) = p.split_once('=')?;
                    k.trim().eq_ignore_ascii_case("q").then(|| v.trim())
                })
                .next()
                .map_or(1.0, |q| q.parse::<f32>().unwrap_or(0.0));
            let ok = Some(q > 0.0);
            match name.as_str() {
                "br" => br = ok,
                "gzip" | "x-gzip" => gzip = ok,
                "*" => any = ok,
                _ => {}
            }
        }
    }
    (br.or(any).unwrap_or(false), gzip.or(any).unwrap_or(false))
}

/// Whether a file name carries trunk's content hash (`name-<16 hex>.ext`, `name-<16 hex>_bg.wasm`).
pub fn hashed_name(name: &str) -> bool {
    let Some((_, tail)) = name.rsplit_once('-') else {
        return false;
    };
    let hex = tail.bytes().take_while(u8::is_ascii_hexdigit).count();
    hex == 16 && matches!(tail.as_bytes().get(16), Some(b'.' | b'_'))
}

/// Whether the file at `rel` (a path in the site, no leading slash) never changes under its
/// name: a content-hashed name, or anything under `sdk/<version>/`.
pub fn versioned(rel: &str) -> bool {
    let mut segments = rel.split('/');
    let first = segments.next().unwrap_or("");
    let second = segments.next().unwrap_or("");
    let in_sdk_version = first == "sdk"
        && second.starts_with(|c: char| c.is_ascii_digit())
        && segments.next().is_some_and(|s| !s.is_empty());
    in_sdk_version || hashed_name(rel.rsplit('/').next().unwrap_or(""))
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map_or("", |(_, ext)| ext) {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "ftl" | "txt" | "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A request path as a relative path in the site, or `None` for anything that could step out of
/// it or name a hidden file: `..`, `.x`, backslashes, escapes, NUL.
fn site_path(path: &str) -> Option<String> {
    let rel = path.strip_prefix('/')?;
    let ok = rel.split('/').enumerate().all(|(i, seg)| {
        let last = i == rel.split('/').count() - 1;
        (!seg.is_empty() || last)
            && !seg.starts_with('.')
            && !seg
                .bytes()
                .any(|b| matches!(b, b'\\' | b'%' | 0) || b.is_ascii_control())
    });
    ok.then(|| rel.to_string())
}

/// A plain file, with its metadata.
fn regular_file(path: &Path) -> Option<std::fs::Metadata> {
    let meta = std::fs::metadata(path).ok()?;
    meta.is_file().then_some(meta)
}

/// `path` with `.ext` appended, if that is a plain file no older than `source`.
fn sibling(path: &Path, ext: &str, source: &std::fs::Metadata) -> Option<PathBuf> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    let sibling = PathBuf::from(name);
    let meta = regular_file(&sibling)?;
    (meta.modified().ok()? >= source.modified().ok()?).then_some(sibling)
}

/// A file as it goes out: its bytes in the chosen encoding, whether it has compressed variants
/// at all, and its entity tag (one per encoding).
struct Negotiated {
    body: Vec<u8>,
    encoding: Option<&'static str>,
    varies: bool,
    etag: String,
}

fn read_negotiated(path: &Path, (br, gzip): (bool, bool)) -> Option<Negotiated> {
    let meta = regular_file(path)?;
    let br_file = sibling(path, "br", &meta);
    let gz_file = sibling(path, "gz", &meta);
    let varies = br_file.is_some() || gz_file.is_some();
    let (chosen, encoding) = match (br_file, gz_file) {
        (Some(f), _) if br => (f, Some("br")),
        (_, Some(f)) if gzip => (f, Some("gzip")),
        _ => (path.to_path_buf(), None),
    };
    let body = std::fs::read(&chosen).ok()?;
    let stamp = meta
        .modified()
        .ok()
        .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let etag = format!(
        "\"{:x}-{stamp:x}{}\"",
        meta.len(),
        encoding.map_or(String::new(), |e| format!("-{e}"))
    );
    Some(Negotiated {
        body,
        encoding,
        varies,
        etag,
    })
}

/// Whether `If-None-Match` names `etag` (or is `*`).
fn not_modified(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == etag || t == "*")
}

/// The file a site path names: itself, its folder's `index.html`, or (a path without an
/// extension that names nothing: a page of the app) the root `index.html`.
fn resolve(dir: &Path, rel: &str) -> Option<(PathBuf, String)> {
    let mut rel = rel.to_string();
    if rel.is_empty() || rel.ends_with('/') {
        rel.push_str("index.html");
    }
    let path = dir.join(&rel);
    if path.is_dir() {
        let index = format!("{}/index.html", rel.trim_end_matches('/'));
        return regular_file(&dir.join(&index)).map(|_| (dir.join(&index), index));
    }
    if regular_file(&path).is_some() {
        return Some((path, rel));
    }
    let last = rel.rsplit('/').next().unwrap_or("");
    (!last.contains('.') || rel.ends_with("/index.html"))
        .then(|| (dir.join("index.html"), "index.html".to_string()))
        .filter(|(p, _)| regular_file(p).is_some())
}

async fn files(
    State(web): State<Arc<Web>>,
    method: Method,
    request: HeaderMap,
    uri: axum::http::Uri,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut r = text(StatusCode::METHOD_NOT_ALLOWED, "method not allowed\n");
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let Some(rel) = site_path(uri.path()) else {
        return text(StatusCode::NOT_FOUND, "not found\n");
    };
    let dir = web.cfg.dir.clone();
    let accepted = accepted_encodings(&request);
    let read = tokio::task::spawn_blocking(move || {
        let (path, rel) = resolve(&dir, &rel)?;
        read_negotiated(&path, accepted).map(|found| (found, rel))
    })
    .await;
    let Ok(Some((found, rel))) = read else {
        // Browsers ask for it by themselves, and a 404 is a console error on the page (trunk
        // serve answered its index.html): the demo has none, and says so quietly.
        if uri.path() == "/favicon.ico" {
            let mut r = StatusCode::NO_CONTENT.into_response();
            r.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            return r;
        }
        return text(StatusCode::NOT_FOUND, "not found\n");
    };
    let fresh = not_modified(&request, &found.etag);
    let mut r = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (
            StatusCode::OK,
            [(header::CONTENT_TYPE, content_type(&rel))],
            Bytes::from(found.body),
        )
            .into_response()
    };
    let headers = r.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if versioned(&rel) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        }),
    );
    if let Ok(v) = HeaderValue::from_str(&found.etag) {
        headers.insert(header::ETAG, v);
    }
    if found.varies {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if let (Some(encoding), false) = (found.encoding, fresh) {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_is_read_with_its_weights() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            accepted_encodings(&h)
        };
        assert_eq!(accepted_encodings(&HeaderMap::new()), (false, false));
        assert_eq!(with("gzip, deflate, br, zstd"), (true, true));
        assert_eq!(with("gzip"), (false, true));
        assert_eq!(with("br;q=0, gzip;q=0.1"), (false, true));
        assert_eq!(with("*;q=0, identity"), (false, false));
    }

    #[test]
    fn versioned_files_and_safe_paths() {
        assert!(versioned("demo-1e488dbd3f0ba7ed_bg.wasm"));
        assert!(versioned("theme-c171117e90496064.css"));
        assert!(versioned("sdk/0.1.0/paykka_checkout_bg.wasm"));
        assert!(versioned("sdk/0.1.0/locales/de-DE/checkout.ftl"));
        assert!(!versioned("index.html"));
        assert!(!versioned("shop-logo.svg"));
        assert!(!versioned("locales/de-DE/checkout.ftl"));
        assert!(!versioned("sdk/latest/x.js"));
        for ok in ["/", "/index.html", "/sdk/0.1.0/a.js", "/dir/"] {
            assert!(site_path(ok).is_some(), "{ok}");
        }
        for bad in [
            "/../x",
            "/a/../../x",
            "/.data/x",
            "/a/.git",
            "/%2e%2e/x",
            "/a\\b",
            "//etc/passwd",
            "x",
        ] {
            assert!(site_path(bad).is_none(), "{bad}");
        }
    }
}

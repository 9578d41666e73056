//! The secure card frames, served from the sandbox's origin (the "payment provider origin") at
//! `/frames/`: the files trunk builds from `frame/` (`scripts/build-frames.sh`) into
//! `SANDBOX_FRAMES_DIR`.
//!
//! Only plain files directly in that folder, with a known extension, are served; no directory
//! listing, no traversal, no hidden files, no symbolic links, and no CORS. Every answer carries
//! the frame's Content-Security-Policy:
//!
//! ```text
//! default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-<inline loader>';
//! style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none';
//! form-action 'none'; frame-ancestors 'self' <merchant origins>
//! ```
//!
//! trunk writes the wasm loader as an inline `<script type="module">`; rather than allowing
//! `'unsafe-inline'`, the hash of each inline script of an HTML file is computed when the file
//! is served and added to `script-src`.
//!
//! Served compressed, as a CDN would: `scripts/compress-dist.sh` writes `f.br` and `f.gz` beside
//! each file, and the request's `Accept-Encoding` picks one (brotli first), with
//! `Content-Encoding` and `Vary: Accept-Encoding`; a sibling older than its file is ignored.
//! Files whose names carry trunk's content hash are cached for a year (`immutable`); the page
//! (`card-field.html`) and the inventory are looked up by name, so revalidated (`no-cache`,
//! with an `ETag`).

use crate::state::Shared;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::{Path as FsPath, PathBuf};

/// Merchant origins allowed to embed the frames by default: the demo shop's pages.
pub const DEFAULT_FRAME_ANCESTORS: &[&str] = &["http://127.0.0.1:8080", "http://localhost:8080"];

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/frames/{*file}", get(serve))
        .route("/frames/", get(not_found_file))
        .route("/frames", get(not_found_file))
}

/// Whether `s` may appear in `frame-ancestors`: an http(s) origin (or `'self'`), no path, no
/// characters that would end the directive.
pub fn valid_ancestor(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(host) => {
            !host.is_empty()
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.:[]*".contains(&b))
        }
        None => s == "'self'",
    }
}

fn content_type(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1;
    Some(match ext {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => return None,
    })
}

/// A file name we serve: `[A-Za-z0-9_-]` and dots, not starting with a dot, one segment.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 200
        && !name.starts_with('.')
        && !name.contains("..")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// The `'sha256-...'` source of every inline `<script>` (one without `src`) of `html`.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    // Where `pat` next stands in `lower` from byte `from` on.
    let find = |from: usize, pat: &str| lower.get(from..)?.find(pat).map(|i| i + from);
    let mut at = 0;
    while let Some(start) = find(at, "<script") {
        let Some(tag_end) = find(start, ">") else {
            break;
        };
        let Some(close) = find(tag_end, "</script") else {
            break;
        };
        let tag = lower.get(start..tag_end).unwrap_or("");
        let has_src = tag
            .split(|c: char| c.is_ascii_whitespace())
            .any(|attr| attr.starts_with("src="));
        if let (false, Some(body)) = (has_src, html.get(tag_end + 1..close)) {
            let digest = Sha256::digest(body.as_bytes());
            out.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        at = close;
    }
    out
}

/// The frame's Content-Security-Policy, with `extra_script` sources (inline script hashes).
pub fn csp(ancestors: &[String], extra_script: &[String]) -> String {
    let mut script = String::from("'self' 'wasm-unsafe-eval'");
    for s in extra_script {
        script.push(' ');
        script.push_str(s);
    }
    let mut frame_ancestors = String::from("'self'");
    for a in ancestors
        .iter()
        .filter(|a| valid_ancestor(a) && *a != "'self'")
    {
        frame_ancestors.push(' ');
        frame_ancestors.push_str(a);
    }
    format!(
        "default-src 'none'; script-src {script}; style-src 'self'; connect-src 'self'; \
img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors {frame_ancestors}"
    )
}

/// The headers every page the sandbox serves to a browser carries: its Content-Security-Policy
/// `policy`, no MIME sniffing, no referrer.
pub(crate) fn security_headers(headers: &mut HeaderMap, policy: &str) {
    if let Ok(v) = HeaderValue::from_str(policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
}

fn plain(st: &Shared, status: StatusCode, msg: String) -> Response {
    let mut r = (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        msg,
    )
        .into_response();
    security_headers(r.headers_mut(), &csp(&st.frame_ancestors, &[]));
    r
}

async fn not_found_file(State(st): State<Shared>) -> Response {
    plain(&st, StatusCode::NOT_FOUND, "no such frame file\n".into())
}

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

/// Whether a file name carries trunk's content hash (`name-<16 hex>.ext`, `name-<16 hex>_bg.wasm`):
/// its content never changes under that name.
pub fn hashed_name(name: &str) -> bool {
    let Some((_, tail)) = name.rsplit_once('-') else {
        return false;
    };
    let hex = tail.bytes().take_while(u8::is_ascii_hexdigit).count();
    hex == 16 && matches!(tail.as_bytes().get(16), Some(b'.' | b'_'))
}

/// A plain file (no symbolic link), with its metadata.
fn regular_file(path: &FsPath) -> Option<std::fs::Metadata> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    meta.file_type().is_file().then_some(meta)
}

/// `path` with `.ext` appended, if that is a plain file no older than `source` (one left from an
/// earlier build would be another file).
fn sibling(path: &FsPath, ext: &str, source: &std::fs::Metadata) -> Option<PathBuf> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    let sibling = PathBuf::from(name);
    let meta = regular_file(&sibling)?;
    (meta.modified().ok()? >= source.modified().ok()?).then_some(sibling)
}

/// A file as it goes out: its bytes in the chosen encoding, the file itself (for the inline
/// script hashes of a page), whether it has compressed variants at all, and its entity tag.
struct Negotiated {
    body: Vec<u8>,
    encoding: Option<&'static str>,
    plain: Option<Vec<u8>>,
    varies: bool,
    etag: String,
}

fn read_negotiated(
    path: &FsPath,
    (br, gzip): (bool, bool),
    want_plain: bool,
) -> Option<Negotiated> {
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
    let plain = match (want_plain, encoding) {
        (false, _) => None,
        (true, None) => Some(body.clone()),
        (true, Some(_)) => Some(std::fs::read(path).ok()?),
    };
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
        plain,
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

async fn serve(State(st): State<Shared>, Path(file): Path<String>, request: HeaderMap) -> Response {
    let Some(dir) = st.frames_dir.as_ref() else {
        return plain(
            &st,
            StatusCode::NOT_FOUND,
            "the secure card frames are disabled\n".into(),
        );
    };
    if !dir.is_dir() {
        return plain(
            &st,
            StatusCode::NOT_FOUND,
            format!(
                "the secure card frames are not built: no folder {} (run scripts/build-frames.sh, or set SANDBOX_FRAMES_DIR)\n",
                dir.display()
            ),
        );
    }
    let (Some(ctype), true) = (content_type(&file), safe_name(&file)) else {
        return plain(&st, StatusCode::NOT_FOUND, "no such frame file\n".into());
    };
    let path = dir.join(&file);
    let html = ctype.starts_with("text/html");
    let accepted = accepted_encodings(&request);
    // No symbolic links: only files really in the folder.
    let read = tokio::task::spawn_blocking(move || read_negotiated(&path, accepted, html)).await;
    let Ok(Some(found)) = read else {
        return plain(&st, StatusCode::NOT_FOUND, "no such frame file\n".into());
    };
    let hashes = match &found.plain {
        Some(page) if html => inline_script_hashes(&String::from_utf8_lossy(page)),
        _ => Vec::new(),
    };
    let fresh = not_modified(&request, &found.etag);
    let mut r = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (StatusCode::OK, [(header::CONTENT_TYPE, ctype)], found.body).into_response()
    };
    let headers = r.headers_mut();
    security_headers(headers, &csp(&st.frame_ancestors, &hashes));
    // The page and the inventory are looked up by name; the other files carry a content hash in
    // their names.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if hashed_name(&file) {
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
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_external_ones_are_not() {
        let html = "<html><script type=module>import x from '/a.js';</script><SCRIPT src=/b.js></SCRIPT><script>\n</script>";
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2);
        let expect = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(b"import x from '/a.js';"));
        assert_eq!(hashes[0], format!("'sha256-{expect}'"));
        assert!(inline_script_hashes("<script>unterminated").is_empty());
    }

    #[test]
    fn names_and_types() {
        for ok in [
            "card-field.html",
            "paykka-card-frame-2cf96e53_bg.wasm",
            "a.js",
        ] {
            assert!(safe_name(ok) && content_type(ok).is_some(), "{ok}");
        }
        for bad in [
            "", ".stage", "../x.js", "a/b.js", "a\\b.js", "a..js", "%2e%2e", "a b.js",
        ] {
            assert!(!safe_name(bad), "{bad}");
        }
        assert_eq!(content_type("x.wasm"), Some("application/wasm"));
        assert_eq!(content_type("Cargo.toml"), None);
        assert_eq!(content_type("noext"), None);
    }

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
        assert_eq!(with("BR;q=0.5"), (true, false));
        assert_eq!(with("br;q=0, gzip;q=0.1"), (false, true));
        assert_eq!(with("*"), (true, true));
        assert_eq!(with("*;q=0, identity"), (false, false));
        assert_eq!(with("identity"), (false, false));
        assert!(hashed_name("paykka-card-frame-8d47c11e8f1c9997_bg.wasm"));
        assert!(hashed_name("card-field-261d6a5691e90b94.css"));
        assert!(!hashed_name("card-field.html"));
        assert!(!hashed_name("integrity.json"));
        assert!(!hashed_name("a-8d47c11e8f1c99.js"));
    }

    #[test]
    fn frame_ancestors_are_origins() {
        let policy = csp(
            &[
                "http://127.0.0.1:8080".into(),
                "https://shop.example".into(),
                "x; script-src *".into(),
            ],
            &[],
        );
        assert!(
            policy.ends_with("frame-ancestors 'self' http://127.0.0.1:8080 https://shop.example")
        );
        assert!(!valid_ancestor("http://a; b"));
        assert!(!valid_ancestor("javascript:x"));
    }
}

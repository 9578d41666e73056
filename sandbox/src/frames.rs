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

use crate::state::Shared;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Merchant origins allowed to embed the frames by default: the demo page of `trunk serve`.
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

async fn serve(State(st): State<Shared>, Path(file): Path<String>) -> Response {
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
    // No symbolic links: only files really in the folder.
    let read = tokio::task::spawn_blocking(move || {
        let meta = std::fs::symlink_metadata(&path).ok()?;
        meta.file_type()
            .is_file()
            .then(|| std::fs::read(&path).ok())?
    })
    .await;
    let Ok(Some(body)) = read else {
        return plain(&st, StatusCode::NOT_FOUND, "no such frame file\n".into());
    };
    let hashes = if ctype.starts_with("text/html") {
        inline_script_hashes(&String::from_utf8_lossy(&body))
    } else {
        Vec::new()
    };
    let mut r = (StatusCode::OK, [(header::CONTENT_TYPE, ctype)], body).into_response();
    let headers = r.headers_mut();
    security_headers(headers, &csp(&st.frame_ancestors, &hashes));
    // The HTML is looked up by name; the other files carry a content hash in their names.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if ctype.starts_with("text/html") {
            "no-cache"
        } else {
            "public, max-age=3600"
        }),
    );
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

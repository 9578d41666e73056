//! The script-tag SDK bundle (`scripts/build-sdk.sh`, folder `SANDBOX_SDK_DIR`), served for the
//! hosted page.

use super::answer::error;
use crate::state::Shared;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::path::{Component, Path};

/// The SDK version the sandbox serves: the newest folder of `SANDBOX_SDK_DIR`.
pub(super) fn sdk_version(st: &Shared) -> Option<String> {
    let dir = st.sdk_dir.as_ref()?;
    let mut versions: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|v| v.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    versions.sort();
    versions.pop()
}

/// The SDK bundle, for the hosted page (plain files of one version folder, nothing else).
pub(super) async fn sdk_file(
    State(st): State<Shared>,
    UrlPath((version, file)): UrlPath<(String, String)>,
) -> Response {
    let not_found = || error(StatusCode::NOT_FOUND, "not_found", "no such file");
    let Some(dir) = st.sdk_dir.as_ref() else {
        return not_found();
    };
    // Plain names only: no `..`, no absolute path, no hidden file; `locales/<tag>/` the only depth.
    let safe = |p: &str, depth: usize| {
        !p.is_empty()
            && Path::new(p)
                .components()
                .all(|c| matches!(c, Component::Normal(n) if !n.to_string_lossy().starts_with('.')))
            && Path::new(p).components().count() <= depth
    };
    let depth = if file.starts_with("locales/") { 3 } else { 1 };
    if !safe(&version, 1) || !safe(&file, depth) {
        return not_found();
    }
    let content_type = match file.rsplit('.').next() {
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("ts") => "text/plain; charset=utf-8",
        Some("ftl") => "text/plain; charset=utf-8",
        _ => return not_found(),
    };
    let path = dir.join(&version).join(&file);
    match std::fs::symlink_metadata(&path) {
        Ok(m) if m.is_file() => {}
        _ => return not_found(),
    }
    match std::fs::read(&path) {
        Ok(bytes) => {
            let mut response = ([(header::CONTENT_TYPE, content_type)], bytes).into_response();
            // The SDK's files are loaded with `integrity` and `crossorigin`: CORS must allow it.
            response.headers_mut().insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            );
            response.headers_mut().insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            response
        }
        Err(_) => not_found(),
    }
}

//! The hosted page's answers in the SDK's shapes, and the session each request names.

use crate::db;
use crate::gateway::GwError;
use crate::records::SessionRec;
use crate::state::Shared;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// The SDK's error shape: `{ "error": { "code", "message" } }`.
pub(super) fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        axum::Json(json!({ "error": { "code": code, "message": message } })),
    )
        .into_response()
}

pub(super) fn json_ok(v: Value) -> Response {
    let mut response = axum::Json(v).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

pub(super) fn load_session(st: &Shared, session_id: &str) -> Result<Option<SessionRec>, GwError> {
    if session_id.len() > 64 {
        return Ok(None);
    }
    st.db
        .with_tx(|tx| db::session_any(tx, session_id).map_err(GwError::from))
}

/// The answer to a session id that names no session.
pub(super) fn no_session() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "session_not_found",
        "no such session",
    )
}

/// The name of the session's merchant, as the page and the Drop-in show it.
pub(super) fn merchant_name(st: &Shared, merchant_id: &str) -> Option<String> {
    st.db
        .merchant(merchant_id)
        .ok()
        .flatten()
        .map(|(name, _)| name)
}

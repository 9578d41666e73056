//! Reading a request: its body, size-capped and a JSON object, and the references it names.

use super::error::ApiError;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde_json::Value;

/// The largest request body the API reads.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// A body as the handlers take it: read, or why not (too large, broken), so that both are
/// answered in the API's own error format rather than axum's.
pub(super) type Body = Result<Bytes, BytesRejection>;

/// A handler's body as `T` ([`read_body`], then [`parse`]): its last argument. A check that
/// must refuse a request before its body is read (a rate limit) stays in the handler, with
/// [`Body`] and [`read_body`] after it.
pub(super) struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, st: &S) -> Result<Self, ApiError> {
        let body = Bytes::from_request(req, st).await;
        parse(&read_body(body)?).map(JsonBody)
    }
}

pub(super) fn read_body(body: Body) -> Result<Bytes, ApiError> {
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!("request body larger than {MAX_BODY_BYTES} bytes"),
            )
        } else {
            ApiError::bad("invalid_request", "cannot read request body")
        }
    })
}

/// `bytes` as `T`: an empty body is `{}`, anything but a JSON object is refused, and the
/// message says what is wrong without serde's line and column (the body is one line anyway).
pub(super) fn parse<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let bytes = if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        b"{}".as_slice()
    } else {
        bytes
    };
    let clean = |e: serde_json::Error| {
        let msg = e.to_string();
        msg.split(" at line ").next().unwrap_or(&msg).to_string()
    };
    let v: Value = serde_json::from_slice(bytes).map_err(|e| {
        ApiError::bad(
            "malformed_json",
            format!("request body is not valid JSON: {}", clean(e)),
        )
    })?;
    if !v.is_object() {
        return Err(ApiError::bad(
            "invalid_request",
            "request body must be a JSON object",
        ));
    }
    serde_json::from_value(v).map_err(|e| ApiError::bad("invalid_request", clean(e)))
}

/// A reference (shopper, token, refund, agreement) as the gateway takes it, checked before
/// anything is asked of the gateway.
pub(super) fn check_ref(name: &str, v: &str) -> Result<(), ApiError> {
    if v.is_empty()
        || v.len() > 64
        || !v
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(ApiError::bad(
            "invalid_request",
            format!("{name} must be 1-64 letters, digits, '-' or '_'"),
        ));
    }
    Ok(())
}

//! The gateway's answers: `{ "ret_code", "ret_msg", "data" }`, and its errors in that shape (or,
//! for the hosted page's browser routes, in the SDK's).

use crate::config::MAX_BODY_BYTES;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use paykka_protocol::ret;
use paykka_protocol::types::ApiResponse;
use serde::Serialize;

/// An error answer: `{ "ret_code", "ret_msg" }`. Protocol errors (malformed body, signature)
/// use a 4xx HTTP status; business errors answer 200 with their `ret_code`, like success.
#[derive(Debug)]
pub struct GwError {
    pub status: StatusCode,
    pub code: &'static str,
    pub msg: String,
}

impl GwError {
    pub fn new(status: StatusCode, code: &'static str, msg: impl Into<String>) -> Self {
        Self {
            status,
            code,
            msg: msg.into(),
        }
    }
    pub fn biz(code: &'static str, msg: impl Into<String>) -> Self {
        Self::new(StatusCode::OK, code, msg)
    }
    pub(super) fn bad(code: &'static str, msg: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, msg)
    }
    pub(super) fn unauthorized(code: &'static str, msg: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, msg)
    }
    /// A request body over [`MAX_BODY_BYTES`].
    pub(super) fn too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ret::BODY_TOO_LARGE,
            format!("request body larger than {MAX_BODY_BYTES} bytes"),
        )
    }
}

impl From<rusqlite::Error> for GwError {
    fn from(e: rusqlite::Error) -> Self {
        internal(&format!("database error: {e}"))
    }
}

impl GwError {
    /// This error as the SDK's JSON API says errors (`{"error": {"code", "message"}}`), for the
    /// hosted page's browser-facing routes. Business refusals are 4xx there.
    pub fn for_browser(self) -> Response {
        let (status, code) = match self.code {
            ret::SESSION_NOT_FOUND => (StatusCode::NOT_FOUND, "session_not_found"),
            ret::SESSION_EXPIRED => (StatusCode::GONE, "session_expired"),
            ret::IDEMPOTENCY_CONFLICT => (StatusCode::UNPROCESSABLE_ENTITY, "idempotency_conflict"),
            ret::UNSUPPORTED_PAYMENT_METHOD => {
                (StatusCode::BAD_REQUEST, "unsupported_payment_method")
            }
            ret::CLEAR_CARD_REFUSED => (StatusCode::BAD_REQUEST, "clear_card_data"),
            ret::INTERNAL_ERROR => (StatusCode::INTERNAL_SERVER_ERROR, "internal_error"),
            _ if self.status.is_server_error() => (self.status, "internal_error"),
            _ => (StatusCode::BAD_REQUEST, "invalid_request"),
        };
        json_response(
            status,
            &serde_json::json!({ "error": { "code": code, "message": self.msg } }),
        )
    }
}

impl IntoResponse for GwError {
    fn into_response(self) -> Response {
        json_response(self.status, &ApiResponse::error(self.code, self.msg))
    }
}

pub fn json_response<T: Serialize>(status: StatusCode, v: &T) -> Response {
    raw_json(status, serde_json::to_string(v).expect("serialises"))
}

pub(super) fn raw_json(status: StatusCode, s: String) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        s,
    )
        .into_response()
}

pub(super) fn ok<T: Serialize>(data: T) -> Result<Response, GwError> {
    Ok(json_response(StatusCode::OK, &ApiResponse::ok(data)))
}

pub(super) fn ok_empty() -> Result<Response, GwError> {
    Ok(json_response(
        StatusCode::OK,
        &ApiResponse::<()> {
            ret_code: ret::SUCCESS.into(),
            ret_msg: "Success".into(),
            data: None,
            error_code: None,
            error_description: None,
        },
    ))
}

/// A failure of the sandbox itself: logged, answered without details.
pub(super) fn internal(e: &dyn std::fmt::Display) -> GwError {
    eprintln!("sandbox: {e}");
    GwError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        ret::INTERNAL_ERROR,
        "internal error",
    )
}

/// The fallback of every unknown path.
pub async fn not_found() -> GwError {
    GwError::new(
        StatusCode::NOT_FOUND,
        ret::INVALID_REQUEST,
        "no such endpoint",
    )
}

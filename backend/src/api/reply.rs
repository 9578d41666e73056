//! JSON answers: the handlers' and the API's errors alike.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// `body`, already JSON text, with `status`: also how a stored idempotent answer is replayed
/// exactly as it was first sent.
pub(super) fn json_text(status: StatusCode, body: String) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

pub(super) fn json_ok<T: Serialize>(v: &T) -> Response {
    json_text(
        StatusCode::OK,
        serde_json::to_string(v).expect("serialises"),
    )
}

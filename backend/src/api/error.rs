//! The API's errors, `{ "error": { "code": "snake_case", "message": "..." } }`, and how the
//! gateway's refusals (its `ret_code`s) become them.

use super::reply::json_text;
use crate::gateway::GatewayError;
use crate::operations::OperationError;
use crate::store::StoreError;
use crate::support::quote;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use paykka_protocol::types::ApiResponse;
use paykka_protocol::{decline, ret};
use serde_json::{Value, json};

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Seconds for `Retry-After` (a 429).
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }
    pub(super) fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }
    pub(super) fn bad(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }
    pub(super) fn body(&self) -> String {
        json!({ "error": { "code": self.code, "message": self.message } }).to_string()
    }
}

/// Seconds a client is told to wait when the database is unreachable.
pub const DATABASE_RETRY_AFTER: u64 = 5;

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        eprintln!("backend: {e}");
        match e {
            // Nothing was written (the open transaction rolled back): the client retries.
            StoreError::Unavailable(_) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "database_unavailable",
                "the shop's database is unreachable; retry shortly",
            )
            .retry_after(DATABASE_RETRY_AFTER),
            StoreError::Failed(_) => internal(),
        }
    }
}

impl From<GatewayError> for ApiError {
    fn from(e: GatewayError) -> Self {
        match e {
            GatewayError::Unavailable(m) => ApiError::new(
                StatusCode::BAD_GATEWAY,
                "gateway_unavailable",
                format!("payment gateway unavailable: {m}"),
            ),
            GatewayError::BadResponse(m) => {
                eprintln!("backend: unexpected gateway answer: {m}");
                ApiError::new(
                    StatusCode::BAD_GATEWAY,
                    "gateway_error",
                    "unexpected answer from the payment gateway",
                )
            }
        }
    }
}

impl From<OperationError> for ApiError {
    fn from(e: OperationError) -> Self {
        match e {
            OperationError::Gateway(e) => e.into(),
            OperationError::Refused { ret_code, ret_msg } => {
                gateway_refusal(&ApiResponse::<Value>::error(&ret_code, ret_msg))
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut r = json_text(self.status, self.body());
        if let Some(s) = self.retry_after {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        r
    }
}

pub(super) fn internal() -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal_error",
        "internal error",
    )
}

/// The gateway's `ret_code`s and what the backend answers for each: (code, HTTP status, our
/// error code). PayKKa's published codes first, then the sandbox's own. One table; a code not
/// in it is a 502 `gateway_error`, logged.
const RET_CODES: &[(&str, u16, &str)] = &[
    (ret::INTERNAL_ERROR, 502, "gateway_error"),
    (ret::INVALID_REQUEST, 400, "invalid_request"),
    (ret::INVALID_API_VERSION, 502, "gateway_auth_failed"),
    (ret::SIGNATURE_MISSING, 502, "gateway_auth_failed"),
    (ret::SIGNATURE_INVALID, 502, "gateway_auth_failed"),
    (ret::TIMESTAMP_EXPIRED, 502, "gateway_auth_failed"),
    (ret::MERCHANT_NOT_FOUND, 502, "gateway_auth_failed"),
    (ret::MERCHANT_KEY_MISSING, 502, "gateway_auth_failed"),
    (ret::SESSION_NOT_FOUND, 404, "session_not_found"),
    (ret::PCI_LEVEL_INSUFFICIENT, 502, "merchant_configuration"),
    (ret::CARD_DATA_INVALID, 400, "invalid_card_data"),
    // The shopper enters the card again; the frames seal it afresh on the next Pay.
    (ret::CARD_DATA_EXPIRED, 400, "card_data_expired"),
    (ret::CARD_DATA_UNSUPPORTED, 400, "card_not_supported"),
    (ret::ORDER_NOT_FOUND, 404, "payment_not_found"),
    (
        ret::UNSUPPORTED_PAYMENT_METHOD,
        400,
        "unsupported_payment_method",
    ),
    (ret::SHOPPER_REFERENCE_EMPTY, 400, "invalid_request"),
    (ret::SHIPPING_EMPTY, 400, "shipping_required"),
    (ret::MISSING_PARAMETER, 400, "invalid_request"),
    (ret::UNSUPPORTED_CURRENCY, 400, "unsupported_currency"),
    (ret::INVALID_AMOUNT, 400, "invalid_amount"),
    (ret::BODY_TOO_LARGE, 400, "invalid_request"),
    (ret::IDEMPOTENCY_CONFLICT, 422, "idempotency_conflict"),
    (ret::SESSION_EXPIRED, 410, "session_expired"),
    (ret::SESSION_CLOSED, 409, "session_completed"),
    (ret::DUPLICATE_TRANS_ID, 409, "duplicate_order"),
    (ret::AMOUNT_MISMATCH, 400, "amount_mismatch"),
    (ret::INVALID_STATUS, 409, "invalid_status"),
    (ret::AMOUNT_EXCEEDS_BALANCE, 400, "amount_exceeds_balance"),
    (ret::TOKEN_NOT_FOUND, 404, "saved_card_not_found"),
    (ret::CLEAR_CARD_REFUSED, 400, "clear_card_data"),
    (
        ret::RECURRING_NOT_FOUND,
        404,
        "recurring_agreement_not_found",
    ),
    (ret::REFUND_NOT_FOUND, 404, "refund_not_found"),
];

/// Maps a gateway refusal to our error codes (see [`RET_CODES`]).
pub(super) fn gateway_refusal<T>(r: &ApiResponse<T>) -> ApiError {
    let (status, code) = match RET_CODES.iter().find(|row| row.0 == r.ret_code) {
        Some(&(_, status, code)) => (status, code),
        // A transaction `error_code` in the refusal's place (v3's top-level `error_code`).
        None if decline::is_known(&r.ret_code) => match decline::reason(&r.ret_code) {
            "merchant_configuration" => (502, "merchant_configuration"),
            "invalid_request" => (400, "invalid_request"),
            reason => (402, reason),
        },
        None => {
            eprintln!(
                "backend: unknown gateway ret_code {} ({}): answered as gateway_error",
                quote(&r.ret_code),
                quote(&r.ret_msg)
            );
            (502, "gateway_error")
        }
    };
    ApiError::new(
        StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY),
        code,
        r.ret_msg.clone(),
    )
}

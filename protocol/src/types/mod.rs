//! Request and response bodies of the gateway API, as in the seeds.
//!
//! Amounts are minor units. The seeds show them both as numbers (`"amount": 100`, payments)
//! and as strings (`"amount": "800"`, sessions): both are accepted, numbers are sent.
//!
//! One file per resource: `sessions`, `payments` (and the transaction data every answer
//! about a payment carries), `modifications` (capture, void, refund), `tokens` (stored
//! methods, recurring agreements), `notifications` (webhooks). Every type is re-exported
//! here, as `types::X`; the envelope of every answer ([`ApiResponse`]) and the integer
//! readers the others share are in this file.

mod modifications;
mod notifications;
mod payments;
mod sessions;
#[cfg(test)]
mod tests;
mod tokens;

pub use crate::order::{Address, Authentication, Browser, Customer, Goods};
pub use modifications::{
    CaptureRequest, RefundData, RefundQueryRequest, RefundRequest, VoidRequest,
};
pub use notifications::{Notification, PaymentNotification};
pub use payments::{
    Action, AuthenticationResult, Balances, CardInfo, MethodRef, PaymentData, PaymentRequest,
    QueryTransactionRequest, TransactionData, is_final_status,
};
pub use sessions::{
    ApplePaySessionRequest, CreateSessionRequest, MethodInfo, QuerySessionRequest, SessionData,
    SessionPayment,
};
pub use tokens::{RecurringCancelRequest, TokenInfo, TokenQueryRequest, TokenRemoveRequest};

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// Deserialises an integer given as a JSON number or a string of digits.
pub fn de_int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumOrStr {
        N(i64),
        S(String),
    }
    match NumOrStr::deserialize(d).map_err(|_| serde::de::Error::custom("expected an integer"))? {
        NumOrStr::N(n) => Ok(n),
        NumOrStr::S(s)
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && s.len() <= 18 =>
        {
            s.parse().map_err(serde::de::Error::custom)
        }
        NumOrStr::S(_) => Err(serde::de::Error::custom("expected an integer")),
    }
}

pub fn de_opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    #[derive(Deserialize)]
    struct W(#[serde(deserialize_with = "de_int")] i64);
    Option::<W>::deserialize(d).map(|o| o.map(|w| w.0))
}

/// Every gateway answer: `ret_code`, `ret_msg`, and `data` on success.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ApiResponse<T> {
    #[serde(default)]
    pub ret_code: String,
    #[serde(default)]
    pub ret_msg: String,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
    /// Some v3 refusals carry no `ret_code`, only a top-level `error_code` and
    /// `error_description` (as PayKKa's plugin reads them): see [`ApiResponse::normalised`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

impl<T> ApiResponse<T> {
    pub fn ok(data: T) -> Self {
        Self {
            ret_code: crate::ret::SUCCESS.into(),
            ret_msg: "Success".into(),
            data: Some(data),
            error_code: None,
            error_description: None,
        }
    }
    pub fn is_success(&self) -> bool {
        self.ret_code == crate::ret::SUCCESS
    }

    /// One shape for both kinds of refusal: a top-level `error_code` other than success, with
    /// no `ret_code`, becomes the `ret_code` (and its description the `ret_msg`). `None`: the
    /// answer has neither, so it is not an answer.
    pub fn normalised(mut self) -> Option<Self> {
        let refused = self
            .error_code
            .as_deref()
            .filter(|c| !matches!(*c, "" | "0" | "0000" | "000000"));
        if self.ret_code.is_empty() {
            let code = refused?.to_string();
            self.ret_msg = self.error_description.clone().unwrap_or_default();
            self.ret_code = code;
        }
        Some(self)
    }
}

impl ApiResponse<Value> {
    pub fn error(code: &str, msg: impl Into<String>) -> Self {
        Self {
            ret_code: code.into(),
            ret_msg: msg.into(),
            data: None,
            error_code: None,
            error_description: None,
        }
    }
}

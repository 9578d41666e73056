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

/// The order's objects, declared in [`crate::order`] and re-exported here beside the bodies
/// that carry them.
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

/// Deserialises an integer given as a JSON number or a string of digits (PayKKa's examples show
/// amounts both ways: `100` and `"800"`). A string must be 1 to 18 ASCII digits, so a sign, a
/// fraction or an empty string is refused.
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

/// As [`de_int`], for an optional member: `null` reads as `None` (with `#[serde(default)]`, a
/// missing member too).
pub fn de_opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    #[derive(Deserialize)]
    struct W(#[serde(deserialize_with = "de_int")] i64);
    Option::<W>::deserialize(d).map(|o| o.map(|w| w.0))
}

/// Every gateway answer: `ret_code`, `ret_msg`, and `data` on success. A request the gateway
/// refuses (signature, parameters, unknown order) has a `ret_code` other than `000000` and no
/// `data`; a declined payment is a success whose `data.error_code` is not `0000`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ApiResponse<T> {
    /// `000000` on success, else the refusal's code ([`crate::ret`]); empty when not sent (see
    /// [`ApiResponse::normalised`]).
    #[serde(default)]
    pub ret_code: String,
    /// PayKKa's text of `ret_code` (`Success` on success), for logs.
    #[serde(default)]
    pub ret_msg: String,
    /// The answer's body on success (session, transaction, refund, ...); `None` on a refusal.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
    /// Some v3 refusals carry no `ret_code`, only a top-level `error_code` and
    /// `error_description` (as PayKKa's plugin reads them): see [`ApiResponse::normalised`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The text of the top-level `error_code`, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

impl<T> ApiResponse<T> {
    /// An answer with only `ret_code`, `ret_msg` and `data`.
    fn answer(ret_code: &str, ret_msg: String, data: Option<T>) -> Self {
        Self {
            ret_code: ret_code.into(),
            ret_msg,
            data,
            error_code: None,
            error_description: None,
        }
    }

    /// A success: `ret_code` `000000`, `ret_msg` `Success`, and `data`.
    pub fn ok(data: T) -> Self {
        Self::answer(crate::ret::SUCCESS, "Success".into(), Some(data))
    }

    /// Did the gateway accept the request (`ret_code` `000000`)? A declined payment is still
    /// a success: see its `error_code`.
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
    /// A refusal: `code` (one of [`crate::ret`]) and its message, no `data`.
    pub fn error(code: &str, msg: impl Into<String>) -> Self {
        Self::answer(code, msg.into(), None)
    }
}

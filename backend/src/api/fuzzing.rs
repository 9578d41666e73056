//! Entry points for the fuzz targets in `fuzz/` and for their corpus replay
//! (`backend/tests/fuzz_corpus.rs`): the request parsing of the JSON API and the webhook's
//! verification, run the way the handlers run them. Not an API: hidden from the docs.

use super::apple_pay::ApplePayBody;
use super::error::ApiError;
use super::payments::{PaymentBody, body_hash, refuse_clear_card};
use super::request::parse;
use super::saved_cards::RemoveQuery;
use super::server_sessions::CreateSessionBody;
use super::sessions::BrowserSessionBody;
use super::webhooks::{self, WebhookSignature};
use axum::extract::Query;
use axum::http::Uri;
use paykka_protocol::sign::VerifyingKeys;
use paykka_protocol::types::Notification;
use serde_json::Value;

/// Why a parser or the webhook check refused its input: the status and error code the client
/// would get, and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

impl From<ApiError> for Refusal {
    fn from(e: ApiError) -> Self {
        Refusal {
            status: e.status.as_u16(),
            code: e.code,
            message: e.message,
        }
    }
}

/// Which request parser an [`Outcome`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parser {
    /// `POST /api/sessions` body (the browser's).
    CreateSession,
    /// `POST /api/server/sessions` body (the merchant server's).
    ServerSession,
    /// `POST /api/payments` body: the clear-card guard, then the typed body.
    Payment,
    /// `POST /api/apple-pay/session` body.
    ApplePay,
    /// The webhook body, once its signature is checked.
    Notification,
    /// `DELETE /api/saved-cards/{token}` query string (only when the bytes make a valid URI).
    RemoveSavedCardQuery,
}

impl Parser {
    /// The parsers of a JSON body.
    pub fn is_json(self) -> bool {
        self != Parser::RemoveSavedCardQuery
    }

    /// The bodies declared `deny_unknown_fields`.
    pub fn denies_unknown_fields(self) -> bool {
        matches!(
            self,
            Parser::CreateSession | Parser::ServerSession | Parser::Payment | Parser::ApplePay
        )
    }
}

/// How one parser took the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub parser: Parser,
    pub result: Result<(), Refusal>,
}

/// Runs every request parser of the backend on `bytes`, as the handlers do before acting.
pub fn parse_any_request(bytes: &[u8]) -> Vec<Outcome> {
    let done = |parser, result: Result<(), ApiError>| Outcome {
        parser,
        result: result.map_err(Refusal::from),
    };
    let mut out = vec![
        done(
            Parser::CreateSession,
            parse::<BrowserSessionBody>(bytes).map(drop),
        ),
        done(
            Parser::ServerSession,
            parse::<CreateSessionBody>(bytes).map(drop),
        ),
        done(
            Parser::Payment,
            parse::<Value>(bytes)
                .and_then(|raw| refuse_clear_card(&raw))
                .and_then(|()| parse::<PaymentBody>(bytes))
                .map(drop),
        ),
        done(Parser::ApplePay, parse::<ApplePayBody>(bytes).map(drop)),
        done(Parser::Notification, parse::<Notification>(bytes).map(drop)),
    ];
    if let Ok(q) = std::str::from_utf8(bytes)
        && let Ok(uri) = format!("/api/saved-cards/t?{q}").parse::<Uri>()
    {
        let result = Query::<RemoveQuery>::try_from_uri(&uri)
            .map(drop)
            .map_err(|e| ApiError::bad("invalid_request", e.body_text()));
        out.push(done(Parser::RemoveSavedCardQuery, result));
    }
    out
}

/// The idempotency fingerprint `POST /api/payments` keeps for a body.
pub fn payment_fingerprint(bytes: &[u8]) -> String {
    body_hash(bytes)
}

/// The webhook handler's own checks (`webhooks::verify_webhook`), in its order: a gateway key known,
/// signature header present, `merchant_id` and `timestamp` readable, our merchant, signature by
/// one of `keys`, timestamp within 5 minutes of `now_ms`, then the body read as a [`Notification`].
pub fn verify_webhook(
    keys: &VerifyingKeys,
    merchant_id: &str,
    now_ms: i64,
    body: &[u8],
    signature: Option<&str>,
) -> Result<Notification, Refusal> {
    let signed = WebhookSignature {
        signature,
        path: "/api/webhooks/paykka",
        ..Default::default()
    };
    Ok(webhooks::verify_webhook(
        keys,
        paykka_protocol::ApiVersion::V1_2,
        merchant_id,
        now_ms,
        body,
        &signed,
    )?)
}

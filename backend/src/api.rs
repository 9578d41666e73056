//! The JSON API under `/api/` that the checkout SDK speaks, and the gateway webhook.
//! Errors are `{ "error": { "code": "snake_case", "message": "..." } }`.

use crate::gateway::GatewayError;
use crate::store::{Claim, Order};
use crate::{AppState, Shared};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use paykka_protocol::api::{self, ApiVersion};
use paykka_protocol::sign::{VerifyingKeys, signed_fields, timestamp_fresh};
use paykka_protocol::time::now_ms;
use paykka_protocol::types::*;
use paykka_protocol::{Operation, card, decline, headers as hdr, money, ret};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::time::Duration;

mod account;
mod after_payment;
#[doc(hidden)]
pub mod fuzzing;
mod sessions;

use crate::limits::Counted;
use sessions::{CreateSessionBody, client_ip};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/health", get(health))
        .route("/api/sessions", post(sessions::browser_create_session))
        .route(
            "/api/server/sessions",
            post(sessions::server_create_session),
        )
        .route("/api/server/logins", post(account::server_sign_in))
        .merge(after_payment::routes())
        .route("/api/account", get(account::account))
        .route("/api/account/sign-in", post(account::sign_in))
        .route("/api/account/sign-out", post(account::sign_out))
        .route("/api/sessions/{session_id}", get(get_session))
        .route("/api/sessions/{session_id}/result", get(session_result))
        .route("/api/payments", post(submit_payment))
        .route("/api/payments/{order_id}", get(payment_status))
        .route("/api/saved-cards/{token}", delete(remove_saved_card))
        .route("/api/apple-pay/session", post(apple_pay_session))
        .route("/api/webhooks/paykka", post(webhook))
}

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
    fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }
    fn bad(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }
    fn body(&self) -> String {
        json!({ "error": { "code": self.code, "message": self.message } }).to_string()
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        eprintln!("backend: database error: {e}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "internal error",
        )
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

impl From<crate::operations::OperationError> for ApiError {
    fn from(e: crate::operations::OperationError) -> Self {
        match e {
            crate::operations::OperationError::Gateway(e) => e.into(),
            crate::operations::OperationError::Refused { ret_code, ret_msg } => {
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

fn internal() -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal_error",
        "internal error",
    )
}

/// Lets only the merchant's own server through: `Authorization: Bearer <server secret>`,
/// compared in constant time (of digests, so the length does not leak either).
fn server_only(st: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    use subtle::ConstantTimeEq;
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let ok: bool = Sha256::digest(given.as_bytes())
        .ct_eq(&Sha256::digest(st.server_secret.as_bytes()))
        .into();
    if given.is_empty() || !ok {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "this endpoint is for the merchant's server: Authorization: Bearer <BACKEND_SERVER_SECRET>",
        ));
    }
    Ok(())
}

fn json_text(status: StatusCode, body: String) -> Response {
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

fn json_ok<T: Serialize>(v: &T) -> Response {
    json_text(
        StatusCode::OK,
        serde_json::to_string(v).expect("serialises"),
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
fn gateway_refusal<T>(r: &ApiResponse<T>) -> ApiError {
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
                crate::quote(&r.ret_code),
                crate::quote(&r.ret_msg)
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

fn gw_data<T>(r: ApiResponse<T>) -> Result<T, ApiError> {
    if !r.is_success() {
        return Err(gateway_refusal(&r));
    }
    r.data.ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_GATEWAY,
            "gateway_error",
            "gateway answer without data",
        )
    })
}

type Body = Result<Bytes, BytesRejection>;

fn read_body(body: Body) -> Result<Bytes, ApiError> {
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!("request body larger than {} bytes", crate::MAX_BODY_BYTES),
            )
        } else {
            ApiError::bad("invalid_request", "cannot read request body")
        }
    })
}

fn parse<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
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

fn check_ref(name: &str, v: &str) -> Result<(), ApiError> {
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

pub async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such endpoint")
}

/// Up, and which generation of PayKKa's API it speaks.
async fn health(State(st): State<Shared>) -> Response {
    json_ok(&json!({ "status": "ok", "gateway_api": st.gateway.version().as_str() }))
}

/// A signed gateway call. Against the sandbox, an unknown-merchant answer (the sandbox started
/// after us, or its data was wiped) triggers one re-registration and one retry.
async fn gw_call<B: Serialize, T: serde::de::DeserializeOwned>(
    st: &AppState,
    op: Operation,
    body: &B,
    key: Option<&str>,
) -> Result<ApiResponse<T>, GatewayError> {
    let r: ApiResponse<T> = st.gateway.call(op, body, key).await?;
    if r.ret_code == ret::MERCHANT_NOT_FOUND
        && st.cfg.should_register()
        && register_with_sandbox(st).await
    {
        return st.gateway.call(op, body, key).await;
    }
    Ok(r)
}

/// Registers this merchant's public key with the sandbox portal and learns the gateway's
/// webhook keys (all those the sandbox publishes, two while it rotates), unless they are
/// configured. Demo only: the real gateway takes keys through its merchant portal.
pub async fn register_with_sandbox(st: &AppState) -> bool {
    let url = format!("{}/portal/merchants", st.gateway.base());
    let body = json!({
        "merchant_id": st.gateway.merchant_id(),
        "public_key_pem": st.gateway.public_key_pem(),
        "name": st.cfg.merchant_name,
    });
    let res = st
        .gateway
        .http()
        .post(&url)
        .header("content-type", "application/json")
        .body(body.to_string())
        .timeout(Duration::from_secs(3))
        .send()
        .await;
    let Ok(res) = res else { return false };
    let Ok(bytes) = res.bytes().await else {
        return false;
    };
    let Ok(v) = serde_json::from_slice::<Value>(&bytes) else {
        return false;
    };
    if v["ret_code"] != ret::SUCCESS {
        eprintln!("backend: sandbox registration refused: {}", v["ret_msg"]);
        return false;
    }
    let published = v["data"]["gateway_public_keys_pem"]
        .as_str()
        .or_else(|| v["data"]["gateway_public_key_pem"].as_str());
    if !st.cfg.gateway_keys_configured()
        && let Some(pem) = published
        && let Ok(keys) = VerifyingKeys::from_pem_bundle(pem)
    {
        st.gateway.set_keys(keys);
    }
    eprintln!(
        "backend: merchant {} registered with the sandbox at {}",
        st.gateway.merchant_id(),
        st.gateway.base()
    );
    true
}

/// `url` if it is an absolute http(s) URL on exactly an allowed origin (scheme, host and
/// port), without userinfo or control characters; its normalised form. Compared as parsed
/// origins, never as string prefixes (`https://shop.example.com.evil.tld/` and
/// `https://shop.example.com@evil.tld/` are other hosts).
fn allowed_return_url(st: &AppState, url: &str) -> Option<String> {
    // The URL parser would silently drop tabs and newlines: refuse them, and every control.
    if url.len() > 2048 || url.chars().any(|c| c.is_control()) {
        return None;
    }
    let parsed = url::Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "http" | "https")
        || !parsed.username().is_empty()
        || parsed.password().is_some()
    {
        return None;
    }
    let origin = parsed.origin();
    let allowed = st
        .cfg
        .allowed_origins
        .iter()
        .map(String::as_str)
        .chain([st.cfg.return_url.as_str()])
        .filter_map(|o| url::Url::parse(o).ok())
        .any(|o| o.origin() == origin);
    allowed.then(|| parsed.to_string())
}

/// The session's shopper, if that shopper is the one signed in on this request: saved cards
/// are listed, used, saved and removed only then. A session id alone (which a shopper may
/// share, or leave in a link) gives nobody else's cards.
fn session_shopper(st: &AppState, order: &Order, headers: &HeaderMap) -> Option<String> {
    let session_shopper = order.shopper_reference.as_deref()?;
    let signed_in = crate::accounts::signed_in_shopper(st, headers)?;
    (signed_in == session_shopper).then_some(signed_in)
}

fn our_order(st: &AppState, session_id: &str) -> Result<Order, ApiError> {
    if session_id.len() > 64 {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "session_not_found",
            "no such session",
        ));
    }
    st.store.order(session_id)?.ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "session_not_found",
            "no such session",
        )
    })
}

#[derive(Serialize)]
struct SavedCard {
    token: String,
    brand: String,
    last4: String,
    exp_month: Option<String>,
    exp_year: Option<String>,
    holder_name: Option<String>,
    token_usage: String,
}

// Google Pay is left out unless a merchant lists it: checking whether a browser can pay with
// it downloads Google's payment manifest, a request to google.com on every checkout load.
const DEFAULT_METHODS: &[&str] = &["BANKCARD", "ApplePay", "WechatPayGlobal", "AlipayPlus"];

async fn saved_cards(st: &AppState, shopper: &str) -> Result<Vec<SavedCard>, ApiError> {
    let req = json!({ "shopper_reference": shopper });
    let list: Vec<TokenInfo> =
        gw_data(gw_call(st, Operation::TokenQuery, &req, None).await?).unwrap_or_default();
    Ok(list
        .into_iter()
        .filter(|t| {
            t.status == "ACTIVATE"
                && t.payment_method.eq_ignore_ascii_case("BANKCARD")
                && t.token_usage != "SUBSCRIPTION"
        })
        .map(|t| {
            let c = t.card_info.unwrap_or_default();
            SavedCard {
                token: t.token,
                brand: c.card_brand,
                last4: c.last4,
                exp_month: c.exp_month,
                exp_year: c.exp_year,
                holder_name: c.holder_name,
                token_usage: t.token_usage,
            }
        })
        .collect())
}

async fn get_session(
    State(st): State<Shared>,
    Path(session_id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let order = our_order(&st, &session_id)?;
    let shopper = session_shopper(&st, &order, &headers);
    let s: SessionData = gw_data(
        gw_call(
            &st,
            Operation::QuerySession,
            &json!({ "session_id": session_id }),
            None,
        )
        .await?,
    )?;
    let cards = match &shopper {
        Some(r) if s.status == "PROCESSING" => saved_cards(&st, r).await?,
        _ => vec![],
    };
    let methods: Vec<MethodInfo> = if s.payment_methods.is_empty() {
        DEFAULT_METHODS
            .iter()
            .map(|m| MethodInfo {
                payment_method: m.to_string(),
                flow: match *m {
                    "BANKCARD" => "card",
                    "ApplePay" | "GooglePay" => "wallet",
                    _ => "qr",
                }
                .into(),
                brands: if *m == "BANKCARD" {
                    card::Brand::ALL
                        .iter()
                        .map(|b| b.as_str().to_string())
                        .collect()
                } else {
                    vec![]
                },
            })
            .collect()
    } else {
        s.payment_methods.clone()
    };
    let frames = st.cfg.frames_origin();
    Ok(json_ok(&json!({
        "session_id": s.session_id,
        "status": s.status,
        "amount": s.amount,
        "currency": s.currency,
        "currency_exponent": money::exponent(&s.currency),
        // None when the merchant named none: the checkout then follows the shopper's browser.
        "display_locale": s.display_locale,
        "expire_time": s.expire_time,
        "session_mode": s.session_mode,
        "merchant_name": st.cfg.merchant_name,
        "merchant_logo_url": st.cfg.merchant_logo_url,
        "merchant_id": st.gateway.merchant_id(),
        "merchant_country": st.cfg.merchant_country,
        "payment_methods": methods,
        "saved_cards": cards,
        "store_payment_method": s.store_payment_method.unwrap_or(false),
        "can_store_payment_method": shopper.is_some(),
        "payment_type": if s.payment_type.is_empty() { "PURCHASE" } else { s.payment_type.as_str() },
        "token_usage": s.token_usage,
        "order_id": s.order_id,
        "gateway_origin": frames,
        "card_key_url": format!("{frames}/card-key"),
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PaymentBody {
    session_id: String,
    payment_method: String,
    encrypted_card_no: Option<String>,
    encrypted_exp_month: Option<String>,
    encrypted_exp_year: Option<String>,
    encrypted_cvv: Option<String>,
    holder_name: Option<String>,
    store_payment_method: Option<bool>,
    token: Option<String>,
    wallet_data: Option<Value>,
    /// What the shopper's browser knows, for 3-D Secure (screen, colour depth, time zone,
    /// language, device type); the backend adds the user agent and language of the request
    /// when the browser sends none.
    browser: Option<Browser>,
    return_url: Option<String>,
    /// The address the shopper pays from (the request's), never from the body.
    #[serde(skip)]
    pay_ip: Option<String>,
}

/// Checks the browser's own description and completes it from the request: a value PayKKa
/// would refuse (too long, not printable) is dropped rather than failing the payment.
fn browser_context(given: Option<Browser>, headers: &HeaderMap) -> Browser {
    let clean = |v: Option<String>, max: usize| {
        v.filter(|s| !s.is_empty() && s.chars().count() <= max && !s.chars().any(char::is_control))
    };
    let header = |n: &str| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let b = given.unwrap_or_default();
    let number = |v: Option<String>| clean(v, 6).filter(|s| s.bytes().all(|c| c.is_ascii_digit()));
    Browser {
        user_agent: clean(b.user_agent.or_else(|| header("user-agent")), 2048),
        language: clean(
            b.language.or_else(|| {
                header("accept-language")
                    .and_then(|l| l.split([',', ';']).next().map(|t| t.trim().to_string()))
            }),
            35,
        ),
        color_depth: number(b.color_depth),
        screen_height: number(b.screen_height),
        screen_width: number(b.screen_width),
        java_enabled: Some(b.java_enabled.unwrap_or(false)),
        device_type: clean(b.device_type, 16)
            .filter(|d| matches!(d.as_str(), "PC" | "MOBILE" | "TABLET")),
        terminal_type: Some("WEB".into()),
        device_os: clean(b.device_os, 32),
        timezone_offset: clean(b.timezone_offset, 6).filter(|t| {
            let b = t.as_bytes();
            b.len() == 6 && matches!(b[0], b'+' | b'-') && b[3] == b':'
        }),
        ..Default::default()
    }
}

/// What the SDK gets back from a payment or a status query.
#[derive(Serialize, Deserialize, Debug)]
pub struct PaymentResult {
    pub status: String,
    pub session_id: Option<String>,
    pub order_id: Option<String>,
    pub amount: i64,
    pub currency: String,
    pub payment_method: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saved_card_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_finish_time: Option<String>,
}

fn result_of(t: TransactionData) -> PaymentResult {
    // Towards the shopper, a decline says only what the shopper can act on (no funds, card
    // expired, authentication failed, too slow); whether the number or the security code was
    // wrong is not told, or the checkout would be a card-testing oracle. The precise reason
    // goes to the backend's log.
    let failure = (t.status == "FAILURE").then(|| {
        let code = t.error_code.clone().unwrap_or_default();
        eprintln!(
            "backend: payment {} declined: {code} {}",
            t.order_id,
            t.error_description.as_deref().unwrap_or_default()
        );
        if !decline::is_known(&code) {
            eprintln!(
                "backend: unknown gateway error_code {}: reported as card_declined",
                crate::quote(&code)
            );
        }
        let reason = match decline::reason(&code) {
            r @ ("insufficient_funds"
            | "expired_card"
            | "authentication_failed"
            | "payment_expired"
            | "card_data_expired") => r,
            _ => "card_declined",
        };
        let message = match reason {
            "insufficient_funds" => "The card has insufficient funds.",
            "expired_card" => "The card has expired.",
            "authentication_failed" => "The card's authentication failed.",
            "payment_expired" => "The payment was not completed in time.",
            "card_data_expired" => "The card details expired: enter them again.",
            _ => "The card was declined.",
        };
        json!({ "code": reason, "message": message })
    });
    // PayKKa's documented 3-D Secure signal, when the gateway gives no `action` of ours.
    let action = t.action.clone().or_else(|| {
        let url = t
            .authentication_result
            .as_ref()?
            .authentication_url
            .clone()?;
        let safe = url.starts_with("https://") || url.starts_with("http://127.");
        (t.status == "PROCESSING" && safe).then(|| Action {
            kind: "redirect".into(),
            url,
            method: "GET".into(),
            ..Default::default()
        })
    });
    PaymentResult {
        status: t.status,
        session_id: t.session_id,
        order_id: Some(t.order_id),
        amount: t.amount,
        currency: t.currency,
        payment_method: t.payment.payment_method,
        action,
        failure,
        card: t
            .card_info
            .map(|c| json!({ "brand": c.card_brand, "last4": c.last4 })),
        saved_card_token: t.token,
        pay_finish_time: t.pay_finish_time,
    }
}

/// Card data must reach us encrypted: refuse clear card fields and anything that looks like a
/// card number, wherever it is in the body.
fn refuse_clear_card(v: &Value) -> Result<(), ApiError> {
    fn walk(v: &Value, key: Option<&str>) -> bool {
        match v {
            Value::Object(m) => m.iter().any(|(k, v)| {
                matches!(
                    k.as_str(),
                    "card_no" | "card_number" | "cvv" | "cvc" | "exp_month" | "exp_year" | "number"
                ) || walk(v, Some(k))
            }),
            Value::Array(a) => a.iter().any(|x| walk(x, key)),
            Value::String(s) => {
                card::looks_like_pan(s)
                    || (key.is_some_and(|k| k.starts_with("encrypted_"))
                        && !s.starts_with("pkenc."))
            }
            Value::Number(n) => n
                .as_u64()
                .is_some_and(|n| card::looks_like_pan(&n.to_string())),
            _ => false,
        }
    }
    if walk(v, None) {
        return Err(ApiError::bad(
            "clear_card_data",
            "card data must be encrypted by the secure card fields; clear card numbers and security codes are refused",
        ));
    }
    Ok(())
}

/// The request's fingerprint for idempotency. Card envelopes are left out: RSA-OAEP gives new
/// ciphertexts each time the same card is encrypted, so a retry after a lost answer (same key,
/// same payment) must not read as a different request; the stored answer is replayed instead.
fn body_hash(bytes: &[u8]) -> String {
    let mut v: Value = serde_json::from_slice(bytes).unwrap_or_default();
    paykka_protocol::without_envelopes(&mut v);
    paykka_protocol::hex(&Sha256::digest(v.to_string().as_bytes()))
}

async fn submit_payment(
    State(st): State<Shared>,
    addr: axum::extract::ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let key = match headers.get("idempotency-key").map(|v| v.to_str()) {
        None => {
            return Err(ApiError::bad(
                "invalid_request",
                "Idempotency-Key header is required (one per payment attempt)",
            ));
        }
        Some(Ok(k))
            if (8..=128).contains(&k.len())
                && k.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b)) =>
        {
            k.to_string()
        }
        Some(_) => {
            return Err(ApiError::bad(
                "invalid_request",
                "Idempotency-Key must be 8-128 characters of letters, digits, '-', '_', '.', ':'",
            ));
        }
    };
    let bytes = read_body(body)?;
    let raw: Value = parse(&bytes)?;
    refuse_clear_card(&raw)?;
    let mut b: PaymentBody = parse(&bytes)?;
    b.browser = Some(browser_context(b.browser.take(), &headers));
    b.pay_ip = Some(sessions::client_ip(&addr));
    let shopper = our_order(&st, &b.session_id)
        .ok()
        .and_then(|order| session_shopper(&st, &order, &headers));
    let hash = body_hash(&bytes);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        match st.store.claim(&key, &hash)? {
            Claim::Claimed => break,
            Claim::Done(code, resp) => {
                let mut r = json_text(StatusCode::from_u16(code).unwrap_or(StatusCode::OK), resp);
                r.headers_mut()
                    .insert("idempotent-replayed", HeaderValue::from_static("true"));
                return Ok(r);
            }
            Claim::Conflict => {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "idempotency_conflict",
                    "this Idempotency-Key was used with a different request",
                ));
            }
            Claim::InFlight if tokio::time::Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(20)).await
            }
            Claim::InFlight => {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    "idempotency_in_progress",
                    "a request with this Idempotency-Key is still in progress; retry later",
                ));
            }
        }
    }
    // Counted once the key is ours: a retry that replays a stored answer costs nothing.
    let counted = sessions::limit(&st, Counted::PaymentPerIp, &client_ip(&addr))
        .and_then(|()| sessions::limit(&st, Counted::PaymentPerSession, &b.session_id));
    if let Err(e) = counted {
        let _ = st.store.release_claim(&key);
        return Err(e);
    }
    // The payment runs in its own task: if the shopper's browser goes away mid-request, the
    // gateway call still completes and its answer is kept for the retry with the same key.
    let st2 = st.clone();
    let key2 = key.clone();
    let outcome = match tokio::spawn(async move { pay(&st2, &key2, b, shopper).await }).await {
        Ok(o) => o,
        Err(_) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "internal error",
        )),
    };
    match outcome {
        Err(e)
            if e.code == "gateway_unavailable" || e.status == StatusCode::INTERNAL_SERVER_ERROR =>
        {
            let _ = st.store.release_claim(&key);
            Err(e)
        }
        Err(e) => {
            st.store.finish_claim(&key, e.status.as_u16(), &e.body())?;
            Err(e)
        }
        Ok(r) => {
            let text = serde_json::to_string(&r).expect("serialises");
            st.store.finish_claim(&key, 200, &text)?;
            Ok(json_text(StatusCode::OK, text))
        }
    }
}

/// One payment attempt. `shopper` is the session's shopper when signed in on this request
/// (see [`session_shopper`]): only then may the attempt use or save a card of theirs.
async fn pay(
    st: &AppState,
    key: &str,
    b: PaymentBody,
    shopper: Option<String>,
) -> Result<PaymentResult, ApiError> {
    let session_id = our_order(st, &b.session_id)?.session_id;
    if b.token.is_some() && shopper.is_none() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "sign_in_required",
            "saved cards can only be used by their signed-in shopper",
        ));
    }
    // One attempt of a session at the gateway at a time, whichever instance or request it
    // comes from: two at once would each see the order unpaid.
    if !st.store.lock_attempt(&session_id, key)? {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "payment_pending",
            "a payment for this checkout is still waiting to be completed",
        ));
    }
    let outcome = attempt(st, key, b, shopper).await;
    let _ = st.store.unlock_attempt(key);
    outcome
}

/// The attempt itself, under the session's attempt lock: the order as it is now.
async fn attempt(
    st: &AppState,
    key: &str,
    b: PaymentBody,
    shopper: Option<String>,
) -> Result<PaymentResult, ApiError> {
    let order = our_order(st, &b.session_id)?;
    one_attempt_at_a_time(st, &order).await?;
    let method = b.payment_method.clone();
    if method.is_empty() || method.len() > 32 {
        return Err(ApiError::bad(
            "invalid_request",
            "payment_method is required",
        ));
    }
    let is_card = method.eq_ignore_ascii_case("BANKCARD");
    if is_card && b.token.is_none() && b.encrypted_card_no.is_none() {
        return Err(ApiError::bad(
            "invalid_request",
            "a card payment needs encrypted_card_no (or a saved card token)",
        ));
    }
    let store = b.store_payment_method.unwrap_or(false) && shopper.is_some();
    let return_url = match b.return_url.as_deref() {
        Some(u) => Some(allowed_return_url(st, u).ok_or_else(|| {
            ApiError::bad("invalid_request", "return_url must be on an allowed origin")
        })?),
        None => None,
    };
    if let Some(h) = &b.holder_name
        && h.chars().count() > 100
    {
        return Err(ApiError::bad(
            "invalid_request",
            "holder_name is at most 100 characters",
        ));
    }
    let req = PaymentRequest {
        merchant_id: String::new(),
        timestamp: None,
        trans_id: Some(order.trans_id.clone()),
        session_id: Some(order.session_id.clone()),
        amount: Some(order.amount),
        currency: Some(order.currency.clone()),
        notify_url: Some(st.cfg.notify_url()),
        return_url,
        payment: PaymentData {
            payment_method: method,
            shopper_reference: order.shopper_reference.clone(),
            store_payment_method: Some(store),
            token_usage: if store || b.token.is_some() {
                order
                    .token_usage
                    .clone()
                    .or_else(|| Some("CARD_ON_FILE".into()))
            } else {
                None
            },
            token: b.token,
            encrypted_card_no: b.encrypted_card_no,
            encrypted_exp_month: b.encrypted_exp_month,
            encrypted_exp_year: b.encrypted_exp_year,
            encrypted_cvv: b.encrypted_cvv,
            holder_name: b.holder_name,
            wallet_data: b.wallet_data,
            ..Default::default()
        },
        // 3-D Secure's inputs, for a card: what the browser knows, where it pays from, and
        // PayKKa's default of letting the issuer decide whether to challenge.
        browser: if is_card { b.browser } else { None },
        customer: Some(Customer {
            pay_ip: b.pay_ip,
            ..Default::default()
        }),
        authentication: is_card.then(|| Authentication {
            challenge_indicator: Some("AUTO".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    if !st
        .store
        .count_attempt(&order.session_id, key, st.cfg.limits.attempts_per_session)?
    {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            "too many payment attempts for this checkout; start a new checkout",
        ));
    }
    let t: TransactionData = gw_data(gw_call(st, Operation::Payment, &req, Some(key)).await?)?;
    st.store
        .record_payment(&order.session_id, &t.order_id, &t.status)?;
    reverse_second_charges(st).await;
    Ok(result_of(t))
}

/// The payment `order_id` of one of our sessions, and that session's order.
fn our_payment(st: &AppState, order_id: &str) -> Result<Order, ApiError> {
    let not_found = || {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "payment_not_found",
            "no such payment",
        )
    };
    if order_id.len() > 64 {
        return Err(not_found());
    }
    let sid = st.store.payment_session(order_id)?.ok_or_else(not_found)?;
    our_order(st, &sid)
}

/// Reverses every recorded second charge (see `Store::record_payment`): voids an
/// authorisation, refunds a capture, in full, and records which. A gateway that is down leaves
/// it for the next call (after the next payment news, and every hour).
pub(crate) async fn reverse_second_charges(st: &AppState) {
    let Ok(pending) = st.store.unresolved_second_charges() else {
        return;
    };
    for (order_id, status, amount, currency) in pending {
        let (path, body, resolution) = if status == "AUTHORIZED" {
            (
                Operation::Void,
                json!({ "order_id": order_id, "reason": "second charge of one order" }),
                "VOIDED",
            )
        } else {
            (
                Operation::Refund,
                json!({ "refund_trans_id": format!("reverse-{order_id}"), "ori_order_id": order_id, "refund_amount": amount, "currency": currency, "reason": "second charge of one order" }),
                "REFUNDED",
            )
        };
        match gw_call::<_, Value>(st, path, &body, Some(&format!("reverse-{order_id}"))).await {
            Ok(r) if r.is_success() => {
                eprintln!("backend: second charge {order_id} ({status}) {resolution}");
                let _ = st.store.resolve_second_charge(&order_id, resolution);
            }
            Ok(r) => eprintln!(
                "backend: reversing second charge {order_id}: {} {}",
                r.ret_code, r.ret_msg
            ),
            Err(e) => eprintln!("backend: reversing second charge {order_id}: {e:?}"),
        }
    }
}

/// Refuses a new attempt while the session is paid, or while an earlier attempt still waits
/// for the shopper (3DS, QR, redirect) at the gateway: one order, one charge. An attempt the
/// backend last saw pending is asked for again first, so one that has since failed or expired
/// does not block the shopper.
async fn one_attempt_at_a_time(st: &AppState, order: &Order) -> Result<(), ApiError> {
    let mut status = order.status.clone();
    if status == "PROCESSING"
        && let Some(order_id) = &order.order_id
    {
        status = query_result(st, json!({ "order_id": order_id }), &order.session_id)
            .await?
            .status;
    }
    match status.as_str() {
        "PROCESSING" => Err(ApiError::new(
            StatusCode::CONFLICT,
            "payment_pending",
            "a payment for this checkout is still waiting to be completed",
        )),
        "SUCCESS" | "AUTHORIZED" | "REFUNDED" | "PARTIALLY_REFUNDED" | "PARTIALLY_REVERSED" => {
            Err(ApiError::new(
                StatusCode::CONFLICT,
                "already_paid",
                "this checkout has already been paid",
            ))
        }
        _ => Ok(()),
    }
}

async fn query_result(
    st: &AppState,
    query: Value,
    session_id: &str,
) -> Result<PaymentResult, ApiError> {
    let r: ApiResponse<Value> = gw_call(st, Operation::Query, &query, None).await?;
    // No payment yet: v1.2 says the order does not exist; v3 answers the session with
    // `error_code` 4032 (as PayKKa's plugin reads it).
    let not_paid_yet = r.ret_code == ret::ORDER_NOT_FOUND
        || (r.is_success()
            && r.data.as_ref().is_some_and(|d| {
                d["error_code"] == decline::NOT_PAID_YET
                    && d["order_id"].as_str().is_none_or(str::is_empty)
            }));
    if not_paid_yet {
        // No payment yet: report the session's own state (PROCESSING or EXPIRED).
        let s: SessionData = gw_data(
            gw_call(
                st,
                Operation::QuerySession,
                &json!({ "session_id": session_id }),
                None,
            )
            .await?,
        )?;
        return Ok(PaymentResult {
            status: if s.status == "EXPIRED" {
                "EXPIRED".into()
            } else {
                "NONE".into()
            },
            session_id: Some(s.session_id),
            order_id: None,
            amount: s.amount,
            currency: s.currency,
            payment_method: String::new(),
            action: None,
            failure: (s.status == "EXPIRED").then(
                || json!({ "code": "session_expired", "message": "the session has expired" }),
            ),
            card: None,
            saved_card_token: None,
            pay_finish_time: None,
        });
    }
    let t: TransactionData = serde_json::from_value(gw_data(r)?).map_err(|e| {
        eprintln!("backend: unreadable transaction from the gateway: {e}");
        ApiError::new(
            StatusCode::BAD_GATEWAY,
            "gateway_error",
            "unexpected answer from the payment gateway",
        )
    })?;
    st.store
        .record_payment(session_id, &t.order_id, &t.status)?;
    reverse_second_charges(st).await;
    Ok(result_of(t))
}

async fn session_result(
    State(st): State<Shared>,
    Path(session_id): Path<String>,
) -> Result<Response, ApiError> {
    our_order(&st, &session_id)?;
    Ok(json_ok(
        &query_result(&st, json!({ "session_id": session_id }), &session_id).await?,
    ))
}

async fn payment_status(
    State(st): State<Shared>,
    Path(order_id): Path<String>,
) -> Result<Response, ApiError> {
    let sid = if order_id.len() <= 64 {
        st.store.payment_session(&order_id)?
    } else {
        None
    };
    let sid = sid.ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "payment_not_found",
            "no such payment",
        )
    })?;
    Ok(json_ok(
        &query_result(&st, json!({ "order_id": order_id }), &sid).await?,
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RemoveQuery {
    session_id: Option<String>,
    shopper_reference: Option<String>,
}

/// Removes a saved card of the shopper of `session_id`, who must be the one signed in (see
/// [`session_shopper`]); never one named by the browser (a `shopper_reference` parameter, if
/// sent, must be that one).
async fn remove_saved_card(
    State(st): State<Shared>,
    Path(token): Path<String>,
    headers: HeaderMap,
    q: Result<Query<RemoveQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(q) = q.map_err(|e| ApiError::bad("invalid_request", e.body_text()))?;
    let sid = q
        .session_id
        .ok_or_else(|| ApiError::bad("invalid_request", "session_id is required"))?;
    let not_found = || {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "saved_card_not_found",
            "no such saved card for this shopper",
        )
    };
    let order = our_order(&st, &sid)?;
    let shopper = session_shopper(&st, &order, &headers).ok_or_else(not_found)?;
    if q.shopper_reference.is_some_and(|r| r != shopper) {
        return Err(not_found());
    }
    check_ref("shopper_reference", &shopper)?;
    check_ref("token", &token)?;
    let r: ApiResponse<Value> = gw_call(
        &st,
        Operation::TokenRemove,
        &json!({ "token": token, "shopper_reference": shopper }),
        None,
    )
    .await?;
    if !r.is_success() {
        return Err(gateway_refusal(&r));
    }
    Ok(json_ok(&json!({ "removed": true, "token": token })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApplePayBody {
    domain_name: Option<String>,
    validation_url: Option<String>,
}

async fn apple_pay_session(State(st): State<Shared>, body: Body) -> Result<Response, ApiError> {
    let b: ApplePayBody = parse(&read_body(body)?)?;
    let domain = b.domain_name.unwrap_or_else(|| "localhost".into());
    let session = st
        .gateway
        .apple_pay_session(&st.cfg.merchant_name, &domain, b.validation_url.as_deref())
        .await?;
    Ok(json_ok(&json!({ "merchant_session": session })))
}

/// The signature headers of a webhook, as received.
#[derive(Clone, Copy, Debug, Default)]
pub struct WebhookSignature<'a> {
    /// v1.2's `signature` or v3's `x-paykka-sign`.
    pub signature: Option<&'a str>,
    /// v3's `x-paykka-timestamp` (v1.2 signs the body's `timestamp`).
    pub timestamp: Option<&'a str>,
    /// v3's `x-paykka-nonce`.
    pub nonce: Option<&'a str>,
    /// The path our webhook was posted to (what a v3 webhook signs).
    pub path: &'a str,
}

impl<'a> WebhookSignature<'a> {
    fn read(version: ApiVersion, headers: &'a HeaderMap, path: &'a str) -> Self {
        let h = |n: &str| headers.get(n).and_then(|v| v.to_str().ok());
        match version {
            ApiVersion::V3 => Self {
                signature: h(hdr::SIGN),
                timestamp: h(hdr::V3_TIMESTAMP),
                nonce: h(hdr::NONCE),
                path,
            },
            ApiVersion::V1_2 => Self {
                signature: h(hdr::SIGNATURE),
                timestamp: None,
                nonce: None,
                path,
            },
        }
    }
}

/// A webhook's checks, in order, before anything acts on it: a gateway key known, the signature
/// header present, the signed time readable (v1.2: the body's `merchant_id` and `timestamp`;
/// v3: `x-paykka-timestamp`), our merchant, a signature by one of `keys` over
/// [`api::gateway_signing_input`] (our assumption of what PayKKa signs), the time within
/// 5 minutes of `now_ms`; then the body read as a notification.
/// (The fuzz targets call this very function, through `fuzzing::verify_webhook`.)
fn verify_webhook(
    keys: &VerifyingKeys,
    version: ApiVersion,
    merchant_id: &str,
    now_ms: i64,
    body: &[u8],
    signed: &WebhookSignature<'_>,
) -> Result<Notification, ApiError> {
    let unauthorized =
        |m: &str| ApiError::new(StatusCode::UNAUTHORIZED, "invalid_signature", m.to_string());
    if keys.is_empty() {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "webhook_key_unknown",
            "gateway public key not configured",
        ));
    }
    let sig = signed
        .signature
        .ok_or_else(|| unauthorized("signature header missing"))?;
    let ts = match version {
        ApiVersion::V1_2 => {
            let (mid, ts) = signed_fields(body)
                .ok_or_else(|| unauthorized("merchant_id and timestamp are required"))?;
            if mid != merchant_id {
                return Err(unauthorized("notification for another merchant"));
            }
            ts
        }
        ApiVersion::V3 => signed
            .timestamp
            .and_then(|t| t.trim().parse::<i64>().ok())
            .ok_or_else(|| unauthorized("x-paykka-timestamp missing"))?,
    };
    let data = api::gateway_signing_input(
        version,
        &api::SignedMessage {
            method: "POST",
            path: signed.path,
            merchant_id,
            timestamp: ts,
            nonce: signed.nonce.unwrap_or(""),
            body,
        },
    );
    keys.verify_header(&data, sig)
        .map_err(|_| unauthorized("signature verification failed"))?;
    if !timestamp_fresh(ts, now_ms) {
        return Err(unauthorized("timestamp outside the 5-minute window"));
    }
    let n = parse::<Notification>(body)?;
    if !n.merchant_id.is_empty() && n.merchant_id != merchant_id {
        return Err(unauthorized("notification for another merchant"));
    }
    Ok(n)
}

/// Gateway notifications: verified (signature with one of the gateway keys, our merchant id,
/// 5-minute window) before anything else, de-duplicated by event, and applied to the order
/// only if they move it forward (see `Store::record_payment`): a late or reordered
/// notification never takes a payment back to an earlier status. With
/// `PAYKKA_VERIFY_WEBHOOKS=off` a webhook is only news that something changed: the payment
/// (or refund) is asked of the gateway, and its answer is what counts.
async fn webhook(
    State(st): State<Shared>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let bytes = read_body(body)?;
    let version = st.gateway.version();
    let mut n = if st.cfg.verify_webhooks {
        let signed = WebhookSignature::read(version, &headers, uri.path());
        verify_webhook(
            &st.gateway.keys(),
            version,
            st.gateway.merchant_id(),
            now_ms(),
            &bytes,
            &signed,
        )?
    } else {
        parse::<Notification>(&bytes)?
    };
    if !st.cfg.verify_webhooks {
        confirm_with_gateway(&st, &mut n).await?;
    }
    let key = n.event_key();
    if n.is_refund() {
        let fresh = st.store.record_refund_event(
            &key,
            n.refund_order_id.as_deref().unwrap_or(""),
            n.trans_id.as_deref().unwrap_or(""),
            n.order_id.as_deref().unwrap_or(""),
            &n.status,
            n.amount.unwrap_or(0),
        )?;
        return Ok(webhook_ack(if fresh { "ok" } else { "duplicate" }));
    }
    let Some(order_id) = n.order_id.clone() else {
        return Err(ApiError::bad(
            "invalid_request",
            "notification without order_id",
        ));
    };
    // The id and its effect are written in one transaction: a failure leaves neither, and the
    // gateway's retry is then processed rather than taken for a duplicate.
    if !st
        .store
        .record_webhook(&key, &order_id, &n.status, n.session_id.as_deref())?
    {
        return Ok(webhook_ack("duplicate"));
    }
    reverse_second_charges(&st).await;
    Ok(webhook_ack("ok"))
}

/// A webhook's acknowledgement: HTTP 200 and the answer PayKKa's examples show, with whether
/// it was news (`ok`) or a repeat (`duplicate`).
fn webhook_ack(status: &str) -> Response {
    json_ok(&json!({ "ret_code": ret::SUCCESS, "ret_msg": "Success", "status": status }))
}

/// Replaces an unverified notification's status with the gateway's own answer.
async fn confirm_with_gateway(st: &AppState, n: &mut Notification) -> Result<(), ApiError> {
    if n.is_refund() {
        let q = json!({ "refund_order_id": n.refund_order_id, "refund_trans_id": n.trans_id });
        let r: RefundData = gw_data(gw_call(st, Operation::RefundQuery, &q, None).await?)?;
        n.status = r.status;
        n.amount = Some(r.amount);
        n.notify_id = None;
    } else {
        let q = json!({ "order_id": n.order_id });
        let t: TransactionData = gw_data(gw_call(st, Operation::Query, &q, None).await?)?;
        n.status = t.status;
        n.session_id = t.session_id;
        n.notify_id = None;
    }
    Ok(())
}

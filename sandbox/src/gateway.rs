//! The signed gateway API (`/payments...`), plus `/health`, `/card-key` and the demo portal.

use crate::db;
use crate::scenario::{
    self, CHALLENGE_CODE, Outcome, Pending, SessionRec, StoreReq, TokenRec, TxRec, new_id,
    new_session_id,
};
use crate::{AppState, Shared};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use paykka_protocol::api::{self, ApiVersion, Operation};
use paykka_protocol::cardenc::EnvelopeError;
use paykka_protocol::sign::{
    SigningKey, VerifyingKey, VerifyingKeys, signed_fields, timestamp_fresh,
};
use paykka_protocol::time::{format_rfc3339, now_ms, parse_rfc3339};
use paykka_protocol::types::*;
use paykka_protocol::{card, decline, headers as hdr, money, ret};
use rusqlite::Transaction;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/health", get(health))
        .route("/card-key", get(card_key))
        .route("/portal/merchants", post(portal_register))
        .route(
            "/portal/merchants/{merchant_id}/keys",
            get(portal_merchant_keys).post(portal_add_merchant_key),
        )
        .route(
            "/portal/merchants/{merchant_id}/keys/{key_id}",
            delete(portal_retire_merchant_key),
        )
        .route("/portal/card-key/rotate", post(portal_rotate_card_key))
        .route("/portal/card-key/retire", post(portal_retire_card_key))
        .route("/portal/card-data-clock", post(portal_card_data_clock))
        .route("/portal/gateway-key", get(gateway_key))
        .route(
            "/portal/gateway-key/next",
            post(portal_announce_gateway_key),
        )
        .route(
            "/portal/gateway-key/switch",
            post(portal_switch_gateway_key),
        )
        .merge(api_routes(ApiVersion::V3))
        .merge(api_routes(ApiVersion::V1_2))
}

/// The signed API of one generation: each operation at its path.
fn api_routes(version: ApiVersion) -> Router<Shared> {
    Operation::ALL.iter().fold(Router::new(), |r, &op| {
        let handler = match op {
            Operation::CreateSession => post(create_session),
            Operation::QuerySession => post(query_session),
            Operation::Payment => post(payments),
            Operation::Query => post(query_transaction),
            Operation::Capture => post(capture),
            Operation::Void => post(void),
            Operation::Refund => post(refund),
            Operation::RefundQuery => post(refund_query),
            Operation::TokenQuery => post(token_query),
            Operation::TokenRemove => post(token_remove),
            Operation::RecurringCancel => post(recurring_cancel),
            Operation::ApplePaySession => post(apple_pay_session),
        };
        r.route(version.path(op), handler)
    })
}

/// Signs every answer of the signed API, as PayKKa signs its answers. The string is not
/// published; ours is [`api::gateway_signing_input`] (one function, the backend's check uses
/// the same). v3: `x-paykka-timestamp`, `x-paykka-nonce`, `x-paykka-sign-alg`, `x-paykka-sign`;
/// v1.2: `signature`, `type`, `version` and `timestamp`.
pub async fn sign_answers(
    State(st): State<Shared>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let path = req.uri().path().to_owned();
    if !(path.starts_with("/v3/payment/acq/") || path.starts_with("/payments")) {
        return next.run(req).await;
    }
    let version = ApiVersion::of_path(&path);
    if !st.answer_delay.is_zero() {
        tokio::time::sleep(st.answer_delay).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, crate::MAX_BODY_BYTES).await else {
        return GwError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ret::BODY_TOO_LARGE,
            format!("request body larger than {} bytes", crate::MAX_BODY_BYTES),
        )
        .into_response();
    };
    let merchant_id = match version {
        ApiVersion::V3 => parts
            .headers
            .get(hdr::APPID)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string(),
        ApiVersion::V1_2 => signed_fields(&bytes).map(|f| f.0).unwrap_or_default(),
    };
    let res = next
        .run(axum::extract::Request::from_parts(
            parts,
            axum::body::Body::from(bytes),
        ))
        .await;
    let (mut parts, body) = res.into_parts();
    let Ok(body) = axum::body::to_bytes(body, 4 * 1024 * 1024).await else {
        return internal(&"answer too large").into_response();
    };
    let ts = now_ms();
    let nonce = new_id("N");
    let data = api::gateway_signing_input(
        version,
        &api::SignedMessage {
            method: "POST",
            path: &path,
            merchant_id: &merchant_id,
            timestamp: ts,
            nonce: &nonce,
            body: &body,
        },
    );
    let sig = st.keys().current.sign_header(&data);
    let h = &mut parts.headers;
    let mut set = |n: &'static str, v: &str| {
        if let Ok(v) = HeaderValue::from_str(v) {
            h.insert(n, v);
        }
    };
    match version {
        ApiVersion::V3 => {
            set(hdr::V3_TIMESTAMP, &ts.to_string());
            set(hdr::NONCE, &nonce);
            set(hdr::SIGN_ALG, hdr::SIGN_ALG_VALUE);
            set(hdr::SIGN, &sig);
        }
        ApiVersion::V1_2 => {
            set(hdr::SIGNATURE, &sig);
            set(hdr::TYPE, hdr::TYPE_VALUE);
            set(hdr::VERSION, hdr::VERSION_VALUE);
            set(hdr::TIMESTAMP, &ts.to_string());
        }
    }
    Response::from_parts(parts, axum::body::Body::from(body))
}

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
    fn bad(code: &'static str, msg: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, msg)
    }
    fn unauthorized(code: &'static str, msg: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, msg)
    }
}

impl From<rusqlite::Error> for GwError {
    fn from(e: rusqlite::Error) -> Self {
        eprintln!("sandbox: database error: {e}");
        GwError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ret::INTERNAL_ERROR,
            "internal error",
        )
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

fn raw_json(status: StatusCode, s: String) -> Response {
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

fn ok<T: Serialize>(data: T) -> Result<Response, GwError> {
    Ok(json_response(StatusCode::OK, &ApiResponse::ok(data)))
}

fn ok_empty() -> Result<Response, GwError> {
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

type Body = Result<Bytes, BytesRejection>;

/// Checks size, the signature headers of the path's API generation, merchant, signature,
/// timestamp and (v3) nonce, in that order. Returns the merchant id and the verified body.
///
/// * v1.2 (`/payments...`): `signature` over `merchantId=..&timestamp=..&requestBody=..`, with
///   `type: RSA256`, `version: v1.2`; `merchant_id` and `timestamp` in the body.
/// * v3 (`/v3/payment/acq/...`): `x-paykka-sign` over `POST\nPATH\nTIMESTAMP\nNONCE\nBODY`,
///   with `x-paykka-appid` (the merchant), `x-paykka-timestamp`, `x-paykka-nonce` (10-100
///   characters, once per merchant) and `x-paykka-sign-alg: SHA256_WITH_RSA`; a `merchant_id`
///   in the body, when there is one, must be the caller's.
///
/// Both take the signature base64, URL-encoded or not.
fn authenticate(
    st: &AppState,
    path: &str,
    headers: &HeaderMap,
    body: Body,
) -> Result<(String, Bytes), GwError> {
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            GwError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                ret::BODY_TOO_LARGE,
                format!("request body larger than {} bytes", crate::MAX_BODY_BYTES),
            )
        } else {
            GwError::bad(ret::INVALID_REQUEST, "cannot read request body")
        }
    })?;
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return Err(GwError::bad(
            ret::INVALID_REQUEST,
            "request body is not valid JSON",
        ));
    };
    let h = |n: &str| headers.get(n).and_then(|v| v.to_str().ok()).map(str::trim);
    let version = ApiVersion::of_path(path);
    let (merchant_id, ts, data, sig, nonce) = match version {
        ApiVersion::V1_2 => {
            if h(hdr::SIGN).is_some() {
                return Err(GwError::unauthorized(
                    ret::INVALID_API_VERSION,
                    "x-paykka-* headers belong to the v3 paths (/v3/payment/acq/...)",
                ));
            }
            let (merchant_id, ts) = signed_fields(&body).ok_or_else(|| {
                GwError::bad(
                    ret::MISSING_PARAMETER,
                    "merchant_id (string) and timestamp (ms) are required",
                )
            })?;
            let sig = h(hdr::SIGNATURE).filter(|s| !s.is_empty()).ok_or_else(|| {
                GwError::unauthorized(ret::SIGNATURE_MISSING, "signature header is required")
            })?;
            if h(hdr::TYPE) != Some(hdr::TYPE_VALUE) || h(hdr::VERSION) != Some(hdr::VERSION_VALUE)
            {
                return Err(GwError::unauthorized(
                    ret::INVALID_API_VERSION,
                    "headers type: RSA256 and version: v1.2 are required",
                ));
            }
            let data = paykka_protocol::sign::signing_input(&merchant_id, ts, &body);
            (merchant_id, ts, data, sig, None)
        }
        ApiVersion::V3 => {
            let sig = h(hdr::SIGN).filter(|s| !s.is_empty()).ok_or_else(|| {
                GwError::unauthorized(ret::SIGNATURE_MISSING, "x-paykka-sign header is required")
            })?;
            if h(hdr::SIGN_ALG) != Some(hdr::SIGN_ALG_VALUE) {
                return Err(GwError::unauthorized(
                    ret::INVALID_API_VERSION,
                    "x-paykka-sign-alg: SHA256_WITH_RSA is required",
                ));
            }
            let merchant_id = h(hdr::APPID)
                .filter(|s| !s.is_empty())
                .ok_or_else(|| {
                    GwError::unauthorized(
                        ret::SIGNATURE_MISSING,
                        "x-paykka-appid header is required",
                    )
                })?
                .to_string();
            let ts: i64 = h(hdr::V3_TIMESTAMP)
                .filter(|t| t.len() == 13 && t.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|t| t.parse().ok())
                .ok_or_else(|| {
                    GwError::unauthorized(
                        ret::SIGNATURE_MISSING,
                        "x-paykka-timestamp must be the time in milliseconds (13 digits)",
                    )
                })?;
            let nonce = h(hdr::NONCE).filter(|n| api::nonce_ok(n)).ok_or_else(|| {
                GwError::unauthorized(
                    ret::SIGNATURE_MISSING,
                    "x-paykka-nonce must be 10 to 100 visible characters",
                )
            })?;
            if let Some(m) = json.get("merchant_id")
                && m.as_str() != Some(merchant_id.as_str())
            {
                return Err(GwError::unauthorized(
                    ret::MERCHANT_NOT_FOUND,
                    "merchant_id differs from x-paykka-appid",
                ));
            }
            let data = api::v3_signing_input("POST", path, ts, nonce, &body);
            (merchant_id, ts, data, sig, Some(nonce.to_string()))
        }
    };
    let (_, pem) = st
        .db
        .merchant(&merchant_id)?
        .ok_or_else(|| GwError::unauthorized(ret::MERCHANT_NOT_FOUND, "unknown merchant_id"))?;
    // One key, or two while the merchant rotates: either verifies.
    let keys = VerifyingKeys::from_pem_bundle(&pem)
        .map_err(|_| GwError::unauthorized(ret::MERCHANT_KEY_MISSING, "merchant key unusable"))?;
    keys.verify_header(&data, sig).map_err(|_| {
        GwError::unauthorized(ret::SIGNATURE_INVALID, "signature verification failed")
    })?;
    let now = now_ms();
    if !timestamp_fresh(ts, now) {
        return Err(GwError::unauthorized(
            ret::TIMESTAMP_EXPIRED,
            "timestamp is more than 5 minutes from the gateway clock",
        ));
    }
    if let Some(n) = nonce
        && !st.first_use_of_nonce(&merchant_id, &n, now)
    {
        return Err(GwError::unauthorized(
            ret::TIMESTAMP_EXPIRED,
            "x-paykka-nonce already used: a replayed request",
        ));
    }
    st.spoke(&merchant_id, version);
    Ok((merchant_id, body))
}

fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, GwError> {
    serde_json::from_slice(body).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        GwError::bad(ret::INVALID_REQUEST, format!("invalid request: {msg}"))
    })
}

fn none_if_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn check_id(name: &str, v: &str) -> Result<(), GwError> {
    if v.is_empty()
        || v.len() > 64
        || !v
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            format!("{name} must be 1-64 characters of letters, digits, '-' or '_'"),
        ));
    }
    Ok(())
}

fn check_url(name: &str, v: &Option<String>) -> Result<(), GwError> {
    if let Some(u) = none_if_empty(v)
        && (u.len() > 2048 || !(u.starts_with("http://") || u.starts_with("https://")))
    {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            format!("{name} must be an http(s) URL"),
        ));
    }
    Ok(())
}

fn check_enum(
    name: &str,
    v: &Option<String>,
    allowed: &[&str],
    default: &str,
) -> Result<String, GwError> {
    match none_if_empty(v) {
        None => Ok(default.into()),
        Some(x) if allowed.contains(&x) => Ok(x.into()),
        Some(_) => Err(GwError::biz(
            ret::INVALID_REQUEST,
            format!("{name} must be one of {}", allowed.join(", ")),
        )),
    }
}

fn check_money(currency: &str, amount: i64) -> Result<(), GwError> {
    if money::exponent(currency).is_none() {
        return Err(GwError::biz(
            ret::UNSUPPORTED_CURRENCY,
            format!("unsupported currency {currency:?}"),
        ));
    }
    if !money::amount_ok(amount) {
        return Err(GwError::biz(
            ret::INVALID_AMOUNT,
            format!(
                "amount must be between 1 and {} minor units",
                money::MAX_AMOUNT_MINOR
            ),
        ));
    }
    Ok(())
}

const PAYMENT_TYPES: &[&str] = &["PURCHASE", "RECURRING"];
const AUTH_TYPES: &[&str] = &["FINAL_AUTH", "PRE_AUTH"];
const CAPTURE_METHODS: &[&str] = &["AUTOMATIC", "MANUAL"];
const SESSION_MODES: &[&str] = &["HOSTED", "DROP_IN", "COMPONENT"];
const TOKEN_USAGES: &[&str] = &["CARD_ON_FILE", "SUBSCRIPTION", "UNSCHEDULED_CARD_ON_FILE"];

pub async fn not_found() -> GwError {
    GwError::new(
        StatusCode::NOT_FOUND,
        ret::INVALID_REQUEST,
        "no such endpoint",
    )
}

async fn health() -> impl IntoResponse {
    raw_json(StatusCode::OK, r#"{"status":"ok"}"#.into())
}

async fn card_key(State(st): State<Shared>) -> Response {
    let mut r = json_response(StatusCode::OK, &st.card_key().public_json());
    r.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    r
}

/// The webhook keys: `public_key_pem` signs now; `public_keys_pem` is every key a merchant
/// should accept (with the announced next key during a rotation).
fn gateway_keys_json(st: &AppState) -> serde_json::Value {
    let current = st.gateway_public_key();
    serde_json::json!({
        "public_key_pem": current.to_spki_pem(),
        "key_id": current.key_id(),
        "public_keys_pem": st.gateway_public_keys().to_pem_bundle(),
        "next_key_id": st.gateway_next_key().map(|k| k.key_id()),
    })
}

async fn gateway_key(State(st): State<Shared>) -> Response {
    json_response(StatusCode::OK, &gateway_keys_json(&st))
}

fn portal_enabled(st: &AppState) -> Result<(), GwError> {
    if st.portal {
        Ok(())
    } else {
        Err(GwError::new(
            StatusCode::NOT_FOUND,
            ret::INVALID_REQUEST,
            "portal disabled",
        ))
    }
}

/// Demo portal, step 1 of a webhook key rotation: announces a next key (generated; the same
/// one if already announced), published beside the current one. Webhooks are still signed with
/// the current key.
async fn portal_announce_gateway_key(State(st): State<Shared>) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    if st.gateway_next_key().is_none() {
        let key = tokio::task::spawn_blocking(|| SigningKey::generate(2048))
            .await
            .map_err(|e| internal(&e))?
            .map_err(|e| internal(&e))?;
        if st.gateway_next_key().is_none() {
            st.announce_gateway_key(key).map_err(|e| internal(&e))?;
        }
    }
    ok(gateway_keys_json(&st))
}

/// Step 2: the announced key signs every webhook from now on; the old key is retired.
async fn portal_switch_gateway_key(State(st): State<Shared>) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    match st.switch_gateway_key() {
        Ok(true) => ok(gateway_keys_json(&st)),
        Ok(false) => Err(GwError::bad(
            ret::INVALID_REQUEST,
            "no next key announced: POST /portal/gateway-key/next first",
        )),
        Err(e) => Err(internal(&e)),
    }
}

fn card_keys_json(st: &AppState) -> serde_json::Value {
    let keys = st.card_keys.read().unwrap_or_else(|e| e.into_inner());
    serde_json::json!({ "current": keys.current.kid(), "previous": keys.previous.as_ref().map(|k| k.kid()) })
}

/// Demo portal: a card key rotation. A new key becomes current (`/card-key` publishes it); the
/// old one keeps opening envelopes sealed before the switch until it is retired.
async fn portal_rotate_card_key(State(st): State<Shared>) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    let key = tokio::task::spawn_blocking(|| SigningKey::generate(2048))
        .await
        .map_err(|e| internal(&e))?
        .map_err(|e| internal(&e))?;
    let card_key = paykka_protocol::cardenc::CardKey::new(key.private_key().clone());
    st.rotate_card_key(card_key, &key.to_pkcs8_pem())
        .map_err(|e| internal(&e))?;
    ok(card_keys_json(&st))
}

/// Ends a card key rotation: envelopes sealed with the previous key are refused from now on.
async fn portal_retire_card_key(State(st): State<Shared>) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    if !st.retire_previous_card_key() {
        return Err(GwError::bad(
            ret::INVALID_REQUEST,
            "no previous card key: rotate first",
        ));
    }
    ok(card_keys_json(&st))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockBody {
    /// Milliseconds added to the clock card envelopes are judged by (0 resets it).
    advance_ms: i64,
}

/// The sandbox's test clock for card data: ages every envelope by `advance_ms` without
/// waiting, and without moving anything else (sessions, webhooks).
async fn portal_card_data_clock(
    State(st): State<Shared>,
    body: Bytes,
) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    let b: ClockBody = serde_json::from_slice(&body)
        .map_err(|e| GwError::bad(ret::INVALID_REQUEST, format!("body: {e}")))?;
    st.card_data_clock_ms
        .store(b.advance_ms, std::sync::atomic::Ordering::Relaxed);
    ok(serde_json::json!({ "advance_ms": b.advance_ms }))
}

/// A failure of the sandbox itself: logged, answered without details.
fn internal(e: &dyn std::fmt::Display) -> GwError {
    eprintln!("sandbox: {e}");
    GwError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        ret::INTERNAL_ERROR,
        "internal error",
    )
}

/// At most this many keys per merchant: the current one and the next one.
const MAX_MERCHANT_KEYS: usize = 2;

fn merchant_keys_json(id: &str, keys: &VerifyingKeys) -> serde_json::Value {
    serde_json::json!({
        "merchant_id": id,
        "keys": keys.keys().iter().map(|k| serde_json::json!({
            "key_id": k.key_id(),
            "public_key_pem": k.to_spki_pem(),
        })).collect::<Vec<_>>(),
    })
}

fn unknown_merchant() -> GwError {
    GwError::new(
        StatusCode::NOT_FOUND,
        ret::MERCHANT_NOT_FOUND,
        "unknown merchant_id",
    )
}

fn stored_keys(pem: &str) -> VerifyingKeys {
    VerifyingKeys::from_pem_bundle(pem).unwrap_or_default()
}

/// Demo portal: a merchant's public keys.
async fn portal_merchant_keys(
    State(st): State<Shared>,
    Path(merchant_id): Path<String>,
) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    let (_, pem) = st.db.merchant(&merchant_id)?.ok_or_else(unknown_merchant)?;
    ok(merchant_keys_json(&merchant_id, &stored_keys(&pem)))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyBody {
    public_key_pem: String,
}

/// Demo portal, step 1 of a merchant key rotation: adds a second public key. Requests signed
/// with either key are accepted until one is retired.
async fn portal_add_merchant_key(
    State(st): State<Shared>,
    Path(merchant_id): Path<String>,
    body: Body,
) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    let body = body.map_err(|_| GwError::bad(ret::INVALID_REQUEST, "cannot read request body"))?;
    let r: KeyBody = parse(&body)?;
    let key = VerifyingKey::from_pem(&r.public_key_pem)
        .map_err(|e| GwError::bad(ret::INVALID_REQUEST, e.to_string()))?;
    let keys = st.db.with_tx(|tx| {
        let (_, pem) = db::merchant_in(tx, &merchant_id)?.ok_or_else(unknown_merchant)?;
        let mut keys = stored_keys(&pem);
        if !keys.contains(&key) {
            if keys.len() >= MAX_MERCHANT_KEYS {
                return Err(GwError::bad(
                    ret::INVALID_REQUEST,
                    format!("a merchant has at most {MAX_MERCHANT_KEYS} keys: retire one first"),
                ));
            }
            keys.insert(key);
            db::set_merchant_keys(tx, &merchant_id, &keys)?;
        }
        Ok::<_, GwError>(keys)
    })?;
    ok(merchant_keys_json(&merchant_id, &keys))
}

/// Demo portal, last step of a merchant key rotation: retires a key (by `key_id`); requests
/// signed with it are refused from now on. The last key cannot be retired.
async fn portal_retire_merchant_key(
    State(st): State<Shared>,
    Path((merchant_id, key_id)): Path<(String, String)>,
) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    let keys = st.db.with_tx(|tx| {
        let (_, pem) = db::merchant_in(tx, &merchant_id)?.ok_or_else(unknown_merchant)?;
        let mut keys = stored_keys(&pem);
        if !keys.keys().iter().any(|k| k.key_id() == key_id) {
            return Err(GwError::new(
                StatusCode::NOT_FOUND,
                ret::INVALID_REQUEST,
                "no such key for this merchant",
            ));
        }
        if keys.len() == 1 {
            return Err(GwError::bad(
                ret::INVALID_REQUEST,
                "cannot retire the merchant's only key: add the next one first",
            ));
        }
        keys.remove(&key_id);
        db::set_merchant_keys(tx, &merchant_id, &keys)?;
        Ok::<_, GwError>(keys)
    })?;
    ok(merchant_keys_json(&merchant_id, &keys))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Register {
    merchant_id: String,
    public_key_pem: String,
    #[serde(default)]
    name: Option<String>,
}

/// Demo portal: registers (or re-keys) a merchant. Unsigned; loopback sandbox only. A key the
/// merchant already has keeps its key set (a backend restarting during a rotation, with either
/// key); another key replaces the set.
async fn portal_register(State(st): State<Shared>, body: Body) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    let body = body.map_err(|_| GwError::bad(ret::INVALID_REQUEST, "cannot read request body"))?;
    let r: Register = parse(&body)?;
    check_id("merchant_id", &r.merchant_id)?;
    VerifyingKey::from_pem(&r.public_key_pem)
        .map_err(|e| GwError::bad(ret::INVALID_REQUEST, e.to_string()))?;
    let name = r.name.unwrap_or_else(|| "Demo Merchant".into());
    st.db
        .upsert_merchant(&r.merchant_id, &name, &r.public_key_pem)?;
    let (_, pem) = st
        .db
        .merchant(&r.merchant_id)?
        .ok_or_else(unknown_merchant)?;
    let mut v = merchant_keys_json(&r.merchant_id, &stored_keys(&pem));
    v["name"] = name.into();
    v["gateway_public_key_pem"] = st.gateway_public_key().to_spki_pem().into();
    v["gateway_public_keys_pem"] = st.gateway_public_keys().to_pem_bundle().into();
    v["card_key_id"] = st.card_key().kid().into();
    ok(v)
}

async fn create_session(
    State(st): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let (mid, body) = authenticate(&st, uri.path(), &headers, body)?;
    let r: CreateSessionRequest = parse(&body)?;
    check_id("trans_id", &r.trans_id)?;
    check_money(&r.currency, r.amount)?;
    check_url("return_url", &r.return_url)?;
    check_url("notify_url", &r.notify_url)?;
    let payment_type = check_enum("payment_type", &r.payment_type, PAYMENT_TYPES, "PURCHASE")?;
    let authorisation_type = check_enum(
        "authorisation_type",
        &r.authorisation_type,
        AUTH_TYPES,
        "FINAL_AUTH",
    )?;
    let capture_method = check_enum(
        "capture_method",
        &r.capture_method,
        CAPTURE_METHODS,
        "AUTOMATIC",
    )?;
    let session_mode = check_enum("session_mode", &r.session_mode, SESSION_MODES, "HOSTED")?;
    let now = now_ms();
    let expire_at = match none_if_empty(&r.expire_time) {
        None => now + 60 * 60 * 1000,
        Some(s) => {
            let t = parse_rfc3339(s).ok_or_else(|| {
                GwError::biz(
                    ret::INVALID_REQUEST,
                    "expire_time must be RFC 3339, e.g. 2025-05-05T17:17:24+08:00",
                )
            })?;
            if t <= now || t > now + 24 * 3600 * 1000 + 60_000 {
                return Err(GwError::biz(
                    ret::INVALID_REQUEST,
                    "expire_time must be in the future and at most 24 hours away",
                ));
            }
            t
        }
    };
    let p = r.payment.clone().unwrap_or_default();
    let mut store = p.store_payment_method.unwrap_or(false);
    let mut token_usage = none_if_empty(&p.token_usage).map(str::to_string);
    if payment_type == "RECURRING" {
        store = true;
        token_usage.get_or_insert_with(|| "SUBSCRIPTION".into());
    }
    if let Some(u) = &token_usage
        && !TOKEN_USAGES.contains(&u.as_str())
    {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            format!("token_usage must be one of {}", TOKEN_USAGES.join(", ")),
        ));
    }
    let shopper = none_if_empty(&p.shopper_reference).map(str::to_string);
    if let Some(s) = &shopper
        && s.len() > 64
    {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            "shopper_reference is at most 64 characters",
        ));
    }
    if store && (shopper.is_none() || token_usage.is_none()) {
        return Err(GwError::biz(
            ret::SHOPPER_REFERENCE_EMPTY,
            "store_payment_method needs payment.shopper_reference and payment.token_usage",
        ));
    }
    let methods = match &r.allowed_payment_methods {
        None => scenario::DEFAULT_METHODS
            .iter()
            .map(|s| s.to_string())
            .collect(),
        Some(list) => {
            let mut out = Vec::new();
            for m in list {
                let (c, _) = scenario::method(m).ok_or_else(|| {
                    GwError::biz(
                        ret::UNSUPPORTED_PAYMENT_METHOD,
                        format!("unknown payment method {m:?}"),
                    )
                })?;
                if !out.iter().any(|x: &String| x == c) {
                    out.push(c.to_string());
                }
            }
            if out.is_empty() {
                return Err(GwError::biz(
                    ret::INVALID_REQUEST,
                    "allowed_payment_methods must not be empty",
                ));
            }
            out
        }
    };
    // No default: a session that names no language leaves it to the shopper's browser.
    let locale = none_if_empty(&r.display_locale).unwrap_or("");
    if locale.len() > 35
        || !locale
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            "display_locale must be a BCP 47 tag",
        ));
    }
    let s = SessionRec {
        session_id: new_session_id(),
        merchant_id: mid.clone(),
        trans_id: r.trans_id.clone(),
        session_mode,
        status: "PROCESSING".into(),
        currency: r.currency.clone(),
        amount: r.amount,
        expire_at,
        created_at: now,
        authorisation_type,
        capture_method,
        payment_type,
        display_locale: locale.to_string(),
        return_url: none_if_empty(&r.return_url).map(str::to_string),
        notify_url: none_if_empty(&r.notify_url).map(str::to_string),
        shopper_reference: shopper,
        store_payment_method: store,
        token_usage,
        payment_methods: methods,
        mit: r.mit.unwrap_or(false),
        details: serde_json::json!({ "goods": r.goods, "bill": r.bill, "shipping": r.shipping,
            "customer": r.customer, "cancel_url": r.cancel_url }),
    };
    st.db.with_tx(|tx| {
        if db::session_by_trans(tx, &mid, &s.trans_id)?.is_some()
            || db::latest_tx(tx, &mid, "trans_id", &s.trans_id)?.is_some()
        {
            return Err(GwError::biz(
                ret::DUPLICATE_TRANS_ID,
                "trans_id already used: one trans_id is one session",
            ));
        }
        db::insert_session(tx, &s)?;
        Ok(())
    })?;
    ok(s.to_data(&st.base_url, None))
}

async fn query_session(
    State(st): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let (mid, body) = authenticate(&st, uri.path(), &headers, body)?;
    let r: QuerySessionRequest = parse(&body)?;
    let data = st.db.with_tx(|tx| {
        let s = if let Some(sid) = none_if_empty(&r.session_id) {
            db::session_by_id(tx, &mid, sid)?
        } else if let Some(tid) = none_if_empty(&r.trans_id) {
            db::session_by_trans(tx, &mid, tid)?
        } else {
            return Err(GwError::biz(
                ret::MISSING_PARAMETER,
                "session_id or trans_id is required",
            ));
        };
        let s =
            s.ok_or_else(|| GwError::biz(ret::SESSION_NOT_FOUND, "the session doesn't exist"))?;
        let order = db::latest_tx(tx, &mid, "session_id", &s.session_id)?.map(|t| t.order_id);
        Ok(s.to_data(&st.base_url, order))
    })?;
    ok(data)
}

/// Card data after decryption. Never logged, never stored.
struct CardDetails {
    pan: String,
    exp_month: u32,
    exp_year: u32,
    cvv: Option<String>,
}

enum CardSource {
    Token { token: String, cvv: Option<String> },
    Card(CardDetails),
}

/// What the card envelopes of one payment must have been sealed for.
struct Binding<'a> {
    session_id: &'a str,
    merchant_id: &'a str,
}

/// Opens one card envelope sent as `name` and checks it was sealed for that field of this
/// payment's session and merchant, recently; its nonce goes to `nonces` (the caller records
/// them, once, with the payment). Every refusal is PayKKa's 206020 "decryption failed", but
/// an expired envelope's, 206021, which tells the shopper to enter the card again.
fn decrypt(
    st: &AppState,
    name: &str,
    v: &str,
    binding: &Binding<'_>,
    nonces: &mut Vec<String>,
) -> Result<String, GwError> {
    use paykka_protocol::cardenc::{EnvelopeField, Expected, PayloadError, parse};
    let v = v.trim();
    let field = paykka_protocol::cardenc::field_of(name).unwrap_or(EnvelopeField::Cvv);
    let opened = match parse(v) {
        Ok((kid, _)) => {
            let keys = st.card_keys.read().unwrap_or_else(|e| e.into_inner());
            match keys.by_kid(kid) {
                Some(key) => key.open(v),
                None => Err(EnvelopeError::UnknownKey),
            }
        }
        Err(e) => Err(e),
    };
    let payload = opened.map_err(|e| match e {
        EnvelopeError::Malformed if card::looks_like_pan(v) || v.bytes().all(|b| b.is_ascii_digit()) => GwError::biz(
            ret::CLEAR_CARD_REFUSED,
            format!("{name} arrived in clear: card data from a browser must be encrypted with the card key (GET /card-key)"),
        ),
        e => GwError::biz(ret::CARD_DATA_INVALID, format!("{name}: {e}")),
    })?;
    let expected = Expected {
        field,
        session_id: binding.session_id,
        merchant_id: binding.merchant_id,
        now_ms: u64::try_from(st.card_data_now_ms()).unwrap_or(0),
        max_age_ms: u64::try_from(st.card_data_max_age.as_millis()).unwrap_or(u64::MAX),
    };
    payload.check(&expected).map_err(|e| match e {
        PayloadError::Expired => GwError::biz(
            ret::CARD_DATA_EXPIRED,
            "card encryption information expired, please retry payment",
        ),
        e => GwError::biz(ret::CARD_DATA_INVALID, format!("{name}: {e}")),
    })?;
    nonces.push(payload.nonce_hex());
    Ok(payload.value)
}

fn parse_month(v: &str) -> Result<u32, GwError> {
    match v.trim().parse::<u32>() {
        Ok(m) if (1..=12).contains(&m) && v.trim().len() <= 2 => Ok(m),
        _ => Err(GwError::biz(
            ret::INVALID_REQUEST,
            "expiry month must be 01 to 12",
        )),
    }
}

fn parse_year(v: &str) -> Result<u32, GwError> {
    let t = v.trim();
    match (t.len(), t.parse::<u32>()) {
        (2, Ok(y)) => Ok(2000 + y),
        (4, Ok(y)) if y >= 2000 => Ok(y),
        _ => Err(GwError::biz(
            ret::INVALID_REQUEST,
            "expiry year must be YY or YYYY",
        )),
    }
}

/// Reads the card of a BANKCARD payment: `token`, `card_no` (server to server) or
/// `encrypted_card_no` (from the secure frames), exactly one. Envelopes must have been sealed
/// for `binding`; their nonces are added to `nonces`.
fn resolve_card(
    st: &AppState,
    p: &PaymentData,
    binding: &Binding<'_>,
    nonces: &mut Vec<String>,
) -> Result<CardSource, GwError> {
    let sources = [
        p.token.is_some(),
        p.card_no.is_some(),
        p.encrypted_card_no.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    if sources != 1 {
        return Err(GwError::biz(
            ret::MISSING_PARAMETER,
            "exactly one of payment.token, payment.card_no, payment.encrypted_card_no is required",
        ));
    }
    let mut clear_or_enc = |clear: &Option<String>,
                            enc: &Option<String>,
                            name: &str|
     -> Result<Option<String>, GwError> {
        match (clear, enc) {
            (_, Some(e)) => decrypt(st, name, e, binding, nonces).map(Some),
            (Some(c), None) => Ok(Some(c.clone())),
            (None, None) => Ok(None),
        }
    };
    if let Some(token) = &p.token {
        let cvv = clear_or_enc(&p.cvv, &p.encrypted_cvv, "encrypted_cvv")?;
        return Ok(CardSource::Token {
            token: token.clone(),
            cvv,
        });
    }
    let pan = if let Some(enc) = &p.encrypted_card_no {
        if p.cvv.is_some() {
            return Err(GwError::biz(
                ret::CLEAR_CARD_REFUSED,
                "cvv arrived in clear beside an encrypted card: send encrypted_cvv",
            ));
        }
        clear_or_enc(&None, &Some(enc.clone()), "encrypted_card_no")?.unwrap_or_default()
    } else {
        p.card_no.clone().unwrap_or_default()
    };
    let pan: String = pan.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let month = clear_or_enc(&p.exp_month, &p.encrypted_exp_month, "encrypted_exp_month")?
        .ok_or_else(|| GwError::biz(ret::MISSING_PARAMETER, "expiry month is required"))?;
    let year = clear_or_enc(&p.exp_year, &p.encrypted_exp_year, "encrypted_exp_year")?
        .ok_or_else(|| GwError::biz(ret::MISSING_PARAMETER, "expiry year is required"))?;
    let cvv = clear_or_enc(&p.cvv, &p.encrypted_cvv, "encrypted_cvv")?
        .ok_or_else(|| GwError::biz(ret::MISSING_PARAMETER, "cvv is required"))?;
    Ok(CardSource::Card(CardDetails {
        pan,
        exp_month: parse_month(&month)?,
        exp_year: parse_year(&year)?,
        cvv: Some(cvv),
    }))
}

/// Body hash for idempotency: the body without its `timestamp` and without card envelopes
/// (re-encrypting the same card gives new ciphertexts), keys sorted.
fn body_hash(body: &[u8]) -> String {
    let mut v: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.remove("timestamp");
    }
    paykka_protocol::without_envelopes(&mut v);
    let h = Sha256::digest(serde_json::to_string(&v).unwrap_or_default().as_bytes());
    h.iter().map(|b| format!("{b:02x}")).collect()
}

async fn payments(
    State(st): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let (mid, body) = authenticate(&st, uri.path(), &headers, body)?;
    let r: PaymentRequest = parse(&body)?;
    let idem = match headers.get(hdr::IDEMPOTENCY_KEY) {
        None => None,
        Some(v) => match v.to_str() {
            Ok(k) if !k.is_empty() && k.len() <= 255 && k.bytes().all(|b| b.is_ascii_graphic()) => {
                Some(k.to_string())
            }
            _ => {
                return Err(GwError::bad(
                    ret::INVALID_REQUEST,
                    "idempotency-key must be 1-255 visible ASCII characters",
                ));
            }
        },
    };
    let (method, flow) = scenario::method(&r.payment.payment_method).ok_or_else(|| {
        GwError::biz(
            ret::UNSUPPORTED_PAYMENT_METHOD,
            format!("unsupported payment_method {:?}", r.payment.payment_method),
        )
    })?;
    if flow != "card"
        && (r.payment.card_no.is_some()
            || r.payment.encrypted_card_no.is_some()
            || r.payment.token.is_some())
    {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            format!("{method} takes no card fields"),
        ));
    }
    let mut nonces = Vec::new();
    let binding = Binding {
        session_id: r.session_id.as_deref().unwrap_or(""),
        merchant_id: &mid,
    };
    let source = if flow == "card" {
        Some(resolve_card(&st, &r.payment, &binding, &mut nonces)?)
    } else {
        None
    };
    let hash = body_hash(&body);
    let response = st.db.with_tx(|tx| {
        if let Some(k) = &idem
            && let Some((h, resp)) = db::idempotent(tx, &mid, k)?
        {
            return if h == hash {
                Ok(resp)
            } else {
                Err(GwError::biz(
                    ret::IDEMPOTENCY_CONFLICT,
                    "idempotency-key already used with a different request body",
                ))
            };
        }
        use_nonces(tx, &mid, &nonces)?;
        let data = process_payment(&st, tx, &mid, &r, method, flow, source)?;
        let resp = serde_json::to_string(&ApiResponse::ok(data)).expect("serialises");
        if let Some(k) = &idem {
            db::store_idempotent(tx, &mid, k, &hash, &resp)?;
        }
        Ok(resp)
    })?;
    Ok(raw_json(StatusCode::OK, response))
}

/// Each card envelope is taken once: a replayed one (a skimmer's copy) is refused, and the
/// payment with it.
fn use_nonces(tx: &Transaction<'_>, mid: &str, nonces: &[String]) -> Result<(), GwError> {
    if db::use_card_nonces(tx, mid, nonces, paykka_protocol::time::now_ms())? {
        Ok(())
    } else {
        Err(GwError::biz(
            ret::CARD_DATA_INVALID,
            "card data already used: encrypt the card again",
        ))
    }
}

/// A payment from the gateway's own hosted page (browser-facing): the same checks and
/// processing as `/payments`, idempotent by `idem_key` within the merchant, no signature (the
/// hosted page is ours; its session id is the shopper's credential).
pub fn initiate_for_browser(
    st: &AppState,
    mid: &str,
    r: &PaymentRequest,
    idem_key: &str,
) -> Result<TransactionData, GwError> {
    let (method, flow) = scenario::method(&r.payment.payment_method).ok_or_else(|| {
        GwError::biz(
            ret::UNSUPPORTED_PAYMENT_METHOD,
            format!("unsupported payment_method {:?}", r.payment.payment_method),
        )
    })?;
    if r.payment.card_no.is_some() || r.payment.cvv.is_some() {
        return Err(GwError::biz(
            ret::CLEAR_CARD_REFUSED,
            "card data must be encrypted",
        ));
    }
    if flow != "card" && (r.payment.encrypted_card_no.is_some() || r.payment.token.is_some()) {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            format!("{method} takes no card fields"),
        ));
    }
    let mut nonces = Vec::new();
    let binding = Binding {
        session_id: r.session_id.as_deref().unwrap_or(""),
        merchant_id: mid,
    };
    let source = if flow == "card" {
        Some(resolve_card(st, &r.payment, &binding, &mut nonces)?)
    } else {
        None
    };
    let body = serde_json::to_vec(r).expect("serialises");
    // Hosted keys live apart from the merchant's own.
    let key = format!("hp:{idem_key}");
    let hash = body_hash(&body);
    let response = st.db.with_tx(|tx| {
        if let Some((h, resp)) = db::idempotent(tx, mid, &key)? {
            return if h == hash {
                Ok(resp)
            } else {
                Err(GwError::biz(
                    ret::IDEMPOTENCY_CONFLICT,
                    "idempotency-key already used with a different request body",
                ))
            };
        }
        use_nonces(tx, mid, &nonces)?;
        let data = process_payment(st, tx, mid, r, method, flow, source)?;
        let resp = serde_json::to_string(&data).expect("serialises");
        db::store_idempotent(tx, mid, &key, &hash, &resp)?;
        Ok(resp)
    })?;
    serde_json::from_str(&response).map_err(|_| {
        GwError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ret::INTERNAL_ERROR,
            "stored answer unreadable",
        )
    })
}

/// Marks a pending transaction failed when its action's time is up (for the hosted page's
/// result queries, like Query Transaction does).
pub fn expire_due(st: &AppState, tx: &Transaction<'_>, t: &mut TxRec) -> Result<(), GwError> {
    expire_if_due(st, tx, t)
}

fn process_payment(
    st: &AppState,
    tx: &Transaction<'_>,
    mid: &str,
    r: &PaymentRequest,
    method: &'static str,
    flow: &'static str,
    source: Option<CardSource>,
) -> Result<TransactionData, GwError> {
    let now = now_ms();
    let session = if let Some(sid) = none_if_empty(&r.session_id) {
        let s = db::session_by_id(tx, mid, sid)?
            .ok_or_else(|| GwError::biz(ret::SESSION_NOT_FOUND, "the session doesn't exist"))?;
        if let Some(t) = none_if_empty(&r.trans_id)
            && t != s.trans_id
        {
            return Err(GwError::biz(
                ret::INVALID_REQUEST,
                "trans_id does not match the session's",
            ));
        }
        Some(s)
    } else if let Some(t) = none_if_empty(&r.trans_id) {
        check_id("trans_id", t)?;
        db::session_by_trans(tx, mid, t)?
    } else {
        return Err(GwError::biz(
            ret::MISSING_PARAMETER,
            "session_id or trans_id is required",
        ));
    };
    let p = &r.payment;
    check_url("return_url", &r.return_url)?;
    check_url("notify_url", &r.notify_url)?;
    let mut t = TxRec {
        order_id: new_id("GW"),
        merchant_id: mid.to_string(),
        trans_id: String::new(),
        session_id: None,
        status: "PROCESSING".into(),
        payment_type: String::new(),
        authorisation_type: String::new(),
        capture_method: String::new(),
        amount: 0,
        currency: String::new(),
        shopper_reference: none_if_empty(&p.shopper_reference).map(str::to_string),
        payment_method: method.to_string(),
        card: None,
        balances: Balances::default(),
        error_code: None,
        created_at: now,
        pay_finish_at: None,
        action: None,
        action_expires_at: None,
        pending: None,
        return_url: none_if_empty(&r.return_url).map(str::to_string),
        notify_url: none_if_empty(&r.notify_url).map(str::to_string),
        store: None,
        token: None,
        token_usage: None,
        recurring_agreement_id: None,
        details: serde_json::json!({ "browser": r.browser, "customer": r.customer,
            "authentication": r.authentication }),
    };
    let mut store = p.store_payment_method.unwrap_or(false);
    let mut token_usage = none_if_empty(&p.token_usage).map(str::to_string);
    match &session {
        Some(s) => {
            match s.effective_status(now) {
                "EXPIRED" => {
                    return Err(GwError::biz(
                        ret::SESSION_EXPIRED,
                        "the session has expired",
                    ));
                }
                "PROCESSING" => {}
                _ => {
                    return Err(GwError::biz(
                        ret::SESSION_CLOSED,
                        "the session is already paid",
                    ));
                }
            }
            if db::live_tx_count(tx, mid, "session_id", &s.session_id)? > 0 {
                return Err(GwError::biz(
                    ret::SESSION_CLOSED,
                    "the session is already paid",
                ));
            }
            if r.amount.is_some_and(|a| a != s.amount)
                || none_if_empty(&r.currency).is_some_and(|c| c != s.currency)
            {
                return Err(GwError::biz(
                    ret::AMOUNT_MISMATCH,
                    format!(
                        "amount and currency must match the session's ({} {})",
                        s.amount, s.currency
                    ),
                ));
            }
            if !s.payment_methods.iter().any(|m| m == method) {
                return Err(GwError::biz(
                    ret::UNSUPPORTED_PAYMENT_METHOD,
                    format!("{method} is not offered by this session"),
                ));
            }
            match (&t.shopper_reference, &s.shopper_reference) {
                (Some(a), Some(b)) if a != b => {
                    return Err(GwError::biz(
                        ret::INVALID_REQUEST,
                        "shopper_reference does not match the session's",
                    ));
                }
                (None, Some(b)) => t.shopper_reference = Some(b.clone()),
                _ => {}
            }
            t.trans_id = s.trans_id.clone();
            t.session_id = Some(s.session_id.clone());
            t.amount = s.amount;
            t.currency = s.currency.clone();
            t.payment_type = r
                .payment_type
                .clone()
                .unwrap_or_else(|| s.payment_type.clone());
            t.authorisation_type = s.authorisation_type.clone();
            t.capture_method = s.capture_method.clone();
            t.return_url = t.return_url.take().or_else(|| s.return_url.clone());
            t.notify_url = t.notify_url.take().or_else(|| s.notify_url.clone());
            if p.store_payment_method.is_none() {
                store = s.store_payment_method;
            }
            if token_usage.is_none() {
                token_usage = s.token_usage.clone();
            }
        }
        None => {
            let trans_id = none_if_empty(&r.trans_id).unwrap_or_default();
            let (Some(amount), Some(currency)) = (r.amount, none_if_empty(&r.currency)) else {
                return Err(GwError::biz(
                    ret::MISSING_PARAMETER,
                    "amount and currency are required without a session",
                ));
            };
            check_money(currency, amount)?;
            if db::live_tx_count(tx, mid, "trans_id", trans_id)? > 0 {
                return Err(GwError::biz(
                    ret::DUPLICATE_TRANS_ID,
                    "trans_id already has a transaction",
                ));
            }
            t.trans_id = trans_id.to_string();
            t.amount = amount;
            t.currency = currency.to_string();
            t.payment_type =
                check_enum("payment_type", &r.payment_type, PAYMENT_TYPES, "PURCHASE")?;
            t.authorisation_type = check_enum(
                "authorisation_type",
                &r.authorisation_type,
                AUTH_TYPES,
                "FINAL_AUTH",
            )?;
            t.capture_method = check_enum(
                "capture_method",
                &r.capture_method,
                CAPTURE_METHODS,
                "AUTOMATIC",
            )?;
        }
    }
    if !PAYMENT_TYPES.contains(&t.payment_type.as_str()) {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            "payment_type must be PURCHASE or RECURRING",
        ));
    }
    let mit = r.mit.unwrap_or(false);
    if t.payment_type == "RECURRING" && p.token.is_none() {
        store = true;
        token_usage.get_or_insert_with(|| "SUBSCRIPTION".into());
    }
    if let Some(u) = &token_usage
        && !TOKEN_USAGES.contains(&u.as_str())
    {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            format!("token_usage must be one of {}", TOKEN_USAGES.join(", ")),
        ));
    }
    let ttl = st.action_ttl.as_millis() as i64;
    match (flow, source) {
        ("card", Some(CardSource::Token { token, cvv })) => {
            let tk = db::token(tx, mid, &token)?.filter(|k| k.status == "ACTIVATE");
            let tk = tk.ok_or_else(|| {
                GwError::biz(
                    ret::TOKEN_NOT_FOUND,
                    "the token doesn't exist or is inactive",
                )
            })?;
            if t.shopper_reference.as_deref() != Some(tk.shopper_reference.as_str()) {
                return Err(GwError::biz(
                    ret::TOKEN_NOT_FOUND,
                    "the token doesn't belong to this shopper_reference",
                ));
            }
            if let Some(ra) = none_if_empty(&r.recurring_agreement_id)
                && tk.recurring_agreement_id.as_deref() != Some(ra)
            {
                return Err(GwError::biz(
                    ret::RECURRING_NOT_FOUND,
                    "recurring_agreement_id doesn't match the token",
                ));
            }
            if !mit && cvv.is_none() {
                return Err(GwError::biz(
                    ret::MISSING_PARAMETER,
                    "encrypted_cvv is required for a token payment with the shopper present",
                ));
            }
            t.card = Some(tk.card.clone());
            t.token = Some(tk.token.clone());
            t.token_usage = Some(tk.token_usage.clone());
            t.recurring_agreement_id = tk.recurring_agreement_id.clone();
            let brand_cvv = card::Brand::ALL
                .iter()
                .find(|b| b.as_str() == tk.card.card_brand)
                .map(|b| b.cvv_len())
                .unwrap_or(3);
            let month = tk
                .card
                .exp_month
                .as_deref()
                .map(parse_month)
                .transpose()?
                .unwrap_or(12);
            let year = tk
                .card
                .exp_year
                .as_deref()
                .map(parse_year)
                .transpose()?
                .unwrap_or(2099);
            let check = scenario::expiry_check(month, year, now).and_then(|_| match &cvv {
                Some(c) if c.len() != brand_cvv || !c.bytes().all(|b| b.is_ascii_digit()) => {
                    Err(decline::INVALID_CVV)
                }
                _ => Ok(()),
            });
            db::insert_tx(tx, &t)?;
            match check {
                Err(code) => scenario::finalize(st, tx, &mut t, Outcome::Fail(code))?,
                Ok(()) => card_scenario(st, tx, &mut t, tk.scenario, !mit, now + ttl)?,
            }
        }
        ("card", Some(CardSource::Card(c))) => {
            let check =
                scenario::card_check(&c.pan, c.exp_month, c.exp_year, c.cvv.as_deref(), now);
            if let Ok((brand, _)) = &check {
                t.card = Some(CardInfo {
                    bin: c.pan[..6].to_string(),
                    last4: c.pan[c.pan.len() - 4..].to_string(),
                    card_brand: brand.as_str().to_string(),
                    exp_month: Some(format!("{:02}", c.exp_month)),
                    exp_year: Some(c.exp_year.to_string()),
                    holder_name: p.holder_name.clone(),
                });
            }
            if store {
                let (Some(sr), Some(u)) = (&t.shopper_reference, &token_usage) else {
                    return Err(GwError::biz(
                        ret::MISSING_PARAMETER,
                        "store_payment_method needs payment.shopper_reference and payment.token_usage",
                    ));
                };
                if let (Ok((_, sc)), Some(ci)) = (&check, &t.card) {
                    t.store = Some(StoreReq {
                        shopper_reference: sr.clone(),
                        token_usage: u.clone(),
                        fingerprint: scenario::fingerprint(mid, &c.pan),
                        card: ci.clone(),
                        scenario: *sc,
                    });
                }
            }
            db::insert_tx(tx, &t)?;
            match check {
                Err(code) => scenario::finalize(st, tx, &mut t, Outcome::Fail(code))?,
                Ok((_, sc)) => card_scenario(st, tx, &mut t, sc, true, now + ttl)?,
            }
        }
        ("wallet", _) => {
            if p.wallet_data.is_none() {
                return Err(GwError::biz(
                    ret::MISSING_PARAMETER,
                    format!("payment.wallet_data is required for {method}"),
                ));
            }
            db::insert_tx(tx, &t)?;
            scenario::finalize(st, tx, &mut t, Outcome::Approve)?;
        }
        (_, _) => {
            let url = format!("{}/approve/{}", st.base_url, t.order_id);
            t.pending = Some(Pending::Approval);
            t.action_expires_at = Some(now + ttl);
            t.action = Some(Action {
                kind: if flow == "qr" { "qr" } else { "redirect" }.into(),
                url: url.clone(),
                method: "GET".into(),
                data: None,
                qr_code: (flow == "qr").then(|| url.clone()),
                expires_at: Some(format_rfc3339(now + ttl)),
            });
            db::insert_tx(tx, &t)?;
        }
    }
    Ok(t.to_data())
}

/// Applies a card's scenario to a new transaction: final now, or a 3DS challenge.
fn card_scenario(
    st: &AppState,
    tx: &Transaction<'_>,
    t: &mut TxRec,
    sc: scenario::Scenario,
    challenge: bool,
    expires: i64,
) -> Result<(), GwError> {
    use scenario::Scenario::*;
    match (sc, challenge) {
        (Success, _) | (Challenge, false) => scenario::finalize(st, tx, t, Outcome::Approve)?,
        (Declined, _) | (ChallengeThenDecline, false) => {
            scenario::finalize(st, tx, t, Outcome::Fail(decline::DECLINED))?
        }
        (InsufficientFunds, _) => {
            scenario::finalize(st, tx, t, Outcome::Fail(decline::INSUFFICIENT_FUNDS))?
        }
        (Challenge | ChallengeThenDecline, true) => {
            t.pending = Some(Pending::Challenge {
                then_decline: sc == ChallengeThenDecline,
            });
            t.action_expires_at = Some(expires);
            t.action = Some(Action {
                kind: "redirect".into(),
                url: format!("{}/3ds/challenge/{}", st.base_url, t.order_id),
                method: "GET".into(),
                data: None,
                qr_code: None,
                expires_at: Some(format_rfc3339(expires)),
            });
            db::update_tx(tx, t)?;
        }
    }
    Ok(())
}

/// Finishes a pending challenge or approval (pages, expiry sweep). Returns the transaction.
pub fn complete_pending(
    st: &AppState,
    order_id: &str,
    decide: impl FnOnce(&Pending) -> Outcome,
) -> Result<Option<TxRec>, GwError> {
    st.db.with_tx(|tx| {
        let Some(mut t) = db::tx_by_order(tx, order_id)? else {
            return Ok(None);
        };
        if t.status == "PROCESSING"
            && let Some(p) = t.pending
        {
            let outcome = if t.action_expires_at.is_some_and(|e| e <= now_ms()) {
                Outcome::Fail(decline::PAYMENT_EXPIRED)
            } else {
                decide(&p)
            };
            scenario::finalize(st, tx, &mut t, outcome)?;
        }
        Ok(Some(t))
    })
}

pub fn challenge_outcome(p: &Pending, code: &str) -> Outcome {
    match p {
        Pending::Challenge { .. } if code.trim() != CHALLENGE_CODE => {
            Outcome::Fail(decline::AUTHENTICATION_FAILED)
        }
        Pending::Challenge { then_decline: true } => Outcome::Fail(decline::DECLINED),
        Pending::Challenge {
            then_decline: false,
        } => Outcome::Approve,
        Pending::Approval => Outcome::Fail(decline::AUTHENTICATION_FAILED),
    }
}

/// Expires one transaction whose action timed out (used by queries and the worker).
fn expire_if_due(st: &AppState, tx: &Transaction<'_>, t: &mut TxRec) -> Result<(), GwError> {
    if t.status == "PROCESSING" && t.action_expires_at.is_some_and(|e| e <= now_ms()) {
        scenario::finalize(st, tx, t, Outcome::Fail(decline::PAYMENT_EXPIRED))?;
    }
    Ok(())
}

pub fn sweep_expired(st: &AppState) {
    let ids = st.db.expired_actions(now_ms()).unwrap_or_default();
    for id in ids {
        let _ = complete_pending(st, &id, |_| Outcome::Fail(decline::PAYMENT_EXPIRED));
    }
}

async fn query_transaction(
    State(st): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let (mid, body) = authenticate(&st, uri.path(), &headers, body)?;
    let r: QueryTransactionRequest = parse(&body)?;
    let v3 = ApiVersion::of_path(uri.path()) == ApiVersion::V3;
    let data = st.db.with_tx(|tx| {
        // v3, a session nobody has paid yet: a success whose `error_code` is 4032, which is
        // how PayKKa's plugin tells "not paid yet" (v1.2: "the order doesn't exist").
        if v3
            && none_if_empty(&r.order_id).is_none()
            && let Some(sid) = none_if_empty(&r.session_id)
            && db::latest_tx(tx, &mid, "session_id", sid)?.is_none()
            && let Some(s) = db::session_by_id(tx, &mid, sid)?
        {
            return Ok(serde_json::json!({
                "merchant_id": mid, "trans_id": s.trans_id, "session_id": s.session_id,
                "status": s.effective_status(now_ms()), "amount": s.amount, "currency": s.currency,
                "error_code": decline::NOT_PAID_YET, "error_description": decline::description(decline::NOT_PAID_YET),
            }));
        }
        let t = if let Some(o) = none_if_empty(&r.order_id) {
            db::tx_by_order(tx, o)?.filter(|t| t.merchant_id == mid)
        } else if let Some(s) = none_if_empty(&r.session_id) {
            db::latest_tx(tx, &mid, "session_id", s)?
        } else if let Some(tr) = none_if_empty(&r.trans_id) {
            db::latest_tx(tx, &mid, "trans_id", tr)?
        } else {
            return Err(GwError::biz(
                ret::MISSING_PARAMETER,
                "one of order_id, trans_id, session_id is required",
            ));
        };
        let mut t =
            t.ok_or_else(|| GwError::biz(ret::ORDER_NOT_FOUND, "the order doesn't exist"))?;
        expire_if_due(&st, tx, &mut t)?;
        Ok(serde_json::to_value(t.to_data()).expect("serialises"))
    })?;
    ok(data)
}

fn owned_tx(tx: &Transaction<'_>, mid: &str, order_id: &str) -> Result<TxRec, GwError> {
    db::tx_by_order(tx, order_id)?
        .filter(|t| t.merchant_id == mid)
        .ok_or_else(|| GwError::biz(ret::ORDER_NOT_FOUND, "the order doesn't exist"))
}

fn check_balance_request(
    t: &TxRec,
    amount: i64,
    currency: &str,
    able: i64,
    what: &str,
) -> Result<(), GwError> {
    if currency != t.currency {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            "currency must be the transaction's currency",
        ));
    }
    if amount <= 0 {
        return Err(GwError::biz(ret::INVALID_AMOUNT, "amount must be positive"));
    }
    if amount > able {
        return Err(GwError::biz(
            ret::AMOUNT_EXCEEDS_BALANCE,
            format!("amount exceeds the amount able to {what} ({able})"),
        ));
    }
    Ok(())
}

async fn capture(
    State(st): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let (mid, body) = authenticate(&st, uri.path(), &headers, body)?;
    let r: CaptureRequest = parse(&body)?;
    let data = st.db.with_tx(|tx| {
        let mut t = owned_tx(tx, &mid, &r.order_id)?;
        let b = &mut t.balances;
        if !(t.status == "AUTHORIZED" || (t.status == "SUCCESS" && b.able_to_capture_amount > 0)) {
            return Err(GwError::biz(
                ret::INVALID_STATUS,
                format!("cannot capture a {} transaction", t.status),
            ));
        }
        check_balance_request(
            &t,
            r.amount,
            &r.currency,
            t.balances.able_to_capture_amount,
            "capture",
        )?;
        let b = &mut t.balances;
        b.captured_amount += r.amount;
        b.able_to_capture_amount -= r.amount;
        b.able_to_refund_amount += r.amount;
        if r.capture_final.unwrap_or(true) {
            b.able_to_capture_amount = 0;
        }
        b.able_to_void_amount = b.able_to_capture_amount;
        t.status = "SUCCESS".into();
        db::update_tx(tx, &t)?;
        scenario::enqueue(&st, tx, &t)?;
        Ok(t.to_data())
    })?;
    ok(data)
}

async fn void(
    State(st): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let (mid, body) = authenticate(&st, uri.path(), &headers, body)?;
    let r: VoidRequest = parse(&body)?;
    let data = st.db.with_tx(|tx| {
        let mut t = owned_tx(tx, &mid, &r.order_id)?;
        let b = &mut t.balances;
        if b.able_to_void_amount <= 0 || !(t.status == "AUTHORIZED" || t.status == "SUCCESS") {
            return Err(GwError::biz(
                ret::INVALID_STATUS,
                format!("cannot void a {} transaction", t.status),
            ));
        }
        b.voided_amount += b.able_to_void_amount;
        b.able_to_void_amount = 0;
        b.able_to_capture_amount = 0;
        t.status = if b.captured_amount == 0 {
            "CANCELED"
        } else {
            "PARTIALLY_REVERSED"
        }
        .into();
        db::update_tx(tx, &t)?;
        scenario::enqueue(&st, tx, &t)?;
        Ok(t.to_data())
    })?;
    ok(data)
}

async fn refund(
    State(st): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let (mid, body) = authenticate(&st, uri.path(), &headers, body)?;
    let r: RefundRequest = parse(&body)?;
    check_id("refund_trans_id", &r.refund_trans_id)?;
    check_url("notify_url", &r.notify_url)?;
    let data = st.db.with_tx(|tx| {
        // The same reference again answers the refund already made: a retried request
        // never refunds twice.
        if let Some(done) = db::refund(tx, &mid, None, Some(&r.refund_trans_id))? {
            return if done.ori_order_id.as_deref() == Some(r.ori_order_id.as_str())
                && done.amount == r.refund_amount
            {
                Ok(done)
            } else {
                Err(GwError::biz(
                    ret::DUPLICATE_TRANS_ID,
                    "refund_trans_id already used for another refund",
                ))
            };
        }
        let mut t = owned_tx(tx, &mid, &r.ori_order_id)?;
        if !matches!(
            t.status.as_str(),
            "SUCCESS" | "PARTIALLY_REFUNDED" | "PARTIALLY_REVERSED"
        ) {
            return Err(GwError::biz(
                ret::INVALID_STATUS,
                format!("cannot refund a {} transaction", t.status),
            ));
        }
        check_balance_request(
            &t,
            r.refund_amount,
            &r.currency,
            t.balances.able_to_refund_amount,
            "refund",
        )?;
        let b = &mut t.balances;
        b.refunded_amount += r.refund_amount;
        b.able_to_refund_amount -= r.refund_amount;
        t.status = if b.able_to_refund_amount == 0 {
            "REFUNDED"
        } else {
            "PARTIALLY_REFUNDED"
        }
        .into();
        db::update_tx(tx, &t)?;
        let refund = RefundData {
            merchant_id: mid.clone(),
            refund_trans_id: r.refund_trans_id.clone(),
            refund_order_id: new_id("RG"),
            ori_order_id: Some(t.order_id.clone()),
            status: "SUCCESS".into(),
            amount: r.refund_amount,
            currency: t.currency.clone(),
            error_code: Some(decline::OK.into()),
            error_description: None,
        };
        db::insert_refund(tx, &refund)?;
        let url = r.notify_url.clone().or_else(|| t.notify_url.clone());
        scenario::enqueue_refund(&st, tx, &refund, url)?;
        Ok(refund)
    })?;
    ok(data)
}

async fn refund_query(
    State(st): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let (mid, body) = authenticate(&st, uri.path(), &headers, body)?;
    let r: RefundQueryRequest = parse(&body)?;
    let (by_id, by_ref) = (
        none_if_empty(&r.refund_order_id),
        none_if_empty(&r.refund_trans_id),
    );
    if by_id.is_none() && by_ref.is_none() {
        return Err(GwError::biz(
            ret::MISSING_PARAMETER,
            "refund_order_id or refund_trans_id is required",
        ));
    }
    let data = st.db.with_tx(|tx| {
        db::refund(tx, &mid, by_id, by_ref)?
            .ok_or_else(|| GwError::biz(ret::REFUND_NOT_FOUND, "the refund doesn't exist"))
    })?;
    ok(data)
}

fn token_info(t: TokenRec) -> TokenInfo {
    TokenInfo {
        token: t.token,
        token_usage: t.token_usage,
        payment_method: t.payment_method,
        status: t.status,
        shopper_reference: Some(t.shopper_reference),
        card_info: Some(t.card),
        recurring_agreement_id: t.recurring_agreement_id,
    }
}

async fn token_query(
    State(st): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let (mid, body) = authenticate(&st, uri.path(), &headers, body)?;
    let r: TokenQueryRequest = parse(&body)?;
    if r.shopper_reference.trim().is_empty() {
        return Err(GwError::biz(
            ret::MISSING_PARAMETER,
            "shopper_reference is required",
        ));
    }
    let list = st
        .db
        .with_tx(|tx| db::tokens_of(tx, &mid, &r.shopper_reference).map_err(GwError::from))?;
    ok(list
        .into_iter()
        .filter(|t| t.status == "ACTIVATE")
        .map(token_info)
        .collect::<Vec<_>>())
}

async fn token_remove(
    State(st): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let (mid, body) = authenticate(&st, uri.path(), &headers, body)?;
    let r: TokenRemoveRequest = parse(&body)?;
    st.db.with_tx(|tx| {
        let t = db::token(tx, &mid, &r.token)?
            .filter(|t| t.shopper_reference == r.shopper_reference)
            .ok_or_else(|| {
                GwError::biz(
                    ret::TOKEN_NOT_FOUND,
                    "the token doesn't exist for this shopper_reference",
                )
            })?;
        db::delete_token(tx, &t.token)?;
        Ok::<(), GwError>(())
    })?;
    ok_empty()
}

async fn recurring_cancel(
    State(st): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let (mid, body) = authenticate(&st, uri.path(), &headers, body)?;
    let r: RecurringCancelRequest = parse(&body)?;
    st.db.with_tx(|tx| {
        let mut t = db::token_by_agreement(tx, &mid, &r.recurring_agreement_id)?
            .filter(|t| t.shopper_reference == r.shopper_reference && t.status == "ACTIVATE")
            .ok_or_else(|| {
                GwError::biz(
                    ret::RECURRING_NOT_FOUND,
                    "the recurring agreement doesn't exist for this shopper_reference",
                )
            })?;
        t.status = "INACTIVE".into();
        db::update_token(tx, &t)?;
        Ok::<(), GwError>(())
    })?;
    ok_empty()
}

async fn apple_pay_session(
    State(st): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let (mid, body) = authenticate(&st, uri.path(), &headers, body)?;
    let r: ApplePaySessionRequest = parse(&body)?;
    if r.domain_name.trim().is_empty()
        || r.display_name.trim().is_empty()
        || r.domain_name.len() > 253
        || r.display_name.len() > 64
    {
        return Err(GwError::biz(
            ret::MISSING_PARAMETER,
            "display_name and domain_name are required",
        ));
    }
    let now = now_ms();
    let session = serde_json::json!({
        "epochTimestamp": now,
        "expiresAt": now + 5 * 60 * 1000,
        "merchantSessionIdentifier": new_id("SSH"),
        "nonce": new_id("N"),
        "merchantIdentifier": format!("merchant.com.paykka.sandbox.{mid}"),
        "domainName": r.domain_name,
        "displayName": r.display_name,
        "signature": "sandbox",
        "operationalAnalyticsIdentifier": format!("{}:{}", r.display_name, mid),
        "retries": 0
    })
    .to_string();
    // v3 answers the Apple Pay session data itself, a JSON string (PayKKa's reference);
    // v1.2 in the usual envelope, as `data`.
    match ApiVersion::of_path(uri.path()) {
        ApiVersion::V3 => Ok(json_response(StatusCode::OK, &session)),
        ApiVersion::V1_2 => ok(session),
    }
}

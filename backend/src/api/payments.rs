//! `POST /api/payments`: one payment attempt of a checkout session, with an `Idempotency-Key`
//! (a retry with the same key replays the first answer), card data only as the secure fields'
//! envelopes, and one attempt of a session at the gateway at a time.

use super::error::{ApiError, internal};
use super::guard::{allowed_return_url, client_ip, limit, our_order, session_shopper};
use super::reply::json_text;
use super::request::{Body, parse, read_body};
use super::results::{query_result, result_of};
use super::second_charges::reverse_second_charges;
use super::upstream::{gw_call, gw_data};
use crate::cleanup::Release;
use crate::limits::Counted;
use crate::state::{AppState, Shared};
use crate::store::{Claim, Order};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use paykka_protocol::types::*;
use paykka_protocol::{Operation, card, hex};
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::time::Duration;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PaymentBody {
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

/// Card data must reach us encrypted: refuse clear card fields and anything that looks like a
/// card number, wherever it is in the body.
pub(super) fn refuse_clear_card(v: &Value) -> Result<(), ApiError> {
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
pub(super) fn body_hash(bytes: &[u8]) -> String {
    let mut v: Value = serde_json::from_slice(bytes).unwrap_or_default();
    paykka_protocol::without_envelopes(&mut v);
    hex(&Sha256::digest(v.to_string().as_bytes()))
}

pub(super) async fn submit_payment(
    State(st): State<Shared>,
    addr: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let bytes = read_body(body)?;
    let raw: Value = parse(&bytes)?;
    refuse_clear_card(&raw)?;
    let mut b: PaymentBody = parse(&bytes)?;
    b.browser = Some(browser_context(b.browser.take(), &headers));
    b.pay_ip = Some(client_ip(&addr));
    let shopper = match our_order(&st, &b.session_id).await {
        Ok(order) => session_shopper(&st, &order, &headers).await,
        Err(_) => None,
    };
    if let Some(replayed) = claim_key(&st, &key, &body_hash(&bytes)).await? {
        return Ok(replayed);
    }
    // Counted once the key is ours: a retry that replays a stored answer costs nothing.
    let counted = match limit(&st, Counted::PaymentPerIp, &client_ip(&addr)).await {
        Ok(()) => limit(&st, Counted::PaymentPerSession, &b.session_id).await,
        Err(e) => Err(e),
    };
    if let Err(e) = counted {
        release(&st, Release::Claim(key.clone())).await;
        return Err(e);
    }
    // The payment runs in its own task: if the shopper's browser goes away mid-request, the
    // gateway call still completes and its answer is kept for the retry with the same key.
    let st2 = st.clone();
    let key2 = key.clone();
    let task = tokio::spawn(async move {
        let outcome = pay(&st2, &key2, b, shopper).await;
        finish_key(&st2, &key2, outcome).await
    });
    match task.await {
        Ok(answer) => answer,
        Err(_) => {
            release(&st, Release::Claim(key)).await;
            Err(internal())
        }
    }
}

/// The request's `Idempotency-Key`: required, one per payment attempt.
fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    match headers.get("idempotency-key").map(|v| v.to_str()) {
        None => Err(ApiError::bad(
            "invalid_request",
            "Idempotency-Key header is required (one per payment attempt)",
        )),
        Some(Ok(k))
            if (8..=128).contains(&k.len())
                && k.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b)) =>
        {
            Ok(k.to_string())
        }
        Some(_) => Err(ApiError::bad(
            "invalid_request",
            "Idempotency-Key must be 8-128 characters of letters, digits, '-', '_', '.', ':'",
        )),
    }
}

/// Makes `key` this request's: `None` once it is, or the answer already given for it, replayed.
/// While another request holds the key, waits for its answer up to 30 s.
async fn claim_key(st: &AppState, key: &str, hash: &str) -> Result<Option<Response>, ApiError> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        match st.store.claim(key, hash).await? {
            Claim::Claimed => return Ok(None),
            Claim::Done(code, resp) => {
                let mut r = json_text(StatusCode::from_u16(code).unwrap_or(StatusCode::OK), resp);
                r.headers_mut()
                    .insert("idempotent-replayed", HeaderValue::from_static("true"));
                return Ok(Some(r));
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
}

/// Keeps the attempt's answer under its key, for a retry to replay. An attempt that may not
/// have reached the gateway (unreachable, our database unreachable, or our own failure) is not
/// kept: its key is released and a retry pays (the gateway de-duplicates by the key we
/// forward, so a charge made before our database failed is answered, not made again).
async fn finish_key(
    st: &AppState,
    key: &str,
    outcome: Result<String, ApiError>,
) -> Result<Response, ApiError> {
    match outcome {
        Err(e)
            if matches!(e.code, "gateway_unavailable" | "database_unavailable")
                || e.status == StatusCode::INTERNAL_SERVER_ERROR =>
        {
            release(st, Release::Claim(key.to_string())).await;
            Err(e)
        }
        Err(e) => {
            st.store
                .finish_claim(key, e.status.as_u16(), &e.body())
                .await?;
            Err(e)
        }
        // Kept already, with the payment's news (`attempt`).
        Ok(text) => Ok(json_text(StatusCode::OK, text)),
    }
}

/// One payment attempt. `shopper` is the session's shopper when signed in on this request
/// (see [`session_shopper`]): only then may the attempt use or save a card of theirs.
async fn pay(
    st: &AppState,
    key: &str,
    b: PaymentBody,
    shopper: Option<String>,
) -> Result<String, ApiError> {
    let session_id = our_order(st, &b.session_id).await?.session_id;
    if b.token.is_some() && shopper.is_none() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "sign_in_required",
            "saved cards can only be used by their signed-in shopper",
        ));
    }
    // One attempt of a session at the gateway at a time, whichever instance or request it
    // comes from: two at once would each see the order unpaid.
    if !st.store.lock_attempt(&session_id, key).await? {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "payment_pending",
            "a payment for this checkout is still waiting to be completed",
        ));
    }
    let outcome = attempt(st, key, b, shopper).await;
    release(st, Release::Attempt(key.to_string())).await;
    outcome
}

/// The attempt itself, under the session's attempt lock: the order as it is now. Answers the
/// JSON kept under the key.
async fn attempt(
    st: &AppState,
    key: &str,
    b: PaymentBody,
    shopper: Option<String>,
) -> Result<String, ApiError> {
    let order = our_order(st, &b.session_id).await?;
    if let Some(text) = retry_of_recorded_payment(st, key, &order).await? {
        return Ok(text);
    }
    one_attempt_at_a_time(st, &order).await?;
    let req = payment_request(st, &order, b, shopper.is_some())?;
    if !st
        .store
        .count_attempt(&order.session_id, key, st.cfg.limits.attempts_per_session)
        .await?
    {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            "too many payment attempts for this checkout; start a new checkout",
        ));
    }
    let t: TransactionData = gw_data(gw_call(st, Operation::Payment, &req, Some(key)).await?)?;
    let (order_id, status) = (t.order_id.clone(), t.status.clone());
    let text = serde_json::to_string(&result_of(t)).expect("serialises");
    // The payment's news and the key's answer in one transaction: if the database fails here,
    // neither is written, the key is released, and its retry asks the gateway again, which
    // answers this same payment (the key is forwarded) instead of charging twice.
    st.store
        .finish_payment(key, &text, &order.session_id, &order_id, &status)
        .await?;
    reverse_second_charges(st).await;
    Ok(text)
}

/// The gateway's request for an attempt: the money terms and the shopper from the order, only
/// the method, the card and the browser's description from the body. A card is saved only
/// for a `signed_in` shopper.
fn payment_request(
    st: &AppState,
    order: &Order,
    b: PaymentBody,
    signed_in: bool,
) -> Result<PaymentRequest, ApiError> {
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
    let store = b.store_payment_method.unwrap_or(false) && signed_in;
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
    Ok(PaymentRequest {
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
    })
}

/// Has the checkout been paid (money moved or reserved)?
fn paid(status: &str) -> bool {
    matches!(
        status,
        "SUCCESS" | "AUTHORIZED" | "REFUNDED" | "PARTIALLY_REFUNDED" | "PARTIALLY_REVERSED"
    )
}

/// The retry of an attempt that may have reached the gateway before it could be recorded (the
/// database went away; its key was released), when the payment has since been recorded anyway
/// (the gateway's webhook, a status query): the payment as it stands is the answer, kept under
/// the key, rather than a refusal of the retry as a second attempt.
async fn retry_of_recorded_payment(
    st: &AppState,
    key: &str,
    order: &Order,
) -> Result<Option<String>, ApiError> {
    let Some(order_id) = order.order_id.as_deref() else {
        return Ok(None);
    };
    if !paid(&order.status) || !st.store.attempt_known(&order.session_id, key).await? {
        return Ok(None);
    }
    let r = query_result(st, json!({ "order_id": order_id }), &order.session_id).await?;
    let text = serde_json::to_string(&r).expect("serialises");
    st.store.finish_claim(key, 200, &text).await?;
    Ok(Some(text))
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
        s if paid(s) => Err(ApiError::new(
            StatusCode::CONFLICT,
            "already_paid",
            "this checkout has already been paid",
        )),
        _ => Ok(()),
    }
}

/// Undoes a hold now, or as soon as the database is back (`cleanup`).
async fn release(st: &AppState, r: Release) {
    st.releases.release(&st.store, r).await;
}

//! The SDK's JSON API for the one session of a hosted page (`backendUrl: '/hp'`): the session,
//! its latest result, and payments, which go to the gateway as the merchant's would.

use super::answer::{error, json_ok, load_session, merchant_name, no_session};
use crate::gateway::{self, GwError};
use crate::state::Shared;
use crate::{db, lifecycle};
use axum::body::{Body, to_bytes};
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use paykka_protocol::decline;
use paykka_protocol::types::{PaymentData, PaymentRequest, TransactionData};
use serde::Deserialize;
use serde_json::{Value, json};

/// What the Drop-in shows for a session (the merchant backend's `GET /api/sessions/{id}` shape).
pub(super) async fn session(
    State(st): State<Shared>,
    UrlPath(session_id): UrlPath<String>,
) -> Result<Response, GwError> {
    let Some(s) = load_session(&st, &session_id)? else {
        return Ok(no_session());
    };
    let now = paykka_protocol::time::now_ms();
    let data = s.to_data(&st.base_url, None);
    let merchant = merchant_name(&st, &s.merchant_id);
    let status = match s.effective_status(now) {
        "EXPIRED" => "EXPIRED",
        "PROCESSING" => "PROCESSING",
        _ => "COMPLETED",
    };
    Ok(json_ok(json!({
        "session_id": s.session_id,
        "status": status,
        "amount": s.amount,
        "currency": s.currency,
        "display_locale": (!s.display_locale.is_empty()).then_some(&s.display_locale),
        "expire_time": data.expire_time,
        "session_mode": s.session_mode,
        "merchant_name": merchant,
        "merchant_id": s.merchant_id,
        "payment_methods": data.payment_methods,
        // A hosted page knows no shopper login: saved cards stay with the merchant's checkout.
        "saved_cards": [],
        "store_payment_method": false,
        "can_store_payment_method": false,
        "payment_type": s.payment_type,
        "gateway_origin": st.base_url,
    })))
}

fn result_json(t: &TransactionData) -> Value {
    let failure = (t.status == "FAILURE").then(|| {
        let code = t.error_code.clone().unwrap_or_default();
        json!({ "code": decline::reason(&code), "gateway_code": code, "message": decline::description(&code) })
    });
    json!({
        "status": t.status,
        "session_id": t.session_id,
        "order_id": t.order_id,
        "amount": t.amount,
        "currency": t.currency,
        "payment_method": t.payment.payment_method,
        "action": t.action,
        "failure": failure,
        "card": t.card_info.as_ref().map(|c| json!({ "brand": c.card_brand, "last4": c.last4 })),
    })
}

pub(super) async fn result(
    State(st): State<Shared>,
    UrlPath(session_id): UrlPath<String>,
) -> Result<Response, GwError> {
    let Some(s) = load_session(&st, &session_id)? else {
        return Ok(no_session());
    };
    let latest = st.db.with_tx(|tx| {
        let mut t = db::latest_tx(tx, &s.merchant_id, "session_id", &s.session_id)?;
        if let Some(t) = t.as_mut() {
            lifecycle::expire_due(&st, tx, t)?;
        }
        Ok::<_, GwError>(t)
    })?;
    Ok(json_ok(match latest {
        Some(t) => result_json(&t.to_data()),
        None if s.effective_status(paykka_protocol::time::now_ms()) == "EXPIRED" => {
            json!({ "status": "EXPIRED", "session_id": s.session_id, "failure": { "code": "session_expired", "message": "the session has expired" } })
        }
        None => json!({ "status": "NONE", "session_id": s.session_id }),
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HostedPayment {
    session_id: String,
    payment_method: String,
    encrypted_card_no: Option<String>,
    encrypted_exp_month: Option<String>,
    encrypted_exp_year: Option<String>,
    encrypted_cvv: Option<String>,
    holder_name: Option<String>,
    wallet_data: Option<Value>,
    /// What the shopper's browser tells the issuer for 3-D Secure (the SDK's card payments).
    browser: Option<paykka_protocol::order::Browser>,
    // Sent by the SDK, and ignored: a hosted page knows no shopper to store a card for, and the
    // shopper always comes back to this page.
    #[serde(rename = "store_payment_method")]
    _store_payment_method: Option<bool>,
    #[serde(rename = "return_url")]
    _return_url: Option<String>,
}

pub(super) async fn pay(
    State(st): State<Shared>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let Ok(bytes) = to_bytes(body, 64 * 1024).await else {
        return Ok(error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            "over 64 KiB",
        ));
    };
    let Ok(b) = serde_json::from_slice::<HostedPayment>(&bytes) else {
        return Ok(error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "not a payment this page sends",
        ));
    };
    let Some(key) = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| {
            (8..=128).contains(&k.len())
                && k.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || b"-_.:".contains(&c))
        })
        .map(str::to_owned)
    else {
        return Ok(error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Idempotency-Key is required",
        ));
    };
    let Some(s) = load_session(&st, &b.session_id)? else {
        return Ok(no_session());
    };
    if s.effective_status(paykka_protocol::time::now_ms()) == "EXPIRED" {
        return Ok(error(
            StatusCode::GONE,
            "session_expired",
            "the session has expired",
        ));
    }
    let return_url = format!("{}/hp/pay/{}", st.base_url, s.session_id);
    let request = PaymentRequest {
        merchant_id: s.merchant_id.clone(),
        timestamp: Some(paykka_protocol::time::now_ms()),
        session_id: Some(s.session_id.clone()),
        return_url: Some(return_url),
        payment: PaymentData {
            payment_method: b.payment_method,
            encrypted_card_no: b.encrypted_card_no,
            encrypted_exp_month: b.encrypted_exp_month,
            encrypted_exp_year: b.encrypted_exp_year,
            encrypted_cvv: b.encrypted_cvv,
            holder_name: b.holder_name,
            wallet_data: b.wallet_data,
            ..Default::default()
        },
        browser: b.browser,
        ..Default::default()
    };
    match gateway::initiate_for_browser(&st, &s.merchant_id, &request, &key) {
        Ok(t) => Ok(json_ok(result_json(&t))),
        Err(e) => Ok(e.for_browser()),
    }
}

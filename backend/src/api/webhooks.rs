//! `POST /api/webhooks/paykka`: the gateway's notifications, verified before anything acts on
//! them, recorded once per event, and never moving a payment back.

use super::error::ApiError;
use super::reply::json_ok;
use super::request::{Body, parse, read_body};
use super::second_charges::reverse_second_charges;
use super::upstream::{gw_call, gw_data};
use crate::state::{AppState, Shared};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use paykka_protocol::api::{self, ApiVersion};
use paykka_protocol::sign::{VerifyingKeys, signed_fields, timestamp_fresh};
use paykka_protocol::time::now_ms;
use paykka_protocol::types::{Notification, RefundData, TransactionData};
use paykka_protocol::{Operation, headers as hdr, ret};
use serde_json::json;

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
pub(super) fn verify_webhook(
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
pub(super) async fn webhook(
    State(st): State<Shared>,
    uri: Uri,
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
        let fresh = st
            .store
            .record_refund_event(
                &key,
                n.refund_order_id.as_deref().unwrap_or(""),
                n.trans_id.as_deref().unwrap_or(""),
                n.order_id.as_deref().unwrap_or(""),
                &n.status,
                n.amount.unwrap_or(0),
            )
            .await?;
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
        .record_webhook(&key, &order_id, &n.status, n.session_id.as_deref())
        .await?
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

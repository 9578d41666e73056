//! Payment and Query Transaction. A payment comes signed from a merchant (`/payments`) or from
//! the gateway's own hosted page ([`initiate_for_browser`]); both are read here (method, card),
//! run once per idempotency key, and processed by the same pipeline (`process.rs`).

use super::auth::Signed;
use super::card_data::{Binding, CardSource, resolve_card};
use super::error::{GwError, ok, raw_json};
use super::process::process_payment;
use super::validate::none_if_empty;
use crate::state::{AppState, Shared};
use crate::{db, lifecycle, scenario};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use paykka_protocol::api::ApiVersion;
use paykka_protocol::time::now_ms;
use paykka_protocol::types::{
    ApiResponse, PaymentRequest, QueryTransactionRequest, TransactionData,
};
use paykka_protocol::{decline, headers as hdr, ret};
use rusqlite::Transaction;
use sha2::{Digest, Sha256};

pub(super) async fn payments(
    State(st): State<Shared>,
    headers: HeaderMap,
    Signed {
        mid, req: r, body, ..
    }: Signed<PaymentRequest>,
) -> Result<Response, GwError> {
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
    let paid_with = PaidWith::read(&st, &mid, &r, Caller::Merchant)?;
    let response = pay_once(&st, &mid, &r, paid_with, idem.as_deref(), &body, |data| {
        serde_json::to_string(&ApiResponse::ok(data)).expect("serialises")
    })?;
    Ok(raw_json(StatusCode::OK, response))
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
    let paid_with = PaidWith::read(st, mid, r, Caller::Browser)?;
    let body = serde_json::to_vec(r).expect("serialises");
    // Hosted keys live apart from the merchant's own.
    let key = format!("hp:{idem_key}");
    let response = pay_once(st, mid, r, paid_with, Some(&key), &body, |data| {
        serde_json::to_string(&data).expect("serialises")
    })?;
    serde_json::from_str(&response).map_err(|_| {
        GwError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ret::INTERNAL_ERROR,
            "stored answer unreadable",
        )
    })
}

/// Who sends a payment: a merchant's server (signed; may send a card in clear) or a shopper's
/// browser on the hosted page (card data only in envelopes).
#[derive(PartialEq)]
enum Caller {
    Merchant,
    Browser,
}

/// What a payment pays with, read before its transaction opens: the method, its flow and, for
/// a card, the card (envelopes opened; their nonces are recorded with the payment).
struct PaidWith {
    method: &'static str,
    flow: &'static str,
    source: Option<CardSource>,
    nonces: Vec<String>,
}

impl PaidWith {
    fn read(st: &AppState, mid: &str, r: &PaymentRequest, caller: Caller) -> Result<Self, GwError> {
        let p = &r.payment;
        let (method, flow) = scenario::method(&p.payment_method).ok_or_else(|| {
            GwError::biz(
                ret::UNSUPPORTED_PAYMENT_METHOD,
                format!("unsupported payment_method {:?}", p.payment_method),
            )
        })?;
        if caller == Caller::Browser && (p.card_no.is_some() || p.cvv.is_some()) {
            return Err(GwError::biz(
                ret::CLEAR_CARD_REFUSED,
                "card data must be encrypted",
            ));
        }
        if flow != "card"
            && (p.card_no.is_some() || p.encrypted_card_no.is_some() || p.token.is_some())
        {
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
            Some(resolve_card(st, p, &binding, &mut nonces)?)
        } else {
            None
        };
        Ok(Self {
            method,
            flow,
            source,
            nonces,
        })
    }
}

/// Processes a payment in one database transaction, once per idempotency key: the same key
/// with the same body (`body_hash`) answers what the first request answered (`answer`, as
/// stored), with another body it is refused.
fn pay_once(
    st: &AppState,
    mid: &str,
    r: &PaymentRequest,
    paid_with: PaidWith,
    idem_key: Option<&str>,
    body: &[u8],
    answer: impl FnOnce(TransactionData) -> String,
) -> Result<String, GwError> {
    let hash = body_hash(body);
    st.db.with_tx(|tx| {
        if let Some(k) = idem_key
            && let Some((h, resp)) = db::idempotent(tx, mid, k)?
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
        use_nonces(tx, mid, &paid_with.nonces)?;
        let PaidWith {
            method,
            flow,
            source,
            ..
        } = paid_with;
        let data = process_payment(st, tx, mid, r, method, flow, source)?;
        let resp = answer(data);
        if let Some(k) = idem_key {
            db::store_idempotent(tx, mid, k, &hash, &resp)?;
        }
        Ok(resp)
    })
}

/// Body hash for idempotency: the body without its `timestamp` and without card envelopes
/// (re-encrypting the same card gives new ciphertexts), keys sorted.
fn body_hash(body: &[u8]) -> String {
    let mut v: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.remove("timestamp");
    }
    paykka_protocol::without_envelopes(&mut v);
    paykka_protocol::hex(&Sha256::digest(
        serde_json::to_string(&v).unwrap_or_default().as_bytes(),
    ))
}

/// Each card envelope is taken once: a replayed one (a skimmer's copy) is refused, and the
/// payment with it.
fn use_nonces(tx: &Transaction<'_>, mid: &str, nonces: &[String]) -> Result<(), GwError> {
    if db::use_card_nonces(tx, mid, nonces, now_ms())? {
        Ok(())
    } else {
        Err(GwError::biz(
            ret::CARD_DATA_INVALID,
            "card data already used: encrypt the card again",
        ))
    }
}

pub(super) async fn query_transaction(
    State(st): State<Shared>,
    Signed {
        mid,
        req: r,
        version,
        ..
    }: Signed<QueryTransactionRequest>,
) -> Result<Response, GwError> {
    let v3 = version == ApiVersion::V3;
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
        lifecycle::expire_due(&st, tx, &mut t)?;
        Ok(serde_json::to_value(t.to_data()).expect("serialises"))
    })?;
    ok(data)
}

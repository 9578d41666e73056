//! What the SDK gets back about a payment: the answer to `POST /api/payments`, and
//! `GET /api/sessions/{session_id}/result` and `GET /api/payments/{order_id}`, which ask the
//! gateway (never the browser) how a payment stands and record what it says.

use super::error::ApiError;
use super::guard::{our_order, payment_session};
use super::reply::json_ok;
use super::second_charges::reverse_second_charges;
use super::upstream::{gw_call, gw_data};
use crate::state::{AppState, Shared};
use crate::support::quote;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use paykka_core::CheckoutError;
use paykka_protocol::types::{Action, ApiResponse, SessionData, TransactionData};
use paykka_protocol::{Operation, decline, ret};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

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

pub(super) fn result_of(t: TransactionData) -> PaymentResult {
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
                quote(&code)
            );
        }
        // The checkout's own codes (one table, core's), read back by its `from_decline_code`.
        let reason = match CheckoutError::from_decline_code(decline::reason(&code)) {
            r @ (CheckoutError::InsufficientFunds
            | CheckoutError::CardExpired
            | CheckoutError::AuthenticationFailed
            | CheckoutError::PaymentExpired
            | CheckoutError::CardDataExpired) => r,
            _ => CheckoutError::CardDeclined,
        };
        let message = match reason {
            CheckoutError::InsufficientFunds => "The card has insufficient funds.",
            CheckoutError::CardExpired => "The card has expired.",
            CheckoutError::AuthenticationFailed => "The card's authentication failed.",
            CheckoutError::PaymentExpired => "The payment was not completed in time.",
            CheckoutError::CardDataExpired => "The card details expired: enter them again.",
            _ => "The card was declined.",
        };
        json!({ "code": reason.code(), "message": message })
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

pub(super) async fn query_result(
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
                || json!({ "code": CheckoutError::SessionExpired.code(), "message": "the session has expired" }),
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
        .record_payment(session_id, &t.order_id, &t.status)
        .await?;
    reverse_second_charges(st).await;
    Ok(result_of(t))
}

pub(super) async fn session_result(
    State(st): State<Shared>,
    Path(session_id): Path<String>,
) -> Result<Response, ApiError> {
    our_order(&st, &session_id).await?;
    Ok(json_ok(
        &query_result(&st, json!({ "session_id": session_id }), &session_id).await?,
    ))
}

pub(super) async fn payment_status(
    State(st): State<Shared>,
    Path(order_id): Path<String>,
) -> Result<Response, ApiError> {
    let sid = payment_session(&st, &order_id).await?;
    Ok(json_ok(
        &query_result(&st, json!({ "order_id": order_id }), &sid).await?,
    ))
}

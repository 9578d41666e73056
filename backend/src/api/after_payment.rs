//! After the payment, for the merchant's own server (`Authorization: Bearer
//! <BACKEND_SERVER_SECRET>`): look a payment up, capture (partly or wholly), void, refund
//! (partly or wholly) and look a refund up, cancel a subscription, and charge a subscription's
//! stored card without the shopper. Each calls the library function of the same name
//! (`crate::operations`). Captures, voids and refunds of one payment take turns
//! (`order_lock`), so together they never take more than its amount.

use super::error::{ApiError, internal};
use super::guard::{ServerOnly, our_payment};
use super::order_lock::with_order_lock;
use super::reply::json_ok;
use super::request::{JsonBody, check_ref};
use super::results::{query_result, result_of};
use super::saved_cards::shopper_tokens;
use crate::operations::{REFUND_REASONS, RecurringCharge, Refund};
use crate::state::{AppState, Shared};
use crate::support::new_reference;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::json;

pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/server/payments/{order_id}", get(payment))
        .route("/api/server/payments/{order_id}/capture", post(capture))
        .route("/api/server/payments/{order_id}/void", post(void))
        .route("/api/server/payments/{order_id}/refunds", post(refund))
        .route("/api/server/refunds/{reference}", get(refund_status))
        .route("/api/server/recurring/cancel", post(recurring_cancel))
        .route("/api/server/recurring/charges", post(recurring_charge))
}

/// A payment of ours as the gateway knows it now, with what can still be captured, voided and
/// refunded: `GET /api/server/payments/{order_id}`.
async fn payment(
    State(st): State<Shared>,
    Path(order_id): Path<String>,
    _: ServerOnly,
) -> Result<Response, ApiError> {
    our_payment(&st, &order_id).await?;
    let t = st.gateway.query(&order_id).await?;
    let balances = t.balances;
    Ok(json_ok(
        &json!({ "payment": result_of(t), "balances": balances }),
    ))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CaptureBody {
    /// Minor units; default all that can still be captured.
    amount: Option<i64>,
    /// Nothing more will be captured (default true): the rest of the authorisation is released.
    #[serde(rename = "final")]
    last: Option<bool>,
}

/// Captures an authorised payment (capture method `MANUAL`) once the order ships, in full or in
/// part: `POST /api/server/payments/{order_id}/capture` `{ "amount"?, "final"? }`.
async fn capture(
    State(st): State<Shared>,
    Path(order_id): Path<String>,
    _: ServerOnly,
    JsonBody(b): JsonBody<CaptureBody>,
) -> Result<Response, ApiError> {
    let order = our_payment(&st, &order_id).await?;
    with_order_lock(&st, &order_id.clone(), move |st| async move {
        let balances = st.gateway.query(&order_id).await?.balances;
        let amount = amount_up_to(b.amount, balances.able_to_capture_amount, "authorised")?;
        st.gateway
            .capture(&order_id, amount, &order.currency, b.last.unwrap_or(true))
            .await?;
        payment_now(&st, &order_id, &order.session_id).await
    })
    .await
}

/// Releases an authorisation that will not be captured:
/// `POST /api/server/payments/{order_id}/void`.
async fn void(
    State(st): State<Shared>,
    Path(order_id): Path<String>,
    _: ServerOnly,
) -> Result<Response, ApiError> {
    let order = our_payment(&st, &order_id).await?;
    with_order_lock(&st, &order_id.clone(), move |st| async move {
        st.gateway.void(&order_id, "REQUESTED_BY_CUSTOMER").await?;
        payment_now(&st, &order_id, &order.session_id).await
    })
    .await
}

/// The answer to a capture or a void: the payment as the gateway knows it afterwards.
async fn payment_now(
    st: &AppState,
    order_id: &str,
    session_id: &str,
) -> Result<Response, ApiError> {
    Ok(json_ok(
        &query_result(st, json!({ "order_id": order_id }), session_id).await?,
    ))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RefundBody {
    /// Minor units; default all that can still be refunded.
    amount: Option<i64>,
    /// `DUPLICATE`, `FRAUDULENT`, `REQUESTED_BY_CUSTOMER` (default), `OTHER`.
    reason: Option<String>,
    /// The merchant's id of this refund; the same again never refunds twice. Default: a new one.
    reference: Option<String>,
}

/// Refunds a captured payment, in full or in part:
/// `POST /api/server/payments/{order_id}/refunds` `{ "amount"?, "reason"?, "reference"? }`.
/// The refund's outcome also arrives by webhook (`REFUND.SUCCESS` / `REFUND.FAILURE`).
async fn refund(
    State(st): State<Shared>,
    Path(order_id): Path<String>,
    _: ServerOnly,
    JsonBody(b): JsonBody<RefundBody>,
) -> Result<Response, ApiError> {
    let order = our_payment(&st, &order_id).await?;
    let reason = b.reason.unwrap_or_else(|| "REQUESTED_BY_CUSTOMER".into());
    if !REFUND_REASONS.contains(&reason.as_str()) {
        return Err(ApiError::bad(
            "invalid_request",
            format!("reason must be one of {}", REFUND_REASONS.join(", ")),
        ));
    }
    let reference = reference_or_new(b.reference, "R")?;
    with_order_lock(&st, &order_id.clone(), move |st| async move {
        let balances = st.gateway.query(&order_id).await?.balances;
        let amount = amount_up_to(b.amount, balances.able_to_refund_amount, "refundable")?;
        let mut r = Refund::new(&reference, &order_id, amount, &order.currency);
        r.reason = reason;
        r.notify_url = Some(st.cfg.notify_url());
        st.store
            .record_refund(&reference, None, &order_id, amount, "REQUESTED")
            .await?;
        let done = st.gateway.refund(&r).await?;
        st.store
            .record_refund(
                &reference,
                Some(&done.refund_order_id),
                &order_id,
                done.amount,
                &done.status,
            )
            .await?;
        Ok(json_ok(&refund_answer(&st, &reference).await?))
    })
    .await
}

/// `given`, or by default all of `able`, if it is between 1 and `able` (still `what`).
fn amount_up_to(given: Option<i64>, able: i64, what: &str) -> Result<i64, ApiError> {
    let amount = given.unwrap_or(able);
    if amount < 1 || amount > able {
        return Err(ApiError::bad(
            "invalid_amount",
            format!("amount must be between 1 and the {able} still {what}"),
        ));
    }
    Ok(amount)
}

fn refund_not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "refund_not_found", "no such refund")
}

async fn refund_answer(st: &AppState, reference: &str) -> Result<serde_json::Value, ApiError> {
    let r = st
        .store
        .refund(reference)
        .await?
        .ok_or_else(refund_not_found)?;
    Ok(
        json!({ "reference": r.refund_trans_id, "refund_order_id": r.refund_order_id, "order_id": r.order_id,
        "amount": r.amount, "status": r.status }),
    )
}

/// A refund of ours as the gateway knows it now: `GET /api/server/refunds/{reference}`.
async fn refund_status(
    State(st): State<Shared>,
    Path(reference): Path<String>,
    _: ServerOnly,
) -> Result<Response, ApiError> {
    check_ref("reference", &reference)?;
    let ours = st
        .store
        .refund(&reference)
        .await?
        .ok_or_else(refund_not_found)?;
    let r = st.gateway.refund_query(&reference).await?;
    st.store
        .record_refund(
            &reference,
            Some(&r.refund_order_id),
            &ours.order_id,
            r.amount,
            &r.status,
        )
        .await?;
    Ok(json_ok(&refund_answer(&st, &reference).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CancelBody {
    recurring_agreement_id: String,
    shopper_reference: String,
}

/// Ends a subscription: `POST /api/server/recurring/cancel`
/// `{ "recurring_agreement_id", "shopper_reference" }`.
async fn recurring_cancel(
    State(st): State<Shared>,
    _: ServerOnly,
    JsonBody(b): JsonBody<CancelBody>,
) -> Result<Response, ApiError> {
    check_ref("recurring_agreement_id", &b.recurring_agreement_id)?;
    check_ref("shopper_reference", &b.shopper_reference)?;
    st.gateway
        .recurring_cancel(&b.recurring_agreement_id, &b.shopper_reference)
        .await?;
    Ok(json_ok(
        &json!({ "status": "CANCELED", "recurring_agreement_id": b.recurring_agreement_id }),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChargeBody {
    shopper_reference: String,
    amount: i64,
    currency: String,
    /// The subscription's agreement; default the shopper's active one.
    recurring_agreement_id: Option<String>,
    /// The merchant's id of this charge; the same again never charges twice. Default: new.
    reference: Option<String>,
}

/// Charges a subscriber's stored card without them (`mit: true`): `POST
/// /api/server/recurring/charges` `{ "shopper_reference", "amount", "currency",
/// "recurring_agreement_id"?, "reference"? }`. The card is the shopper's `SUBSCRIPTION` token.
async fn recurring_charge(
    State(st): State<Shared>,
    _: ServerOnly,
    JsonBody(b): JsonBody<ChargeBody>,
) -> Result<Response, ApiError> {
    check_ref("shopper_reference", &b.shopper_reference)?;
    let currency = b.currency.to_ascii_uppercase();
    if paykka_protocol::money::exponent(&currency).is_none()
        || !paykka_protocol::money::amount_ok(b.amount)
    {
        return Err(ApiError::bad(
            "invalid_amount",
            "amount and currency must be a supported amount",
        ));
    }
    let tokens = shopper_tokens(&st, &b.shopper_reference).await?;
    let subscription = tokens.into_iter().find(|t| {
        t.status == "ACTIVATE"
            && t.token_usage == "SUBSCRIPTION"
            && b.recurring_agreement_id
                .as_ref()
                .is_none_or(|a| t.recurring_agreement_id.as_ref() == Some(a))
    });
    let Some(token) = subscription else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "recurring_agreement_not_found",
            "the shopper has no active subscription card (with that agreement)",
        ));
    };
    let reference = reference_or_new(b.reference, "S")?;
    let t = st
        .gateway
        .charge_recurring(&RecurringCharge {
            reference,
            shopper_reference: b.shopper_reference,
            recurring_agreement_id: token.recurring_agreement_id.clone().unwrap_or_default(),
            token: token.token,
            amount: b.amount,
            currency,
            notify_url: Some(st.cfg.notify_url()),
        })
        .await?;
    Ok(json_ok(
        &json!({ "trans_id": t.trans_id, "payment": result_of(t) }),
    ))
}

/// The merchant's own reference, checked, or a new one.
fn reference_or_new(given: Option<String>, prefix: &str) -> Result<String, ApiError> {
    match given {
        Some(r) => {
            check_ref("reference", &r)?;
            Ok(r)
        }
        None => new_reference(prefix).map_err(|_| internal()),
    }
}

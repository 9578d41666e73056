//! After the payment: what a merchant's server asks of PayKKa once a shopper has paid, as
//! library functions on [`Gateway`]. Each is one signed call in the configured API generation;
//! the backend's `/api/server/...` endpoints call these, and a merchant's own server can too.
//!
//! ```no_run
//! # async fn f(gw: &paykka_backend::Gateway) -> Result<(), paykka_backend::OperationError> {
//! use paykka_backend::operations::Refund;
//! gw.capture("GW2056...", 2500, "USD", false).await?; // a first partial capture
//! gw.refund(&Refund::new("R-1001", "GW2056...", 1000, "USD")).await?;
//! # Ok(()) }
//! ```

use crate::gateway::{Gateway, GatewayError};
use paykka_protocol::Operation;
use paykka_protocol::order::Browser;
use paykka_protocol::types::{
    ApiResponse, CaptureRequest, PaymentData, PaymentRequest, RecurringCancelRequest, RefundData,
    RefundQueryRequest, RefundRequest, TransactionData, VoidRequest,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Why an operation did not happen.
#[derive(Debug)]
pub enum OperationError {
    /// The gateway could not be reached or answered something else than an answer.
    Gateway(GatewayError),
    /// The gateway refused: its `ret_code` and `ret_msg`.
    Refused { ret_code: String, ret_msg: String },
}

impl std::fmt::Display for OperationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OperationError::Gateway(e) => e.fmt(f),
            OperationError::Refused { ret_code, ret_msg } => {
                write!(f, "the gateway refused: {ret_code} {ret_msg}")
            }
        }
    }
}

impl std::error::Error for OperationError {}

impl From<GatewayError> for OperationError {
    fn from(e: GatewayError) -> Self {
        OperationError::Gateway(e)
    }
}

/// A refund to ask for: `reference` is the merchant's own id of it (`refund_trans_id`): asking
/// again with the same reference never refunds twice.
#[derive(Debug, Clone)]
pub struct Refund {
    pub reference: String,
    pub order_id: String,
    pub amount: i64,
    pub currency: String,
    /// `DUPLICATE`, `FRAUDULENT`, `REQUESTED_BY_CUSTOMER` (default) or `OTHER`.
    pub reason: String,
    pub notify_url: Option<String>,
}

impl Refund {
    pub fn new(reference: &str, order_id: &str, amount: i64, currency: &str) -> Self {
        Self {
            reference: reference.into(),
            order_id: order_id.into(),
            amount,
            currency: currency.into(),
            reason: "REQUESTED_BY_CUSTOMER".into(),
            notify_url: None,
        }
    }
}

/// A merchant-initiated charge of a stored `SUBSCRIPTION` card: the shopper is not there.
#[derive(Debug, Clone)]
pub struct RecurringCharge {
    /// The merchant's id of this charge (`trans_id`).
    pub reference: String,
    pub shopper_reference: String,
    pub token: String,
    pub recurring_agreement_id: String,
    pub amount: i64,
    pub currency: String,
    pub notify_url: Option<String>,
}

/// Refund reasons PayKKa takes.
pub const REFUND_REASONS: &[&str] = &["DUPLICATE", "FRAUDULENT", "REQUESTED_BY_CUSTOMER", "OTHER"];

impl Gateway {
    async fn operation<B: Serialize, T: DeserializeOwned>(
        &self,
        op: Operation,
        body: &B,
        idempotency_key: Option<&str>,
    ) -> Result<Option<T>, OperationError> {
        let r: ApiResponse<T> = self.call(op, body, idempotency_key).await?;
        if r.is_success() {
            Ok(r.data)
        } else {
            Err(refused(r))
        }
    }

    /// An operation whose success answers data: the data.
    async fn operation_data<B: Serialize, T: DeserializeOwned>(
        &self,
        op: Operation,
        body: &B,
        idempotency_key: Option<&str>,
    ) -> Result<T, OperationError> {
        self.operation(op, body, idempotency_key)
            .await?
            .ok_or_else(no_data)
    }

    /// An operation whose answer says only that it was done.
    async fn operation_done<B: Serialize>(
        &self,
        op: Operation,
        body: &B,
        idempotency_key: Option<&str>,
    ) -> Result<(), OperationError> {
        self.operation::<_, serde_json::Value>(op, body, idempotency_key)
            .await?;
        Ok(())
    }

    /// A payment as the gateway knows it now.
    pub async fn query(&self, order_id: &str) -> Result<TransactionData, OperationError> {
        let body = serde_json::json!({ "order_id": order_id });
        self.operation_data(Operation::Query, &body, None).await
    }

    /// Captures `amount` of an authorised payment. `last`: nothing more will be captured (the
    /// rest of the authorisation is released); otherwise later captures may follow.
    pub async fn capture(
        &self,
        order_id: &str,
        amount: i64,
        currency: &str,
        last: bool,
    ) -> Result<(), OperationError> {
        let body = CaptureRequest {
            order_id: order_id.into(),
            amount,
            currency: currency.into(),
            capture_final: Some(last),
            ..Default::default()
        };
        let key = format!("capture-{order_id}-{amount}-{last}");
        self.operation_done(Operation::Capture, &body, Some(&key))
            .await
    }

    /// Releases what is still authorised and not captured.
    pub async fn void(&self, order_id: &str, reason: &str) -> Result<(), OperationError> {
        let body = VoidRequest {
            order_id: order_id.into(),
            reason: Some(reason.into()),
            ..Default::default()
        };
        let key = format!("void-{order_id}");
        self.operation_done(Operation::Void, &body, Some(&key))
            .await
    }

    /// Refunds (part of) a captured payment.
    pub async fn refund(&self, r: &Refund) -> Result<RefundData, OperationError> {
        let body = RefundRequest {
            refund_trans_id: r.reference.clone(),
            ori_order_id: r.order_id.clone(),
            refund_amount: r.amount,
            currency: r.currency.clone(),
            reason: Some(r.reason.clone()),
            notify_url: r.notify_url.clone(),
            ..Default::default()
        };
        let key = format!("refund-{}", r.reference);
        self.operation_data(Operation::Refund, &body, Some(&key))
            .await
    }

    /// A refund as the gateway knows it now, by the merchant's reference.
    pub async fn refund_query(&self, reference: &str) -> Result<RefundData, OperationError> {
        let body = RefundQueryRequest {
            refund_trans_id: Some(reference.into()),
            ..Default::default()
        };
        self.operation_data(Operation::RefundQuery, &body, None)
            .await
    }

    /// Ends a subscription: the stored card's agreement can charge no more.
    pub async fn recurring_cancel(
        &self,
        recurring_agreement_id: &str,
        shopper_reference: &str,
    ) -> Result<(), OperationError> {
        let body = RecurringCancelRequest {
            recurring_agreement_id: recurring_agreement_id.into(),
            shopper_reference: shopper_reference.into(),
            ..Default::default()
        };
        self.operation_done(Operation::RecurringCancel, &body, None)
            .await
    }

    /// Asks PayKKa to validate an Apple Pay merchant for `domain_name`: the merchant session
    /// object the payment sheet completes its validation with. v3 answers it as a JSON string,
    /// v1.2 in the envelope's `data` (a string or an object).
    pub async fn apple_pay_session(
        &self,
        display_name: &str,
        domain_name: &str,
        validation_url: Option<&str>,
    ) -> Result<serde_json::Value, OperationError> {
        let body = paykka_protocol::types::ApplePaySessionRequest {
            display_name: display_name.into(),
            domain_name: domain_name.into(),
            validation_url: validation_url.map(str::to_string),
            ..Default::default()
        };
        let (status, bytes) = self
            .call_raw(Operation::ApplePaySession, &body, None)
            .await?;
        let bad =
            |m: &str| GatewayError::BadResponse(format!("Apple Pay session, HTTP {status}: {m}"));
        let answer: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|_| bad("not JSON"))?;
        let session = match answer {
            serde_json::Value::String(s) => s,
            serde_json::Value::Object(o) => {
                let r: ApiResponse<serde_json::Value> =
                    serde_json::from_value(serde_json::Value::Object(o))
                        .map_err(|_| bad("no ret_code"))?;
                if !r.is_success() {
                    return Err(refused(r));
                }
                match r.data {
                    Some(serde_json::Value::String(s)) => s,
                    Some(serde_json::Value::Object(mut o)) => {
                        return Ok(o
                            .remove("merchant_session")
                            .unwrap_or(serde_json::Value::Object(o)));
                    }
                    _ => return Err(no_data()),
                }
            }
            _ => return Err(bad("neither a string nor an answer").into()),
        };
        let parsed: serde_json::Value =
            serde_json::from_str(&session).map_err(|_| bad("the session is not JSON"))?;
        if !parsed.is_object() {
            return Err(bad("the session is not an object").into());
        }
        Ok(parsed)
    }

    /// Charges a stored `SUBSCRIPTION` card without the shopper (`mit: true`): a later payment of
    /// a subscription.
    pub async fn charge_recurring(
        &self,
        c: &RecurringCharge,
    ) -> Result<TransactionData, OperationError> {
        let body = PaymentRequest {
            trans_id: Some(c.reference.clone()),
            payment_type: Some("RECURRING".into()),
            authorisation_type: Some("FINAL_AUTH".into()),
            capture_method: Some("AUTOMATIC".into()),
            currency: Some(c.currency.clone()),
            amount: Some(c.amount),
            notify_url: c.notify_url.clone(),
            mit: Some(true),
            recurring_agreement_id: Some(c.recurring_agreement_id.clone()),
            payment: PaymentData {
                payment_method: "BANKCARD".into(),
                shopper_reference: Some(c.shopper_reference.clone()),
                token_usage: Some("SUBSCRIPTION".into()),
                token: Some(c.token.clone()),
                ..Default::default()
            },
            browser: None::<Browser>,
            ..Default::default()
        };
        let key = format!("mit-{}", c.reference);
        self.operation_data(Operation::Payment, &body, Some(&key))
            .await
    }
}

/// The gateway's refusal `r`.
fn refused<T>(r: ApiResponse<T>) -> OperationError {
    OperationError::Refused {
        ret_code: r.ret_code,
        ret_msg: r.ret_msg,
    }
}

fn no_data() -> OperationError {
    OperationError::Gateway(GatewayError::BadResponse("a success without data".into()))
}

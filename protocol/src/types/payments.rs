//! Payments: Initiate Transaction, Query Transaction and the transaction data they answer.

use super::{Browser, de_int};
use serde::{Deserialize, Serialize};
use serde_json::Value;

wire! {
    /// `payment` object of Initiate Transaction: the method and the card (or token, or wallet
    /// data) to pay with. The card comes one of three ways: the four `encrypted_*` envelopes
    /// (from the checkout's secure frames), the clear `card_no` / `exp_*` / `cvv` (signed
    /// server-to-server requests of PCI-certified merchants only), or a stored `token`.
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct PaymentData {
        /// `BANKCARD`, `ApplePay`, `GooglePay`, `WechatPayGlobal`, ... (PayKKa's documents also
        /// spell `BankCard` and `GOOGLE_PAY`: compare case-insensitively).
        pub payment_method: String,
        /// The merchant's id of the shopper, which a stored card belongs to (required to store
        /// one, or to pay with a token).
        pub shopper_reference: Option<String>,
        /// `true` to store the card as a token on success (needs `shopper_reference`).
        pub store_payment_method: Option<bool>,
        /// What a stored card may be used for: `CARD_ON_FILE`, `SUBSCRIPTION` or
        /// `UNSCHEDULED_CARD_ON_FILE`.
        pub token_usage: Option<String>,
        /// A stored card's token (`TK...`), to pay with it instead of card data.
        pub token: Option<String>,
        /// Card number in clear: server-to-server only, for PCI-certified merchants (else
        /// `206017`; the sandbox refuses it on browser-facing routes, `206018`).
        pub card_no: Option<String>,
        /// Expiry year in clear, `YY` or `YYYY`.
        pub exp_year: Option<String>,
        /// Expiry month in clear, `01` to `12`.
        pub exp_month: Option<String>,
        /// Security code in clear (4 digits for Amex, else 3). Left out for a merchant-initiated
        /// token payment.
        pub cvv: Option<String>,
        /// The card number sealed by the secure frame. Our `pkenc.v2` envelope
        /// ([`crate::cardenc`]), our own scheme: PayKKa's own script's format is not public.
        /// Expires (`206021`, `error_code` `2005`) and is good for one payment.
        pub encrypted_card_no: Option<String>,
        /// The expiry year, sealed as `encrypted_card_no` is.
        pub encrypted_exp_year: Option<String>,
        /// The expiry month, sealed as `encrypted_card_no` is.
        pub encrypted_exp_month: Option<String>,
        /// The security code, sealed as `encrypted_card_no` is.
        pub encrypted_cvv: Option<String>,
        /// The cardholder's name as on the card.
        pub holder_name: Option<String>,
        /// The cardholder's email address (the v1.2 seed sends it).
        pub holder_email: Option<String>,
        /// Apple Pay / Google Pay decrypted authentication data (required for those methods;
        /// passed on as given, not checked by the sandbox).
        pub wallet_data: Option<Value>,
    }

    /// Initiate Transaction (v1.2 `/payments`; v3 path not published, ours
    /// `/v3/payment/acq/pay`). With `session_id` (Drop-in / Component flow), amount, currency
    /// and trans_id default to the session's and must match it when given; without it (server
    /// to server) `trans_id`, `amount` and `currency` are required. Answered with
    /// [`TransactionData`].
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct PaymentRequest {
        signed_request_fields;
        /// The merchant's reference of the payment (at most 64 characters); `None`: the
        /// session's.
        pub trans_id: Option<String>,
        /// The checkout session paid in (`CS...`); `None` for a server-to-server payment.
        pub session_id: Option<String>,
        /// `PURCHASE` or `RECURRING`; `None`: the session's, else `PURCHASE`.
        pub payment_type: Option<String>,
        /// `FINAL_AUTH` (the sandbox also takes `PRE_AUTH`); `None`: the session's, else
        /// `FINAL_AUTH`.
        pub authorisation_type: Option<String>,
        /// `AUTOMATIC` or `MANUAL` (authorise now, capture later); `None`: the session's, else
        /// `AUTOMATIC`.
        pub capture_method: Option<String>,
        /// ISO 4217 code of `amount`; `None`: the session's.
        pub currency: Option<String>,
        /// In the currency's minor units, read as a number or a string of digits; `None`: the
        /// session's.
        #[serde(deserialize_with = "super::de_opt_int")]
        pub amount: Option<i64>,
        /// Where PayKKa posts this payment's webhooks; `None`: the session's, if any.
        pub notify_url: Option<String>,
        /// Where the shopper comes back after 3-D Secure or a redirect method.
        pub return_url: Option<String>,
        /// Merchant-initiated: `false` on a first recurring payment, `true` on later ones
        /// (with `recurring_agreement_id` and `payment.token`; no CVV, no challenge).
        pub mit: Option<bool>,
        /// The recurring agreement (`RA...`) a later recurring payment is made under.
        pub recurring_agreement_id: Option<String>,
        /// The method and the card, token or wallet data.
        pub payment: PaymentData,
        /// The shopper's browser, for 3-D Secure; `None` for merchant-initiated payments.
        pub browser: Option<Browser>,
        order_objects;
    }

    /// The card paid with, as transaction data and webhooks report it; never the full number.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct CardInfo {
        /// The card's leading digits (the BIN, six in the sandbox), which name its issuer; empty
        /// when not sent.
        #[serde(default)]
        pub bin: String,
        /// The card's last four digits.
        pub last4: String,
        /// `VISA`, `MASTERCARD`, `AMEX`, `JCB`, `DISCOVER`, `DINERS` or `UNIONPAY`
        /// ([`crate::card::Brand::as_str`]).
        pub card_brand: String,
        /// Expiry month `MM` (sandbox extension, shown for stored cards).
        pub exp_month: Option<String>,
        /// Expiry year `YYYY` (sandbox extension, shown for stored cards).
        pub exp_year: Option<String>,
        /// The cardholder's name as given with the card (sandbox extension).
        pub holder_name: Option<String>,
    }

    /// What a payment's amount has become, every figure in the currency's minor units. Capture
    /// moves `able_to_capture_amount` to `captured_amount` (and `able_to_refund_amount`); void
    /// and refunds move the rest.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Balances {
        /// Authorised by the issuer.
        pub authed_amount: i64,
        /// Captured so far (all of it at once with `capture_method: AUTOMATIC`).
        pub captured_amount: i64,
        /// What Capture may still take (a `MANUAL` authorisation not yet captured).
        pub able_to_capture_amount: i64,
        /// Released by Void.
        pub voided_amount: i64,
        /// What Void may still release (the uncaptured part of an authorisation).
        pub able_to_void_amount: i64,
        /// Refunded so far.
        pub refunded_amount: i64,
        /// What Refund may still return (captured and not yet refunded).
        pub able_to_refund_amount: i64,
    }

    /// The `payment` member of transaction data and webhooks: the method paid with.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct MethodRef {
        /// The method's code (`BANKCARD`, `ApplePay`, ...); empty when not sent.
        #[serde(default)]
        pub payment_method: String,
        /// Whether the card was stored as a token.
        pub store_payment_method: Option<bool>,
    }

    /// Next step for the shopper when a payment answers PROCESSING (our design; see the README).
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Action {
        /// `redirect` (3DS challenge, wallet page) or `qr`.
        #[serde(rename = "type")]
        pub kind: String,
        /// Page to send the shopper to (redirect) or the approval page behind the QR code.
        pub url: String,
        /// `GET` or `POST` (with `data` as form fields).
        pub method: String,
        /// Form fields to post to `url` (method `POST` only).
        pub data: Option<serde_json::Map<String, Value>>,
        /// QR payload to render (type `qr`).
        pub qr_code: Option<String>,
        /// RFC 3339; after it the QR code / challenge is no longer accepted.
        pub expires_at: Option<String>,
    }

    /// Transaction data (Initiate Transaction, Query Transaction, webhooks). A business decline
    /// is a success answer (`ret_code` `000000`) whose `error_code` is not `0000`.
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    pub struct TransactionData {
        /// The merchant's id at PayKKa. A string (one Google Pay example shows a number).
        #[serde(default, deserialize_with = "crate::order::de_text")]
        pub merchant_id: String,
        /// The merchant's reference of the payment.
        pub trans_id: String,
        /// PayKKa's id of the transaction (`GW...`), which capture, void, refund and queries
        /// name.
        pub order_id: String,
        /// The checkout session paid in (`CS...`); `None` for server-to-server payments.
        pub session_id: Option<String>,
        /// `PROCESSING` (waiting for the shopper: see `action` / `authentication_result`),
        /// `SUCCESS`, `AUTHORIZED`, `FAILURE`, `REFUNDED`, `PARTIALLY_REFUNDED`, `CANCELED` or
        /// `PARTIALLY_REVERSED`.
        pub status: String,
        /// `PURCHASE` or `RECURRING`; empty when not sent.
        #[serde(default)]
        pub payment_type: String,
        /// `FINAL_AUTH` (or the sandbox's `PRE_AUTH`); empty when not sent.
        #[serde(default)]
        pub authorisation_type: String,
        /// `AUTOMATIC` or `MANUAL`; empty when not sent.
        #[serde(default)]
        pub capture_method: String,
        /// In the currency's minor units; read as a number or a string of digits.
        #[serde(deserialize_with = "de_int")]
        pub amount: i64,
        /// ISO 4217 code of `amount`.
        pub currency: String,
        /// The merchant's id of the shopper, when a card is stored for them.
        pub shopper_reference: Option<String>,
        /// When an unfinished payment stops being payable (ISO 8601 with an offset).
        pub expire_time: Option<String>,
        /// The method paid with.
        #[serde(default)]
        pub payment: MethodRef,
        /// The card paid with (card payments only).
        pub card_info: Option<CardInfo>,
        /// What may still be captured, voided and refunded; all zero when not sent.
        #[serde(default)]
        pub balances: Balances,
        /// `0000` on success, else the decline's code ([`crate::decline`]); `None` while
        /// PROCESSING.
        pub error_code: Option<String>,
        /// PayKKa's text of `error_code`, for logs (the shopper's message comes from the code).
        pub error_description: Option<String>,
        /// When the payment reached its final status (ISO 8601 with an offset).
        pub pay_finish_time: Option<String>,
        /// Sandbox extension: what the shopper must do while PROCESSING.
        pub action: Option<Action>,
        /// The token (`TK...`) the card was stored as, or paid with.
        pub token: Option<String>,
        /// What the token may be used for (`CARD_ON_FILE`, `SUBSCRIPTION`,
        /// `UNSCHEDULED_CARD_ON_FILE`).
        pub token_usage: Option<String>,
        /// The recurring agreement (`RA...`) a first recurring payment created, or a later one
        /// was made under.
        pub recurring_agreement_id: Option<String>,
        /// 3-D Secure, as PayKKa documents it: `authentication_url` while the shopper must be
        /// sent to their issuer, and the outcome's details once done.
        pub authentication_result: Option<AuthenticationResult>,
    }

    /// `authentication_result` of a card payment (its members beyond the URL are kept as given).
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct AuthenticationResult {
        /// Where to send the shopper for the 3-D Secure challenge (they come back to
        /// `return_url`); `None` once authenticated, or when no challenge is needed.
        pub authentication_url: Option<String>,
        /// Every other member PayKKa sends (ECI, results of the authentication), kept as given.
        #[serde(flatten)]
        pub details: serde_json::Map<String, Value>,
    }

    /// Query Transaction (`/v3/payment/acq/query`, v1.2 `/payments/query`): one of `order_id`,
    /// `trans_id`, `session_id` (empty strings count as absent; a session gives its latest
    /// attempt). Answered with [`TransactionData`]; an unknown one with `206024`.
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct QueryTransactionRequest {
        signed_request_fields;
        /// The merchant's reference of the payment.
        pub trans_id: Option<String>,
        /// PayKKa's id of the transaction (`GW...`).
        pub order_id: Option<String>,
        /// The checkout session (`CS...`); a session nobody paid answers `error_code` `4032`
        /// (v3).
        pub session_id: Option<String>,
    }
}

/// Is `status` final (a webhook is sent when one is reached)? Every status but `PROCESSING`.
pub fn is_final_status(status: &str) -> bool {
    !matches!(status, "PROCESSING")
}

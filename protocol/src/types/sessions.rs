//! Sessions: Create Session, Query Session, the session data they answer, and the Apple Pay
//! merchant session a wallet sheet asks for.

use super::de_int;
use serde::{Deserialize, Serialize};

wire! {
    /// `payment` object of Create Session: whether and how to store the card the shopper pays
    /// with (all members optional; `None` stores nothing).
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct SessionPayment {
        /// `true` to store the card as a token on success (needs `shopper_reference` and
        /// `token_usage`); a first recurring payment must set it.
        pub store_payment_method: Option<bool>,
        /// What a stored card may be used for: `CARD_ON_FILE`, `SUBSCRIPTION` or
        /// `UNSCHEDULED_CARD_ON_FILE`.
        pub token_usage: Option<String>,
        /// The merchant's id of the shopper, which stored cards belong to (PayKKa refuses to
        /// store without it: `210002`).
        pub shopper_reference: Option<String>,
        /// A stored card's token, to pay with it (PayKKa's plugin sends the member, `null`).
        pub token: Option<String>,
        /// PayKKa's plugin sends the member, always `null`; a card number never goes here.
        pub card_no: Option<String>,
    }

    /// Create Session request (v3 `/v3/payment/acq/session`, v1.2 `/payments/sessions`): the
    /// amount and terms of one checkout, answered with [`SessionData`] (`session_id` `CS...` and
    /// the hosted page's `session_url`).
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct CreateSessionRequest {
        signed_request_fields;
        /// The merchant's reference of the payment (at most 64 characters), unique per
        /// merchant: PayKKa answers a `trans_id` sent again with the session it created (the
        /// sandbox refuses it, `206014`).
        pub trans_id: String,
        /// `PURCHASE` (the default) or `RECURRING` (a first recurring payment, which stores the
        /// card with `SUBSCRIPTION` and answers a `recurring_agreement_id`).
        pub payment_type: Option<String>,
        /// `FINAL_AUTH` (the default, and all PayKKa's documents show; the sandbox also takes
        /// `PRE_AUTH`).
        pub authorisation_type: Option<String>,
        /// `AUTOMATIC` (captured at once, the default) or `MANUAL` (authorised only, captured
        /// later with Capture).
        pub capture_method: Option<String>,
        /// When the session stops taking payments: ISO 8601 with an offset (`+08:00` or
        /// `+0800`). `None`: PayKKa's default (the sandbox's: one hour; at most 24 hours).
        pub expire_time: Option<String>,
        /// `HOSTED` (PayKKa's payment page at `session_url`), `DROP_IN` or `COMPONENT` (the
        /// checkout embedded in the merchant's page). v1.0 once used `HOST` / `EMBEDDED`.
        pub session_mode: Option<String>,
        /// Language of the payment page, a BCP 47 tag such as `en` or `zh-HK`; `None`: the
        /// shopper's browser's.
        pub display_locale: Option<String>,
        /// ISO 4217 code, e.g. `EUR`; it sets the minor unit of `amount`.
        pub currency: String,
        /// In the currency's minor units (cents for EUR, yen for JPY, fils for KWD). Read as a
        /// number or a string of digits (`"800"`), sent as a number.
        #[serde(deserialize_with = "de_int")]
        pub amount: i64,
        /// Where the shopper comes back after paying or after 3-D Secure (the return page must
        /// not trust the query string: it asks the merchant's backend, which queries PayKKa).
        pub return_url: Option<String>,
        /// Where PayKKa posts the payment's webhooks; `None`: no webhooks for this session.
        pub notify_url: Option<String>,
        /// Merchant-initiated: `false` on a first recurring payment, `true` on later ones
        /// (which carry `recurring_agreement_id` and a token, and skip the challenge).
        pub mit: Option<bool>,
        /// Card storage for this session; `None` stores nothing.
        pub payment: Option<SessionPayment>,
        /// The methods the session offers, in order (PayKKa's `allowed_payment_methods`, e.g.
        /// `["WechatPayGlobal"]`; default: all the merchant has).
        pub allowed_payment_methods: Option<Vec<String>>,
        /// v3: where the hosted page's Cancel takes the shopper.
        pub cancel_url: Option<String>,
        /// The shop's name as the payment page shows it; `None`: PayKKa's default.
        pub display_merchant_name: Option<String>,
        order_objects;
    }

    /// Query Session request: by `session_id` or by `trans_id` (one of them; empty counts as
    /// absent). Answered with [`SessionData`]. The path is ours in both generations.
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct QuerySessionRequest {
        signed_request_fields;
        /// The merchant's reference the session was created with.
        pub trans_id: Option<String>,
        /// PayKKa's id of the session (`CS...`).
        pub session_id: Option<String>,
    }

    /// A payment method offered by a session (sandbox extension of the session data).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct MethodInfo {
        /// The method's code as PayKKa names it: `BANKCARD`, `ApplePay`, `GooglePay`,
        /// `WechatPayGlobal`, `AlipayPlus`, `iDEAL`, ...
        pub payment_method: String,
        /// `card`, `qr`, `wallet` (Apple Pay / Google Pay sheet) or `redirect`.
        pub flow: String,
        /// For `card`: the card brands accepted, as `card_brand` names them (`VISA`,
        /// `MASTERCARD`, ...); empty (and left out) for other flows.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub brands: Vec<String>,
    }

    /// Session data (Create Session / Query Session). Members PayKKa leaves out read as empty.
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    pub struct SessionData {
        /// The merchant's id at PayKKa (read as text even when sent as a number).
        #[serde(default, deserialize_with = "crate::order::de_text")]
        pub merchant_id: String,
        /// The merchant's reference the session was created with.
        #[serde(default)]
        pub trans_id: String,
        /// PayKKa's id of the session (`CS...`), which the checkout is opened with.
        pub session_id: String,
        /// `HOSTED`, `DROP_IN` or `COMPONENT`, as created.
        #[serde(default)]
        pub session_mode: String,
        /// `PROCESSING` (open), `COMPLETED` (paid) or `EXPIRED`.
        #[serde(default)]
        pub status: String,
        /// ISO 4217 code of `amount`.
        #[serde(default)]
        pub currency: String,
        /// In the currency's minor units; read as a number or a string of digits (PayKKa's
        /// session examples show `"800"`).
        #[serde(default, deserialize_with = "de_int")]
        pub amount: i64,
        /// When the session stops taking payments (ISO 8601 with an offset).
        #[serde(default)]
        pub expire_time: String,
        /// `FINAL_AUTH` (or the sandbox's `PRE_AUTH`).
        #[serde(default)]
        pub authorisation_type: String,
        /// `AUTOMATIC` or `MANUAL`.
        #[serde(default)]
        pub capture_method: String,
        /// `PURCHASE` or `RECURRING`.
        #[serde(default)]
        pub payment_type: String,
        /// PayKKa's hosted payment page of this session (where `HOSTED` sends the shopper).
        #[serde(default)]
        pub session_url: String,
        /// Language of the payment page, as created.
        pub display_locale: Option<String>,
        /// The merchant's id of the shopper, when cards are stored for them.
        pub shopper_reference: Option<String>,
        /// Whether the card paid with is stored as a token.
        pub store_payment_method: Option<bool>,
        /// What a stored card may be used for (`CARD_ON_FILE`, `SUBSCRIPTION`,
        /// `UNSCHEDULED_CARD_ON_FILE`).
        pub token_usage: Option<String>,
        /// Sandbox extension: the methods the session offers, in order (empty and left out
        /// from PayKKa, whose checkout script asks for them itself).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub payment_methods: Vec<MethodInfo>,
        /// Latest transaction of the session (`GW...`); `None` while nobody has paid.
        pub order_id: Option<String>,
    }

    /// Apple Pay merchant session request (`/v3/payment/acq/apple-pay/create-session`): what
    /// the Apple Pay sheet's merchant validation asks for. v3 answers the session as a plain
    /// JSON string, v1.2 as `data`.
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ApplePaySessionRequest {
        signed_request_fields;
        /// The shop's name on the Apple Pay sheet.
        pub display_name: String,
        /// The domain the sheet is shown on (registered with Apple through PayKKa).
        pub domain_name: String,
        /// Apple's validation URL from the sheet's `onvalidatemerchant` event, when the caller
        /// passes it on.
        pub validation_url: Option<String>,
    }
}

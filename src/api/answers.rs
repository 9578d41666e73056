//! What the backend answers, as the SDK reads it: the session, its methods and saved cards, a
//! payment's answer and the action that follows.

use paykka_core::flow::PaymentOutcome;
use paykka_core::{Amount, Brand, CheckoutError, Currency};

use wasm_bindgen::JsValue;

use super::JsonObject;

/// A payment method the session offers, in the gateway's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionMethod {
    /// The gateway's code, e.g. `BANKCARD`, `WechatPayGlobal`.
    pub code: String,
    /// `card`, `qr`, `wallet` or `redirect`.
    pub flow: String,
    /// Card brands accepted (card methods only).
    pub brands: Vec<Brand>,
}

/// A card the shopper saved earlier, as the gateway lists it: enough to recognise, not to use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredCard {
    /// The gateway's token for the card (pays only with this shopper's security code).
    pub token: String,
    /// The card's brand.
    pub brand: Brand,
    /// The last four digits of the number.
    pub last4: String,
    /// Expiry month, 1 to 12.
    pub exp_month: u8,
    /// Expiry year, four digits.
    pub exp_year: u16,
}

/// What the checkout shows for one session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The session's id (`CS...`).
    pub id: String,
    /// What the shopper pays, as the merchant's server priced it.
    pub amount: Amount,
    /// The shopper's language, when the session names one.
    pub display_locale: Option<String>,
    /// The shop's name, shown above the amount.
    pub merchant_name: Option<String>,
    /// The shop's logo, when its configuration names one (an https URL, or http on loopback).
    pub merchant_logo_url: Option<String>,
    /// The merchant's id at the gateway and its country (for the wallets' sheets).
    pub merchant_id: Option<String>,
    /// The merchant's country (ISO 3166 alpha-2).
    pub merchant_country: Option<String>,
    /// The session can no longer be paid: its time is up.
    pub expired: bool,
    /// The session was paid already.
    pub completed: bool,
    /// The methods offered, in the session's order.
    pub methods: Vec<SessionMethod>,
    /// The signed-in shopper's saved cards (none for a guest).
    pub stored_cards: Vec<StoredCard>,
    /// How the card form offers to save the card.
    pub save_card: SaveCardOffer,
    /// Origin of the secure card frames (the payment provider's, never the merchant's).
    pub frames_origin: String,
}

/// Whether, and how, the card form offers to save the card, as the session decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveCardOffer {
    /// No shopper known: nothing to save the card for.
    Unavailable,
    /// A "save this card" box, ticked or not at first.
    Optional {
        /// Whether the box starts ticked.
        preselected: bool,
    },
    /// A subscription: the card will be stored for future charges, and the form says so
    /// before the shopper can pay.
    Required,
}

/// Where the gateway wants the shopper to go next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentAction {
    /// Leave for `url` (3DS challenge, wallet page): GET, or a form POST of `data`.
    Redirect {
        /// Where to.
        url: String,
        /// A form POST rather than a GET.
        post: bool,
        /// The form's fields, for a POST.
        data: Vec<(String, String)>,
    },
    /// Show a QR code for `payload` until `expires_at`.
    Qr {
        /// What the code holds (the gateway's `qr_code`).
        payload: String,
        /// When the code stops working (RFC 3339).
        expires_at: Option<String>,
    },
}

/// The backend's answer to a payment or to a result query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentAnswer {
    /// `SUCCESS`, `AUTHORIZED`, `PROCESSING`, `FAILURE`, `NONE` or `EXPIRED`.
    pub status: String,
    /// The gateway's id of the payment, once there is one.
    pub order_id: Option<String>,
    /// The method paid with, e.g. `BANKCARD`, `WechatPayGlobal`.
    pub payment_method: Option<String>,
    /// What the shopper does next, while the payment is processing.
    pub action: Option<PaymentAction>,
    /// Why it was declined, as the shopper may be told.
    pub decline: Option<CheckoutError>,
    /// The card's brand, for a card payment.
    pub card_brand: Option<Brand>,
    /// The card's last four digits, for a card payment.
    pub card_last4: Option<String>,
}

impl PaymentAnswer {
    /// No payment yet (`NONE`): what a checkout starts from when it did not ask.
    pub fn not_started() -> Self {
        Self {
            status: "NONE".into(),
            order_id: None,
            payment_method: None,
            action: None,
            decline: None,
            card_brand: None,
            card_last4: None,
        }
    }

    /// Authorised only (capture method `MANUAL`): the shop captures later, the shopper has not
    /// paid yet.
    pub fn is_authorization(&self) -> bool {
        self.status == "AUTHORIZED"
    }

    /// The flow's reading of this answer.
    pub fn outcome(&self) -> PaymentOutcome {
        match self.status.as_str() {
            "SUCCESS" | "AUTHORIZED" => PaymentOutcome::Paid,
            "FAILURE" => {
                PaymentOutcome::Declined(self.decline.unwrap_or(CheckoutError::PaymentFailed))
            }
            "EXPIRED" => PaymentOutcome::Declined(CheckoutError::SessionExpired),
            "PROCESSING" if matches!(self.action, Some(PaymentAction::Redirect { .. })) => {
                PaymentOutcome::Redirect
            }
            "PROCESSING" if matches!(self.action, Some(PaymentAction::Qr { .. })) => {
                PaymentOutcome::ShowQr
            }
            "PROCESSING" => PaymentOutcome::Pending,
            "NONE" => PaymentOutcome::NotStarted,
            // CANCELED, REFUNDED...: not a payment the shopper can complete now.
            _ => PaymentOutcome::Declined(CheckoutError::PaymentFailed),
        }
    }

    pub(super) fn from_json(json: &JsonObject) -> Option<Self> {
        let action = json
            .obj("action")
            .and_then(|action| match action.str("type")?.as_str() {
                "redirect" => Some(PaymentAction::Redirect {
                    url: action.str("url")?,
                    post: action
                        .str("method")
                        .is_some_and(|m| m.eq_ignore_ascii_case("POST")),
                    data: action
                        .obj("data")
                        .map(|d| d.string_entries())
                        .unwrap_or_default(),
                }),
                "qr" => Some(PaymentAction::Qr {
                    payload: action.str("qr_code")?,
                    expires_at: action.str("expires_at"),
                }),
                _ => None,
            });
        let card = json.obj("card");
        Some(Self {
            status: json.str("status")?,
            order_id: json.str("order_id"),
            payment_method: json.str("payment_method"),
            action,
            decline: json
                .obj("failure")
                .and_then(|f| f.str("code"))
                .map(|code| CheckoutError::from_decline_code(&code)),
            card_brand: card
                .as_ref()
                .and_then(|c| c.str("brand"))
                .map(|b| brand_from_gateway(&b)),
            card_last4: card.and_then(|c| c.str("last4")),
        })
    }
}

/// The gateway writes brands as `VISA`, `MASTERCARD`, `AMEX`...
pub fn brand_from_gateway(code: &str) -> Brand {
    Brand::from_code(&code.to_ascii_lowercase()).unwrap_or(Brand::Unknown)
}

/// The card fields of a payment: only ciphertexts and display data ever reach this type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EncryptedCard {
    /// The number, sealed for the gateway (`pkenc.v2...`).
    pub encrypted_card_no: String,
    /// The expiry month, sealed.
    pub encrypted_exp_month: String,
    /// The expiry year, sealed.
    pub encrypted_exp_year: String,
    /// The security code, sealed.
    pub encrypted_cvv: String,
    /// The name on the card, when the form asks for it.
    pub holder_name: Option<String>,
}

pub(super) fn parse_session(json: &JsonObject) -> Option<Session> {
    let currency = Currency::parse(&json.str("currency")?).ok()?;
    let minor = json.num("amount")?;
    if !(0.0..=9.007_199_254_740_991e15).contains(&minor) || minor.fract() != 0.0 {
        return None;
    }
    let amount = Amount::new(minor as i64, currency).ok()?;
    let status = json.str("status").unwrap_or_default();
    let methods = json
        .array("payment_methods")
        .into_iter()
        .filter_map(JsonObject::from_value)
        .filter_map(|m| {
            Some(SessionMethod {
                code: m.str("payment_method")?,
                flow: m.str("flow").unwrap_or_default(),
                brands: m
                    .array("brands")
                    .iter()
                    .filter_map(JsValue::as_string)
                    .map(|b| brand_from_gateway(&b))
                    .filter(|b| *b != Brand::Unknown)
                    .collect(),
            })
        })
        .collect();
    let stored_cards = json
        .array("saved_cards")
        .into_iter()
        .filter_map(JsonObject::from_value)
        .filter_map(|c| {
            Some(StoredCard {
                token: c.str("token")?,
                brand: brand_from_gateway(&c.str("brand")?),
                last4: c.str("last4")?,
                exp_month: c.str("exp_month")?.parse().ok()?,
                exp_year: c.str("exp_year")?.parse().ok()?,
            })
        })
        .collect();
    Some(Session {
        id: json.str("session_id")?,
        amount,
        display_locale: json.str("display_locale"),
        merchant_name: json.str("merchant_name"),
        merchant_logo_url: json.str("merchant_logo_url").filter(|url| {
            let loopback =
                url.starts_with("http://127.0.0.1") || url.starts_with("http://localhost");
            (url.starts_with("https://") || loopback) && !url.chars().any(char::is_whitespace)
        }),
        merchant_id: json.str("merchant_id"),
        merchant_country: json.str("merchant_country"),
        expired: status == "EXPIRED",
        completed: status == "COMPLETED",
        methods,
        stored_cards,
        save_card: if json.str("payment_type").as_deref() == Some("RECURRING") {
            SaveCardOffer::Required
        } else if json.bool("can_store_payment_method") == Some(true) {
            SaveCardOffer::Optional {
                preselected: json.bool("store_payment_method") == Some(true),
            }
        } else {
            SaveCardOffer::Unavailable
        },
        frames_origin: json.str("gateway_origin")?,
    })
}

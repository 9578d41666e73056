//! Checkout sessions. Two doors, one room:
//! - `POST /api/sessions`, the browser's (here): it names a cart; the price, currency, capture
//!   method, payment type and methods come from the catalogue, the shopper from the login. A
//!   browser's money field or shopper reference is refused, never ignored.
//! - `POST /api/server/sessions`, the merchant's own server's (and the tests'): any terms,
//!   behind the server secret (`server_sessions`).
//!
//! Both check their terms with the same functions and open the session with [`open_session`].
//! And `GET /api/sessions/{session_id}`: the session as the checkout shows it.

use super::error::{ApiError, internal};
use super::guard::{allowed_return_url, client_ip, limit, our_order, session_shopper};
use super::reply::json_ok;
use super::request::{Body, parse, read_body};
use super::saved_cards::saved_cards;
use super::upstream::{gw_call, gw_data};
use crate::accounts::{account_details, signed_in_shopper};
use crate::catalogue::{CartError, CartLine, PricedCart};
use crate::limits::Counted;
use crate::state::{AppState, Shared};
use crate::store::Order;
use crate::support::new_reference;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use paykka_protocol::order::{Address, Customer, Goods};
use paykka_protocol::types::{CreateSessionRequest, MethodInfo, SessionData, SessionPayment};
use paykka_protocol::{Operation, card, money};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::net::SocketAddr;

/// What a browser may say when it asks for a checkout.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct BrowserSessionBody {
    /// The products and quantities: `[{ "sku": "...", "quantity": 1 }]`.
    cart: Option<Vec<CartLine>>,
    /// drop_in (default), component, hosted.
    mode: Option<String>,
    display_locale: Option<String>,
    return_url: Option<String>,
    /// Where the order ships (the shopper's own entry on the shop's address step). Needed for
    /// physical goods unless the signed-in account has an address on file.
    shipping: Option<Address>,
    /// The billing address, if the shop asked for one.
    bill: Option<Address>,
}

/// The fields that set money terms or the shopper: the server decides them, so a browser that
/// sends one is told so (rather than having it silently ignored).
const SERVER_DECIDES: &[&str] = &[
    "amount",
    "currency",
    "capture_method",
    "payment_type",
    "payment_methods",
    "goods",
    "allowed_payment_methods",
    "customer",
    "shopper_reference",
    "store_payment_method",
    "token_usage",
    "expires_in_seconds",
];

#[derive(Serialize)]
struct SessionCreated {
    session_id: String,
    trans_id: String,
    session_mode: String,
    status: String,
    amount: i64,
    currency: String,
    expire_time: String,
    session_url: String,
}

/// Everything a session is created with, decided on the server.
pub(super) struct SessionTerms {
    pub(super) priced: PricedCart,
    pub(super) mode: &'static str,
    pub(super) shopper: Option<String>,
    pub(super) store: bool,
    pub(super) token_usage: Option<String>,
    pub(super) return_url: String,
    pub(super) display_locale: Option<String>,
    pub(super) expire_time: Option<String>,
    pub(super) cancel_url: Option<String>,
    pub(super) shipping: Option<Address>,
    pub(super) bill: Option<Address>,
    pub(super) customer: Option<Customer>,
}

/// Checks a shopper-entered address: short printable fields, a two-letter country.
fn check_address(name: &str, a: &Address) -> Result<(), ApiError> {
    let fields = [
        &a.billing_address_collection,
        &a.first_name,
        &a.middle_name,
        &a.last_name,
        &a.address_line1,
        &a.address_line2,
        &a.country,
        &a.state,
        &a.city,
        &a.postal_code,
        &a.email,
        &a.area_code,
        &a.phone_number,
        &a.descriptor,
    ];
    let bad = fields.iter().filter_map(|f| f.as_deref()).any(|v| {
        v.chars().count() > 200
            || v.chars().any(char::is_control)
            || paykka_protocol::card::looks_like_pan(v)
    });
    let country_bad = a
        .country
        .as_deref()
        .is_some_and(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()));
    if bad || country_bad {
        return Err(ApiError::bad(
            "invalid_request",
            format!(
                "{name}: each field is at most 200 printable characters, country an ISO 3166-1 code like GB"
            ),
        ));
    }
    Ok(())
}

/// Physical goods need somewhere to go: PayKKa refuses them without a shipping address
/// (`210003`), so the backend asks first, before anything reaches the gateway.
pub(super) fn require_shipping(physical: bool, shipping: &Option<Address>) -> Result<(), ApiError> {
    if physical && !shipping.as_ref().is_some_and(Address::is_deliverable) {
        return Err(ApiError::bad(
            "shipping_required",
            "this order ships: send the shipping address, {\"shipping\": {\"first_name\", \"last_name\", \"address_line1\", \"city\", \"postal_code\", \"country\"}}",
        ));
    }
    Ok(())
}

/// Both addresses a session may carry, each checked if given.
pub(super) fn check_addresses(
    shipping: &Option<Address>,
    bill: &Option<Address>,
) -> Result<(), ApiError> {
    for (name, a) in [("shipping", shipping), ("bill", bill)] {
        if let Some(a) = a {
            check_address(name, a)?;
        }
    }
    Ok(())
}

pub(super) async fn browser_create_session(
    State(st): State<Shared>,
    addr: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    limit(&st, Counted::SessionPerIp, &client_ip(&addr)).await?;
    let bytes = read_body(body)?;
    let raw: Value = parse(&bytes)?;
    if let Some(field) = SERVER_DECIDES.iter().find(|f| raw.get(**f).is_some()) {
        return Err(ApiError::bad(
            "server_decides",
            format!(
                "`{field}` is decided by the shop's server, not the browser: send the cart as {{\"cart\": [{{\"sku\": \"...\", \"quantity\": 1}}]}}"
            ),
        ));
    }
    let b: BrowserSessionBody = parse(&bytes)?;
    let cart = b.cart.ok_or_else(|| {
        ApiError::bad(
            "invalid_cart",
            "cart is required: [{\"sku\": \"...\", \"quantity\": 1}]",
        )
    })?;
    let priced = price(&st, &cart)?;
    // Only a signed-in shopper has saved cards or may save one; a subscription needs one.
    let shopper = signed_in_shopper(&st, &headers).await;
    let recurring = priced.payment_type == "RECURRING";
    if recurring && shopper.is_none() {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "sign_in_required",
            "sign in to subscribe: a subscription keeps the card on the shopper's account",
        ));
    }
    let token_usage = match (&shopper, recurring) {
        (Some(_), true) => Some("SUBSCRIPTION".to_string()),
        (Some(_), false) => Some("CARD_ON_FILE".to_string()),
        (None, _) => None,
    };
    check_addresses(&b.shipping, &b.bill)?;
    // Who the shopper is comes from the login; where it ships, from the shopper's entry or
    // the account's address on file.
    let account = shopper.as_deref().and_then(account_details);
    let mut customer = account.as_ref().map(|(c, _)| c.clone()).unwrap_or_default();
    customer.order_ip = Some(client_ip(&addr));
    let shipping = b.shipping.or_else(|| account.map(|(_, a)| a));
    require_shipping(priced.physical, &shipping)?;
    let terms = SessionTerms {
        priced,
        mode: mode(b.mode.as_deref())?,
        store: recurring,
        shopper,
        token_usage,
        return_url: return_url(&st, b.return_url.as_deref())?,
        display_locale: display_locale(b.display_locale)?,
        expire_time: None,
        cancel_url: None,
        shipping,
        bill: b.bill,
        customer: Some(customer),
    };
    open_session(&st, terms).await
}

pub(super) fn price(st: &AppState, cart: &[CartLine]) -> Result<PricedCart, ApiError> {
    st.cfg
        .catalogue
        .price(cart)
        .map_err(|e: CartError| ApiError::bad("invalid_cart", e.to_string()))
}

pub(super) fn mode(m: Option<&str>) -> Result<&'static str, ApiError> {
    match m
        .map(|m| m.to_ascii_lowercase().replace('-', "_"))
        .as_deref()
    {
        None | Some("drop_in" | "dropin") => Ok("DROP_IN"),
        Some("component" | "components") => Ok("COMPONENT"),
        Some("hosted") => Ok("HOSTED"),
        Some(_) => Err(ApiError::bad(
            "invalid_request",
            "mode must be drop_in, component or hosted",
        )),
    }
}

pub(super) fn display_locale(l: Option<String>) -> Result<Option<String>, ApiError> {
    if let Some(l) = &l
        && (l.is_empty()
            || l.len() > 35
            || !l.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'))
    {
        return Err(ApiError::bad(
            "invalid_request",
            "display_locale must be a BCP 47 tag like fr-FR",
        ));
    }
    Ok(l)
}

/// The session's return URL: the configured one, or one the request gives on an allowed origin.
pub(super) fn return_url(st: &AppState, given: Option<&str>) -> Result<String, ApiError> {
    match given {
        None => Ok(st.cfg.return_url.clone()),
        Some(u) => allowed_return_url(st, u).ok_or_else(|| {
            ApiError::bad("invalid_request", "return_url must be on an allowed origin")
        }),
    }
}

/// Opens the session at the gateway and records it as our order: where both doors meet.
pub(super) async fn open_session(st: &AppState, t: SessionTerms) -> Result<Response, ApiError> {
    let trans_id = new_reference("M").map_err(|_| internal())?;
    let p = &t.priced;
    let goods: Vec<Goods> = p
        .goods
        .iter()
        .map(|(id, name, price, quantity)| Goods {
            id: Some(id.clone()),
            name: Some(name.clone()),
            price: Some(*price),
            quantity: Some(*quantity as i64),
            ..Default::default()
        })
        .collect();
    let req = CreateSessionRequest {
        merchant_id: String::new(),
        timestamp: None,
        trans_id: trans_id.clone(),
        payment_type: Some(p.payment_type.into()),
        authorisation_type: Some("FINAL_AUTH".into()),
        capture_method: Some(p.capture_method.clone()),
        expire_time: t.expire_time,
        session_mode: Some(t.mode.into()),
        display_locale: t.display_locale,
        currency: p.currency.clone(),
        amount: p.amount,
        return_url: Some(t.return_url),
        notify_url: Some(st.cfg.notify_url()),
        mit: None,
        payment: t.shopper.as_ref().map(|s| SessionPayment {
            store_payment_method: Some(t.store),
            token_usage: t.token_usage.clone(),
            shopper_reference: Some(s.clone()),
            ..Default::default()
        }),
        allowed_payment_methods: Some(p.payment_methods.clone()),
        cancel_url: t.cancel_url,
        display_merchant_name: Some(st.cfg.merchant_name.clone()),
        goods: Some(goods),
        bill: t.bill,
        shipping: t.shipping,
        customer: t.customer,
        authentication: None,
    };
    let s: SessionData = gw_data(gw_call(st, Operation::CreateSession, &req, None).await?)?;
    st.store
        .insert_order(&Order {
            session_id: s.session_id.clone(),
            trans_id: trans_id.clone(),
            amount: p.amount,
            currency: p.currency.clone(),
            shopper_reference: t.shopper,
            token_usage: t.token_usage,
            status: "CREATED".into(),
            order_id: None,
        })
        .await?;
    Ok(json_ok(&SessionCreated {
        session_id: s.session_id,
        trans_id,
        session_mode: s.session_mode,
        status: s.status,
        amount: s.amount,
        currency: s.currency,
        expire_time: s.expire_time,
        session_url: s.session_url,
    }))
}

// Google Pay is left out unless a merchant lists it: checking whether a browser can pay with
// it downloads Google's payment manifest, a request to google.com on every checkout load.
const DEFAULT_METHODS: &[&str] = &["BANKCARD", "ApplePay", "WechatPayGlobal", "AlipayPlus"];

/// The session as the checkout shows it: its amount, the methods offered, and the saved
/// cards of its shopper when that shopper is the one signed in.
pub(super) async fn get_session(
    State(st): State<Shared>,
    Path(session_id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let order = our_order(&st, &session_id).await?;
    let shopper = session_shopper(&st, &order, &headers).await;
    let s: SessionData = gw_data(
        gw_call(
            &st,
            Operation::QuerySession,
            &json!({ "session_id": session_id }),
            None,
        )
        .await?,
    )?;
    let cards = match &shopper {
        Some(r) if s.status == "PROCESSING" => saved_cards(&st, r).await?,
        _ => vec![],
    };
    let methods: Vec<MethodInfo> = if s.payment_methods.is_empty() {
        default_methods()
    } else {
        s.payment_methods.clone()
    };
    let frames = st.cfg.frames_origin();
    Ok(json_ok(&json!({
        "session_id": s.session_id,
        "status": s.status,
        "amount": s.amount,
        "currency": s.currency,
        "currency_exponent": money::exponent(&s.currency),
        // None when the merchant named none: the checkout then follows the shopper's browser.
        "display_locale": s.display_locale,
        "expire_time": s.expire_time,
        "session_mode": s.session_mode,
        "merchant_name": st.cfg.merchant_name,
        "merchant_logo_url": st.cfg.merchant_logo_url,
        "merchant_id": st.gateway.merchant_id(),
        "merchant_country": st.cfg.merchant_country,
        "payment_methods": methods,
        "saved_cards": cards,
        "store_payment_method": s.store_payment_method.unwrap_or(false),
        "can_store_payment_method": shopper.is_some(),
        "payment_type": if s.payment_type.is_empty() { "PURCHASE" } else { s.payment_type.as_str() },
        "token_usage": s.token_usage,
        "order_id": s.order_id,
        "gateway_origin": frames,
        "card_key_url": format!("{frames}/card-key"),
    })))
}

/// [`DEFAULT_METHODS`] as the checkout reads them, for a gateway that names none.
fn default_methods() -> Vec<MethodInfo> {
    DEFAULT_METHODS
        .iter()
        .map(|m| MethodInfo {
            payment_method: m.to_string(),
            flow: match *m {
                "BANKCARD" => "card",
                "ApplePay" | "GooglePay" => "wallet",
                _ => "qr",
            }
            .into(),
            brands: if *m == "BANKCARD" {
                card::Brand::ALL
                    .iter()
                    .map(|b| b.as_str().to_string())
                    .collect()
            } else {
                vec![]
            },
        })
        .collect()
}

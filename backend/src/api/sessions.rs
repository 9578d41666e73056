//! Creating checkout sessions. Two doors, one room:
//! - `POST /api/sessions`, the browser's: it names a cart; the price, currency, capture method,
//!   payment type and methods come from the catalogue, the shopper from the login. A browser's
//!   money field or shopper reference is refused, never ignored.
//! - `POST /api/server/sessions`, the merchant's own server's (and the tests'): any terms,
//!   behind the server secret.

use super::{ApiError, Body, check_ref, gw_call, gw_data, json_ok, parse, read_body};
use crate::accounts::signed_in_shopper;
use crate::catalogue::{CartError, CartLine, PricedCart};
use crate::limits::Counted;
use crate::store::Order;
use crate::{AppState, Shared};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use paykka_protocol::Operation;
use paykka_protocol::money;
use paykka_protocol::order::{Address, Customer, Goods};
use paykka_protocol::time::now_ms;
use paykka_protocol::types::{CreateSessionRequest, SessionData, SessionPayment};
use serde::{Deserialize, Serialize};
use serde_json::Value;
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

/// What the merchant's server may say: any terms (it is the source of truth for them).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct CreateSessionBody {
    /// A cart priced by the catalogue, or `amount` and `currency` given outright.
    cart: Option<Vec<CartLine>>,
    amount: Option<i64>,
    currency: Option<String>,
    /// drop_in (default), component, hosted.
    mode: Option<String>,
    shopper_reference: Option<String>,
    store_payment_method: Option<bool>,
    /// PURCHASE (default) or RECURRING.
    payment_type: Option<String>,
    token_usage: Option<String>,
    display_locale: Option<String>,
    return_url: Option<String>,
    capture_method: Option<String>,
    /// The methods offered, in order (PayKKa's `allowed_payment_methods`).
    #[serde(alias = "allowed_payment_methods")]
    payment_methods: Option<Vec<String>>,
    /// Session lifetime, 1 s to 24 h (default: the gateway's).
    expires_in_seconds: Option<i64>,
    /// Hosted mode: where the hosted page's Cancel goes (an allowed origin).
    cancel_url: Option<String>,
    /// The order's lines, with `amount` (a cart brings its own).
    goods: Option<Vec<Goods>>,
    shipping: Option<Address>,
    bill: Option<Address>,
    customer: Option<Customer>,
    /// The order ships: a shipping address is required (a cart knows from its products).
    physical: Option<bool>,
}

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
struct SessionTerms {
    priced: PricedCart,
    mode: &'static str,
    shopper: Option<String>,
    store: bool,
    token_usage: Option<String>,
    return_url: String,
    display_locale: Option<String>,
    expire_time: Option<String>,
    cancel_url: Option<String>,
    shipping: Option<Address>,
    bill: Option<Address>,
    customer: Option<Customer>,
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
fn require_shipping(physical: bool, shipping: &Option<Address>) -> Result<(), ApiError> {
    if physical && !shipping.as_ref().is_some_and(Address::is_deliverable) {
        return Err(ApiError::bad(
            "shipping_required",
            "this order ships: send the shipping address, {\"shipping\": {\"first_name\", \"last_name\", \"address_line1\", \"city\", \"postal_code\", \"country\"}}",
        ));
    }
    Ok(())
}

/// A client's address, for the per-address limits.
pub(super) fn client_ip(addr: &ConnectInfo<SocketAddr>) -> String {
    addr.0.ip().to_string()
}

/// A 429 with the seconds to wait.
pub(super) fn too_many(retry_after: u64) -> ApiError {
    ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
        format!("too many requests; try again in {retry_after} s"),
    )
    .retry_after(retry_after)
}

/// Counts one request of `what` by `key` against its per-minute limit: a 429 past it.
pub(super) fn limit(st: &AppState, what: Counted, key: &str) -> Result<(), ApiError> {
    st.limits
        .hit(what, key, st.cfg.limits.per_minute(what), now_ms())
        .map_err(too_many)
}

pub(super) async fn browser_create_session(
    State(st): State<Shared>,
    addr: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    limit(&st, Counted::SessionPerIp, &client_ip(&addr))?;
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
    let shopper = signed_in_shopper(&st, &headers);
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
    for (name, a) in [("shipping", &b.shipping), ("bill", &b.bill)] {
        if let Some(a) = a {
            check_address(name, a)?;
        }
    }
    // Who the shopper is comes from the login; where it ships, from the shopper's entry or
    // the account's address on file.
    let account = shopper
        .as_deref()
        .and_then(crate::accounts::account_details);
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

pub(super) async fn server_create_session(
    State(st): State<Shared>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    super::server_only(&st, &headers)?;
    let b: CreateSessionBody = parse(&read_body(body)?)?;
    let given_goods = b.goods;
    let mut priced = match (b.cart, b.amount, b.currency) {
        (Some(cart), None, None) => price(&st, &cart)?,
        (None, Some(amount), Some(currency)) => {
            let currency = currency.to_ascii_uppercase();
            if money::exponent(&currency).is_none() {
                return Err(ApiError::bad(
                    "unsupported_currency",
                    format!("currency {} is not supported", crate::quote(&currency)),
                ));
            }
            if !money::amount_ok(amount) {
                return Err(ApiError::bad(
                    "invalid_amount",
                    format!(
                        "amount must be between 1 and {} minor units",
                        money::MAX_AMOUNT_MINOR
                    ),
                ));
            }
            PricedCart {
                amount,
                currency,
                payment_type: "PURCHASE",
                capture_method: st.cfg.catalogue.capture_method.clone(),
                payment_methods: st.cfg.catalogue.payment_methods.clone(),
                goods: vec![("order".into(), st.cfg.merchant_name.clone(), amount, 1)],
                physical: false,
            }
        }
        _ => {
            return Err(ApiError::bad(
                "invalid_request",
                "give either cart, or amount and currency",
            ));
        }
    };
    match b.payment_type.as_deref() {
        None => {}
        Some("PURCHASE") => priced.payment_type = "PURCHASE",
        Some("RECURRING") => priced.payment_type = "RECURRING",
        Some(_) => {
            return Err(ApiError::bad(
                "invalid_request",
                "payment_type must be PURCHASE or RECURRING",
            ));
        }
    }
    match b.capture_method.as_deref() {
        None => {}
        Some(m @ ("AUTOMATIC" | "MANUAL")) => priced.capture_method = m.into(),
        Some(_) => {
            return Err(ApiError::bad(
                "invalid_request",
                "capture_method must be AUTOMATIC or MANUAL",
            ));
        }
    }
    if let Some(methods) = b.payment_methods {
        priced.payment_methods = methods;
    }
    let shopper = b.shopper_reference;
    if let Some(s) = &shopper {
        check_ref("shopper_reference", s)?;
    }
    let recurring = priced.payment_type == "RECURRING";
    let store = b.store_payment_method.unwrap_or(false) || recurring;
    let token_usage = match b.token_usage {
        Some(u)
            if ["CARD_ON_FILE", "SUBSCRIPTION", "UNSCHEDULED_CARD_ON_FILE"]
                .contains(&u.as_str()) =>
        {
            Some(u)
        }
        Some(_) => {
            return Err(ApiError::bad(
                "invalid_request",
                "token_usage must be CARD_ON_FILE, SUBSCRIPTION or UNSCHEDULED_CARD_ON_FILE",
            ));
        }
        None if recurring => Some("SUBSCRIPTION".to_string()),
        None if shopper.is_some() => Some("CARD_ON_FILE".to_string()),
        None => None,
    };
    if store && shopper.is_none() {
        return Err(ApiError::bad(
            "invalid_request",
            "store_payment_method needs a shopper_reference",
        ));
    }
    let expire_time = match b.expires_in_seconds {
        None => None,
        // Rounded up to the next whole second: the gateway's timestamps have seconds precision.
        Some(s) if (1..=86_400).contains(&s) => Some(paykka_protocol::time::format_rfc3339(
            (now_ms() + s * 1000 + 999) / 1000 * 1000,
        )),
        Some(_) => {
            return Err(ApiError::bad(
                "invalid_request",
                "expires_in_seconds must be between 1 and 86400",
            ));
        }
    };
    for (name, a) in [("shipping", &b.shipping), ("bill", &b.bill)] {
        if let Some(a) = a {
            check_address(name, a)?;
        }
    }
    priced.physical |= b.physical.unwrap_or(false);
    require_shipping(priced.physical, &b.shipping)?;
    let cancel_url = match b.cancel_url.as_deref() {
        None => None,
        Some(u) => Some(return_url(&st, Some(u))?),
    };
    let mut terms = SessionTerms {
        priced,
        mode: mode(b.mode.as_deref())?,
        shopper,
        store,
        token_usage,
        return_url: return_url(&st, b.return_url.as_deref())?,
        display_locale: display_locale(b.display_locale)?,
        expire_time,
        cancel_url,
        shipping: b.shipping,
        bill: b.bill,
        customer: b.customer,
    };
    if let Some(goods) = given_goods {
        if terms.priced.goods.len() != 1 || terms.priced.goods[0].0 != "order" {
            return Err(ApiError::bad(
                "invalid_request",
                "goods go with amount, not with a cart",
            ));
        }
        terms.priced.goods = goods
            .into_iter()
            .map(|g| {
                (
                    g.id.unwrap_or_default(),
                    g.name.unwrap_or_default(),
                    g.price.unwrap_or(0),
                    g.quantity.unwrap_or(1).max(0) as u64,
                )
            })
            .collect();
    }
    open_session(&st, terms).await
}

fn price(st: &AppState, cart: &[CartLine]) -> Result<PricedCart, ApiError> {
    st.cfg
        .catalogue
        .price(cart)
        .map_err(|e: CartError| ApiError::bad("invalid_cart", e.to_string()))
}

fn mode(m: Option<&str>) -> Result<&'static str, ApiError> {
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

fn display_locale(l: Option<String>) -> Result<Option<String>, ApiError> {
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
fn return_url(st: &AppState, given: Option<&str>) -> Result<String, ApiError> {
    match given {
        None => Ok(st.cfg.return_url.clone()),
        Some(u) => super::allowed_return_url(st, u).ok_or_else(|| {
            ApiError::bad("invalid_request", "return_url must be on an allowed origin")
        }),
    }
}

async fn open_session(st: &AppState, t: SessionTerms) -> Result<Response, ApiError> {
    // Time and 12 random digits. With 4, two sessions created in the same millisecond shared
    // a trans_id once in 10^4 and the second got 409 duplicate_order (the load test met it
    // at ~110 sessions/s).
    let random = crate::random_bytes::<8>().map_err(|_| super::internal())?;
    let trans_id = format!(
        "M{}{:012}",
        now_ms(),
        u64::from_le_bytes(random) % 1_000_000_000_000
    );
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
    st.store.insert_order(&Order {
        session_id: s.session_id.clone(),
        trans_id: trans_id.clone(),
        amount: p.amount,
        currency: p.currency.clone(),
        shopper_reference: t.shopper,
        token_usage: t.token_usage,
        status: "CREATED".into(),
        order_id: None,
    })?;
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

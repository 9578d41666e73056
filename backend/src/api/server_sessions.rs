//! `POST /api/server/sessions`: the merchant's own server's door to checkout sessions (and the
//! tests'), behind the server secret. It may set any terms, since it is their source of truth;
//! they are checked as the browser's are (see `sessions`) and the session opened the same way.

use super::error::ApiError;
use super::guard::ServerOnly;
use super::request::{JsonBody, check_ref};
use super::sessions::{
    SessionTerms, check_addresses, display_locale, mode, open_session, price, require_shipping,
    return_url,
};
use crate::catalogue::{CartLine, PricedCart};
use crate::state::{AppState, Shared};
use crate::support::quote;
use axum::extract::State;
use axum::response::Response;
use paykka_protocol::money;
use paykka_protocol::order::{Address, Customer, Goods};
use paykka_protocol::time::{format_rfc3339, now_ms};
use serde::Deserialize;

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

pub(super) async fn server_create_session(
    State(st): State<Shared>,
    _: ServerOnly,
    JsonBody(b): JsonBody<CreateSessionBody>,
) -> Result<Response, ApiError> {
    let mut priced = server_price(&st, b.cart, b.amount, b.currency)?;
    override_terms(
        &mut priced,
        b.payment_type.as_deref(),
        b.capture_method.as_deref(),
        b.payment_methods,
    )?;
    let shopper = b.shopper_reference;
    if let Some(s) = &shopper {
        check_ref("shopper_reference", s)?;
    }
    let recurring = priced.payment_type == "RECURRING";
    let store = b.store_payment_method.unwrap_or(false) || recurring;
    let token_usage = token_usage(b.token_usage, recurring, shopper.is_some())?;
    if store && shopper.is_none() {
        return Err(ApiError::bad(
            "invalid_request",
            "store_payment_method needs a shopper_reference",
        ));
    }
    let expire_time = expire_time(b.expires_in_seconds)?;
    check_addresses(&b.shipping, &b.bill)?;
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
    if let Some(goods) = b.goods {
        terms.priced.goods = given_goods(&terms.priced, goods)?;
    }
    open_session(&st, terms).await
}

/// The money terms: a cart priced by the catalogue, or an amount and currency given outright
/// (with the catalogue's capture method and methods, and one line for the whole order).
fn server_price(
    st: &AppState,
    cart: Option<Vec<CartLine>>,
    amount: Option<i64>,
    currency: Option<String>,
) -> Result<PricedCart, ApiError> {
    match (cart, amount, currency) {
        (Some(cart), None, None) => price(st, &cart),
        (None, Some(amount), Some(currency)) => {
            let currency = currency.to_ascii_uppercase();
            if money::exponent(&currency).is_none() {
                return Err(ApiError::bad(
                    "unsupported_currency",
                    format!("currency {} is not supported", quote(&currency)),
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
            Ok(PricedCart {
                amount,
                currency,
                payment_type: "PURCHASE",
                capture_method: st.cfg.catalogue.capture_method.clone(),
                payment_methods: st.cfg.catalogue.payment_methods.clone(),
                goods: vec![("order".into(), st.cfg.merchant_name.clone(), amount, 1)],
                physical: false,
            })
        }
        _ => Err(ApiError::bad(
            "invalid_request",
            "give either cart, or amount and currency",
        )),
    }
}

/// The payment type, capture method and methods the server asks for instead of the priced ones.
fn override_terms(
    priced: &mut PricedCart,
    payment_type: Option<&str>,
    capture_method: Option<&str>,
    methods: Option<Vec<String>>,
) -> Result<(), ApiError> {
    match payment_type {
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
    match capture_method {
        None => {}
        Some(m @ ("AUTOMATIC" | "MANUAL")) => priced.capture_method = m.into(),
        Some(_) => {
            return Err(ApiError::bad(
                "invalid_request",
                "capture_method must be AUTOMATIC or MANUAL",
            ));
        }
    }
    if let Some(methods) = methods {
        priced.payment_methods = methods;
    }
    Ok(())
}

/// How a card saved in this session may be used again: as given, else a subscription's for a
/// recurring session, else card-on-file when there is a shopper to keep it for.
fn token_usage(
    given: Option<String>,
    recurring: bool,
    has_shopper: bool,
) -> Result<Option<String>, ApiError> {
    match given {
        Some(u)
            if ["CARD_ON_FILE", "SUBSCRIPTION", "UNSCHEDULED_CARD_ON_FILE"]
                .contains(&u.as_str()) =>
        {
            Ok(Some(u))
        }
        Some(_) => Err(ApiError::bad(
            "invalid_request",
            "token_usage must be CARD_ON_FILE, SUBSCRIPTION or UNSCHEDULED_CARD_ON_FILE",
        )),
        None if recurring => Ok(Some("SUBSCRIPTION".to_string())),
        None if has_shopper => Ok(Some("CARD_ON_FILE".to_string())),
        None => Ok(None),
    }
}

/// The session's end, `expires_in_seconds` from now; `None` leaves it to the gateway.
fn expire_time(expires_in_seconds: Option<i64>) -> Result<Option<String>, ApiError> {
    match expires_in_seconds {
        None => Ok(None),
        // Rounded up to the next whole second: the gateway's timestamps have seconds precision.
        Some(s) if (1..=86_400).contains(&s) => Ok(Some(format_rfc3339(
            (now_ms() + s * 1000 + 999) / 1000 * 1000,
        ))),
        Some(_) => Err(ApiError::bad(
            "invalid_request",
            "expires_in_seconds must be between 1 and 86400",
        )),
    }
}

/// The order's lines as the server gives them: only with `amount`, since a cart brings its own.
fn given_goods(
    priced: &PricedCart,
    goods: Vec<Goods>,
) -> Result<Vec<(String, String, i64, u64)>, ApiError> {
    if priced.goods.len() != 1 || priced.goods[0].0 != "order" {
        return Err(ApiError::bad(
            "invalid_request",
            "goods go with amount, not with a cart",
        ));
    }
    Ok(goods
        .into_iter()
        .map(|g| {
            (
                g.id.unwrap_or_default(),
                g.name.unwrap_or_default(),
                g.price.unwrap_or(0),
                g.quantity.unwrap_or(1).max(0) as u64,
            )
        })
        .collect())
}

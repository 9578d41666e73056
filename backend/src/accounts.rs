//! Who the shopper is. The demo's sign-in stands in for the merchant's own accounts: a shopper
//! picks a demo account and gets an opaque server-side login in an HttpOnly cookie. Everything
//! that depends on the shopper (saved cards, saving a card) asks [`signed_in_shopper`] and
//! nothing else; a merchant replaces that function (and this module) with its own login.
//!
//! The browser never names a shopper: a `shopper_reference` in a browser's request is refused.

use crate::state::AppState;
use crate::support::random_bytes;
use axum::http::HeaderMap;
use paykka_protocol::hex;
use paykka_protocol::order::{Address, Customer};
use paykka_protocol::time::now_ms;
use sha2::{Digest, Sha256};

/// The login cookie's name.
pub const LOGIN_COOKIE: &str = "paykka_demo_login";
/// How long a demo login lasts.
pub const LOGIN_TTL_MS: i64 = 12 * 3600 * 1000;

/// A demo shopper account: what the sign-in offers.
pub struct DemoAccount {
    pub id: &'static str,
    pub name: &'static str,
    /// The gateway's `shopper_reference` of this account (its saved cards are stored under it).
    pub shopper_reference: &'static str,
    pub email: &'static str,
    /// The address on file: (street, city, postal code, country).
    pub address: (&'static str, &'static str, &'static str, &'static str),
}

pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        id: "alice",
        name: "Alice Chen",
        shopper_reference: "demo-shopper-alice",
        email: "alice@example.com",
        address: ("18 Harbour Road", "Hong Kong", "999077", "HK"),
    },
    DemoAccount {
        id: "bob",
        name: "Bob Martin",
        shopper_reference: "demo-shopper-bob",
        email: "bob@example.com",
        address: ("4 Rue du Louvre", "Paris", "75001", "FR"),
    },
];

/// The shopper signed in on this request, from the login cookie: the only way the backend
/// learns who the shopper is. **A merchant replaces this with its own accounts.**
pub async fn signed_in_shopper(st: &AppState, headers: &HeaderMap) -> Option<String> {
    let token = login_cookie(headers)?;
    st.store
        .login_shopper(&token_digest(&token), now_ms())
        .await
        .ok()
        .flatten()
}

/// The account's own details for the gateway: who they are (`customer`) and where their
/// orders ship (`shipping`, also the `bill` address). **A merchant replaces this with its own
/// accounts.**
pub fn account_details(shopper_reference: &str) -> Option<(Customer, Address)> {
    let a = DEMO_ACCOUNTS
        .iter()
        .find(|a| a.shopper_reference == shopper_reference)?;
    let (first, last) = a.name.split_once(' ').unwrap_or((a.name, ""));
    let (street, city, postal, country) = a.address;
    let customer = Customer {
        id: Some(a.shopper_reference.into()),
        email: Some(a.email.into()),
        ..Default::default()
    };
    let address = Address {
        first_name: Some(first.into()),
        last_name: Some(last.into()),
        address_line1: Some(street.into()),
        city: Some(city.into()),
        postal_code: Some(postal.into()),
        country: Some(country.into()),
        email: Some(a.email.into()),
        ..Default::default()
    };
    Some((customer, address))
}

/// Starts a login for `shopper_reference`; returns the cookie's value (256 random bits). Only
/// its digest is stored, so the database does not hold usable logins. `None` when no random
/// bytes could be had or the login could not be stored.
pub async fn sign_in(st: &AppState, shopper_reference: &str) -> Option<String> {
    let token = hex(&random_bytes::<32>().ok()?);
    st.store
        .insert_login(
            &token_digest(&token),
            shopper_reference,
            now_ms() + LOGIN_TTL_MS,
        )
        .await
        .ok()?;
    Some(token)
}

/// Ends the login of this request, if any.
pub async fn sign_out(st: &AppState, headers: &HeaderMap) {
    if let Some(token) = login_cookie(headers) {
        let _ = st.store.delete_login(&token_digest(&token)).await;
    }
}

/// The `Set-Cookie` value that stores `token` (or, with `None`, clears the cookie). `Secure`
/// when the backend is served over https.
pub fn set_cookie(st: &AppState, token: Option<&str>) -> String {
    let secure = if st.cfg.serves_https() {
        "; Secure"
    } else {
        ""
    };
    match token {
        Some(t) => format!(
            "{LOGIN_COOKIE}={t}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            LOGIN_TTL_MS / 1000
        ),
        None => format!("{LOGIN_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    }
}

fn login_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| {
            *name == LOGIN_COOKIE
                && value.len() == 64
                && value.bytes().all(|b| b.is_ascii_hexdigit())
        })
        .map(|(_, value)| value.to_string())
}

fn token_digest(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn only_a_well_formed_login_cookie_is_read() {
        let good = "ab".repeat(32);
        let mut h = HeaderMap::new();
        h.insert(
            "cookie",
            HeaderValue::from_str(&format!("other=1; {LOGIN_COOKIE}={good}")).unwrap(),
        );
        assert_eq!(login_cookie(&h), Some(good));
        for bad in ["", "abc", &"zz".repeat(32), &"ab".repeat(33)] {
            let mut h = HeaderMap::new();
            h.insert(
                "cookie",
                HeaderValue::from_str(&format!("{LOGIN_COOKIE}={bad}")).unwrap(),
            );
            assert_eq!(login_cookie(&h), None, "{bad}");
        }
    }
}

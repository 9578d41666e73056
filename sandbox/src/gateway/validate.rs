//! Reading a request: its JSON, and the checks its fields share across resources.

use super::error::GwError;
use paykka_protocol::{money, ret};
use serde::de::DeserializeOwned;

pub(super) fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, GwError> {
    serde_json::from_slice(body).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        GwError::bad(ret::INVALID_REQUEST, format!("invalid request: {msg}"))
    })
}

pub(super) fn none_if_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub(super) fn check_id(name: &str, v: &str) -> Result<(), GwError> {
    if v.is_empty()
        || v.len() > 64
        || !v
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            format!("{name} must be 1-64 characters of letters, digits, '-' or '_'"),
        ));
    }
    Ok(())
}

pub(super) fn check_url(name: &str, v: &Option<String>) -> Result<(), GwError> {
    if let Some(u) = none_if_empty(v)
        && (u.len() > 2048 || !(u.starts_with("http://") || u.starts_with("https://")))
    {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            format!("{name} must be an http(s) URL"),
        ));
    }
    Ok(())
}

pub(super) fn check_enum(
    name: &str,
    v: &Option<String>,
    allowed: &[&str],
    default: &str,
) -> Result<String, GwError> {
    match none_if_empty(v) {
        None => Ok(default.into()),
        Some(x) if allowed.contains(&x) => Ok(x.into()),
        Some(_) => Err(GwError::biz(
            ret::INVALID_REQUEST,
            format!("{name} must be one of {}", allowed.join(", ")),
        )),
    }
}

pub(super) fn check_money(currency: &str, amount: i64) -> Result<(), GwError> {
    if money::exponent(currency).is_none() {
        return Err(GwError::biz(
            ret::UNSUPPORTED_CURRENCY,
            format!("unsupported currency {currency:?}"),
        ));
    }
    if !money::amount_ok(amount) {
        return Err(GwError::biz(
            ret::INVALID_AMOUNT,
            format!(
                "amount must be between 1 and {} minor units",
                money::MAX_AMOUNT_MINOR
            ),
        ));
    }
    Ok(())
}

pub(super) const PAYMENT_TYPES: &[&str] = &["PURCHASE", "RECURRING"];
pub(super) const AUTH_TYPES: &[&str] = &["FINAL_AUTH", "PRE_AUTH"];
pub(super) const CAPTURE_METHODS: &[&str] = &["AUTOMATIC", "MANUAL"];
pub(super) const SESSION_MODES: &[&str] = &["HOSTED", "DROP_IN", "COMPONENT"];
const TOKEN_USAGES: &[&str] = &["CARD_ON_FILE", "SUBSCRIPTION", "UNSCHEDULED_CARD_ON_FILE"];

/// Whether a card is kept (stored as a token) when the payment succeeds, and for which use:
/// asked by a session, or by the payment itself.
pub(super) struct Keep {
    pub store: bool,
    pub token_usage: Option<String>,
}

impl Keep {
    pub fn asked(store_payment_method: Option<bool>, token_usage: &Option<String>) -> Self {
        Self {
            store: store_payment_method.unwrap_or(false),
            token_usage: none_if_empty(token_usage).map(str::to_string),
        }
    }

    /// A recurring payment keeps its card, for a subscription unless another use was asked.
    pub fn recurring(&mut self) {
        self.store = true;
        self.token_usage
            .get_or_insert_with(|| "SUBSCRIPTION".into());
    }

    pub fn check_usage(&self) -> Result<(), GwError> {
        if let Some(u) = &self.token_usage
            && !TOKEN_USAGES.contains(&u.as_str())
        {
            return Err(GwError::biz(
                ret::INVALID_REQUEST,
                format!("token_usage must be one of {}", TOKEN_USAGES.join(", ")),
            ));
        }
        Ok(())
    }
}

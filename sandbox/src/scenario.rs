//! What the sandbox's test cards and payment methods do: a card's scenario (decided by its
//! number), the checks a card first seen goes through, and the methods a session can offer.
//! Pure: no storage, no state, so that records, storage and the gateway all read it.

use paykka_protocol::card;
use paykka_protocol::decline;
use paykka_protocol::time::format_rfc3339;
use paykka_protocol::types::MethodInfo;
use serde::{Deserialize, Serialize};

/// What a card does, decided by its number (the brief's test cards) when it is first seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scenario {
    Success,
    Declined,
    InsufficientFunds,
    /// 3DS challenge; code 1234 passes.
    Challenge,
    /// 3DS challenge (code 1234 passes), then declined by the issuer.
    ChallengeThenDecline,
}

pub fn scenario_for(pan: &str) -> Scenario {
    match pan {
        "4000000000000002" => Scenario::Declined,
        "4000000000009995" => Scenario::InsufficientFunds,
        "4000002760003184" => Scenario::Challenge,
        "4000008400001629" => Scenario::ChallengeThenDecline,
        _ => Scenario::Success,
    }
}

/// The 3DS code that passes a challenge.
pub const CHALLENGE_CODE: &str = "1234";

/// Payment methods in the order a session offers them by default.
pub const DEFAULT_METHODS: &[&str] = &[
    "BANKCARD",
    "ApplePay",
    "GooglePay",
    "WechatPayGlobal",
    "AlipayPlus",
];

/// Every method the sandbox knows, with its flow.
pub const METHODS: &[(&str, &str)] = &[
    ("BANKCARD", "card"),
    ("ApplePay", "wallet"),
    ("GooglePay", "wallet"),
    ("WechatPayGlobal", "qr"),
    ("AlipayPlus", "qr"),
    ("eftpos", "redirect"),
    ("SEPA", "redirect"),
    ("Bancontact", "redirect"),
    ("EPS", "redirect"),
    ("iDEAL", "redirect"),
    ("P24", "redirect"),
    ("Sofort", "redirect"),
];

/// Canonical name and flow of a method name, read as PayKKa's documents spell it in different
/// places: case-insensitive, with or without underscores (`BankCard`, `BANKCARD`;
/// `GooglePay`, `GOOGLE_PAY`).
pub fn method(name: &str) -> Option<(&'static str, &'static str)> {
    let squeezed: String = name.chars().filter(|c| *c != '_').collect();
    METHODS
        .iter()
        .copied()
        .find(|(m, _)| m.eq_ignore_ascii_case(&squeezed))
}

pub fn method_info(name: &str) -> MethodInfo {
    let (m, flow) = method(name).unwrap_or(("BANKCARD", "card"));
    MethodInfo {
        payment_method: m.to_string(),
        flow: flow.to_string(),
        brands: if flow == "card" {
            card::Brand::ALL
                .iter()
                .map(|b| b.as_str().to_string())
                .collect()
        } else {
            vec![]
        },
    }
}

/// Outcome of a card first seen, before any challenge.
pub fn card_check(
    pan: &str,
    exp_month: u32,
    exp_year: u32,
    cvv: Option<&str>,
    now: i64,
) -> Result<(card::Brand, Scenario), &'static str> {
    let brand = card::validate_pan(pan).ok_or(decline::INVALID_CARD)?;
    expiry_check(exp_month, exp_year, now)?;
    if let Some(c) = cvv
        && (c.len() != brand.cvv_len() || !c.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(decline::INVALID_CVV);
    }
    Ok((brand, scenario_for(pan)))
}

pub fn expiry_check(exp_month: u32, exp_year: u32, now: i64) -> Result<(), &'static str> {
    let today = format_rfc3339(now);
    let y: u32 = today[0..4].parse().unwrap_or(0);
    let m: u32 = today[5..7].parse().unwrap_or(0);
    if (exp_year, exp_month) < (y, m) {
        Err(decline::EXPIRED_CARD)
    } else {
        Ok(())
    }
}

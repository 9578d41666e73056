//! The payment methods the checkout knows, in one table: how each is paid, under which name,
//! and where the gateway offers it. The Drop-in renders whatever the session lists, looking each
//! code up here; a code missing from the table is skipped (with a console warning), never a crash.

/// How a method is paid once the shopper presses Pay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MethodFlow {
    /// Card fields in secure frames (new card or saved card).
    Card,
    /// A QR code the shopper scans with the wallet's app, while the checkout polls the result.
    Qr,
    /// The page goes to the method's own page and comes back (same path as 3-D Secure).
    Redirect,
    /// The browser's payment sheet (Apple Pay, Google Pay), only where the browser can pay.
    Wallet,
}

impl MethodFlow {
    /// The flow as the backend names it (`card`, `qr`, `redirect`, `wallet`).
    pub fn from_code(code: &str) -> Option<MethodFlow> {
        match code {
            "card" => Some(MethodFlow::Card),
            "qr" => Some(MethodFlow::Qr),
            "redirect" => Some(MethodFlow::Redirect),
            "wallet" => Some(MethodFlow::Wallet),
            _ => None,
        }
    }
}

/// One payment method of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaymentMethod {
    /// The gateway's code, e.g. `WechatPayGlobal`.
    pub code: &'static str,
    /// How it is paid.
    pub flow: MethodFlow,
    /// Its brand name, the same in every language (brand names are not translated).
    pub name: &'static str,
    /// Two-to-four-letter mark for the logo badge.
    pub mark: &'static str,
    /// Currencies (ISO 4217) the gateway offers it in; empty: any.
    pub currencies: &'static [&'static str],
    /// Countries (ISO 3166-1 alpha-2) of its shoppers; empty: anywhere.
    pub countries: &'static [&'static str],
}

impl PaymentMethod {
    /// The Fluent id of the method's description, e.g. `method-hint-qr`.
    pub const fn hint_message_id(&self) -> &'static str {
        match self.flow {
            MethodFlow::Card => "method-hint-card",
            MethodFlow::Qr => "method-hint-qr",
            MethodFlow::Redirect => "method-hint-redirect",
            MethodFlow::Wallet => "method-hint-wallet",
        }
    }

    /// Whether the gateway offers it for `currency` (case-insensitive).
    pub fn accepts_currency(&self, currency: &str) -> bool {
        self.currencies.is_empty()
            || self
                .currencies
                .iter()
                .any(|c| c.eq_ignore_ascii_case(currency))
    }
}

const fn method(
    code: &'static str,
    flow: MethodFlow,
    name: &'static str,
    mark: &'static str,
    currencies: &'static [&'static str],
    countries: &'static [&'static str],
) -> PaymentMethod {
    PaymentMethod {
        code,
        flow,
        name,
        mark,
        currencies,
        countries,
    }
}

use MethodFlow::{Card, Qr, Redirect, Wallet};

/// Every method the checkout can pay with, cards first.
pub const CATALOGUE: &[PaymentMethod] = &[
    method("BANKCARD", Card, "Card", "CARD", &[], &[]),
    method("ApplePay", Wallet, "Apple Pay", "Pay", &[], &[]),
    method("GooglePay", Wallet, "Google Pay", "GPay", &[], &[]),
    method(
        "WechatPayGlobal",
        Qr,
        "WeChat Pay",
        "WeC",
        &["CNY", "HKD", "USD", "EUR", "GBP", "JPY", "SGD", "AUD"],
        &["CN", "HK"],
    ),
    method(
        "AlipayPlus",
        Qr,
        "Alipay+",
        "A+",
        &[],
        &["CN", "HK", "MY", "PH", "TH", "KR", "ID", "SG"],
    ),
    method("eftpos", Redirect, "eftpos", "eft", &["AUD"], &["AU"]),
    method("SEPA", Redirect, "SEPA Direct Debit", "SEPA", &["EUR"], &[]),
    method(
        "Bancontact",
        Redirect,
        "Bancontact",
        "BC",
        &["EUR"],
        &["BE"],
    ),
    method("EPS", Redirect, "EPS", "EPS", &["EUR"], &["AT"]),
    method("iDEAL", Redirect, "iDEAL", "iD", &["EUR"], &["NL"]),
    method(
        "P24",
        Redirect,
        "Przelewy24",
        "P24",
        &["PLN", "EUR"],
        &["PL"],
    ),
    method(
        "Sofort",
        Redirect,
        "Sofort",
        "SOF",
        &["EUR"],
        &["DE", "AT", "BE", "NL", "IT", "ES"],
    ),
];

/// The catalogue entry of a gateway code (case-insensitive), if the checkout knows it.
pub fn lookup(code: &str) -> Option<&'static PaymentMethod> {
    CATALOGUE.iter().find(|m| m.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_of_the_gateway_is_in_the_catalogue_with_its_flow() {
        for (code, flow) in [
            ("BANKCARD", Card),
            ("ApplePay", Wallet),
            ("GooglePay", Wallet),
            ("WechatPayGlobal", Qr),
            ("AlipayPlus", Qr),
            ("eftpos", Redirect),
            ("SEPA", Redirect),
            ("Bancontact", Redirect),
            ("EPS", Redirect),
            ("iDEAL", Redirect),
            ("P24", Redirect),
            ("Sofort", Redirect),
        ] {
            assert_eq!(lookup(code).map(|m| m.flow), Some(flow), "{code}");
        }
    }

    #[test]
    fn lookup_ignores_case_and_skips_unknown_codes() {
        assert_eq!(lookup("alipayplus").map(|m| m.code), Some("AlipayPlus"));
        assert_eq!(
            lookup("WECHATPAYGLOBAL").map(|m| m.code),
            Some("WechatPayGlobal")
        );
        assert_eq!(lookup("PayByCarrierPigeon"), None);
        assert_eq!(lookup(""), None);
    }

    #[test]
    fn codes_are_unique() {
        for (i, a) in CATALOGUE.iter().enumerate() {
            assert!(
                CATALOGUE[i + 1..]
                    .iter()
                    .all(|b| !b.code.eq_ignore_ascii_case(a.code)),
                "{}",
                a.code
            );
        }
    }

    #[test]
    fn currencies_restrict_where_a_method_is_offered() {
        let ideal = lookup("iDEAL").unwrap();
        assert!(ideal.accepts_currency("eur"));
        assert!(!ideal.accepts_currency("USD"));
        assert!(lookup("BANKCARD").unwrap().accepts_currency("JPY"));
    }

    #[test]
    fn flows_parse_from_the_backend_names() {
        for (name, flow) in [
            ("card", Card),
            ("qr", Qr),
            ("redirect", Redirect),
            ("wallet", Wallet),
        ] {
            assert_eq!(MethodFlow::from_code(name), Some(flow));
        }
        assert_eq!(MethodFlow::from_code("telepathy"), None);
    }
}

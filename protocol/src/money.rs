//! Currencies the sandbox accepts and their minor units.

/// (ISO 4217 code, exponent). Amounts on the wire are in minor units of these.
pub const CURRENCIES: &[(&str, u32)] = &[
    ("AUD", 2),
    ("BHD", 3),
    ("BRL", 2),
    ("CAD", 2),
    ("CHF", 2),
    ("CNY", 2),
    ("CZK", 2),
    ("DKK", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("HKD", 2),
    ("HUF", 2),
    ("IDR", 2),
    ("ILS", 2),
    ("INR", 2),
    ("JOD", 3),
    ("JPY", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("MXN", 2),
    ("MYR", 2),
    ("NOK", 2),
    ("NZD", 2),
    ("OMR", 3),
    ("PHP", 2),
    ("PLN", 2),
    ("SAR", 2),
    ("SEK", 2),
    ("SGD", 2),
    ("THB", 2),
    ("TWD", 2),
    ("USD", 2),
    ("VND", 0),
    ("ZAR", 2),
];

/// Largest amount accepted, in minor units, whatever the currency.
pub const MAX_AMOUNT_MINOR: i64 = 100_000_000_000;

/// How many minor units make a major one, as a power of ten (2 for EUR: cents; 0 for JPY; 3 for
/// KWD), for an ISO 4217 code; `None` for a currency the sandbox does not take.
pub fn exponent(currency: &str) -> Option<u32> {
    CURRENCIES
        .iter()
        .find(|(c, _)| *c == currency)
        .map(|(_, e)| *e)
}

/// Checks an amount in minor units: positive and not absurd.
pub fn amount_ok(amount: i64) -> bool {
    (1..=MAX_AMOUNT_MINOR).contains(&amount)
}

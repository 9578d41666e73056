//! Locale-aware amounts and plural categories through the browser's `Intl`.
//!
//! The core turns minor units into an exact decimal string ("49.99"); `Intl` accepts that string
//! as an exact decimal, so no float rounding happens and no CLDR tables ship in the wasm.

use paykka_core::Amount;
use paykka_core::messages::PluralCategory;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;

    // `catch`: an unknown currency or locale throws a RangeError, which must not abort the wasm.
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locale: &str, options: &JsValue) -> Result<NumberFormat, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn format(this: &NumberFormat, value: &str) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type PluralRules;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "PluralRules", catch)]
    fn new(locale: &str) -> Result<PluralRules, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn select(this: &PluralRules, value: f64) -> Result<String, JsValue>;
}

/// The plural category of `n` in `locale` (cardinal: "1 field", "2 fields"), by the browser's
/// CLDR rules. Outside a browser, or if `Intl` refuses, English's: `one` for 1, else `other`.
pub fn plural_category(locale: &str, n: i64) -> PluralCategory {
    let english = || {
        if n == 1 {
            PluralCategory::One
        } else {
            PluralCategory::Other
        }
    };
    if !cfg!(target_arch = "wasm32") {
        return english();
    }
    // Counts here are small (fields, minutes, digits): exact in an f64.
    PluralRules::new(locale)
        .and_then(|rules| rules.select(n as f64))
        .map(|name| PluralCategory::from_name(&name))
        .unwrap_or_else(|_| english())
}

/// The symbols CLDR's `en-US` writes before an amount, for the currencies shoppers here pay in
/// most. Every one is checked against the browser's own `Intl` (tests/amounts.rs).
pub const EN_US_SYMBOLS: [(&str, &str); 17] = [
    ("USD", "$"),
    ("EUR", "€"),
    ("GBP", "£"),
    ("JPY", "¥"),
    ("CNY", "CN¥"),
    ("HKD", "HK$"),
    ("TWD", "NT$"),
    ("KRW", "₩"),
    ("INR", "₹"),
    ("PHP", "₱"),
    ("VND", "₫"),
    ("AUD", "A$"),
    ("NZD", "NZ$"),
    ("CAD", "CA$"),
    ("MXN", "MX$"),
    ("BRL", "R$"),
    ("ILS", "₪"),
];

/// `amount` as `Intl.NumberFormat("en-US", { style: "currency" })` writes it (`CN¥1,234.50`),
/// for a currency in [`EN_US_SYMBOLS`]; `None` for any other. The first `Intl.NumberFormat` of a
/// page costs 15-20 ms of main thread (ICU loads its number data), which the checkout's first
/// render would pay for its amounts; in the default locale it need not.
pub fn en_us_amount(amount: &Amount) -> Option<String> {
    let code = amount.currency().code();
    let symbol = EN_US_SYMBOLS.iter().find(|(c, _)| *c == code)?.1;
    let decimal = amount.to_decimal_string();
    let (whole, fraction) = decimal
        .split_once('.')
        .map_or((decimal.as_str(), None), |(w, f)| (w, Some(f)));
    let mut out = String::with_capacity(symbol.len() + decimal.len() + whole.len() / 3);
    out.push_str(symbol);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    Some(out)
}

/// `amount` as the shopper's locale writes it, e.g. `$49.99`, `49,99 €`, `￥4,999`.
///
/// Falls back to `49.99 USD` outside a browser or when `Intl` refuses the input.
pub fn format_amount(amount: &Amount, locale: &str) -> String {
    let decimal = amount.to_decimal_string();
    let plain = || format!("{decimal} {}", amount.currency().code());
    if !cfg!(target_arch = "wasm32") {
        return plain();
    }
    if locale == "en-US"
        && let Some(text) = en_us_amount(amount)
    {
        return text;
    }
    let options = js_sys::Object::new();
    let set =
        |key: &str, value: JsValue| js_sys::Reflect::set(&options, &JsValue::from_str(key), &value);
    let configured = set("style", "currency".into())
        .and_then(|_| set("currency", amount.currency().code().into()))
        // Never round: the shopper must see exactly what will be charged.
        .and_then(|_| set("minimumFractionDigits", amount.currency().exponent().into()))
        .and_then(|_| set("maximumFractionDigits", amount.currency().exponent().into()));
    if configured.is_err() {
        return plain();
    }
    NumberFormat::new(locale, &options)
        .and_then(|formatter| formatter.format(&decimal))
        .unwrap_or_else(|_| plain())
}

#[cfg(test)]
mod tests {
    use super::*;
    use paykka_core::Currency;

    fn amount(minor: i64, code: &str) -> Amount {
        Amount::new(minor, Currency::parse(code).unwrap()).unwrap()
    }

    #[test]
    fn en_us_amounts_are_grouped_by_thousands_with_the_symbol_first() {
        for (minor, code, expected) in [
            (0, "USD", "$0.00"),
            (5, "USD", "$0.05"),
            (4999, "USD", "$49.99"),
            (100_000, "USD", "$1,000.00"),
            (123_456_789, "EUR", "€1,234,567.89"),
            (4999, "JPY", "¥4,999"),
            (999, "JPY", "¥999"),
            (1_000_000, "KRW", "₩1,000,000"),
            (123_450, "CNY", "CN¥1,234.50"),
            (99, "HKD", "HK$0.99"),
        ] {
            assert_eq!(
                en_us_amount(&amount(minor, code)).as_deref(),
                Some(expected),
                "{minor} {code}"
            );
        }
    }

    #[test]
    fn currencies_without_a_known_en_us_symbol_are_left_to_intl() {
        assert_eq!(en_us_amount(&amount(4999, "SGD")), None);
        assert_eq!(en_us_amount(&amount(1234, "KWD")), None);
    }
}

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
    let english = || if n == 1 { PluralCategory::One } else { PluralCategory::Other };
    if !cfg!(target_arch = "wasm32") {
        return english();
    }
    // Counts here are small (fields, minutes, digits): exact in an f64.
    PluralRules::new(locale)
        .and_then(|rules| rules.select(n as f64))
        .map(|name| PluralCategory::from_name(&name))
        .unwrap_or_else(|_| english())
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
    let options = js_sys::Object::new();
    let set = |key: &str, value: JsValue| js_sys::Reflect::set(&options, &JsValue::from_str(key), &value);
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

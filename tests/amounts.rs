//! Amounts written without `Intl` in the default locale must read exactly as the browser's own
//! `Intl.NumberFormat` writes them.
#![cfg(target_arch = "wasm32")]

use paykka_checkout::core::{Amount, Currency};
use paykka_checkout::i18n::intl::{EN_US_SYMBOLS, en_us_amount, format_amount};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn intl_en_us(amount: &Amount) -> String {
    let options = js_sys::Object::new();
    let set =
        |key: &str, value: JsValue| js_sys::Reflect::set(&options, &key.into(), &value).unwrap();
    set("style", "currency".into());
    set("currency", amount.currency().code().into());
    set("minimumFractionDigits", amount.currency().exponent().into());
    set("maximumFractionDigits", amount.currency().exponent().into());
    let format =
        js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&"en-US".into()), &options).format();
    format
        .call1(&JsValue::NULL, &amount.to_decimal_string().into())
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
fn en_us_amounts_written_without_intl_match_the_browsers_intl_for_every_currency() {
    for (code, _) in EN_US_SYMBOLS {
        let currency = Currency::parse(code).unwrap();
        for minor in [0, 5, 99, 4999, 100_000, 123_456_789, 9_007_199_254_740_991] {
            let amount = Amount::new(minor, currency).unwrap();
            let ours = en_us_amount(&amount).unwrap();
            assert_eq!(ours, intl_en_us(&amount), "{minor} {code}");
            assert_eq!(format_amount(&amount, "en-US"), ours);
        }
    }
}

#[wasm_bindgen_test]
fn other_locales_and_currencies_still_go_through_intl() {
    let eur = Amount::new(4999, Currency::parse("EUR").unwrap()).unwrap();
    assert_eq!(format_amount(&eur, "de-DE"), "49,99\u{a0}€");
    let sgd = Amount::new(4999, Currency::parse("SGD").unwrap()).unwrap();
    assert_eq!(format_amount(&sgd, "en-US"), intl_en_us(&sgd));
}

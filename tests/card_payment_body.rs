//! What a card payment sends, read off the merchant's own payment route (the submit hook) in a
//! real browser: the card as ciphertexts, and the `browser` member 3-D Secure needs, filled
//! from this browser.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use paykka_checkout::api::{BackendClient, EncryptedCard, SubmitHook};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::AbortController;

wasm_bindgen_test_configure!(run_in_browser);

/// A client whose payments go to a hook that keeps the body and answers "paid".
fn client_recording(sent: Rc<RefCell<Option<JsValue>>>) -> BackendClient {
    let hook = Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |request: JsValue| {
        *sent.borrow_mut() = js_sys::Reflect::get(&request, &"body".into()).ok();
        js_sys::JSON::parse(r#"{"status":"SUCCESS","order_id":"o-1","amount":1000,"currency":"EUR","payment_method":"BANKCARD"}"#)
            .unwrap()
    });
    let function: js_sys::Function = hook.into_js_value().unchecked_into();
    BackendClient::new(
        "http://127.0.0.1:9",
        AbortController::new().unwrap().signal(),
    )
    .with_submit_hook(Some(SubmitHook(function)))
}

fn member(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| {
        js_sys::Reflect::get(&v, &(*key).into()).unwrap()
    })
}

fn card() -> EncryptedCard {
    EncryptedCard {
        encrypted_card_no: "ct-number".into(),
        encrypted_exp_month: "ct-month".into(),
        encrypted_exp_year: "ct-year".into(),
        encrypted_cvv: "ct-cvv".into(),
        holder_name: Some("Ada Lovelace".into()),
    }
}

fn assert_browser_described(body: &JsValue) {
    let browser = |key: &str| member(body, &["browser", key]);
    let window = web_sys::window().unwrap();
    let screen = window.screen().unwrap();
    let navigator = window.navigator();
    assert_eq!(
        browser("screen_width").as_string(),
        Some(screen.width().unwrap().to_string())
    );
    assert_eq!(
        browser("screen_height").as_string(),
        Some(screen.height().unwrap().to_string())
    );
    assert_eq!(
        browser("color_depth").as_string(),
        Some(screen.color_depth().unwrap().to_string())
    );
    assert_eq!(browser("language").as_string(), navigator.language());
    assert_eq!(
        browser("user_agent").as_string(),
        navigator.user_agent().ok()
    );
    // Headless Chromium on Linux is a desktop browser.
    assert_eq!(browser("device_type").as_string().as_deref(), Some("PC"));
    assert_eq!(browser("java_enabled").as_bool(), Some(false));
    let offset = browser("timezone_offset")
        .as_string()
        .expect("a time zone offset");
    let minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    let expected = format!(
        "{}{:02}:{:02}",
        if minutes < 0 { '-' } else { '+' },
        minutes.abs() / 60,
        minutes.abs() % 60
    );
    assert_eq!(offset, expected);
}

#[wasm_bindgen_test]
async fn a_card_payment_tells_the_issuer_what_this_browser_is() {
    let sent = Rc::new(RefCell::new(None));
    let answer = client_recording(sent.clone())
        .pay_with_card(
            "ps_1",
            "idem-1",
            &card(),
            true,
            "https://shop.example/return",
        )
        .await
        .expect("the hook's answer is read");
    assert_eq!(answer.status, "SUCCESS");
    let body = sent.borrow().clone().expect("the hook saw the payment");
    assert_eq!(
        member(&body, &["payment_method"]).as_string().as_deref(),
        Some("BANKCARD")
    );
    assert_eq!(
        member(&body, &["encrypted_card_no"]).as_string().as_deref(),
        Some("ct-number")
    );
    assert_eq!(
        member(&body, &["store_payment_method"]).as_bool(),
        Some(true)
    );
    assert_browser_described(&body);
}

#[wasm_bindgen_test]
async fn a_saved_card_payment_describes_the_browser_too() {
    let sent = Rc::new(RefCell::new(None));
    client_recording(sent.clone())
        .pay_with_token(
            "ps_1",
            "idem-2",
            "tok_1",
            "ct-cvv",
            "https://shop.example/return",
        )
        .await
        .expect("the hook's answer is read");
    let body = sent.borrow().clone().expect("the hook saw the payment");
    assert_eq!(
        member(&body, &["token"]).as_string().as_deref(),
        Some("tok_1")
    );
    assert_browser_described(&body);
}

#[wasm_bindgen_test]
async fn a_payment_without_a_card_sends_no_browser_description() {
    let sent = Rc::new(RefCell::new(None));
    client_recording(sent.clone())
        .pay_with_method(
            "ps_1",
            "idem-3",
            "WechatPayGlobal",
            "https://shop.example/return",
        )
        .await
        .expect("the hook's answer is read");
    let body = sent.borrow().clone().expect("the hook saw the payment");
    assert!(member(&body, &["browser"]).is_undefined());
}

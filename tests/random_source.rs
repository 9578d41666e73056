//! Failing closed without randomness, in a real browser: when `crypto.getRandomValues` throws
//! (or fills nothing), no frame channel or idempotency key is made from anything else, the
//! checkout says why in the shopper's language, and no payment request leaves the page.
#![cfg(target_arch = "wasm32")]

mod support;

use std::sync::{Arc, Mutex};

use js_sys::{Array, Function, Reflect};
use leptos::prelude::*;
use paykka_checkout::api::{PaymentAnswer, SaveCardOffer, Session, SessionMethod};
use paykka_checkout::components::{CardFrames, CheckoutScope, DropIn, SecureCardForm};
use paykka_checkout::context::CheckoutContext;
use paykka_checkout::controller::{new_idempotency_key, random_bytes};
use paykka_checkout::core::flow::PaymentState;
use paykka_checkout::core::{Amount, Brand, CheckoutError, Currency};
use support::{click, mount};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Nothing listens there: no frame or request ever needs an answer in these tests.
const PROVIDER: &str = "http://127.0.0.1:9";

/// The en-US text of `error-randomness-unavailable` (its beginning).
const MESSAGE: &str = "This browser cannot make a secure payment right now.";

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn crypto() -> JsValue {
    Reflect::get(&window(), &"crypto".into()).unwrap()
}

/// Replaces `crypto.getRandomValues` (on the page's `crypto` object, shadowing the prototype's)
/// until dropped, which puts the browser's own back.
struct BrokenRandomSource;

impl BrokenRandomSource {
    /// `getRandomValues` throws, as where it is missing or the browser refuses.
    fn throwing() -> Self {
        Self::with(&Function::new_no_args(
            "throw new DOMException('no entropy here', 'NotSupportedError');",
        ))
    }

    /// `getRandomValues` returns its array untouched, as a broken polyfill does.
    fn filling_nothing() -> Self {
        Self::with(&Function::new_with_args("array", "return array;"))
    }

    fn with(replacement: &Function) -> Self {
        assert!(Reflect::set(&crypto(), &"getRandomValues".into(), replacement).unwrap());
        Self
    }
}

impl Drop for BrokenRandomSource {
    fn drop(&mut self) {
        Reflect::delete_property(
            &crypto().unchecked_into::<js_sys::Object>(),
            &"getRandomValues".into(),
        )
        .unwrap();
    }
}

/// Records every `fetch` of the page (its URL) instead of sending it, until dropped.
struct FetchRecorder {
    original: JsValue,
    urls: Array,
}

impl FetchRecorder {
    fn start() -> Self {
        let original = Reflect::get(&window(), &"fetch".into()).unwrap();
        let urls = Array::new();
        // Never settles: a request that left is all these tests look for.
        let record = Function::new_with_args(
            "urls, input",
            "urls.push(typeof input === 'string' ? input : input.url); return new Promise(function () {});",
        )
        .bind1(&JsValue::NULL, &urls);
        Reflect::set(&window(), &"fetch".into(), &record).unwrap();
        Self { original, urls }
    }

    fn payments(&self) -> Vec<String> {
        self.urls
            .iter()
            .filter_map(|u| u.as_string())
            .filter(|u| u.contains("/api/payments"))
            .collect()
    }
}

impl Drop for FetchRecorder {
    fn drop(&mut self) {
        Reflect::set(&window(), &"fetch".into(), &self.original).unwrap();
    }
}

/// Lets spawned tasks, effects and timers of 0 ms run.
async fn settle() {
    for _ in 0..5 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
        leptos::task::tick().await;
    }
}

fn session(methods: Vec<SessionMethod>) -> Session {
    Session {
        id: "CS-random".into(),
        amount: Amount::new(4999, Currency::parse("USD").unwrap()).unwrap(),
        display_locale: None,
        merchant_name: None,
        merchant_logo_url: None,
        merchant_id: None,
        merchant_country: None,
        expired: false,
        completed: false,
        methods,
        stored_cards: Vec::new(),
        save_card: SaveCardOffer::Unavailable,
        frames_origin: PROVIDER.into(),
    }
}

fn card_method() -> SessionMethod {
    SessionMethod {
        code: "BANKCARD".into(),
        flow: "card".into(),
        brands: vec![Brand::Visa, Brand::Mastercard],
    }
}

/// A QR method: paid without card frames, so Pay goes straight to `POST /api/payments`.
fn qr_method() -> SessionMethod {
    SessionMethod {
        code: "WechatPayGlobal".into(),
        flow: "qr".into(),
        brands: Vec::new(),
    }
}

fn not_started() -> PaymentAnswer {
    PaymentAnswer {
        status: "NONE".into(),
        order_id: None,
        payment_method: None,
        action: None,
        decline: None,
        card_brand: None,
        card_last4: None,
    }
}

/// What a mounted Drop-in told its owner.
#[derive(Clone, Default)]
struct Heard {
    errors: Arc<Mutex<Vec<CheckoutError>>>,
    settled: Arc<Mutex<Vec<PaymentState>>>,
}

fn dropin(session: Session, heard: &Heard, presses: RwSignal<u32>) -> support::Mounted {
    let errors = heard.errors.clone();
    let settled = heard.settled.clone();
    mount(move || {
        view! {
            <DropIn
                session_id=session.id.clone()
                locale="en-US"
                loaded=(session, not_started())
                submit_requests=Signal::from(presses)
                on_error=Callback::new(move |e| errors.lock().unwrap().push(e))
                on_submit_settled=Callback::new(move |s| settled.lock().unwrap().push(s))
            />
        }
    })
}

#[wasm_bindgen_test]
fn the_random_source_reports_failure_instead_of_making_predictable_bytes() {
    {
        let _broken = BrokenRandomSource::throwing();
        assert_eq!(random_bytes(), None);
        assert_eq!(new_idempotency_key(), None);
    }
    {
        let _broken = BrokenRandomSource::filling_nothing();
        assert_eq!(random_bytes(), None, "sixteen zero bytes are not random");
        assert_eq!(new_idempotency_key(), None);
    }
    // The browser's own again: two keys, both well formed, never the same.
    let (a, b) = (
        new_idempotency_key().unwrap(),
        new_idempotency_key().unwrap(),
    );
    assert_ne!(a, b);
    for key in [&a, &b] {
        assert_eq!(key.len(), 35, "{key}");
        assert!(
            key.starts_with("pk-")
                && key[3..]
                    .bytes()
                    .all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')),
            "{key}"
        );
    }
}

#[wasm_bindgen_test]
async fn card_frames_without_random_bytes_load_no_frame_say_why_and_refuse_to_encrypt() {
    let broken = BrokenRandomSource::throwing();
    let frames = StoredValue::new_local(None::<CardFrames>);
    let view = mount(move || {
        view! {
            <CheckoutScope locale="en-US">
                {
                    let ctx = CheckoutContext::expect();
                    let card = CardFrames::new(PROVIDER, ctx.i18n(), Vec::new());
                    frames.set_value(Some(card.clone()));
                    view! { <SecureCardForm frames=card /> }
                }
            </CheckoutScope>
        }
    });
    drop(broken);
    settle().await;
    let frames = frames.get_value().unwrap();
    assert_eq!(
        frames.unavailable(),
        Some(CheckoutError::RandomnessUnavailable)
    );
    assert!(
        view.query("iframe").is_none(),
        "no frame on a guessable channel"
    );
    let number_error = view
        .query("[data-field=number] p:last-child")
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(number_error.starts_with(MESSAGE), "{number_error:?}");
    // The browser's source works again: the frames made without it stay refused.
    assert_eq!(
        frames.encrypt().await,
        Err(CheckoutError::RandomnessUnavailable)
    );
}

#[wasm_bindgen_test]
async fn a_drop_in_mounted_without_random_bytes_shows_the_error_and_never_pays() {
    let broken = BrokenRandomSource::throwing();
    let fetches = FetchRecorder::start();
    let heard = Heard::default();
    let presses = RwSignal::new(0);
    let view = dropin(session(vec![card_method(), qr_method()]), &heard, presses);
    settle().await;

    let alert = view
        .query("[data-result=error][role=alert]")
        .expect("the error view");
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains(MESSAGE), "{text}");
    assert!(
        view.query("iframe").is_none(),
        "no card frame on a guessable channel"
    );
    assert_eq!(
        *heard.errors.lock().unwrap(),
        [CheckoutError::RandomnessUnavailable]
    );

    // The merchant's own button: refused at once, without a request.
    presses.update(|n| *n += 1);
    settle().await;
    assert_eq!(fetches.payments(), Vec::<String>::new());
    assert_eq!(
        *heard.settled.lock().unwrap(),
        [PaymentState::Unavailable(
            CheckoutError::RandomnessUnavailable
        )]
    );
    drop(view);
    drop(fetches);
    drop(broken);
}

#[wasm_bindgen_test]
async fn randomness_failing_when_pay_is_pressed_sends_nothing_and_shows_the_error() {
    let heard = Heard::default();
    let presses = RwSignal::new(0);
    let view = dropin(session(vec![qr_method()]), &heard, presses);
    settle().await;
    let pay = view.query("button[aria-busy]").expect("the pay button");
    assert!(!pay.has_attribute("disabled"));
    assert!(view.query("[data-result=error]").is_none());

    let fetches = FetchRecorder::start();
    let broken = BrokenRandomSource::throwing();
    click(pay.unchecked_ref()).await;
    settle().await;
    drop(broken);

    assert_eq!(
        fetches.payments(),
        Vec::<String>::new(),
        "no payment request without a random key"
    );
    let alert = view
        .query("[data-result=error][role=alert]")
        .expect("the error view");
    assert!(alert.text_content().unwrap_or_default().contains(MESSAGE));
    assert_eq!(
        *heard.errors.lock().unwrap(),
        [CheckoutError::RandomnessUnavailable]
    );
    assert_eq!(
        *heard.settled.lock().unwrap(),
        [PaymentState::Unavailable(
            CheckoutError::RandomnessUnavailable
        )]
    );

    // With the browser's source back, this checkout still takes no payment (it failed closed).
    presses.update(|n| *n += 1);
    settle().await;
    assert_eq!(fetches.payments(), Vec::<String>::new());
    drop(view);
    drop(fetches);
}

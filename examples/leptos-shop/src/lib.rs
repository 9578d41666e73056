//! A Leptos shop that takes card payments with `paykka-checkout`, in its own layout (Component
//! mode in Rust): the secure card fields, its own Pay button, the payment's status below.
//!
//! - The stylesheet: `<PaykkaStyles />` (a constructed stylesheet: no inline style, so the page
//!   keeps a strict Content Security Policy).
//! - The locales: en-US is compiled in; the others are files of the crate
//!   (`locales/<tag>/checkout.ftl`), which build.sh copies to `/locales/`, where the checkout
//!   fetches them by default (`paykka_checkout::i18n::set_locale_source` points elsewhere).
//! - The session: asked of the shop's backend (`POST /api/sessions` with the cart), or taken
//!   from `?session_id=` (coming back from 3-D Secure, or created by the shop's server).
//!
//! For the end-to-end memory test it also exports `mountFields`, `unmountFields` and
//! `memoryBytes`: each mount shows the four card fields of the page's checkout, each in its own
//! element and mount, as a Component-mode page does; their signals belong to the checkout and
//! outlive every mount.

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;
use paykka_checkout::PaykkaStyles;
use paykka_checkout::components::{
    CardFrames, Checkout, CheckoutScope, PaymentController, PaymentStatus, PaymentSummary,
    SecureCardForm, SecureField,
};
use paykka_checkout::context::CheckoutContext;
use paykka_checkout::controller::PaymentChoice;
use paykka_checkout::core::flow::PaymentState;
use paykka_checkout::core::frame_protocol::FieldKind;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The page's checkout, once loaded: what the memory test mounts fields of.
    static CHECKOUT: RefCell<Option<(CheckoutContext, CardFrames)>> = const { RefCell::new(None) };
    /// The fields the memory test has mounted (dropping a handle unmounts it).
    static MOUNTS: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("leptos-shop: {info}")
    }));
    let params = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok());
    let param = |name: &str| {
        params
            .as_ref()
            .and_then(|p| p.get(name))
            .filter(|v| !v.is_empty())
    };
    let locale = param("locale");
    match param("session_id") {
        Some(session_id) => mount(session_id, locale),
        None => wasm_bindgen_futures::spawn_local(async move {
            match create_session().await {
                Some(session_id) => mount(session_id, locale),
                None => leptos::logging::error!("leptos-shop: the backend gave no session"),
            }
        }),
    }
}

fn mount(session_id: String, locale: Option<String>) {
    // Back here after a 3-D Secure challenge (the gateway adds the session's id).
    let return_url = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split(['?', '#']).next().unwrap_or_default().to_owned())
        .unwrap_or_default();
    let paid = RwSignal::new(None::<String>);
    let on_completed = move |payment: PaymentSummary| paid.set(payment.order_id);
    leptos::mount::mount_to_body(move || {
        view! {
            <PaykkaStyles />
            <main class="shop">
                <h1>"Leptos shop"</h1>
                <p>"Gift card, $25.00"</p>
                <Checkout session_id=session_id locale=locale return_url=return_url on_payment_completed=on_completed>
                    <ShopLayout />
                </Checkout>
                <p id="shop-order" role="status">
                    {move || paid.get().map(|order| format!("Thank you: order {order} is paid."))}
                </p>
                <div id="memory-area"></div>
            </main>
        }
    });
}

/// The shop's own layout: the card form, its own Pay button, what went wrong, the status.
#[component]
fn ShopLayout() -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let payment = PaymentController::expect();
    let frames = payment.card_frames();
    if let Some(frames) = &frames {
        CHECKOUT.set(Some((ctx.clone(), frames.clone())));
    }
    let state = payment.state();
    let on_form = move || {
        matches!(
            state.get(),
            PaymentState::Ready
                | PaymentState::Submitting
                | PaymentState::Declined(_)
                | PaymentState::Interrupted(_)
        )
    };
    view! {
        <form class="shop-form" hidden=move || !on_form() on:submit=move |ev| {
            ev.prevent_default();
            payment.choice().set(PaymentChoice::NewCard);
            payment.submit();
        }>
            {frames.map(|frames| view! { <SecureCardForm frames=frames /> })}
            <button type="submit" disabled=move || !payment.can_submit()>
                {format!("Pay {}", payment.amount_text())}
            </button>
            <p role="alert">
                {move || match state.get() {
                    PaymentState::Declined(e) | PaymentState::Interrupted(e) => ctx.t(e.message_id()),
                    _ => String::new(),
                }}
            </p>
        </form>
        <PaymentStatus />
    }
}

/// Mounts the checkout's four card fields, each in its own element and mount, as a page in
/// Component mode places them; returns how many it mounted (0 before the checkout loads).
#[wasm_bindgen(js_name = mountFields)]
pub fn mount_fields() -> u32 {
    let Some((ctx, frames)) = CHECKOUT.with_borrow(Clone::clone) else {
        return 0;
    };
    let Some(area) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("memory-area"))
    else {
        return 0;
    };
    let fields = [
        FieldKind::Number,
        FieldKind::Expiry,
        FieldKind::Cvv,
        FieldKind::Holder,
    ];
    for (n, kind) in fields.into_iter().enumerate() {
        let Some(element) = area
            .owner_document()
            .and_then(|d| d.create_element("div").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return n as u32;
        };
        let _ = area.append_child(&element);
        let locale = ctx.i18n().locale();
        // Children must be Send; the frames never leave this thread.
        let (ctx, frames) = (ctx.clone(), send_wrapper::SendWrapper::new(frames.clone()));
        let without_live_region = n > 0;
        let handle = leptos::mount::mount_to(element, move || {
            // One live region for the checkout: the first field's scope carries it.
            view! {
                <CheckoutScope locale=locale context=ctx.clone() without_live_region=without_live_region>
                    <SecureField frames=(*frames).clone() kind=kind />
                </CheckoutScope>
            }
        });
        MOUNTS.with_borrow_mut(|mounts| mounts.push(Box::new(handle)));
    }
    fields.len() as u32
}

/// Unmounts what [`mount_fields`] mounted, and empties their elements.
#[wasm_bindgen(js_name = unmountFields)]
pub fn unmount_fields() {
    let mounts = MOUNTS.with_borrow_mut(std::mem::take);
    drop(mounts);
    if let Some(area) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("memory-area"))
    {
        area.set_text_content(None);
    }
}

/// The size of the wasm memory, in bytes.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// What a shop's page does on "checkout": asks its backend for a session of the cart.
async fn create_session() -> Option<String> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    let headers = web_sys::Headers::new().ok()?;
    headers.set("content-type", "application/json").ok()?;
    init.set_headers(&headers);
    // The cart, never its price: the backend prices it from its catalogue.
    init.set_body(&JsValue::from_str(
        r#"{"cart":[{"sku":"gift-card-25","quantity":1}]}"#,
    ));
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init("/api/sessions", &init))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    let answer = js_sys::JSON::parse(&text).ok()?;
    js_sys::Reflect::get(&answer, &"session_id".into())
        .ok()?
        .as_string()
}

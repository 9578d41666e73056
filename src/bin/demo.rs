//! The demo merchant page. Like a merchant's checkout page it asks its own backend for a
//! checkout session, then mounts the Drop-in with it. Coming back from a 3DS challenge, the
//! page finds `session_id` in its URL and mounts the Drop-in again, which asks the backend for
//! the result (the URL only says which session, never how it ended).
//!
//! `?layout=components` shows the same checkout as a Rust app lays it out itself: the secure
//! card form, the save offer and its own Pay buttons, paying through the `PaymentController`
//! its `Checkout` provides (Component mode in Rust).

use leptos::prelude::*;
use paykka_checkout::components::{
    Checkout, DropIn, PaymentController, PaymentStatus, PaymentSummary, SaveCardChoice,
    SecureCardForm,
};
use paykka_checkout::context::CheckoutContext;
use paykka_checkout::controller::{CheckoutConfiguration, PaymentChoice};
use paykka_checkout::core::HolderNamePolicy;
use paykka_checkout::core::appearance::Appearance;
use paykka_checkout::core::flow::PaymentState;
use paykka_checkout::core::methods::MethodFlow;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn main() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("paykka-checkout demo: {info}")
    }));
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(target) = document
        .get_element_by_id("checkout")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let params = window
        .location()
        .search()
        .ok()
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok());
    let param = |name: &str| {
        params
            .as_ref()
            .and_then(|p| p.get(name))
            .filter(|v| !v.is_empty())
    };
    let locale = param("locale");
    if let (Some(locale), Some(root)) = (&locale, document.document_element()) {
        let _ = root.set_attribute("lang", locale);
    }
    // `?theme=dark` (or light, flat): the appearance option, as a merchant would pass it.
    let appearance = param("theme").and_then(|theme| Appearance::parse(Some(&theme), [], []).ok());
    let own_layout = param("layout").as_deref() == Some("components");
    let mount = move |target, session_id| match own_layout {
        true => mount_own_layout(target, session_id, locale, appearance),
        false => mount(target, session_id, locale, appearance),
    };
    match param("session_id") {
        Some(session_id) => mount(target, session_id),
        // Not leptos's spawn_local: its executor only exists once something is mounted.
        None => wasm_bindgen_futures::spawn_local(async move {
            match create_session().await {
                Some(session_id) => mount(target, session_id),
                None => target.set_text_content(Some(
                    "The shop could not start a checkout: its backend did not answer. Reload to try again.",
                )),
            }
        }),
    }
}

fn mount(
    target: web_sys::HtmlElement,
    session_id: String,
    locale: Option<String>,
    appearance: Option<Appearance>,
) {
    let status = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("demo-status"));
    let on_completed = move |payment: PaymentSummary| {
        if let Some(status) = &status {
            let order = payment.order_id.unwrap_or_default();
            status.set_text_content(Some(&format!(
                "The shop received the payment confirmation for order {order}."
            )));
        }
    };
    leptos::mount::mount_to(target, move || {
        // The shop asks for the name on the card (the Drop-in's default is not to).
        view! { <DropIn session_id=session_id locale=locale on_payment_completed=on_completed appearance=appearance configuration=CheckoutConfiguration::with_holder_name(HolderNamePolicy::Required) /> }
    })
    .forget();
}

/// Component mode in Rust: the shop's own layout around the secure fields.
fn mount_own_layout(
    target: web_sys::HtmlElement,
    session_id: String,
    locale: Option<String>,
    appearance: Option<Appearance>,
) {
    // Back here after a 3-D Secure challenge or a bank's page, in this layout again (the gateway
    // adds the session's id).
    let return_url = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| {
            format!(
                "{}?layout=components",
                href.split(['?', '#']).next().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    leptos::mount::mount_to(target, move || {
        view! {
            <Checkout session_id=session_id locale=locale return_url=return_url appearance=appearance configuration=CheckoutConfiguration::with_holder_name(HolderNamePolicy::Required)>
                <OwnLayout />
            </Checkout>
        }
    })
    .forget();
}

/// The shop's own checkout layout: a card form with its own Pay button, a button per QR
/// wallet, and the payment's status below.
#[component]
fn OwnLayout() -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let payment = PaymentController::expect();
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
    let pay_with = move |choice: PaymentChoice| {
        payment.choice().set(choice);
        payment.submit();
    };
    let wallets = payment
        .other_methods()
        .into_iter()
        .filter(|m| m.flow == MethodFlow::Qr)
        .map(|method| {
            view! {
                <button type="button" class="own-button" disabled=move || !payment.can_submit()
                    on:click=move |_| pay_with(PaymentChoice::Method(method.code))>
                    {format!("Pay with {}", method.name)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="own-layout" hidden=move || !on_form()>
            <form on:submit=move |ev| {
                ev.prevent_default();
                pay_with(PaymentChoice::NewCard);
            }>
                {payment.card_frames().map(|frames| view! { <SecureCardForm frames=frames /> })}
                <SaveCardChoice />
                <button type="submit" class="own-button" disabled=move || !payment.can_submit()>
                    "Pay by card"
                </button>
            </form>
            {wallets}
            <p role="alert">
                {move || match state.get() {
                    PaymentState::Declined(e) | PaymentState::Interrupted(e) => ctx.t(e.message_id()),
                    _ => String::new(),
                }}
            </p>
        </div>
        <PaymentStatus />
    }
}

/// What a merchant's page does on "checkout": ask its server for a session of the cart (here the
/// demo backend's `POST /api/sessions`, same origin through trunk's proxy).
async fn create_session() -> Option<String> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    let headers = web_sys::Headers::new().ok()?;
    headers.set("content-type", "application/json").ok()?;
    init.set_headers(&headers);
    // The cart, never its price: the backend prices it from its catalogue, and knows the
    // shopper from the login cookie. The kettle ships: to the address of the shop's address
    // step, before payment.
    let body = r#"{"cart":[{"sku":"kettle-pour-over","quantity":1}],"shipping":{"first_name":"Ada","last_name":"Lovelace","address_line1":"12 St James's Square","city":"London","postal_code":"SW1Y 4JH","country":"GB"}}"#;
    init.set_body(&wasm_bindgen::JsValue::from_str(body));
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

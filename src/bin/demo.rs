//! The demo merchant page: mounts the card form into `#checkout`.

use leptos::prelude::*;
use paykka_checkout::components::{CardForm, CheckoutScope};
use paykka_checkout::core::{Amount, Currency};
use paykka_checkout::i18n;
use wasm_bindgen::JsCast;

fn main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(target) = document.get_element_by_id("checkout").and_then(|e| e.dyn_into().ok()) else {
        return;
    };
    let locale = shopper_locale();
    document.document_element().map(|root| root.set_attribute("lang", locale));
    // The demo cart: one item, USD 49.99 (the Drop-in takes it from the session later on).
    let Ok(amount) = Currency::parse("USD").and_then(|usd| Amount::new(4999, usd)) else { return };
    let status = document.get_element_by_id("demo-status");
    leptos::mount::mount_to(target, move || {
        view! {
            <CheckoutScope locale=locale>
                <CardForm
                    amount=amount
                    on_submit=move |card: paykka_checkout::components::CardSummary| {
                        if let Some(status) = &status {
                            status.set_text_content(Some(&format!(
                                "{} •••• {} ({:02}/{})",
                                card.brand.display_name(),
                                card.last4,
                                card.expiry_month,
                                card.expiry_year % 100
                            )));
                        }
                    }
                />
            </CheckoutScope>
        }
    })
    .forget();
}

/// `?locale=fr-FR` wins; otherwise the browser's languages, negotiated against ours.
fn shopper_locale() -> &'static str {
    let Some(window) = web_sys::window() else { return i18n::SOURCE_LOCALE };
    let from_query = window
        .location()
        .search()
        .ok()
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("locale"));
    let from_browser: Vec<String> =
        window.navigator().languages().iter().filter_map(|l| l.as_string()).collect();
    i18n::negotiate(from_query.iter().chain(from_browser.iter()).map(String::as_str))
}

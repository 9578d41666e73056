//! The card form in a real browser: typing, pasting, brand, errors, focus order, submit.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use paykka_checkout::components::{CardForm, CardSummary, CheckoutScope};
use paykka_checkout::core::{Amount, Currency};
use support::{blur, click, mount, paste, type_text};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn usd(minor: i64) -> Amount {
    Amount::new(minor, Currency::parse("USD").unwrap()).unwrap()
}

fn card_form(locale: &'static str) -> support::Mounted {
    mount(
        move || view! { <CheckoutScope locale=locale><CardForm amount=usd(4999) /></CheckoutScope> },
    )
}

#[wasm_bindgen_test]
async fn typing_a_visa_number_groups_it_and_shows_the_brand() {
    let form = card_form("en-US");
    let number = form.input_by_label("Card number");
    type_text(&number, "4242424242424242").await;
    assert_eq!(number.value(), "4242 4242 4242 4242");
    let brand = form.query("[role=img][data-brand]").unwrap();
    assert_eq!(brand.get_attribute("aria-label").as_deref(), Some("Visa"));
    assert!(!brand.has_attribute("hidden"));
    assert_eq!(
        number.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn an_amex_number_is_grouped_four_six_five_and_asks_for_four_digits() {
    let form = card_form("en-US");
    let number = form.input_by_label("Card number");
    paste(&number, "3782-822463-10005").await;
    assert_eq!(number.value(), "3782 822463 10005");
    let cvv = form.input_by_label("Security code");
    assert!(
        form.description_of(&cvv).contains("4 digits on the front"),
        "{}",
        form.description_of(&cvv)
    );
    type_text(&cvv, "12345").await;
    assert_eq!(cvv.value(), "1234");
}

#[wasm_bindgen_test]
async fn a_number_failing_the_luhn_check_shows_a_described_error() {
    let form = card_form("en-US");
    let number = form.input_by_label("Card number");
    type_text(&number, "4242424242424241").await;
    assert_eq!(
        number.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(form.description_of(&number), "Your card number is invalid.");
}

#[wasm_bindgen_test]
async fn an_incomplete_number_is_reported_only_after_leaving_the_field() {
    let form = card_form("en-US");
    let number = form.input_by_label("Card number");
    type_text(&number, "4242 42").await;
    assert_eq!(
        number.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert!(number.get_attribute("aria-describedby").is_none());
    blur(&number).await;
    assert_eq!(
        form.description_of(&number),
        "Your card number is incomplete."
    );
    assert_eq!(form.live_region_text(), "Your card number is incomplete.");
}

#[wasm_bindgen_test]
async fn typing_in_the_middle_keeps_the_caret_after_the_typed_digit() {
    let form = card_form("en-US");
    let number = form.input_by_label("Card number");
    type_text(&number, "42424242").await;
    number.set_selection_range(2, 2).unwrap();
    type_text(&number, "9").await;
    assert_eq!(number.value(), "4294 2424 2");
    assert_eq!(number.selection_start().unwrap(), Some(3));
}

#[wasm_bindgen_test]
async fn a_complete_number_moves_focus_to_expiry_and_then_to_the_security_code() {
    let form = card_form("en-US");
    let number = form.input_by_label("Card number");
    let expiry = form.input_by_label("Expiry date");
    let cvv = form.input_by_label("Security code");
    type_text(&number, "5555555555554444").await;
    let active = support::document().active_element().unwrap();
    assert_eq!(active, **expiry);
    type_text(&expiry, "1239").await;
    assert_eq!(expiry.value(), "12/39");
    assert_eq!(support::document().active_element().unwrap(), **cvv);
}

#[wasm_bindgen_test]
async fn a_past_expiry_date_is_rejected_as_expired() {
    let form = card_form("en-US");
    let expiry = form.input_by_label("Expiry date");
    type_text(&expiry, "0120").await;
    assert_eq!(expiry.value(), "01/20");
    assert_eq!(form.description_of(&expiry), "Your card has expired.");
}

#[wasm_bindgen_test]
async fn submitting_an_empty_form_focuses_the_first_field_and_announces_the_count() {
    let form = card_form("en-US");
    let pay = form.button_by_text("Pay $49.99");
    click(&pay).await;
    let number = form.input_by_label("Card number");
    assert_eq!(support::document().active_element().unwrap(), **number);
    assert_eq!(form.live_region_text(), "4 fields need your attention.");
    assert_eq!(form.description_of(&number), "Enter your card number.");
}

#[wasm_bindgen_test]
async fn a_valid_card_is_submitted_with_brand_and_last_four_only() {
    let submitted = RwSignal::new(None::<CardSummary>);
    let form = mount(move || {
        view! {
            <CheckoutScope locale="en-US">
                <CardForm amount=usd(4999) on_submit=move |card| submitted.set(Some(card)) />
            </CheckoutScope>
        }
    });
    type_text(&form.input_by_label("Card number"), "4242424242424242").await;
    type_text(&form.input_by_label("Expiry date"), "1230").await;
    type_text(&form.input_by_label("Security code"), "123").await;
    type_text(&form.input_by_label("Name on card"), "Jane Doe").await;
    click(&form.button_by_text("Pay $49.99")).await;
    let card = submitted.get_untracked().expect("submitted");
    assert_eq!(card.last4, "4242");
    assert_eq!((card.expiry_month, card.expiry_year), (12, 2030));
    assert_eq!(form.live_region_text(), "Card details complete.");
}

#[wasm_bindgen_test]
async fn the_form_speaks_french_with_a_french_amount() {
    // A Leptos app hands over the locales it wants bundled; the SDK fetches them instead.
    paykka_checkout::i18n::add_messages("fr-FR", include_str!("../locales/fr-FR/checkout.ftl"))
        .unwrap();
    let form = card_form("fr-FR");
    let number = form.input_by_label("Numéro de carte");
    type_text(&number, "4000 0000 0000 0001").await;
    assert_eq!(
        form.description_of(&number),
        "Votre numéro de carte n’est pas valide."
    );
    // Intl writes 49,99 $US with a narrow no-break space in fr-FR.
    let pay = form
        .query("button[type=submit]")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(pay.starts_with("Payer 49,99"), "{pay}");
}

#[wasm_bindgen_test]
async fn unmounting_removes_everything_the_form_added() {
    let before = support::document().body().unwrap().child_element_count();
    let form = card_form("en-US");
    assert_eq!(
        support::document().body().unwrap().child_element_count(),
        before + 1
    );
    drop(form);
    assert_eq!(
        support::document().body().unwrap().child_element_count(),
        before
    );
}

#[wasm_bindgen_test]
async fn a_locale_that_cannot_be_fetched_falls_back_to_english_and_the_form_still_works() {
    paykka_checkout::i18n::set_locale_source("http://127.0.0.1:9/nowhere/", std::iter::empty());
    let locale = paykka_checkout::i18n::load_locale(["ja-JP"]).await;
    assert_eq!(locale, "en-US");
    let form = card_form(locale);
    assert!(
        form.query("button[type=submit]")
            .unwrap()
            .text_content()
            .unwrap()
            .starts_with("Pay")
    );
}

#[wasm_bindgen_test]
fn plural_messages_follow_the_browsers_rules_for_each_language() {
    // Polish has four cardinal forms (one, few, many, other); the wasm ships none of CLDR's
    // rules and asks Intl.PluralRules, so 2 and 5 must read differently.
    paykka_checkout::i18n::add_messages("pl-PL", include_str!("../locales/pl-PL/checkout.ftl"))
        .unwrap();
    let pl = paykka_checkout::i18n::Localizer::new("pl-PL");
    let fields = |n: u32| pl.t_with("card-form-invalid", &[("count", n.into())]);
    assert_eq!(fields(1), "Jedno pole wymaga poprawienia.");
    assert_eq!(fields(2), "2 pola wymagają poprawienia.");
    assert_eq!(fields(5), "5 pól wymaga poprawienia.");
    assert_eq!(fields(22), "22 pola wymagają poprawienia.");
    let en = paykka_checkout::i18n::Localizer::new("en-US");
    assert_eq!(
        en.t_with("card-form-invalid", &[("count", 1u32.into())]),
        "One field needs your attention."
    );
    assert_eq!(
        en.t_with("card-form-invalid", &[("count", 3u32.into())]),
        "3 fields need your attention."
    );
}

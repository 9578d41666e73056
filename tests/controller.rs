//! The payment controller on its own, as the JS API's Component mode makes it: under an owner
//! that outlives any one mount, with no view around it.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use paykka_checkout::api::{PaymentAnswer, SaveCardOffer, Session, SessionMethod};
use paykka_checkout::context::CheckoutContext;
use paykka_checkout::controller::{PaymentCallbacks, PaymentController};
use paykka_checkout::core::flow::PaymentState;
use paykka_checkout::core::{Amount, Brand, Currency};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn session() -> Session {
    Session {
        id: "CS-controller".into(),
        amount: Amount::new(4999, Currency::parse("USD").unwrap()).unwrap(),
        display_locale: None,
        merchant_name: None,
        merchant_logo_url: None,
        merchant_id: None,
        merchant_country: None,
        expired: false,
        completed: false,
        methods: vec![SessionMethod {
            code: "BANKCARD".into(),
            flow: "card".into(),
            brands: vec![Brand::Visa],
        }],
        stored_cards: Vec::new(),
        save_card: SaveCardOffer::Optional { preselected: false },
        frames_origin: "http://127.0.0.1:9".into(),
    }
}

#[wasm_bindgen_test]
fn a_controller_made_outside_any_mount_is_ready_with_frames_and_the_save_offer() {
    // As the JS API does before its first mount: the controller's effects need the executor.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let context = owner.with(|| CheckoutContext::new("en-US"));
    let payment = owner.with(|| {
        context.clone().provide();
        PaymentController::new(
            session(),
            PaymentAnswer::not_started(),
            None,
            "http://127.0.0.1:8080/".into(),
            PaymentCallbacks::default(),
            Default::default(),
        )
    });
    assert_eq!(payment.state().get_untracked(), PaymentState::Ready);
    assert!(payment.card_frames().is_some());
    assert_eq!(
        payment.save_offer(),
        SaveCardOffer::Optional { preselected: false }
    );
    owner.cleanup();
}

//! Card envelopes (v2) that a skimming script copied from a merchant page are worth nothing
//! later: the gateway refuses them on another session, a second time, as another field, once
//! old, and in v1; the backend says so clearly and nothing is charged. And a card key rotation
//! keeps a payment begun before the switch payable after it.

mod common;

use common::*;
use paykka_protocol::cardenc::{EnvelopeField, seal_now};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn refused(r: &(StatusCode, Value), code: &str) {
    assert_eq!(
        (r.0.as_u16(), r.1["error"]["code"].as_str()),
        (400, Some(code)),
        "{}",
        r.1
    );
}

#[tokio::test]
async fn envelopes_copied_from_a_payment_are_refused_everywhere_else() {
    let env = Env::new().await;
    let shopper_session = || env.session(json!({ "shopper_reference": "skimmed-01" }));
    // A declined payment: the skimmer now holds four envelopes of a real card.
    let a = shopper_session().await;
    let declined = env.card(&a, "4000000000000002");
    let (_, r) = env.pay(&key(), declined.clone()).await;
    assert_eq!(r["status"], "FAILURE", "{r}");
    // The same envelopes again, on the same session: each nonce is taken once.
    refused(
        &env.pay(&key(), declined.clone()).await,
        "invalid_card_data",
    );
    // On another session of the same shopper: sealed for the first one.
    let b = shopper_session().await;
    let mut moved = declined.clone();
    moved["session_id"] = b.as_str().into();
    refused(&env.pay(&key(), moved).await, "invalid_card_data");
    // A security code sent as the card number, and the number as the code.
    let mut swapped = env.card(&b, "4242424242424242");
    let (number, cvv) = (
        swapped["encrypted_card_no"].clone(),
        swapped["encrypted_cvv"].clone(),
    );
    swapped["encrypted_card_no"] = cvv;
    swapped["encrypted_cvv"] = number;
    refused(&env.pay(&key(), swapped).await, "invalid_card_data");
    // A v1 envelope (the bare value, sealed for nothing) reads as garbled.
    let sb = env.sb().state.card_key();
    let mut v1 = env.card(&b, "4242424242424242");
    v1["encrypted_card_no"] = v1["encrypted_card_no"]
        .as_str()
        .unwrap()
        .replacen("pkenc.v2.", "pkenc.v1.", 1)
        .into();
    refused(&env.pay(&key(), v1).await, "invalid_card_data");
    // Sealed for another merchant.
    let mut other_merchant = env.card(&b, "4242424242424242");
    other_merchant["encrypted_card_no"] = seal_now(
        &sb.public_key(),
        sb.kid(),
        EnvelopeField::Number,
        &b,
        "99999999999999",
        "4242424242424242",
    )
    .into();
    refused(&env.pay(&key(), other_merchant).await, "invalid_card_data");
    assert_eq!(
        env.sb().state.db.count_transactions(&a).unwrap(),
        1,
        "only the first, genuine attempt"
    );
    assert_eq!(env.sb().state.db.count_transactions(&b).unwrap(), 0);
    // The shopper's own fresh entry still pays.
    let (_, r) = env.pay(&key(), env.card(&b, "4242424242424242")).await;
    assert_eq!(r["status"], "SUCCESS", "{r}");
}

#[tokio::test]
async fn an_envelope_older_than_fifteen_minutes_asks_for_the_card_again() {
    let env = Env::new().await;
    let sid = env.session(json!({})).await;
    let card = env.card(&sid, "4242424242424242");
    // The sandbox's test clock: fifteen minutes and a second later for card data.
    let set_clock = |ms: i64| {
        let url = format!("{}/portal/card-data-clock", env.sb().base_url);
        let http = env.http.clone();
        async move {
            assert_eq!(
                http.post(url)
                    .json(&json!({ "advance_ms": ms }))
                    .send()
                    .await
                    .unwrap()
                    .status(),
                200
            )
        }
    };
    set_clock(15 * 60 * 1000 + 1000).await;
    refused(&env.pay(&key(), card.clone()).await, "card_data_expired");
    assert_eq!(env.sb().state.db.count_transactions(&sid).unwrap(), 0);
    // Fourteen minutes is fine (the same envelopes: the expired attempt used no nonce).
    set_clock(14 * 60 * 1000).await;
    let (_, r) = env.pay(&key(), card).await;
    assert_eq!(r["status"], "SUCCESS", "{r}");
    set_clock(0).await;
}

#[tokio::test]
async fn a_card_key_rotation_keeps_a_payment_begun_before_the_switch_payable() {
    let env = Env::new().await;
    let portal = |path: &str| {
        let url = format!("{}/portal/card-key/{path}", env.sb().base_url);
        let http = env.http.clone();
        async move {
            http.post(url)
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    let old_kid = env.sb().state.card_key().kid().to_string();
    // The shopper's frames fetched the key and sealed the card...
    let sid = env.session(json!({})).await;
    let sealed_before = env.card(&sid, "4242424242424242");
    // ...then the gateway switches keys before Pay.
    let r = portal("rotate").await;
    assert_eq!(r["data"]["previous"], old_kid.as_str(), "{r}");
    let card_key: Value = env
        .http
        .get(format!("{}/card-key", env.sb().base_url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(
        card_key["kid"],
        old_kid.as_str(),
        "the new key is published"
    );
    let (_, r) = env.pay(&key(), sealed_before).await;
    assert_eq!(r["status"], "SUCCESS", "the previous key still opens: {r}");
    // Retired: envelopes of the old key are refused; the new key's pay.
    portal("retire").await;
    let sid = env.session(json!({})).await;
    let old = paykka_protocol::cardenc::CardKey::new(
        paykka_protocol::sign::SigningKey::from_pem(paykka_protocol::test_keys::CARD)
            .unwrap()
            .private_key()
            .clone(),
    );
    let mut stale = env.card(&sid, "4242424242424242");
    for (member, field, value) in [
        (
            "encrypted_card_no",
            EnvelopeField::Number,
            "4242424242424242",
        ),
        ("encrypted_exp_month", EnvelopeField::ExpMonth, "12"),
        ("encrypted_exp_year", EnvelopeField::ExpYear, "2031"),
        ("encrypted_cvv", EnvelopeField::Cvv, "123"),
    ] {
        stale[member] = old
            .seal(field, &sid, paykka_backend::DEMO_MERCHANT_ID, value)
            .into();
    }
    refused(&env.pay(&key(), stale).await, "invalid_card_data");
    let (_, r) = env.pay(&key(), env.card(&sid, "4242424242424242")).await;
    assert_eq!(r["status"], "SUCCESS", "{r}");
}

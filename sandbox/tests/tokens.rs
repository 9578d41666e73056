//! Stored cards: tokens kept, reused, paid with, removed; recurring agreements and their
//! cancellation.

mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn tokens_and_recurring() {
    let env = Env::new().await;
    let s = env.session(json!({ "payment": { "shopper_reference": "shopper-9", "store_payment_method": true, "token_usage": "CARD_ON_FILE" } })).await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("5555555555554444"),
        )
        .await;
    let token = r["data"]["token"].as_str().unwrap().to_string();
    assert!(token.starts_with("TK"));
    assert_eq!(r["data"]["token_usage"], "CARD_ON_FILE");
    let q = env
        .call(
            "/payments/token/query",
            json!({ "shopper_reference": "shopper-9" }),
        )
        .await;
    let list = q["data"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["token"], token.as_str());
    assert_eq!(list[0]["status"], "ACTIVATE");
    assert_eq!(list[0]["card_info"]["card_brand"], "MASTERCARD");
    assert_eq!(list[0]["card_info"]["last4"], "4444");
    assert_eq!(list[0]["card_info"]["exp_month"], "03");
    assert_eq!(list[0]["card_info"]["exp_year"], "2030");
    // the same card stored again reuses the token
    let s2 = env.session(json!({ "payment": { "shopper_reference": "shopper-9", "store_payment_method": true, "token_usage": "CARD_ON_FILE" } })).await;
    let r2 = env
        .pay(
            s2["session_id"].as_str().unwrap(),
            env.card("5555555555554444"),
        )
        .await;
    assert_eq!(r2["data"]["token"], token.as_str());
    // pay with the token: CVV needed with the shopper present
    let s3 = env
        .session(json!({ "payment": { "shopper_reference": "shopper-9" } }))
        .await;
    let sid3 = s3["session_id"].as_str().unwrap();
    let r = env
        .pay(
            sid3,
            json!({ "payment_method": "BANKCARD", "token": token }),
        )
        .await;
    assert_eq!(r["ret_code"], "010001");
    let r = env.pay(sid3, json!({ "payment_method": "BANKCARD", "token": token, "encrypted_cvv": env.enc("321") })).await;
    assert_eq!(r["data"]["status"], "SUCCESS", "{r}");
    assert_eq!(r["data"]["card_info"]["last4"], "4444");
    // another shopper cannot use it
    let s4 = env
        .session(json!({ "payment": { "shopper_reference": "intruder" } }))
        .await;
    let r = env.pay(s4["session_id"].as_str().unwrap(), json!({ "payment_method": "BANKCARD", "token": token, "encrypted_cvv": env.enc("321") })).await;
    assert_eq!(r["ret_code"], "206030");
    // remove
    let r = env
        .call(
            "/payments/token/remove",
            json!({ "token": token, "shopper_reference": "intruder" }),
        )
        .await;
    assert_eq!(r["ret_code"], "206030");
    let r = env
        .call(
            "/payments/token/remove",
            json!({ "token": token, "shopper_reference": "shopper-9" }),
        )
        .await;
    assert_eq!(r["ret_code"], "000000");
    let q = env
        .call(
            "/payments/token/query",
            json!({ "shopper_reference": "shopper-9" }),
        )
        .await;
    assert_eq!(q["data"], json!([]));

    // recurring: first payment stores a SUBSCRIPTION token with an agreement
    let s = env.session(json!({ "payment_type": "RECURRING", "payment": { "shopper_reference": "sub-1", "store_payment_method": true, "token_usage": "SUBSCRIPTION" } })).await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("4242424242424242"),
        )
        .await;
    let tk = r["data"]["token"].clone();
    let ra = r["data"]["recurring_agreement_id"].clone();
    assert!(ra.as_str().unwrap().starts_with("RA"), "{r}");
    // subsequent merchant-initiated payment: token + agreement, no CVV
    let mit = |trans: &str| {
        json!({ "trans_id": trans, "payment_type": "RECURRING", "amount": 800, "currency": "HKD", "mit": true, "recurring_agreement_id": ra,
            "payment": { "payment_method": "BANKCARD", "shopper_reference": "sub-1", "token": tk } })
    };
    let r = env.call("/payments", mit("REC-2")).await;
    assert_eq!(r["data"]["status"], "SUCCESS", "{r}");
    let r = env
        .call(
            "/payments/recurring/cancel",
            json!({ "recurring_agreement_id": ra, "shopper_reference": "sub-1" }),
        )
        .await;
    assert_eq!(r["ret_code"], "000000");
    let r = env.call("/payments", mit("REC-3")).await;
    assert_eq!(r["ret_code"], "206030");
    let r = env
        .call(
            "/payments/recurring/cancel",
            json!({ "recurring_agreement_id": ra, "shopper_reference": "sub-1" }),
        )
        .await;
    assert_eq!(r["ret_code"], "206031");
}

//! After the payment, from the merchant's server: captures in parts, void, refunds in parts
//! with their query and webhooks, and a subscription's later charges without the shopper, each
//! against the sandbox gateway in the API generation the backend speaks.

mod common;

use common::*;
use serde_json::{Value, json};

async fn authorised(env: &Env, amount: i64) -> String {
    let sid = env
        .session(json!({ "amount": amount, "currency": "USD", "capture_method": "MANUAL" }))
        .await;
    let (_, r) = env.pay(&key(), env.card(&sid, "4242424242424242")).await;
    assert_eq!(r["status"], "AUTHORIZED", "{r}");
    r["order_id"].as_str().unwrap().to_string()
}

async fn balances(env: &Env, order_id: &str) -> Value {
    let (status, v) = env
        .send(
            env.http
                .get(env.url(&format!("/api/server/payments/{order_id}")))
                .bearer_auth(SERVER_SECRET),
        )
        .await;
    assert_eq!(status.as_u16(), 200, "{v}");
    v["balances"].clone()
}

#[tokio::test]
async fn an_authorisation_is_captured_in_two_parts_and_another_is_voided() {
    let env = Env::new().await;
    let order = authorised(&env, 3000).await;
    assert_eq!(balances(&env, &order).await["able_to_capture_amount"], 3000);
    let capture = format!("/api/server/payments/{order}/capture");
    let (status, v) = env
        .server_post(&capture, json!({ "amount": 1000, "final": false }))
        .await;
    assert_eq!(
        (status.as_u16(), v["status"].as_str()),
        (200, Some("SUCCESS")),
        "{v}"
    );
    let b = balances(&env, &order).await;
    assert_eq!(
        (
            b["captured_amount"].as_i64(),
            b["able_to_capture_amount"].as_i64()
        ),
        (Some(1000), Some(2000))
    );
    let (status, e) = env.server_post(&capture, json!({ "amount": 2001 })).await;
    assert_eq!(
        (status.as_u16(), e["error"]["code"].as_str()),
        (400, Some("invalid_amount")),
        "more than is left"
    );
    let (status, _) = env.server_post(&capture, json!({})).await;
    assert_eq!(status.as_u16(), 200, "the rest");
    let b = balances(&env, &order).await;
    assert_eq!(
        (
            b["captured_amount"].as_i64(),
            b["able_to_capture_amount"].as_i64(),
            b["able_to_refund_amount"].as_i64()
        ),
        (Some(3000), Some(0), Some(3000))
    );
    let other = authorised(&env, 500).await;
    let (status, v) = env
        .server_post(&format!("/api/server/payments/{other}/void"), json!({}))
        .await;
    assert_eq!(
        (status.as_u16(), v["status"].as_str()),
        (200, Some("CANCELED")),
        "{v}"
    );
    assert_eq!(balances(&env, &other).await["voided_amount"], 500);
}

#[tokio::test]
async fn a_payment_is_refunded_in_parts_once_per_reference_and_the_refund_webhooks_are_recorded() {
    let env = Env::new().await;
    let sid = env
        .session(json!({ "amount": 2500, "currency": "USD" }))
        .await;
    let (_, p) = env.pay(&key(), env.card(&sid, "4242424242424242")).await;
    assert_eq!(p["status"], "SUCCESS", "{p}");
    let order = p["order_id"].as_str().unwrap();
    let refunds = format!("/api/server/payments/{order}/refunds");
    let (status, r) = env
        .server_post(
            &refunds,
            json!({ "amount": 1000, "reference": "R-1", "reason": "REQUESTED_BY_CUSTOMER" }),
        )
        .await;
    assert_eq!(status.as_u16(), 200, "{r}");
    assert_eq!(
        (
            r["reference"].as_str(),
            r["amount"].as_i64(),
            r["status"].as_str()
        ),
        (Some("R-1"), Some(1000), Some("SUCCESS"))
    );
    let first = r["refund_order_id"].clone();
    assert!(first.as_str().unwrap().starts_with("RG"));
    // The same reference again: the same refund, nothing more refunded.
    let (_, again) = env
        .server_post(&refunds, json!({ "amount": 1000, "reference": "R-1" }))
        .await;
    assert_eq!(again["refund_order_id"], first);
    assert_eq!(balances(&env, order).await["refunded_amount"], 1000);
    let (status, e) = env.server_post(&refunds, json!({ "amount": 1501 })).await;
    assert_eq!(
        (status.as_u16(), e["error"]["code"].as_str()),
        (400, Some("invalid_amount"))
    );
    let (status, e) = env
        .server_post(&refunds, json!({ "reason": "BORED" }))
        .await;
    assert_eq!(
        (status.as_u16(), e["error"]["code"].as_str()),
        (400, Some("invalid_request"))
    );
    // The rest, under a reference the backend makes.
    let (status, rest) = env.server_post(&refunds, json!({})).await;
    assert_eq!(
        (status.as_u16(), rest["amount"].as_i64()),
        (200, Some(1500)),
        "{rest}"
    );
    let b = balances(&env, order).await;
    assert_eq!(
        (
            b["refunded_amount"].as_i64(),
            b["able_to_refund_amount"].as_i64()
        ),
        (Some(2500), Some(0))
    );
    assert_eq!(env.gateway_status(order).await, "REFUNDED");
    // The refund query, and the REFUND.SUCCESS webhooks recorded by reference.
    let (status, q) = env
        .send(
            env.http
                .get(env.url("/api/server/refunds/R-1"))
                .bearer_auth(SERVER_SECRET),
        )
        .await;
    assert_eq!(
        (status.as_u16(), q["status"].as_str(), &q["refund_order_id"]),
        (200, Some("SUCCESS"), &first)
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while env.be().state.store.refund_events().await.unwrap() < 2 {
        assert!(
            std::time::Instant::now() < deadline,
            "two refund webhooks arrive"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let (status, _) = env
        .send(env.http.get(env.url("/api/server/refunds/R-unknown")))
        .await;
    assert_eq!(status.as_u16(), 401, "the browser cannot look refunds up");
}

#[tokio::test]
async fn a_subscription_is_charged_later_without_the_shopper_until_it_is_cancelled() {
    let env = Env::new().await;
    let sid = env
        .session(json!({ "amount": 1900, "currency": "USD", "payment_type": "RECURRING", "shopper_reference": "subscriber-1" }))
        .await;
    env.sign_in(Some("subscriber-1")).await;
    let (_, first) = env.pay(&key(), env.card(&sid, "4242424242424242")).await;
    assert_eq!(first["status"], "SUCCESS", "{first}");
    let charges = "/api/server/recurring/charges";
    let (status, c) = env.server_post(charges, json!({ "shopper_reference": "subscriber-1", "amount": 1900, "currency": "usd", "reference": "S-2026-01" })).await;
    assert_eq!(status.as_u16(), 200, "{c}");
    assert_eq!(
        (c["payment"]["status"].as_str(), c["trans_id"].as_str()),
        (Some("SUCCESS"), Some("S-2026-01"))
    );
    let charged = c["payment"]["order_id"].as_str().unwrap().to_string();
    let kept = env.sb().state.db.record(&charged).unwrap();
    assert!(
        kept["recurring_agreement_id"]
            .as_str()
            .is_some_and(|a| !a.is_empty()),
        "{kept}"
    );
    // Cancelled: no more charges.
    let tokens = env
        .gateway(
            paykka_protocol::Operation::TokenQuery,
            json!({ "shopper_reference": "subscriber-1" }),
        )
        .await;
    let agreement = tokens["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["token_usage"] == "SUBSCRIPTION")
        .unwrap()["recurring_agreement_id"]
        .clone();
    let (status, v) = env
        .server_post(
            "/api/server/recurring/cancel",
            json!({ "recurring_agreement_id": agreement, "shopper_reference": "subscriber-1" }),
        )
        .await;
    assert_eq!(
        (status.as_u16(), v["status"].as_str()),
        (200, Some("CANCELED")),
        "{v}"
    );
    let (status, e) = env
        .server_post(
            charges,
            json!({ "shopper_reference": "subscriber-1", "amount": 1900, "currency": "USD" }),
        )
        .await;
    assert_eq!(
        (status.as_u16(), e["error"]["code"].as_str()),
        (404, Some("recurring_agreement_not_found")),
        "{e}"
    );
    let (status, _) = env
        .post(
            charges,
            json!({ "shopper_reference": "subscriber-1", "amount": 1, "currency": "USD" }),
        )
        .await;
    assert_eq!(status.as_u16(), 401, "only the merchant's server charges");
}

//! Capture, Void, Refund and Refund Query: the balances of a payment after authorisation.

mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn capture_void_refund_balances() {
    let env = Env::new().await;
    let s = env.session(json!({ "capture_method": "MANUAL" })).await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("4242424242424242"),
        )
        .await;
    let d = &r["data"];
    assert_eq!(d["status"], "AUTHORIZED");
    assert_eq!(
        d["balances"],
        json!({ "authed_amount": 1000, "captured_amount": 0, "able_to_capture_amount": 1000, "voided_amount": 0, "able_to_void_amount": 1000, "refunded_amount": 0, "able_to_refund_amount": 0 })
    );
    let oid = d["order_id"].clone();
    let r = env
        .call(
            "/payments/capture",
            json!({ "order_id": oid, "amount": 1001, "currency": "USD" }),
        )
        .await;
    assert_eq!(r["ret_code"], "206026");
    let r = env
        .call(
            "/payments/capture",
            json!({ "order_id": oid, "amount": 600, "currency": "EUR" }),
        )
        .await;
    assert_eq!(r["ret_code"], "010000");
    let r = env
        .call(
            "/payments/capture",
            json!({ "order_id": oid, "amount": 600, "currency": "USD", "capture_final": false }),
        )
        .await;
    assert_eq!(r["ret_code"], "000000");
    assert_eq!(r["data"]["status"], "SUCCESS");
    assert_eq!(
        r["data"]["balances"],
        json!({ "authed_amount": 1000, "captured_amount": 600, "able_to_capture_amount": 400, "voided_amount": 0, "able_to_void_amount": 400, "refunded_amount": 0, "able_to_refund_amount": 600 })
    );
    let r = env
        .call(
            "/payments/void",
            json!({ "order_id": oid, "reason": "REQUESTED_BY_CUSTOMER" }),
        )
        .await;
    assert_eq!(r["data"]["status"], "PARTIALLY_REVERSED");
    assert_eq!(r["data"]["balances"]["voided_amount"], 400);
    assert_eq!(r["data"]["balances"]["able_to_capture_amount"], 0);
    let r = env
        .call(
            "/payments/refund",
            json!({ "refund_trans_id": "R1", "ori_order_id": oid, "refund_amount": 200, "currency": "USD" }),
        )
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    assert_eq!(r["data"]["amount"], 200);
    let first_refund = r["data"]["refund_order_id"].clone();
    // the same reference again: the same refund, not a second one
    let again = env
        .call(
            "/payments/refund",
            json!({ "refund_trans_id": "R1", "ori_order_id": oid, "refund_amount": 200, "currency": "USD" }),
        )
        .await;
    assert_eq!(again["data"]["refund_order_id"], first_refund);
    let q = env
        .call("/payments/refund/query", json!({ "refund_trans_id": "R1" }))
        .await;
    assert_eq!(
        (&q["data"]["status"], &q["data"]["refund_order_id"]),
        (&json!("SUCCESS"), &first_refund)
    );
    let q = env
        .call("/payments/query", json!({ "order_id": oid }))
        .await;
    assert_eq!(q["data"]["status"], "PARTIALLY_REFUNDED");
    let r = env
        .call(
            "/payments/refund",
            json!({ "refund_trans_id": "R2", "ori_order_id": oid, "refund_amount": 401, "currency": "USD" }),
        )
        .await;
    assert_eq!(r["ret_code"], "206026");
    let r = env
        .call(
            "/payments/refund",
            json!({ "refund_trans_id": "R3", "ori_order_id": oid, "refund_amount": 400, "currency": "USD" }),
        )
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    let r = env
        .call("/payments/query", json!({ "order_id": oid }))
        .await;
    assert_eq!(r["data"]["status"], "REFUNDED");
    assert_eq!(r["data"]["balances"]["refunded_amount"], 600);
    assert_eq!(r["data"]["balances"]["able_to_refund_amount"], 0);
    let r = env.call("/payments/void", json!({ "order_id": oid })).await;
    assert_eq!(r["ret_code"], "206025");
    // a full void of an authorisation
    let s = env.session(json!({ "capture_method": "MANUAL" })).await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("5555555555554444"),
        )
        .await;
    let r = env
        .call(
            "/payments/void",
            json!({ "order_id": r["data"]["order_id"] }),
        )
        .await;
    assert_eq!(r["data"]["status"], "CANCELED");
    assert_eq!(r["data"]["balances"]["voided_amount"], 1000);
    let r = env
        .call(
            "/payments/capture",
            json!({ "order_id": r["data"]["order_id"], "amount": 1, "currency": "USD" }),
        )
        .await;
    assert_eq!(r["ret_code"], "206025");
    // unknown order, another merchant's order look the same
    let r = env
        .call(
            "/payments/capture",
            json!({ "order_id": "GW0", "amount": 1, "currency": "USD" }),
        )
        .await;
    assert_eq!(r["ret_code"], "206024");
}

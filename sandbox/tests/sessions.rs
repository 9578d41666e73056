//! Create Session and Query Session: the terms a session takes and refuses, and its expiry.

mod common;

use common::*;
use paykka_protocol::time::{format_rfc3339, now_ms};
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn create_and_query_session() {
    let env = Env::new().await;
    let s = env
        .session(json!({ "amount": "800", "currency": "HKD", "display_locale": "fr-FR" }))
        .await;
    assert_eq!(s["status"], "PROCESSING");
    assert_eq!(s["amount"], 800);
    assert_eq!(s["session_mode"], "DROP_IN");
    assert!(s["session_id"].as_str().unwrap().starts_with("CS"));
    assert!(
        s["session_url"]
            .as_str()
            .unwrap()
            .ends_with(s["session_id"].as_str().unwrap())
    );
    assert_eq!(s["payment_methods"][0]["payment_method"], "BANKCARD");
    let q = env
        .call(
            "/payments/sessions/query",
            json!({ "session_id": s["session_id"] }),
        )
        .await;
    assert_eq!(q["data"]["trans_id"], s["trans_id"]);
    assert_eq!(q["data"]["display_locale"], "fr-FR");
    let q = env
        .call(
            "/payments/sessions/query",
            json!({ "trans_id": s["trans_id"] }),
        )
        .await;
    assert_eq!(q["data"]["session_id"], s["session_id"]);
    // One trans_id is one session.
    let d = env
        .call(
            "/payments/sessions",
            json!({ "trans_id": s["trans_id"], "currency": "HKD", "amount": 800 }),
        )
        .await;
    assert_eq!(d["ret_code"], "206014");
    let nf = env
        .call("/payments/sessions/query", json!({ "session_id": "CS000" }))
        .await;
    assert_eq!(nf["ret_code"], "206011");
    // expire_time beyond 24 h, unsupported currency, absurd amount, bad enum
    let far = format_rfc3339(now_ms() + 25 * 3600 * 1000);
    for (extra, code) in [
        (json!({ "expire_time": far }), "010000"),
        (json!({ "currency": "XXX" }), "010002"),
        (json!({ "amount": 0 }), "010003"),
        (json!({ "amount": 1_000_000_000_000_000i64 }), "010003"),
        (json!({ "session_mode": "POPUP" }), "010000"),
    ] {
        let mut b =
            json!({ "trans_id": format!("X{}", rand_suffix()), "currency": "USD", "amount": 100 });
        merge(&mut b, extra);
        let r = env.call("/payments/sessions", b).await;
        assert_eq!(r["ret_code"], code, "{r}");
    }
    assert_eq!(env.count("sessions"), 1);
}

#[tokio::test]
async fn session_expiry() {
    let env = Env::new().await;
    let s = env
        .session(json!({ "expire_time": format_rfc3339(now_ms() + 1500) }))
        .await;
    let sid = s["session_id"].as_str().unwrap();
    tokio::time::sleep(Duration::from_millis(1600)).await;
    let q = env
        .call("/payments/sessions/query", json!({ "session_id": sid }))
        .await;
    assert_eq!(q["data"]["status"], "EXPIRED");
    let r = env.pay(sid, env.card("4242424242424242")).await;
    assert_eq!(r["ret_code"], "206012");
    let q = env
        .call("/payments/query", json!({ "session_id": sid }))
        .await;
    assert_eq!(q["ret_code"], "206024");
    assert_eq!(q["ret_msg"], "the order doesn't exist");
    assert_eq!(env.count("transactions"), 0);
}

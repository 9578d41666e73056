//! The backend under attack from a browser that holds nothing but the demo's origin (see also
//! `attacks_sessions.rs` and `attacks_shoppers.rs`; `cargo test -p paykka-backend --test
//! 'attacks*'` runs all three). Each test was run against the backend before these defences
//! and failed there.
//!
//! Here, payments: card testing meets the limits and learns nothing, and one order is charged
//! once (one attempt at the gateway at a time, a late second charge reversed, a manual capture
//! only by the merchant's server).

mod common;

use common::*;
use paykka_protocol::Operation;
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn card_testing_meets_the_limits_and_learns_nothing() {
    let env = Env::with(|_, b| {
        b.limits.payments_per_session = 100;
        b.limits.attempts_per_session = 3;
    })
    .await;
    let sid = env.session(json!({})).await;
    // Wrong numbers and a wrong code read as a plain decline, like any other.
    for pan in ["4242424242424241", "4000000000000002", "4000000000000002"] {
        let (_, r) = env.pay(&key(), env.card(&sid, pan)).await;
        assert_eq!(
            (r["status"].as_str(), r["failure"]["code"].as_str()),
            (Some("FAILURE"), Some("card_declined")),
            "{r}"
        );
        let text = r.to_string().to_lowercase();
        assert!(
            !text.contains("invalid") && r["failure"].get("gateway_code").is_none(),
            "{r}"
        );
    }
    let (st, e) = env.pay(&key(), env.card(&sid, "4242424242424242")).await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (429, Some("too_many_attempts"))
    );
    assert_eq!(
        env.sb().state.db.count_transactions(&sid).unwrap(),
        3,
        "the fourth never reached the gateway"
    );

    // Per session per minute, and per address per minute.
    let env = Env::with(|_, b| {
        b.limits.payments_per_session = 2;
        // A request refused by the session's limit still counts against its address.
        b.limits.payments_per_ip = 4;
    })
    .await;
    let sid = env.session(json!({})).await;
    for _ in 0..2 {
        env.pay(&key(), env.card(&sid, "4000000000000002")).await;
    }
    let res = env
        .http
        .post(env.url("/api/payments"))
        .header("Idempotency-Key", key())
        .json(&env.card(&sid, "4242424242424242"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
    let other = env.session(json!({})).await;
    assert_eq!(
        env.pay(&key(), env.card(&other, "4000000000000002"))
            .await
            .0,
        200
    );
    let (st, e) = env.pay(&key(), env.card(&other, "4242424242424242")).await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (429, Some("rate_limited"))
    );
    assert_eq!(env.sb().state.db.count_transactions(&sid).unwrap(), 2);
    assert_eq!(env.sb().state.db.count_transactions(&other).unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_second_attempt_is_refused_while_a_3ds_one_is_pending() {
    let env = Env::new().await;
    let sid = env.session(json!({})).await;
    let (_, r) = env.pay(&key(), env.card(&sid, "4000002760003184")).await;
    assert_eq!(r["status"], "PROCESSING");
    // While the shopper is at the challenge, other attempts (another tab, a script), at once.
    let mut tasks = Vec::new();
    for pan in ["4242424242424242", "5555555555554444", "4242424242424242"] {
        let req = env
            .http
            .post(env.url("/api/payments"))
            .header("Idempotency-Key", key())
            .json(&env.card(&sid, pan));
        tasks.push(tokio::spawn(
            async move { req.send().await.unwrap().status() },
        ));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 409);
    }
    assert_eq!(env.sb().state.db.count_transactions(&sid).unwrap(), 1);
    // The challenge passes: one charge, and the session is paid.
    env.http
        .post(r["action"]["url"].as_str().unwrap())
        .form(&[("code", "1234")])
        .send()
        .await
        .unwrap();
    let (_, q) = env.get(&format!("/api/sessions/{sid}/result")).await;
    assert_eq!(q["status"], "SUCCESS");
    let (st, e) = env.pay(&key(), env.card(&sid, "4242424242424242")).await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (409, Some("already_paid"))
    );
    assert_eq!(env.sb().state.db.count_transactions(&sid).unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_first_attempts_at_once_reach_the_gateway_one_at_a_time() {
    let env = Env::new().await;
    let sid = env.session(json!({})).await;
    let mut tasks = Vec::new();
    for _ in 0..6 {
        let req = env
            .http
            .post(env.url("/api/payments"))
            .header("Idempotency-Key", key())
            .json(&env.card(&sid, "4242424242424242"));
        tasks.push(tokio::spawn(async move {
            req.send().await.unwrap().status().as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| [200, 409].contains(s)),
        "{statuses:?}"
    );
    assert_eq!(env.sb().state.db.count_transactions(&sid).unwrap(), 1);
}

#[tokio::test]
async fn a_wallet_approved_after_the_order_was_paid_is_refunded() {
    let env = Env::new().await;
    let sid = env
        .session(json!({ "currency": "PHP", "amount": 150000 }))
        .await;
    let (_, qr) = env
        .pay(
            &key(),
            json!({ "session_id": sid, "payment_method": "AlipayPlus" }),
        )
        .await;
    assert_eq!(qr["status"], "PROCESSING", "{qr}");
    let qr_order = qr["order_id"].as_str().unwrap().to_string();
    // Another path pays the order by card meanwhile (a second instance, the merchant's own
    // server): straight at the gateway, which the backend hears of by webhook.
    let order = env.be().state.store.order(&sid).await.unwrap().unwrap();
    let card = env.card(&sid, "4242424242424242");
    let paid = env
        .gateway(
            Operation::Payment,
            json!({
                "trans_id": order.trans_id, "session_id": sid, "amount": 150000, "currency": "PHP",
                "notify_url": env.be().state.cfg.notify_url(),
                "payment": {
                    "payment_method": "BANKCARD",
                    "encrypted_card_no": card["encrypted_card_no"], "encrypted_exp_month": card["encrypted_exp_month"],
                    "encrypted_exp_year": card["encrypted_exp_year"], "encrypted_cvv": card["encrypted_cvv"],
                },
            }),
        )
        .await;
    assert_eq!(paid["data"]["status"], "SUCCESS", "{paid}");
    let card_order = paid["data"]["order_id"].as_str().unwrap().to_string();
    env.wait_webhooks(1).await;
    // The shopper's phone approves the QR late: the gateway takes it, a second charge.
    env.http
        .post(qr["action"]["url"].as_str().unwrap())
        .form(&[("decision", "approve")])
        .send()
        .await
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let charges = env.be().state.store.second_charges().await.unwrap();
        if charges.iter().any(|c| c.0 == qr_order && c.3.is_some())
            || std::time::Instant::now() > deadline
        {
            assert_eq!(
                charges
                    .iter()
                    .map(|c| (c.0.as_str(), c.3.as_deref()))
                    .collect::<Vec<_>>(),
                vec![(qr_order.as_str(), Some("REFUNDED"))]
            );
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(env.gateway_status(&qr_order).await, "REFUNDED");
    assert_eq!(env.gateway_status(&card_order).await, "SUCCESS");
    let (_, q) = env.get(&format!("/api/sessions/{sid}/result")).await;
    assert_eq!(
        (q["status"].as_str(), q["order_id"].as_str()),
        (Some("SUCCESS"), Some(card_order.as_str()))
    );
}

#[tokio::test]
async fn a_manual_capture_is_authorized_until_the_merchant_server_captures_or_voids_it() {
    let env = Env::new().await;
    for (end, want) in [("capture", "SUCCESS"), ("void", "CANCELED")] {
        let sid = env.session(json!({ "capture_method": "MANUAL" })).await;
        let (_, r) = env.pay(&key(), env.card(&sid, "4242424242424242")).await;
        assert_eq!(r["status"], "AUTHORIZED", "{r}");
        let order_id = r["order_id"].as_str().unwrap();
        let path = format!("/api/server/payments/{order_id}/{end}");
        // The browser cannot.
        let (st, _) = env.post(&path, json!({})).await;
        assert_eq!(st, 401);
        let (st, v) = env.server_post(&path, json!({})).await;
        assert_eq!(
            (st.as_u16(), v["status"].as_str()),
            (200, Some(want)),
            "{end}: {v}"
        );
        assert_eq!(env.gateway_status(order_id).await, want);
    }
    let (st, _) = env
        .server_post("/api/server/payments/GW0/capture", json!({}))
        .await;
    assert_eq!(st, 404);
}

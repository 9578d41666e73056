//! Payments through the backend against the sandbox gateway: cards (saved, declined, 3-D
//! Secure), QR wallets, idempotent retries, bad input, expired sessions and a gateway that is
//! down.

mod common;

use common::*;
use serde_json::{Value, json};
use std::time::Duration;

#[tokio::test]
async fn card_payment_saved_card_and_removal() {
    let env = Env::new().await;
    env.sign_in(Some("alice-01")).await;
    let sid = env
        .session(json!({ "shopper_reference": "alice-01" }))
        .await;
    let mut body = env.card(&sid, "5555555555554444");
    body["store_payment_method"] = true.into();
    let (st, r) = env.pay(&key(), body).await;
    assert_eq!(st, 200, "{r}");
    assert_eq!(r["status"], "SUCCESS");
    assert_eq!(r["card"], json!({ "brand": "MASTERCARD", "last4": "4444" }));
    assert!(r.get("failure").is_none());
    let order_id = r["order_id"].as_str().unwrap().to_string();
    let (_, q) = env.get(&format!("/api/payments/{order_id}")).await;
    assert_eq!(q["status"], "SUCCESS");
    let (_, q) = env.get(&format!("/api/sessions/{sid}/result")).await;
    assert_eq!(q["status"], "SUCCESS");
    assert_eq!(q["order_id"], order_id.as_str());
    env.wait_webhooks(1).await;
    // next visit: the card is offered
    let sid2 = env
        .session(json!({ "shopper_reference": "alice-01" }))
        .await;
    let (_, s) = env.get(&format!("/api/sessions/{sid2}")).await;
    let cards = s["saved_cards"].as_array().unwrap();
    assert_eq!(cards.len(), 1);
    assert_eq!(
        (cards[0]["brand"].as_str(), cards[0]["last4"].as_str()),
        (Some("MASTERCARD"), Some("4444"))
    );
    assert_eq!(
        (
            cards[0]["exp_month"].as_str(),
            cards[0]["exp_year"].as_str()
        ),
        (Some("12"), Some("2031"))
    );
    let token = cards[0]["token"].as_str().unwrap().to_string();
    // pay with it and its CVV
    let (_, r) = env.pay(&key(), json!({ "session_id": sid2, "payment_method": "BANKCARD", "token": token, "encrypted_cvv": env.enc("999") })).await;
    assert_eq!(r["status"], "SUCCESS", "{r}");
    // another shopper's session cannot remove it
    let other = env.session(json!({ "shopper_reference": "bob-02" })).await;
    let (st, e) = env
        .send(
            env.http
                .delete(env.url(&format!("/api/saved-cards/{token}?session_id={other}"))),
        )
        .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (404, Some("saved_card_not_found"))
    );
    let (st, e) = env
        .send(env.http.delete(env.url(&format!(
            "/api/saved-cards/{token}?session_id={sid2}&shopper_reference=bob-02"
        ))))
        .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (404, Some("saved_card_not_found"))
    );
    let (st, e) = env
        .send(env.http.delete(env.url(&format!(
            "/api/saved-cards/{token}?shopper_reference=alice-01"
        ))))
        .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (400, Some("invalid_request"))
    );
    let (st, _) = env
        .send(
            env.http
                .delete(env.url(&format!("/api/saved-cards/{token}?session_id={sid2}"))),
        )
        .await;
    assert_eq!(st, 200);
    let (st, e) = env
        .send(
            env.http
                .delete(env.url(&format!("/api/saved-cards/{token}?session_id={sid2}"))),
        )
        .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (404, Some("saved_card_not_found"))
    );
    let sid3 = env
        .session(json!({ "shopper_reference": "alice-01" }))
        .await;
    let (_, s) = env.get(&format!("/api/sessions/{sid3}")).await;
    assert_eq!(s["saved_cards"], json!([]));
}

#[tokio::test]
async fn declines_map_to_reason_codes() {
    let env = Env::new().await;
    for (pan, code) in [
        ("4000000000000002", "card_declined"),
        ("4000000000009995", "insufficient_funds"),
        // Whether the number or the security code was wrong is not told to the page.
        ("4242424242424241", "card_declined"),
    ] {
        let sid = env.session(json!({})).await;
        let (st, r) = env.pay(&key(), env.card(&sid, pan)).await;
        assert_eq!(st, 200);
        assert_eq!(r["status"], "FAILURE");
        assert_eq!(r["failure"]["code"], code, "{pan}: {r}");
        assert!(r["failure"]["message"].as_str().is_some());
    }
    let sid = env.session(json!({})).await;
    let mut b = env.card(&sid, "4242424242424242");
    b["encrypted_exp_year"] = env.enc("2021").into();
    let (_, r) = env.pay(&key(), b).await;
    assert_eq!(r["failure"]["code"], "expired_card");
}

#[tokio::test]
async fn three_ds_redirect_and_resume() {
    let env = Env::new().await;
    let sid = env.session(json!({})).await;
    let (_, r) = env.pay(&key(), env.card(&sid, "4000002760003184")).await;
    assert_eq!(r["status"], "PROCESSING");
    assert_eq!(r["action"]["type"], "redirect");
    let url = r["action"]["url"].as_str().unwrap();
    // before the challenge the result is still processing
    let (_, q) = env.get(&format!("/api/sessions/{sid}/result")).await;
    assert_eq!(q["status"], "PROCESSING");
    let res = env
        .http
        .post(url)
        .form(&[("code", "1234")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let loc = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        loc.starts_with("http://127.0.0.1:8080/?session_id="),
        "{loc}"
    );
    // the return page asks the backend, which asks the gateway
    let (_, q) = env.get(&format!("/api/sessions/{sid}/result")).await;
    assert_eq!(q["status"], "SUCCESS");
    env.wait_webhooks(1).await;
    // the 'passes then declined' card
    let sid = env.session(json!({})).await;
    let (_, r) = env.pay(&key(), env.card(&sid, "4000008400001629")).await;
    env.http
        .post(r["action"]["url"].as_str().unwrap())
        .form(&[("code", "1234")])
        .send()
        .await
        .unwrap();
    let (_, q) = env.get(&format!("/api/sessions/{sid}/result")).await;
    assert_eq!(
        (q["status"].as_str(), q["failure"]["code"].as_str()),
        (Some("FAILURE"), Some("card_declined"))
    );
}

#[tokio::test]
async fn qr_wallet_payment_and_webhook() {
    let env = Env::new().await;
    let sid = env
        .session(json!({ "currency": "PHP", "amount": 150000 }))
        .await;
    let (_, r) = env
        .pay(
            &key(),
            json!({ "session_id": sid, "payment_method": "AlipayPlus" }),
        )
        .await;
    assert_eq!(r["status"], "PROCESSING");
    assert_eq!(r["action"]["type"], "qr");
    assert!(
        r["action"]["qr_code"].as_str().is_some() && r["action"]["expires_at"].as_str().is_some()
    );
    let (_, q) = env.get(&format!("/api/sessions/{sid}/result")).await;
    assert_eq!(q["status"], "PROCESSING");
    env.http
        .post(r["action"]["url"].as_str().unwrap())
        .form(&[("decision", "approve")])
        .send()
        .await
        .unwrap();
    env.wait_webhooks(1).await;
    let (_, q) = env.get(&format!("/api/sessions/{sid}/result")).await;
    assert_eq!(
        (
            q["status"].as_str(),
            q["amount"].as_i64(),
            q["currency"].as_str()
        ),
        (Some("SUCCESS"), Some(150000), Some("PHP"))
    );
    // no payment yet: NONE
    let sid = env.session(json!({})).await;
    let (st, q) = env.get(&format!("/api/sessions/{sid}/result")).await;
    assert_eq!((st.as_u16(), q["status"].as_str()), (200, Some("NONE")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_concurrent_identical_submissions_charge_once() {
    let env = Env::new().await;
    let sid = env.session(json!({})).await;
    let body = env.card(&sid, "4242424242424242");
    let k = key();
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let req = env
            .http
            .post(env.url("/api/payments"))
            .header("Idempotency-Key", &k)
            .json(&body);
        tasks.push(tokio::spawn(async move {
            let r = req.send().await.unwrap();
            (r.status(), r.json::<Value>().await.unwrap())
        }));
    }
    let mut orders = std::collections::HashSet::new();
    for t in tasks {
        let (st, v) = t.await.unwrap();
        assert_eq!(st, 200, "{v}");
        assert_eq!(v["status"], "SUCCESS");
        orders.insert(v["order_id"].as_str().unwrap().to_string());
    }
    assert_eq!(orders.len(), 1, "every answer is the first answer");
    assert_eq!(
        env.sb().state.db.count_transactions(&sid).unwrap(),
        1,
        "exactly one transaction at the gateway"
    );
    // same key, different body: refused
    let mut other = body.clone();
    other["holder_name"] = "Someone Else".into();
    let (st, e) = env.pay(&k, other).await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (422, Some("idempotency_conflict"))
    );
    // new key on a paid session: refused before the gateway is asked for a second charge
    let (st, e) = env.pay(&key(), body).await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (409, Some("already_paid"))
    );
    assert_eq!(env.sb().state.db.count_transactions(&sid).unwrap(), 1);
}

#[tokio::test]
async fn bad_input_gets_clear_errors_and_writes_nothing() {
    let env = Env::new().await;
    // The merchant server's door checks every term it is given...
    let raw = |body: &'static str| {
        env.http
            .post(env.url("/api/server/sessions"))
            .bearer_auth(SERVER_SECRET)
            .header("content-type", "application/json")
            .body(body)
    };
    let cases: Vec<(reqwest::RequestBuilder, u16, &str)> = vec![
        (raw("{\"amount\": 10"), 400, "malformed_json"),
        (raw("[1,2"), 400, "malformed_json"),
        (raw("{\"amount\": \"ten\"}"), 400, "invalid_request"),
        (raw("{\"amount\": 10.5}"), 400, "invalid_request"),
        (
            raw("{\"amount\": 100, \"colour\": \"red\"}"),
            400,
            "invalid_request",
        ),
        (
            raw("{\"amount\": 0, \"currency\": \"USD\"}"),
            400,
            "invalid_amount",
        ),
        (
            raw("{\"amount\": -5, \"currency\": \"USD\"}"),
            400,
            "invalid_amount",
        ),
        (
            raw("{\"amount\": 99999999999999999, \"currency\": \"USD\"}"),
            400,
            "invalid_amount",
        ),
        (
            raw("{\"amount\": 100, \"currency\": \"XYZ\"}"),
            400,
            "unsupported_currency",
        ),
        (
            raw("{\"amount\": 100, \"currency\": \"USD\", \"mode\": \"popup\"}"),
            400,
            "invalid_request",
        ),
        (
            raw(
                "{\"amount\": 100, \"currency\": \"USD\", \"return_url\": \"https://evil.example/\"}",
            ),
            400,
            "invalid_request",
        ),
        (
            raw("{\"amount\": 100, \"currency\": \"USD\", \"shopper_reference\": \"a b\"}"),
            400,
            "invalid_request",
        ),
        (
            env.http
                .post(env.url("/api/sessions"))
                .body("x".repeat(200_000)),
            413,
            "body_too_large",
        ),
    ];
    for (req, status, code) in cases {
        let (st, e) = env.send(req).await;
        assert_eq!(
            (st.as_u16(), e["error"]["code"].as_str()),
            (status, Some(code)),
            "{e}"
        );
        assert!(
            e["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
    assert_eq!(env.sb().state.db.count_rows("sessions").unwrap(), 0);
    let sid = env.session(json!({})).await;
    let good = env.card(&sid, "4242424242424242");
    let mut clear = good.clone();
    clear["card_no"] = "4242424242424242".into();
    let mut clear2 = good.clone();
    clear2["encrypted_card_no"] = "4242 4242 4242 4242".into();
    let mut clear3 = good.clone();
    clear3["holder_name"] = "4242424242424242".into();
    let mut unknown = good.clone();
    unknown["amount"] = 1.into();
    let mut wrong_type = good.clone();
    wrong_type["store_payment_method"] = "yes".into();
    for (body, status, code) in [
        (clear, 400, "clear_card_data"),
        (clear2, 400, "clear_card_data"),
        (clear3, 400, "clear_card_data"),
        (unknown, 400, "invalid_request"),
        (wrong_type, 400, "invalid_request"),
        (
            json!({ "session_id": "CS0", "payment_method": "AlipayPlus" }),
            404,
            "session_not_found",
        ),
        (
            json!({ "session_id": sid, "payment_method": "BANKCARD" }),
            400,
            "invalid_request",
        ),
        (
            json!({ "session_id": sid, "payment_method": "Bitcoin" }),
            400,
            "unsupported_payment_method",
        ),
    ] {
        let (st, e) = env.pay(&key(), body).await;
        assert_eq!(
            (st.as_u16(), e["error"]["code"].as_str()),
            (status, Some(code)),
            "{e}"
        );
    }
    let (st, e) = env
        .send(env.http.post(env.url("/api/payments")).json(&good))
        .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (400, Some("invalid_request")),
        "missing Idempotency-Key"
    );
    let (st, e) = env
        .send(
            env.http
                .post(env.url("/api/payments"))
                .header("Idempotency-Key", "short")
                .json(&good),
        )
        .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (400, Some("invalid_request"))
    );
    let (st, e) = env
        .send(
            env.http
                .post(env.url("/api/payments"))
                .header("Idempotency-Key", key())
                .body("{oops"),
        )
        .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (400, Some("malformed_json"))
    );
    assert_eq!(env.sb().state.db.count_transactions(&sid).unwrap(), 0);
    // and the good one still works after all that
    let (_, r) = env.pay(&key(), good).await;
    assert_eq!(r["status"], "SUCCESS");
}

#[tokio::test]
async fn expired_session_refuses_payment() {
    let env = Env::new().await;
    let sid = env.session(json!({ "expires_in_seconds": 1 })).await;
    // rounded up to a whole second by the backend: expired within 2 s
    tokio::time::sleep(Duration::from_millis(2050)).await;
    let (_, s) = env.get(&format!("/api/sessions/{sid}")).await;
    assert_eq!(s["status"], "EXPIRED");
    let (st, e) = env.pay(&key(), env.card(&sid, "4242424242424242")).await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (410, Some("session_expired"))
    );
    let (_, q) = env.get(&format!("/api/sessions/{sid}/result")).await;
    assert_eq!(
        (q["status"].as_str(), q["failure"]["code"].as_str()),
        (Some("EXPIRED"), Some("session_expired"))
    );
}

#[tokio::test]
async fn gateway_down_is_a_clear_error() {
    let dir = temp_dir("down");
    // a port that was just free
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", l.local_addr().unwrap());
    drop(l);
    let mut c = backend_config(&dir, "127.0.0.1:0".parse().unwrap(), &dead);
    c.register = Some(false);
    let be = paykka_backend::start(c).await.unwrap();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let r = http
        .post(format!("{}/api/sessions", be.base_url))
        .json(&demo_cart())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 502);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "gateway_unavailable");
    be.shutdown().await;
    let _ = std::fs::remove_dir_all(&dir);
}

//! Integration tests of the merchant backend against the sandbox gateway, both in-process on
//! loopback ports picked by the OS.

mod common;

use common::*;
use paykka_protocol::sign::SigningKey;
use paykka_protocol::test_keys;
use paykka_protocol::time::now_ms;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

#[tokio::test]
async fn create_and_get_session() {
    let env = Env::new().await;
    let (st, v) = env.server_post("/api/server/sessions", json!({ "amount": 4500, "currency": "eur", "mode": "component", "display_locale": "fr-FR" })).await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(
        (
            v["amount"].as_i64(),
            v["currency"].as_str(),
            v["session_mode"].as_str()
        ),
        (Some(4500), Some("EUR"), Some("COMPONENT"))
    );
    let sid = v["session_id"].as_str().unwrap();
    let (st, s) = env.get(&format!("/api/sessions/{sid}")).await;
    assert_eq!(st, 200);
    assert_eq!(s["status"], "PROCESSING");
    assert_eq!(s["display_locale"], "fr-FR");
    assert_eq!(s["merchant_name"], "PayKKa Demo Store");
    assert_eq!(s["currency_exponent"], 2);
    let methods: Vec<&str> = s["payment_methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["payment_method"].as_str().unwrap())
        .collect();
    assert_eq!(
        &methods[..4],
        &["BANKCARD", "ApplePay", "WechatPayGlobal", "AlipayPlus"]
    );
    assert!(
        !methods.contains(&"GooglePay"),
        "only when the merchant lists it"
    );
    assert!(methods.contains(&"AlipayPlus"));
    assert_eq!(s["saved_cards"], json!([]));
    assert_eq!(s["card_key_url"], format!("{}/card-key", env.sb().base_url));
    // the browser's door: a cart, priced by the catalogue, shipped where the shopper says
    let (st, v) = env
        .post("/api/sessions", json!({ "cart": [{ "sku": "kettle-pour-over", "quantity": 2 }], "shipping": demo_address() }))
        .await;
    assert_eq!(
        (st.as_u16(), v["amount"].as_i64(), v["currency"].as_str()),
        (200, Some(9998), Some("USD"))
    );
    let (st, e) = env.get("/api/sessions/CS404").await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (404, Some("session_not_found"))
    );
}

#[tokio::test]
async fn apple_pay_session_and_unknown_paths() {
    let env = Env::new().await;
    let (st, v) = env
        .post(
            "/api/apple-pay/session",
            json!({ "domain_name": "shop.example.com" }),
        )
        .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["merchant_session"]["domainName"], "shop.example.com");
    assert_eq!(v["merchant_session"]["displayName"], "PayKKa Demo Store");
    let (st, e) = env
        .post("/api/apple-pay/session", json!({ "domain": "x" }))
        .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (400, Some("invalid_request"))
    );
    let (st, e) = env.get("/api/nothing-here").await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let (st, h) = env.get("/health").await;
    assert_eq!((st.as_u16(), h["status"].as_str()), (200, Some("ok")));
}

#[tokio::test]
async fn cors_allows_the_demo_origin_only() {
    let env = Env::new().await;
    for (origin, allowed) in [
        ("http://127.0.0.1:8080", true),
        ("http://localhost:8080", true),
        ("http://evil.example", false),
    ] {
        let r = env
            .http
            .request(reqwest::Method::OPTIONS, env.url("/api/payments"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "content-type,idempotency-key",
            )
            .send()
            .await
            .unwrap();
        let h = r
            .headers()
            .get("access-control-allow-origin")
            .map(|v| v.to_str().unwrap().to_string());
        assert_eq!(h.as_deref() == Some(origin), allowed, "{origin}: {h:?}");
    }
}

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
async fn webhooks_are_verified_before_acting() {
    let env = Env::v1_2().await;
    let gw = SigningKey::from_pem(test_keys::GATEWAY).unwrap();
    let mid =
        paykka_backend::Config::new("127.0.0.1:0".parse().unwrap(), "x", "http://x").merchant_id;
    let note = |ts: i64, id: &str| {
        json!({ "notify_id": id, "notify_type": "TRANSACTION", "timestamp": ts, "merchant_id": mid, "trans_id": "T", "order_id": "GW1",
            "session_id": "CSX", "status": "SUCCESS", "amount": 1, "currency": "USD" })
        .to_string()
    };
    let post = |body: String, sig: String| {
        env.http
            .post(env.url("/api/webhooks/paykka"))
            .header("signature", sig)
            .header("type", "RSA256")
            .header("version", "v1.2")
            .body(body)
    };
    let ts = now_ms();
    let body = note(ts, "NT1");
    let sig = gw.sign(&mid, ts, body.as_bytes());
    // tampered body, wrong key, stale timestamp, missing signature: refused, nothing recorded
    let (st, e) = env
        .send(post(body.replace("SUCCESS", "FAILURE"), sig.clone()))
        .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (401, Some("invalid_signature"))
    );
    let merchant = SigningKey::from_pem(test_keys::MERCHANT).unwrap();
    let (st, _) = env
        .send(post(body.clone(), merchant.sign(&mid, ts, body.as_bytes())))
        .await;
    assert_eq!(st, 401);
    let old_ts = ts - 6 * 60 * 1000;
    let old = note(old_ts, "NT2");
    let (st, _) = env
        .send(post(old.clone(), gw.sign(&mid, old_ts, old.as_bytes())))
        .await;
    assert_eq!(st, 401);
    let (st, _) = env
        .send(
            env.http
                .post(env.url("/api/webhooks/paykka"))
                .body(body.clone()),
        )
        .await;
    assert_eq!(st, 401);
    assert_eq!(
        env.be
            .as_ref()
            .unwrap()
            .state
            .store
            .webhook_count()
            .unwrap(),
        0
    );
    // genuine: accepted once, then recognised as a duplicate
    let (st, v) = env.send(post(body.clone(), sig.clone())).await;
    assert_eq!((st.as_u16(), v["status"].as_str()), (200, Some("ok")));
    let (st, v) = env.send(post(body, sig)).await;
    assert_eq!(
        (st.as_u16(), v["status"].as_str()),
        (200, Some("duplicate"))
    );
    assert_eq!(
        env.be
            .as_ref()
            .unwrap()
            .state
            .store
            .webhook_count()
            .unwrap(),
        1
    );
}

/// Hand-made gateway notifications for one session of the backend, and what they left behind.
struct Hooks<'a> {
    env: &'a Env,
    mid: String,
    sid: String,
    gw: SigningKey,
}

/// (order status, order's payment id, webhooks recorded): what a refused webhook must not change.
type Trace = (String, Option<String>, i64);

impl<'a> Hooks<'a> {
    async fn new(env: &'a Env) -> Self {
        let sid = env.session(json!({})).await;
        Hooks {
            env,
            mid: env.be.as_ref().unwrap().state.cfg.merchant_id.clone(),
            sid,
            gw: SigningKey::from_pem(test_keys::GATEWAY).unwrap(),
        }
    }

    fn note(&self, notify_id: &str, order_id: &str, status: &str, ts: i64) -> String {
        json!({ "notify_id": notify_id, "notify_type": "TRANSACTION", "timestamp": ts, "merchant_id": self.mid,
            "trans_id": "T-hooks", "order_id": order_id, "session_id": self.sid, "status": status,
            "amount": 1999, "currency": "USD" })
        .to_string()
    }

    async fn post(&self, body: &str, signature: Option<&str>) -> (StatusCode, Value) {
        let mut r = self
            .env
            .http
            .post(self.env.url("/api/webhooks/paykka"))
            .header("content-type", "application/json")
            .header("type", "RSA256")
            .header("version", "v1.2")
            .body(body.to_string());
        if let Some(s) = signature {
            r = r.header("signature", s);
        }
        self.env.send(r).await
    }

    /// A notification signed with `key` over its own merchant id and timestamp.
    async fn post_signed(&self, body: &str, key: &SigningKey) -> (StatusCode, Value) {
        let v: Value = serde_json::from_str(body).unwrap();
        let ts = v["timestamp"].as_i64().unwrap();
        let sig = key.sign(v["merchant_id"].as_str().unwrap(), ts, body.as_bytes());
        self.post(body, Some(&sig)).await
    }

    /// A genuine notification, signed now with the gateway key; answers the `status` acknowledged.
    async fn send(&self, notify_id: &str, order_id: &str, status: &str) -> String {
        let body = self.note(notify_id, order_id, status, now_ms());
        let (st, v) = self.post_signed(&body, &self.gw).await;
        assert_eq!(st, 200, "{v}");
        v["status"].as_str().unwrap().to_string()
    }

    fn trace(&self) -> Trace {
        let state = &self.env.be.as_ref().unwrap().state;
        let o = state.store.order(&self.sid).unwrap().unwrap();
        (o.status, o.order_id, state.store.webhook_count().unwrap())
    }

    fn order_status(&self) -> (String, Option<String>) {
        let (s, o, _) = self.trace();
        (s, o)
    }

    /// Posts and expects 401 `invalid_signature` with nothing changed.
    async fn refused(&self, what: &str, body: &str, signature: Option<&str>) {
        let before = self.trace();
        let (st, v) = self.post(body, signature).await;
        assert_eq!(
            (st.as_u16(), v["error"]["code"].as_str()),
            (401, Some("invalid_signature")),
            "{what}: {v}"
        );
        assert_eq!(self.trace(), before, "{what} changed the store");
    }

    async fn refused_signed(&self, what: &str, body: &str, key: &SigningKey) {
        let v: Value = serde_json::from_str(body).unwrap();
        let ts = v["timestamp"].as_i64().unwrap();
        let sig = key.sign(v["merchant_id"].as_str().unwrap(), ts, body.as_bytes());
        self.refused(what, body, Some(&sig)).await;
    }
}

#[tokio::test]
async fn a_replayed_webhook_is_acknowledged_as_a_duplicate_and_changes_nothing() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    let ts = now_ms();
    let body = h.note("NT-R1", "GW-R1", "SUCCESS", ts);
    let sig = h.gw.sign(&h.mid, ts, body.as_bytes());
    let (st, v) = h.post(&body, Some(&sig)).await;
    assert_eq!((st.as_u16(), v["status"].as_str()), (200, Some("ok")));
    let after_first = h.trace();
    assert_eq!(after_first, ("SUCCESS".into(), Some("GW-R1".into()), 1));
    // the very same request again, then again
    for _ in 0..2 {
        let (st, v) = h.post(&body, Some(&sig)).await;
        assert_eq!(
            (st.as_u16(), v["status"].as_str()),
            (200, Some("duplicate"))
        );
        assert_eq!(h.trace(), after_first);
    }
    // the same notify_id re-signed later with other content (a retry is signed afresh): still
    // a duplicate, acted on once only
    assert_eq!(h.send("NT-R1", "GW-R1", "FAILURE").await, "duplicate");
    assert_eq!(h.trace(), after_first);
}

#[tokio::test]
async fn a_tampered_webhook_is_refused_and_changes_nothing() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    let ts = now_ms();
    let body = h.note("NT-T1", "GW-T1", "SUCCESS", ts);
    let sig = h.gw.sign(&h.mid, ts, body.as_bytes());
    assert_eq!(h.trace(), ("CREATED".into(), None, 0));
    let amount = body.replace("\"amount\":1999", "\"amount\":1");
    let status = body.replace("\"SUCCESS\"", "\"REFUNDED\"");
    let order = body.replace("GW-T1", "GW-T2");
    let session = body.replace(&h.sid, "CS-other");
    let notify = body.replace("NT-T1", "NT-T9");
    let spaced = format!("{body} ");
    let mut flipped = body.clone().into_bytes();
    let i = flipped.len() / 2;
    flipped[i] ^= 0x01;
    let flipped = String::from_utf8(flipped).unwrap();
    for (what, tampered) in [
        ("amount changed", &amount),
        ("status changed", &status),
        ("order id changed", &order),
        ("session id changed", &session),
        ("notify id changed", &notify),
        ("a byte appended", &spaced),
        ("one bit flipped", &flipped),
    ] {
        assert_ne!(tampered, &body);
        h.refused(what, tampered, Some(&sig)).await;
    }
    assert_eq!(h.trace(), ("CREATED".into(), None, 0));
    // the untouched one is accepted
    let (st, v) = h.post(&body, Some(&sig)).await;
    assert_eq!((st.as_u16(), v["status"].as_str()), (200, Some("ok")));
    assert_eq!(h.trace(), ("SUCCESS".into(), Some("GW-T1".into()), 1));
}

#[tokio::test]
async fn a_webhook_signed_with_a_key_other_than_the_gateways_is_refused() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    let body = h.note("NT-K1", "GW-K1", "SUCCESS", now_ms());
    for (what, pem) in [
        ("the merchant's own key", test_keys::MERCHANT),
        ("the card key", test_keys::CARD),
        ("a gateway key not configured", test_keys::GATEWAY_NEXT),
    ] {
        h.refused_signed(what, &body, &SigningKey::from_pem(pem).unwrap())
            .await;
    }
    assert_eq!(h.trace(), ("CREATED".into(), None, 0));
}

#[tokio::test]
async fn a_webhook_for_another_merchant_is_refused() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    let ts = now_ms();
    // genuinely signed by the gateway, but for another merchant
    let other = h.note("NT-M1", "GW-M1", "SUCCESS", ts).replace(
        &format!("\"merchant_id\":\"{}\"", h.mid),
        "\"merchant_id\":\"99999999999999\"",
    );
    assert!(other.contains("99999999999999"));
    h.refused_signed("another merchant id", &other, &h.gw).await;
    // signed for our merchant id, body naming another one
    let body = h.note("NT-M2", "GW-M2", "SUCCESS", ts);
    let sig = h.gw.sign(&h.mid, ts, body.as_bytes());
    let swapped = body.replace(&h.mid, "99999999999999");
    h.refused("merchant id swapped after signing", &swapped, Some(&sig))
        .await;
    // no merchant id at all
    let none = body.replace(&format!("\"merchant_id\":\"{}\",", h.mid), "");
    assert!(!none.contains("merchant_id"));
    h.refused("no merchant id", &none, Some(&sig)).await;
    assert_eq!(h.trace(), ("CREATED".into(), None, 0));
}

#[tokio::test]
async fn a_webhook_more_than_five_minutes_old_or_ahead_is_refused() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    let minute = 60_000;
    let now = now_ms();
    for (what, ts) in [
        ("6 minutes old", now - 6 * minute),
        ("5 minutes and 10 s old", now - 5 * minute - 10_000),
        ("a day old", now - 24 * 60 * minute),
        ("5 minutes and 10 s ahead", now + 5 * minute + 10_000),
        ("an hour ahead", now + 60 * minute),
        ("timestamp 0", 0),
    ] {
        let body = h.note(&format!("NT-W{ts}"), "GW-W1", "SUCCESS", ts);
        h.refused_signed(what, &body, &h.gw).await;
    }
    // the timestamp as a string, still stale
    let body = h
        .note("NT-WS", "GW-W1", "SUCCESS", now - 6 * minute)
        .replace(
            &format!("\"timestamp\":{}", now - 6 * minute),
            &format!("\"timestamp\":\"{}\"", now - 6 * minute),
        );
    let sig = h.gw.sign(&h.mid, now - 6 * minute, body.as_bytes());
    h.refused("stale string timestamp", &body, Some(&sig)).await;
    assert_eq!(h.trace(), ("CREATED".into(), None, 0));
    // inside the window, either side: accepted
    let body = h.note("NT-W-IN1", "GW-W1", "PROCESSING", now - 4 * minute);
    assert_eq!(h.post_signed(&body, &h.gw).await.0, 200);
    let body = h.note("NT-W-IN2", "GW-W1", "SUCCESS", now + 4 * minute);
    assert_eq!(h.post_signed(&body, &h.gw).await.0, 200);
    assert_eq!(h.trace(), ("SUCCESS".into(), Some("GW-W1".into()), 2));
}

#[tokio::test]
async fn a_webhook_with_a_missing_or_garbled_signature_is_refused() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    let ts = now_ms();
    let body = h.note("NT-S1", "GW-S1", "SUCCESS", ts);
    let good = h.gw.sign(&h.mid, ts, body.as_bytes());
    let other_body = h.gw.sign(
        &h.mid,
        ts,
        h.note("NT-S2", "GW-S1", "SUCCESS", ts).as_bytes(),
    );
    let other_ts = h.gw.sign(&h.mid, ts + 1, body.as_bytes());
    let truncated = good[..good.len() - 8].to_string();
    let mut raw = good.clone().into_bytes();
    raw[20] = if raw[20] == b'A' { b'B' } else { b'A' };
    let one_char = String::from_utf8(raw).unwrap();
    let cases: [(&str, Option<&str>); 9] = [
        ("no signature header", None),
        ("empty signature", Some("")),
        ("not base64", Some("not base64!")),
        ("short base64", Some("AAAA")),
        ("truncated signature", Some(&truncated)),
        ("one character changed", Some(&one_char)),
        ("signature of another body", Some(&other_body)),
        ("signature over another timestamp", Some(&other_ts)),
        ("two signatures", Some(&format!("{good},{good}"))),
    ];
    for (what, sig) in cases {
        h.refused(what, &body, sig).await;
    }
    // a body without the signed fields
    let no_ts = body.replace(&format!("\"timestamp\":{ts},"), "");
    assert!(!no_ts.contains("timestamp"));
    h.refused("no timestamp", &no_ts, Some(&good)).await;
    h.refused("not JSON", "SUCCESS", Some(&good)).await;
    assert_eq!(h.trace(), ("CREATED".into(), None, 0));
    let (st, _) = h.post(&body, Some(&good)).await;
    assert_eq!(st, 200);
}

#[tokio::test]
async fn a_late_pending_notification_does_not_move_a_paid_order_back() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    // SUCCESS arrives first, the earlier PROCESSING after it (other notify ids)
    assert_eq!(h.send("NT-O1", "GW-O1", "SUCCESS").await, "ok");
    assert_eq!(h.send("NT-O0", "GW-O1", "PROCESSING").await, "ok");
    assert_eq!(h.order_status(), ("SUCCESS".into(), Some("GW-O1".into())));
    // an AUTHORIZED sent before a capture, arriving after it
    assert_eq!(h.send("NT-O2", "GW-O1", "AUTHORIZED").await, "ok");
    assert_eq!(h.order_status(), ("SUCCESS".into(), Some("GW-O1".into())));
    // a FAILURE for the same payment cannot undo a SUCCESS either: the first outcome stays
    assert_eq!(h.send("NT-O3", "GW-O1", "FAILURE").await, "ok");
    assert_eq!(h.order_status(), ("SUCCESS".into(), Some("GW-O1".into())));
    let store = &env.be.as_ref().unwrap().state.store;
    assert_eq!(
        store.payment_status("GW-O1").unwrap().as_deref(),
        Some("SUCCESS")
    );
    assert_eq!(store.webhook_count().unwrap(), 4);

    // an authorisation: AUTHORIZED after PROCESSING, a late PROCESSING ignored
    let h = Hooks::new(&env).await;
    assert_eq!(h.send("NT-A1", "GW-A1", "PROCESSING").await, "ok");
    assert_eq!(h.send("NT-A2", "GW-A1", "AUTHORIZED").await, "ok");
    assert_eq!(h.send("NT-A0", "GW-A1", "PROCESSING").await, "ok");
    assert_eq!(
        h.order_status(),
        ("AUTHORIZED".into(), Some("GW-A1".into()))
    );
}

#[tokio::test]
async fn refunds_and_cancellations_after_payment_are_applied_and_never_undone() {
    let env = Env::v1_2().await;
    // captured, then refunded in two parts; the late notifications of earlier steps ignored
    let h = Hooks::new(&env).await;
    for (id, status, expect) in [
        ("NT-F1", "SUCCESS", "SUCCESS"),
        ("NT-F2", "PARTIALLY_REFUNDED", "PARTIALLY_REFUNDED"),
        ("NT-F3", "PARTIALLY_REFUNDED", "PARTIALLY_REFUNDED"),
        ("NT-F0", "SUCCESS", "PARTIALLY_REFUNDED"),
        ("NT-F4", "REFUNDED", "REFUNDED"),
        ("NT-F2b", "PARTIALLY_REFUNDED", "REFUNDED"),
        ("NT-F0b", "PROCESSING", "REFUNDED"),
    ] {
        assert_eq!(h.send(id, "GW-F1", status).await, "ok");
        assert_eq!(
            h.order_status(),
            (expect.into(), Some("GW-F1".into())),
            "after {id} {status}"
        );
    }
    // refund before its payment's success notification (reordered): the refund stays
    let h = Hooks::new(&env).await;
    assert_eq!(h.send("NT-G2", "GW-G1", "REFUNDED").await, "ok");
    assert_eq!(h.send("NT-G1", "GW-G1", "SUCCESS").await, "ok");
    assert_eq!(h.order_status(), ("REFUNDED".into(), Some("GW-G1".into())));
    // an authorisation voided: CANCELED after AUTHORIZED, a late AUTHORIZED ignored
    let h = Hooks::new(&env).await;
    assert_eq!(h.send("NT-C1", "GW-C1", "AUTHORIZED").await, "ok");
    assert_eq!(h.send("NT-C2", "GW-C1", "CANCELED").await, "ok");
    assert_eq!(h.send("NT-C0", "GW-C1", "AUTHORIZED").await, "ok");
    assert_eq!(h.order_status(), ("CANCELED".into(), Some("GW-C1".into())));
    // a partly captured authorisation whose rest is voided, then refunded
    let h = Hooks::new(&env).await;
    for (id, status, expect) in [
        ("NT-P1", "AUTHORIZED", "AUTHORIZED"),
        ("NT-P2", "SUCCESS", "SUCCESS"),
        ("NT-P3", "PARTIALLY_REVERSED", "PARTIALLY_REVERSED"),
        ("NT-P2b", "SUCCESS", "PARTIALLY_REVERSED"),
        ("NT-P4", "REFUNDED", "REFUNDED"),
    ] {
        assert_eq!(h.send(id, "GW-P1", status).await, "ok");
        assert_eq!(
            h.order_status(),
            (expect.into(), Some("GW-P1".into())),
            "after {id} {status}"
        );
    }
}

#[tokio::test]
async fn a_late_notification_of_an_earlier_attempt_does_not_replace_the_current_one() {
    let env = Env::v1_2().await;
    // attempt 1 pending, attempt 2 pending, then attempt 1's failure arrives: attempt 2 stays
    let h = Hooks::new(&env).await;
    assert_eq!(h.send("NT-E1", "GW-E1", "PROCESSING").await, "ok");
    assert_eq!(h.send("NT-E2", "GW-E2", "PROCESSING").await, "ok");
    assert_eq!(h.send("NT-E3", "GW-E1", "FAILURE").await, "ok");
    assert_eq!(
        h.order_status(),
        ("PROCESSING".into(), Some("GW-E2".into()))
    );
    assert_eq!(h.send("NT-E4", "GW-E2", "SUCCESS").await, "ok");
    assert_eq!(h.order_status(), ("SUCCESS".into(), Some("GW-E2".into())));
    // attempt 1 failed, attempt 2 paid, attempt 1's failure notified again late: still paid
    assert_eq!(h.send("NT-E5", "GW-E1", "FAILURE").await, "ok");
    assert_eq!(h.order_status(), ("SUCCESS".into(), Some("GW-E2".into())));
    // an earlier attempt that does succeed after all (late 3DS) wins over a failed later one
    let h = Hooks::new(&env).await;
    assert_eq!(h.send("NT-L1", "GW-L1", "PROCESSING").await, "ok");
    assert_eq!(h.send("NT-L2", "GW-L2", "FAILURE").await, "ok");
    assert_eq!(h.order_status(), ("FAILURE".into(), Some("GW-L2".into())));
    assert_eq!(h.send("NT-L3", "GW-L1", "SUCCESS").await, "ok");
    assert_eq!(h.order_status(), ("SUCCESS".into(), Some("GW-L1".into())));
}

fn spki(pem: &str) -> String {
    SigningKey::from_pem(pem)
        .unwrap()
        .verifying_key()
        .to_spki_pem()
}

#[tokio::test]
async fn webhooks_verify_with_either_of_two_configured_gateway_keys_until_one_is_retired() {
    // A = the current gateway key, B = the next one, C = a stranger
    let (a, b, c) = (
        SigningKey::from_pem(test_keys::GATEWAY).unwrap(),
        SigningKey::from_pem(test_keys::GATEWAY_NEXT).unwrap(),
        SigningKey::from_pem(test_keys::MERCHANT).unwrap(),
    );
    let dir = temp_dir("gwkeys");
    let both = dir.join("paykka_public_keys.pem");
    std::fs::write(
        &both,
        format!(
            "# PayKKa webhook keys: current\n{}# next, announced for the rotation\n{}",
            spki(test_keys::GATEWAY),
            spki(test_keys::GATEWAY_NEXT)
        ),
    )
    .unwrap();
    let both2 = both.clone();
    let mut env = Env::with(move |_, be| {
        be.gateway_public_key_file = Some(both2);
        be.api_version = paykka_protocol::ApiVersion::V1_2;
    })
    .await;
    // configured keys are not replaced by the sandbox's (which publishes A only)
    assert_eq!(env.be.as_ref().unwrap().state.gateway.keys().len(), 2);
    let h = Hooks::new(&env).await;
    let body = h.note("NT-K1", "GW-K1", "PROCESSING", now_ms());
    assert_eq!(h.post_signed(&body, &a).await.0, 200);
    let body = h.note("NT-K2", "GW-K1", "SUCCESS", now_ms());
    assert_eq!(h.post_signed(&body, &b).await.0, 200);
    let body = h.note("NT-K3", "GW-K1", "REFUNDED", now_ms());
    h.refused_signed("unknown key C", &body, &c).await;
    assert_eq!(h.trace(), ("SUCCESS".into(), Some("GW-K1".into()), 2));
    let sid = h.sid.clone();
    let mid = h.mid.clone();
    drop(h);

    // A retired: the file now holds B only; restart on the same data
    let only_b = dir.join("paykka_public_key.pem");
    std::fs::write(&only_b, spki(test_keys::GATEWAY_NEXT)).unwrap();
    let mut c2 = backend_config(&env.dir, "127.0.0.1:0".parse().unwrap(), &env.sb().base_url);
    c2.gateway_public_key_file = Some(only_b);
    c2.api_version = paykka_protocol::ApiVersion::V1_2;
    env.be.take().unwrap().shutdown().await;
    env.be = Some(paykka_backend::start(c2.clone()).await.unwrap());
    let h = Hooks {
        env: &env,
        mid,
        sid,
        gw: b,
    };
    let body = h.note("NT-K4", "GW-K1", "REFUNDED", now_ms());
    h.refused_signed("retired key A", &body, &a).await;
    let body = h.note("NT-K5", "GW-K1", "REFUNDED", now_ms());
    assert_eq!(h.post_signed(&body, &h.gw).await.0, 200);
    assert_eq!(h.trace(), ("REFUNDED".into(), Some("GW-K1".into()), 3));

    // a key file that is not a public key (or holds a broken block) stops the start
    for bad in [
        test_keys::MERCHANT.to_string(),
        "no key here".to_string(),
        format!(
            "{}{}",
            spki(test_keys::GATEWAY),
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"
        ),
    ] {
        std::fs::write(dir.join("bad.pem"), bad).unwrap();
        let mut c3 = c2.clone();
        c3.data_dir = dir.join("bad-backend");
        c3.gateway_public_key_file = Some(dir.join("bad.pem"));
        assert!(paykka_backend::start(c3).await.is_err());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_backend_holding_both_keys_accepts_webhooks_across_the_sandboxs_key_switch() {
    // the sandbox has announced its next key: the backend learns both when it registers
    let env =
        Env::with(|sb, _| sb.gateway_next_key_pem = Some(test_keys::GATEWAY_NEXT.into())).await;
    let be = &env.be.as_ref().unwrap().state;
    assert_eq!(be.gateway.keys().len(), 2);
    let next = SigningKey::from_pem(test_keys::GATEWAY_NEXT).unwrap();
    let old = SigningKey::from_pem(test_keys::GATEWAY).unwrap();
    assert_eq!(&env.sb().state.gateway_public_key(), old.verifying_key());
    let sid = env.session(json!({})).await;
    let (_, r) = env.pay(&key(), env.card(&sid, "4242424242424242")).await;
    assert_eq!(r["status"], "SUCCESS", "{r}");
    env.wait_webhooks(1).await;
    // the switch: webhooks are signed with the next key from now on
    assert!(env.sb().state.switch_gateway_key().unwrap());
    assert_eq!(&env.sb().state.gateway_public_key(), next.verifying_key());
    assert!(!env.sb().state.switch_gateway_key().unwrap());
    let sid2 = env.session(json!({})).await;
    let (_, r) = env.pay(&key(), env.card(&sid2, "4242424242424242")).await;
    assert_eq!(r["status"], "SUCCESS", "{r}");
    env.wait_webhooks(2).await;
    // each delivered at the first attempt: none was refused
    let attempts = env.sb().state.db.webhook_attempts().unwrap();
    assert_eq!(attempts.len(), 2);
    assert!(
        attempts.iter().all(|(_, n, ok)| *n == 1 && *ok),
        "{attempts:?}"
    );
    for s in [&sid, &sid2] {
        assert_eq!(be.store.order(s).unwrap().unwrap().status, "SUCCESS");
    }
}

#[tokio::test]
async fn a_merchant_key_rotation_keeps_both_backends_working_until_the_old_key_is_retired() {
    let mut env = Env::new().await;
    let portal = |p: &str| format!("{}/portal/merchants/{p}", env.sb().base_url);
    let mid = env.be.as_ref().unwrap().state.cfg.merchant_id.clone();
    // 1. the next public key is registered beside the current one
    let r: Value = env
        .http
        .post(portal(&format!("{mid}/keys")))
        .json(&json!({ "public_key_pem": spki(test_keys::MERCHANT_NEXT) }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["ret_code"], "000000", "{r}");
    assert_eq!(r["data"]["keys"].as_array().unwrap().len(), 2);
    // 2. a backend with the next private key starts (its registration keeps both keys); the
    //    old one still runs: both work
    let mut c = backend_config(&env.dir, "127.0.0.1:0".parse().unwrap(), &env.sb().base_url);
    c.data_dir = env.dir.join("backend-next");
    c.merchant_key_pem = Some(test_keys::MERCHANT_NEXT.into());
    let next = paykka_backend::start(c).await.unwrap();
    let create = |base: String| {
        let http = env.http.clone();
        async move {
            let r = http
                .post(format!("{base}/api/sessions"))
                .json(&demo_cart())
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.json::<Value>().await.unwrap())
        }
    };
    let old_base = env.be.as_ref().unwrap().base_url.clone();
    assert_eq!(create(old_base.clone()).await.0, 200);
    assert_eq!(create(next.base_url.clone()).await.0, 200);
    // 3. the old key is retired: the old backend is refused with the gateway's signature error
    let old_id = SigningKey::from_pem(test_keys::MERCHANT)
        .unwrap()
        .verifying_key()
        .key_id();
    let r: Value = env
        .http
        .delete(portal(&format!("{mid}/keys/{old_id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["ret_code"], "000000", "{r}");
    let (st, e) = create(old_base).await;
    assert_eq!(
        (st, e["error"]["code"].as_str()),
        (502, Some("gateway_auth_failed")),
        "{e}"
    );
    assert_eq!(create(next.base_url.clone()).await.0, 200);
    next.shutdown().await;
    env.be.take().unwrap().shutdown().await;
}

#[tokio::test]
async fn a_session_created_before_a_restart_can_be_paid_after_it() {
    let mut env = Env::new().await;
    let sid = env
        .session(json!({ "shopper_reference": "carol-03" }))
        .await;
    let sb_addr = env.sb().addr;
    env.be.take().unwrap().shutdown().await;
    env.sb.take().unwrap().shutdown().await;
    // both come back on the same data; the backend on a new port
    let any: SocketAddr = "127.0.0.1:0".parse().unwrap();
    env.sb = Some(
        paykka_sandbox::start(sandbox_config(&env.dir, sb_addr))
            .await
            .unwrap(),
    );
    env.be = Some(
        paykka_backend::start(backend_config(&env.dir, any, &env.sb().base_url))
            .await
            .unwrap(),
    );
    let (_, s) = env.get(&format!("/api/sessions/{sid}")).await;
    assert_eq!(s["status"], "PROCESSING");
    let (st, r) = env.pay(&key(), env.card(&sid, "4242424242424242")).await;
    assert_eq!(
        (st.as_u16(), r["status"].as_str()),
        (200, Some("SUCCESS")),
        "{r}"
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

#[tokio::test]
async fn merchant_key_is_generated_once_and_never_served() {
    let dir = temp_dir("key");
    let sb = paykka_sandbox::start(sandbox_config(&dir, "127.0.0.1:0".parse().unwrap()))
        .await
        .unwrap();
    let c = paykka_backend::Config::new(
        "127.0.0.1:0".parse().unwrap(),
        dir.join("backend"),
        &sb.base_url,
    );
    let be = paykka_backend::start(c.clone()).await.unwrap();
    let pem = std::fs::read_to_string(dir.join("backend/merchant_key.pem")).unwrap();
    assert!(pem.contains("PRIVATE KEY"));
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    // registered with the sandbox by itself (loopback gateway): a session works
    let r = http
        .post(format!("{}/api/sessions", be.base_url))
        .json(&demo_cart())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    for path in [
        "/merchant_key.pem",
        "/api/merchant_key.pem",
        "/.data/backend/merchant_key.pem",
    ] {
        let t = http
            .get(format!("{}{path}", be.base_url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!t.contains("PRIVATE"));
    }
    be.shutdown().await;
    let be = paykka_backend::start(c).await.unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join("backend/merchant_key.pem")).unwrap(),
        pem
    );
    be.shutdown().await;
    sb.shutdown().await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// Create-session throughput through the backend, signing and verification included.
/// `cargo test --release -p paykka-backend --test api -- --ignored --nocapture throughput`
#[tokio::test(flavor = "multi_thread")]
#[ignore = "load test: run by hand in release mode"]
async fn throughput_create_session() {
    let env = Env::new().await;
    let total: usize = std::env::var("LOAD_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let concurrency: usize = std::env::var("LOAD_CONCURRENCY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16);
    // warm up
    for _ in 0..20 {
        env.session(json!({})).await;
    }
    let next = std::sync::Arc::new(AtomicUsize::new(0));
    let start = std::time::Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let next = next.clone();
        let http = env.http.clone();
        let url = env.url("/api/server/sessions");
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            while next.fetch_add(1, Ordering::SeqCst) < total {
                let t = std::time::Instant::now();
                let r = http
                    .post(&url)
                    .bearer_auth(SERVER_SECRET)
                    .json(&json!({ "amount": 1999, "currency": "USD" }))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), 200);
                r.bytes().await.unwrap();
                lat.push(t.elapsed());
            }
            lat
        }));
    }
    let mut lat = Vec::new();
    for t in tasks {
        lat.extend(t.await.unwrap());
    }
    let secs = start.elapsed().as_secs_f64();
    lat.sort();
    let p =
        |q: f64| lat[((lat.len() as f64 * q) as usize).min(lat.len() - 1)].as_secs_f64() * 1000.0;
    println!(
        "create-session via backend: {total} requests, concurrency {concurrency}: {:.0} req/s; latency p50 {:.1} ms, p99 {:.1} ms",
        total as f64 / secs,
        p(0.5),
        p(0.99)
    );
}

//! The backend under attack from a browser that holds nothing but the demo's origin: it may
//! not set the price, name the shopper, use or remove someone else's cards, test cards without
//! limit, charge one order twice, or send shoppers to another site. Each test was run against
//! the backend before these defences and failed there.

mod common;

use common::*;
use paykka_protocol::Operation;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

/// A browser's POST of `body` to `path`, with no login.
async fn browser_post(env: &Env, path: &str, body: Value) -> (StatusCode, Value) {
    env.post(path, body).await
}

/// Saves a 4242 card for `shopper` (signed in as them) and signs out; returns its token.
async fn saved_card_of(env: &Env, shopper: &str) -> String {
    env.sign_in(Some(shopper)).await;
    let sid = env.session(json!({ "shopper_reference": shopper })).await;
    let mut body = env.card(&sid, "4242424242424242");
    body["store_payment_method"] = true.into();
    let (st, r) = env.pay(&key(), body).await;
    assert_eq!(
        (st.as_u16(), r["status"].as_str()),
        (200, Some("SUCCESS")),
        "{r}"
    );
    let sid = env.session(json!({ "shopper_reference": shopper })).await;
    let (_, s) = env.get(&format!("/api/sessions/{sid}")).await;
    let token = s["saved_cards"][0]["token"]
        .as_str()
        .expect("the saved card")
        .to_string();
    env.sign_in(None).await;
    token
}

#[tokio::test]
async fn the_browser_cannot_set_any_money_term_or_name_the_shopper() {
    let env = Env::new().await;
    let cart = json!([{ "sku": "kettle-pour-over", "quantity": 1 }]);
    for (field, value) in [
        ("amount", json!(1)),
        ("currency", json!("JPY")),
        ("capture_method", json!("MANUAL")),
        ("payment_type", json!("RECURRING")),
        ("payment_methods", json!(["BANKCARD"])),
        ("goods", json!([])),
        ("shopper_reference", json!("someone-else")),
        ("store_payment_method", json!(true)),
        ("token_usage", json!("UNSCHEDULED_CARD_ON_FILE")),
        ("expires_in_seconds", json!(86400)),
    ] {
        let mut body = json!({ "cart": cart });
        body[field] = value;
        let (st, e) = browser_post(&env, "/api/sessions", body).await;
        assert_eq!(
            (st.as_u16(), e["error"]["code"].as_str()),
            (400, Some("server_decides")),
            "{field}: {e}"
        );
        assert!(e["error"]["message"].as_str().unwrap().contains(field));
    }
    assert_eq!(
        env.sb().state.db.count_rows("sessions").unwrap(),
        0,
        "nothing was created"
    );
}

#[tokio::test]
async fn a_cart_the_shop_does_not_sell_is_refused_and_creates_nothing() {
    let env = Env::new().await;
    for cart in [
        json!([]),
        json!([{ "sku": "free-money", "quantity": 1 }]),
        json!([{ "sku": "kettle-pour-over", "quantity": 0 }]),
        json!([{ "sku": "kettle-pour-over", "quantity": -1 }]),
        json!([{ "sku": "kettle-pour-over", "quantity": 1.5 }]),
        json!([{ "sku": "kettle-pour-over", "quantity": 1_000_000_000_000_u64 }]),
        json!([{ "sku": "kettle-pour-over", "quantity": 1, "price": 1 }]),
        json!(
            (0..11)
                .map(|_| json!({ "sku": "kettle-pour-over", "quantity": 10 }))
                .collect::<Vec<_>>()
        ),
        json!([{ "sku": "kettle-pour-over", "quantity": 1 }, { "sku": "matcha-tin-jp", "quantity": 1 }]),
    ] {
        let (st, e) = browser_post(&env, "/api/sessions", json!({ "cart": cart })).await;
        assert_eq!(st, 400, "{cart}: {e}");
        assert!(
            matches!(
                e["error"]["code"].as_str(),
                Some("invalid_cart" | "invalid_request")
            ),
            "{e}"
        );
    }
    let (st, e) = browser_post(&env, "/api/sessions", json!({})).await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (400, Some("invalid_cart"))
    );
    // A subscription needs an account.
    let (st, e) = browser_post(
        &env,
        "/api/sessions",
        json!({ "cart": [{ "sku": "coffee-club-monthly", "quantity": 1 }] }),
    )
    .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (401, Some("sign_in_required"))
    );
    assert_eq!(env.sb().state.db.count_rows("sessions").unwrap(), 0);
    // The price is the catalogue's: 2 kettles and 3 filter packs.
    let (st, v) = browser_post(
        &env,
        "/api/sessions",
        json!({ "cart": [{ "sku": "kettle-pour-over", "quantity": 2 }, { "sku": "paper-filters-100", "quantity": 3 }], "shipping": demo_address() }),
    )
    .await;
    assert_eq!(
        (st.as_u16(), v["amount"].as_i64(), v["currency"].as_str()),
        (200, Some(2 * 4999 + 3 * 599), Some("USD"))
    );
}

#[tokio::test]
async fn the_merchant_server_door_is_closed_without_the_secret() {
    let env = Env::new().await;
    let body = json!({ "amount": 1, "currency": "USD", "shopper_reference": "victim" });
    for auth in [
        None,
        Some("Bearer "),
        Some("Bearer wrong"),
        Some("Bearer test-server-secret"),
        Some(SERVER_SECRET),
    ] {
        let mut r = env.http.post(env.url("/api/server/sessions")).json(&body);
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        let (st, e) = env.send(r).await;
        assert_eq!(
            (st.as_u16(), e["error"]["code"].as_str()),
            (401, Some("unauthorized")),
            "{auth:?}"
        );
        let (st, _) = env
            .send({
                let mut r = env
                    .http
                    .post(env.url("/api/server/logins"))
                    .json(&json!({ "shopper_reference": "victim" }));
                if let Some(a) = auth {
                    r = r.header("authorization", a);
                }
                r
            })
            .await;
        assert_eq!(st, 401, "{auth:?}");
    }
    assert_eq!(env.sb().state.db.count_rows("sessions").unwrap(), 0);
}

#[tokio::test]
async fn a_guest_has_no_saved_cards_and_is_offered_no_saving() {
    let env = Env::new().await;
    saved_card_of(&env, "victim-01").await;
    // Every guest used to get the configured default shopper's wallet.
    let (_, v) = browser_post(&env, "/api/sessions", demo_cart()).await;
    let sid = v["session_id"].as_str().unwrap();
    let (_, s) = env.get(&format!("/api/sessions/{sid}")).await;
    assert_eq!(s["saved_cards"], json!([]));
    assert_eq!(s["can_store_payment_method"], false);
    // A guest who asks to save anyway saves nothing.
    let mut body = env.card(sid, "5555555555554444");
    body["store_payment_method"] = true.into();
    let (_, r) = env.pay(&key(), body).await;
    assert_eq!(r["status"], "SUCCESS", "{r}");
    assert!(r.get("saved_card_token").is_none(), "{r}");
}

#[tokio::test]
async fn a_session_id_alone_gives_nobody_the_shoppers_cards() {
    let env = Env::new().await;
    let token = saved_card_of(&env, "victim-02").await;
    // The merchant's server created a session for the victim; its id leaks (a shared link).
    let sid = env
        .session(json!({ "shopper_reference": "victim-02" }))
        .await;
    for attacker in [None, Some("attacker-01")] {
        env.sign_in(attacker).await;
        let (_, s) = env.get(&format!("/api/sessions/{sid}")).await;
        assert_eq!(s["saved_cards"], json!([]), "{attacker:?}");
        assert_eq!(s["can_store_payment_method"], false);
        let (st, e) = env
            .pay(&key(), json!({ "session_id": sid, "payment_method": "BANKCARD", "token": token, "encrypted_cvv": env.enc("123") }))
            .await;
        assert_eq!(
            (st.as_u16(), e["error"]["code"].as_str()),
            (403, Some("sign_in_required")),
            "{attacker:?}"
        );
        let (st, _) = env
            .send(
                env.http
                    .delete(env.url(&format!("/api/saved-cards/{token}?session_id={sid}"))),
            )
            .await;
        assert_eq!(st, 404, "{attacker:?}");
    }
    assert_eq!(
        env.sb().state.db.count_transactions(&sid).unwrap(),
        0,
        "nothing was charged"
    );
    // The victim, signed in, still has the card and pays with it.
    env.sign_in(Some("victim-02")).await;
    let (_, s) = env.get(&format!("/api/sessions/{sid}")).await;
    assert_eq!(s["saved_cards"][0]["token"], token.as_str());
    let (_, r) = env
        .pay(&key(), json!({ "session_id": sid, "payment_method": "BANKCARD", "token": token, "encrypted_cvv": env.enc("123") }))
        .await;
    assert_eq!(r["status"], "SUCCESS", "{r}");
}

#[tokio::test]
async fn a_demo_sign_in_sets_an_httponly_samesite_cookie_and_sign_out_ends_it() {
    let env = Env::new().await;
    let res = env
        .http
        .post(env.url("/api/account/sign-in"))
        .json(&json!({ "account": "alice" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    for part in ["paykka_demo_login=", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain http on loopback: {cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_string();
    *env.login.lock().unwrap() = Some(pair);
    let (_, me) = env.get("/api/account").await;
    assert_eq!(
        (me["signed_in"].as_bool(), me["account"]["name"].as_str()),
        (Some(true), Some("Alice Chen"))
    );
    let (st, _) = env.post("/api/account/sign-out", json!({})).await;
    assert_eq!(st, 200);
    let (_, me) = env.get("/api/account").await;
    assert_eq!(me["signed_in"], false, "the old cookie no longer signs in");
    let (st, e) = env
        .post("/api/account/sign-in", json!({ "account": "mallory" }))
        .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (401, Some("unknown_account"))
    );
}

#[tokio::test]
async fn return_urls_must_be_exactly_an_allowed_origin() {
    let env = Env::new().await;
    let cart = json!([{ "sku": "kettle-pour-over", "quantity": 1 }]);
    for url in [
        "http://127.0.0.1:8080.evil.tld/",
        "http://127.0.0.1:8080@evil.tld/",
        "http://user:pass@127.0.0.1:8080/",
        "http://evil.tld/?back=http://127.0.0.1:8080/",
        "http://127.0.0.1:8081/",
        "https://127.0.0.1:8080/",
        "javascript:alert(1)//127.0.0.1:8080",
        "//evil.tld/",
        "http://127.0.0.1:8080/\r\nSet-Cookie: a=b",
        "http://127.0.0.1:8080/\tx",
        "http://127.0.0.1:8080/\u{0}",
    ] {
        let (st, e) = browser_post(
            &env,
            "/api/sessions",
            json!({ "cart": cart, "return_url": url, "shipping": demo_address() }),
        )
        .await;
        assert_eq!(
            (st.as_u16(), e["error"]["code"].as_str()),
            (400, Some("invalid_request")),
            "{url:?}"
        );
    }
    assert_eq!(env.sb().state.db.count_rows("sessions").unwrap(), 0);
    let (st, v) = browser_post(
        &env,
        "/api/sessions",
        json!({ "cart": cart, "return_url": "http://localhost:8080/shop?x=1", "shipping": demo_address() }),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    // The same rule on a payment's return URL.
    let sid = v["session_id"].as_str().unwrap();
    let mut body = env.card(sid, "4000002760003184");
    body["return_url"] = "http://127.0.0.1:8080@evil.tld/".into();
    let (st, _) = env.pay(&key(), body).await;
    assert_eq!(st, 400);
}

#[tokio::test]
async fn every_answer_is_private_and_session_ids_carry_128_random_bits() {
    let env = Env::new().await;
    let sid = env.session(json!({})).await;
    assert!(
        sid.len() == 34 && sid.starts_with("CS") && sid[2..].bytes().all(|b| b.is_ascii_hexdigit()),
        "{sid}"
    );
    for path in [
        format!("/api/sessions/{sid}"),
        "/api/sessions/CS0".into(),
        "/api/account".into(),
        "/health".into(),
        "/nope".into(),
    ] {
        let res = env.http.get(env.url(&path)).send().await.unwrap();
        assert_eq!(res.headers()["cache-control"], "no-store", "{path}");
        assert_eq!(res.headers()["x-content-type-options"], "nosniff", "{path}");
    }
}

#[cfg(unix)]
#[tokio::test]
async fn the_data_folder_and_database_are_the_servers_alone() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new().await;
    let dir = env.dir.join("backend");
    let mode = |p: std::path::PathBuf| std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(dir.clone()), 0o700);
    assert_eq!(mode(dir.join("backend.sqlite")), 0o600);
}

#[tokio::test]
async fn creating_sessions_past_the_limit_gets_429_and_creates_nothing() {
    let env = Env::with(|_, b| b.limits.sessions_per_ip = 3).await;
    let cart = demo_cart();
    for _ in 0..3 {
        assert_eq!(
            browser_post(&env, "/api/sessions", cart.clone()).await.0,
            200
        );
    }
    let res = env
        .http
        .post(env.url("/api/sessions"))
        .json(&cart)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry));
    let e: Value = res.json().await.unwrap();
    assert_eq!(e["error"]["code"], "rate_limited");
    assert_eq!(env.sb().state.db.count_rows("sessions").unwrap(), 3);
}

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
    let order = env.be().state.store.order(&sid).unwrap().unwrap();
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
        let charges = env.be().state.store.second_charges().unwrap();
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

#[tokio::test]
async fn guessing_sign_ins_meets_the_limit() {
    let env = Env::with(|_, b| b.limits.sign_ins_per_ip = 2).await;
    for account in ["mallory", "alice"] {
        env.post("/api/account/sign-in", json!({ "account": account }))
            .await;
    }
    let res = env
        .http
        .post(env.url("/api/account/sign-in"))
        .json(&json!({ "account": "bob" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert!(
        res.headers().get("set-cookie").is_none(),
        "no login past the limit"
    );
}

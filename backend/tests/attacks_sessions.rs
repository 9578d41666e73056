//! The backend under attack from a browser that holds nothing but the demo's origin (see also
//! `attacks_shoppers.rs` and `attacks_payments.rs`; `cargo test -p paykka-backend --test
//! 'attacks*'` runs all three). Each test was run against the backend before these defences
//! and failed there.
//!
//! Here, sessions: the browser may not set the price or name the shopper, reach the merchant
//! server's door, send shoppers to another site or create sessions without limit; answers stay
//! private and session ids unguessable.

mod common;

use common::*;
use serde_json::{Value, json};

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

//! Checkout sessions through the backend against the sandbox gateway (both in-process on
//! loopback ports picked by the OS): created by either door and read back, kept across a
//! restart, and how many the backend creates per second.

mod common;

use common::*;
use serde_json::json;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// Create-session throughput through the backend, signing and verification included.
/// `cargo test --release -p paykka-backend --test sessions -- --ignored --nocapture throughput`
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

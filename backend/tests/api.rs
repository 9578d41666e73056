//! The API's edges, against the sandbox gateway: Apple Pay's merchant session, unknown paths
//! and the health check, and CORS.

mod common;

use common::*;
use serde_json::json;

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

//! The gateway client as a merchant configures it: its timeout, the check of signed answers,
//! and webhooks in PayKKa's v3 form.

mod common;

use axum::routing::post;
use common::*;
use paykka_backend::{Gateway, GatewayError, GatewayOptions};
use paykka_protocol::api::{self, ApiVersion, Operation, SignedMessage};
use paykka_protocol::sign::{SigningKey, VerifyingKeys};
use paykka_protocol::test_keys;
use paykka_protocol::time::now_ms;
use paykka_protocol::types::ApiResponse;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

fn gateway_keys() -> VerifyingKeys {
    VerifyingKeys::new([SigningKey::from_pem(test_keys::GATEWAY)
        .unwrap()
        .verifying_key()
        .clone()])
}

/// An answer's headers and body.
type Answer = (Vec<(&'static str, String)>, String);

/// A stand-in gateway on loopback answering every POST with `answer(path)`.
async fn fake_gateway(answer: fn(&str) -> Answer) -> String {
    let app = axum::Router::new().fallback(post(move |uri: axum::http::Uri| async move {
        let (headers, body) = answer(uri.path());
        let mut res = axum::response::Response::new(axum::body::Body::from(body));
        for (k, v) in headers {
            res.headers_mut().insert(k, v.parse().unwrap());
        }
        res
    }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

fn client(base: &str, verify: bool) -> Gateway {
    let mut o = GatewayOptions::new(base, "18356675194960");
    o.verify_responses = verify;
    o.timeout = Duration::from_secs(5);
    Gateway::new(
        o,
        SigningKey::from_pem(test_keys::MERCHANT).unwrap(),
        gateway_keys(),
    )
    .unwrap()
}

const OK: &str = r#"{"ret_code":"000000","ret_msg":"Success"}"#;

/// An answer signed by `key` the way the sandbox signs (our assumption of PayKKa's string).
fn signed_answer(path: &str, key: &str) -> Answer {
    let (ts, nonce) = (now_ms(), "answer-nonce-1");
    let data = api::gateway_signing_input(
        ApiVersion::V3,
        &SignedMessage {
            method: "POST",
            path,
            merchant_id: "18356675194960",
            timestamp: ts,
            nonce,
            body: OK.as_bytes(),
        },
    );
    let sig = SigningKey::from_pem(key).unwrap().sign_header(&data);
    (
        vec![
            ("x-paykka-timestamp", ts.to_string()),
            ("x-paykka-nonce", nonce.into()),
            ("x-paykka-sign", sig),
        ],
        OK.into(),
    )
}

async fn void_answer(gw: &Gateway) -> Result<ApiResponse<Value>, GatewayError> {
    gw.call(Operation::Void, &json!({ "order_id": "GW1" }), None)
        .await
}

#[tokio::test]
async fn an_answer_not_signed_by_the_gateway_is_refused_when_answers_are_verified() {
    let unsigned = fake_gateway(|_| (vec![], OK.into())).await;
    let by_merchant = fake_gateway(|p| signed_answer(p, test_keys::MERCHANT)).await;
    let by_gateway = fake_gateway(|p| signed_answer(p, test_keys::GATEWAY)).await;
    let tampered = fake_gateway(|p| {
        let (h, b) = signed_answer(p, test_keys::GATEWAY);
        (h, b.replace("Success", "success"))
    })
    .await;
    for (what, base) in [
        ("unsigned", &unsigned),
        ("signed by another key", &by_merchant),
        ("changed after signing", &tampered),
    ] {
        match void_answer(&client(base, true)).await {
            Err(GatewayError::BadResponse(m)) => {
                assert!(m.contains("not signed by the gateway"), "{what}: {m}")
            }
            other => panic!("{what}: {other:?}"),
        }
    }
    assert!(
        void_answer(&client(&by_gateway, true))
            .await
            .unwrap()
            .is_success()
    );
    // Verification off (PayKKa's real gateway, until it confirms its string): TLS alone.
    assert!(
        void_answer(&client(&unsigned, false))
            .await
            .unwrap()
            .is_success()
    );
}

#[tokio::test]
async fn a_gateway_slower_than_paykka_gateway_timeout_ms_fails_in_that_time_and_a_patient_client_waits()
 {
    let slow = |timeout_ms: u64| {
        move |sb: &mut paykka_sandbox::Config, be: &mut paykka_backend::Config| {
            sb.answer_delay = Duration::from_millis(1500);
            let mut vars = std::collections::HashMap::new();
            vars.insert(
                "PAYKKA_GATEWAY_TIMEOUT_MS".to_string(),
                timeout_ms.to_string(),
            );
            be.gateway_timeout = paykka_backend::Config::from_vars(&vars)
                .unwrap()
                .gateway_timeout;
        }
    };
    let env = Env::with(slow(300)).await;
    let t = Instant::now();
    let (status, v) = env.post("/api/sessions", demo_cart()).await;
    let took = t.elapsed();
    assert_eq!(
        (status.as_u16(), v["error"]["code"].as_str()),
        (502, Some("gateway_unavailable")),
        "{v}"
    );
    assert!(
        took < Duration::from_millis(1400),
        "gave up after {took:?}, not 300 ms"
    );
    drop(env);
    let env = Env::with(slow(5000)).await;
    let (status, v) = env.post("/api/sessions", demo_cart()).await;
    assert_eq!(status.as_u16(), 200, "{v}");
}

/// A v3 notification of `order_id` reaching `status`, signed by `key` for `path`.
fn v3_webhook(
    mid: &str,
    session_id: &str,
    order_id: &str,
    status: &str,
    key: &str,
    path: &str,
    ts: i64,
) -> (String, Vec<(&'static str, String)>) {
    let body = json!({ "notify_type": "PAYMENT.SUCCESS", "merchant_id": mid, "trans_id": "T1", "order_id": order_id,
        "session_id": session_id, "status": status, "amount": 2400, "currency": "USD" })
    .to_string();
    let nonce = format!("webhook-{ts}");
    let data = api::gateway_signing_input(
        ApiVersion::V3,
        &SignedMessage {
            method: "POST",
            path,
            merchant_id: mid,
            timestamp: ts,
            nonce: &nonce,
            body: body.as_bytes(),
        },
    );
    let sig = SigningKey::from_pem(key).unwrap().sign_header(&data);
    (
        body,
        vec![
            ("x-paykka-appid", mid.into()),
            ("x-paykka-timestamp", ts.to_string()),
            ("x-paykka-nonce", nonce),
            ("x-paykka-sign-alg", "SHA256_WITH_RSA".into()),
            ("x-paykka-sign", sig),
        ],
    )
}

async fn post_webhook(env: &Env, body: &str, headers: &[(&'static str, String)]) -> u16 {
    let mut r = env
        .http
        .post(env.url("/api/webhooks/paykka"))
        .header("content-type", "application/json")
        .body(body.to_string());
    for (k, v) in headers {
        r = r.header(*k, v);
    }
    env.send(r).await.0.as_u16()
}

#[tokio::test]
async fn a_v3_webhook_is_taken_only_with_the_gateways_signature_over_our_webhook_path_and_a_fresh_time()
 {
    let env = Env::new().await;
    let (_, s) = env.post("/api/sessions", demo_cart()).await;
    let sid = s["session_id"].as_str().unwrap().to_string();
    let mid = paykka_backend::DEMO_MERCHANT_ID;
    let path = "/api/webhooks/paykka";
    let status = || async {
        env.be()
            .state
            .store
            .order(&sid)
            .await
            .unwrap()
            .unwrap()
            .status
    };
    let refused = [
        (
            "signed by the merchant's key",
            v3_webhook(
                mid,
                &sid,
                "GW-V3",
                "SUCCESS",
                test_keys::MERCHANT,
                path,
                now_ms(),
            ),
        ),
        (
            "signed for another path",
            v3_webhook(
                mid,
                &sid,
                "GW-V3",
                "SUCCESS",
                test_keys::GATEWAY,
                "/other",
                now_ms(),
            ),
        ),
        (
            "six minutes old",
            v3_webhook(
                mid,
                &sid,
                "GW-V3",
                "SUCCESS",
                test_keys::GATEWAY,
                path,
                now_ms() - 360_000,
            ),
        ),
        (
            "for another merchant",
            v3_webhook(
                "99999999999999",
                &sid,
                "GW-V3",
                "SUCCESS",
                test_keys::GATEWAY,
                path,
                now_ms(),
            ),
        ),
    ];
    for (what, (body, headers)) in &refused {
        assert_eq!(post_webhook(&env, body, headers).await, 401, "{what}");
    }
    let (body, headers) = v3_webhook(
        mid,
        &sid,
        "GW-V3",
        "SUCCESS",
        test_keys::GATEWAY,
        path,
        now_ms(),
    );
    assert_eq!(
        post_webhook(&env, &body.replace("2400", "1"), &headers).await,
        401,
        "changed after signing"
    );
    assert_eq!(post_webhook(&env, &body, &[]).await, 401, "unsigned");
    assert_eq!(
        status().await,
        "CREATED",
        "nothing refused changed the order"
    );
    assert_eq!(post_webhook(&env, &body, &headers).await, 200);
    assert_eq!(status().await, "SUCCESS");
}

#[tokio::test]
async fn with_webhook_verification_off_a_forged_success_is_checked_with_the_gateway_and_changes_nothing()
 {
    let env = Env::with(|_, be| be.verify_webhooks = false).await;
    let (_, s) = env.post("/api/sessions", demo_cart()).await;
    let sid = s["session_id"].as_str().unwrap().to_string();
    // A real attempt the gateway holds as pending (3-D Secure), then a forged "it succeeded".
    let (_, p) = env.pay(&key(), env.card(&sid, "4000002760003184")).await;
    let order_id = p["order_id"].as_str().unwrap().to_string();
    assert_eq!(p["status"], "PROCESSING", "{p}");
    let forged =
        json!({ "notify_type": "PAYMENT.SUCCESS", "merchant_id": paykka_backend::DEMO_MERCHANT_ID,
        "order_id": order_id, "session_id": sid, "status": "SUCCESS" })
        .to_string();
    assert_eq!(post_webhook(&env, &forged, &[]).await, 200);
    assert_eq!(
        env.be()
            .state
            .store
            .order(&sid)
            .await
            .unwrap()
            .unwrap()
            .status,
        "PROCESSING"
    );
    assert_eq!(env.gateway_status(&order_id).await, "PROCESSING");
}

//! Webhooks: signed, retried until acknowledged, and signed with the next gateway key once
//! it is announced and switched to.

mod common;

use common::*;
use paykka_protocol::api::decode_signature;
use paykka_protocol::sign::{SigningKey, VerifyingKey, VerifyingKeys};
use paykka_protocol::test_keys;
use paykka_protocol::time::now_ms;
use serde_json::{Value, json};
use std::time::Duration;

#[tokio::test]
async fn webhooks_are_signed_and_retried_until_acknowledged() {
    let env = Env::new().await;
    let (url, seen) = receiver(2).await;
    let s = env.session(json!({ "notify_url": url })).await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("4242424242424242"),
        )
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while seen.lock().unwrap().len() < 3 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen.len(),
        3,
        "two failures, then acknowledged, then no more"
    );
    let gw = VerifyingKey::from_pem(
        &SigningKey::from_pem(test_keys::GATEWAY)
            .unwrap()
            .verifying_key()
            .to_spki_pem(),
    )
    .unwrap();
    let mut ids = vec![];
    for (h, body) in &seen {
        assert_eq!(h["type"], "RSA256");
        assert_eq!(h["version"], "v1.2");
        let v: Value = serde_json::from_str(body).unwrap();
        let ts = v["timestamp"].as_i64().unwrap();
        assert!((now_ms() - ts).abs() < 60_000);
        gw.verify(
            MID,
            ts,
            body.as_bytes(),
            &decode_signature(h["signature"].to_str().unwrap()),
        )
        .expect("webhook signature verifies");
        assert_eq!(v["status"], "SUCCESS");
        assert_eq!(v["order_id"], r["data"]["order_id"]);
        assert_eq!(v["notify_type"], "PAYMENT.SUCCESS");
        ids.push(v["notify_id"].as_str().unwrap().to_string());
        // tampering breaks it
        let tampered = body.replace("SUCCESS", "FAILURE");
        assert!(
            gw.verify(
                MID,
                ts,
                tampered.as_bytes(),
                &decode_signature(h["signature"].to_str().unwrap())
            )
            .is_err()
        );
    }
    assert!(
        ids.iter().all(|i| *i == ids[0]),
        "the same notification id on each retry"
    );
    let att = env.sb().state.db.webhook_attempts().unwrap();
    assert_eq!(att, vec![(ids[0].clone(), 3, true)]);
}

#[tokio::test]
async fn the_gateway_announces_its_next_webhook_key_then_switches_to_it() {
    // keys kept in the data dir (generated), so that a rotation must survive a restart
    let dir = temp_dir("gwrot");
    let mut c = config(&dir, "127.0.0.1:0".parse().unwrap());
    c.gateway_key_pem = None;
    let mut env = Env::with(|x| *x = c.clone()).await;
    let first = env.sb().state.gateway_public_key();
    let get_keys = |env: &Env| {
        let url = env.url("/portal/gateway-key");
        let http = env.http.clone();
        async move {
            http.get(url)
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    let k = get_keys(&env).await;
    assert_eq!(k["key_id"], first.key_id());
    assert_eq!(
        VerifyingKeys::from_pem_bundle(k["public_keys_pem"].as_str().unwrap())
            .unwrap()
            .len(),
        1
    );
    assert!(k["next_key_id"].is_null());
    // switching with nothing announced is refused
    let (st, r) = portal(
        &env,
        reqwest::Method::POST,
        "/portal/gateway-key/switch",
        None,
    )
    .await;
    assert_eq!(
        (st.as_u16(), r["ret_code"].as_str()),
        (400, Some("010000")),
        "{r}"
    );
    // 1. a next key is announced: published beside the current one, not signing yet
    let (st, r) = portal(
        &env,
        reqwest::Method::POST,
        "/portal/gateway-key/next",
        None,
    )
    .await;
    assert_eq!(st, 200, "{r}");
    let next_id = r["data"]["next_key_id"].as_str().unwrap().to_string();
    assert_ne!(next_id, first.key_id());
    let (_, again) = portal(
        &env,
        reqwest::Method::POST,
        "/portal/gateway-key/next",
        None,
    )
    .await;
    assert_eq!(
        again["data"]["next_key_id"],
        next_id.as_str(),
        "announcing twice keeps the key"
    );
    let published =
        VerifyingKeys::from_pem_bundle(r["data"]["public_keys_pem"].as_str().unwrap()).unwrap();
    assert_eq!(
        published
            .keys()
            .iter()
            .map(|k| k.key_id())
            .collect::<Vec<_>>(),
        [first.key_id(), next_id.clone()]
    );
    // registration hands merchants both keys
    let (_, reg) = portal(
        &env,
        reqwest::Method::POST,
        "/portal/merchants",
        Some(
            json!({ "merchant_id": MID, "public_key_pem": env.key.verifying_key().to_spki_pem() }),
        ),
    )
    .await;
    assert_eq!(
        VerifyingKeys::from_pem_bundle(reg["data"]["gateway_public_keys_pem"].as_str().unwrap())
            .unwrap(),
        published
    );
    assert_eq!(reg["data"]["gateway_public_key_pem"], first.to_spki_pem());
    let (url, seen) = receiver(0).await;
    let s = env.session(json!({ "notify_url": url })).await;
    env.pay(
        s["session_id"].as_str().unwrap(),
        env.card("4242424242424242"),
    )
    .await;
    // the announcement survives a restart
    let addr = env.sb().addr;
    env.sb.take().unwrap().shutdown().await;
    env.sb = Some(
        paykka_sandbox::start({
            let mut c2 = c.clone();
            c2.addr = addr;
            c2
        })
        .await
        .unwrap(),
    );
    assert_eq!(
        env.sb().state.gateway_next_key().map(|k| k.key_id()),
        Some(next_id.clone())
    );
    // 2. the switch: the next key signs; the old one is no longer published
    let (st, r) = portal(
        &env,
        reqwest::Method::POST,
        "/portal/gateway-key/switch",
        None,
    )
    .await;
    assert_eq!(st, 200, "{r}");
    assert_eq!(r["data"]["key_id"], next_id.as_str());
    assert!(r["data"]["next_key_id"].is_null());
    let s2 = env.session(json!({ "notify_url": url })).await;
    env.pay(
        s2["session_id"].as_str().unwrap(),
        env.card("4242424242424242"),
    )
    .await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while seen.lock().unwrap().len() < 2 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 2);
    let new_key = published.keys()[1].clone();
    let check = |(h, body): &(axum::http::HeaderMap, String), key: &VerifyingKey| {
        let ts = serde_json::from_str::<Value>(body).unwrap()["timestamp"]
            .as_i64()
            .unwrap();
        key.verify(
            MID,
            ts,
            body.as_bytes(),
            &decode_signature(h["signature"].to_str().unwrap()),
        )
    };
    let by = |d: &Value| {
        seen.iter()
            .find(|(_, b)| b.contains(d["session_id"].as_str().unwrap()))
            .unwrap()
    };
    assert!(
        check(by(&s), &first).is_ok() && check(by(&s), &new_key).is_err(),
        "before the switch: the old key"
    );
    assert!(
        check(by(&s2), &new_key).is_ok() && check(by(&s2), &first).is_err(),
        "after it: the new key"
    );
    // the switch survives a restart: the new key is the data dir's gateway key
    env.sb.take().unwrap().shutdown().await;
    env.sb = Some(
        paykka_sandbox::start({
            let mut c2 = c.clone();
            c2.addr = addr;
            c2
        })
        .await
        .unwrap(),
    );
    assert_eq!(env.sb().state.gateway_public_key().key_id(), next_id);
    assert!(env.sb().state.gateway_next_key().is_none());
    assert!(!dir.join("gateway_key.next.pem").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

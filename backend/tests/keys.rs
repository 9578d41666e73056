//! Keys: the gateway's webhook keys through a rotation (two valid at once, then one retired),
//! the merchant's signing key through its own rotation, and the merchant key generated once
//! and never served.

mod common;

use common::*;
use paykka_protocol::sign::SigningKey;
use paykka_protocol::test_keys;
use paykka_protocol::time::now_ms;
use serde_json::{Value, json};

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
    assert_eq!(h.trace().await, ("SUCCESS".into(), Some("GW-K1".into()), 2));
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
    assert_eq!(
        h.trace().await,
        ("REFUNDED".into(), Some("GW-K1".into()), 3)
    );

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
        assert_eq!(be.store.order(s).await.unwrap().unwrap().status, "SUCCESS");
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

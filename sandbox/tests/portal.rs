//! The demo portal: a merchant rotating its key, with either key accepted until the old one
//! is retired.

mod common;

use common::*;
use paykka_protocol::sign::SigningKey;
use paykka_protocol::test_keys;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn a_merchant_rotating_its_key_is_accepted_with_either_key_until_the_old_one_is_retired() {
    let env = Env::new().await;
    let old = SigningKey::from_pem(test_keys::MERCHANT).unwrap();
    let new = SigningKey::from_pem(test_keys::MERCHANT_NEXT).unwrap();
    let stranger = SigningKey::from_pem(test_keys::GATEWAY).unwrap();
    let session = |n: &str| json!({ "trans_id": format!("ROT-{n}-{}", rand_suffix()), "currency": "USD", "amount": 1000 });
    let ok = |r: &(StatusCode, Value)| r.0 == 200 && r.1["ret_code"] == "000000";
    let refused =
        |r: &(StatusCode, Value)| (r.0.as_u16(), r.1["ret_code"].as_str().map(str::to_owned));
    let sig_error = (401, Some("206003".to_string()));
    // before: the new key is not the merchant's yet
    assert!(ok(&call_signed_by(
        &env,
        &old,
        "/payments/sessions",
        session("a")
    )
    .await));
    assert_eq!(
        refused(&call_signed_by(&env, &new, "/payments/sessions", session("b")).await),
        sig_error
    );
    let keys_path = format!("/portal/merchants/{MID}/keys");
    let (st, r) = portal(&env, reqwest::Method::GET, &keys_path, None).await;
    assert_eq!(
        (st.as_u16(), r["data"]["keys"].as_array().unwrap().len()),
        (200, 1),
        "{r}"
    );
    // 1. the new public key is added: both keys sign for the merchant
    let (st, r) = portal(
        &env,
        reqwest::Method::POST,
        &keys_path,
        Some(json!({ "public_key_pem": new.verifying_key().to_spki_pem() })),
    )
    .await;
    assert_eq!(
        (st.as_u16(), r["ret_code"].as_str()),
        (200, Some("000000")),
        "{r}"
    );
    let ids: Vec<&str> = r["data"]["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["key_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [old.verifying_key().key_id(), new.verifying_key().key_id()]
    );
    assert!(ok(&call_signed_by(
        &env,
        &old,
        "/payments/sessions",
        session("c")
    )
    .await));
    assert!(ok(&call_signed_by(
        &env,
        &new,
        "/payments/sessions",
        session("d")
    )
    .await));
    assert_eq!(
        refused(&call_signed_by(&env, &stranger, "/payments/sessions", session("e")).await),
        sig_error
    );
    // adding the same key again changes nothing; a third key is refused
    let (st, r) = portal(
        &env,
        reqwest::Method::POST,
        &keys_path,
        Some(json!({ "public_key_pem": new.verifying_key().to_spki_pem() })),
    )
    .await;
    assert_eq!(
        (st.as_u16(), r["data"]["keys"].as_array().map(Vec::len)),
        (200, Some(2)),
        "{r}"
    );
    let (st, r) = portal(
        &env,
        reqwest::Method::POST,
        &keys_path,
        Some(json!({ "public_key_pem": stranger.verifying_key().to_spki_pem() })),
    )
    .await;
    assert_eq!(
        (st.as_u16(), r["ret_code"].as_str()),
        (400, Some("010000")),
        "{r}"
    );
    // a backend re-registering with either key during the overlap keeps both
    for k in [&old, &new] {
        let (st, r) = portal(&env, reqwest::Method::POST, "/portal/merchants",
            Some(json!({ "merchant_id": MID, "public_key_pem": k.verifying_key().to_spki_pem(), "name": "Test Shop" }))).await;
        assert_eq!(
            (st.as_u16(), r["data"]["keys"].as_array().map(Vec::len)),
            (200, Some(2)),
            "{r}"
        );
    }
    // 2. the old key is retired: refused with the signature error, the new one goes on
    let (st, r) = portal(
        &env,
        reqwest::Method::DELETE,
        &format!("{keys_path}/{}", old.verifying_key().key_id()),
        None,
    )
    .await;
    assert_eq!(
        (st.as_u16(), r["ret_code"].as_str()),
        (200, Some("000000")),
        "{r}"
    );
    let before = env.count("sessions");
    let r = call_signed_by(&env, &old, "/payments/sessions", session("f")).await;
    assert_eq!(refused(&r), sig_error, "{:?}", r.1);
    assert_eq!(env.count("sessions"), before);
    assert!(ok(&call_signed_by(
        &env,
        &new,
        "/payments/sessions",
        session("g")
    )
    .await));
    // the last key cannot be retired; unknown keys and merchants are told apart
    let (st, r) = portal(
        &env,
        reqwest::Method::DELETE,
        &format!("{keys_path}/{}", new.verifying_key().key_id()),
        None,
    )
    .await;
    assert_eq!(
        (st.as_u16(), r["ret_code"].as_str()),
        (400, Some("010000")),
        "{r}"
    );
    let (st, _) = portal(
        &env,
        reqwest::Method::DELETE,
        &format!("{keys_path}/{}", old.verifying_key().key_id()),
        None,
    )
    .await;
    assert_eq!(st, 404);
    let (st, r) = portal(
        &env,
        reqwest::Method::GET,
        "/portal/merchants/M-unknown/keys",
        None,
    )
    .await;
    assert_eq!(
        (st.as_u16(), r["ret_code"].as_str()),
        (404, Some("206005")),
        "{r}"
    );
    // it survives a restart (the keys are in SQLite) once the merchant seeded at start is
    // seeded with the new key; a seed with a key the merchant no longer has replaces its keys
    let mut env = env;
    let addr = env.sb().addr;
    env.sb.take().unwrap().shutdown().await;
    let mut c = config(&env.dir, addr);
    c.merchants[0].public_key_pem = new.verifying_key().to_spki_pem();
    env.sb = Some(paykka_sandbox::start(c).await.unwrap());
    assert!(ok(&call_signed_by(
        &env,
        &new,
        "/payments/sessions",
        session("h")
    )
    .await));
    assert_eq!(
        refused(&call_signed_by(&env, &old, "/payments/sessions", session("i")).await),
        sig_error
    );
}

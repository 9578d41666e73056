//! The sandbox starting: `/health` and the published card key, the keys generated once into
//! the data folder and kept there, and the data surviving a restart.

mod common;

use common::*;
use paykka_protocol::sign::SigningKey;
use paykka_protocol::test_keys;
use paykka_sandbox::Config;
use serde_json::{Value, json};

#[tokio::test]
async fn health_and_card_key() {
    let env = Env::new().await;
    let r = env.http.get(env.url("/health")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let k: Value = env
        .http
        .get(env.url("/card-key"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(k["kid"], env.sb().state.card_key().kid());
    assert_eq!(k["alg"], "RSA-OAEP-256");
    assert!(k["pem"].as_str().unwrap().contains("BEGIN PUBLIC KEY"));
    assert!(!k.to_string().contains("PRIVATE"));
    // An envelope made with the published JWK-equivalent PEM decrypts.
    let pk =
        paykka_protocol::rsa::RsaPublicKey::from_public_key_pem_compat(k["pem"].as_str().unwrap());
    let env_str = paykka_protocol::cardenc::seal_now(
        &pk,
        k["kid"].as_str().unwrap(),
        paykka_protocol::cardenc::EnvelopeField::Number,
        "CS1",
        MID,
        "4242424242424242",
    );
    assert_eq!(
        env.sb().state.card_key().open(&env_str).unwrap().value,
        "4242424242424242"
    );
}

trait PemCompat {
    fn from_public_key_pem_compat(pem: &str) -> Self;
}
impl PemCompat for paykka_protocol::rsa::RsaPublicKey {
    fn from_public_key_pem_compat(pem: &str) -> Self {
        use paykka_protocol::rsa::pkcs8::DecodePublicKey;
        Self::from_public_key_pem(pem).unwrap()
    }
}

#[tokio::test]
async fn data_survives_a_restart() {
    let mut env = Env::new().await;
    let s = env.session(json!({})).await;
    let addr = env.sb().addr;
    env.sb.take().unwrap().shutdown().await;
    env.sb = Some(paykka_sandbox::start(config(&env.dir, addr)).await.unwrap());
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("4242424242424242"),
        )
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS", "{r}");
    // keys were kept: the card key id is the same as before
    let kid = env.sb().state.card_key().kid().to_string();
    assert_eq!(
        kid,
        paykka_protocol::cardenc::CardKey::new(
            SigningKey::from_pem(test_keys::CARD)
                .unwrap()
                .private_key()
                .clone()
        )
        .kid()
    );
}

#[tokio::test]
async fn keys_are_generated_once_into_the_data_dir() {
    let dir = temp_dir("keys");
    let mut c = Config::new("127.0.0.1:0".parse().unwrap(), &dir);
    c.portal = true;
    let a = paykka_sandbox::start(c.clone()).await.unwrap();
    let kid = a.state.card_key().kid().to_string();
    a.shutdown().await;
    assert!(
        dir.join("card_key.pem").exists()
            && dir.join("gateway_key.pem").exists()
            && dir.join("sandbox.sqlite").exists()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(dir.join("card_key.pem"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
    }
    let b = paykka_sandbox::start(c).await.unwrap();
    assert_eq!(b.state.card_key().kid(), kid);
    // the portal registers a merchant key
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let pem = SigningKey::from_pem(test_keys::MERCHANT)
        .unwrap()
        .verifying_key()
        .to_spki_pem();
    let r: Value = http
        .post(format!("{}/portal/merchants", b.base_url))
        .json(&json!({ "merchant_id": "M1", "public_key_pem": pem }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["ret_code"], "000000");
    assert!(
        r["data"]["gateway_public_key_pem"]
            .as_str()
            .unwrap()
            .contains("PUBLIC KEY")
    );
    let r: Value = http
        .post(format!("{}/portal/merchants", b.base_url))
        .json(&json!({ "merchant_id": "M1", "public_key_pem": "nope" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["ret_code"], "010000");
    b.shutdown().await;
    let _ = std::fs::remove_dir_all(&dir);
}

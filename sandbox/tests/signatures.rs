//! The v1.2 signature checks: a tampered body, signature or timestamp, a stale timestamp,
//! wrong headers, an unknown merchant or key are refused and store nothing; malformed and
//! oversized bodies too.

mod common;

use common::*;
use paykka_protocol::sign::SigningKey;
use paykka_protocol::test_keys;
use paykka_protocol::time::now_ms;
use serde_json::{Value, json};

#[tokio::test]
async fn signature_tampering_is_refused_and_nothing_stored() {
    let env = Env::new().await;
    let body = json!({ "trans_id": "TAMPER1", "currency": "USD", "amount": 1000 });
    let (text, sig) = env.signed_body(body.clone());
    let good = [
        ("signature", sig.as_str()),
        ("type", "RSA256"),
        ("version", "v1.2"),
    ];
    // one flipped byte in the body (amount 1000 -> 1001)
    let flipped = text.replace("1000", "1001");
    assert_ne!(flipped, text);
    let (st, r) = env.raw("/payments/sessions", flipped, &good).await;
    assert_eq!(
        (st.as_u16(), r["ret_code"].as_str().unwrap()),
        (401, "206003")
    );
    // one flipped byte in the signature header
    let mut raw = base64_decode(&sig);
    raw[17] ^= 1;
    let bad_sig = base64_encode(&raw);
    let (_, r) = env
        .raw(
            "/payments/sessions",
            text.clone(),
            &[
                ("signature", &bad_sig),
                ("type", "RSA256"),
                ("version", "v1.2"),
            ],
        )
        .await;
    assert_eq!(r["ret_code"], "206003");
    // the timestamp changed by one millisecond
    let v: Value = serde_json::from_str(&text).unwrap();
    let ts = v["timestamp"].as_i64().unwrap();
    let moved = text.replace(&ts.to_string(), &(ts + 1).to_string());
    let (_, r) = env.raw("/payments/sessions", moved, &good).await;
    assert_eq!(r["ret_code"], "206003");
    // a correct signature over a stale timestamp (6 minutes ago)
    let mut old = body.clone();
    old["merchant_id"] = MID.into();
    old["timestamp"] = (now_ms() - 6 * 60 * 1000).into();
    let old_text = old.to_string();
    let old_sig = env
        .key
        .sign(MID, old["timestamp"].as_i64().unwrap(), old_text.as_bytes());
    let (_, r) = env
        .raw(
            "/payments/sessions",
            old_text,
            &[
                ("signature", &old_sig),
                ("type", "RSA256"),
                ("version", "v1.2"),
            ],
        )
        .await;
    assert_eq!(r["ret_code"], "206004");
    // missing signature, wrong headers, unknown merchant, other key
    let (st, r) = env
        .raw(
            "/payments/sessions",
            text.clone(),
            &[("type", "RSA256"), ("version", "v1.2")],
        )
        .await;
    assert_eq!(
        (st.as_u16(), r["ret_code"].as_str().unwrap()),
        (401, "206002")
    );
    let (_, r) = env
        .raw(
            "/payments/sessions",
            text.clone(),
            &[("signature", &sig), ("type", "RSA"), ("version", "v1.2")],
        )
        .await;
    assert_eq!(r["ret_code"], "206001");
    let (_, r) = env
        .raw(
            "/payments/sessions",
            text.clone(),
            &[("signature", &sig), ("type", "RSA256"), ("version", "v1.1")],
        )
        .await;
    assert_eq!(r["ret_code"], "206001");
    let other = text.replace(MID, "99999999999999");
    let (_, r) = env.raw("/payments/sessions", other, &good).await;
    assert_eq!(r["ret_code"], "206005");
    let gw = SigningKey::from_pem(test_keys::GATEWAY).unwrap();
    let wrong_key_sig = gw.sign(MID, ts, text.as_bytes());
    let (_, r) = env
        .raw(
            "/payments/sessions",
            text.clone(),
            &[
                ("signature", &wrong_key_sig),
                ("type", "RSA256"),
                ("version", "v1.2"),
            ],
        )
        .await;
    assert_eq!(r["ret_code"], "206003");
    assert_eq!(env.count("sessions"), 0);
    // and the untouched request passes
    let (st, r) = env.raw("/payments/sessions", text, &good).await;
    assert_eq!(
        (st.as_u16(), r["ret_code"].as_str().unwrap()),
        (200, "000000"),
        "{r}"
    );
    assert_eq!(env.count("sessions"), 1);
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(s).unwrap()
}
fn base64_encode(b: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(b)
}

#[tokio::test]
async fn malformed_and_oversized_requests() {
    let env = Env::new().await;
    let (st, r) = env.raw("/payments/sessions", "{not json".into(), &[]).await;
    assert_eq!(
        (st.as_u16(), r["ret_code"].as_str().unwrap()),
        (400, "010000")
    );
    let (st, r) = env.raw("/payments/sessions", "{}".into(), &[]).await;
    assert_eq!(
        (st.as_u16(), r["ret_code"].as_str().unwrap()),
        (400, "010001")
    );
    let big = json!({ "merchant_id": MID, "timestamp": now_ms(), "pad": "x".repeat(100_000) })
        .to_string();
    let (st, r) = env.raw("/payments/sessions", big, &[]).await;
    assert_eq!(
        (st.as_u16(), r["ret_code"].as_str().unwrap()),
        (413, "010004")
    );
    // a well-signed body with a wrong type or unknown field
    let r = env
        .call(
            "/payments/sessions",
            json!({ "trans_id": "A1", "currency": "USD", "amount": "ten" }),
        )
        .await;
    assert_eq!(r["ret_code"], "010000");
    assert!(r["ret_msg"].as_str().unwrap().contains("integer"), "{r}");
    let r = env
        .call(
            "/payments/sessions",
            json!({ "trans_id": "A1", "currency": "USD", "amount": 10, "amount_typo": 1 }),
        )
        .await;
    assert_eq!(r["ret_code"], "010000");
    let s = env.session(json!({})).await;
    let mut p = env.card("4242424242424242");
    p["cvc"] = "123".into();
    let r = env.pay(s["session_id"].as_str().unwrap(), p).await;
    assert_eq!(r["ret_code"], "010000");
    assert!(r["ret_msg"].as_str().unwrap().contains("cvc"));
    assert_eq!(env.count("transactions"), 0);
}

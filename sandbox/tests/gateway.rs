//! Integration tests of the sandbox gateway: real HTTP on loopback, signed requests.

use paykka_protocol::api::decode_signature;
use paykka_protocol::sign::{SigningKey, VerifyingKey, VerifyingKeys};
use paykka_protocol::test_keys;
use paykka_protocol::time::{format_rfc3339, now_ms};
use paykka_sandbox::{Config, MerchantSeed, Running};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

const MID: &str = "18356675194960";

fn temp_dir(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "paykka-sb-{tag}-{}-{}-{}",
        std::process::id(),
        now_ms(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn config(dir: &PathBuf, addr: SocketAddr) -> Config {
    let mut c = Config::new(addr, dir);
    c.gateway_key_pem = Some(test_keys::GATEWAY.into());
    c.card_key_pem = Some(test_keys::CARD.into());
    c.merchants = vec![MerchantSeed {
        merchant_id: MID.into(),
        name: "Test Shop".into(),
        public_key_pem: SigningKey::from_pem(test_keys::MERCHANT)
            .unwrap()
            .verifying_key()
            .to_spki_pem(),
    }];
    c.webhook_retry_base = Duration::from_millis(40);
    c.worker_tick = Duration::from_millis(20);
    c.log_requests = false;
    c
}

struct Env {
    sb: Option<Running>,
    dir: PathBuf,
    key: SigningKey,
    http: reqwest::Client,
}

impl Drop for Env {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Env {
    async fn new() -> Self {
        Self::with(|_| {}).await
    }

    async fn with(f: impl FnOnce(&mut Config)) -> Self {
        let dir = temp_dir("gw");
        let mut c = config(&dir, "127.0.0.1:0".parse().unwrap());
        f(&mut c);
        let sb = paykka_sandbox::start(c).await.unwrap();
        let http = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Env {
            sb: Some(sb),
            dir,
            key: SigningKey::from_pem(test_keys::MERCHANT).unwrap(),
            http,
        }
    }

    fn sb(&self) -> &Running {
        self.sb.as_ref().unwrap()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sb().base_url)
    }

    fn signed_body(&self, mut body: Value) -> (String, String) {
        let ts = now_ms();
        body["merchant_id"] = MID.into();
        body["timestamp"] = ts.into();
        let text = body.to_string();
        let sig = self.key.sign(MID, ts, text.as_bytes());
        (text, sig)
    }

    async fn raw(&self, path: &str, body: String, headers: &[(&str, &str)]) -> (StatusCode, Value) {
        let mut r = self
            .http
            .post(self.url(path))
            .header("content-type", "application/json")
            .body(body);
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        let res = r.send().await.unwrap();
        let status = res.status();
        let text = res.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}")),
        )
    }

    async fn call_with(&self, path: &str, mut body: Value, extra: &[(&str, &str)]) -> Value {
        // Card fields written `seal:<digits>` are sealed as the frames would, for this session.
        let sid = body["session_id"].as_str().unwrap_or_default().to_string();
        paykka_protocol::cardenc::seal_markers(&mut body, &self.sb().state.card_key(), &sid, MID);
        let (text, sig) = self.signed_body(body);
        let mut h = vec![
            ("signature", sig.as_str()),
            ("type", "RSA256"),
            ("version", "v1.2"),
        ];
        h.extend_from_slice(extra);
        self.raw(path, text, &h).await.1
    }

    async fn call(&self, path: &str, body: Value) -> Value {
        self.call_with(path, body, &[]).await
    }

    async fn session(&self, extra: Value) -> Value {
        let mut b = json!({ "trans_id": format!("T{}", paykka_protocol::time::now_ms()) + &rand_suffix(), "currency": "USD", "amount": 1000,
            "session_mode": "DROP_IN", "return_url": "http://127.0.0.1:8080/return", "payment": { "shopper_reference": "shopper-1" } });
        merge(&mut b, extra);
        let r = self.call("/payments/sessions", b).await;
        assert_eq!(r["ret_code"], "000000", "{r}");
        r["data"].clone()
    }

    /// A card field to seal when the request is sent (see `call_with`).
    fn enc(&self, v: &str) -> String {
        format!("seal:{v}")
    }

    fn card(&self, pan: &str) -> Value {
        let cvv = if pan.starts_with("34") || pan.starts_with("37") {
            "1234"
        } else {
            "123"
        };
        json!({ "payment_method": "BANKCARD", "encrypted_card_no": self.enc(pan), "encrypted_exp_month": self.enc("03"),
            "encrypted_exp_year": self.enc("2030"), "encrypted_cvv": self.enc(cvv), "holder_name": "Ada Lovelace" })
    }

    async fn pay(&self, session_id: &str, payment: Value) -> Value {
        self.call(
            "/payments",
            json!({ "session_id": session_id, "payment": payment }),
        )
        .await
    }

    fn count(&self, table: &str) -> i64 {
        self.sb().state.db.count_rows(table).unwrap()
    }
}

fn rand_suffix() -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!("{}", N.fetch_add(1, Ordering::SeqCst))
}

fn merge(a: &mut Value, b: Value) {
    if let (Some(a), Value::Object(b)) = (a.as_object_mut(), b) {
        for (k, v) in b {
            a.insert(k, v);
        }
    }
}

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
async fn create_and_query_session() {
    let env = Env::new().await;
    let s = env
        .session(json!({ "amount": "800", "currency": "HKD", "display_locale": "fr-FR" }))
        .await;
    assert_eq!(s["status"], "PROCESSING");
    assert_eq!(s["amount"], 800);
    assert_eq!(s["session_mode"], "DROP_IN");
    assert!(s["session_id"].as_str().unwrap().starts_with("CS"));
    assert!(
        s["session_url"]
            .as_str()
            .unwrap()
            .ends_with(s["session_id"].as_str().unwrap())
    );
    assert_eq!(s["payment_methods"][0]["payment_method"], "BANKCARD");
    let q = env
        .call(
            "/payments/sessions/query",
            json!({ "session_id": s["session_id"] }),
        )
        .await;
    assert_eq!(q["data"]["trans_id"], s["trans_id"]);
    assert_eq!(q["data"]["display_locale"], "fr-FR");
    let q = env
        .call(
            "/payments/sessions/query",
            json!({ "trans_id": s["trans_id"] }),
        )
        .await;
    assert_eq!(q["data"]["session_id"], s["session_id"]);
    // One trans_id is one session.
    let d = env
        .call(
            "/payments/sessions",
            json!({ "trans_id": s["trans_id"], "currency": "HKD", "amount": 800 }),
        )
        .await;
    assert_eq!(d["ret_code"], "206014");
    let nf = env
        .call("/payments/sessions/query", json!({ "session_id": "CS000" }))
        .await;
    assert_eq!(nf["ret_code"], "206011");
    // expire_time beyond 24 h, unsupported currency, absurd amount, bad enum
    let far = format_rfc3339(now_ms() + 25 * 3600 * 1000);
    for (extra, code) in [
        (json!({ "expire_time": far }), "010000"),
        (json!({ "currency": "XXX" }), "010002"),
        (json!({ "amount": 0 }), "010003"),
        (json!({ "amount": 1_000_000_000_000_000i64 }), "010003"),
        (json!({ "session_mode": "POPUP" }), "010000"),
    ] {
        let mut b =
            json!({ "trans_id": format!("X{}", rand_suffix()), "currency": "USD", "amount": 100 });
        merge(&mut b, extra);
        let r = env.call("/payments/sessions", b).await;
        assert_eq!(r["ret_code"], code, "{r}");
    }
    assert_eq!(env.count("sessions"), 1);
}

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

#[tokio::test]
async fn test_cards_outcomes() {
    let env = Env::new().await;
    let success = [
        ("4242424242424242", "VISA"),
        ("5555555555554444", "MASTERCARD"),
        ("378282246310005", "AMEX"),
        ("3530111333300000", "JCB"),
        ("6011111111111117", "DISCOVER"),
        ("3056930009020004", "DINERS"),
        ("36227206271667", "DINERS"),
        ("6200000000000005", "UNIONPAY"),
    ];
    for (pan, brand) in success {
        let s = env.session(json!({})).await;
        let r = env
            .pay(s["session_id"].as_str().unwrap(), env.card(pan))
            .await;
        assert_eq!(r["ret_code"], "000000", "{pan}: {r}");
        let d = &r["data"];
        assert_eq!(d["status"], "SUCCESS", "{pan}: {r}");
        assert_eq!(d["card_info"]["card_brand"], brand);
        assert_eq!(d["card_info"]["last4"], &pan[pan.len() - 4..]);
        assert_eq!(d["error_code"], "0000");
        assert_eq!(d["balances"]["captured_amount"], 1000);
        assert_eq!(d["balances"]["able_to_refund_amount"], 1000);
        assert_eq!(d["trans_id"], s["trans_id"]);
        assert!(d.get("action").is_none());
    }
    for (pan, code) in [
        ("4000000000000002", "3001"),
        ("4000000000009995", "3002"),
        ("4242424242424241", "2099"),
    ] {
        let s = env.session(json!({})).await;
        let r = env
            .pay(s["session_id"].as_str().unwrap(), env.card(pan))
            .await;
        assert_eq!(r["data"]["status"], "FAILURE", "{pan}: {r}");
        assert_eq!(r["data"]["error_code"], code, "{pan}");
        assert_eq!(r["data"]["balances"]["authed_amount"], 0);
    }
    // expired card
    let s = env.session(json!({})).await;
    let mut p = env.card("4242424242424242");
    p["encrypted_exp_year"] = env.enc("2020").into();
    let r = env.pay(s["session_id"].as_str().unwrap(), p).await;
    assert_eq!(
        (
            r["data"]["status"].as_str(),
            r["data"]["error_code"].as_str()
        ),
        (Some("FAILURE"), Some("3003"))
    );
    // wrong CVV length (Amex needs 4)
    let s = env.session(json!({})).await;
    let mut p = env.card("378282246310005");
    p["encrypted_cvv"] = env.enc("123").into();
    let r = env.pay(s["session_id"].as_str().unwrap(), p).await;
    assert_eq!(r["data"]["error_code"], "3005");
    // a failed attempt leaves the session open: the shopper retries with another card
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("378282246310005"),
        )
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    // and a paid session takes no second payment
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("4242424242424242"),
        )
        .await;
    assert_eq!(r["ret_code"], "206013");
    // server-to-server card_no in clear is allowed (signed request), with 2-digit year
    let s = env.session(json!({})).await;
    let r = env
        .pay(s["session_id"].as_str().unwrap(), json!({ "payment_method": "BANKCARD", "card_no": "4242 4242 4242 4242", "exp_month": "3", "exp_year": "30", "cvv": "123" }))
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS", "{r}");
}

#[tokio::test]
async fn clear_card_in_encrypted_field_is_refused() {
    let env = Env::new().await;
    let s = env.session(json!({})).await;
    let sid = s["session_id"].as_str().unwrap();
    let mut p = env.card("4242424242424242");
    p["encrypted_card_no"] = "4242424242424242".into();
    assert_eq!(env.pay(sid, p).await["ret_code"], "206018");
    let mut p = env.card("4242424242424242");
    p["cvv"] = "123".into();
    assert_eq!(env.pay(sid, p).await["ret_code"], "206018");
    let mut p = env.card("4242424242424242");
    p["encrypted_cvv"] = "pkenc.v2.deadbeef.AAAA".into();
    assert_eq!(env.pay(sid, p).await["ret_code"], "206020");
    let mut p = env.card("4242424242424242");
    p["token"] = "TK1".into();
    assert_eq!(env.pay(sid, p).await["ret_code"], "010001");
    // the challenge page does not take card numbers either
    let r = env
        .http
        .post(env.url("/3ds/challenge/GW1"))
        .form(&[("code", "4242424242424242")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(env.count("transactions"), 0);
}

#[tokio::test]
async fn three_ds_challenge_flows() {
    let env = Env::new().await;
    for (pan, code, status, err) in [
        ("4000002760003184", "1234", "SUCCESS", "0000"),
        ("4000002760003184", "9999", "FAILURE", "3004"),
        ("4000008400001629", "1234", "FAILURE", "3001"),
    ] {
        let s = env.session(json!({})).await;
        let sid = s["session_id"].as_str().unwrap();
        let r = env.pay(sid, env.card(pan)).await;
        let d = &r["data"];
        assert_eq!(d["status"], "PROCESSING", "{r}");
        let action = &d["action"];
        assert_eq!(action["type"], "redirect");
        assert_eq!(action["method"], "GET");
        let url = action["url"].as_str().unwrap();
        assert!(url.starts_with(&format!("{}/3ds/challenge/", env.sb().base_url)));
        let page = env.http.get(url).send().await.unwrap();
        assert_eq!(page.status(), 200);
        assert!(page.text().await.unwrap().contains("name=\"code\""));
        let res = env
            .http
            .post(url)
            .form(&[("code", code)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let loc = res.headers()["location"].to_str().unwrap();
        assert!(
            loc.starts_with("http://127.0.0.1:8080/return?session_id="),
            "{loc}"
        );
        assert!(loc.contains(d["order_id"].as_str().unwrap()));
        let q = env
            .call("/payments/query", json!({ "session_id": sid }))
            .await;
        assert_eq!(q["data"]["status"], status, "{pan} {code}");
        assert_eq!(q["data"]["error_code"], err);
        // the challenge is done: a second submission changes nothing
        let again = env
            .http
            .post(url)
            .form(&[("code", "1234")])
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 303);
        let q2 = env
            .call("/payments/query", json!({ "order_id": d["order_id"] }))
            .await;
        assert_eq!(q2["data"]["status"], status);
    }
}

#[tokio::test]
async fn qr_and_wallet_methods() {
    let env = Env::new().await;
    for (method, decision, status, err) in [
        ("WechatPayGlobal", "approve", "SUCCESS", "0000"),
        ("AlipayPlus", "decline", "FAILURE", "3001"),
        ("WechatPayGlobal", "expire", "FAILURE", "3006"),
        ("wechatpayglobal", "approve", "SUCCESS", "0000"),
    ] {
        let s = env.session(json!({})).await;
        let sid = s["session_id"].as_str().unwrap();
        let r = env.pay(sid, json!({ "payment_method": method })).await;
        let a = &r["data"]["action"];
        assert_eq!(r["data"]["status"], "PROCESSING", "{r}");
        assert_eq!(a["type"], "qr");
        assert!(a["qr_code"].as_str().unwrap().contains("/approve/"));
        assert!(a["expires_at"].as_str().is_some());
        let page = env
            .http
            .get(a["url"].as_str().unwrap())
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("Approve"));
        let res = env
            .http
            .post(a["url"].as_str().unwrap())
            .form(&[("decision", decision)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let q = env
            .call("/payments/query", json!({ "trans_id": s["trans_id"] }))
            .await;
        assert_eq!(
            (
                q["data"]["status"].as_str(),
                q["data"]["error_code"].as_str()
            ),
            (Some(status), Some(err)),
            "{method}"
        );
    }
    // Apple Pay / Google Pay with wallet data complete at once; without it, refused
    let s = env.session(json!({})).await;
    let sid = s["session_id"].as_str().unwrap();
    assert_eq!(
        env.pay(sid, json!({ "payment_method": "ApplePay" })).await["ret_code"],
        "010001"
    );
    let r = env
        .pay(
            sid,
            json!({ "payment_method": "GooglePay", "wallet_data": { "token": "x" } }),
        )
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    // a method the session does not offer
    let s = env
        .session(json!({ "allowed_payment_methods": ["BANKCARD"] }))
        .await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            json!({ "payment_method": "AlipayPlus" }),
        )
        .await;
    assert_eq!(r["ret_code"], "210001");
    assert_eq!(
        env.pay(
            s["session_id"].as_str().unwrap(),
            json!({ "payment_method": "Bitcoin" })
        )
        .await["ret_code"],
        "210001"
    );
}

#[tokio::test]
async fn qr_code_expires_by_itself() {
    let env = Env::with(|c| c.action_ttl = Duration::from_millis(300)).await;
    let s = env.session(json!({})).await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            json!({ "payment_method": "WechatPayGlobal" }),
        )
        .await;
    assert_eq!(r["data"]["status"], "PROCESSING");
    tokio::time::sleep(Duration::from_millis(450)).await;
    let q = env
        .call(
            "/payments/query",
            json!({ "order_id": r["data"]["order_id"] }),
        )
        .await;
    assert_eq!(
        (
            q["data"]["status"].as_str(),
            q["data"]["error_code"].as_str()
        ),
        (Some("FAILURE"), Some("3006"))
    );
    // approving after expiry changes nothing
    let url = r["data"]["action"]["url"].as_str().unwrap();
    env.http
        .post(url)
        .form(&[("decision", "approve")])
        .send()
        .await
        .unwrap();
    let q = env
        .call(
            "/payments/query",
            json!({ "order_id": r["data"]["order_id"] }),
        )
        .await;
    assert_eq!(q["data"]["status"], "FAILURE");
}

#[tokio::test]
async fn session_expiry() {
    let env = Env::new().await;
    let s = env
        .session(json!({ "expire_time": format_rfc3339(now_ms() + 1500) }))
        .await;
    let sid = s["session_id"].as_str().unwrap();
    tokio::time::sleep(Duration::from_millis(1600)).await;
    let q = env
        .call("/payments/sessions/query", json!({ "session_id": sid }))
        .await;
    assert_eq!(q["data"]["status"], "EXPIRED");
    let r = env.pay(sid, env.card("4242424242424242")).await;
    assert_eq!(r["ret_code"], "206012");
    let q = env
        .call("/payments/query", json!({ "session_id": sid }))
        .await;
    assert_eq!(q["ret_code"], "206024");
    assert_eq!(q["ret_msg"], "the order doesn't exist");
    assert_eq!(env.count("transactions"), 0);
}

#[tokio::test]
async fn amounts_must_match_the_session() {
    let env = Env::new().await;
    let s = env.session(json!({})).await;
    let sid = s["session_id"].as_str().unwrap();
    let r = env.call("/payments", json!({ "session_id": sid, "amount": 999, "currency": "USD", "payment": env.card("4242424242424242") })).await;
    assert_eq!(r["ret_code"], "206015");
    let r = env.call("/payments", json!({ "session_id": sid, "amount": 1000, "currency": "EUR", "payment": env.card("4242424242424242") })).await;
    assert_eq!(r["ret_code"], "206015");
    let r = env.call("/payments", json!({ "session_id": sid, "amount": "1000", "currency": "USD", "payment": env.card("4242424242424242") })).await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    // direct payment without a session (a PCI-scoped merchant server with the card in clear;
    // frames' envelopes are sealed for a session): amount and currency required and checked
    let clear = json!({ "payment_method": "BANKCARD", "card_no": "4242424242424242", "exp_month": "03", "exp_year": "2030", "cvv": "123" });
    let r = env
        .call(
            "/payments",
            json!({ "trans_id": "DIRECT1", "payment": clear }),
        )
        .await;
    assert_eq!(r["ret_code"], "010001");
    let r = env
        .call(
            "/payments",
            json!({ "trans_id": "DIRECT1", "amount": 100, "currency": "KWD", "payment": clear }),
        )
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    assert_eq!(r["data"]["amount"], 100);
    let r = env
        .call(
            "/payments",
            json!({ "trans_id": "DIRECT1", "amount": 100, "currency": "KWD", "payment": clear }),
        )
        .await;
    assert_eq!(r["ret_code"], "206014");
}

#[tokio::test]
async fn capture_void_refund_balances() {
    let env = Env::new().await;
    let s = env.session(json!({ "capture_method": "MANUAL" })).await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("4242424242424242"),
        )
        .await;
    let d = &r["data"];
    assert_eq!(d["status"], "AUTHORIZED");
    assert_eq!(
        d["balances"],
        json!({ "authed_amount": 1000, "captured_amount": 0, "able_to_capture_amount": 1000, "voided_amount": 0, "able_to_void_amount": 1000, "refunded_amount": 0, "able_to_refund_amount": 0 })
    );
    let oid = d["order_id"].clone();
    let r = env
        .call(
            "/payments/capture",
            json!({ "order_id": oid, "amount": 1001, "currency": "USD" }),
        )
        .await;
    assert_eq!(r["ret_code"], "206026");
    let r = env
        .call(
            "/payments/capture",
            json!({ "order_id": oid, "amount": 600, "currency": "EUR" }),
        )
        .await;
    assert_eq!(r["ret_code"], "010000");
    let r = env
        .call(
            "/payments/capture",
            json!({ "order_id": oid, "amount": 600, "currency": "USD", "capture_final": false }),
        )
        .await;
    assert_eq!(r["ret_code"], "000000");
    assert_eq!(r["data"]["status"], "SUCCESS");
    assert_eq!(
        r["data"]["balances"],
        json!({ "authed_amount": 1000, "captured_amount": 600, "able_to_capture_amount": 400, "voided_amount": 0, "able_to_void_amount": 400, "refunded_amount": 0, "able_to_refund_amount": 600 })
    );
    let r = env
        .call(
            "/payments/void",
            json!({ "order_id": oid, "reason": "REQUESTED_BY_CUSTOMER" }),
        )
        .await;
    assert_eq!(r["data"]["status"], "PARTIALLY_REVERSED");
    assert_eq!(r["data"]["balances"]["voided_amount"], 400);
    assert_eq!(r["data"]["balances"]["able_to_capture_amount"], 0);
    let r = env
        .call(
            "/payments/refund",
            json!({ "refund_trans_id": "R1", "ori_order_id": oid, "refund_amount": 200, "currency": "USD" }),
        )
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    assert_eq!(r["data"]["amount"], 200);
    let first_refund = r["data"]["refund_order_id"].clone();
    // the same reference again: the same refund, not a second one
    let again = env
        .call(
            "/payments/refund",
            json!({ "refund_trans_id": "R1", "ori_order_id": oid, "refund_amount": 200, "currency": "USD" }),
        )
        .await;
    assert_eq!(again["data"]["refund_order_id"], first_refund);
    let q = env
        .call("/payments/refund/query", json!({ "refund_trans_id": "R1" }))
        .await;
    assert_eq!(
        (&q["data"]["status"], &q["data"]["refund_order_id"]),
        (&json!("SUCCESS"), &first_refund)
    );
    let q = env
        .call("/payments/query", json!({ "order_id": oid }))
        .await;
    assert_eq!(q["data"]["status"], "PARTIALLY_REFUNDED");
    let r = env
        .call(
            "/payments/refund",
            json!({ "refund_trans_id": "R2", "ori_order_id": oid, "refund_amount": 401, "currency": "USD" }),
        )
        .await;
    assert_eq!(r["ret_code"], "206026");
    let r = env
        .call(
            "/payments/refund",
            json!({ "refund_trans_id": "R3", "ori_order_id": oid, "refund_amount": 400, "currency": "USD" }),
        )
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    let r = env
        .call("/payments/query", json!({ "order_id": oid }))
        .await;
    assert_eq!(r["data"]["status"], "REFUNDED");
    assert_eq!(r["data"]["balances"]["refunded_amount"], 600);
    assert_eq!(r["data"]["balances"]["able_to_refund_amount"], 0);
    let r = env.call("/payments/void", json!({ "order_id": oid })).await;
    assert_eq!(r["ret_code"], "206025");
    // a full void of an authorisation
    let s = env.session(json!({ "capture_method": "MANUAL" })).await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("5555555555554444"),
        )
        .await;
    let r = env
        .call(
            "/payments/void",
            json!({ "order_id": r["data"]["order_id"] }),
        )
        .await;
    assert_eq!(r["data"]["status"], "CANCELED");
    assert_eq!(r["data"]["balances"]["voided_amount"], 1000);
    let r = env
        .call(
            "/payments/capture",
            json!({ "order_id": r["data"]["order_id"], "amount": 1, "currency": "USD" }),
        )
        .await;
    assert_eq!(r["ret_code"], "206025");
    // unknown order, another merchant's order look the same
    let r = env
        .call(
            "/payments/capture",
            json!({ "order_id": "GW0", "amount": 1, "currency": "USD" }),
        )
        .await;
    assert_eq!(r["ret_code"], "206024");
}

#[tokio::test]
async fn tokens_and_recurring() {
    let env = Env::new().await;
    let s = env.session(json!({ "payment": { "shopper_reference": "shopper-9", "store_payment_method": true, "token_usage": "CARD_ON_FILE" } })).await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("5555555555554444"),
        )
        .await;
    let token = r["data"]["token"].as_str().unwrap().to_string();
    assert!(token.starts_with("TK"));
    assert_eq!(r["data"]["token_usage"], "CARD_ON_FILE");
    let q = env
        .call(
            "/payments/token/query",
            json!({ "shopper_reference": "shopper-9" }),
        )
        .await;
    let list = q["data"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["token"], token.as_str());
    assert_eq!(list[0]["status"], "ACTIVATE");
    assert_eq!(list[0]["card_info"]["card_brand"], "MASTERCARD");
    assert_eq!(list[0]["card_info"]["last4"], "4444");
    assert_eq!(list[0]["card_info"]["exp_month"], "03");
    assert_eq!(list[0]["card_info"]["exp_year"], "2030");
    // the same card stored again reuses the token
    let s2 = env.session(json!({ "payment": { "shopper_reference": "shopper-9", "store_payment_method": true, "token_usage": "CARD_ON_FILE" } })).await;
    let r2 = env
        .pay(
            s2["session_id"].as_str().unwrap(),
            env.card("5555555555554444"),
        )
        .await;
    assert_eq!(r2["data"]["token"], token.as_str());
    // pay with the token: CVV needed with the shopper present
    let s3 = env
        .session(json!({ "payment": { "shopper_reference": "shopper-9" } }))
        .await;
    let sid3 = s3["session_id"].as_str().unwrap();
    let r = env
        .pay(
            sid3,
            json!({ "payment_method": "BANKCARD", "token": token }),
        )
        .await;
    assert_eq!(r["ret_code"], "010001");
    let r = env.pay(sid3, json!({ "payment_method": "BANKCARD", "token": token, "encrypted_cvv": env.enc("321") })).await;
    assert_eq!(r["data"]["status"], "SUCCESS", "{r}");
    assert_eq!(r["data"]["card_info"]["last4"], "4444");
    // another shopper cannot use it
    let s4 = env
        .session(json!({ "payment": { "shopper_reference": "intruder" } }))
        .await;
    let r = env.pay(s4["session_id"].as_str().unwrap(), json!({ "payment_method": "BANKCARD", "token": token, "encrypted_cvv": env.enc("321") })).await;
    assert_eq!(r["ret_code"], "206030");
    // remove
    let r = env
        .call(
            "/payments/token/remove",
            json!({ "token": token, "shopper_reference": "intruder" }),
        )
        .await;
    assert_eq!(r["ret_code"], "206030");
    let r = env
        .call(
            "/payments/token/remove",
            json!({ "token": token, "shopper_reference": "shopper-9" }),
        )
        .await;
    assert_eq!(r["ret_code"], "000000");
    let q = env
        .call(
            "/payments/token/query",
            json!({ "shopper_reference": "shopper-9" }),
        )
        .await;
    assert_eq!(q["data"], json!([]));

    // recurring: first payment stores a SUBSCRIPTION token with an agreement
    let s = env.session(json!({ "payment_type": "RECURRING", "payment": { "shopper_reference": "sub-1", "store_payment_method": true, "token_usage": "SUBSCRIPTION" } })).await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("4242424242424242"),
        )
        .await;
    let tk = r["data"]["token"].clone();
    let ra = r["data"]["recurring_agreement_id"].clone();
    assert!(ra.as_str().unwrap().starts_with("RA"), "{r}");
    // subsequent merchant-initiated payment: token + agreement, no CVV
    let mit = |trans: &str| {
        json!({ "trans_id": trans, "payment_type": "RECURRING", "amount": 800, "currency": "HKD", "mit": true, "recurring_agreement_id": ra,
            "payment": { "payment_method": "BANKCARD", "shopper_reference": "sub-1", "token": tk } })
    };
    let r = env.call("/payments", mit("REC-2")).await;
    assert_eq!(r["data"]["status"], "SUCCESS", "{r}");
    let r = env
        .call(
            "/payments/recurring/cancel",
            json!({ "recurring_agreement_id": ra, "shopper_reference": "sub-1" }),
        )
        .await;
    assert_eq!(r["ret_code"], "000000");
    let r = env.call("/payments", mit("REC-3")).await;
    assert_eq!(r["ret_code"], "206030");
    let r = env
        .call(
            "/payments/recurring/cancel",
            json!({ "recurring_agreement_id": ra, "shopper_reference": "sub-1" }),
        )
        .await;
    assert_eq!(r["ret_code"], "206031");
}

#[tokio::test]
async fn apple_pay_merchant_session() {
    let env = Env::new().await;
    let r = env
        .call(
            "/payments/apple-pay/create-session",
            json!({ "display_name": "Your Merchant Name", "domain_name": "www.mydomain.com" }),
        )
        .await;
    assert_eq!(r["ret_code"], "000000");
    // v1.2: the session data as a JSON string in `data` (v3 answers the string alone).
    let session: Value = serde_json::from_str(r["data"].as_str().unwrap()).unwrap();
    assert_eq!(session["domainName"], "www.mydomain.com");
    let r = env
        .call(
            "/payments/apple-pay/create-session",
            json!({ "display_name": "", "domain_name": "x" }),
        )
        .await;
    assert_eq!(r["ret_code"], "010001");
}

#[tokio::test]
async fn idempotency_key_at_the_gateway() {
    let env = Env::new().await;
    let s = env.session(json!({})).await;
    let sid = s["session_id"].as_str().unwrap();
    let p = json!({ "payment_method": "BANKCARD", "card_no": "4000000000000002", "exp_month": "03", "exp_year": "2030", "cvv": "123" });
    let a = env
        .call_with(
            "/payments",
            json!({ "session_id": sid, "payment": p }),
            &[("idempotency-key", "k-1")],
        )
        .await;
    tokio::time::sleep(Duration::from_millis(5)).await;
    let b = env
        .call_with(
            "/payments",
            json!({ "session_id": sid, "payment": p }),
            &[("idempotency-key", "k-1")],
        )
        .await;
    assert_eq!(a, b);
    let c = env
        .call_with(
            "/payments",
            json!({ "session_id": sid, "payment": { "payment_method": "WechatPayGlobal" } }),
            &[("idempotency-key", "k-1")],
        )
        .await;
    assert_eq!(c["ret_code"], "010005");
    assert_eq!(env.sb().state.db.count_transactions(sid).unwrap(), 1);
}

/// A webhook receiver that fails the first `fail` deliveries.
async fn receiver(
    fail: usize,
) -> (
    String,
    Arc<std::sync::Mutex<Vec<(axum::http::HeaderMap, String)>>>,
) {
    use axum::routing::post;
    let seen: Arc<std::sync::Mutex<Vec<(axum::http::HeaderMap, String)>>> = Arc::default();
    let s2 = seen.clone();
    let app = axum::Router::new().route(
        "/hook",
        post(move |h: axum::http::HeaderMap, body: String| {
            let seen = s2.clone();
            async move {
                let mut v = seen.lock().unwrap();
                v.push((h, body));
                if v.len() <= fail {
                    StatusCode::INTERNAL_SERVER_ERROR
                } else {
                    StatusCode::OK
                }
            }
        }),
    );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    (url, seen)
}

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

#[tokio::test]
async fn the_hosted_page_serves_the_drop_in_api_for_its_session_only() {
    let sdk = temp_dir("sdk");
    std::fs::create_dir_all(sdk.join("0.1.0")).unwrap();
    std::fs::write(sdk.join("0.1.0").join("paykka-checkout.js"), "/* sdk */").unwrap();
    std::fs::create_dir_all(sdk.join("0.1.0/locales/fr-FR")).unwrap();
    let french = "pay-button = Payer { $amount }\nmerchant-back = Retour à { $merchant }\nmerchant-returning = Retour vers { $merchant }…\n";
    std::fs::write(sdk.join("0.1.0/locales/fr-FR/checkout.ftl"), french).unwrap();
    std::fs::write(sdk.join("0.1.0/locales/.secret.ftl"), "x").unwrap();
    let sdk_dir = sdk.clone();
    let env = Env::with(move |c| c.sdk_dir = Some(sdk_dir)).await;
    let s = env.session(json!({ "session_mode": "HOSTED" })).await;
    let sid = s["session_id"].as_str().unwrap().to_string();
    let base = &env.sb().base_url;
    let get = |path: String| {
        let http = env.http.clone();
        async move { http.get(path).send().await.unwrap() }
    };
    let r = get(format!("{base}/hp/api/sessions/{sid}")).await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        (v["amount"].as_i64(), v["currency"].as_str()),
        (Some(1000), Some("USD"))
    );
    assert_eq!(v["saved_cards"], json!([]));
    assert_eq!(v["gateway_origin"].as_str(), Some(base.as_str()));
    assert_eq!(
        get(format!("{base}/hp/api/sessions/CS404")).await.status(),
        404
    );
    let v: Value = get(format!("{base}/hp/api/sessions/{sid}/result"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["status"], "NONE");

    let post = |body: Value, key: &'static str| {
        let http = env.http.clone();
        let url = format!("{base}/hp/api/payments");
        async move {
            http.post(url)
                .header("idempotency-key", key)
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    // A clear card number is refused, whatever field it hides in.
    let clear =
        json!({ "session_id": sid, "payment_method": "BANKCARD", "card_no": "4242424242424242" });
    let r = post(clear, "hp-clear-0001").await;
    assert_eq!(r.status(), 400);
    let mut card = env.card("4242424242424242");
    card["session_id"] = json!(sid);
    paykka_protocol::cardenc::seal_markers(&mut card, &env.sb().state.card_key(), &sid, MID);
    let first: Value = post(card.clone(), "hp-key-00001")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["status"], "SUCCESS", "{first}");
    assert_eq!(first["card"]["last4"], "4242");
    // The same key replays the answer: one payment, not two.
    let again: Value = post(card, "hp-key-00001").await.json().await.unwrap();
    assert_eq!(again["order_id"], first["order_id"]);
    let v: Value = get(format!("{base}/hp/api/sessions/{sid}/result"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["order_id"], first["order_id"]);
    let page = get(format!("{base}/hp/pay/{sid}")).await;
    assert!(
        page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    let html = page.text().await.unwrap();
    assert!(
        html.contains(r#"<script src="/sdk/0.1.0/paykka-checkout.js" defer></script>"#),
        "{html}"
    );
    let sdk_file = get(format!("{base}/sdk/0.1.0/paykka-checkout.js")).await;
    assert_eq!(sdk_file.status(), 200);
    assert_eq!(
        get(format!("{base}/sdk/0.1.0/..%2Fsecret")).await.status(),
        404
    );
    let locale = get(format!("{base}/sdk/0.1.0/locales/fr-FR/checkout.ftl")).await;
    assert_eq!(locale.status(), 200);
    assert_eq!(locale.text().await.unwrap(), french);
    // The page's own words follow the shopper's language (here the browser's), else English.
    let page_in = |language: &'static str| {
        let http = env.http.clone();
        let url = format!("{base}/hp/pay/{sid}");
        async move {
            http.get(url)
                .header("accept-language", language)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let french_page = page_in("fr-CH,fr;q=0.9").await;
    assert!(
        french_page.contains(r#"<html lang="fr-FR" dir="ltr">"#),
        "{french_page}"
    );
    assert!(
        french_page.contains("data-returning=\"Retour vers "),
        "{french_page}"
    );
    let other_page = page_in("tlh").await;
    assert!(
        other_page.contains(r#"<html lang="en" dir="ltr">"#),
        "{other_page}"
    );
    for hidden in [
        "locales/.secret.ftl",
        "locales/fr-FR/..%2F..%2Fpaykka-checkout.js",
        "locales/a/b/c.ftl",
    ] {
        assert_eq!(
            get(format!("{base}/sdk/0.1.0/{hidden}")).await.status(),
            404,
            "{hidden}"
        );
    }
}

/// A request signed with `key` for merchant `MID`: (HTTP status, answer).
async fn call_signed_by(
    env: &Env,
    key: &SigningKey,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
    let mut body = body;
    let ts = now_ms();
    body["merchant_id"] = MID.into();
    body["timestamp"] = ts.into();
    let text = body.to_string();
    let sig = key.sign(MID, ts, text.as_bytes());
    env.raw(
        path,
        text,
        &[("signature", &sig), ("type", "RSA256"), ("version", "v1.2")],
    )
    .await
}

async fn portal(
    env: &Env,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut r = env.http.request(method, env.url(path));
    if let Some(b) = body {
        r = r.json(&b);
    }
    let res = r.send().await.unwrap();
    (res.status(), res.json().await.unwrap())
}

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

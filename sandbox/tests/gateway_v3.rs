//! The sandbox speaks PayKKa's v3 API: `/v3/payment/acq/...` with the `x-paykka-*` headers,
//! a signature over `POST\nPATH\nTIMESTAMP\nNONCE\nBODY`, nonces used once, signed answers.

mod common;

use common::{MID, test_merchant};
use paykka_protocol::api::{self, ApiVersion, Operation, SignedMessage};
use paykka_protocol::sign::{SigningKey, VerifyingKeys};
use paykka_protocol::test_keys;
use paykka_protocol::time::now_ms;
use paykka_sandbox::{Config, Running};
use serde_json::{Value, json};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Env {
    sb: Running,
    key: SigningKey,
    http: reqwest::Client,
    dir: std::path::PathBuf,
}

impl Drop for Env {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn nonce() -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!("nonce-{}-{}", now_ms(), N.fetch_add(1, Ordering::SeqCst))
}

/// A v3 request's headers, each one replaceable by a test.
struct Signed {
    path: String,
    body: String,
    headers: Vec<(&'static str, String)>,
}

impl Signed {
    fn set(mut self, name: &'static str, value: &str) -> Self {
        self.headers.retain(|(n, _)| *n != name);
        self.headers.push((name, value.to_string()));
        self
    }
    fn without(mut self, name: &str) -> Self {
        self.headers.retain(|(n, _)| *n != name);
        self
    }
}

impl Env {
    async fn new() -> Env {
        let dir =
            std::env::temp_dir().join(format!("paykka-sb-v3-{}-{}", std::process::id(), nonce()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut c = Config::new("127.0.0.1:0".parse().unwrap(), &dir);
        c.gateway_key_pem = Some(test_keys::GATEWAY.into());
        c.card_key_pem = Some(test_keys::CARD.into());
        c.merchants = vec![test_merchant()];
        c.log_requests = false;
        Env {
            sb: paykka_sandbox::start(c).await.unwrap(),
            key: SigningKey::from_pem(test_keys::MERCHANT).unwrap(),
            http: reqwest::Client::builder().no_proxy().build().unwrap(),
            dir,
        }
    }

    /// `body` signed for `path` as PayKKa's v3 documents say.
    fn sign(&self, path: &str, body: Value) -> Signed {
        let (ts, n) = (now_ms(), nonce());
        let text = body.to_string();
        let sig = self.key.sign_header(&api::v3_signing_input(
            "POST",
            path,
            ts,
            &n,
            text.as_bytes(),
        ));
        Signed {
            path: path.into(),
            body: text,
            headers: vec![
                ("x-paykka-appid", MID.into()),
                ("x-paykka-timestamp", ts.to_string()),
                ("x-paykka-nonce", n),
                ("x-paykka-sign-alg", "SHA256_WITH_RSA".into()),
                ("x-paykka-sign", sig),
            ],
        }
    }

    async fn send(&self, s: &Signed) -> (u16, reqwest::header::HeaderMap, String) {
        let mut r = self
            .http
            .post(format!("{}{}", self.sb.base_url, s.path))
            .header("content-type", "application/json")
            .body(s.body.clone());
        for (k, v) in &s.headers {
            r = r.header(*k, v);
        }
        let res = r.send().await.unwrap();
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        (status, headers, res.text().await.unwrap())
    }

    async fn ret_code(&self, s: &Signed) -> String {
        let (_, _, text) = self.send(s).await;
        serde_json::from_str::<Value>(&text).unwrap()["ret_code"]
            .as_str()
            .unwrap()
            .to_string()
    }
}

fn session_body() -> Value {
    json!({ "merchant_id": MID, "trans_id": format!("T{}", nonce()), "currency": "USD", "amount": 1000,
        "session_mode": "HOSTED", "return_url": "http://127.0.0.1:8080/return" })
}

#[tokio::test]
async fn a_v3_request_signed_over_method_path_time_nonce_and_body_is_served_and_its_answer_signed()
{
    let env = Env::new().await;
    let path = ApiVersion::V3.path(Operation::CreateSession);
    let (status, headers, text) = env.send(&env.sign(path, session_body())).await;
    assert_eq!(status, 200, "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["ret_code"], "000000", "{v}");
    assert!(v["data"]["session_id"].as_str().unwrap().starts_with("CS"));
    // The answer carries the gateway's signature over our assumed string.
    let h = |n: &str| headers[n].to_str().unwrap().to_string();
    assert_eq!(h("x-paykka-sign-alg"), "SHA256_WITH_RSA");
    let gateway = VerifyingKeys::new([SigningKey::from_pem(test_keys::GATEWAY)
        .unwrap()
        .verifying_key()
        .clone()]);
    let ts: i64 = h("x-paykka-timestamp").parse().unwrap();
    let nonce = h("x-paykka-nonce");
    let signed = |body: &[u8]| {
        api::gateway_signing_input(
            ApiVersion::V3,
            &SignedMessage {
                method: "POST",
                path,
                merchant_id: MID,
                timestamp: ts,
                nonce: &nonce,
                body,
            },
        )
    };
    assert_eq!(
        gateway.verify_header(&signed(text.as_bytes()), &h("x-paykka-sign")),
        Ok(())
    );
    let tampered = text.replace("000000", "999999");
    assert!(
        gateway
            .verify_header(&signed(tampered.as_bytes()), &h("x-paykka-sign"))
            .is_err()
    );
}

#[tokio::test]
async fn each_broken_v3_signature_header_is_refused_with_paykkas_code() {
    let env = Env::new().await;
    let path = ApiVersion::V3.path(Operation::CreateSession);
    let good = || env.sign(path, session_body());
    let mut tampered = good();
    tampered.body = tampered.body.replace("1000", "1");
    let signed_for_other_path = {
        let mut s = env.sign(ApiVersion::V3.path(Operation::Query), session_body());
        s.path = path.into();
        s
    };
    let stale = (now_ms() - 6 * 60 * 1000).to_string();
    let cases: Vec<(&str, Signed, &str)> = vec![
        ("no signature", good().without("x-paykka-sign"), "206002"),
        ("no appid", good().without("x-paykka-appid"), "206002"),
        ("no nonce", good().without("x-paykka-nonce"), "206002"),
        (
            "a nonce of 9 characters",
            good().set("x-paykka-nonce", "123456789"),
            "206002",
        ),
        (
            "a timestamp in seconds",
            good().set("x-paykka-timestamp", "1745922570"),
            "206002",
        ),
        (
            "another algorithm",
            good().set("x-paykka-sign-alg", "SHA1_WITH_RSA"),
            "206001",
        ),
        ("a changed body", tampered, "206003"),
        (
            "a signature made for another path",
            signed_for_other_path,
            "206003",
        ),
        (
            "a garbled signature",
            good().set("x-paykka-sign", "%%%"),
            "206003",
        ),
        (
            "an unknown caller",
            good().set("x-paykka-appid", "99999999999999"),
            "206005",
        ),
        (
            "a time 6 minutes old (re-signed)",
            {
                let s = good();
                let n = nonce();
                let ts: i64 = stale.parse().unwrap();
                let sig = env.key.sign_header(&api::v3_signing_input(
                    "POST",
                    path,
                    ts,
                    &n,
                    s.body.as_bytes(),
                ));
                s.set("x-paykka-timestamp", &stale)
                    .set("x-paykka-nonce", &n)
                    .set("x-paykka-sign", &sig)
            },
            "206004",
        ),
    ];
    for (what, s, code) in cases {
        assert_eq!(env.ret_code(&s).await, code, "{what}");
    }
    assert_eq!(env.ret_code(&good()).await, "000000");
}

#[tokio::test]
async fn a_replayed_v3_request_is_refused_and_a_body_naming_another_merchant_too() {
    let env = Env::new().await;
    let path = ApiVersion::V3.path(Operation::CreateSession);
    let s = env.sign(path, session_body());
    assert_eq!(env.ret_code(&s).await, "000000");
    assert_eq!(env.ret_code(&s).await, "206004", "the same nonce twice");
    let mut other = session_body();
    other["merchant_id"] = "10000000000001".into();
    assert_eq!(env.ret_code(&env.sign(path, other)).await, "206005");
}

#[tokio::test]
async fn v3_headers_on_a_v1_2_path_and_v1_2_headers_on_a_v3_path_are_refused() {
    let env = Env::new().await;
    let v12 = ApiVersion::V1_2.path(Operation::CreateSession);
    let mut body = session_body();
    body["timestamp"] = now_ms().into();
    assert_eq!(env.ret_code(&env.sign(v12, body.clone())).await, "206001");
    let ts = now_ms();
    let text = body.to_string();
    let v12_headers = Signed {
        path: ApiVersion::V3.path(Operation::CreateSession).into(),
        body: text.clone(),
        headers: vec![
            ("signature", env.key.sign(MID, ts, text.as_bytes())),
            ("type", "RSA256".into()),
            ("version", "v1.2".into()),
        ],
    };
    assert_eq!(env.ret_code(&v12_headers).await, "206002");
}

#[tokio::test]
async fn every_v3_operation_is_served_at_its_path() {
    let env = Env::new().await;
    for op in Operation::ALL {
        let path = ApiVersion::V3.path(op);
        let (status, _, text) = env
            .send(&env.sign(path, json!({ "merchant_id": MID })))
            .await;
        assert_ne!(status, 404, "{op:?} at {path}: {text}");
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_ne!(
            v["ret_code"], "206003",
            "{op:?}: the signature over its path verifies"
        );
    }
}

#[tokio::test]
async fn the_v3_apple_pay_session_answer_is_the_session_data_as_a_plain_string() {
    let env = Env::new().await;
    let path = ApiVersion::V3.path(Operation::ApplePaySession);
    let body = json!({ "merchant_id": MID, "display_name": "Your Merchant Name", "domain_name": "www.your-domain.com" });
    let (status, _, text) = env.send(&env.sign(path, body)).await;
    assert_eq!(status, 200);
    let answer: Value = serde_json::from_str(&text).unwrap();
    let session: Value = serde_json::from_str(answer.as_str().expect("a JSON string")).unwrap();
    assert_eq!(session["domainName"], "www.your-domain.com");
}

#[tokio::test]
async fn a_v3_query_of_a_session_nobody_paid_answers_4032_not_paid_yet() {
    let env = Env::new().await;
    let (_, _, text) = env
        .send(&env.sign(
            ApiVersion::V3.path(Operation::CreateSession),
            session_body(),
        ))
        .await;
    let sid = serde_json::from_str::<Value>(&text).unwrap()["data"]["session_id"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, _, text) = env
        .send(&env.sign(
            ApiVersion::V3.path(Operation::Query),
            json!({ "merchant_id": MID, "session_id": sid }),
        ))
        .await;
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (v["ret_code"].as_str(), v["data"]["error_code"].as_str()),
        (Some("000000"), Some("4032")),
        "{v}"
    );
    assert!(v["data"]["order_id"].is_null());
    // An order id nobody has is still "the order doesn't exist".
    let (_, _, text) = env
        .send(&env.sign(
            ApiVersion::V3.path(Operation::Query),
            json!({ "merchant_id": MID, "order_id": "GW0" }),
        ))
        .await;
    assert_eq!(
        serde_json::from_str::<Value>(&text).unwrap()["ret_code"],
        "206024"
    );
}

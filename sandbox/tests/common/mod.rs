//! What the sandbox's integration tests share: a sandbox on loopback with a test merchant,
//! signed calls as that merchant, sessions and sealed cards, and a webhook receiver.
// Each test file is its own crate and uses only some of these helpers.
#![allow(dead_code)]

use paykka_protocol::sign::SigningKey;
use paykka_protocol::test_keys;
use paykka_protocol::time::now_ms;
use paykka_sandbox::{Config, MerchantSeed, Running};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

pub const MID: &str = "18356675194960";

pub fn temp_dir(tag: &str) -> PathBuf {
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

/// The merchant `MID` ("Test Shop"), with the public half of `test_keys::MERCHANT`.
pub fn test_merchant() -> MerchantSeed {
    MerchantSeed {
        merchant_id: MID.into(),
        name: "Test Shop".into(),
        public_key_pem: SigningKey::from_pem(test_keys::MERCHANT)
            .unwrap()
            .verifying_key()
            .to_spki_pem(),
    }
}

pub fn config(dir: &PathBuf, addr: SocketAddr) -> Config {
    let mut c = Config::new(addr, dir);
    c.gateway_key_pem = Some(test_keys::GATEWAY.into());
    c.card_key_pem = Some(test_keys::CARD.into());
    c.merchants = vec![test_merchant()];
    c.webhook_retry_base = Duration::from_millis(40);
    c.worker_tick = Duration::from_millis(20);
    c.log_requests = false;
    c
}

pub struct Env {
    pub sb: Option<Running>,
    pub dir: PathBuf,
    pub key: SigningKey,
    pub http: reqwest::Client,
}

impl Drop for Env {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Env {
    pub async fn new() -> Self {
        Self::with(|_| {}).await
    }

    pub async fn with(f: impl FnOnce(&mut Config)) -> Self {
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

    pub fn sb(&self) -> &Running {
        self.sb.as_ref().unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sb().base_url)
    }

    pub fn signed_body(&self, mut body: Value) -> (String, String) {
        let ts = now_ms();
        body["merchant_id"] = MID.into();
        body["timestamp"] = ts.into();
        let text = body.to_string();
        let sig = self.key.sign(MID, ts, text.as_bytes());
        (text, sig)
    }

    pub async fn raw(
        &self,
        path: &str,
        body: String,
        headers: &[(&str, &str)],
    ) -> (StatusCode, Value) {
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

    pub async fn call_with(&self, path: &str, mut body: Value, extra: &[(&str, &str)]) -> Value {
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

    pub async fn call(&self, path: &str, body: Value) -> Value {
        self.call_with(path, body, &[]).await
    }

    pub async fn session(&self, extra: Value) -> Value {
        let mut b = json!({ "trans_id": format!("T{}", paykka_protocol::time::now_ms()) + &rand_suffix(), "currency": "USD", "amount": 1000,
            "session_mode": "DROP_IN", "return_url": "http://127.0.0.1:8080/return", "payment": { "shopper_reference": "shopper-1" } });
        merge(&mut b, extra);
        let r = self.call("/payments/sessions", b).await;
        assert_eq!(r["ret_code"], "000000", "{r}");
        r["data"].clone()
    }

    /// A card field to seal when the request is sent (see `call_with`).
    pub fn enc(&self, v: &str) -> String {
        format!("seal:{v}")
    }

    pub fn card(&self, pan: &str) -> Value {
        let cvv = if pan.starts_with("34") || pan.starts_with("37") {
            "1234"
        } else {
            "123"
        };
        json!({ "payment_method": "BANKCARD", "encrypted_card_no": self.enc(pan), "encrypted_exp_month": self.enc("03"),
            "encrypted_exp_year": self.enc("2030"), "encrypted_cvv": self.enc(cvv), "holder_name": "Ada Lovelace" })
    }

    pub async fn pay(&self, session_id: &str, payment: Value) -> Value {
        self.call(
            "/payments",
            json!({ "session_id": session_id, "payment": payment }),
        )
        .await
    }

    pub fn count(&self, table: &str) -> i64 {
        self.sb().state.db.count_rows(table).unwrap()
    }
}

pub fn rand_suffix() -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!("{}", N.fetch_add(1, Ordering::SeqCst))
}

pub fn merge(a: &mut Value, b: Value) {
    if let (Some(a), Value::Object(b)) = (a.as_object_mut(), b) {
        for (k, v) in b {
            a.insert(k, v);
        }
    }
}

/// A webhook receiver that fails the first `fail` deliveries.
pub async fn receiver(
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

/// A request signed with `key` for merchant `MID`: (HTTP status, answer).
pub async fn call_signed_by(
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

pub async fn portal(
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

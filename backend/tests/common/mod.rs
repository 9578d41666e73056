//! What the backend's integration tests share: the sandbox and the backend started in-process
//! on loopback ports picked by the OS, and a client that speaks to them.
#![allow(dead_code)]

use paykka_protocol::sign::SigningKey;
use paykka_protocol::test_keys;
use paykka_protocol::time::now_ms;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

pub mod instances;

pub fn temp_dir(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "paykka-be-{tag}-{}-{}-{}",
        std::process::id(),
        now_ms(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

pub fn sandbox_config(dir: &std::path::Path, addr: SocketAddr) -> paykka_sandbox::Config {
    let mut c = paykka_sandbox::Config::new(addr, dir.join("sandbox"));
    c.gateway_key_pem = Some(test_keys::GATEWAY.into());
    c.card_key_pem = Some(test_keys::CARD.into());
    c.webhook_retry_base = Duration::from_millis(40);
    c.worker_tick = Duration::from_millis(20);
    c.log_requests = false;
    c
}

pub fn backend_config(
    dir: &std::path::Path,
    addr: SocketAddr,
    gateway: &str,
) -> paykka_backend::Config {
    let mut c = paykka_backend::Config::new(addr, dir.join("backend"), gateway);
    c.merchant_key_pem = Some(test_keys::MERCHANT.into());
    c.server_secret = Some(SERVER_SECRET.into());
    c.log_requests = false;
    c
}

/// The demo shop's one-kettle cart, as a browser asks for it.
pub fn demo_cart() -> Value {
    json!({ "cart": [{ "sku": "kettle-pour-over", "quantity": 1 }], "shipping": demo_address() })
}

/// Where the demo kettle ships (the shop's address step, before payment).
pub fn demo_address() -> Value {
    json!({ "first_name": "Ada", "last_name": "Lovelace", "address_line1": "12 St James's Square",
        "city": "London", "postal_code": "SW1Y 4JH", "country": "GB" })
}

/// The merchant server's secret in these tests.
pub const SERVER_SECRET: &str = "test-server-secret-0123456789abcdef";

pub struct Env {
    pub sb: Option<paykka_sandbox::Running>,
    pub be: Option<paykka_backend::Running>,
    pub dir: PathBuf,
    pub http: reqwest::Client,
    /// The login cookie every request carries, once `sign_in` was called.
    pub login: std::sync::Mutex<Option<String>>,
}

impl Drop for Env {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Env {
    pub async fn new() -> Self {
        Self::with(|_, _| {}).await
    }

    /// A backend speaking PayKKa's v1.2 API (headers `signature`, `type`, `version`).
    pub async fn v1_2() -> Self {
        Self::with(|_, be| be.api_version = paykka_protocol::ApiVersion::V1_2).await
    }

    /// With the sandbox's and the backend's configurations adjusted by `f`.
    pub async fn with(
        f: impl FnOnce(&mut paykka_sandbox::Config, &mut paykka_backend::Config),
    ) -> Self {
        let dir = temp_dir("api");
        let any: SocketAddr = "127.0.0.1:0".parse().unwrap();
        let mut sc = sandbox_config(&dir, any);
        // the backend's gateway URL is only known once the sandbox listens: filled in below
        let mut bc = backend_config(&dir, any, "http://127.0.0.1:1");
        f(&mut sc, &mut bc);
        let sb = paykka_sandbox::start(sc).await.unwrap();
        bc.gateway_url = sb.base_url.clone();
        let be = paykka_backend::start(bc).await.unwrap();
        let http = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Env {
            sb: Some(sb),
            be: Some(be),
            dir,
            http,
            login: Default::default(),
        }
    }

    pub fn sb(&self) -> &paykka_sandbox::Running {
        self.sb.as_ref().unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.be.as_ref().unwrap().base_url)
    }

    pub async fn send(&self, r: reqwest::RequestBuilder) -> (StatusCode, Value) {
        let cookie = self.login.lock().unwrap().clone();
        let r = match cookie {
            Some(c) => r.header("cookie", c),
            None => r,
        };
        let res = r.send().await.unwrap();
        let st = res.status();
        let text = res.text().await.unwrap();
        assert!(!text.contains("panicked") && !text.contains("stack backtrace"));
        (
            st,
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({st}): {text}")),
        )
    }

    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(self.http.post(self.url(path)).json(&body)).await
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.send(self.http.get(self.url(path))).await
    }

    /// A session created as the merchant's server does (USD 19.99 unless `body` says).
    pub async fn session(&self, mut body: Value) -> String {
        if body.get("cart").is_none() && body.get("amount").is_none() {
            body["amount"] = 1999.into();
            body["currency"] = "USD".into();
        }
        let (st, v) = self.server_post("/api/server/sessions", body).await;
        assert_eq!(st, 200, "{v}");
        v["session_id"].as_str().unwrap().to_string()
    }

    /// A request of the merchant's server, with the server secret.
    pub async fn server_post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(
            self.http
                .post(self.url(path))
                .bearer_auth(SERVER_SECRET)
                .json(&body),
        )
        .await
    }

    /// Every later request is signed in as `shopper` (`None`: signed out).
    pub async fn sign_in(&self, shopper: Option<&str>) {
        *self.login.lock().unwrap() = None;
        if let Some(shopper) = shopper {
            let (st, v) = self
                .server_post(
                    "/api/server/logins",
                    json!({ "shopper_reference": shopper }),
                )
                .await;
            assert_eq!(st, 200, "{v}");
            let c = &v["cookie"];
            *self.login.lock().unwrap() = Some(format!(
                "{}={}",
                c["name"].as_str().unwrap(),
                c["value"].as_str().unwrap()
            ));
        }
    }

    /// Posts a payment; its card fields written `seal:<digits>` ([`Env::enc`]) are sealed as
    /// the frames would, for the body's session.
    pub async fn pay(&self, key: &str, mut body: Value) -> (StatusCode, Value) {
        let sid = body["session_id"].as_str().unwrap_or_default().to_string();
        self.seal(&mut body, &sid);
        self.send(
            self.http
                .post(self.url("/api/payments"))
                .header("Idempotency-Key", key)
                .json(&body),
        )
        .await
    }

    /// A card field, sealed when the payment is posted (see [`Env::pay`]).
    pub fn enc(&self, v: &str) -> String {
        format!("seal:{v}")
    }

    /// Seals the `seal:` card fields of `body` for `session_id`, as the frames would.
    pub fn seal(&self, body: &mut Value, session_id: &str) {
        let key = self.sb().state.card_key();
        paykka_protocol::cardenc::seal_markers(
            body,
            &key,
            session_id,
            paykka_backend::DEMO_MERCHANT_ID,
        );
    }

    /// A card payment of `session_id`, its fields sealed for it.
    pub fn card(&self, session_id: &str, pan: &str) -> Value {
        let cvv = if pan.starts_with("37") { "1234" } else { "123" };
        let mut body = json!({ "session_id": session_id, "payment_method": "BANKCARD", "encrypted_card_no": self.enc(pan),
            "encrypted_exp_month": self.enc("12"), "encrypted_exp_year": self.enc("2031"), "encrypted_cvv": self.enc(cvv), "holder_name": "Grace Hopper" });
        self.seal(&mut body, session_id);
        body
    }

    /// How many webhooks the backend has recorded.
    pub async fn webhook_count(&self) -> i64 {
        self.be().state.store.webhook_count().await.unwrap()
    }

    pub async fn wait_webhooks(&self, n: i64) {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while self.webhook_count().await < n && std::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert_eq!(self.webhook_count().await, n);
    }
}

pub fn key() -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!("idem-{}-{}", now_ms(), N.fetch_add(1, Ordering::SeqCst))
}

impl Env {
    pub fn be(&self) -> &paykka_backend::Running {
        self.be.as_ref().unwrap()
    }

    /// A signed call straight to the gateway with the merchant's key, bypassing the backend's
    /// API (what another instance, or the merchant's own server, would send).
    pub async fn gateway(&self, op: paykka_protocol::Operation, body: Value) -> Value {
        let r: paykka_protocol::types::ApiResponse<Value> = self
            .be()
            .state
            .gateway
            .call(op, &body, Some(&key()))
            .await
            .unwrap();
        serde_json::to_value(&r).unwrap()
    }

    /// The gateway's own status of one payment.
    pub async fn gateway_status(&self, order_id: &str) -> String {
        let r = self
            .gateway(
                paykka_protocol::Operation::Query,
                json!({ "order_id": order_id }),
            )
            .await;
        r["data"]["status"].as_str().unwrap_or_default().to_string()
    }
}

/// A browser's POST of `body` to `path`, with no login.
pub async fn browser_post(env: &Env, path: &str, body: Value) -> (StatusCode, Value) {
    env.post(path, body).await
}

/// Hand-made gateway notifications for one session of the backend, and what they left behind.
pub struct Hooks<'a> {
    pub env: &'a Env,
    pub mid: String,
    pub sid: String,
    pub gw: SigningKey,
}

/// (order status, order's payment id, webhooks recorded): what a refused webhook must not change.
pub type Trace = (String, Option<String>, i64);

impl<'a> Hooks<'a> {
    pub async fn new(env: &'a Env) -> Self {
        let sid = env.session(json!({})).await;
        Hooks {
            env,
            mid: env.be.as_ref().unwrap().state.cfg.merchant_id.clone(),
            sid,
            gw: SigningKey::from_pem(test_keys::GATEWAY).unwrap(),
        }
    }

    pub fn note(&self, notify_id: &str, order_id: &str, status: &str, ts: i64) -> String {
        json!({ "notify_id": notify_id, "notify_type": "TRANSACTION", "timestamp": ts, "merchant_id": self.mid,
            "trans_id": "T-hooks", "order_id": order_id, "session_id": self.sid, "status": status,
            "amount": 1999, "currency": "USD" })
        .to_string()
    }

    pub async fn post(&self, body: &str, signature: Option<&str>) -> (StatusCode, Value) {
        let mut r = self
            .env
            .http
            .post(self.env.url("/api/webhooks/paykka"))
            .header("content-type", "application/json")
            .header("type", "RSA256")
            .header("version", "v1.2")
            .body(body.to_string());
        if let Some(s) = signature {
            r = r.header("signature", s);
        }
        self.env.send(r).await
    }

    /// A notification signed with `key` over its own merchant id and timestamp.
    pub async fn post_signed(&self, body: &str, key: &SigningKey) -> (StatusCode, Value) {
        let v: Value = serde_json::from_str(body).unwrap();
        let ts = v["timestamp"].as_i64().unwrap();
        let sig = key.sign(v["merchant_id"].as_str().unwrap(), ts, body.as_bytes());
        self.post(body, Some(&sig)).await
    }

    /// A genuine notification, signed now with the gateway key; answers the `status` acknowledged.
    pub async fn send(&self, notify_id: &str, order_id: &str, status: &str) -> String {
        let body = self.note(notify_id, order_id, status, now_ms());
        let (st, v) = self.post_signed(&body, &self.gw).await;
        assert_eq!(st, 200, "{v}");
        v["status"].as_str().unwrap().to_string()
    }

    pub async fn trace(&self) -> Trace {
        let store = &self.env.be().state.store;
        let o = store.order(&self.sid).await.unwrap().unwrap();
        (o.status, o.order_id, self.env.webhook_count().await)
    }

    pub async fn order_status(&self) -> (String, Option<String>) {
        let (s, o, _) = self.trace().await;
        (s, o)
    }

    /// Posts and expects 401 `invalid_signature` with nothing changed.
    pub async fn refused(&self, what: &str, body: &str, signature: Option<&str>) {
        let before = self.trace().await;
        let (st, v) = self.post(body, signature).await;
        assert_eq!(
            (st.as_u16(), v["error"]["code"].as_str()),
            (401, Some("invalid_signature")),
            "{what}: {v}"
        );
        assert_eq!(self.trace().await, before, "{what} changed the store");
    }

    pub async fn refused_signed(&self, what: &str, body: &str, key: &SigningKey) {
        let v: Value = serde_json::from_str(body).unwrap();
        let ts = v["timestamp"].as_i64().unwrap();
        let sig = key.sign(v["merchant_id"].as_str().unwrap(), ts, body.as_bytes());
        self.refused(what, body, Some(&sig)).await;
    }
}

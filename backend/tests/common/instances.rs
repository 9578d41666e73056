//! Several backend instances on one PostgreSQL database, in front of one sandbox: what a
//! merchant runs past one machine. Each instance has its own data folder and loopback port,
//! and the same merchant key and server secret (as instances behind one load balancer).

use super::{SERVER_SECRET, backend_config, sandbox_config, temp_dir};
use paykka_protocol::sign::SigningKey;
use paykka_protocol::test_keys;
use paykka_protocol::time::now_ms;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::PathBuf;

pub struct Instances {
    pub sb: paykka_sandbox::Running,
    pub be: Vec<paykka_backend::Running>,
    pub dir: PathBuf,
    pub http: reqwest::Client,
}

impl Drop for Instances {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One answer: status, the `idempotent-replayed` header, `Retry-After`, the JSON body.
pub struct Answer {
    pub status: StatusCode,
    pub replayed: bool,
    pub retry_after: Option<String>,
    pub body: Value,
}

impl Instances {
    /// `n` instances on the database `url` (PostgreSQL), speaking PayKKa's v1.2 API (whose
    /// webhooks the tests sign by hand).
    pub async fn start(n: usize, url: &str) -> Self {
        let dir = temp_dir("instances");
        let any: SocketAddr = "127.0.0.1:0".parse().unwrap();
        let sb = paykka_sandbox::start(sandbox_config(&dir, any))
            .await
            .unwrap();
        let mut be = Vec::new();
        for i in 0..n {
            let mut c = backend_config(&dir.join(format!("i{i}")), any, &sb.base_url);
            c.api_version = paykka_protocol::ApiVersion::V1_2;
            c.database.url = Some(url.to_string());
            // One public URL for all, as behind a load balancer (here: the first instance's):
            // the gateway requests of a payment are then the same from any instance, so a
            // retry through another instance is the same request to the gateway.
            c.public_url = be
                .first()
                .map(|b: &paykka_backend::Running| b.base_url.clone());
            be.push(paykka_backend::start(c).await.unwrap());
        }
        let http = reqwest::Client::builder().no_proxy().build().unwrap();
        Instances { sb, be, dir, http }
    }

    pub fn url(&self, i: usize, path: &str) -> String {
        format!("{}{path}", self.be[i % self.be.len()].base_url)
    }

    pub async fn send(&self, r: reqwest::RequestBuilder) -> Answer {
        let res = r.send().await.unwrap();
        let header = |n: &str| {
            res.headers()
                .get(n)
                .map(|v| v.to_str().unwrap().to_string())
        };
        let (replayed, retry_after) = (
            header("idempotent-replayed").is_some(),
            header("retry-after"),
        );
        let status = res.status();
        let text = res.text().await.unwrap();
        let body =
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
        Answer {
            status,
            replayed,
            retry_after,
            body,
        }
    }

    /// A request of the merchant's server to instance `i`.
    pub async fn server_post(&self, i: usize, path: &str, body: Value) -> Answer {
        let r = self
            .http
            .post(self.url(i, path))
            .bearer_auth(SERVER_SECRET)
            .json(&body);
        self.send(r).await
    }

    /// A session made through instance `i` (USD, `amount`, `capture`: AUTOMATIC or MANUAL).
    pub async fn session(&self, i: usize, amount: i64, capture: &str) -> String {
        let body = json!({ "amount": amount, "currency": "USD", "capture_method": capture });
        let a = self.server_post(i, "/api/server/sessions", body).await;
        assert_eq!(a.status, 200, "{}", a.body);
        a.body["session_id"].as_str().unwrap().to_string()
    }

    /// A card payment's body for `session_id`, its fields sealed once (duplicates are equal).
    pub fn card(&self, session_id: &str, pan: &str) -> Value {
        let mut body = json!({ "session_id": session_id, "payment_method": "BANKCARD",
            "encrypted_card_no": format!("seal:{pan}"), "encrypted_exp_month": "seal:12",
            "encrypted_exp_year": "seal:2031", "encrypted_cvv": "seal:123", "holder_name": "Grace Hopper" });
        let key = self.sb.state.card_key();
        let mid = paykka_backend::DEMO_MERCHANT_ID;
        paykka_protocol::cardenc::seal_markers(&mut body, &key, session_id, mid);
        body
    }

    /// Posts a payment with `key` to instance `i`.
    pub async fn pay(&self, i: usize, key: &str, body: &Value) -> Answer {
        let r = self
            .http
            .post(self.url(i, "/api/payments"))
            .header("Idempotency-Key", key)
            .json(body);
        self.send(r).await
    }

    /// A genuine v1.2 notification of `order_id` of `session_id`, signed by the gateway now.
    pub fn webhook(
        &self,
        notify_id: &str,
        session_id: &str,
        order_id: &str,
        status: &str,
    ) -> (String, String) {
        let mid = paykka_backend::DEMO_MERCHANT_ID;
        let ts = now_ms();
        let body = json!({ "notify_id": notify_id, "notify_type": "TRANSACTION", "timestamp": ts, "merchant_id": mid,
            "trans_id": "T-instances", "order_id": order_id, "session_id": session_id, "status": status,
            "amount": 1999, "currency": "USD" })
        .to_string();
        let sig = SigningKey::from_pem(test_keys::GATEWAY)
            .unwrap()
            .sign(mid, ts, body.as_bytes());
        (body, sig)
    }

    pub async fn post_webhook(&self, i: usize, (body, sig): &(String, String)) -> Answer {
        let r = self
            .http
            .post(self.url(i, "/api/webhooks/paykka"))
            .header("content-type", "application/json")
            .header("type", "RSA256")
            .header("version", "v1.2")
            .header("signature", sig)
            .body(body.clone());
        self.send(r).await
    }

    /// The sandbox's transactions of one session: what the gateway charged.
    pub fn gateway_transactions(&self, session_id: &str) -> i64 {
        let db =
            rusqlite::Connection::open(self.dir.join("sandbox").join("sandbox.sqlite")).unwrap();
        db.query_row(
            "SELECT COUNT(*) FROM transactions WHERE session_id = ?1",
            [session_id],
            |r| r.get(0),
        )
        .unwrap()
    }

    /// The gateway's balances of a payment, asked through instance `i`.
    pub async fn balances(&self, i: usize, order_id: &str) -> Value {
        let r = self
            .http
            .get(self.url(i, &format!("/api/server/payments/{order_id}")))
            .bearer_auth(SERVER_SECRET);
        let a = self.send(r).await;
        assert_eq!(a.status, 200, "{}", a.body);
        a.body["balances"].clone()
    }
}

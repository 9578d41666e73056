//! Signed calls to the gateway.

use paykka_protocol::sign::SigningKey;
use paykka_protocol::types::ApiResponse;
use paykka_protocol::{headers as hdr, time::now_ms};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::sync::Arc;
use std::time::Duration;

pub struct Gateway {
    base: String,
    merchant_id: String,
    key: Arc<SigningKey>,
    http: reqwest::Client,
}

#[derive(Debug)]
pub enum GatewayError {
    /// Could not reach the gateway, or it timed out.
    Unavailable(String),
    /// The gateway answered something that is not a gateway response.
    BadResponse(String),
}

impl Gateway {
    pub fn new(base: &str, merchant_id: &str, key: SigningKey) -> Result<Self, String> {
        let mut b = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .connect_timeout(Duration::from_secs(5));
        if base.starts_with("http://127.")
            || base.starts_with("http://localhost")
            || base.starts_with("http://[::1]")
        {
            b = b.no_proxy();
        }
        let http = b.build().map_err(|e| e.to_string())?;
        Ok(Self {
            base: base.trim_end_matches('/').to_string(),
            merchant_id: merchant_id.to_string(),
            key: Arc::new(key),
            http,
        })
    }

    pub fn merchant_id(&self) -> &str {
        &self.merchant_id
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn public_key_pem(&self) -> String {
        self.key.verifying_key().to_spki_pem()
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// Sends `body` (a JSON object; `merchant_id` and `timestamp` are set here) to `path`,
    /// signed, and reads the `ret_code` / `ret_msg` / `data` answer whatever the HTTP status.
    pub async fn call<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
        idempotency_key: Option<&str>,
    ) -> Result<ApiResponse<T>, GatewayError> {
        let mut v =
            serde_json::to_value(body).map_err(|e| GatewayError::BadResponse(e.to_string()))?;
        let ts = now_ms();
        if let Some(o) = v.as_object_mut() {
            o.insert("merchant_id".into(), self.merchant_id.clone().into());
            o.insert("timestamp".into(), ts.into());
        }
        let text = serde_json::to_string(&v).expect("serialises");
        // An RSA signature takes about a millisecond of CPU: on the blocking pool, so a burst of
        // requests does not stall the async workers that serve everyone else.
        let (key, merchant_id) = (self.key.clone(), self.merchant_id.clone());
        let (sig, text) = tokio::task::spawn_blocking(move || {
            let sig = key.sign(&merchant_id, ts, text.as_bytes());
            (sig, text)
        })
        .await
        .map_err(|_| GatewayError::Unavailable("signing failed".into()))?;
        let mut req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .header(hdr::SIGNATURE, sig)
            .header(hdr::TYPE, hdr::TYPE_VALUE)
            .header(hdr::VERSION, hdr::VERSION_VALUE)
            .body(text);
        if let Some(k) = idempotency_key {
            req = req.header(hdr::IDEMPOTENCY_KEY, k);
        }
        let res = req.send().await.map_err(|e| {
            GatewayError::Unavailable(if e.is_timeout() {
                "timeout".into()
            } else {
                "connection failed".into()
            })
        })?;
        let status = res.status();
        let bytes = res
            .bytes()
            .await
            .map_err(|_| GatewayError::Unavailable("connection dropped".into()))?;
        serde_json::from_slice(&bytes)
            .map_err(|e| GatewayError::BadResponse(format!("HTTP {}: {e}", status.as_u16())))
    }
}

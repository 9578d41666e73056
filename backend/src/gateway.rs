//! Signed calls to PayKKa's gateway, in either generation of its API (v3 by default, v1.2 on
//! request), with the gateway's signed answers verified when `PAYKKA_VERIFY_RESPONSES` is on.

use paykka_protocol::api::{self, ApiVersion, Operation, SignedMessage, headers as hdr};
use paykka_protocol::sign::{SigningKey, VerifyingKeys, timestamp_fresh};
use paykka_protocol::types::ApiResponse;
use paykka_protocol::{hex, time::now_ms};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// Request members we send that no PayKKa document shows, by operation: what the sandbox
/// understands beyond the documents. `PAYKKA_EXTENSIONS=off` leaves all of them out (and the
/// `idempotency-key` header, also ours). (operation, member, why.)
pub const EXTENSIONS: &[(Operation, &str, &str)] = &[
    (
        Operation::ApplePaySession,
        "validation_url",
        "the validation URL Apple gave the browser",
    ),
    (
        Operation::Payment,
        "payment.wallet_data",
        "a wallet's token as an object, when the wallet gives one",
    ),
    (
        Operation::Payment,
        "session_id",
        "the Drop-in or Component session a payment belongs to (PayKKa's own script pays inside its session; its Initiate Transaction shows no session)",
    ),
];

/// How the client talks to the gateway.
#[derive(Clone, Debug)]
pub struct GatewayOptions {
    pub base: String,
    pub merchant_id: String,
    /// v3's `x-paykka-appid` (default: the merchant id, as PayKKa's plugin does).
    pub app_id: String,
    pub version: ApiVersion,
    pub timeout: Duration,
    /// Path overrides (`PAYKKA_PATH_<OPERATION>`) for paths PayKKa does not publish.
    pub paths: HashMap<Operation, String>,
    /// Verify the signature of every answer (the string signed is our assumption).
    pub verify_responses: bool,
    /// Send the members of [`EXTENSIONS`].
    pub extensions: bool,
}

impl GatewayOptions {
    pub fn new(base: &str, merchant_id: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_string(),
            merchant_id: merchant_id.to_string(),
            app_id: merchant_id.to_string(),
            version: ApiVersion::default(),
            timeout: Duration::from_secs(20),
            paths: HashMap::new(),
            verify_responses: false,
            extensions: true,
        }
    }
}

pub struct Gateway {
    opts: GatewayOptions,
    key: Arc<SigningKey>,
    /// The gateway's public keys: verify its answers and webhooks.
    keys: Arc<RwLock<VerifyingKeys>>,
    http: reqwest::Client,
}

#[derive(Debug)]
pub enum GatewayError {
    /// Could not reach the gateway, or it timed out.
    Unavailable(String),
    /// The gateway answered something that is not a gateway response (or not signed by it).
    BadResponse(String),
}

impl std::fmt::Display for GatewayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GatewayError::Unavailable(m) => write!(f, "gateway unavailable: {m}"),
            GatewayError::BadResponse(m) => write!(f, "bad gateway answer: {m}"),
        }
    }
}

/// A request to the gateway that got no answer: timed out, else `otherwise` (how it failed).
fn no_answer(e: &reqwest::Error, otherwise: &str) -> GatewayError {
    GatewayError::Unavailable(if e.is_timeout() {
        "timeout".into()
    } else {
        otherwise.into()
    })
}

/// A nonce for v3's `x-paykka-nonce`: 32 hex digits from the system's random source.
fn new_nonce() -> Result<String, GatewayError> {
    crate::support::random_bytes::<16>()
        .map(|b| hex(&b))
        .map_err(|_| GatewayError::Unavailable("no system random source".into()))
}

impl Gateway {
    pub fn new(opts: GatewayOptions, key: SigningKey, keys: VerifyingKeys) -> Result<Self, String> {
        let mut b = reqwest::Client::builder()
            .timeout(opts.timeout)
            .connect_timeout(opts.timeout.min(Duration::from_secs(5)));
        if opts.base.starts_with("http://127.")
            || opts.base.starts_with("http://localhost")
            || opts.base.starts_with("http://[::1]")
        {
            b = b.no_proxy();
        }
        let http = b.build().map_err(|e| e.to_string())?;
        Ok(Self {
            opts,
            key: Arc::new(key),
            keys: Arc::new(RwLock::new(keys)),
            http,
        })
    }

    pub fn merchant_id(&self) -> &str {
        &self.opts.merchant_id
    }

    pub fn base(&self) -> &str {
        &self.opts.base
    }

    pub fn version(&self) -> ApiVersion {
        self.opts.version
    }

    pub fn options(&self) -> &GatewayOptions {
        &self.opts
    }

    pub fn public_key_pem(&self) -> String {
        self.key.verifying_key().to_spki_pem()
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// The gateway's public keys (one, or two during its key rotation).
    pub fn keys(&self) -> VerifyingKeys {
        self.keys.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn set_keys(&self, keys: VerifyingKeys) {
        *self.keys.write().unwrap_or_else(|e| e.into_inner()) = keys;
    }

    /// The path of `op`: an override, else the documented (or patterned) one.
    pub fn path(&self, op: Operation) -> &str {
        self.opts
            .paths
            .get(&op)
            .map(String::as_str)
            .unwrap_or_else(|| self.opts.version.path(op))
    }

    /// Sends `body` (a JSON object; `merchant_id`, and in v1.2 `timestamp`, are set here) as
    /// `op`, signed, and reads the `ret_code` / `ret_msg` / `data` answer whatever the HTTP
    /// status. `idempotency_key` is our extension (see [`EXTENSIONS`]).
    pub async fn call<B: Serialize, T: DeserializeOwned>(
        &self,
        op: Operation,
        body: &B,
        idempotency_key: Option<&str>,
    ) -> Result<ApiResponse<T>, GatewayError> {
        let (status, bytes) = self.call_raw(op, body, idempotency_key).await?;
        let answer: ApiResponse<T> = serde_json::from_slice(&bytes)
            .map_err(|e| GatewayError::BadResponse(format!("HTTP {status}: {e}")))?;
        answer.normalised().ok_or_else(|| {
            GatewayError::BadResponse(format!("HTTP {status}: neither ret_code nor error_code"))
        })
    }

    /// As [`Gateway::call`], the answer's status and bytes unread (the Apple Pay session
    /// answers a plain string in v3).
    pub async fn call_raw<B: Serialize>(
        &self,
        op: Operation,
        body: &B,
        idempotency_key: Option<&str>,
    ) -> Result<(u16, axum::body::Bytes), GatewayError> {
        let mut v =
            serde_json::to_value(body).map_err(|e| GatewayError::BadResponse(e.to_string()))?;
        let ts = now_ms();
        let version = self.opts.version;
        if let Some(o) = v.as_object_mut() {
            o.insert("merchant_id".into(), self.opts.merchant_id.clone().into());
            if version == ApiVersion::V1_2 {
                o.insert("timestamp".into(), ts.into());
            }
        }
        if !self.opts.extensions {
            without_extensions(op, &mut v);
        }
        let text = serde_json::to_string(&v).expect("serialises");
        let path = self.path(op).to_string();
        let nonce = new_nonce()?;
        // An RSA signature takes about a millisecond of CPU: on the blocking pool, so a burst of
        // requests does not stall the async workers that serve everyone else.
        let (key, merchant_id, p, n) = (
            self.key.clone(),
            self.opts.merchant_id.clone(),
            path.clone(),
            nonce.clone(),
        );
        let (sig, text) = tokio::task::spawn_blocking(move || {
            let data = match version {
                ApiVersion::V3 => api::v3_signing_input("POST", &p, ts, &n, text.as_bytes()),
                ApiVersion::V1_2 => {
                    paykka_protocol::sign::signing_input(&merchant_id, ts, text.as_bytes())
                }
            };
            (key.sign_header(&data), text)
        })
        .await
        .map_err(|_| GatewayError::Unavailable("signing failed".into()))?;
        let mut req = self
            .http
            .post(format!("{}{path}", self.opts.base))
            .header("content-type", "application/json")
            .body(text);
        req = match version {
            ApiVersion::V3 => api::v3_headers(&self.opts.app_id, ts, &nonce, sig)
                .into_iter()
                .fold(req, |req, (name, value)| req.header(name, value)),
            ApiVersion::V1_2 => req
                .header(hdr::SIGNATURE, sig)
                .header(hdr::TYPE, hdr::TYPE_VALUE)
                .header(hdr::VERSION, hdr::VERSION_VALUE),
        };
        if let (Some(k), true) = (idempotency_key, self.opts.extensions) {
            req = req.header(hdr::IDEMPOTENCY_KEY, k);
        }
        let res = req
            .send()
            .await
            .map_err(|e| no_answer(&e, "connection failed"))?;
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let bytes = res
            .bytes()
            .await
            .map_err(|e| no_answer(&e, "connection dropped"))?;
        if self.opts.verify_responses {
            self.verify_answer(&path, &headers, &bytes)?;
        }
        Ok((status, bytes))
    }

    /// Checks that an answer is signed by the gateway (the string is our assumption: see
    /// [`api::gateway_signing_input`]).
    fn verify_answer(
        &self,
        path: &str,
        headers: &reqwest::header::HeaderMap,
        body: &[u8],
    ) -> Result<(), GatewayError> {
        let h = |n: &str| headers.get(n).and_then(|v| v.to_str().ok()).map(str::trim);
        let bad =
            |m: &str| GatewayError::BadResponse(format!("answer not signed by the gateway: {m}"));
        let version = self.opts.version;
        let (sig, ts, nonce) = match version {
            ApiVersion::V3 => (
                h(hdr::SIGN),
                h(hdr::V3_TIMESTAMP),
                h(hdr::NONCE).unwrap_or(""),
            ),
            ApiVersion::V1_2 => (h(hdr::SIGNATURE), h(hdr::TIMESTAMP), ""),
        };
        let sig = sig.ok_or_else(|| bad("no signature header"))?;
        let ts: i64 = ts
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| bad("no timestamp header"))?;
        if !timestamp_fresh(ts, now_ms()) {
            return Err(bad("timestamp outside the 5-minute window"));
        }
        let data = api::gateway_signing_input(
            version,
            &SignedMessage {
                method: "POST",
                path,
                merchant_id: &self.opts.merchant_id,
                timestamp: ts,
                nonce,
                body,
            },
        );
        self.keys()
            .verify_header(&data, sig)
            .map_err(|_| bad("signature does not verify"))
    }
}

/// Removes the members [`EXTENSIONS`] lists for `op` from its request body.
pub fn without_extensions(op: Operation, v: &mut serde_json::Value) {
    for (_, path, _) in EXTENSIONS.iter().filter(|e| e.0 == op) {
        let mut target = &mut *v;
        let mut parts = path.split('.').peekable();
        while let Some(part) = parts.next() {
            if parts.peek().is_none() {
                if let Some(o) = target.as_object_mut() {
                    o.remove(part);
                }
                break;
            }
            match target.get_mut(part) {
                Some(next) => target = next,
                None => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_left_out_when_turned_off() {
        let mut v = serde_json::json!({
            "session_id": "CS1",
            "payment": { "payment_method": "GOOGLE_PAY", "wallet_data": { "a": 1 } }
        });
        without_extensions(Operation::Payment, &mut v);
        assert_eq!(
            v,
            serde_json::json!({ "payment": { "payment_method": "GOOGLE_PAY" } })
        );
        // A query names its session: documented there, kept.
        let mut q = serde_json::json!({ "session_id": "CS1" });
        without_extensions(Operation::Query, &mut q);
        assert_eq!(q, serde_json::json!({ "session_id": "CS1" }));
    }
}

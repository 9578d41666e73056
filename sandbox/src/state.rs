//! The state every request shares: storage, keys, the settings requests read, the webhook
//! worker's wake-up, and what the signature checks remember (nonces, each merchant's API).

use crate::db::Db;
use crate::ids::new_id;
use crate::keys::{CardKeys, GatewayKeys, StartError, replace_private};
use paykka_protocol::api::{self, ApiVersion};
use paykka_protocol::cardenc::CardKey;
use paykka_protocol::sign::{SigningKey, VerifyingKey, VerifyingKeys};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tokio::sync::Notify;

pub struct AppState {
    pub base_url: String,
    pub db: Db,
    pub gateway_keys: RwLock<GatewayKeys>,
    /// Where the gateway keys are kept (`None`: given in the config, rotations stay in memory).
    pub(crate) gateway_key_dir: Option<PathBuf>,
    /// The card keys: the current one, which `/card-key` publishes, and during a rotation the
    /// previous one, which still opens envelopes sealed before the switch until it is retired.
    pub card_keys: RwLock<CardKeys>,
    /// Where the card key is kept (`None`: given in the config, rotations stay in memory).
    pub(crate) card_key_dir: Option<PathBuf>,
    /// The oldest card envelope a payment takes.
    pub card_data_max_age: Duration,
    /// Added to the clock when judging a card envelope's age: the portal's test clock
    /// (`POST /portal/card-data-clock`), so a test can age envelopes without waiting.
    pub card_data_clock_ms: std::sync::atomic::AtomicI64,
    pub portal: bool,
    pub webhook_retry_base: Duration,
    pub webhook_max_attempts: u32,
    pub action_ttl: Duration,
    pub log_requests: bool,
    pub answer_delay: Duration,
    pub frames_dir: Option<PathBuf>,
    pub frame_ancestors: Vec<String>,
    pub sdk_dir: Option<PathBuf>,
    pub(crate) wake: Notify,
    pub(crate) http: reqwest::Client,
    /// v3 nonces seen in the last [`paykka_protocol::sign::MAX_SKEW_MS`], per merchant: a
    /// replayed request is refused.
    pub(crate) request_nonces: std::sync::Mutex<HashMap<(String, String), i64>>,
    /// The API generation each merchant last spoke: its webhooks are signed the same way.
    pub(crate) merchant_versions: std::sync::Mutex<HashMap<String, ApiVersion>>,
}

pub type Shared = Arc<AppState>;

impl AppState {
    /// Records a v3 nonce; false when the merchant already used it within the time window.
    pub(crate) fn first_use_of_nonce(&self, merchant_id: &str, nonce: &str, now: i64) -> bool {
        let mut seen = self
            .request_nonces
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if seen.len() > 100_000 {
            seen.retain(|_, t| now - *t <= paykka_protocol::sign::MAX_SKEW_MS);
        }
        let key = (merchant_id.to_string(), nonce.to_string());
        match seen.get(&key) {
            Some(t) if now - *t <= paykka_protocol::sign::MAX_SKEW_MS => false,
            _ => {
                seen.insert(key, now);
                true
            }
        }
    }

    pub(crate) fn spoke(&self, merchant_id: &str, version: ApiVersion) {
        let mut v = self
            .merchant_versions
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if v.get(merchant_id) != Some(&version) {
            v.insert(merchant_id.to_string(), version);
        }
    }

    /// The API generation a merchant speaks (v3 until it has called).
    pub fn version_of(&self, merchant_id: &str) -> ApiVersion {
        self.merchant_versions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(merchant_id)
            .copied()
            .unwrap_or_default()
    }

    pub(crate) fn keys(&self) -> std::sync::RwLockReadGuard<'_, GatewayKeys> {
        self.gateway_keys.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Signs a message of the gateway's (an answer, a webhook) as the API generation `version`
    /// signs it ([`api::gateway_signing_input`]), with the current gateway key and a fresh
    /// nonce: (nonce, signature).
    pub(crate) fn sign_as_gateway(
        &self,
        version: ApiVersion,
        path: &str,
        merchant_id: &str,
        timestamp: i64,
        body: &[u8],
    ) -> (String, String) {
        let nonce = new_id("N");
        let data = api::gateway_signing_input(
            version,
            &api::SignedMessage {
                method: "POST",
                path,
                merchant_id,
                timestamp,
                nonce: &nonce,
                body,
            },
        );
        let sig = self.keys().current.sign_header(&data);
        (nonce, sig)
    }

    /// Signs a webhook with the current gateway key.
    pub fn sign_webhook(&self, merchant_id: &str, timestamp: i64, body: &[u8]) -> String {
        self.keys().current.sign(merchant_id, timestamp, body)
    }

    /// Rotates the card key: `next` becomes current (what `/card-key` publishes from now on),
    /// the current one previous (it still opens envelopes sealed before the switch), and a
    /// previous one is dropped. The new key is written to `card_key.pem` when the keys are
    /// kept in the data folder.
    pub fn rotate_card_key(&self, next: CardKey, pem: &str) -> Result<(), StartError> {
        if let Some(dir) = &self.card_key_dir {
            replace_private(&dir.join("card_key.pem"), pem)?;
        }
        let mut keys = self.card_keys.write().unwrap_or_else(|e| e.into_inner());
        let old = std::mem::replace(&mut keys.current, next);
        keys.previous = Some(old);
        Ok(())
    }

    /// Ends a rotation: the previous card key opens nothing any more. `false` if there was none.
    pub fn retire_previous_card_key(&self) -> bool {
        self.card_keys
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .previous
            .take()
            .is_some()
    }

    /// The card key the frames encrypt with now.
    pub fn card_key(&self) -> CardKey {
        self.card_keys
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .current
            .clone()
    }

    /// The clock card envelopes are judged by (Unix ms): the real one, plus the test clock.
    pub fn card_data_now_ms(&self) -> i64 {
        paykka_protocol::time::now_ms()
            + self
                .card_data_clock_ms
                .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The key webhooks are signed with now.
    pub fn gateway_public_key(&self) -> VerifyingKey {
        self.keys().current.verifying_key().clone()
    }

    /// The keys merchants should accept: the current one, and the announced next one.
    pub fn gateway_public_keys(&self) -> VerifyingKeys {
        self.keys().published()
    }

    /// The announced next key, if any.
    pub fn gateway_next_key(&self) -> Option<VerifyingKey> {
        self.keys().next.as_ref().map(|k| k.verifying_key().clone())
    }

    /// Step 1 of a rotation: announces `next` (published beside the current key; webhooks are
    /// still signed with the current one). Replaces a key announced before.
    pub fn announce_gateway_key(&self, next: SigningKey) -> Result<(), StartError> {
        let mut g = self.gateway_keys.write().unwrap_or_else(|e| e.into_inner());
        if let Some(dir) = &self.gateway_key_dir {
            replace_private(&dir.join("gateway_key.next.pem"), &next.to_pkcs8_pem())?;
        }
        g.next = Some(next);
        Ok(())
    }

    /// Step 2: the announced key signs from now on; the old one is retired. False if no key
    /// was announced.
    pub fn switch_gateway_key(&self) -> Result<bool, StartError> {
        let mut g = self.gateway_keys.write().unwrap_or_else(|e| e.into_inner());
        let Some(next) = g.next.take() else {
            return Ok(false);
        };
        if let Some(dir) = &self.gateway_key_dir {
            if let Err(e) = replace_private(&dir.join("gateway_key.pem"), &next.to_pkcs8_pem()) {
                g.next = Some(next);
                return Err(e);
            }
            let _ = std::fs::remove_file(dir.join("gateway_key.next.pem"));
        }
        g.current = next;
        Ok(true)
    }
}

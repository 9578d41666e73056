//! The demo portal (`/portal/...`): unsigned, loopback only, off with `SANDBOX_PORTAL=0`.
//! Registers merchants, and runs the key rotations (merchant keys, the gateway's webhook key,
//! the card key) and the card data test clock.

use super::auth::Body;
use super::error::{GwError, internal, json_response, ok};
use super::validate::{check_id, parse};
use crate::db;
use crate::state::{AppState, Shared};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{delete, get, post};
use paykka_protocol::ret;
use paykka_protocol::sign::{SigningKey, VerifyingKey, VerifyingKeys};

pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/portal/merchants", post(portal_register))
        .route(
            "/portal/merchants/{merchant_id}/keys",
            get(portal_merchant_keys).post(portal_add_merchant_key),
        )
        .route(
            "/portal/merchants/{merchant_id}/keys/{key_id}",
            delete(portal_retire_merchant_key),
        )
        .route("/portal/card-key/rotate", post(portal_rotate_card_key))
        .route("/portal/card-key/retire", post(portal_retire_card_key))
        .route("/portal/card-data-clock", post(portal_card_data_clock))
        .route("/portal/gateway-key", get(gateway_key))
        .route(
            "/portal/gateway-key/next",
            post(portal_announce_gateway_key),
        )
        .route(
            "/portal/gateway-key/switch",
            post(portal_switch_gateway_key),
        )
}

/// The webhook keys: `public_key_pem` signs now; `public_keys_pem` is every key a merchant
/// should accept (with the announced next key during a rotation).
fn gateway_keys_json(st: &AppState) -> serde_json::Value {
    let current = st.gateway_public_key();
    serde_json::json!({
        "public_key_pem": current.to_spki_pem(),
        "key_id": current.key_id(),
        "public_keys_pem": st.gateway_public_keys().to_pem_bundle(),
        "next_key_id": st.gateway_next_key().map(|k| k.key_id()),
    })
}

async fn gateway_key(State(st): State<Shared>) -> Response {
    json_response(StatusCode::OK, &gateway_keys_json(&st))
}

fn portal_enabled(st: &AppState) -> Result<(), GwError> {
    if st.portal {
        Ok(())
    } else {
        Err(GwError::new(
            StatusCode::NOT_FOUND,
            ret::INVALID_REQUEST,
            "portal disabled",
        ))
    }
}

/// Demo portal, step 1 of a webhook key rotation: announces a next key (generated; the same
/// one if already announced), published beside the current one. Webhooks are still signed with
/// the current key.
async fn portal_announce_gateway_key(State(st): State<Shared>) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    if st.gateway_next_key().is_none() {
        let key = tokio::task::spawn_blocking(|| SigningKey::generate(2048))
            .await
            .map_err(|e| internal(&e))?
            .map_err(|e| internal(&e))?;
        if st.gateway_next_key().is_none() {
            st.announce_gateway_key(key).map_err(|e| internal(&e))?;
        }
    }
    ok(gateway_keys_json(&st))
}

/// Step 2: the announced key signs every webhook from now on; the old key is retired.
async fn portal_switch_gateway_key(State(st): State<Shared>) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    match st.switch_gateway_key() {
        Ok(true) => ok(gateway_keys_json(&st)),
        Ok(false) => Err(GwError::bad(
            ret::INVALID_REQUEST,
            "no next key announced: POST /portal/gateway-key/next first",
        )),
        Err(e) => Err(internal(&e)),
    }
}

fn card_keys_json(st: &AppState) -> serde_json::Value {
    let keys = st.card_keys.read().unwrap_or_else(|e| e.into_inner());
    serde_json::json!({ "current": keys.current.kid(), "previous": keys.previous.as_ref().map(|k| k.kid()) })
}

/// Demo portal: a card key rotation. A new key becomes current (`/card-key` publishes it); the
/// old one keeps opening envelopes sealed before the switch until it is retired.
async fn portal_rotate_card_key(State(st): State<Shared>) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    let key = tokio::task::spawn_blocking(|| SigningKey::generate(2048))
        .await
        .map_err(|e| internal(&e))?
        .map_err(|e| internal(&e))?;
    let card_key = paykka_protocol::cardenc::CardKey::new(key.private_key().clone());
    st.rotate_card_key(card_key, &key.to_pkcs8_pem())
        .map_err(|e| internal(&e))?;
    ok(card_keys_json(&st))
}

/// Ends a card key rotation: envelopes sealed with the previous key are refused from now on.
async fn portal_retire_card_key(State(st): State<Shared>) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    if !st.retire_previous_card_key() {
        return Err(GwError::bad(
            ret::INVALID_REQUEST,
            "no previous card key: rotate first",
        ));
    }
    ok(card_keys_json(&st))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockBody {
    /// Milliseconds added to the clock card envelopes are judged by (0 resets it).
    advance_ms: i64,
}

/// The sandbox's test clock for card data: ages every envelope by `advance_ms` without
/// waiting, and without moving anything else (sessions, webhooks).
async fn portal_card_data_clock(
    State(st): State<Shared>,
    body: Bytes,
) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    let b: ClockBody = serde_json::from_slice(&body)
        .map_err(|e| GwError::bad(ret::INVALID_REQUEST, format!("body: {e}")))?;
    st.card_data_clock_ms
        .store(b.advance_ms, std::sync::atomic::Ordering::Relaxed);
    ok(serde_json::json!({ "advance_ms": b.advance_ms }))
}

/// At most this many keys per merchant: the current one and the next one.
const MAX_MERCHANT_KEYS: usize = 2;

fn merchant_keys_json(id: &str, keys: &VerifyingKeys) -> serde_json::Value {
    serde_json::json!({
        "merchant_id": id,
        "keys": keys.keys().iter().map(|k| serde_json::json!({
            "key_id": k.key_id(),
            "public_key_pem": k.to_spki_pem(),
        })).collect::<Vec<_>>(),
    })
}

fn unknown_merchant() -> GwError {
    GwError::new(
        StatusCode::NOT_FOUND,
        ret::MERCHANT_NOT_FOUND,
        "unknown merchant_id",
    )
}

fn stored_keys(pem: &str) -> VerifyingKeys {
    VerifyingKeys::from_pem_bundle(pem).unwrap_or_default()
}

/// Demo portal: a merchant's public keys.
async fn portal_merchant_keys(
    State(st): State<Shared>,
    Path(merchant_id): Path<String>,
) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    let (_, pem) = st.db.merchant(&merchant_id)?.ok_or_else(unknown_merchant)?;
    ok(merchant_keys_json(&merchant_id, &stored_keys(&pem)))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyBody {
    public_key_pem: String,
}

/// Demo portal, step 1 of a merchant key rotation: adds a second public key. Requests signed
/// with either key are accepted until one is retired.
async fn portal_add_merchant_key(
    State(st): State<Shared>,
    Path(merchant_id): Path<String>,
    body: Body,
) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    let body = body.map_err(|_| GwError::bad(ret::INVALID_REQUEST, "cannot read request body"))?;
    let r: KeyBody = parse(&body)?;
    let key = VerifyingKey::from_pem(&r.public_key_pem)
        .map_err(|e| GwError::bad(ret::INVALID_REQUEST, e.to_string()))?;
    let keys = st.db.with_tx(|tx| {
        let (_, pem) = db::merchant_in(tx, &merchant_id)?.ok_or_else(unknown_merchant)?;
        let mut keys = stored_keys(&pem);
        if !keys.contains(&key) {
            if keys.len() >= MAX_MERCHANT_KEYS {
                return Err(GwError::bad(
                    ret::INVALID_REQUEST,
                    format!("a merchant has at most {MAX_MERCHANT_KEYS} keys: retire one first"),
                ));
            }
            keys.insert(key);
            db::set_merchant_keys(tx, &merchant_id, &keys)?;
        }
        Ok::<_, GwError>(keys)
    })?;
    ok(merchant_keys_json(&merchant_id, &keys))
}

/// Demo portal, last step of a merchant key rotation: retires a key (by `key_id`); requests
/// signed with it are refused from now on. The last key cannot be retired.
async fn portal_retire_merchant_key(
    State(st): State<Shared>,
    Path((merchant_id, key_id)): Path<(String, String)>,
) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    let keys = st.db.with_tx(|tx| {
        let (_, pem) = db::merchant_in(tx, &merchant_id)?.ok_or_else(unknown_merchant)?;
        let mut keys = stored_keys(&pem);
        if !keys.keys().iter().any(|k| k.key_id() == key_id) {
            return Err(GwError::new(
                StatusCode::NOT_FOUND,
                ret::INVALID_REQUEST,
                "no such key for this merchant",
            ));
        }
        if keys.len() == 1 {
            return Err(GwError::bad(
                ret::INVALID_REQUEST,
                "cannot retire the merchant's only key: add the next one first",
            ));
        }
        keys.remove(&key_id);
        db::set_merchant_keys(tx, &merchant_id, &keys)?;
        Ok::<_, GwError>(keys)
    })?;
    ok(merchant_keys_json(&merchant_id, &keys))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Register {
    merchant_id: String,
    public_key_pem: String,
    #[serde(default)]
    name: Option<String>,
}

/// Demo portal: registers (or re-keys) a merchant. Unsigned; loopback sandbox only. A key the
/// merchant already has keeps its key set (a backend restarting during a rotation, with either
/// key); another key replaces the set.
async fn portal_register(State(st): State<Shared>, body: Body) -> Result<Response, GwError> {
    portal_enabled(&st)?;
    let body = body.map_err(|_| GwError::bad(ret::INVALID_REQUEST, "cannot read request body"))?;
    let r: Register = parse(&body)?;
    check_id("merchant_id", &r.merchant_id)?;
    VerifyingKey::from_pem(&r.public_key_pem)
        .map_err(|e| GwError::bad(ret::INVALID_REQUEST, e.to_string()))?;
    let name = r.name.unwrap_or_else(|| "Demo Merchant".into());
    st.db
        .upsert_merchant(&r.merchant_id, &name, &r.public_key_pem)?;
    let (_, pem) = st
        .db
        .merchant(&r.merchant_id)?
        .ok_or_else(unknown_merchant)?;
    let mut v = merchant_keys_json(&r.merchant_id, &stored_keys(&pem));
    v["name"] = name.into();
    v["gateway_public_key_pem"] = st.gateway_public_key().to_spki_pem().into();
    v["gateway_public_keys_pem"] = st.gateway_public_keys().to_pem_bundle().into();
    v["card_key_id"] = st.card_key().kid().into();
    ok(v)
}

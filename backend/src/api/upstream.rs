//! The gateway as the handlers call it: a signed call that re-registers with the sandbox when
//! the sandbox has forgotten us, and the answer's data or its refusal as our error.

use super::error::{ApiError, gateway_refusal};
use crate::gateway::GatewayError;
use crate::state::AppState;
use axum::http::StatusCode;
use paykka_protocol::sign::VerifyingKeys;
use paykka_protocol::types::ApiResponse;
use paykka_protocol::{Operation, ret};
use serde::Serialize;
use serde_json::{Value, json};
use std::time::Duration;

/// The data of a successful answer; a refusal as our error (see `error::RET_CODES`).
pub(super) fn gw_data<T>(r: ApiResponse<T>) -> Result<T, ApiError> {
    if !r.is_success() {
        return Err(gateway_refusal(&r));
    }
    r.data.ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_GATEWAY,
            "gateway_error",
            "gateway answer without data",
        )
    })
}

/// A signed gateway call. Against the sandbox, an unknown-merchant answer (the sandbox started
/// after us, or its data was wiped) triggers one re-registration and one retry.
pub(super) async fn gw_call<B: Serialize, T: serde::de::DeserializeOwned>(
    st: &AppState,
    op: Operation,
    body: &B,
    key: Option<&str>,
) -> Result<ApiResponse<T>, GatewayError> {
    let r: ApiResponse<T> = st.gateway.call(op, body, key).await?;
    if r.ret_code == ret::MERCHANT_NOT_FOUND
        && st.cfg.should_register()
        && register_with_sandbox(st).await
    {
        return st.gateway.call(op, body, key).await;
    }
    Ok(r)
}

/// Registers this merchant's public key with the sandbox portal and learns the gateway's
/// webhook keys (all those the sandbox publishes, two while it rotates), unless they are
/// configured. Demo only: the real gateway takes keys through its merchant portal.
pub(crate) async fn register_with_sandbox(st: &AppState) -> bool {
    let url = format!("{}/portal/merchants", st.gateway.base());
    let body = json!({
        "merchant_id": st.gateway.merchant_id(),
        "public_key_pem": st.gateway.public_key_pem(),
        "name": st.cfg.merchant_name,
    });
    let res = st
        .gateway
        .http()
        .post(&url)
        .header("content-type", "application/json")
        .body(body.to_string())
        .timeout(Duration::from_secs(3))
        .send()
        .await;
    let Ok(res) = res else { return false };
    let Ok(bytes) = res.bytes().await else {
        return false;
    };
    let Ok(v) = serde_json::from_slice::<Value>(&bytes) else {
        return false;
    };
    if v["ret_code"] != ret::SUCCESS {
        eprintln!("backend: sandbox registration refused: {}", v["ret_msg"]);
        return false;
    }
    let published = v["data"]["gateway_public_keys_pem"]
        .as_str()
        .or_else(|| v["data"]["gateway_public_key_pem"].as_str());
    if !st.cfg.gateway_keys_configured()
        && let Some(pem) = published
        && let Ok(keys) = VerifyingKeys::from_pem_bundle(pem)
    {
        st.gateway.set_keys(keys);
    }
    eprintln!(
        "backend: merchant {} registered with the sandbox at {}",
        st.gateway.merchant_id(),
        st.gateway.base()
    );
    true
}

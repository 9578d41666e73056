//! `POST /api/apple-pay/session`: the merchant session Apple Pay's sheet asks for, obtained
//! from the gateway (which holds the Apple Pay merchant identity).

use super::error::ApiError;
use super::reply::json_ok;
use super::request::JsonBody;
use crate::state::Shared;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ApplePayBody {
    domain_name: Option<String>,
    validation_url: Option<String>,
}

pub(super) async fn apple_pay_session(
    State(st): State<Shared>,
    JsonBody(b): JsonBody<ApplePayBody>,
) -> Result<Response, ApiError> {
    let domain = b.domain_name.unwrap_or_else(|| "localhost".into());
    let session = st
        .gateway
        .apple_pay_session(&st.cfg.merchant_name, &domain, b.validation_url.as_deref())
        .await?;
    Ok(json_ok(&json!({ "merchant_session": session })))
}

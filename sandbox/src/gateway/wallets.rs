//! Apple Pay's merchant session: what Apple Pay JS needs to show its sheet on the merchant's
//! domain (the sandbox's stands in for Apple's).

use super::auth::Signed;
use super::error::{GwError, json_response, ok};
use crate::ids::new_id;
use axum::http::StatusCode;
use axum::response::Response;
use paykka_protocol::api::ApiVersion;
use paykka_protocol::ret;
use paykka_protocol::time::now_ms;
use paykka_protocol::types::ApplePaySessionRequest;

pub(super) async fn apple_pay_session(
    Signed {
        mid,
        req: r,
        version,
        ..
    }: Signed<ApplePaySessionRequest>,
) -> Result<Response, GwError> {
    if r.domain_name.trim().is_empty()
        || r.display_name.trim().is_empty()
        || r.domain_name.len() > 253
        || r.display_name.len() > 64
    {
        return Err(GwError::biz(
            ret::MISSING_PARAMETER,
            "display_name and domain_name are required",
        ));
    }
    let now = now_ms();
    let session = serde_json::json!({
        "epochTimestamp": now,
        "expiresAt": now + 5 * 60 * 1000,
        "merchantSessionIdentifier": new_id("SSH"),
        "nonce": new_id("N"),
        "merchantIdentifier": format!("merchant.com.paykka.sandbox.{mid}"),
        "domainName": r.domain_name,
        "displayName": r.display_name,
        "signature": "sandbox",
        "operationalAnalyticsIdentifier": format!("{}:{}", r.display_name, mid),
        "retries": 0
    })
    .to_string();
    // v3 answers the Apple Pay session data itself, a JSON string (PayKKa's reference);
    // v1.2 in the usual envelope, as `data`.
    match version {
        ApiVersion::V3 => Ok(json_response(StatusCode::OK, &session)),
        ApiVersion::V1_2 => ok(session),
    }
}

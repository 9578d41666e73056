//! Apple Pay's merchant session (v1.2; v3 is in `gateway_v3.rs`).

mod common;

use common::*;
use serde_json::{Value, json};

#[tokio::test]
async fn apple_pay_merchant_session() {
    let env = Env::new().await;
    let r = env
        .call(
            "/payments/apple-pay/create-session",
            json!({ "display_name": "Your Merchant Name", "domain_name": "www.mydomain.com" }),
        )
        .await;
    assert_eq!(r["ret_code"], "000000");
    // v1.2: the session data as a JSON string in `data` (v3 answers the string alone).
    let session: Value = serde_json::from_str(r["data"].as_str().unwrap()).unwrap();
    assert_eq!(session["domainName"], "www.mydomain.com");
    let r = env
        .call(
            "/payments/apple-pay/create-session",
            json!({ "display_name": "", "domain_name": "x" }),
        )
        .await;
    assert_eq!(r["ret_code"], "010001");
}

//! Unit tests of the wire types: the seeds' bodies parse.

use super::*;

#[test]
fn amounts_as_numbers_or_strings() {
    let j = r#"{"merchant_id":"m","timestamp":"1","trans_id":"t","currency":"HKD","amount":"800"}"#;
    let r: CreateSessionRequest = serde_json::from_str(j).unwrap();
    assert_eq!(r.amount, 800);
    let j = r#"{"merchant_id":"m","timestamp":1,"trans_id":"t","currency":"HKD","amount":800}"#;
    assert_eq!(
        serde_json::from_str::<CreateSessionRequest>(j)
            .unwrap()
            .amount,
        800
    );
    for bad in [r#""8.5""#, "8.5", r#""-1""#, "true", r#""""#] {
        let j = format!(
            r#"{{"merchant_id":"m","timestamp":1,"trans_id":"t","currency":"HKD","amount":{bad}}}"#
        );
        assert!(
            serde_json::from_str::<CreateSessionRequest>(&j).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn seed_payment_request_parses() {
    let j = r#"{"trans_id":"174293243204408","merchant_id":"18356675194960","payment_type":"PURCHASE",
            "authorisation_type":"FINAL_AUTH","capture_method":"AUTOMATIC","timestamp":1746515589126,
            "currency":"EUR","amount":100,"notify_url":"https://your_url","return_url":"https://your_url",
            "payment":{"payment_method":"BANKCARD","shopper_reference":"f49","card_no":"4242424242424242",
            "exp_year":"2029","exp_month":"03","cvv":"123","holder_name":"W R","holder_email":"z@test.com"},
            "browser":{"user_agent":"x"},"goods":[{"id":"1"}],"customer":{"pay_ip":"1.2.3.4"},
            "authentication":{"challenge_indicator":"AUTO"}}"#;
    let r: PaymentRequest = serde_json::from_str(j).unwrap();
    assert_eq!(r.amount, Some(100));
    assert_eq!(r.payment.card_no.as_deref(), Some("4242424242424242"));
    let bad = j.replace("\"cvv\"", "\"cvc\"");
    assert!(serde_json::from_str::<PaymentRequest>(&bad).is_err());
}

#[test]
fn seed_transaction_response_parses() {
    let j = r#"{ "ret_code": "000000", "ret_msg": "Success", "data": { "merchant_id": "18356675194960", "trans_id": "174293243204402", "order_id": "GW205905xxxx960982", "status": "PROCESSING", "authorisation_type": "FINAL_AUTH", "capture_method": "AUTOMATIC", "amount": 100, "currency": "EUR", "shopper_reference": "f4911bc8b17106a08f2f7a89a9fc4d11", "expire_time": "2025-05-06T14:40:43+08:00", "payment": { "payment_method": "BANKCARD" }, "card_info": { "bin": "424242", "last4": "4242", "card_brand": "VISA" }, "balances": { "authed_amount": 100, "captured_amount": 100, "able_to_capture_amount": 0, "voided_amount": 0, "able_to_void_amount": 0, "refunded_amount": 0, "able_to_refund_amount": 0 } } }"#;
    let r: ApiResponse<TransactionData> = serde_json::from_str(j).unwrap();
    assert!(r.is_success());
    assert_eq!(r.data.unwrap().balances.captured_amount, 100);
    let s = r#"{"ret_code":"000000","ret_msg":"Success","data":{"merchant_id":"1","trans_id":"m","session_id":"CS2","session_mode":"HOSTED","status":"PROCESSING","currency":"HKD","amount":"800","expire_time":"2025-05-05T17:17:24+08:00","authorisation_type":"FINAL_AUTH","capture_method":"AUTOMATIC","session_url":"https://x"}}"#;
    let r: ApiResponse<SessionData> = serde_json::from_str(s).unwrap();
    assert_eq!(r.data.unwrap().amount, 800);
    let e: ApiResponse<SessionData> =
        serde_json::from_str(r#"{"ret_code":"300001","ret_msg":"no"}"#).unwrap();
    assert!(!e.is_success() && e.data.is_none());
}

/// What `wire!` writes once for every body: optional members left out when `None` and read as
/// `None` from `null` or absence, `merchant_id` and `timestamp` first in every request, and the
/// order's objects in Create Session and Initiate Transaction alike.
#[test]
fn the_shared_member_rules_hold_for_every_body() {
    let r = QueryTransactionRequest {
        merchant_id: "m".into(),
        order_id: Some("GW1".into()),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        r#"{"merchant_id":"m","order_id":"GW1"}"#
    );
    let r: QueryTransactionRequest =
        serde_json::from_str(r#"{"merchant_id":"m","timestamp":"17","trans_id":null}"#).unwrap();
    assert_eq!((r.timestamp, r.trans_id), (Some(17), None));
    let e = serde_json::from_str::<CaptureRequest>(r#"{"zz":1}"#)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("expected one of `merchant_id`, `timestamp`, `order_id`"),
        "{e}"
    );
    let order = r#""goods":[{"id":7,"price":"100"}],"shipping":{"city":"Leeds"}"#;
    let s: CreateSessionRequest = serde_json::from_str(&format!(
        r#"{{"trans_id":"t","currency":"EUR","amount":1,{order}}}"#
    ))
    .unwrap();
    let p: PaymentRequest = serde_json::from_str(&format!(
        r#"{{"payment":{{"payment_method":"BANKCARD"}},{order}}}"#
    ))
    .unwrap();
    assert_eq!((&s.goods, &s.shipping), (&p.goods, &p.shipping));
    assert_eq!(s.goods.unwrap()[0].price, Some(100));
    assert!(
        serde_json::to_string(&p)
            .unwrap()
            .ends_with(r#""goods":[{"id":"7","price":100}],"shipping":{"city":"Leeds"}}"#)
    );
}

//! Payments: the test cards' outcomes, card data rules, 3DS challenges, QR and wallet methods,
//! amounts against the session, and idempotency keys.

mod common;

use common::*;
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn test_cards_outcomes() {
    let env = Env::new().await;
    let success = [
        ("4242424242424242", "VISA"),
        ("5555555555554444", "MASTERCARD"),
        ("378282246310005", "AMEX"),
        ("3530111333300000", "JCB"),
        ("6011111111111117", "DISCOVER"),
        ("3056930009020004", "DINERS"),
        ("36227206271667", "DINERS"),
        ("6200000000000005", "UNIONPAY"),
    ];
    for (pan, brand) in success {
        let s = env.session(json!({})).await;
        let r = env
            .pay(s["session_id"].as_str().unwrap(), env.card(pan))
            .await;
        assert_eq!(r["ret_code"], "000000", "{pan}: {r}");
        let d = &r["data"];
        assert_eq!(d["status"], "SUCCESS", "{pan}: {r}");
        assert_eq!(d["card_info"]["card_brand"], brand);
        assert_eq!(d["card_info"]["last4"], &pan[pan.len() - 4..]);
        assert_eq!(d["error_code"], "0000");
        assert_eq!(d["balances"]["captured_amount"], 1000);
        assert_eq!(d["balances"]["able_to_refund_amount"], 1000);
        assert_eq!(d["trans_id"], s["trans_id"]);
        assert!(d.get("action").is_none());
    }
    for (pan, code) in [
        ("4000000000000002", "3001"),
        ("4000000000009995", "3002"),
        ("4242424242424241", "2099"),
    ] {
        let s = env.session(json!({})).await;
        let r = env
            .pay(s["session_id"].as_str().unwrap(), env.card(pan))
            .await;
        assert_eq!(r["data"]["status"], "FAILURE", "{pan}: {r}");
        assert_eq!(r["data"]["error_code"], code, "{pan}");
        assert_eq!(r["data"]["balances"]["authed_amount"], 0);
    }
    // expired card
    let s = env.session(json!({})).await;
    let mut p = env.card("4242424242424242");
    p["encrypted_exp_year"] = env.enc("2020").into();
    let r = env.pay(s["session_id"].as_str().unwrap(), p).await;
    assert_eq!(
        (
            r["data"]["status"].as_str(),
            r["data"]["error_code"].as_str()
        ),
        (Some("FAILURE"), Some("3003"))
    );
    // wrong CVV length (Amex needs 4)
    let s = env.session(json!({})).await;
    let mut p = env.card("378282246310005");
    p["encrypted_cvv"] = env.enc("123").into();
    let r = env.pay(s["session_id"].as_str().unwrap(), p).await;
    assert_eq!(r["data"]["error_code"], "3005");
    // a failed attempt leaves the session open: the shopper retries with another card
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("378282246310005"),
        )
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    // and a paid session takes no second payment
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            env.card("4242424242424242"),
        )
        .await;
    assert_eq!(r["ret_code"], "206013");
    // server-to-server card_no in clear is allowed (signed request), with 2-digit year
    let s = env.session(json!({})).await;
    let r = env
        .pay(s["session_id"].as_str().unwrap(), json!({ "payment_method": "BANKCARD", "card_no": "4242 4242 4242 4242", "exp_month": "3", "exp_year": "30", "cvv": "123" }))
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS", "{r}");
}

#[tokio::test]
async fn clear_card_in_encrypted_field_is_refused() {
    let env = Env::new().await;
    let s = env.session(json!({})).await;
    let sid = s["session_id"].as_str().unwrap();
    let mut p = env.card("4242424242424242");
    p["encrypted_card_no"] = "4242424242424242".into();
    assert_eq!(env.pay(sid, p).await["ret_code"], "206018");
    let mut p = env.card("4242424242424242");
    p["cvv"] = "123".into();
    assert_eq!(env.pay(sid, p).await["ret_code"], "206018");
    let mut p = env.card("4242424242424242");
    p["encrypted_cvv"] = "pkenc.v2.deadbeef.AAAA".into();
    assert_eq!(env.pay(sid, p).await["ret_code"], "206020");
    let mut p = env.card("4242424242424242");
    p["token"] = "TK1".into();
    assert_eq!(env.pay(sid, p).await["ret_code"], "010001");
    // the challenge page does not take card numbers either
    let r = env
        .http
        .post(env.url("/3ds/challenge/GW1"))
        .form(&[("code", "4242424242424242")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(env.count("transactions"), 0);
}

#[tokio::test]
async fn three_ds_challenge_flows() {
    let env = Env::new().await;
    for (pan, code, status, err) in [
        ("4000002760003184", "1234", "SUCCESS", "0000"),
        ("4000002760003184", "9999", "FAILURE", "3004"),
        ("4000008400001629", "1234", "FAILURE", "3001"),
    ] {
        let s = env.session(json!({})).await;
        let sid = s["session_id"].as_str().unwrap();
        let r = env.pay(sid, env.card(pan)).await;
        let d = &r["data"];
        assert_eq!(d["status"], "PROCESSING", "{r}");
        let action = &d["action"];
        assert_eq!(action["type"], "redirect");
        assert_eq!(action["method"], "GET");
        let url = action["url"].as_str().unwrap();
        assert!(url.starts_with(&format!("{}/3ds/challenge/", env.sb().base_url)));
        let page = env.http.get(url).send().await.unwrap();
        assert_eq!(page.status(), 200);
        assert!(page.text().await.unwrap().contains("name=\"code\""));
        let res = env
            .http
            .post(url)
            .form(&[("code", code)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let loc = res.headers()["location"].to_str().unwrap();
        assert!(
            loc.starts_with("http://127.0.0.1:8080/return?session_id="),
            "{loc}"
        );
        assert!(loc.contains(d["order_id"].as_str().unwrap()));
        let q = env
            .call("/payments/query", json!({ "session_id": sid }))
            .await;
        assert_eq!(q["data"]["status"], status, "{pan} {code}");
        assert_eq!(q["data"]["error_code"], err);
        // the challenge is done: a second submission changes nothing
        let again = env
            .http
            .post(url)
            .form(&[("code", "1234")])
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 303);
        let q2 = env
            .call("/payments/query", json!({ "order_id": d["order_id"] }))
            .await;
        assert_eq!(q2["data"]["status"], status);
    }
}

#[tokio::test]
async fn qr_and_wallet_methods() {
    let env = Env::new().await;
    for (method, decision, status, err) in [
        ("WechatPayGlobal", "approve", "SUCCESS", "0000"),
        ("AlipayPlus", "decline", "FAILURE", "3001"),
        ("WechatPayGlobal", "expire", "FAILURE", "3006"),
        ("wechatpayglobal", "approve", "SUCCESS", "0000"),
    ] {
        let s = env.session(json!({})).await;
        let sid = s["session_id"].as_str().unwrap();
        let r = env.pay(sid, json!({ "payment_method": method })).await;
        let a = &r["data"]["action"];
        assert_eq!(r["data"]["status"], "PROCESSING", "{r}");
        assert_eq!(a["type"], "qr");
        assert!(a["qr_code"].as_str().unwrap().contains("/approve/"));
        assert!(a["expires_at"].as_str().is_some());
        let page = env
            .http
            .get(a["url"].as_str().unwrap())
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("Approve"));
        let res = env
            .http
            .post(a["url"].as_str().unwrap())
            .form(&[("decision", decision)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let q = env
            .call("/payments/query", json!({ "trans_id": s["trans_id"] }))
            .await;
        assert_eq!(
            (
                q["data"]["status"].as_str(),
                q["data"]["error_code"].as_str()
            ),
            (Some(status), Some(err)),
            "{method}"
        );
    }
    // Apple Pay / Google Pay with wallet data complete at once; without it, refused
    let s = env.session(json!({})).await;
    let sid = s["session_id"].as_str().unwrap();
    assert_eq!(
        env.pay(sid, json!({ "payment_method": "ApplePay" })).await["ret_code"],
        "010001"
    );
    let r = env
        .pay(
            sid,
            json!({ "payment_method": "GooglePay", "wallet_data": { "token": "x" } }),
        )
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    // a method the session does not offer
    let s = env
        .session(json!({ "allowed_payment_methods": ["BANKCARD"] }))
        .await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            json!({ "payment_method": "AlipayPlus" }),
        )
        .await;
    assert_eq!(r["ret_code"], "210001");
    assert_eq!(
        env.pay(
            s["session_id"].as_str().unwrap(),
            json!({ "payment_method": "Bitcoin" })
        )
        .await["ret_code"],
        "210001"
    );
}

#[tokio::test]
async fn qr_code_expires_by_itself() {
    let env = Env::with(|c| c.action_ttl = Duration::from_millis(300)).await;
    let s = env.session(json!({})).await;
    let r = env
        .pay(
            s["session_id"].as_str().unwrap(),
            json!({ "payment_method": "WechatPayGlobal" }),
        )
        .await;
    assert_eq!(r["data"]["status"], "PROCESSING");
    tokio::time::sleep(Duration::from_millis(450)).await;
    let q = env
        .call(
            "/payments/query",
            json!({ "order_id": r["data"]["order_id"] }),
        )
        .await;
    assert_eq!(
        (
            q["data"]["status"].as_str(),
            q["data"]["error_code"].as_str()
        ),
        (Some("FAILURE"), Some("3006"))
    );
    // approving after expiry changes nothing
    let url = r["data"]["action"]["url"].as_str().unwrap();
    env.http
        .post(url)
        .form(&[("decision", "approve")])
        .send()
        .await
        .unwrap();
    let q = env
        .call(
            "/payments/query",
            json!({ "order_id": r["data"]["order_id"] }),
        )
        .await;
    assert_eq!(q["data"]["status"], "FAILURE");
}

#[tokio::test]
async fn amounts_must_match_the_session() {
    let env = Env::new().await;
    let s = env.session(json!({})).await;
    let sid = s["session_id"].as_str().unwrap();
    let r = env.call("/payments", json!({ "session_id": sid, "amount": 999, "currency": "USD", "payment": env.card("4242424242424242") })).await;
    assert_eq!(r["ret_code"], "206015");
    let r = env.call("/payments", json!({ "session_id": sid, "amount": 1000, "currency": "EUR", "payment": env.card("4242424242424242") })).await;
    assert_eq!(r["ret_code"], "206015");
    let r = env.call("/payments", json!({ "session_id": sid, "amount": "1000", "currency": "USD", "payment": env.card("4242424242424242") })).await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    // direct payment without a session (a PCI-scoped merchant server with the card in clear;
    // frames' envelopes are sealed for a session): amount and currency required and checked
    let clear = json!({ "payment_method": "BANKCARD", "card_no": "4242424242424242", "exp_month": "03", "exp_year": "2030", "cvv": "123" });
    let r = env
        .call(
            "/payments",
            json!({ "trans_id": "DIRECT1", "payment": clear }),
        )
        .await;
    assert_eq!(r["ret_code"], "010001");
    let r = env
        .call(
            "/payments",
            json!({ "trans_id": "DIRECT1", "amount": 100, "currency": "KWD", "payment": clear }),
        )
        .await;
    assert_eq!(r["data"]["status"], "SUCCESS");
    assert_eq!(r["data"]["amount"], 100);
    let r = env
        .call(
            "/payments",
            json!({ "trans_id": "DIRECT1", "amount": 100, "currency": "KWD", "payment": clear }),
        )
        .await;
    assert_eq!(r["ret_code"], "206014");
}

#[tokio::test]
async fn idempotency_key_at_the_gateway() {
    let env = Env::new().await;
    let s = env.session(json!({})).await;
    let sid = s["session_id"].as_str().unwrap();
    let p = json!({ "payment_method": "BANKCARD", "card_no": "4000000000000002", "exp_month": "03", "exp_year": "2030", "cvv": "123" });
    let a = env
        .call_with(
            "/payments",
            json!({ "session_id": sid, "payment": p }),
            &[("idempotency-key", "k-1")],
        )
        .await;
    tokio::time::sleep(Duration::from_millis(5)).await;
    let b = env
        .call_with(
            "/payments",
            json!({ "session_id": sid, "payment": p }),
            &[("idempotency-key", "k-1")],
        )
        .await;
    assert_eq!(a, b);
    let c = env
        .call_with(
            "/payments",
            json!({ "session_id": sid, "payment": { "payment_method": "WechatPayGlobal" } }),
            &[("idempotency-key", "k-1")],
        )
        .await;
    assert_eq!(c["ret_code"], "010005");
    assert_eq!(env.sb().state.db.count_transactions(sid).unwrap(), 1);
}

//! The backend under attack from a browser that holds nothing but the demo's origin (see also
//! `attacks_sessions.rs` and `attacks_payments.rs`; `cargo test -p paykka-backend --test
//! 'attacks*'` runs all three). Each test was run against the backend before these defences
//! and failed there.
//!
//! Here, shoppers: nobody uses or removes someone else's saved cards, the login cookie is
//! HttpOnly and SameSite, and guessing sign-ins meets a limit.

mod common;

use common::*;
use serde_json::json;

/// Saves a 4242 card for `shopper` (signed in as them) and signs out; returns its token.
async fn saved_card_of(env: &Env, shopper: &str) -> String {
    env.sign_in(Some(shopper)).await;
    let sid = env.session(json!({ "shopper_reference": shopper })).await;
    let mut body = env.card(&sid, "4242424242424242");
    body["store_payment_method"] = true.into();
    let (st, r) = env.pay(&key(), body).await;
    assert_eq!(
        (st.as_u16(), r["status"].as_str()),
        (200, Some("SUCCESS")),
        "{r}"
    );
    let sid = env.session(json!({ "shopper_reference": shopper })).await;
    let (_, s) = env.get(&format!("/api/sessions/{sid}")).await;
    let token = s["saved_cards"][0]["token"]
        .as_str()
        .expect("the saved card")
        .to_string();
    env.sign_in(None).await;
    token
}

#[tokio::test]
async fn a_guest_has_no_saved_cards_and_is_offered_no_saving() {
    let env = Env::new().await;
    saved_card_of(&env, "victim-01").await;
    // Every guest used to get the configured default shopper's wallet.
    let (_, v) = browser_post(&env, "/api/sessions", demo_cart()).await;
    let sid = v["session_id"].as_str().unwrap();
    let (_, s) = env.get(&format!("/api/sessions/{sid}")).await;
    assert_eq!(s["saved_cards"], json!([]));
    assert_eq!(s["can_store_payment_method"], false);
    // A guest who asks to save anyway saves nothing.
    let mut body = env.card(sid, "5555555555554444");
    body["store_payment_method"] = true.into();
    let (_, r) = env.pay(&key(), body).await;
    assert_eq!(r["status"], "SUCCESS", "{r}");
    assert!(r.get("saved_card_token").is_none(), "{r}");
}

#[tokio::test]
async fn a_session_id_alone_gives_nobody_the_shoppers_cards() {
    let env = Env::new().await;
    let token = saved_card_of(&env, "victim-02").await;
    // The merchant's server created a session for the victim; its id leaks (a shared link).
    let sid = env
        .session(json!({ "shopper_reference": "victim-02" }))
        .await;
    for attacker in [None, Some("attacker-01")] {
        env.sign_in(attacker).await;
        let (_, s) = env.get(&format!("/api/sessions/{sid}")).await;
        assert_eq!(s["saved_cards"], json!([]), "{attacker:?}");
        assert_eq!(s["can_store_payment_method"], false);
        let (st, e) = env
            .pay(&key(), json!({ "session_id": sid, "payment_method": "BANKCARD", "token": token, "encrypted_cvv": env.enc("123") }))
            .await;
        assert_eq!(
            (st.as_u16(), e["error"]["code"].as_str()),
            (403, Some("sign_in_required")),
            "{attacker:?}"
        );
        let (st, _) = env
            .send(
                env.http
                    .delete(env.url(&format!("/api/saved-cards/{token}?session_id={sid}"))),
            )
            .await;
        assert_eq!(st, 404, "{attacker:?}");
    }
    assert_eq!(
        env.sb().state.db.count_transactions(&sid).unwrap(),
        0,
        "nothing was charged"
    );
    // The victim, signed in, still has the card and pays with it.
    env.sign_in(Some("victim-02")).await;
    let (_, s) = env.get(&format!("/api/sessions/{sid}")).await;
    assert_eq!(s["saved_cards"][0]["token"], token.as_str());
    let (_, r) = env
        .pay(&key(), json!({ "session_id": sid, "payment_method": "BANKCARD", "token": token, "encrypted_cvv": env.enc("123") }))
        .await;
    assert_eq!(r["status"], "SUCCESS", "{r}");
}

#[tokio::test]
async fn a_demo_sign_in_sets_an_httponly_samesite_cookie_and_sign_out_ends_it() {
    let env = Env::new().await;
    let res = env
        .http
        .post(env.url("/api/account/sign-in"))
        .json(&json!({ "account": "alice" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    for part in ["paykka_demo_login=", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain http on loopback: {cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_string();
    *env.login.lock().unwrap() = Some(pair);
    let (_, me) = env.get("/api/account").await;
    assert_eq!(
        (me["signed_in"].as_bool(), me["account"]["name"].as_str()),
        (Some(true), Some("Alice Chen"))
    );
    let (st, _) = env.post("/api/account/sign-out", json!({})).await;
    assert_eq!(st, 200);
    let (_, me) = env.get("/api/account").await;
    assert_eq!(me["signed_in"], false, "the old cookie no longer signs in");
    let (st, e) = env
        .post("/api/account/sign-in", json!({ "account": "mallory" }))
        .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (401, Some("unknown_account"))
    );
}

#[tokio::test]
async fn guessing_sign_ins_meets_the_limit() {
    let env = Env::with(|_, b| b.limits.sign_ins_per_ip = 2).await;
    for account in ["mallory", "alice"] {
        env.post("/api/account/sign-in", json!({ "account": account }))
            .await;
    }
    let res = env
        .http
        .post(env.url("/api/account/sign-in"))
        .json(&json!({ "account": "bob" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert!(
        res.headers().get("set-cookie").is_none(),
        "no login past the limit"
    );
}

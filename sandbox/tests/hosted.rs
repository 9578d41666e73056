//! The hosted payment page: its page, the SDK files, and the Drop-in's JSON API for its one
//! session.

mod common;

use common::*;
use serde_json::{Value, json};

#[tokio::test]
async fn the_hosted_page_serves_the_drop_in_api_for_its_session_only() {
    let sdk = temp_dir("sdk");
    std::fs::create_dir_all(sdk.join("0.1.0")).unwrap();
    std::fs::write(sdk.join("0.1.0").join("paykka-checkout.js"), "/* sdk */").unwrap();
    std::fs::create_dir_all(sdk.join("0.1.0/locales/fr-FR")).unwrap();
    let french = "pay-button = Payer { $amount }\nmerchant-back = Retour à { $merchant }\nmerchant-returning = Retour vers { $merchant }…\n";
    std::fs::write(sdk.join("0.1.0/locales/fr-FR/checkout.ftl"), french).unwrap();
    std::fs::write(sdk.join("0.1.0/locales/.secret.ftl"), "x").unwrap();
    let sdk_dir = sdk.clone();
    let env = Env::with(move |c| c.sdk_dir = Some(sdk_dir)).await;
    let s = env.session(json!({ "session_mode": "HOSTED" })).await;
    let sid = s["session_id"].as_str().unwrap().to_string();
    let base = &env.sb().base_url;
    let get = |path: String| {
        let http = env.http.clone();
        async move { http.get(path).send().await.unwrap() }
    };
    let r = get(format!("{base}/hp/api/sessions/{sid}")).await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        (v["amount"].as_i64(), v["currency"].as_str()),
        (Some(1000), Some("USD"))
    );
    assert_eq!(v["saved_cards"], json!([]));
    assert_eq!(v["gateway_origin"].as_str(), Some(base.as_str()));
    assert_eq!(
        get(format!("{base}/hp/api/sessions/CS404")).await.status(),
        404
    );
    let v: Value = get(format!("{base}/hp/api/sessions/{sid}/result"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["status"], "NONE");

    let post = |body: Value, key: &'static str| {
        let http = env.http.clone();
        let url = format!("{base}/hp/api/payments");
        async move {
            http.post(url)
                .header("idempotency-key", key)
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    // A clear card number is refused, whatever field it hides in.
    let clear =
        json!({ "session_id": sid, "payment_method": "BANKCARD", "card_no": "4242424242424242" });
    let r = post(clear, "hp-clear-0001").await;
    assert_eq!(r.status(), 400);
    let mut card = env.card("4242424242424242");
    card["session_id"] = json!(sid);
    paykka_protocol::cardenc::seal_markers(&mut card, &env.sb().state.card_key(), &sid, MID);
    let first: Value = post(card.clone(), "hp-key-00001")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["status"], "SUCCESS", "{first}");
    assert_eq!(first["card"]["last4"], "4242");
    // The same key replays the answer: one payment, not two.
    let again: Value = post(card, "hp-key-00001").await.json().await.unwrap();
    assert_eq!(again["order_id"], first["order_id"]);
    let v: Value = get(format!("{base}/hp/api/sessions/{sid}/result"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["order_id"], first["order_id"]);
    let page = get(format!("{base}/hp/pay/{sid}")).await;
    assert!(
        page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    let html = page.text().await.unwrap();
    assert!(
        html.contains(r#"<script src="/sdk/0.1.0/paykka-checkout.js" defer></script>"#),
        "{html}"
    );
    let sdk_file = get(format!("{base}/sdk/0.1.0/paykka-checkout.js")).await;
    assert_eq!(sdk_file.status(), 200);
    assert_eq!(
        get(format!("{base}/sdk/0.1.0/..%2Fsecret")).await.status(),
        404
    );
    let locale = get(format!("{base}/sdk/0.1.0/locales/fr-FR/checkout.ftl")).await;
    assert_eq!(locale.status(), 200);
    assert_eq!(locale.text().await.unwrap(), french);
    // The page's own words follow the shopper's language (here the browser's), else English.
    let page_in = |language: &'static str| {
        let http = env.http.clone();
        let url = format!("{base}/hp/pay/{sid}");
        async move {
            http.get(url)
                .header("accept-language", language)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let french_page = page_in("fr-CH,fr;q=0.9").await;
    assert!(
        french_page.contains(r#"<html lang="fr-FR" dir="ltr">"#),
        "{french_page}"
    );
    assert!(
        french_page.contains("data-returning=\"Retour vers "),
        "{french_page}"
    );
    let other_page = page_in("tlh").await;
    assert!(
        other_page.contains(r#"<html lang="en" dir="ltr">"#),
        "{other_page}"
    );
    for hidden in [
        "locales/.secret.ftl",
        "locales/fr-FR/..%2F..%2Fpaykka-checkout.js",
        "locales/a/b/c.ftl",
    ] {
        assert_eq!(
            get(format!("{base}/sdk/0.1.0/{hidden}")).await.status(),
            404,
            "{hidden}"
        );
    }
}

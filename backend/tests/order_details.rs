//! The order's details reach the gateway as PayKKa documents them: `goods`, `shipping` (asked
//! for before the gateway when the order ships), `customer`, and for a card payment `browser`,
//! `customer.pay_ip` and `authentication`.

mod common;

use common::*;
use serde_json::{Value, json};

fn kept(env: &Env, id: &str) -> Value {
    env.sb()
        .state
        .db
        .record(id)
        .unwrap_or_else(|| panic!("the sandbox keeps {id}"))
}

#[tokio::test]
async fn physical_goods_without_a_shipping_address_are_refused_before_the_gateway_is_called() {
    let env = Env::new().await;
    let kettle = json!([{ "sku": "kettle-pour-over", "quantity": 1 }]);
    for (what, shipping) in [
        ("no address", Value::Null),
        (
            "no street",
            json!({ "first_name": "Ada", "city": "London", "country": "GB" }),
        ),
        (
            "a country that is not a code",
            json!({ "first_name": "Ada", "address_line1": "1 Road", "city": "London", "country": "England" }),
        ),
    ] {
        let mut body = json!({ "cart": kettle });
        if !shipping.is_null() {
            body["shipping"] = shipping;
        }
        let (status, e) = env.post("/api/sessions", body).await;
        assert_eq!(status.as_u16(), 400, "{what}: {e}");
        assert!(
            matches!(
                e["error"]["code"].as_str(),
                Some("shipping_required" | "invalid_request")
            ),
            "{what}: {e}"
        );
    }
    let (status, e) = env
        .post(
            "/api/sessions",
            json!({ "cart": kettle, "shipping": { "fax": "1" } }),
        )
        .await;
    assert_eq!(status.as_u16(), 400, "an unknown address member: {e}");
    assert_eq!(
        env.sb().state.db.count_rows("sessions").unwrap(),
        0,
        "nothing reached the gateway"
    );
    // A gift card sent by email ships nowhere.
    let (status, v) = env
        .post(
            "/api/sessions",
            json!({ "cart": [{ "sku": "gift-card-25", "quantity": 1 }] }),
        )
        .await;
    assert_eq!(status.as_u16(), 200, "{v}");
    // The merchant's own server is held to the same rule when it says the order ships.
    let (status, e) = env
        .server_post(
            "/api/server/sessions",
            json!({ "amount": 100, "currency": "USD", "physical": true }),
        )
        .await;
    assert_eq!(
        (status.as_u16(), e["error"]["code"].as_str()),
        (400, Some("shipping_required"))
    );
}

#[tokio::test]
async fn the_session_carries_the_goods_the_shipping_address_and_the_customer_as_documented() {
    let env = Env::new().await;
    let (status, v) = env.post("/api/sessions", demo_cart()).await;
    assert_eq!(status.as_u16(), 200, "{v}");
    let d = &kept(&env, v["session_id"].as_str().unwrap())["details"];
    assert_eq!(
        d["goods"],
        json!([{ "id": "kettle-pour-over", "name": "Ceramic pour-over kettle", "price": 4999, "quantity": 1 }])
    );
    assert_eq!(d["shipping"], demo_address());
    assert_eq!(d["customer"]["order_ip"], "127.0.0.1");
    assert!(d["customer"]["id"].is_null(), "a guest has no customer id");
    // A signed-in shopper's order ships to the address on file, and names them.
    env.sign_in(Some("demo-shopper-bob")).await;
    let (status, v) = env
        .post(
            "/api/sessions",
            json!({ "cart": [{ "sku": "coffee-club-monthly", "quantity": 1 }] }),
        )
        .await;
    assert_eq!(status.as_u16(), 200, "{v}");
    let d = &kept(&env, v["session_id"].as_str().unwrap())["details"];
    assert_eq!(
        (
            d["shipping"]["city"].as_str(),
            d["shipping"]["country"].as_str()
        ),
        (Some("Paris"), Some("FR"))
    );
    assert_eq!(d["customer"]["id"], "demo-shopper-bob");
    // The server door passes the merchant's own order details and cancel URL on.
    let (status, v) = env
        .server_post(
            "/api/server/sessions",
            json!({ "amount": 1500, "currency": "EUR", "mode": "hosted", "cancel_url": "http://127.0.0.1:8080/cart",
                "goods": [{ "id": 7, "name": "Tea", "price": 1500, "quantity": 1 }],
                "customer": { "id": "c-7", "email": "c7@example.com", "registration_time": "2024-01-02T03:04:05+08:00" },
                "bill": demo_address() }),
        )
        .await;
    assert_eq!(status.as_u16(), 200, "{v}");
    let d = &kept(&env, v["session_id"].as_str().unwrap())["details"];
    assert_eq!(d["cancel_url"], "http://127.0.0.1:8080/cart");
    assert_eq!(d["goods"][0]["id"], "7");
    assert_eq!(d["customer"]["email"], "c7@example.com");
    assert_eq!(d["bill"], demo_address());
}

#[tokio::test]
async fn a_card_payment_tells_3ds_what_the_browser_knows_and_where_the_shopper_pays_from() {
    let env = Env::new().await;
    let sid = env.session(json!({})).await;
    let mut body = env.card(&sid, "4242424242424242");
    body["browser"] = json!({ "screen_width": "1280", "screen_height": 800, "color_depth": "24", "timezone_offset": "+01:00",
        "language": "fr-FR", "device_type": "PC", "java_enabled": false });
    let res = env
        .http
        .post(env.url("/api/payments"))
        .header("Idempotency-Key", key())
        .header("user-agent", "Mozilla/5.0 (X11; Linux x86_64) Test/1.0")
        .json(&body);
    let (status, p) = env.send(res).await;
    assert_eq!(status.as_u16(), 200, "{p}");
    let d = &kept(&env, p["order_id"].as_str().unwrap())["details"];
    assert_eq!(
        d["browser"],
        json!({ "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Test/1.0", "color_depth": "24", "language": "fr-FR",
            "java_enabled": false, "device_type": "PC", "terminal_type": "WEB", "timezone_offset": "+01:00",
            "screen_height": "800", "screen_width": "1280" })
    );
    assert_eq!(d["customer"]["pay_ip"], "127.0.0.1");
    assert_eq!(d["authentication"]["challenge_indicator"], "AUTO");
    // Values PayKKa would refuse are dropped, not passed on, and never fail the payment.
    let sid = env.session(json!({})).await;
    let mut body = env.card(&sid, "4242424242424242");
    body["browser"] =
        json!({ "screen_width": "12ab", "timezone_offset": "UTC+1", "device_type": "FRIDGE" });
    let (status, p) = env.pay(&key(), body).await;
    assert_eq!(status.as_u16(), 200, "{p}");
    let b = &kept(&env, p["order_id"].as_str().unwrap())["details"]["browser"];
    assert!(
        b["screen_width"].is_null() && b["timezone_offset"].is_null() && b["device_type"].is_null(),
        "{b}"
    );
    // A member the documents do not have is refused before anything is charged.
    let sid = env.session(json!({})).await;
    let mut body = env.card(&sid, "4242424242424242");
    body["browser"] = json!({ "screen": 1 });
    let (status, e) = env.pay(&key(), body).await;
    assert_eq!(status.as_u16(), 400, "{e}");
}

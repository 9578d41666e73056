//! The gateway's webhooks at the backend: verified before anything acts on them (signature,
//! merchant, 5-minute window), recorded once per event, and never moving a payment back.

mod common;

use common::*;
use paykka_protocol::sign::SigningKey;
use paykka_protocol::test_keys;
use paykka_protocol::time::now_ms;
use serde_json::json;

#[tokio::test]
async fn webhooks_are_verified_before_acting() {
    let env = Env::v1_2().await;
    let gw = SigningKey::from_pem(test_keys::GATEWAY).unwrap();
    let mid =
        paykka_backend::Config::new("127.0.0.1:0".parse().unwrap(), "x", "http://x").merchant_id;
    let note = |ts: i64, id: &str| {
        json!({ "notify_id": id, "notify_type": "TRANSACTION", "timestamp": ts, "merchant_id": mid, "trans_id": "T", "order_id": "GW1",
            "session_id": "CSX", "status": "SUCCESS", "amount": 1, "currency": "USD" })
        .to_string()
    };
    let post = |body: String, sig: String| {
        env.http
            .post(env.url("/api/webhooks/paykka"))
            .header("signature", sig)
            .header("type", "RSA256")
            .header("version", "v1.2")
            .body(body)
    };
    let ts = now_ms();
    let body = note(ts, "NT1");
    let sig = gw.sign(&mid, ts, body.as_bytes());
    // tampered body, wrong key, stale timestamp, missing signature: refused, nothing recorded
    let (st, e) = env
        .send(post(body.replace("SUCCESS", "FAILURE"), sig.clone()))
        .await;
    assert_eq!(
        (st.as_u16(), e["error"]["code"].as_str()),
        (401, Some("invalid_signature"))
    );
    let merchant = SigningKey::from_pem(test_keys::MERCHANT).unwrap();
    let (st, _) = env
        .send(post(body.clone(), merchant.sign(&mid, ts, body.as_bytes())))
        .await;
    assert_eq!(st, 401);
    let old_ts = ts - 6 * 60 * 1000;
    let old = note(old_ts, "NT2");
    let (st, _) = env
        .send(post(old.clone(), gw.sign(&mid, old_ts, old.as_bytes())))
        .await;
    assert_eq!(st, 401);
    let (st, _) = env
        .send(
            env.http
                .post(env.url("/api/webhooks/paykka"))
                .body(body.clone()),
        )
        .await;
    assert_eq!(st, 401);
    assert_eq!(env.webhook_count().await, 0);
    // genuine: accepted once, then recognised as a duplicate
    let (st, v) = env.send(post(body.clone(), sig.clone())).await;
    assert_eq!((st.as_u16(), v["status"].as_str()), (200, Some("ok")));
    let (st, v) = env.send(post(body, sig)).await;
    assert_eq!(
        (st.as_u16(), v["status"].as_str()),
        (200, Some("duplicate"))
    );
    assert_eq!(env.webhook_count().await, 1);
}

#[tokio::test]
async fn a_replayed_webhook_is_acknowledged_as_a_duplicate_and_changes_nothing() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    let ts = now_ms();
    let body = h.note("NT-R1", "GW-R1", "SUCCESS", ts);
    let sig = h.gw.sign(&h.mid, ts, body.as_bytes());
    let (st, v) = h.post(&body, Some(&sig)).await;
    assert_eq!((st.as_u16(), v["status"].as_str()), (200, Some("ok")));
    let after_first = h.trace().await;
    assert_eq!(after_first, ("SUCCESS".into(), Some("GW-R1".into()), 1));
    // the very same request again, then again
    for _ in 0..2 {
        let (st, v) = h.post(&body, Some(&sig)).await;
        assert_eq!(
            (st.as_u16(), v["status"].as_str()),
            (200, Some("duplicate"))
        );
        assert_eq!(h.trace().await, after_first);
    }
    // the same notify_id re-signed later with other content (a retry is signed afresh): still
    // a duplicate, acted on once only
    assert_eq!(h.send("NT-R1", "GW-R1", "FAILURE").await, "duplicate");
    assert_eq!(h.trace().await, after_first);
}

#[tokio::test]
async fn a_tampered_webhook_is_refused_and_changes_nothing() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    let ts = now_ms();
    let body = h.note("NT-T1", "GW-T1", "SUCCESS", ts);
    let sig = h.gw.sign(&h.mid, ts, body.as_bytes());
    assert_eq!(h.trace().await, ("CREATED".into(), None, 0));
    let amount = body.replace("\"amount\":1999", "\"amount\":1");
    let status = body.replace("\"SUCCESS\"", "\"REFUNDED\"");
    let order = body.replace("GW-T1", "GW-T2");
    let session = body.replace(&h.sid, "CS-other");
    let notify = body.replace("NT-T1", "NT-T9");
    let spaced = format!("{body} ");
    let mut flipped = body.clone().into_bytes();
    let i = flipped.len() / 2;
    flipped[i] ^= 0x01;
    let flipped = String::from_utf8(flipped).unwrap();
    for (what, tampered) in [
        ("amount changed", &amount),
        ("status changed", &status),
        ("order id changed", &order),
        ("session id changed", &session),
        ("notify id changed", &notify),
        ("a byte appended", &spaced),
        ("one bit flipped", &flipped),
    ] {
        assert_ne!(tampered, &body);
        h.refused(what, tampered, Some(&sig)).await;
    }
    assert_eq!(h.trace().await, ("CREATED".into(), None, 0));
    // the untouched one is accepted
    let (st, v) = h.post(&body, Some(&sig)).await;
    assert_eq!((st.as_u16(), v["status"].as_str()), (200, Some("ok")));
    assert_eq!(h.trace().await, ("SUCCESS".into(), Some("GW-T1".into()), 1));
}

#[tokio::test]
async fn a_webhook_signed_with_a_key_other_than_the_gateways_is_refused() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    let body = h.note("NT-K1", "GW-K1", "SUCCESS", now_ms());
    for (what, pem) in [
        ("the merchant's own key", test_keys::MERCHANT),
        ("the card key", test_keys::CARD),
        ("a gateway key not configured", test_keys::GATEWAY_NEXT),
    ] {
        h.refused_signed(what, &body, &SigningKey::from_pem(pem).unwrap())
            .await;
    }
    assert_eq!(h.trace().await, ("CREATED".into(), None, 0));
}

#[tokio::test]
async fn a_webhook_for_another_merchant_is_refused() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    let ts = now_ms();
    // genuinely signed by the gateway, but for another merchant
    let other = h.note("NT-M1", "GW-M1", "SUCCESS", ts).replace(
        &format!("\"merchant_id\":\"{}\"", h.mid),
        "\"merchant_id\":\"99999999999999\"",
    );
    assert!(other.contains("99999999999999"));
    h.refused_signed("another merchant id", &other, &h.gw).await;
    // signed for our merchant id, body naming another one
    let body = h.note("NT-M2", "GW-M2", "SUCCESS", ts);
    let sig = h.gw.sign(&h.mid, ts, body.as_bytes());
    let swapped = body.replace(&h.mid, "99999999999999");
    h.refused("merchant id swapped after signing", &swapped, Some(&sig))
        .await;
    // no merchant id at all
    let none = body.replace(&format!("\"merchant_id\":\"{}\",", h.mid), "");
    assert!(!none.contains("merchant_id"));
    h.refused("no merchant id", &none, Some(&sig)).await;
    assert_eq!(h.trace().await, ("CREATED".into(), None, 0));
}

#[tokio::test]
async fn a_webhook_more_than_five_minutes_old_or_ahead_is_refused() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    let minute = 60_000;
    let now = now_ms();
    for (what, ts) in [
        ("6 minutes old", now - 6 * minute),
        ("5 minutes and 10 s old", now - 5 * minute - 10_000),
        ("a day old", now - 24 * 60 * minute),
        ("5 minutes and 10 s ahead", now + 5 * minute + 10_000),
        ("an hour ahead", now + 60 * minute),
        ("timestamp 0", 0),
    ] {
        let body = h.note(&format!("NT-W{ts}"), "GW-W1", "SUCCESS", ts);
        h.refused_signed(what, &body, &h.gw).await;
    }
    // the timestamp as a string, still stale
    let body = h
        .note("NT-WS", "GW-W1", "SUCCESS", now - 6 * minute)
        .replace(
            &format!("\"timestamp\":{}", now - 6 * minute),
            &format!("\"timestamp\":\"{}\"", now - 6 * minute),
        );
    let sig = h.gw.sign(&h.mid, now - 6 * minute, body.as_bytes());
    h.refused("stale string timestamp", &body, Some(&sig)).await;
    assert_eq!(h.trace().await, ("CREATED".into(), None, 0));
    // inside the window, either side: accepted
    let body = h.note("NT-W-IN1", "GW-W1", "PROCESSING", now - 4 * minute);
    assert_eq!(h.post_signed(&body, &h.gw).await.0, 200);
    let body = h.note("NT-W-IN2", "GW-W1", "SUCCESS", now + 4 * minute);
    assert_eq!(h.post_signed(&body, &h.gw).await.0, 200);
    assert_eq!(h.trace().await, ("SUCCESS".into(), Some("GW-W1".into()), 2));
}

#[tokio::test]
async fn a_webhook_with_a_missing_or_garbled_signature_is_refused() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    let ts = now_ms();
    let body = h.note("NT-S1", "GW-S1", "SUCCESS", ts);
    let good = h.gw.sign(&h.mid, ts, body.as_bytes());
    let other_body = h.gw.sign(
        &h.mid,
        ts,
        h.note("NT-S2", "GW-S1", "SUCCESS", ts).as_bytes(),
    );
    let other_ts = h.gw.sign(&h.mid, ts + 1, body.as_bytes());
    let truncated = good[..good.len() - 8].to_string();
    let mut raw = good.clone().into_bytes();
    raw[20] = if raw[20] == b'A' { b'B' } else { b'A' };
    let one_char = String::from_utf8(raw).unwrap();
    let cases: [(&str, Option<&str>); 9] = [
        ("no signature header", None),
        ("empty signature", Some("")),
        ("not base64", Some("not base64!")),
        ("short base64", Some("AAAA")),
        ("truncated signature", Some(&truncated)),
        ("one character changed", Some(&one_char)),
        ("signature of another body", Some(&other_body)),
        ("signature over another timestamp", Some(&other_ts)),
        ("two signatures", Some(&format!("{good},{good}"))),
    ];
    for (what, sig) in cases {
        h.refused(what, &body, sig).await;
    }
    // a body without the signed fields
    let no_ts = body.replace(&format!("\"timestamp\":{ts},"), "");
    assert!(!no_ts.contains("timestamp"));
    h.refused("no timestamp", &no_ts, Some(&good)).await;
    h.refused("not JSON", "SUCCESS", Some(&good)).await;
    assert_eq!(h.trace().await, ("CREATED".into(), None, 0));
    let (st, _) = h.post(&body, Some(&good)).await;
    assert_eq!(st, 200);
}

#[tokio::test]
async fn a_late_pending_notification_does_not_move_a_paid_order_back() {
    let env = Env::v1_2().await;
    let h = Hooks::new(&env).await;
    // SUCCESS arrives first, the earlier PROCESSING after it (other notify ids)
    assert_eq!(h.send("NT-O1", "GW-O1", "SUCCESS").await, "ok");
    assert_eq!(h.send("NT-O0", "GW-O1", "PROCESSING").await, "ok");
    assert_eq!(
        h.order_status().await,
        ("SUCCESS".into(), Some("GW-O1".into()))
    );
    // an AUTHORIZED sent before a capture, arriving after it
    assert_eq!(h.send("NT-O2", "GW-O1", "AUTHORIZED").await, "ok");
    assert_eq!(
        h.order_status().await,
        ("SUCCESS".into(), Some("GW-O1".into()))
    );
    // a FAILURE for the same payment cannot undo a SUCCESS either: the first outcome stays
    assert_eq!(h.send("NT-O3", "GW-O1", "FAILURE").await, "ok");
    assert_eq!(
        h.order_status().await,
        ("SUCCESS".into(), Some("GW-O1".into()))
    );
    let store = &env.be.as_ref().unwrap().state.store;
    assert_eq!(
        store.payment_status("GW-O1").await.unwrap().as_deref(),
        Some("SUCCESS")
    );
    assert_eq!(store.webhook_count().await.unwrap(), 4);

    // an authorisation: AUTHORIZED after PROCESSING, a late PROCESSING ignored
    let h = Hooks::new(&env).await;
    assert_eq!(h.send("NT-A1", "GW-A1", "PROCESSING").await, "ok");
    assert_eq!(h.send("NT-A2", "GW-A1", "AUTHORIZED").await, "ok");
    assert_eq!(h.send("NT-A0", "GW-A1", "PROCESSING").await, "ok");
    assert_eq!(
        h.order_status().await,
        ("AUTHORIZED".into(), Some("GW-A1".into()))
    );
}

#[tokio::test]
async fn refunds_and_cancellations_after_payment_are_applied_and_never_undone() {
    let env = Env::v1_2().await;
    // captured, then refunded in two parts; the late notifications of earlier steps ignored
    let h = Hooks::new(&env).await;
    for (id, status, expect) in [
        ("NT-F1", "SUCCESS", "SUCCESS"),
        ("NT-F2", "PARTIALLY_REFUNDED", "PARTIALLY_REFUNDED"),
        ("NT-F3", "PARTIALLY_REFUNDED", "PARTIALLY_REFUNDED"),
        ("NT-F0", "SUCCESS", "PARTIALLY_REFUNDED"),
        ("NT-F4", "REFUNDED", "REFUNDED"),
        ("NT-F2b", "PARTIALLY_REFUNDED", "REFUNDED"),
        ("NT-F0b", "PROCESSING", "REFUNDED"),
    ] {
        assert_eq!(h.send(id, "GW-F1", status).await, "ok");
        assert_eq!(
            h.order_status().await,
            (expect.into(), Some("GW-F1".into())),
            "after {id} {status}"
        );
    }
    // refund before its payment's success notification (reordered): the refund stays
    let h = Hooks::new(&env).await;
    assert_eq!(h.send("NT-G2", "GW-G1", "REFUNDED").await, "ok");
    assert_eq!(h.send("NT-G1", "GW-G1", "SUCCESS").await, "ok");
    assert_eq!(
        h.order_status().await,
        ("REFUNDED".into(), Some("GW-G1".into()))
    );
    // an authorisation voided: CANCELED after AUTHORIZED, a late AUTHORIZED ignored
    let h = Hooks::new(&env).await;
    assert_eq!(h.send("NT-C1", "GW-C1", "AUTHORIZED").await, "ok");
    assert_eq!(h.send("NT-C2", "GW-C1", "CANCELED").await, "ok");
    assert_eq!(h.send("NT-C0", "GW-C1", "AUTHORIZED").await, "ok");
    assert_eq!(
        h.order_status().await,
        ("CANCELED".into(), Some("GW-C1".into()))
    );
    // a partly captured authorisation whose rest is voided, then refunded
    let h = Hooks::new(&env).await;
    for (id, status, expect) in [
        ("NT-P1", "AUTHORIZED", "AUTHORIZED"),
        ("NT-P2", "SUCCESS", "SUCCESS"),
        ("NT-P3", "PARTIALLY_REVERSED", "PARTIALLY_REVERSED"),
        ("NT-P2b", "SUCCESS", "PARTIALLY_REVERSED"),
        ("NT-P4", "REFUNDED", "REFUNDED"),
    ] {
        assert_eq!(h.send(id, "GW-P1", status).await, "ok");
        assert_eq!(
            h.order_status().await,
            (expect.into(), Some("GW-P1".into())),
            "after {id} {status}"
        );
    }
}

#[tokio::test]
async fn a_late_notification_of_an_earlier_attempt_does_not_replace_the_current_one() {
    let env = Env::v1_2().await;
    // attempt 1 pending, attempt 2 pending, then attempt 1's failure arrives: attempt 2 stays
    let h = Hooks::new(&env).await;
    assert_eq!(h.send("NT-E1", "GW-E1", "PROCESSING").await, "ok");
    assert_eq!(h.send("NT-E2", "GW-E2", "PROCESSING").await, "ok");
    assert_eq!(h.send("NT-E3", "GW-E1", "FAILURE").await, "ok");
    assert_eq!(
        h.order_status().await,
        ("PROCESSING".into(), Some("GW-E2".into()))
    );
    assert_eq!(h.send("NT-E4", "GW-E2", "SUCCESS").await, "ok");
    assert_eq!(
        h.order_status().await,
        ("SUCCESS".into(), Some("GW-E2".into()))
    );
    // attempt 1 failed, attempt 2 paid, attempt 1's failure notified again late: still paid
    assert_eq!(h.send("NT-E5", "GW-E1", "FAILURE").await, "ok");
    assert_eq!(
        h.order_status().await,
        ("SUCCESS".into(), Some("GW-E2".into()))
    );
    // an earlier attempt that does succeed after all (late 3DS) wins over a failed later one
    let h = Hooks::new(&env).await;
    assert_eq!(h.send("NT-L1", "GW-L1", "PROCESSING").await, "ok");
    assert_eq!(h.send("NT-L2", "GW-L2", "FAILURE").await, "ok");
    assert_eq!(
        h.order_status().await,
        ("FAILURE".into(), Some("GW-L2".into()))
    );
    assert_eq!(h.send("NT-L3", "GW-L1", "SUCCESS").await, "ok");
    assert_eq!(
        h.order_status().await,
        ("SUCCESS".into(), Some("GW-L1".into()))
    );
}

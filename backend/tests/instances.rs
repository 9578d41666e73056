//! Two backend instances on one PostgreSQL database, in front of one sandbox gateway: the rules
//! that one instance kept alone hold across both, through the database. Skipped (with a note)
//! without a test cluster (`BACKEND_TEST_DATABASE_URL`); `make test` always has one.

mod common;

use common::instances::Instances;
use paykka_backend::testing::postgres_schema;
use serde_json::json;
use std::sync::Arc;

async fn two_instances(tag: &str) -> Option<Arc<Instances>> {
    let url = postgres_schema(tag).await?;
    Some(Arc::new(Instances::start(2, &url).await))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_duplicate_payments_split_over_two_instances_charge_once_and_replay_its_answer_19_times()
 {
    let Some(env) = two_instances("duplicates").await else {
        return;
    };
    let sid = env.session(0, 1999, "AUTOMATIC").await;
    let body = Arc::new(env.card(&sid, "4242424242424242"));
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let (env, body) = (env.clone(), body.clone());
            tokio::spawn(async move { env.pay(i, "dup-key-0001", &body).await })
        })
        .collect();
    let mut answers = Vec::new();
    for t in tasks {
        answers.push(t.await.unwrap());
    }
    for a in &answers {
        assert_eq!(a.status, 200, "{}", a.body);
        assert_eq!(a.body["status"], "SUCCESS");
        assert_eq!(
            a.body["order_id"], answers[0].body["order_id"],
            "one payment, one answer"
        );
    }
    let replays = answers.iter().filter(|a| a.replayed).count();
    assert_eq!(
        replays, 19,
        "one request paid, the other 19 replayed its answer"
    );
    assert_eq!(
        env.gateway_transactions(&sid),
        1,
        "exactly one payment at the gateway"
    );
    let order = env.be[1].state.store.order(&sid).await.unwrap().unwrap();
    assert_eq!(order.status, "SUCCESS");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_same_webhook_posted_to_both_instances_at_once_is_applied_once() {
    let Some(env) = two_instances("webhooks").await else {
        return;
    };
    let sid = env.session(1, 1999, "AUTOMATIC").await;
    let store = &env.be[0].state.store;
    let before = store.webhook_count().await.unwrap();
    for (n, status) in ["PROCESSING", "SUCCESS", "PROCESSING", "REFUNDED", "SUCCESS"]
        .iter()
        .enumerate()
    {
        let hook = env.webhook(&format!("N-both-{n}"), &sid, "GW-BOTH-1", status);
        let (a, b) = tokio::join!(env.post_webhook(0, &hook), env.post_webhook(1, &hook));
        let mut acks = [a.body["status"].clone(), b.body["status"].clone()];
        acks.sort_by_key(|v| v.to_string());
        assert_eq!((a.status.as_u16(), b.status.as_u16()), (200, 200));
        assert_eq!(
            acks,
            [json!("duplicate"), json!("ok")],
            "{status}: one applied it"
        );
    }
    assert_eq!(store.webhook_count().await.unwrap() - before, 5);
    let order = env.be[1].state.store.order(&sid).await.unwrap().unwrap();
    assert_eq!(
        (order.status.as_str(), order.order_id.as_deref()),
        ("REFUNDED", Some("GW-BOTH-1")),
        "late news never moved it back"
    );
}

/// Posts `n` copies of `body` to `path`, alternating the instances, at once; the 200s and the
/// error codes of the rest.
async fn race(
    env: &Arc<Instances>,
    n: usize,
    path: String,
    body: serde_json::Value,
) -> (usize, Vec<String>) {
    let tasks: Vec<_> = (0..n)
        .map(|i| {
            let (env, path, body) = (env.clone(), path.clone(), body.clone());
            tokio::spawn(async move { env.server_post(i, &path, body).await })
        })
        .collect();
    let (mut ok, mut refused) = (0, Vec::new());
    for t in tasks {
        let a = t.await.unwrap();
        if a.status == 200 {
            ok += 1;
        } else {
            refused.push(a.body["error"]["code"].as_str().unwrap_or("?").to_string());
        }
    }
    (ok, refused)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_captures_and_refunds_on_two_instances_never_take_more_than_the_amount() {
    let Some(env) = two_instances("money").await else {
        return;
    };
    let sid = env.session(0, 2000, "MANUAL").await;
    let paid = env
        .pay(1, "money-key-0001", &env.card(&sid, "4242424242424242"))
        .await;
    assert_eq!(paid.body["status"], "AUTHORIZED", "{}", paid.body);
    let order = paid.body["order_id"].as_str().unwrap().to_string();
    let capture = json!({ "amount": 500, "final": false });
    let (ok, refused) = race(
        &env,
        10,
        format!("/api/server/payments/{order}/capture"),
        capture,
    )
    .await;
    assert_eq!(ok, 4, "four captures of 500 fit in 2000: {refused:?}");
    // Each refusal is the backend's own, from the balance it read under the order's lock: no
    // capture past the balance ever reached the gateway.
    assert!(refused.iter().all(|c| c == "invalid_amount"), "{refused:?}");
    let b = env.balances(1, &order).await;
    assert_eq!(
        (
            b["captured_amount"].as_i64(),
            b["able_to_capture_amount"].as_i64()
        ),
        (Some(2000), Some(0))
    );
    let refund = json!({ "amount": 700 });
    let (ok, refused) = race(
        &env,
        10,
        format!("/api/server/payments/{order}/refunds"),
        refund,
    )
    .await;
    assert_eq!(ok, 2, "two refunds of 700 fit in 2000: {refused:?}");
    assert!(refused.iter().all(|c| c == "invalid_amount"), "{refused:?}");
    let b = env.balances(0, &order).await;
    assert_eq!(
        (
            b["refunded_amount"].as_i64(),
            b["able_to_refund_amount"].as_i64()
        ),
        (Some(1400), Some(600))
    );
}

//! The rules that must hold across instances, raced: 20 tasks at once, split over two handles
//! on one database (two pools on PostgreSQL, as two instances would have).

use super::*;

/// Runs `f(store, i)` for i in 0..20 at once, alternating the two handles; their answers.
async fn race<T, F, Fut>(pair: &[Arc<Store>; 2], f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(Arc<Store>, usize) -> Fut,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    let tasks: Vec<_> = (0..20)
        .map(|i| tokio::spawn(f(pair[i % 2].clone(), i)))
        .collect();
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_of_twenty_concurrent_claims_of_a_key_owns_it_and_the_rest_replay_its_answer() {
    for pair in engines("claims").await {
        let claims = race(&pair, |s, _| async move {
            matches!(s.claim("key-1", "h").await.unwrap(), Claim::Claimed)
        })
        .await;
        assert_eq!(
            claims.iter().filter(|c| **c).count(),
            1,
            "{}",
            pair[0].engine()
        );
        pair[0].finish_claim("key-1", 200, "{}").await.unwrap();
        let replays = race(&pair, |s, _| async move {
            matches!(s.claim("key-1", "h").await.unwrap(), Claim::Done(200, _))
        })
        .await;
        assert!(replays.iter().all(|r| *r));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_webhook_raced_on_twenty_connections_is_applied_once() {
    for pair in engines("webhook_race").await {
        pair[0]
            .insert_order(&order_of("CS1", "CREATED"))
            .await
            .unwrap();
        let fresh = race(&pair, |s, _| async move {
            s.record_webhook("N1", "GW1", "SUCCESS", Some("CS1"))
                .await
                .unwrap()
        })
        .await;
        assert_eq!(
            fresh.iter().filter(|f| **f).count(),
            1,
            "{}",
            pair[0].engine()
        );
        assert_eq!(pair[1].webhook_count().await.unwrap(), 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn news_raced_out_of_order_leaves_the_most_advanced_status() {
    for pair in engines("news_race").await {
        pair[0]
            .insert_order(&order_of("CS1", "CREATED"))
            .await
            .unwrap();
        const NEWS: [&str; 5] = [
            "PROCESSING",
            "AUTHORIZED",
            "SUCCESS",
            "PARTIALLY_REFUNDED",
            "REFUNDED",
        ];
        race(&pair, |s, i| async move {
            s.record_payment("CS1", "GW1", NEWS[(i * 3) % NEWS.len()])
                .await
                .unwrap()
        })
        .await;
        let o = pair[1].order("CS1").await.unwrap().unwrap();
        assert_eq!(o.status, "REFUNDED", "{}", pair[0].engine());
        let st = pair[0].payment_status("GW1").await.unwrap();
        assert_eq!(st.as_deref(), Some("REFUNDED"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_racing_attempts_of_one_session_count_up_to_its_cap_and_one_holds_the_lock() {
    for pair in engines("attempts_race").await {
        pair[0]
            .insert_order(&order_of("CS1", "CREATED"))
            .await
            .unwrap();
        let counted = race(&pair, |s, i| async move {
            s.count_attempt("CS1", &format!("key-{i}"), 5)
                .await
                .unwrap()
        })
        .await;
        assert_eq!(
            counted.iter().filter(|c| **c).count(),
            5,
            "{}",
            pair[0].engine()
        );
        let locked = race(&pair, |s, i| async move {
            s.lock_attempt("CS1", &format!("key-{i}")).await.unwrap()
        })
        .await;
        assert_eq!(locked.iter().filter(|l| **l).count(), 1);
        let ops = race(&pair, |s, i| async move {
            s.lock_operation("capture:GW1", &format!("holder-{i}"))
                .await
                .unwrap()
        })
        .await;
        assert_eq!(ops.iter().filter(|l| **l).count(), 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_rate_limit_raced_from_two_instances_lets_exactly_its_count_through() {
    for pair in engines("limit_race").await {
        let t = now();
        let passed = race(&pair, |s, _| async move {
            s.hit_limit("payment", "10.0.0.1", 7, t)
                .await
                .unwrap()
                .is_none()
        })
        .await;
        assert_eq!(
            passed.iter().filter(|p| **p).count(),
            7,
            "{}",
            pair[0].engine()
        );
    }
}

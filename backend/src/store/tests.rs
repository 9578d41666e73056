//! The store's rules, on a database of its own per test.

use super::payments::supersedes;
use super::*;

fn store() -> (Store, std::path::PathBuf) {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "paykka-store-{}-{}-{}",
        std::process::id(),
        now(),
        N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let s = Store::open(&dir.join("t.sqlite")).unwrap();
    s.insert_order(&Order {
        session_id: "CS1".into(),
        trans_id: "T1".into(),
        amount: 100,
        currency: "USD".into(),
        shopper_reference: None,
        token_usage: None,
        status: "PROCESSING".into(),
        order_id: None,
    })
    .unwrap();
    (s, dir)
}

fn order(s: &Store) -> (String, Option<String>) {
    let o = s.order("CS1").unwrap().unwrap();
    (o.status, o.order_id)
}

#[test]
fn statuses_only_move_forward() {
    for (new, cur, expect) in [
        ("SUCCESS", "PROCESSING", true),
        ("PROCESSING", "SUCCESS", false),
        ("AUTHORIZED", "PROCESSING", true),
        ("SUCCESS", "AUTHORIZED", true),
        ("AUTHORIZED", "SUCCESS", false),
        ("CANCELED", "AUTHORIZED", true),
        ("AUTHORIZED", "CANCELED", false),
        ("REFUNDED", "SUCCESS", true),
        ("SUCCESS", "REFUNDED", false),
        ("PARTIALLY_REFUNDED", "REFUNDED", false),
        ("REFUNDED", "PARTIALLY_REFUNDED", true),
        ("PARTIALLY_REFUNDED", "PARTIALLY_REFUNDED", true),
        ("PARTIALLY_REVERSED", "SUCCESS", true),
        ("PARTIALLY_REFUNDED", "PARTIALLY_REVERSED", true),
        ("FAILURE", "SUCCESS", false),
        ("SUCCESS", "FAILURE", false),
        ("CANCELED", "SUCCESS", false),
        ("FAILURE", "PROCESSING", true),
        ("SOMETHING_NEW", "SUCCESS", false),
    ] {
        assert_eq!(supersedes(new, cur), expect, "{new} over {cur}");
    }
}

#[test]
fn a_late_pending_or_earlier_attempt_never_moves_the_order_back() {
    let (s, dir) = store();
    // one attempt: reordered notifications
    s.record_payment("CS1", "GW1", "SUCCESS").unwrap();
    s.record_payment("CS1", "GW1", "PROCESSING").unwrap();
    assert_eq!(order(&s), ("SUCCESS".into(), Some("GW1".into())));
    assert_eq!(s.payment_status("GW1").unwrap().as_deref(), Some("SUCCESS"));
    s.record_payment("CS1", "GW1", "REFUNDED").unwrap();
    s.record_payment("CS1", "GW1", "PARTIALLY_REFUNDED")
        .unwrap();
    s.record_payment("CS1", "GW1", "SUCCESS").unwrap();
    assert_eq!(order(&s), ("REFUNDED".into(), Some("GW1".into())));
    // a late failure of another attempt does not touch a settled order
    s.record_payment("CS1", "GW0", "FAILURE").unwrap();
    assert_eq!(order(&s), ("REFUNDED".into(), Some("GW1".into())));
    assert_eq!(s.payment_status("GW0").unwrap().as_deref(), Some("FAILURE"));
    let _ = std::fs::remove_dir_all(dir);

    // two attempts: the newer one is the order's; an older one's news only counts if settled
    let (s, dir) = store();
    s.record_payment("CS1", "GWA", "PROCESSING").unwrap();
    s.record_payment("CS1", "GWB", "PROCESSING").unwrap();
    assert_eq!(order(&s), ("PROCESSING".into(), Some("GWB".into())));
    s.record_payment("CS1", "GWA", "FAILURE").unwrap();
    assert_eq!(order(&s), ("PROCESSING".into(), Some("GWB".into())));
    s.record_payment("CS1", "GWB", "FAILURE").unwrap();
    assert_eq!(order(&s), ("FAILURE".into(), Some("GWB".into())));
    // the older attempt completes after all (a late 3DS): the order is paid by it
    let (s2, dir2) = store();
    s2.record_payment("CS1", "GWA", "PROCESSING").unwrap();
    s2.record_payment("CS1", "GWB", "FAILURE").unwrap();
    s2.record_payment("CS1", "GWA", "SUCCESS").unwrap();
    assert_eq!(order(&s2), ("SUCCESS".into(), Some("GWA".into())));
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(dir2);
}

#[test]
fn a_webhook_id_is_recorded_once_with_its_effect() {
    let (s, dir) = store();
    assert!(
        s.record_webhook("N1", "GW1", "SUCCESS", Some("CS1"))
            .unwrap()
    );
    assert!(
        !s.record_webhook("N1", "GW1", "SUCCESS", Some("CS1"))
            .unwrap()
    );
    assert!(
        s.record_webhook("N2", "GW9", "SUCCESS", Some("CS-not-ours"))
            .unwrap()
    );
    assert_eq!(s.webhook_count().unwrap(), 2);
    assert_eq!(order(&s), ("SUCCESS".into(), Some("GW1".into())));
    assert_eq!(s.payment_status("GW9").unwrap(), None);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_retention_job_keeps_paid_orders_and_live_logins_only() {
    let (s, _dir) = store();
    let o = |sid: &str, status: &str| Order {
        session_id: sid.into(),
        trans_id: format!("T{sid}"),
        amount: 100,
        currency: "USD".into(),
        shopper_reference: None,
        token_usage: None,
        status: status.into(),
        order_id: None,
    };
    s.insert_order(&o("CSold", "CREATED")).unwrap();
    s.insert_order(&o("CSpaid", "SUCCESS")).unwrap();
    s.insert_login("d1", "alice", now() - 1).unwrap();
    s.insert_login("d2", "bob", now() + 2 * 86_400_000).unwrap();
    assert!(s.count_attempt("CSold", "k1", 5).unwrap());
    // Nothing is old yet: only the expired login goes.
    assert_eq!(s.purge(now(), 86_400_000).unwrap(), 1);
    assert!(s.order("CSold").unwrap().is_some());
    // A day later, with a one-hour retention: the unpaid order and its attempt go.
    assert_eq!(s.purge(now() + 86_400_000, 3_600_000).unwrap(), 2);
    assert!(s.order("CSold").unwrap().is_none());
    assert!(
        s.order("CSpaid").unwrap().is_some(),
        "a paid order is the merchant's record"
    );
    assert_eq!(
        s.login_shopper("d2", now()).unwrap().as_deref(),
        Some("bob")
    );
}

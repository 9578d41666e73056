//! Webhook delivery: signed with the gateway key, retried with exponential backoff until a
//! 2xx answer. Each attempt is signed afresh with the current `timestamp`, so a late retry
//! still passes the receiver's 5-minute window; `notify_id` stays the same for de-duplication.

use crate::db::WebhookRow;
use crate::lifecycle;
use crate::state::Shared;
use paykka_protocol::api::{self, ApiVersion, headers as hdr};
use paykka_protocol::time::now_ms;
use std::time::Duration;
use tokio::sync::watch;

pub async fn worker(st: Shared, tick: Duration, mut stop: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = st.wake.notified() => {}
            _ = tokio::time::sleep(tick) => {}
            r = stop.changed() => { if r.is_err() { break } }
        }
        if *stop.borrow() {
            break;
        }
        lifecycle::sweep_expired(&st);
        deliver_due(&st).await;
    }
}

fn backoff(st: &Shared, failures: u32) -> i64 {
    let base = st.webhook_retry_base.as_millis() as i64;
    base.saturating_mul(1i64 << failures.saturating_sub(1).min(20))
        .min(3_600_000)
}

async fn deliver_due(st: &Shared) {
    let rows = match st.db.due_webhooks(now_ms(), st.webhook_max_attempts, 32) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("sandbox: webhook queue: {e}");
            return;
        }
    };
    let mut set = tokio::task::JoinSet::new();
    for row in rows {
        set.spawn(deliver(st.clone(), row));
    }
    while set.join_next().await.is_some() {}
}

/// One delivery attempt, signed now as the merchant's API generation signs, and its result
/// recorded: delivered, or due again after the backoff.
async fn deliver(st: Shared, row: WebhookRow) {
    let ts = now_ms();
    let version = st.version_of(&row.merchant_id);
    let mut v: serde_json::Value = serde_json::from_str(&row.body).unwrap_or_default();
    if version == ApiVersion::V1_2 {
        v["timestamp"] = ts.into();
    }
    let body = serde_json::to_string(&v).expect("serialises");
    let path = url_path(&row.url);
    let (nonce, sig) = st.sign_as_gateway(version, &path, &row.merchant_id, ts, body.as_bytes());
    let req = st
        .http
        .post(&row.url)
        .header("content-type", "application/json");
    let req = match version {
        ApiVersion::V3 => api::v3_headers(&row.merchant_id, ts, &nonce, sig)
            .into_iter()
            .fold(req, |req, (name, value)| req.header(name, value)),
        ApiVersion::V1_2 => req
            .header(hdr::SIGNATURE, sig)
            .header(hdr::TYPE, hdr::TYPE_VALUE)
            .header(hdr::VERSION, hdr::VERSION_VALUE),
    };
    let res = req.timeout(Duration::from_secs(5)).body(body).send().await;
    let (ok, err) = match res {
        Ok(r) if r.status().is_success() => (true, None),
        Ok(r) => (false, Some(format!("HTTP {}", r.status().as_u16()))),
        Err(e) => (
            false,
            Some(if e.is_timeout() {
                "timeout".to_string()
            } else {
                "connection failed".to_string()
            }),
        ),
    };
    let failures = row.attempts + 1;
    let next = now_ms() + backoff(&st, failures);
    eprintln!(
        "sandbox webhook {} attempt {} -> {}",
        row.notify_id,
        failures,
        if ok {
            "delivered"
        } else {
            err.as_deref().unwrap_or("failed")
        }
    );
    let _ = st
        .db
        .webhook_result(&row.notify_id, ok, next, err.as_deref());
}

/// The path of a webhook URL (what a v3 webhook signs), without host or query.
fn url_path(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("/", |i| &rest[i..]);
    path.split(['?', '#']).next().unwrap_or("/").to_string()
}

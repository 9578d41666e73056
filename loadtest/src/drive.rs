//! The run on the load generator's runtime: set up, warm up, find the limit (or take the rate
//! given), sustain it, then check both servers' records and build the report.

use crate::check::{self, Report};
use crate::cost;
use crate::flow::{CardKey, Ctx, PayState};
use crate::limit::{Limit, find_limit};
use crate::opts::Opts;
use crate::phases::{judge, open_loop, warn_if_shared};
use crate::records::BackendDb;
use crate::servers::SERVER_SECRET;
use crate::stats::{self, Phase};
use serde_json::{Value, json};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::{Duration, Instant};

/// Per request.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
const WARM_UP_FLOWS: usize = 20;

pub struct Outcome {
    pub passed: bool,
    pub json: Value,
}

/// A 2xx JSON answer.
async fn get_json(r: reqwest::RequestBuilder, what: &str) -> Result<Value, String> {
    let text = r
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| format!("{what}: {e}"))?
        .text()
        .await
        .map_err(|e| format!("{what}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{what}: {e}"))
}

async fn setup(o: &Opts, backends: &[String]) -> Result<Arc<Ctx>, String> {
    let backend = &backends[0];
    let mut auth = reqwest::header::HeaderMap::new();
    auth.insert(
        reqwest::header::AUTHORIZATION,
        reqwest::header::HeaderValue::from_str(&format!("Bearer {SERVER_SECRET}"))
            .map_err(|e| e.to_string())?,
    );
    let http = reqwest::Client::builder()
        .no_proxy()
        .default_headers(auth)
        .timeout(REQUEST_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| e.to_string())?;
    // What the Drop-in does first: create a session, read it, and (in the frames) fetch the
    // card key from the URL the backend gives.
    let s = get_json(
        http.post(format!("{backend}/api/server/sessions"))
            .header("content-type", "application/json")
            .body(r#"{"amount": 1999, "currency": "USD"}"#),
        "create session",
    )
    .await?;
    let sid = s["session_id"]
        .as_str()
        .ok_or("create session: no session_id")?;
    let s = get_json(
        http.get(format!("{backend}/api/sessions/{sid}")),
        "get session",
    )
    .await?;
    let key_url = s["card_key_url"]
        .as_str()
        .ok_or("session has no card_key_url")?;
    let k = get_json(http.get(key_url), key_url).await?;
    let key = CardKey::from_json(&k)?;
    let year = 1970 + paykka_protocol::time::now_ms() / 31_556_952_000 + 4;
    Ok(Arc::new(Ctx {
        http,
        backends: backends.to_vec(),
        turn: Default::default(),
        key,
        run_id: format!("{}", paykka_protocol::time::now_ms()),
        replay: o.replay,
        exp_year: year.to_string(),
        next_id: AtomicU64::new(0),
        ledger: Default::default(),
    }))
}

pub async fn drive(
    o: &Opts,
    backends: &[String],
    sandbox_db: &Path,
    backend_db: &BackendDb,
) -> Result<Outcome, String> {
    let started = Instant::now();
    let ctx = setup(o, backends).await?;
    warm_up(&ctx).await?;
    let (rate, limit) = choose_rate(&ctx, o).await?;
    let s = sustain(&ctx, o, rate, limit.is_some()).await;
    stats::print_latency(&s.phase);
    stats::print_errors(&s.phase);
    if limit.is_some() {
        print_limit(o, &s);
    }
    let sign_ms = cost::rsa_sign_ms();
    let (cost_text, cost_json) =
        cost::breakdown(&s.cpu, s.phase.ok, sign_ms, o.database_url.is_some());
    println!("  {cost_text}");
    look_up_unknown(&ctx).await;
    let undelivered = check::drain_webhooks(sandbox_db, Duration::from_secs(60)).await?;
    let backend_file = backend_db.sqlite_file().await?;
    let rep = check::check(&ctx.ledger.entries(), sandbox_db, &backend_file)?;
    print_records(&rep, undelivered);
    let error_ok = s.phase.error_rate() <= o.max_error_rate;
    let passed = rep.passed() && error_ok;
    print_verdict(o, &s.phase, passed, error_ok, started);
    let mut json = report_json(o, limit.as_ref(), &s, &rep, passed, started);
    json["cpu"] = cost_json;
    json["backend"] = json!({ "instances": backends.len(),
        "engine": if o.database_url.is_some() { "postgres" } else { "sqlite" } });
    Ok(Outcome { passed, json })
}

/// Warm-up: one shopper after the other; every flow must pass, or nothing else is worth it.
async fn warm_up(ctx: &Arc<Ctx>) -> Result<(), String> {
    let mut warm = Phase::new("warm-up", Instant::now());
    for _ in 0..WARM_UP_FLOWS {
        warm.started += 1;
        warm.add(ctx.clone().flow(Instant::now()).await);
    }
    if warm.error_count() > 0 {
        stats::print_errors(&warm);
        return Err("warm-up flows failed: the servers do not work as expected".into());
    }
    println!("  warm-up: {} flows, all passed", warm.ok);
    Ok(())
}

/// The rate to sustain: `--rate`, or a share (`--sustain-at`) of the limit searched for.
async fn choose_rate(ctx: &Arc<Ctx>, o: &Opts) -> Result<(f64, Option<Limit>), String> {
    Ok(match o.rate {
        Some(r) => (r, None),
        None => {
            let l = find_limit(ctx, o).await?;
            println!(
                "  limit search: {:.1} flows/s held a {} s step (probe {:.1} flows/s)",
                l.rate,
                o.step.as_secs_f64(),
                l.probe
            );
            ((l.rate * o.sustain_at * 10.0).round() / 10.0, Some(l))
        }
    })
}

/// The sustained run as it ended.
struct Sustained {
    /// The last attempt's phase.
    phase: Phase,
    /// The CPU the last attempt used (this process, PostgreSQL).
    cpu: cost::Cpu,
    /// The last attempt's rate.
    rate: f64,
    held: bool,
    why: String,
    attempts: Vec<Value>,
}

/// Phase 2: the sustained run. After a search (`searched`), a rate that does not hold the
/// thresholds for the whole run (near the limit a queue takes longer than a step to build up)
/// is lowered by 7% and run again, at most --retries times: the limit reported is the rate
/// that held.
async fn sustain(ctx: &Arc<Ctx>, o: &Opts, mut rate: f64, searched: bool) -> Sustained {
    let mut attempts = Vec::new();
    loop {
        let before = cost::sample();
        let p = open_loop(ctx, "sustained", rate, o.duration, o.max_in_flight).await;
        let cpu = cost::sample().since(&before);
        let (held, why) = judge(&p, o);
        println!(
            "  sustained: offered {:.1} flows/s for {:.0} s: {} flows planned, {} completed, {} errors ({:.2}%); {:.1} flows/s completed; cores busy {:.2} (this process), {:.2} (machine){}",
            rate,
            o.duration.as_secs_f64(),
            p.planned,
            p.ok,
            p.error_count(),
            100.0 * p.error_rate(),
            p.throughput(),
            p.cores.0,
            p.cores.1,
            if held {
                String::new()
            } else {
                format!(" (over a threshold: {why})")
            }
        );
        warn_if_shared(&p);
        let mut j = p.json();
        j["held_thresholds"] = held.into();
        j["why"] = why.clone().into();
        attempts.push(j);
        if !searched || held || attempts.len() > o.retries {
            return Sustained {
                cpu,
                phase: p,
                rate,
                held,
                why,
                attempts,
            };
        }
        rate = (rate * 0.93 * 10.0).round() / 10.0;
        println!("    did not hold: again at {rate:.1} flows/s");
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

fn print_limit(o: &Opts, s: &Sustained) {
    let rate = s.rate;
    if s.held {
        println!(
            "  limit: {rate:.1} flows/s sustained for {:.0} s within the thresholds",
            o.duration.as_secs_f64()
        );
    } else {
        println!(
            "  limit: none held for {:.0} s within the thresholds; the last try was {rate:.1} flows/s",
            o.duration.as_secs_f64()
        );
    }
}

/// Answers lost in transit: ask for the result, as the SDK's return page would, so that the
/// backend learns of a charge it missed before its records are checked.
async fn look_up_unknown(ctx: &Ctx) {
    let unknown: Vec<String> = ctx
        .ledger
        .entries()
        .into_iter()
        .filter(|e| matches!(e.state, PayState::Unknown))
        .map(|e| e.session_id)
        .collect();
    for sid in &unknown {
        let _ = ctx
            .http
            .get(format!("{}/api/sessions/{sid}/result", ctx.backend()))
            .send()
            .await;
    }
}

fn print_records(rep: &Report, undelivered: i64) {
    println!(
        "  records: {} sessions, {} payments answered ({} SUCCESS, {} FAILURE), {} replayed with the same key, {} with no answer ({} of them charged, looked up), {} refused",
        rep.sessions,
        rep.answered,
        rep.answered_success,
        rep.answered_failure,
        rep.replayed,
        rep.unknown,
        rep.unknown_charged,
        rep.refused
    );
    println!(
        "    sandbox: {} sessions, {} transactions, {} idempotency keys, {} webhooks ({} undelivered); backend: {} orders, {} payments, {} webhooks recorded",
        rep.sandbox_sessions,
        rep.sandbox_transactions,
        rep.sandbox_idempotency_keys,
        rep.webhooks_queued,
        undelivered,
        rep.backend_orders,
        rep.backend_payments,
        rep.webhooks_recorded
    );
    println!(
        "    lost: {}, duplicated: {}, unexpected: {}, webhooks lost: {}",
        rep.lost, rep.duplicated, rep.unexpected, rep.webhooks_lost
    );
    for p in &rep.problems {
        println!("    ! {p}");
    }
}

fn print_verdict(o: &Opts, sustained: &Phase, passed: bool, error_ok: bool, started: Instant) {
    println!(
        "  {}: {:.0} s in all{}",
        if passed { "PASS" } else { "FAIL" },
        started.elapsed().as_secs_f64(),
        if error_ok {
            String::new()
        } else {
            format!(
                "; sustained error rate {:.2}% > {:.2}%",
                100.0 * sustained.error_rate(),
                100.0 * o.max_error_rate
            )
        }
    );
}

fn report_json(
    o: &Opts,
    limit: Option<&Limit>,
    s: &Sustained,
    rep: &Report,
    passed: bool,
    started: Instant,
) -> Value {
    let (rate, held) = (s.rate, s.held);
    json!({
        "machine": { "cores": std::thread::available_parallelism().map_or(0, |n| n.get()),
            "server_threads": o.server_threads, "client_threads": o.client_threads },
        "thresholds": { "p99_max_ms": o.p99_max.as_secs_f64() * 1000.0, "max_error_rate": o.max_error_rate,
            "min_throughput": o.min_throughput, "max_cpu": o.max_cpu },
        "limit": limit.map(|l| json!({ "flows_per_s": held.then_some(rate), "search_flows_per_s": l.rate,
            "probe_flows_per_s": l.probe, "steps": l.steps })),
        "sustained": { "rate": rate, "held_thresholds": held, "why": s.why, "phase": s.phase.json(), "attempts": s.attempts },
        "records": rep.json(),
        "passed": passed,
        "seconds": started.elapsed().as_secs_f64(),
    })
}

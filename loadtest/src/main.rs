//! paykka-load: load test of the merchant backend and the sandbox gateway on loopback.
//!
//! Both servers run in this process (their own tokio runtime, fresh data dirs, ephemeral
//! ports); the generator runs on another runtime. See `paykka-load --help` and the "Load
//! test" section of `backend/README.md`.

mod check;
mod flow;
mod opts;
mod stats;

use flow::{CardKey, Ctx, PayState};
use opts::Opts;
use serde_json::{Value, json};
use stats::Phase;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::{Duration, Instant};
use tokio::task::JoinSet;

/// How long the flows still in flight at the end of a phase may take.
const DRAIN: Duration = Duration::from_secs(30);
/// Per request.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
const WARM_UP_FLOWS: usize = 20;

fn main() -> ExitCode {
    let opts = match opts::parse(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("paykka-load: {e}\n(see --help)");
            return ExitCode::from(2);
        }
    };
    if opts.help {
        println!("{}", opts::USAGE);
        return ExitCode::SUCCESS;
    }
    match run(&opts) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("paykka-load: {e}");
            ExitCode::from(2)
        }
    }
}

struct Servers {
    sandbox: paykka_sandbox::Running,
    backend: paykka_backend::Running,
}

/// The in-process backend's server secret, sent by every request of the load test.
const SERVER_SECRET: &str = "load-test-server-secret-0123456789";

async fn start_servers(dir: &Path) -> Result<Servers, String> {
    use paykka_protocol::test_keys;
    let any: SocketAddr = "127.0.0.1:0".parse().expect("an address");
    let mut sc = paykka_sandbox::Config::new(any, dir.join("sandbox"));
    // Throw-away keys given, not generated: a start in milliseconds, and no key files to keep.
    sc.gateway_key_pem = Some(test_keys::GATEWAY.into());
    sc.card_key_pem = Some(test_keys::CARD.into());
    sc.log_requests = false;
    sc.frames_dir = None;
    sc.sdk_dir = None;
    let sandbox = paykka_sandbox::start(sc)
        .await
        .map_err(|e| format!("sandbox: {e}"))?;
    let mut bc = paykka_backend::Config::new(any, dir.join("backend"), sandbox.base_url.clone());
    bc.merchant_key_pem = Some(test_keys::MERCHANT.into());
    bc.log_requests = false;
    // The shoppers create their sessions as the merchant's server does (the flows' terms are
    // the load test's), and all come from one address: the abuse limits are not what this
    // measures (the backend's tests drive past each of them).
    bc.server_secret = Some(SERVER_SECRET.into());
    bc.limits = paykka_backend::LimitConfig::unlimited();
    let backend = paykka_backend::start(bc)
        .await
        .map_err(|e| format!("backend: {e}"))?;
    Ok(Servers { sandbox, backend })
}

fn temp_dir() -> PathBuf {
    std::env::temp_dir().join(format!(
        "paykka-load-{}-{}",
        std::process::id(),
        paykka_protocol::time::now_ms()
    ))
}

fn run(o: &Opts) -> Result<bool, String> {
    let dir = o.data_dir.clone().unwrap_or_else(temp_dir);
    if dir.join("sandbox").exists() || dir.join("backend").exists() {
        return Err(format!(
            "{}: already holds a sandbox or backend data dir; give an empty or new one",
            dir.display()
        ));
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let servers_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(o.server_threads)
        .thread_name("servers")
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let client_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(o.client_threads)
        .thread_name("load")
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let keep = o.keep_data || o.data_dir.is_some();
    let servers = match servers_rt.block_on(start_servers(&dir)) {
        Ok(s) => s,
        Err(e) => {
            if !keep {
                let _ = std::fs::remove_dir_all(&dir);
            }
            return Err(e);
        }
    };
    let sandbox_db = dir.join("sandbox").join("sandbox.sqlite");
    let backend_db = dir.join("backend").join("backend.sqlite");
    let backend_url = servers.backend.base_url.clone();
    println!(
        "paykka-load: sandbox {}, backend {}, data {}",
        servers.sandbox.base_url,
        backend_url,
        dir.display()
    );
    println!(
        "  machine: {} cores; servers on {} tokio workers, load generator on {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        o.server_threads,
        o.client_threads
    );
    let outcome = client_rt.block_on(drive(o, &backend_url, &sandbox_db, &backend_db));
    servers_rt.block_on(async {
        servers.backend.shutdown().await;
        servers.sandbox.shutdown().await;
    });
    drop(servers_rt);
    if keep {
        println!("  data kept in {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    let report = outcome?;
    if let Some(path) = &o.json {
        let text = serde_json::to_string_pretty(&report.json).expect("serialises");
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(parent);
        }
        std::fs::write(path, text + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
        println!("  report: {}", path.display());
    }
    Ok(report.passed)
}

struct Outcome {
    passed: bool,
    json: Value,
}

/// Open loop: a flow starts every 1/rate s whatever the earlier ones do; arrivals that find
/// `max_in_flight` flows running are shed (counted as errors).
async fn open_loop(
    ctx: &Arc<Ctx>,
    name: &str,
    rate: f64,
    window: Duration,
    max_in_flight: usize,
) -> Phase {
    let began = Instant::now();
    let cpu = stats::Cpu::now();
    let mut p = Phase::new(name, began);
    p.offered = Some(rate);
    p.window = window;
    let n = (rate * window.as_secs_f64()).round().max(1.0) as u64;
    p.planned = n;
    let gap = Duration::from_secs_f64(1.0 / rate);
    let mut set = JoinSet::new();
    for i in 0..n {
        let at = began + gap.mul_f64(i as f64);
        tokio::time::sleep_until(at.into()).await;
        while let Some(r) = set.try_join_next() {
            p.add(r.expect("a flow does not panic"));
        }
        if set.len() >= max_in_flight {
            p.error("shed:max_in_flight");
            continue;
        }
        p.started += 1;
        set.spawn(ctx.clone().flow(at));
    }
    drain(&mut p, set).await;
    p.cores = cpu.cores_since(began);
    p
}

/// Closed loop: `shoppers` shoppers, each starting its next flow when the last one ends.
async fn closed_loop(ctx: &Arc<Ctx>, name: &str, shoppers: usize, window: Duration) -> Phase {
    let began = Instant::now();
    let cpu = stats::Cpu::now();
    let mut p = Phase::new(name, began);
    p.shoppers = Some(shoppers);
    p.window = window;
    let end = began + window;
    let mut set = JoinSet::new();
    for _ in 0..shoppers {
        let ctx = ctx.clone();
        set.spawn(async move {
            let mut out = Vec::new();
            while Instant::now() < end {
                out.push(ctx.clone().flow(Instant::now()).await);
            }
            out
        });
    }
    while let Some(r) = set.join_next().await {
        for f in r.expect("a shopper does not panic") {
            p.started += 1;
            p.add(f);
        }
    }
    p.planned = p.started;
    p.cores = cpu.cores_since(began);
    // Throughput over the time the shoppers ran, not the window.
    p.window = p.elapsed;
    p
}

async fn drain(p: &mut Phase, mut set: JoinSet<flow::FlowResult>) {
    let deadline = tokio::time::Instant::now() + DRAIN;
    loop {
        match tokio::time::timeout_at(deadline, set.join_next()).await {
            Ok(Some(r)) => p.add(r.expect("a flow does not panic")),
            Ok(None) => return,
            Err(_) => {
                let left = set.len();
                set.abort_all();
                for _ in 0..left {
                    p.error("drain:cut_off");
                }
                return;
            }
        }
    }
}

/// Does a phase hold the thresholds? (verdict, why not)
fn judge(p: &Phase, o: &Opts) -> (bool, String) {
    let p99_max = o.p99_max.as_secs_f64() * 1000.0;
    let offered = p.offered.unwrap_or(0.0);
    let mut why = Vec::new();
    if p.error_rate() > o.max_error_rate {
        why.push(format!("error rate {:.2}%", 100.0 * p.error_rate()));
    }
    match p.worst_p99() {
        Some(v) if v > p99_max => why.push(format!("p99 {v:.0} ms")),
        None => why.push("no answers".into()),
        _ => {}
    }
    if p.throughput() < o.min_throughput * offered {
        why.push(format!("throughput {:.1}/s", p.throughput()));
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    if p.cores.0 > o.max_cpu * cores {
        why.push(format!("CPU saturated ({:.2} of {cores} cores)", p.cores.0));
    }
    (why.is_empty(), why.join(", "))
}

fn print_phase_line(p: &Phase, verdict: &str) {
    let p99 = |s: &str| stats::ms(p.steps[s].percentile(0.99));
    println!(
        "    {:>7.1} {:>6} {:>6} {:>5} {:>8.1} {:>8} {:>8} {:>8} {:>5.2} {:>5.2}   {verdict}",
        p.offered.unwrap_or(0.0),
        p.planned,
        p.ok,
        p.error_count(),
        p.throughput(),
        p99("create"),
        p99("pay"),
        p99("query"),
        p.cores.0,
        p.cores.1,
    );
}

/// Cores other processes kept busy during a phase above which its figures say more about
/// them than about the servers.
const OTHERS_MAX: f64 = 0.25;

fn warn_if_shared(p: &Phase) {
    let others = p.cores.1 - p.cores.0;
    if others > OTHERS_MAX {
        println!(
            "    ! other processes kept {others:.2} cores busy during this phase: its figures understate the machine"
        );
    }
}

struct Limit {
    rate: f64,
    probe: f64,
    steps: Vec<Value>,
}

/// Phase 1: a closed-loop probe for the order of magnitude, then open-loop steps around it.
async fn find_limit(ctx: &Arc<Ctx>, o: &Opts) -> Result<Limit, String> {
    let probe = closed_loop(ctx, "probe", o.probe_shoppers, o.probe).await;
    println!(
        "  probe (closed loop, {} shoppers, {:.1} s): {} flows, {:.1} flows/s, {} errors; cores busy: {:.2} this process, {:.2} machine",
        o.probe_shoppers,
        probe.elapsed.as_secs_f64(),
        probe.ok,
        probe.throughput(),
        probe.error_count(),
        probe.cores.0,
        probe.cores.1
    );
    warn_if_shared(&probe);
    let x = probe.throughput();
    if probe.ok == 0 || x < 0.5 {
        stats::print_errors(&probe);
        return Err("the probe completed no flow: nothing to load".into());
    }
    println!(
        "  limit search: open loop, {} s per step; a step passes with error rate <= {}%, p99 of \
         create, pay and query each <= {} ms, >= {}% of the offered rate completed, and this \
         process kept <= {}% of the cores busy (cpu, mach: cores busy in this process, in the \
         whole machine)",
        o.step.as_secs_f64(),
        100.0 * o.max_error_rate,
        o.p99_max.as_millis(),
        100.0 * o.min_throughput,
        100.0 * o.max_cpu
    );
    println!(
        "    {:>7} {:>6} {:>6} {:>5} {:>8} {:>8} {:>8} {:>8} {:>5} {:>5}",
        "offered", "flows", "ok", "err", "done/s", "create99", "pay99", "query99", "cpu", "mach"
    );
    let mut steps = Vec::new();
    let mut best: Option<f64> = None;
    let mut first_fail: Option<f64> = None;
    let try_rate = async |rate: f64, steps: &mut Vec<Value>| -> bool {
        let rate = (rate * 10.0).round() / 10.0;
        let p = open_loop(
            ctx,
            &format!("step {rate}/s"),
            rate,
            o.step,
            o.max_in_flight,
        )
        .await;
        let (ok, why) = judge(&p, o);
        let others = p.cores.1 - p.cores.0;
        let verdict = if ok { "pass".to_string() } else { why.clone() };
        let verdict = if others > OTHERS_MAX {
            format!("{verdict} (other processes: {others:.2} cores)")
        } else {
            verdict
        };
        print_phase_line(&p, &verdict);
        let mut j = p.json();
        j["passed"] = ok.into();
        j["why"] = why.into();
        steps.push(j);
        // let the queues of a failed step empty before the next one
        tokio::time::sleep(Duration::from_millis(500)).await;
        ok
    };
    for f in [0.5, 0.7, 0.85, 1.0, 1.15, 1.3] {
        let rate = x * f;
        if try_rate(rate, &mut steps).await {
            best = Some(rate);
        } else {
            first_fail = Some(rate);
            break;
        }
    }
    match (best, first_fail) {
        (Some(mut b), Some(mut f)) => {
            // two bisections between the last pass and the first failure
            for _ in 0..2 {
                let mid = (b + f) / 2.0;
                if try_rate(mid, &mut steps).await {
                    b = mid;
                    best = Some(mid);
                } else {
                    f = mid;
                }
            }
        }
        (None, _) => {
            for f in [0.35, 0.25, 0.15, 0.1] {
                if try_rate(x * f, &mut steps).await {
                    best = Some(x * f);
                    break;
                }
            }
        }
        _ => {}
    }
    let rate = best.ok_or("no step held the thresholds, even at 10% of the probe's rate")?;
    Ok(Limit {
        rate: (rate * 10.0).round() / 10.0,
        probe: x,
        steps,
    })
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

async fn setup(o: &Opts, backend: &str) -> Result<Arc<Ctx>, String> {
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
        backend: backend.to_string(),
        key,
        run_id: format!("{}", paykka_protocol::time::now_ms()),
        replay: o.replay,
        exp_year: year.to_string(),
        next_id: AtomicU64::new(0),
        ledger: Default::default(),
    }))
}

async fn drive(
    o: &Opts,
    backend: &str,
    sandbox_db: &Path,
    backend_db: &Path,
) -> Result<Outcome, String> {
    let started = Instant::now();
    let ctx = setup(o, backend).await?;

    // Warm-up: one shopper after the other; every flow must pass, or nothing else is worth it.
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

    let (mut rate, limit) = match o.rate {
        Some(r) => (r, None),
        None => {
            let l = find_limit(&ctx, o).await?;
            println!(
                "  limit search: {:.1} flows/s held a {} s step (probe {:.1} flows/s)",
                l.rate,
                o.step.as_secs_f64(),
                l.probe
            );
            ((l.rate * o.sustain_at * 10.0).round() / 10.0, Some(l))
        }
    };

    // Phase 2: the sustained run. After a search, a rate that does not hold the thresholds for
    // the whole run (near the limit a queue takes longer than a step to build up) is lowered
    // by 7% and run again, at most --retries times: the limit reported is the rate that held.
    let mut attempts = Vec::new();
    let (sustained, held, why) = loop {
        let p = open_loop(&ctx, "sustained", rate, o.duration, o.max_in_flight).await;
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
        if limit.is_none() || held || attempts.len() > o.retries {
            break (p, held, why);
        }
        rate = (rate * 0.93 * 10.0).round() / 10.0;
        println!("    did not hold: again at {rate:.1} flows/s");
        tokio::time::sleep(Duration::from_secs(1)).await;
    };
    stats::print_latency(&sustained);
    stats::print_errors(&sustained);
    if limit.is_some() {
        if held {
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

    // Answers lost in transit: ask for the result, as the SDK's return page would, so that the
    // backend learns of a charge it missed before its records are checked.
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
            .get(format!("{backend}/api/sessions/{sid}/result"))
            .send()
            .await;
    }
    let undelivered = check::drain_webhooks(sandbox_db, Duration::from_secs(60)).await?;
    let rep = check::check(&ctx.ledger.entries(), sandbox_db, backend_db)?;
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
    let error_ok = sustained.error_rate() <= o.max_error_rate;
    let passed = rep.passed() && error_ok;
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
    let json = json!({
        "machine": { "cores": std::thread::available_parallelism().map_or(0, |n| n.get()),
            "server_threads": o.server_threads, "client_threads": o.client_threads },
        "thresholds": { "p99_max_ms": o.p99_max.as_secs_f64() * 1000.0, "max_error_rate": o.max_error_rate,
            "min_throughput": o.min_throughput, "max_cpu": o.max_cpu },
        "limit": limit.as_ref().map(|l| json!({ "flows_per_s": held.then_some(rate), "search_flows_per_s": l.rate,
            "probe_flows_per_s": l.probe, "steps": l.steps })),
        "sustained": { "rate": rate, "held_thresholds": held, "why": why, "phase": sustained.json(), "attempts": attempts },
        "records": rep.json(),
        "passed": passed,
        "seconds": started.elapsed().as_secs_f64(),
    });
    Ok(Outcome { passed, json })
}

//! The phases of load: open loop (a fixed arrival rate), closed loop (a fixed number of
//! shoppers), and how a phase is judged and printed.

use crate::flow::{self, Ctx};
use crate::opts::Opts;
use crate::stats::{self, Phase};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::task::JoinSet;

/// How long the flows still in flight at the end of a phase may take.
const DRAIN: Duration = Duration::from_secs(30);

/// Cores other processes kept busy during a phase above which its figures say more about
/// them than about the servers.
pub const OTHERS_MAX: f64 = 0.25;

/// Open loop: a flow starts every 1/rate s whatever the earlier ones do; arrivals that find
/// `max_in_flight` flows running are shed (counted as errors).
pub async fn open_loop(
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
pub async fn closed_loop(ctx: &Arc<Ctx>, name: &str, shoppers: usize, window: Duration) -> Phase {
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
pub fn judge(p: &Phase, o: &Opts) -> (bool, String) {
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

pub fn print_phase_line(p: &Phase, verdict: &str) {
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

pub fn warn_if_shared(p: &Phase) {
    let others = p.cores.1 - p.cores.0;
    if others > OTHERS_MAX {
        println!(
            "    ! other processes kept {others:.2} cores busy during this phase: its figures understate the machine"
        );
    }
}

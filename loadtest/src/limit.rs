//! Phase 1, the limit search: a closed-loop probe for the order of magnitude, then open-loop
//! steps around it.

use crate::flow::Ctx;
use crate::opts::Opts;
use crate::phases::{OTHERS_MAX, closed_loop, judge, open_loop, print_phase_line, warn_if_shared};
use crate::stats;
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

pub struct Limit {
    pub rate: f64,
    pub probe: f64,
    pub steps: Vec<Value>,
}

/// Phase 1: a closed-loop probe for the order of magnitude, then open-loop steps around it.
pub async fn find_limit(ctx: &Arc<Ctx>, o: &Opts) -> Result<Limit, String> {
    let x = probe(ctx, o).await?;
    print_search_header(o);
    let mut steps = Vec::new();
    let best = search(ctx, o, x, &mut steps).await;
    let rate = best.ok_or("no step held the thresholds, even at 10% of the probe's rate")?;
    Ok(Limit {
        rate: (rate * 10.0).round() / 10.0,
        probe: x,
        steps,
    })
}

/// The closed-loop probe: its throughput, the order of magnitude the steps search around.
async fn probe(ctx: &Arc<Ctx>, o: &Opts) -> Result<f64, String> {
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
    Ok(x)
}

fn print_search_header(o: &Opts) {
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
}

/// Steps up from half the probe's rate `x` to the first failure, then two bisections between
/// the last pass and it; or, when even the first step fails, down until one passes. The best
/// rate that passed.
async fn search(ctx: &Arc<Ctx>, o: &Opts, x: f64, steps: &mut Vec<Value>) -> Option<f64> {
    let mut best: Option<f64> = None;
    let mut first_fail: Option<f64> = None;
    for f in [0.5, 0.7, 0.85, 1.0, 1.15, 1.3] {
        let rate = x * f;
        if try_rate(ctx, o, rate, steps).await {
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
                if try_rate(ctx, o, mid, steps).await {
                    b = mid;
                    best = Some(mid);
                } else {
                    f = mid;
                }
            }
        }
        (None, _) => {
            for f in [0.35, 0.25, 0.15, 0.1] {
                if try_rate(ctx, o, x * f, steps).await {
                    best = Some(x * f);
                    break;
                }
            }
        }
        _ => {}
    }
    best
}

/// One open-loop step at `rate` (rounded to 0.1/s): printed, recorded in `steps`, and whether
/// it held the thresholds.
async fn try_rate(ctx: &Arc<Ctx>, o: &Opts, rate: f64, steps: &mut Vec<Value>) -> bool {
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
}

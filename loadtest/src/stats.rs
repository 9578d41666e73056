//! Per-phase figures: latencies per step, errors by kind, throughput.

use crate::flow::FlowResult;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Latency samples of one step, in microseconds.
#[derive(Default, Clone)]
pub struct Samples(Vec<u32>);

impl Samples {
    pub fn push(&mut self, d: Duration) {
        self.0.push(d.as_micros().min(u32::MAX as u128) as u32);
    }

    /// Sorted copy.
    fn sorted(&self) -> Vec<u32> {
        let mut v = self.0.clone();
        v.sort_unstable();
        v
    }

    /// Nearest-rank percentile (`q` in 0..=1), in milliseconds; `None` without samples.
    pub fn percentile(&self, q: f64) -> Option<f64> {
        percentile(&self.sorted(), q)
    }

    pub fn summary(&self) -> Summary {
        let v = self.sorted();
        Summary {
            n: v.len(),
            p50: percentile(&v, 0.50),
            p95: percentile(&v, 0.95),
            p99: percentile(&v, 0.99),
            max: v.last().map(|&m| f64::from(m) / 1000.0),
        }
    }
}

fn percentile(sorted: &[u32], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    let i = rank.clamp(1, sorted.len()) - 1;
    Some(f64::from(sorted[i]) / 1000.0)
}

/// CPU time, to tell a saturated machine from one shared with other work: this process's
/// (servers and generator) and the whole machine's busy time, from `/proc` (Linux; zero
/// elsewhere), in seconds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cpu {
    pub own: f64,
    pub machine: f64,
}

impl Cpu {
    /// USER_HZ, 100 on every Linux port that matters here.
    const TICK: f64 = 0.01;

    pub fn now() -> Self {
        let own = std::fs::read_to_string("/proc/self/stat")
            .ok()
            .and_then(|s| {
                // the fields after the parenthesised command name: utime and stime are 14 and 15
                let rest = s.rsplit_once(')')?.1.to_string();
                let f: Vec<&str> = rest.split_whitespace().collect();
                Some(f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?)
            })
            .unwrap_or(0.0);
        let machine = std::fs::read_to_string("/proc/stat")
            .ok()
            .and_then(|s| {
                let line = s.lines().next()?.strip_prefix("cpu ")?.to_string();
                let v: Vec<f64> = line
                    .split_whitespace()
                    .filter_map(|x| x.parse().ok())
                    .collect();
                // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
                let all: f64 = v.iter().take(8).sum();
                Some(all - v.get(3)? - v.get(4).unwrap_or(&0.0))
            })
            .unwrap_or(0.0);
        Self {
            own: own * Self::TICK,
            machine: machine * Self::TICK,
        }
    }

    /// Cores busy on average since `self`: (this process, the whole machine).
    pub fn cores_since(&self, began: Instant) -> (f64, f64) {
        let now = Self::now();
        let secs = began.elapsed().as_secs_f64().max(1e-3);
        (
            (now.own - self.own) / secs,
            (now.machine - self.machine) / secs,
        )
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub n: usize,
    pub p50: Option<f64>,
    pub p95: Option<f64>,
    pub p99: Option<f64>,
    pub max: Option<f64>,
}

impl Summary {
    pub fn json(&self) -> Value {
        json!({ "n": self.n, "p50_ms": self.p50, "p95_ms": self.p95, "p99_ms": self.p99, "max_ms": self.max })
    }
}

pub const STEPS: [&str; 5] = ["create", "pay", "replay", "query", "flow"];

/// What one phase (warm-up, probe, a search step, the sustained run) did.
pub struct Phase {
    pub name: String,
    /// Open loop: flows/s offered. Closed loop: `None`.
    pub offered: Option<f64>,
    /// Closed loop: shoppers.
    pub shoppers: Option<usize>,
    /// Arrivals planned (open loop) or flows started (closed loop).
    pub planned: u64,
    pub started: u64,
    pub ok: u64,
    pub errors: BTreeMap<String, u64>,
    pub steps: BTreeMap<&'static str, Samples>,
    pub began: Instant,
    /// The arrival window (open loop) or the run time (closed loop).
    pub window: Duration,
    /// From the start to the end of the last flow.
    pub elapsed: Duration,
    pub replays: u64,
    /// Cores busy on average during the phase: (this process, the whole machine).
    pub cores: (f64, f64),
}

impl Phase {
    pub fn new(name: impl Into<String>, began: Instant) -> Self {
        Self {
            name: name.into(),
            offered: None,
            shoppers: None,
            planned: 0,
            started: 0,
            ok: 0,
            errors: BTreeMap::new(),
            steps: STEPS.iter().map(|s| (*s, Samples::default())).collect(),
            began,
            window: Duration::ZERO,
            elapsed: Duration::ZERO,
            replays: 0,
            cores: (0.0, 0.0),
        }
    }

    pub fn error(&mut self, kind: impl Into<String>) {
        *self.errors.entry(kind.into()).or_default() += 1;
    }

    pub fn add(&mut self, r: FlowResult) {
        for (step, d) in [
            ("create", r.create),
            ("pay", r.pay),
            ("replay", r.replay),
            ("query", r.query),
        ] {
            if let Some(d) = d {
                self.steps.get_mut(step).expect("known step").push(d);
            }
        }
        if r.replayed {
            self.replays += 1;
        }
        self.elapsed = self
            .elapsed
            .max(r.ended.saturating_duration_since(self.began));
        match r.error {
            None => {
                self.ok += 1;
                self.steps
                    .get_mut("flow")
                    .expect("known step")
                    .push(r.ended.saturating_duration_since(r.scheduled));
            }
            Some(kind) => self.error(kind),
        }
    }

    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }

    /// Errors over flows that were due (shed arrivals count as failed flows).
    pub fn error_rate(&self) -> f64 {
        let due = self.ok + self.error_count();
        if due == 0 {
            0.0
        } else {
            self.error_count() as f64 / due as f64
        }
    }

    /// Completed flows per second, over the arrival window or until the last flow ended,
    /// whichever is longer (a system that falls behind stretches the second).
    pub fn throughput(&self) -> f64 {
        let secs = self.window.max(self.elapsed).as_secs_f64();
        if secs == 0.0 {
            0.0
        } else {
            self.ok as f64 / secs
        }
    }

    /// The worst p99 of the HTTP steps (create, pay, query), in ms.
    pub fn worst_p99(&self) -> Option<f64> {
        ["create", "pay", "query"]
            .iter()
            .filter_map(|s| self.steps[s].percentile(0.99))
            .fold(None, |a: Option<f64>, b| Some(a.map_or(b, |a| a.max(b))))
    }

    pub fn json(&self) -> Value {
        json!({
            "name": self.name,
            "offered_flows_per_s": self.offered,
            "shoppers": self.shoppers,
            "planned": self.planned,
            "started": self.started,
            "completed": self.ok,
            "errors": self.error_count(),
            "error_rate": self.error_rate(),
            "errors_by_kind": self.errors,
            "replays": self.replays,
            "window_s": self.window.as_secs_f64(),
            "elapsed_s": self.elapsed.as_secs_f64(),
            "flows_per_s": self.throughput(),
            "cores_busy": { "this_process": self.cores.0, "machine": self.cores.1 },
            "latency": STEPS.iter().map(|s| (s.to_string(), self.steps[s].summary().json())).collect::<serde_json::Map<_, _>>(),
        })
    }
}

pub fn ms(v: Option<f64>) -> String {
    match v {
        Some(v) if v >= 100.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
        None => "-".into(),
    }
}

/// The latency table of a phase.
pub fn print_latency(p: &Phase) {
    println!(
        "    {:<8} {:>7} {:>8} {:>8} {:>8} {:>8}   (ms)",
        "step", "n", "p50", "p95", "p99", "max"
    );
    for s in STEPS {
        let m = p.steps[s].summary();
        if m.n == 0 {
            continue;
        }
        println!(
            "    {:<8} {:>7} {:>8} {:>8} {:>8} {:>8}",
            s,
            m.n,
            ms(m.p50),
            ms(m.p95),
            ms(m.p99),
            ms(m.max)
        );
    }
}

pub fn print_errors(p: &Phase) {
    if p.errors.is_empty() {
        println!("    errors: none");
        return;
    }
    println!(
        "    errors: {} ({:.2}% of flows)",
        p.error_count(),
        100.0 * p.error_rate()
    );
    for (k, n) in &p.errors {
        println!("      {n:>6}  {k}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank() {
        let mut s = Samples::default();
        for ms in 1..=100u64 {
            s.push(Duration::from_millis(ms));
        }
        assert_eq!(s.percentile(0.5), Some(50.0));
        assert_eq!(s.percentile(0.99), Some(99.0));
        assert_eq!(s.percentile(1.0), Some(100.0));
        assert_eq!(s.percentile(0.0), Some(1.0));
        assert_eq!(Samples::default().percentile(0.5), None);
    }
}

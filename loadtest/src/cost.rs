//! Where a flow's CPU goes, to name the bottleneck on a machine the run saturates: the RSA
//! private-key operations (the backend's signatures of its 3 gateway calls; the gateway
//! emulator's 4 card-field decryptions and its webhook signature), the rest of this process
//! (HTTP, JSON, the sandbox's SQLite, the backend's SQLite when it is the engine, the load
//! generator), and the PostgreSQL server's processes when it is the engine.

use paykka_protocol::sign::SigningKey;
use paykka_protocol::test_keys;
use serde_json::{Value, json};
use std::time::Instant;

/// Private-key operations of one flow: the backend's, the gateway emulator's.
const BACKEND_RSA_OPS: f64 = 3.0;
const GATEWAY_RSA_OPS: f64 = 5.0;
/// Linux's clock ticks per second for `/proc` CPU times.
const TICKS: f64 = 100.0;

/// CPU seconds used so far: this process's, and every `postgres` process's on the machine.
#[derive(Clone, Copy, Debug, Default)]
pub struct Cpu {
    pub own: f64,
    pub postgres: f64,
}

/// utime + stime of one `/proc/<pid>/stat` line, and the process's name.
fn cpu_of(stat: &str) -> Option<(String, f64)> {
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let name = stat[open + 1..close].to_string();
    let rest: Vec<&str> = stat[close + 2..].split_whitespace().collect();
    let ticks = rest.get(11)?.parse::<f64>().ok()? + rest.get(12)?.parse::<f64>().ok()?;
    Some((name, ticks / TICKS))
}

pub fn sample() -> Cpu {
    let own = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| cpu_of(&s))
        .map_or(0.0, |c| c.1);
    let mut postgres = 0.0;
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for e in dir.flatten() {
            let stat = std::fs::read_to_string(e.path().join("stat")).unwrap_or_default();
            if let Some((name, s)) = cpu_of(&stat)
                && name.starts_with("postgres")
            {
                postgres += s;
            }
        }
    }
    Cpu { own, postgres }
}

impl Cpu {
    pub fn since(&self, before: &Cpu) -> Cpu {
        Cpu {
            own: self.own - before.own,
            postgres: (self.postgres - before.postgres).max(0.0),
        }
    }
}

/// CPU nanoseconds this thread has run (`/proc/thread-self/schedstat`): unlike a clock, not
/// lengthened by other processes sharing the cores.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Milliseconds of CPU of one RSA-2048 private-key signature here (40 signed, on this thread's
/// CPU time; the wall clock where that cannot be read).
pub fn rsa_sign_ms() -> f64 {
    const N: u32 = 40;
    let Ok(key) = SigningKey::from_pem(test_keys::MERCHANT) else {
        return 0.0;
    };
    let (cpu, wall) = (thread_cpu_ns(), Instant::now());
    for i in 0..N {
        let _ = key.sign_bytes(format!("calibration {i}").as_bytes());
    }
    match (cpu, thread_cpu_ns()) {
        (Some(a), Some(b)) if b > a => (b - a) as f64 / 1e6 / f64::from(N),
        _ => wall.elapsed().as_secs_f64() * 1000.0 / f64::from(N),
    }
}

/// The CPU of `flows` flows, per flow and by part, and the largest part: printed and as JSON.
pub fn breakdown(cpu: &Cpu, flows: u64, sign_ms: f64, postgres: bool) -> (String, Value) {
    let per = |s: f64| {
        if flows == 0 {
            0.0
        } else {
            1000.0 * s / flows as f64
        }
    };
    let (own, db) = (per(cpu.own), per(cpu.postgres));
    let backend_rsa = BACKEND_RSA_OPS * sign_ms;
    let gateway_rsa = GATEWAY_RSA_OPS * sign_ms;
    let rest = (own - backend_rsa - gateway_rsa).max(0.0);
    let mut parts = vec![
        ("the backend's signing (RSA)", backend_rsa),
        ("the gateway emulator's RSA", gateway_rsa),
        (
            "the rest of the servers and the generator (HTTP, JSON, SQLite)",
            rest,
        ),
    ];
    if postgres {
        parts.push(("the database (PostgreSQL)", db));
    }
    let top = parts
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or("", |p| p.0);
    let text = format!(
        "cpu per flow: {own:.1} ms in this process (of it RSA {:.1} ms: backend {backend_rsa:.1}, gateway {gateway_rsa:.1}, at {sign_ms:.2} ms a signature){}; largest: {top}",
        backend_rsa + gateway_rsa,
        if postgres {
            format!(", {db:.1} ms in PostgreSQL")
        } else {
            String::new()
        },
    );
    let j = json!({ "ms_per_flow": { "this_process": own, "backend_rsa": backend_rsa, "gateway_rsa": gateway_rsa,
        "rest_in_process": rest, "postgres": postgres.then_some(db) }, "rsa_sign_ms": sign_ms, "largest": top });
    (text, j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proc_stat_line_gives_its_name_and_cpu_seconds() {
        let line = "4242 (postgres: x (y)) S 1 2 3 4 5 6 7 8 9 10 250 150 0 0 20 0 1 0 100 0 0";
        assert_eq!(cpu_of(line), Some(("postgres: x (y)".into(), 4.0)));
        assert_eq!(cpu_of("garbage"), None);
    }
}

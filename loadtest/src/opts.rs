//! Command-line options (no argument-parsing crate: a handful of `--name value` pairs).

use std::path::PathBuf;
use std::time::Duration;

pub const USAGE: &str = "\
paykka-load: load test of the merchant backend and the sandbox gateway, both started in this
process on loopback ephemeral ports with fresh data dirs. Each virtual shopper creates a session,
pays with a test card (envelopes encrypted as the secure frames do, one Idempotency-Key per
payment; a fraction replayed with the same key) and queries the result. Afterwards the sandbox's
and the backend's SQLite records are checked: no payment lost, none duplicated.

USAGE: paykka-load [OPTIONS]

Phases: (1) find the limit: a closed-loop probe, then open-loop steps of rising offered rate,
until a step breaks the thresholds, and two bisections; (2) a sustained run at the limit (or
at --rate), run again 7% lower if it does not hold the thresholds for its whole length.

OPTIONS
  --rate <flows/s>        skip the limit search and sustain this offered rate
  --duration <time>       length of the sustained run (default 20s)
  --step <time>           length of each limit-search step (default 8s: near the limit a
                          queue takes seconds to build up, shorter steps pass rates they
                          would not hold)
  --probe <time>          length of the closed-loop probe (default 3s)
  --probe-shoppers <n>    concurrent shoppers in the probe (default 8)
  --sustain-at <f>        sustained rate = f x the limit found (default 1.0)
  --retries <n>           after a search, a sustained run over a threshold is run again at
                          7% less, at most n times (default 2); the limit reported is the rate
                          that held for the whole run
  --p99-max <time>        a step passes if the p99 of each request (create, pay, query) is
                          at most this (default 250ms)...
  --max-error-rate <f>    ...and at most this fraction of its flows failed (default 0.01); the
                          sustained run fails above it too
  --min-throughput <f>    ...and it completed at least f x the offered rate (default 0.95)...
  --max-cpu <f>           ...and this process (servers and generator) kept at most f of the
                          machine's cores busy (default 0.92): a saturated CPU means a queue
                          that only grows, however short a step hides it
  --replay <f>            fraction of payments sent twice with the same Idempotency-Key, half
                          after the answer, half concurrently (default 0.05)
  --max-in-flight <n>     flows in flight at most; arrivals beyond are shed, counted as errors
                          (default 256)
  --server-threads <n>    tokio workers of the servers (default: the number of cores)
  --client-threads <n>    tokio workers of the load generator (default 1)
  --instances <n>         backend instances, all on one PostgreSQL database (default 1; more
                          than 1 needs --database-url); every request goes to the next
                          instance in turn, as behind a load balancer (at most 8)
  --database-url <url>    the backends' database: postgres://... (a fresh schema is made in it
                          for the run); default each run's own SQLite file. scripts/load.sh
                          starts a throwaway cluster for `--database postgres`
  --json <file>           also write the report as JSON
  --data-dir <dir>        data dir of the servers (default: a fresh temp dir, removed after)
  --keep-data             keep the data dir
  -h, --help

Exit status: 0 pass; 1 a payment lost or duplicated, a record check failed, or the sustained
run's error rate above --max-error-rate; 2 bad usage or the servers did not start.
Times: 20s, 500ms, 1.5s, or plain seconds.";

#[derive(Debug, Clone)]
pub struct Opts {
    pub rate: Option<f64>,
    pub duration: Duration,
    pub step: Duration,
    pub probe: Duration,
    pub probe_shoppers: usize,
    pub sustain_at: f64,
    pub retries: usize,
    pub p99_max: Duration,
    pub max_error_rate: f64,
    pub min_throughput: f64,
    pub max_cpu: f64,
    pub replay: f64,
    pub max_in_flight: usize,
    pub server_threads: usize,
    pub client_threads: usize,
    pub instances: usize,
    pub database_url: Option<String>,
    pub json: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub keep_data: bool,
    pub help: bool,
}

impl Default for Opts {
    fn default() -> Self {
        Self {
            rate: None,
            duration: Duration::from_secs(20),
            step: Duration::from_secs(8),
            probe: Duration::from_secs(3),
            probe_shoppers: 8,
            sustain_at: 1.0,
            retries: 2,
            p99_max: Duration::from_millis(250),
            max_error_rate: 0.01,
            min_throughput: 0.95,
            max_cpu: 0.92,
            replay: 0.05,
            max_in_flight: 256,
            server_threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            client_threads: 1,
            instances: 1,
            database_url: None,
            json: None,
            data_dir: None,
            keep_data: false,
            help: false,
        }
    }
}

/// `20s`, `500ms`, `1.5s`, `2m` or plain seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (num, unit) = match s.find(|c: char| c.is_ascii_alphabetic()) {
        Some(i) => s.split_at(i),
        None => (s, "s"),
    };
    let n: f64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a duration"))?;
    let secs = match unit {
        "ms" => n / 1000.0,
        "s" => n,
        "m" | "min" => n * 60.0,
        _ => return Err(format!("{s:?}: unit must be ms, s or m")),
    };
    if !secs.is_finite() || secs <= 0.0 || secs > 3600.0 {
        return Err(format!("{s:?}: must be more than 0 and at most 1 hour"));
    }
    Ok(Duration::from_secs_f64(secs))
}

fn fraction(name: &str, s: &str, max: f64) -> Result<f64, String> {
    let f: f64 = s
        .parse()
        .map_err(|_| format!("{name}: {s:?} is not a number"))?;
    if !(0.0..=max).contains(&f) {
        return Err(format!("{name}: must be between 0 and {max}"));
    }
    Ok(f)
}

fn count(name: &str, s: &str, max: usize) -> Result<usize, String> {
    let n: usize = s
        .parse()
        .map_err(|_| format!("{name}: {s:?} is not a whole number"))?;
    if n == 0 || n > max {
        return Err(format!("{name}: must be between 1 and {max}"));
    }
    Ok(n)
}

pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Opts, String> {
    let mut o = Opts::default();
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        // `--name=value` as well as `--name value`
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name.as_str() {
            "-h" | "--help" => o.help = true,
            "--rate" => {
                let v = value()?;
                let r: f64 = v
                    .parse()
                    .map_err(|_| format!("--rate: {v:?} is not a number"))?;
                if !(r > 0.0 && r <= 5000.0) {
                    return Err("--rate: must be more than 0 and at most 5000 flows/s".into());
                }
                o.rate = Some(r);
            }
            "--duration" => o.duration = parse_duration(&value()?)?,
            "--step" => o.step = parse_duration(&value()?)?,
            "--probe" => o.probe = parse_duration(&value()?)?,
            "--probe-shoppers" => o.probe_shoppers = count(&name, &value()?, 1024)?,
            "--sustain-at" => o.sustain_at = fraction(&name, &value()?, 2.0)?,
            "--retries" => {
                let v = value()?;
                o.retries = v
                    .parse()
                    .ok()
                    .filter(|n| *n <= 10)
                    .ok_or(format!("--retries: {v:?} is not 0 to 10"))?;
            }
            "--p99-max" => o.p99_max = parse_duration(&value()?)?,
            "--max-error-rate" => o.max_error_rate = fraction(&name, &value()?, 1.0)?,
            "--min-throughput" => o.min_throughput = fraction(&name, &value()?, 1.0)?,
            "--max-cpu" => o.max_cpu = fraction(&name, &value()?, 1.0)?,
            "--replay" => o.replay = fraction(&name, &value()?, 1.0)?,
            "--max-in-flight" => o.max_in_flight = count(&name, &value()?, 100_000)?,
            "--server-threads" => o.server_threads = count(&name, &value()?, 256)?,
            "--client-threads" => o.client_threads = count(&name, &value()?, 256)?,
            "--instances" => o.instances = count(&name, &value()?, 8)?,
            "--database-url" => {
                let v = value()?;
                if !(v.starts_with("postgres://") || v.starts_with("postgresql://")) {
                    return Err("--database-url: expected postgres://...".into());
                }
                o.database_url = Some(v);
            }
            "--json" => o.json = Some(PathBuf::from(value()?)),
            "--data-dir" => o.data_dir = Some(PathBuf::from(value()?)),
            "--keep-data" => o.keep_data = true,
            _ => return Err(format!("unknown option {arg:?}")),
        }
    }
    if o.sustain_at == 0.0 {
        return Err("--sustain-at: must be more than 0".into());
    }
    if o.instances > 1 && o.database_url.is_none() {
        return Err("--instances above 1 needs --database-url (one PostgreSQL for all)".into());
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("20s"), Ok(Duration::from_secs(20)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("8"), Ok(Duration::from_secs(8)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("5h").is_err());
        assert!(parse_duration("fast").is_err());
    }

    #[test]
    fn options() {
        let o = parse(args("--rate 20 --duration=8s --replay 0.1 --json out.json")).unwrap();
        assert_eq!(o.rate, Some(20.0));
        assert_eq!(o.duration, Duration::from_secs(8));
        assert_eq!(o.replay, 0.1);
        assert_eq!(o.json, Some(PathBuf::from("out.json")));
        assert!(parse(args("--rate")).is_err());
        assert!(parse(args("--rate 0")).is_err());
        assert!(parse(args("--replay 2")).is_err());
        assert!(parse(args("--bogus")).is_err());
        assert!(parse(args("--help")).unwrap().help);
        assert!(
            parse(args("--instances 2")).is_err(),
            "two instances need PostgreSQL"
        );
        let o = parse(args(
            "--instances 2 --database-url postgres://u@127.0.0.1:5/db",
        ))
        .unwrap();
        assert_eq!(o.instances, 2);
        assert!(parse(args("--database-url sqlite://x")).is_err());
    }
}

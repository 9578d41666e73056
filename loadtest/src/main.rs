//! paykka-load: load test of the merchant backend and the sandbox gateway on loopback.
//!
//! Both servers run in this process (their own tokio runtime, fresh data dirs, ephemeral
//! ports); the generator runs on another runtime. See `paykka-load --help` and the "Load
//! test" section of `backend/README.md`.
//!
//! Modules: [`opts`] the command line, [`servers`] the servers in process, [`flow`] one
//! shopper (and the card sealing), [`phases`] open and closed loops and their verdicts,
//! [`limit`] the limit search, [`drive`] the whole run, [`check`] both servers' records,
//! [`stats`] latencies, errors and CPU, [`cost`] where the CPU of a flow goes, [`records`] the
//! backend's records from SQLite or PostgreSQL.

mod check;
mod cost;
mod drive;
mod flow;
mod limit;
mod opts;
mod phases;
mod records;
mod servers;
mod stats;

use opts::Opts;
use std::process::ExitCode;

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

fn runtime(threads: usize, name: &str) -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .thread_name(name)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())
}

fn run(o: &Opts) -> Result<bool, String> {
    let dir = o.data_dir.clone().unwrap_or_else(servers::temp_dir);
    if dir.join("sandbox").exists() || dir.join("backend").exists() {
        return Err(format!(
            "{}: already holds a sandbox or backend data dir; give an empty or new one",
            dir.display()
        ));
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let servers_rt = runtime(o.server_threads, "servers")?;
    let client_rt = runtime(o.client_threads, "load")?;
    let keep = o.keep_data || o.data_dir.is_some();
    // On PostgreSQL, a schema of the run's own, so a cluster can serve run after run.
    let database_url = match &o.database_url {
        Some(base) => Some(servers_rt.block_on(paykka_backend::testing::new_schema(base, "load"))?),
        None => None,
    };
    let started = servers::start_servers(&dir, o.instances, database_url.as_deref());
    let servers = match servers_rt.block_on(started) {
        Ok(s) => s,
        Err(e) => {
            if !keep {
                let _ = std::fs::remove_dir_all(&dir);
            }
            return Err(e);
        }
    };
    let sandbox_db = dir.join("sandbox").join("sandbox.sqlite");
    let backend_db = match &database_url {
        Some(url) => records::BackendDb::Postgres {
            url: url.clone(),
            snapshot: dir.join("backend-records.sqlite"),
        },
        None => records::BackendDb::Sqlite(dir.join("backend").join("backend.sqlite")),
    };
    let backend_urls: Vec<String> = servers
        .backends
        .iter()
        .map(|b| b.base_url.clone())
        .collect();
    println!(
        "paykka-load: sandbox {}, {} backend instance(s) {} on {}, data {}",
        servers.sandbox.base_url,
        backend_urls.len(),
        backend_urls.join(" "),
        servers.backends[0].state.store.engine(),
        dir.display()
    );
    println!(
        "  machine: {} cores; servers on {} tokio workers, load generator on {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        o.server_threads,
        o.client_threads
    );
    let outcome = client_rt.block_on(drive::drive(o, &backend_urls, &sandbox_db, &backend_db));
    servers_rt.block_on(async {
        for b in servers.backends {
            b.shutdown().await;
        }
        servers.sandbox.shutdown().await;
    });
    drop(servers_rt);
    if keep {
        println!("  data kept in {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    write_report(o, outcome?)
}

/// Writes the JSON report where `--json` says, if it does; the verdict.
fn write_report(o: &Opts, report: drive::Outcome) -> Result<bool, String> {
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

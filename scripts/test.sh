#!/usr/bin/env bash
# Every test: native (core, i18n, servers), wasm in headless Chromium, end-to-end against the demo.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/bootstrap.sh"

# The bootstrap's offline self-check must catch a cache that lacks crates (issue 19: the
# nightly's std crates were never fetched, and only a fresh machine's e2e build found out).
empty_cargo_home="$(mktemp -d)"
if CARGO_HOME="$empty_cargo_home" "$REPO_ROOT/scripts/bootstrap.sh" --check-offline 2>"$empty_cargo_home.err" \
  || ! grep -q "std workspace" "$empty_cargo_home.err"; then
  echo "test: bootstrap --check-offline passed on an empty cargo cache; it must name the missing fetch" >&2
  exit 1
fi
rm -rf "$empty_cargo_home" "$empty_cargo_home.err"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "format and lints (cargo fmt --check, cargo clippy -D warnings: the servers, and the wasm crates on wasm32)"
cargo fmt --all --check
# The Leptos shop example is its own workspace (examples/leptos-shop).
cargo fmt --check --manifest-path examples/leptos-shop/Cargo.toml
# The fuzz workspace builds on nightly with cargo-fuzz (fuzz/README.md); its sources are checked
# for format here, file by file, so the check needs neither its toolchain nor libFuzzer.
find fuzz/src fuzz/fuzz_targets fuzz/examples fuzz/clippy-shim -name '*.rs' -print0 | xargs -0 rustfmt --edition 2024 --check
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked -p paykka-checkout -p paykka-card-frame --target wasm32-unknown-unknown \
  --features paykka-checkout/js-api,paykka-checkout/plain-card-form-outside-saq-a --all-targets -- -D warnings
# ... and the fuzz workspace's, with libfuzzer-sys standing in (scripts/clippy-fuzz.sh).
scripts/clippy-fuzz.sh
# The published crates' documentation builds without a warning (broken links, missing docs).
RUSTDOCFLAGS="-D warnings" cargo doc --locked -q --no-deps -p paykka-checkout -p paykka-core -p paykka-protocol
step "publishable crates (scripts/check-publish.sh: cargo package, manifests, files)"
scripts/check-publish.sh
step "crypto crates: one major version each (scripts/check-crypto-versions.py)"
python3 scripts/check-crypto-versions.py
# ... and the check does fail on a lockfile with a second sha2.
second_sha2="$(mktemp)"
{ cat Cargo.lock; printf '\n[[package]]\nname = "sha2"\nversion = "0.11.0"\n'; } >"$second_sha2"
if python3 scripts/check-crypto-versions.py "$second_sha2" >/dev/null 2>&1; then
  echo "test: check-crypto-versions.py accepted two major versions of sha2" >&2
  exit 1
fi
rm -f "$second_sha2"

OUT="$REPO_ROOT/target/test-output"
mkdir -p "$OUT"
started=$(date +%s)

step "PostgreSQL: a throwaway cluster on 127.0.0.1 (scripts/pg.sh) for the backend's PostgreSQL tests"
# The backend's store, instance and outage tests run on SQLite and on this cluster; with
# BACKEND_TEST_REQUIRE_POSTGRES=1 a test that finds no cluster fails instead of skipping.
BACKEND_TEST_DATABASE_URL="$(scripts/pg.sh start --fresh test)"
export BACKEND_TEST_DATABASE_URL BACKEND_TEST_REQUIRE_POSTGRES=1
trap 'scripts/pg.sh destroy test' EXIT
echo "cluster: $BACKEND_TEST_DATABASE_URL"

step "native tests (cargo test --workspace; the backend's store and concurrency tests on SQLite and PostgreSQL)"
cargo test --locked --workspace 2>&1 | tee "$OUT/native.log"

step "load test (scripts/load.sh: 8 s at 15 flows/s, no payment lost or duplicated)"
# Short and at a modest fixed rate; the debug build reuses the test build (a release one would
# take minutes). `make load` finds the limit in release.
scripts/load.sh --debug --rate 15 --duration 8s 2>&1 | tee "$OUT/load.log"
scripts/pg.sh destroy test

step "browser tests (wasm-bindgen-test in headless Chromium)"
# wasm-bindgen-test's Chromium makes its profile under $TMPDIR and is killed, not closed, so the
# profile (about 110 MB with the test's wasm in its cache) stays: 259 of them, 9 GB, filled a
# CI machine's disk. Here they go in a folder that is emptied after the run.
browser_tmp="$REPO_ROOT/target/tmp/wasm-browser"
rm -rf "$browser_tmp" && mkdir -p "$browser_tmp"
TMPDIR="$browser_tmp" cargo test --locked -p paykka-checkout --target wasm32-unknown-unknown --features plain-card-form-outside-saq-a --test '*' 2>&1 | tee "$OUT/wasm.log"
rm -rf "$browser_tmp"

step "the Leptos shop example (examples/leptos-shop/build.sh: the crate as a user depends on it, unpatched)"
# Built here, before the end-to-end run that pays in it (its test builds it only when stale):
# the first build compiles Leptos for wasm, minutes on 2 cores.
examples/leptos-shop/build.sh 2>&1 | tee "$OUT/leptos-shop.log"

step "end-to-end tests (playwright-core + Chromium against the demo servers)"
# A fresh data dir, so the tests see a gateway and a backend that start empty.
export PAYKKA_DATA_DIR="$REPO_ROOT/target/e2e-data"
# The servers' debug build, which the native tests above already compiled (the demo and the
# bench run them in release).
export PAYKKA_SERVERS_PROFILE=debug
rm -rf "$PAYKKA_DATA_DIR"
scripts/servers.sh --exec bash -c 'cd e2e && node --test --test-concurrency=1 --test-reporter=spec tests/' 2>&1 | tee "$OUT/e2e.log"

step "end-to-end tests against a gateway speaking PayKKa's v1.2 API (session, 3DS card, query, webhook)"
# The whole suite above ran against v3 (the default); the same servers, restarted on fresh data
# with PAYKKA_API_VERSION=v1.2, take the smaller set.
rm -rf "$PAYKKA_DATA_DIR"
PAYKKA_API_VERSION=v1.2 scripts/servers.sh --exec bash -c 'cd e2e && node --test --test-concurrency=1 --test-reporter=spec tests/gateway-api.test.mjs' 2>&1 | tee "$OUT/e2e-v1.2.log"

step "size budgets (budgets.txt)"
budgets_ok=1
scripts/check-budgets.sh 2>&1 | tee "$OUT/budgets.log" || budgets_ok=0

# Totals from each runner's own summary lines.
sum_cargo() { grep -E '^test result:' "$1" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed; ([0-9]+) ignored.*/\1 \2 \3/' \
  | awk '{p+=$1; f+=$2; i+=$3} END {printf "%d %d %d", p, f, i}'; }
read -r native_pass native_fail native_ignored <<<"$(sum_cargo "$OUT/native.log")"
read -r wasm_pass wasm_fail _ <<<"$(sum_cargo "$OUT/wasm.log")"
e2e_pass=$(grep -E '^ℹ pass [0-9]+' "$OUT/e2e.log" | awk '{print $3}' | tail -1)
e2e_fail=$(grep -E '^ℹ fail [0-9]+' "$OUT/e2e.log" | awk '{print $3}' | tail -1)
v12_pass=$(grep -E '^ℹ pass [0-9]+' "$OUT/e2e-v1.2.log" | awk '{print $3}' | tail -1)
v12_fail=$(grep -E '^ℹ fail [0-9]+' "$OUT/e2e-v1.2.log" | awk '{print $3}' | tail -1)
e2e_pass=${e2e_pass:-0}; e2e_fail=${e2e_fail:-0}; v12_pass=${v12_pass:-0}; v12_fail=${v12_fail:-0}

step "test totals ($(( $(date +%s) - started )) s)"
printf '  native:      %4d passed, %d failed, %d ignored\n' "$native_pass" "$native_fail" "$native_ignored"
printf '  wasm:        %4d passed, %d failed\n' "$wasm_pass" "$wasm_fail"
printf '  end-to-end:  %4d passed, %d failed (v3 gateway)\n' "$e2e_pass" "$e2e_fail"
printf '  end-to-end:  %4d passed, %d failed (v1.2 gateway)\n' "$v12_pass" "$v12_fail"
printf '  load:        %s\n' "$(grep -E '^ +(sustained|lost):' "$OUT/load.log" | sed -E 's/^ +//; s/;.*//' | paste -sd ' ' -)"
total_pass=$((native_pass + wasm_pass + e2e_pass + v12_pass))
total_fail=$((native_fail + wasm_fail + e2e_fail + v12_fail))
if ((wasm_pass == 0 || e2e_pass == 0 || v12_pass == 0)); then
  echo "test: a suite ran no test" >&2
  exit 1
fi
if ((budgets_ok == 0)); then
  echo "test: a bundle is over its size budget (budgets.txt)" >&2
  exit 1
fi
echo "$total_pass passed, $total_fail failed"
((total_fail == 0))

#!/usr/bin/env bash
# Clippy over the fuzz workspace (its checks, targets and seed writer) on stable and offline.
# The workspace needs libfuzzer-sys, which is built for nightly by cargo-fuzz and is not in the
# offline crate cache; a copy of the workspace with libfuzzer-sys patched to a stand-in
# (fuzz/clippy-shim: fuzz_target! as a plain function) checks everything else as written.
# Its starting lock is the main workspace's, so every shared crate resolves at the same version.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
copy="$REPO_ROOT/target/fuzz-clippy"
rm -rf "$copy"
mkdir -p "$copy"
cp -r "$REPO_ROOT/fuzz/src" "$REPO_ROOT/fuzz/fuzz_targets" "$REPO_ROOT/fuzz/examples" "$copy/"
# The path dependencies point back into the repository; the patch goes to the stand-in.
sed -e "s#path = \"\.\./#path = \"$REPO_ROOT/#" "$REPO_ROOT/fuzz/Cargo.toml" >"$copy/Cargo.toml"
printf '\n[patch.crates-io]\nlibfuzzer-sys = { path = "%s/fuzz/clippy-shim" }\n' "$REPO_ROOT" >>"$copy/Cargo.toml"
cp "$REPO_ROOT/Cargo.lock" "$copy/Cargo.lock"
cd "$copy"
CARGO_TARGET_DIR="$REPO_ROOT/target" cargo clippy --offline --all-targets -q -- -D warnings -D unsafe_code

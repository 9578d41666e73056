#!/usr/bin/env bash
# Fuzzes every target of fuzz/ (cargo-fuzz, libFuzzer, nightly) for N seconds each and prints
# one `name execs seconds` line per target. See fuzz/README.md.
#
#   scripts/fuzz.sh [SECONDS] [--update-corpus] [TARGET...]
#
# SECONDS defaults to 60; no TARGET means all of them. The committed corpus fuzz/corpus/<target>
# is only read: new inputs go to fuzz/target/corpus-new/<target>. With --update-corpus, the
# inputs that add coverage are then merged into fuzz/corpus/<target> (libFuzzer -set_cover_merge=1, each
# named by its SHA-1 as libFuzzer does; the hand-made seed-* files always stay). A crash leaves
# its input in fuzz/artifacts/<target>/ and makes the script exit 1 once every target ran.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT/fuzz"

CARGO_FUZZ_VERSION=0.13.2
# Safe Rust under test: no sanitizer, for speed; debug assertions and overflow checks stay on.
SANITIZER="${FUZZ_SANITIZER:-none}"

seconds=60
update=0
targets=()
for arg in "$@"; do
  case "$arg" in
    --update-corpus) update=1 ;;
    '' | *[!0-9]*) targets+=("$arg") ;;
    *) seconds=$arg ;;
  esac
done

if ! cargo +nightly --version >/dev/null 2>&1; then
  rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz >/dev/null; then
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --root "$PAYKKA_TOOLS"
fi
if ((${#targets[@]} == 0)); then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

cargo +nightly fuzz build -s "$SANITIZER" >&2

merge() {
  local t=$1 merged f
  merged=$(mktemp -d)
  cargo +nightly fuzz run -s "$SANITIZER" "$t" "$merged" "corpus/$t" "target/corpus-new/$t" \
    -- -set_cover_merge=1 >"target/fuzz-$t-merge.log" 2>&1
  local -A seeds=()
  for f in "corpus/$t"/seed-*; do
    [[ -e "$f" ]] && seeds[$(sha1sum <"$f" | cut -d' ' -f1)]=1
  done
  find "corpus/$t" -maxdepth 1 -type f ! -name 'seed-*' -delete
  for f in "$merged"/*; do
    [[ -n "${seeds[$(basename "$f")]:-}" ]] || cp "$f" "corpus/$t/"
  done
  rm -rf "$merged"
  echo "fuzz: corpus/$t now $(find "corpus/$t" -type f | wc -l) files, $(du -sb "corpus/$t" | cut -f1) bytes" >&2
}

failed=()
echo "# target execs seconds"
for t in "${targets[@]}"; do
  mkdir -p "target/corpus-new/$t" "artifacts/$t"
  log="target/fuzz-$t.log"
  started=$(date +%s)
  status=0
  cargo +nightly fuzz run -s "$SANITIZER" "$t" "target/corpus-new/$t" "corpus/$t" \
    -- -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1 || status=$?
  execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -1)
  secs=$(sed -nE 's/^Done [0-9]+ runs in ([0-9]+) second.*/\1/p' "$log" | tail -1)
  echo "$t ${execs:-?} ${secs:-$(($(date +%s) - started))}"
  if ((status != 0)); then
    failed+=("$t")
    echo "fuzz: $t failed (exit $status), see fuzz/$log:" >&2
    grep -E "panicked at|Test unit written to|^artifact_prefix" -A2 "$log" >&2 || tail -20 "$log" >&2
  elif ((update)); then
    merge "$t"
  fi
done

if ((${#failed[@]})); then
  echo "fuzz: crashes in ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi

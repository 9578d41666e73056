#!/usr/bin/env bash
# Load test of the merchant backend and the sandbox gateway on loopback (crate loadtest/,
# binary paykka-load): both servers start inside paykka-load on ephemeral ports with fresh
# temp data dirs (the demo's 8787/8788/8080 are not touched). Virtual shoppers create a
# session, pay with a test card (card fields sealed as the secure frames do, one
# Idempotency-Key per payment, 5% replayed), query the result; then the sandbox's and the
# backend's records are checked: no payment lost, none duplicated.
#
#   scripts/load.sh                                 release build; find the limit, then 20 s at it
#   scripts/load.sh --rate 40 --duration 60s        a fixed rate, no search
#   scripts/load.sh --debug --rate 15 --duration 8s what `make test` runs (debug build: it reuses
#                                                   the test build, a release one takes minutes)
#   scripts/load.sh --instances 2                   two backend instances on one PostgreSQL: a
#                                                   throwaway cluster (scripts/pg.sh, 127.0.0.1,
#                                                   removed after); --database postgres for one
# Other arguments go to paykka-load (`--help`). Exit status: paykka-load's (0 pass, 1 a payment
# lost or duplicated or too many errors, 2 could not run). Report:
# target/load/report-<profile>[-<engine>-<n>i].json
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

profile=release
args=()
database=sqlite
instances=1
prev=""
for a in "$@"; do
  case "$prev" in
    --database) database=$a; prev=""; continue ;;
    --instances) instances=$a ;;
  esac
  case "$a" in
    --debug) profile=debug ;;
    --database) ;;
    --database=*) database=${a#--database=} ;;
    --instances=*) instances=${a#--instances=}; args+=("$a") ;;
    *) args+=("$a") ;;
  esac
  prev=$a
done
# More than one instance needs one database for all.
if [[ $instances != 1 ]]; then database=postgres; fi
report="target/load/report-$profile.json"
if [[ $database == postgres ]]; then
  # A throwaway cluster of the run's own, on loopback, removed at the end however it ends.
  pg_url="$(scripts/pg.sh start --fresh load)"
  trap 'scripts/pg.sh destroy load' EXIT
  args+=(--database-url "$pg_url")
  report="target/load/report-$profile-postgres-${instances}i.json"
elif [[ $database != sqlite ]]; then
  echo "load.sh: --database is sqlite or postgres" >&2; exit 2
fi

if [[ $profile == release ]]; then
  cargo build --release --locked -q -p paykka-load
else
  cargo build --locked -q -p paykka-load
fi
mkdir -p target/load
# The sandbox logs every webhook delivery on stderr whatever its log setting: thousands of
# lines here, kept out; everything else on stderr passes, stdout stays stdout.
set +e
{ "target/$profile/paykka-load" --json "$report" "${args[@]}" 2>&1 1>&3 3>&- \
  | grep --line-buffered -v '^sandbox webhook ' >&2; } 3>&1
status=${PIPESTATUS[0]}
set -e
exit "$status"

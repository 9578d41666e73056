#!/usr/bin/env bash
# Starts the demo: sandbox gateway (8788), merchant backend (8787) and the demo shop's web server
# (8080: `paykka-shop-web` serving what `trunk build --release` wrote into dist/, compressed as a
# CDN would), waits until all three answer and prints the URL.
#   scripts/servers.sh                 run until Ctrl-C, then stop all three
#   scripts/servers.sh --exec CMD...   run CMD against the running demo, stop, exit with its status
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

LOGS="$REPO_ROOT/target/logs"
rm -f "$LOGS"/*.pid
# trunk refuses watch-ignore paths that do not exist yet.
mkdir -p "$REPO_ROOT/.data"
mkdir -p "$LOGS"
: "${PAYKKA_DATA_DIR:=$REPO_ROOT/.data}"
export SANDBOX_DATA_DIR="${SANDBOX_DATA_DIR:-$PAYKKA_DATA_DIR/sandbox}"
export BACKEND_DATA_DIR="${BACKEND_DATA_DIR:-$PAYKKA_DATA_DIR/backend}"

for port in 8788 8787 8080; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "servers: port $port is already in use (is another 'make demo' running?)" >&2
    exit 1
  fi
done

# The servers run optimized, as a merchant would deploy them (`make bench`'s load times include
# their answers). The test run sets PAYKKA_SERVERS_PROFILE=debug to reuse its own build; the
# end-to-end tests that restart a server read it too.
export PAYKKA_SERVERS_PROFILE="${PAYKKA_SERVERS_PROFILE:-release}"
case "$PAYKKA_SERVERS_PROFILE" in
  release) profile_flag=(--release) ;;
  debug) profile_flag=() ;;
  *) echo "servers: PAYKKA_SERVERS_PROFILE must be release or debug" >&2; exit 1 ;;
esac
echo "servers: building the sandbox and the backend ($PAYKKA_SERVERS_PROFILE)"
cargo build --locked -q "${profile_flag[@]}" -p paykka-sandbox -p paykka-backend
# The secure card frames the sandbox serves at /frames/ (skipped when nothing changed).
export SANDBOX_FRAMES_DIR="${SANDBOX_FRAMES_DIR:-$REPO_ROOT/target/frames}"
FRAMES_DIST="$SANDBOX_FRAMES_DIR" scripts/build-frames.sh
# The script-tag SDK bundle and the demo pages that load it (trunk copies them into the site).
scripts/build-sdk.sh
# The demo shop's site (a cold release build of the wasm takes minutes on two cores), then the
# `.br` and `.gz` beside each file that the shop's server and the sandbox's frames send by
# Accept-Encoding (skipped for files already compressed).
echo "servers: building the demo shop's pages (trunk build --release, log target/logs/trunk.log)"
if ! trunk build --release >"$LOGS/trunk.log" 2>&1; then
  echo "servers: trunk build failed; last log lines:" >&2
  tail -n 40 "$LOGS/trunk.log" >&2
  exit 1
fi
scripts/compress-dist.sh "$REPO_ROOT/dist" "$SANDBOX_FRAMES_DIR"

pids=()
stop() {
  trap - EXIT INT TERM
  # The pid files too: a test may have restarted a server since.
  local all=("${pids[@]}") file pid
  # One file at a time: `cat *.pid` would glue a file without a final newline to the next one.
  for file in "$LOGS"/*.pid; do
    [ -f "$file" ] || continue
    pid=""
    read -r pid <"$file" || true # A last line without a newline still lands in $pid.
    if [ -n "$pid" ]; then all+=("$pid"); fi
  done
  for pid in "${all[@]}"; do kill "$pid" 2>/dev/null || true; done
  # Whatever did not stop within 5 s is killed: a stray server would hold its port for the next run.
  for _ in $(seq 50); do
    local alive=0
    for pid in "${all[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  for pid in "${all[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -f "$LOGS"/*.pid
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM

start() { # name log command...
  local name=$1 log=$2; shift 2
  "$@" >"$log" 2>&1 &
  pids+=($!)
  # The end-to-end tests stop and restart servers (faults) by these pid files.
  echo $! >"$LOGS/$name.pid"
  echo "servers: $name started (pid $!, log ${log#"$REPO_ROOT"/})"
}

wait_for() { # name url seconds
  local name=$1 url=$2 limit=$3 waited=0
  until curl -sf -o /dev/null "$url"; do
    for pid in "${pids[@]}"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "servers: a server exited while waiting for $name; last log lines:" >&2
        tail -n 30 "$LOGS"/*.log >&2
        exit 1
      fi
    done
    if ((waited >= limit)); then
      echo "servers: $name did not answer at $url within ${limit}s" >&2
      tail -n 30 "$LOGS"/*.log >&2
      exit 1
    fi
    sleep 1; waited=$((waited + 1))
  done
}
start sandbox "$LOGS/sandbox.log" "target/$PAYKKA_SERVERS_PROFILE/paykka-sandbox"
# The backend registers with the sandbox as it starts and learns the keys the sandbox signs its
# answers with: started before the sandbox answers, its first requests (until a retry a second
# later) found answers it could not verify ("signature does not verify", a 502: `make bench`
# failed one run in two).
wait_for sandbox http://127.0.0.1:8788/health 120
# The demo shop's logo, as a merchant configures it (shown beside its name in the checkout).
export PAYKKA_MERCHANT_LOGO_URL="${PAYKKA_MERCHANT_LOGO_URL:-http://127.0.0.1:8080/shop-logo.svg}"
# Every shopper reaches the backend through the shop's web server, so all share one address: the
# per-address limits are raised for that (the per-session limits, which stop card testing,
# stay at their defaults). backend/README.md, "Configuration".
export BACKEND_LIMIT_SESSIONS_PER_IP="${BACKEND_LIMIT_SESSIONS_PER_IP:-600}"
export BACKEND_LIMIT_PAYMENTS_PER_IP="${BACKEND_LIMIT_PAYMENTS_PER_IP:-600}"
start backend "$LOGS/backend.log" "target/$PAYKKA_SERVERS_PROFILE/paykka-backend"
export SHOP_WEB_DIR="${SHOP_WEB_DIR:-$REPO_ROOT/dist}"
start web "$LOGS/web.log" "target/$PAYKKA_SERVERS_PROFILE/paykka-shop-web"

wait_for backend http://127.0.0.1:8787/health 120
wait_for web http://127.0.0.1:8080/ 60

echo
echo "  Demo shop:        http://127.0.0.1:8080/"
echo "  Merchant backend: http://127.0.0.1:8787/"
echo "  Sandbox gateway:  http://127.0.0.1:8788/"
echo

if [ "${1:-}" = "--exec" ]; then
  shift
  status=0
  "$@" || status=$?
  exit "$status"
fi
echo "servers: running; press Ctrl-C to stop all three"
wait

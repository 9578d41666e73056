#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the load test: its own data folder (default
# target/pg/<name>), 127.0.0.1 only, a port picked free at start, no system service, no
# password (trust on loopback: a test cluster with nothing of value). Debian's `postgresql`
# package provides the binaries (scripts/bootstrap.sh installs it).
#
#   scripts/pg.sh start [NAME]   initdb if needed, start; prints the URL on stdout
#   scripts/pg.sh url [NAME]     the running cluster's URL
#   scripts/pg.sh stop [NAME]    stop it (the data folder stays until the next `start --fresh`)
#   scripts/pg.sh start --fresh [NAME]   wipe the data folder first
#   scripts/pg.sh destroy [NAME] stop it and remove its folder
#
# PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user the
# Debian package creates, and its folder is handed to that user.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

cmd=${1:-}; shift || true
fresh=0
if [ "${1:-}" = "--fresh" ]; then fresh=1; shift; fi
name=${1:-test}
dir="$REPO_ROOT/target/pg/$name"
data="$dir/data"

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "pg.sh: PostgreSQL server binaries not found under /usr/lib/postgresql: run scripts/bootstrap.sh (Debian package postgresql)" >&2
    exit 1
  fi
  echo "$bin"
}

# Runs a server binary as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url() { echo "postgres://postgres@127.0.0.1:$(cat "$dir/port")/postgres"; }

# The port the cluster had, if it is still free (a restart keeps its URL: the outage test stops
# and starts the server under running backends), else one the system picks.
free_port() {
  python3 - "$dir/port" <<'PY'
import socket, sys
def bind(port):
    s = socket.socket()
    # As PostgreSQL binds: the old server's connections may still be in TIME_WAIT on the port.
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    return s.getsockname()[1]
try:
    print(bind(int(open(sys.argv[1]).read())))
except (OSError, ValueError):
    print(bind(0))
PY
}

start() {
  local bin; bin=$(pg_bin)
  if ((fresh)); then
    stop; rm -rf "$dir"
  elif [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    url; return
  fi
  mkdir -p "$dir"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { echo "pg.sh: initdb failed (as root, every folder above $dir must be open to the postgres user):" >&2; cat "$dir/initdb.log" >&2; exit 1; }
  fi
  local port; port=$(free_port); echo "$port" >"$dir/port"
  # Durability off (fsync, full-page writes): a crash of a test cluster loses nothing of value,
  # and the tests' many small commits run several times faster. No socket file: loopback TCP only.
  as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 start -o \
    "-c listen_addresses=127.0.0.1 -c port=$(cat "$dir/port") -c unix_socket_directories='' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=128MB" >/dev/null \
    || { echo "pg.sh: the server did not start:" >&2; tail -20 "$dir/server.log" >&2; exit 1; }
  url
}

stop() {
  local bin; bin=$(pg_bin)
  [ -f "$data/postmaster.pid" ] || return 0
  as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  destroy) stop; rm -rf "$dir" ;;
  *) echo "usage: scripts/pg.sh start [--fresh] [NAME] | url [NAME] | stop [NAME] | destroy [NAME]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Installs everything the demo and the tests need, skipping what is already at the right version.
# Safe to run again and again: a warm machine spends a few seconds here.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

say() { printf '\033[1mbootstrap:\033[0m %s\n' "$*"; }
# Each phase that did work says how long it took, so a fresh machine's first run can be read off.
phase_started=$(date +%s)
phase_done() { local now; now=$(date +%s); say "$1 done in $((now - phase_started)) s"; phase_started=$now; }

# The std workspace that -Zbuild-std resolves for the shipped wasm (scripts/env.sh).
std_workspace() { echo "$(rustc +"$SDK_NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library"; }

# Every build that later runs offline (trunk's `offline = true` passes --offline to cargo) must
# resolve from the local cache: the workspace's lockfile on stable and on the nightly, and the
# nightly's own std workspace. `cargo metadata` reads every package's manifest, so a crate that
# was never fetched fails here, named, instead of minutes later inside a trunk build.
offline_check() {
  local failed=0 std
  std="$(std_workspace)"
  if ! cargo metadata --offline --locked --format-version 1 --manifest-path "$REPO_ROOT/Cargo.toml" >/dev/null 2>"$TMPDIR_CHECK/ws.err"; then
    echo "bootstrap: the workspace's crates are not all in the cargo cache: run \`cargo fetch --locked\`" >&2
    sed 's/^/    /' "$TMPDIR_CHECK/ws.err" | head -5 >&2; failed=1
  fi
  if ! cargo +"$SDK_NIGHTLY" metadata --offline --locked --format-version 1 --manifest-path "$std/Cargo.toml" >/dev/null 2>"$TMPDIR_CHECK/std.err"; then
    echo "bootstrap: the $SDK_NIGHTLY std workspace's crates (for -Zbuild-std) are not in the cargo cache: run \`cargo +$SDK_NIGHTLY fetch --manifest-path $std/Cargo.toml\`" >&2
    sed 's/^/    /' "$TMPDIR_CHECK/std.err" | head -5 >&2; failed=1
  fi
  # The Leptos shop example: its own workspace and lockfile (examples/leptos-shop/build.sh).
  if ! cargo metadata --offline --locked --format-version 1 --manifest-path "$REPO_ROOT/examples/leptos-shop/Cargo.toml" >/dev/null 2>"$TMPDIR_CHECK/shop.err"; then
    echo "bootstrap: the Leptos shop example's crates are not all in the cargo cache: run \`cargo fetch --locked --manifest-path examples/leptos-shop/Cargo.toml\`" >&2
    sed 's/^/    /' "$TMPDIR_CHECK/shop.err" | head -5 >&2; failed=1
  fi
  return $failed
}
TMPDIR_CHECK="$(mktemp -d)"
trap 'rm -rf "$TMPDIR_CHECK"' EXIT
# `bootstrap.sh --check-offline` only checks (the test run uses it on an empty cache, where it must fail).
if [ "${1:-}" = "--check-offline" ]; then
  offline_check
  exit
fi

# --- Debian packages ------------------------------------------------------------------------
need_apt=()
# postgresql: the server binaries for the throwaway test cluster (scripts/pg.sh; the backend's
# PostgreSQL tests and `make load --instances`); its own service is not used.
for pkg in chromium chromium-driver brotli curl python3 openssl postgresql; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
  say "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  phase_done "apt-get"
fi

# --- Rust target ----------------------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
  phase_done "rustup target"
fi

# The pinned nightly the SDK bundle is built with, and the std sources it rebuilds.
if ! rustup run "$SDK_NIGHTLY" rustc --version >/dev/null 2>&1 \
  || ! rustup component list --installed --toolchain "$SDK_NIGHTLY" 2>/dev/null | grep -q '^rust-src'; then
  say "rustup toolchain install $SDK_NIGHTLY (rust-src)"
  rustup toolchain install "$SDK_NIGHTLY" --profile minimal --component rust-src
  phase_done "rustup nightly"
fi

# --- cargo tools, pinned, in $PAYKKA_TOOLS ---------------------------------------------------
# Built without LTO and in 16 codegen units (trunk's own profile asks for fat LTO in one unit):
# on 2 cores trunk compiles in about 3 minutes instead of 9, and a build tool's speed is not the
# shopper's. trunk also leaves out its default features (a crates.io update check and rustls for
# downloading tools, both useless with `offline = true` and every tool on PATH).
mkdir -p "$PAYKKA_TOOLS/bin"
install_crate() { # crate version binary [cargo install arguments...]
  local crate=$1 version=$2 bin=$3
  shift 3
  # A tool without --version (wasm-split-cli) is known by the stamp its install left.
  local stamp="$PAYKKA_TOOLS/bin/.$bin.version"
  if [ -x "$PAYKKA_TOOLS/bin/$bin" ] && { "$PAYKKA_TOOLS/bin/$bin" --version 2>/dev/null | grep -q " $version\b" \
    || [ "$(cat "$stamp" 2>/dev/null)" = "$crate $version $*" ]; }; then
    return
  fi
  say "cargo install $crate $version $*"
  # The registry here is a snapshot: a locked install can miss a version, so fall back to unlocked.
  local profile=(env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16)
  "${profile[@]}" cargo install "$crate" --version "$version" --locked --force --root "$PAYKKA_TOOLS" "$@" \
    || "${profile[@]}" cargo install "$crate" --version "$version" --force --root "$PAYKKA_TOOLS" "$@"
  echo "$crate $version $*" > "$stamp"
  phase_done "cargo install $crate"
}
install_crate trunk "$TRUNK_VERSION" trunk --no-default-features
WBG_VERSION="$(wasm_bindgen_version)"
install_crate wasm-bindgen-cli "$WBG_VERSION" wasm-bindgen
install_crate stylance-cli "$STYLANCE_VERSION" stylance
# Splits the SDK's wasm at src/chunks.rs's points (scripts/build-sdk.sh); the same splitter as
# cargo-leptos's, whose runtime (wasm_split_helpers) Leptos already brings.
install_crate wasm_split_cli_support "$WASM_SPLIT_VERSION" wasm-split-cli --features build-binary

# --- npm packages (playwright-core, axe-core, binaryen's wasm-opt) -----------------------------
stamp="e2e/node_modules/.paykka-lock-sha"
want="$(sha256sum e2e/package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "npm ci (e2e)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
  phase_done "npm ci"
fi

# --- crates, so trunk's offline mode and --locked builds never reach for the network ----------
# The workspace's, and the pinned nightly's std workspace's, which -Zbuild-std compiles for the
# shipped wasm. The stamp names the nightly too: a new pin needs its own std crates.
fetched="target/.paykka-fetched"
if [ ! -f "$fetched" ] || [ Cargo.lock -nt "$fetched" ] || [ "$(cat "$fetched")" != "$SDK_NIGHTLY" ]; then
  say "cargo fetch --locked (workspace)"
  cargo fetch --locked
  say "cargo fetch ($SDK_NIGHTLY std workspace, for -Zbuild-std)"
  cargo +"$SDK_NIGHTLY" fetch --locked --manifest-path "$(std_workspace)/Cargo.toml"
  mkdir -p target && echo "$SDK_NIGHTLY" > "$fetched"
  phase_done "cargo fetch"
fi
# The Leptos shop example's (examples/leptos-shop: its own lockfile, no patch of Leptos, so the
# published reactive_graph too).
shop_fetched="target/.paykka-fetched-leptos-shop"
if [ ! -f "$shop_fetched" ] || [ examples/leptos-shop/Cargo.lock -nt "$shop_fetched" ]; then
  say "cargo fetch --locked (examples/leptos-shop)"
  cargo fetch --locked --manifest-path examples/leptos-shop/Cargo.toml
  mkdir -p target && touch "$shop_fetched"
  phase_done "cargo fetch (leptos-shop)"
fi
if ! offline_check; then
  echo "bootstrap: an offline build would fail; see above" >&2
  exit 1
fi
say "ready (trunk $TRUNK_VERSION, wasm-bindgen $WBG_VERSION, stylance $STYLANCE_VERSION, $(wasm-opt --version)); offline builds resolve"

#!/usr/bin/env bash
# Installs everything the demo and the tests need, skipping what is already at the right version.
# Safe to run again and again: a warm machine spends a few seconds here.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

say() { printf '\033[1mbootstrap:\033[0m %s\n' "$*"; }

# --- Debian packages ------------------------------------------------------------------------
need_apt=()
for pkg in chromium chromium-driver brotli curl python3 openssl; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
  say "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# --- Rust target ----------------------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The pinned nightly the SDK bundle is built with, and the std sources it rebuilds.
if ! rustup run "$SDK_NIGHTLY" rustc --version >/dev/null 2>&1 \
  || ! rustup component list --installed --toolchain "$SDK_NIGHTLY" 2>/dev/null | grep -q '^rust-src'; then
  say "rustup toolchain install $SDK_NIGHTLY (rust-src)"
  rustup toolchain install "$SDK_NIGHTLY" --profile minimal --component rust-src
fi

# --- cargo tools, pinned, in $PAYKKA_TOOLS ---------------------------------------------------
mkdir -p "$PAYKKA_TOOLS/bin"
install_crate() { # crate version binary version-probe-regex
  local crate=$1 version=$2 bin=$3
  if [ -x "$PAYKKA_TOOLS/bin/$bin" ] && "$PAYKKA_TOOLS/bin/$bin" --version 2>/dev/null | grep -q " $version\b"; then
    return
  fi
  say "cargo install $crate $version"
  # The registry here is a snapshot: a locked install can miss a version, so fall back to unlocked.
  cargo install "$crate" --version "$version" --locked --force --root "$PAYKKA_TOOLS" \
    || cargo install "$crate" --version "$version" --force --root "$PAYKKA_TOOLS"
}
install_crate trunk "$TRUNK_VERSION" trunk
WBG_VERSION="$(wasm_bindgen_version)"
install_crate wasm-bindgen-cli "$WBG_VERSION" wasm-bindgen
install_crate stylance-cli "$STYLANCE_VERSION" stylance

# --- npm packages (playwright-core, axe-core, binaryen's wasm-opt) -----------------------------
stamp="e2e/node_modules/.paykka-lock-sha"
want="$(sha256sum e2e/package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "npm ci (e2e)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi

# --- crates, so trunk's offline mode and --locked builds never reach for the network ----------
if [ ! -f target/.paykka-fetched ] || [ Cargo.lock -nt target/.paykka-fetched ]; then
  say "cargo fetch --locked"
  cargo fetch --locked
  mkdir -p target && touch target/.paykka-fetched
fi
say "ready (trunk $TRUNK_VERSION, wasm-bindgen $WBG_VERSION, stylance $STYLANCE_VERSION, $(wasm-opt --version))"

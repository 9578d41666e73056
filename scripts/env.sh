# Sourced by every script: where the project's pinned tools live and how they are found.
# Tools go into one fixed folder so a second run (and CI on the same machine) skips the installs.
PAYKKA_TOOLS="${PAYKKA_TOOLS:-$HOME/.cache/paykka-tools}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PAYKKA_TOOLS REPO_ROOT
# e2e/node_modules/.bin first: binaryen 132's wasm-opt (Debian's binaryen 108 breaks the output).
export PATH="$REPO_ROOT/e2e/node_modules/.bin:$PAYKKA_TOOLS/bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

TRUNK_VERSION=0.21.14
# The shipped SDK wasm is built on this pinned nightly (scripts/build-sdk.sh): std rebuilt for
# size, panics as a bare trap. Everything else builds and tests on stable.
SDK_NIGHTLY=nightly-2026-05-19
STYLANCE_VERSION=0.8.4
# wasm-bindgen-cli must be exactly the version the lockfile resolved.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$REPO_ROOT/Cargo.lock"
}

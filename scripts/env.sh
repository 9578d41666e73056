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
# How the shipped wasm (SDK and card frame) is built on it, as `env` arguments: std rebuilt for
# size, a panic an immediate trap with no message machinery, no file/line strings, and `{:?}`
# printing nothing (3 KB brotli: no message of ours may rely on Debug). Given to one command at a
# time, never exported.
SHIPPED_WASM_ENV=(
  RUSTUP_TOOLCHAIN="$SDK_NIGHTLY"
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
)
# A file's subresource-integrity value.
sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | base64 -w0)"; }
# Minifies a shipped JS or CSS file in place with esbuild (installed with the e2e tools).
minify() {
  command -v esbuild >/dev/null || { echo "minify: esbuild not found: run scripts/bootstrap.sh" >&2; return 1; }
  esbuild "$1" --minify --log-level=warning --outfile="$1.min" --allow-overwrite && mv "$1.min" "$1"
}
STYLANCE_VERSION=0.8.4
# The wasm splitter; its runtime, wasm_split_helpers 0.2.3, is in Cargo.lock through Leptos.
WASM_SPLIT_VERSION=0.2.3
# wasm-bindgen-cli must be exactly the version the lockfile resolved.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$REPO_ROOT/Cargo.lock"
}

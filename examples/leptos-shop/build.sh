#!/usr/bin/env bash
# Builds the Leptos shop into examples/leptos-shop/dist/, as a user of the crate would: cargo
# (its own workspace and lockfile, offline: scripts/bootstrap.sh fetched its crates), then
# wasm-bindgen (`web` glue) and wasm-opt -Oz; its pages, and the checkout's locales copied from
# the crate's folder (wherever cargo has it: `cargo metadata` says) to dist/locales/.
# Skipped when no input changed since the last build (--force builds anyway). The first build
# compiles Leptos for wasm: minutes on 2 cores.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../../scripts/env.sh"
cd "$HERE"
DIST="$HERE/dist"
STAMP="$DIST/.stamp"

inputs_digest() {
  {
    (cd "$HERE" && find src -type f && echo Cargo.toml Cargo.lock index.html start.js shop.css build.sh) \
      | tr ' ' '\n' | LC_ALL=C sort | (cd "$HERE" && xargs sha256sum)
    # The checkout crate's own inputs, as cargo packages them.
    (cd "$REPO_ROOT" && find src core/src locales style -type f | LC_ALL=C sort | xargs sha256sum \
      && sha256sum Cargo.toml core/Cargo.toml build.rs)
    echo "$(wasm-bindgen --version 2>/dev/null) / $(wasm-opt --version 2>/dev/null)"
  } | sha256sum | cut -d' ' -f1
}
digest="$(inputs_digest)"
if [ "${1:-}" != "--force" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$digest" ]; then
  echo "leptos-shop: up to date (examples/leptos-shop/dist)"
  exit 0
fi
echo "leptos-shop: building examples/leptos-shop/dist"
started=$(date +%s)
cargo build --locked --offline -q --release --lib --target wasm32-unknown-unknown
rm -rf "$DIST" && mkdir -p "$DIST"
wasm-bindgen --target web --no-typescript --out-dir "$DIST" target/wasm32-unknown-unknown/release/leptos_shop.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$DIST/leptos_shop_bg.wasm" -o "$DIST/leptos_shop_bg.wasm"
cp index.html start.js shop.css "$DIST/"
# The locales besides en-US (compiled in), where the checkout fetches them by default:
# /locales/<tag>/checkout.ftl. They are in the crate's package, next to its Cargo.toml.
crate_dir="$(cargo metadata --locked --offline --format-version 1 | python3 -c '
import json, os, sys
meta = json.load(sys.stdin)
print(next(os.path.dirname(p["manifest_path"]) for p in meta["packages"] if p["name"] == "paykka-checkout"))')"
for file in "$crate_dir"/locales/*/checkout.ftl; do
  tag="$(basename "$(dirname "$file")")"
  [ "$tag" = en-US ] && continue
  mkdir -p "$DIST/locales/$tag"
  cp "$file" "$DIST/locales/$tag/checkout.ftl"
done
wasm="$DIST/leptos_shop_bg.wasm"
printf 'leptos-shop: built in %d s; leptos_shop_bg.wasm %d B raw, %d B brotli\n' "$(($(date +%s) - started))" \
  "$(wc -c <"$wasm")" "$(brotli -c -q 11 "$wasm" | wc -c)"
echo "$digest" > "$STAMP"

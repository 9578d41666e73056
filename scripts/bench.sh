#!/usr/bin/env bash
# `make bench`: builds the release bundles and prints one line per figure, `name value unit`.
# Sizes are what a shopper's browser downloads, each file compressed on its own as a server
# sends it (brotli -q 11, gzip -9), ours and Adyen Web's alike. Speeds come from
# e2e/bench/speed.mjs against the demo servers (headless Chromium, loopback, cold cache).
#   scripts/bench.sh            sizes and speeds
#   scripts/bench.sh --sizes    sizes only (no servers, no Adyen download)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/bootstrap.sh" >&2

bash scripts/build-sdk.sh >&2
bash scripts/build-frames.sh >&2
VERSION="$(awk -F'"' '/^\[workspace.package\]/{p=1} p && /^version/{print $2; exit}' Cargo.toml)"
SDK="target/sdk/$VERSION"
FRAMES="target/frames"

br() { local n=0 f; for f in "$@"; do n=$((n + $(brotli -c -q 11 "$f" | wc -c))); done; echo "$n"; }
gz() { local n=0 f; for f in "$@"; do n=$((n + $(gzip -9 -c "$f" | wc -c))); done; echo "$n"; }

# Everything the merchant page downloads before a shopper can pay by card (a card-only Drop-in
# session, the critical path): the loader, the glue, the main wasm (en-US compiled in) and the
# CSS. A shopper in another language adds one locale file; a session with more methods, their
# chunks (src/chunks.rs), fetched alongside the first render.
DROPIN=("$SDK/paykka-checkout.js" "$SDK/paykka_checkout.js" "$SDK/paykka_checkout_bg.wasm" "$SDK/paykka-checkout.css")
CHUNKS=("$SDK"/split_*.wasm)
# One secure frame: its page, glue, wasm and CSS.
FRAME=("$FRAMES/card-field.html" "$FRAMES"/*.js "$FRAMES"/*_bg.wasm "$FRAMES"/*.css)
dropin_br=$(br "${DROPIN[@]}")
frame_br=$(br "${FRAME[@]}")
echo "dropin_bytes_br $dropin_br B"
echo "dropin_bytes_gz $(gz "${DROPIN[@]}") B"
echo "dropin_wasm_bytes_br $(br "$SDK/paykka_checkout_bg.wasm") B"
# The demo's full session (cards, saved cards, QR wallets, a redirect method, an appearance):
# the critical path and every chunk.
echo "full_session_bytes_br $((dropin_br + $(br "${CHUNKS[@]}"))) B"
echo "full_session_bytes_gz $(gz "${DROPIN[@]}" "${CHUNKS[@]}") B"
for chunk in "${CHUNKS[@]}"; do
  name="$(basename "$chunk" .wasm)"
  echo "chunk_${name#split_}_bytes_br $(br "$chunk") B"
  echo "chunk_${name#split_}_bytes_gz $(gz "$chunk") B"
done
echo "frame_bytes_br $frame_br B"
echo "frame_bytes_gz $(gz "${FRAME[@]}") B"
echo "locale_bytes_br_max $(for f in "$SDK"/locales/*/checkout.ftl; do brotli -c -q 11 "$f" | wc -c; done | sort -n | tail -1) B"

[ "${1:-}" = "--sizes" ] && exit 0

# Adyen Web, measured in the same run: Core + Drop-in + Card from its ES build, bundled and
# minified by esbuild as its size-limit config does, plus its adyen.css.
BENCH="$REPO_ROOT/e2e/bench"
if [ ! -f "$BENCH/node_modules/.stamp" ] || [ "$(cat "$BENCH/node_modules/.stamp")" != "$(sha256sum "$BENCH/package.json" | cut -d' ' -f1)" ]; then
  (cd "$BENCH" && npm install --no-audit --no-fund --loglevel=error >&2)
  sha256sum "$BENCH/package.json" | cut -d' ' -f1 >"$BENCH/node_modules/.stamp"
fi
OUT="$REPO_ROOT/target/bench"
mkdir -p "$OUT"
"$BENCH/node_modules/.bin/esbuild" "$BENCH/adyen-entry.js" --bundle --minify --format=esm \
  --log-level=error --outfile="$OUT/adyen-dropin.js"
cp "$BENCH/node_modules/@adyen/adyen-web/styles/adyen.css" "$OUT/adyen.css"
adyen_br=$(br "$OUT/adyen-dropin.js" "$OUT/adyen.css")
echo "adyen_dropin_bytes_br $adyen_br B"
echo "adyen_dropin_bytes_gz $(gz "$OUT/adyen-dropin.js" "$OUT/adyen.css") B"
echo "adyen_dropin_js_bytes_br $(br "$OUT/adyen-dropin.js") B"
echo "size_ratio_vs_adyen $(python3 -c "print(f'{$dropin_br / $adyen_br:.2f}')") x"
echo "full_session_ratio_vs_adyen $(python3 -c "print(f'{($dropin_br + $(br "${CHUNKS[@]}")) / $adyen_br:.2f}')") x"
echo "size_ratio_with_frame_vs_adyen $(python3 -c "print(f'{($dropin_br + $frame_br) / $adyen_br:.2f}')") x"

# Speeds, against the demo servers (started here, stopped after).
PAYKKA_DATA_DIR="$REPO_ROOT/target/bench-data" scripts/servers.sh --exec node e2e/bench/speed.mjs \
  | grep -E '^[a-z0-9_]+ [0-9.]+ [A-Za-z%]+$'

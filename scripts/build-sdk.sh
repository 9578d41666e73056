#!/usr/bin/env bash
# Builds the script-tag SDK bundle into target/sdk/<version>/ (served by the demo at /sdk/<version>/):
#   paykka-checkout.js      the loader, a classic script (also works as type="module")
#   paykka-checkout.mjs     the same loader as an ES module (exports PaykkaCheckout, loadPaykkaCheckout;
#                           loads nothing until asked): the npm package's entry (scripts/build-npm.sh)
#   paykka_checkout.js      wasm-bindgen glue (no-modules target, global __paykka_wasm_<version>)
#   paykka_checkout_bg.wasm the SDK, wasm-opt -Oz: what every session needs
#   split_<chunk>.wasm      the code only some sessions need (src/chunks.rs), fetched when needed
#   paykka-checkout.css     theme variables + every component's CSS module
#   paykka-checkout.d.ts    TypeScript declarations of the API
#   integrity.json          sha384 of every file; snippet.html, the tag to paste
# Idempotent: skipped when no input changed since the last build (--force builds anyway).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

VERSION="$(awk -F'"' '/^\[workspace.package\]/{p=1} p && /^version/{print $2; exit}' Cargo.toml)"
ROOT="${SDK_DIST:-$REPO_ROOT/target/sdk}"
OUT="$ROOT/$VERSION"
STAMP="$ROOT/.stamp-$VERSION"

inputs_digest() {
  {
    find src core/src locales style sdk demo vendor -type f | LC_ALL=C sort | xargs sha256sum
    sha256sum Cargo.lock Cargo.toml scripts/build-sdk.sh scripts/drop-stream-exports.py scripts/minify-imports.py scripts/wasm_binary.py scripts/link-chunks.py
    echo "$(wasm-bindgen --version 2>/dev/null) / $(wasm-opt --version 2>/dev/null) / $(wasm-split-cli --version 2>/dev/null) ${PAYKKA_SDK_NO_SPLIT:-} / ${SHIPPED_WASM_ENV[*]} ${PAYKKA_SDK_PANIC_MESSAGES:-} ${PAYKKA_SDK_PROFILE:-} / $(esbuild --version 2>/dev/null) / $OUT"
  } | sha256sum | cut -d' ' -f1
}
# One build at a time: `make demo`'s `trunk build` runs this script (a pre_build hook), perhaps while
# someone runs it by hand (two at once would empty each other's output folder).
mkdir -p "$ROOT"
exec 9>"$ROOT/.build-lock"
flock 9
digest="$(inputs_digest)"
if [ "${1:-}" != "--force" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$digest" ] && [ -f "$OUT/integrity.json" ] \
  && [ -f "$REPO_ROOT/target/sdk-pages/component.html" ] && [ -f "$REPO_ROOT/target/sdk-pages/csp.txt" ]; then
  echo "build-sdk: up to date (${OUT#"$REPO_ROOT"/})"
  exit 0
fi
rm -f "$STAMP"
echo "build-sdk: building the SDK $VERSION into ${OUT#"$REPO_ROOT"/}"

# Built on a pinned nightly (SHIPPED_WASM_ENV in scripts/env.sh) in its own target folder:
# 14 KB brotli less than stable (193 -> 179 KB); the core never panics by design, and a trap
# kills the widget as a panic did.
# PAYKKA_SDK_PANIC_MESSAGES=1 builds on stable instead, whose panics log where they happened.
# Split at src/chunks.rs's points: `--cfg paykka_split` turns them on, and wasm-split-cli needs
# the linker's relocations to move code between modules.
# PAYKKA_SDK_NO_SPLIT=1 builds one wasm, to measure what splitting costs and saves.
SPLIT_FLAGS="--cfg paykka_split -Clink-arg=--emit-relocs"
BUILD_DIR=sdk-build
if [ -n "${PAYKKA_SDK_NO_SPLIT:-}" ]; then SPLIT_FLAGS=""; BUILD_DIR=sdk-build-unsplit; fi
if [ -n "${PAYKKA_SDK_PANIC_MESSAGES:-}" ]; then
  SDK_TARGET="$REPO_ROOT/target/$BUILD_DIR-stable"
  RUSTFLAGS="$SPLIT_FLAGS" CARGO_TARGET_DIR="$SDK_TARGET" \
    cargo build --locked -q -p paykka-checkout --lib --features js-api --target wasm32-unknown-unknown --profile wasm-release
else
  SDK_TARGET="$REPO_ROOT/target/$BUILD_DIR"
  env "${SHIPPED_WASM_ENV[@]/#RUSTFLAGS=/RUSTFLAGS=$SPLIT_FLAGS }" CARGO_TARGET_DIR="$SDK_TARGET" \
    cargo build --locked -q -p paykka-checkout --lib --features js-api --target wasm32-unknown-unknown --profile wasm-release
fi
stylance . >/dev/null

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
GLOBAL="__paykka_wasm_${VERSION//[^A-Za-z0-9]/_}"
# PAYKKA_SDK_PROFILE=1 keeps the wasm's function names and the glue unminified, so a CPU
# profile (e2e/bench/tti-profile.mjs) names what it samples. Bigger and slower: not for sizes.
KEEP_NAMES=()
[ -n "${PAYKKA_SDK_PROFILE:-}" ] && KEEP_NAMES=(--keep-debug)
# The main module, and a wasm per chunk with the ES module that loads them (__wasm_split.js).
mkdir -p "$TMP/split"
CHUNKS=""
if [ -n "${PAYKKA_SDK_NO_SPLIT:-}" ]; then
  cp "$SDK_TARGET/wasm32-unknown-unknown/wasm-release/paykka_checkout.wasm" "$TMP/split/"
else
  wasm-split-cli --target web --out-name paykka_checkout \
    "$SDK_TARGET/wasm32-unknown-unknown/wasm-release/paykka_checkout.wasm" "$TMP/split" >/dev/null
fi
wasm-bindgen --target no-modules --no-modules-global "$GLOBAL" --no-typescript "${KEEP_NAMES[@]}" \
  --out-dir "$TMP" --out-name paykka_checkout "$TMP/split/paykka_checkout.wasm"
# The glue is a classic script: the chunks' loader goes inside it, fetching through sdk/core.js.
[ -n "${PAYKKA_SDK_NO_SPLIT:-}" ] || CHUNKS="$(python3 scripts/link-chunks.py "$TMP/paykka_checkout.js" "$TMP/split/__wasm_split.js" "$TMP/paykka_checkout_bg.wasm")"
# wasm-streams' ReadableStream adapters are exported (so kept) though the SDK never makes one:
# out of the glue here, and out of the wasm by wasm-opt below. 1 KB brotli.
python3 scripts/drop-stream-exports.py "$TMP/paykka_checkout.js"
rm -rf "$OUT" && mkdir -p "$OUT"
# wasm-split writes label names, which binaryen does not read (a warning per module).
if [ -z "${PAYKKA_SDK_NO_SPLIT:-}" ]; then
  python3 scripts/wasm_binary.py drop-label-names "$TMP/paykka_checkout_bg.wasm" $(for chunk in $CHUNKS; do echo "$TMP/split/$chunk"; done)
fi
# Beside -Oz: Rust's wasm leaves the first KB of memory unused and its memory starts zeroed (it
# is not imported), which lets binaryen fold more; --converge repeats until nothing shrinks.
# 2 KB brotli less than -Oz alone. (The card frame passes the same through trunk.)
wasm-opt -Oz ${PAYKKA_SDK_PROFILE:+-g} --low-memory-unused --zero-filled-memory --converge --strip-producers --strip-target-features \
  '--remove-exports=*intounderlying*' \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$TMP/paykka_checkout_bg.wasm" -o "$OUT/paykka_checkout_bg.wasm"
# The chunks share the main module's memory, which is not zero when they load.
for chunk in $CHUNKS; do
  wasm-opt -Oz ${PAYKKA_SDK_PROFILE:+-g} --low-memory-unused --converge --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$TMP/split/$chunk" -o "$OUT/$chunk"
done
# The no-modules glue declares `let <global> = ...`, which is not a property of window: make it
# one, so the loader can find it without eval.
python3 -c 'import sys; p, g = sys.argv[1:]; t = open(p).read(); assert t.startswith("let " + g + " ="), "unexpected glue"; print("window." + g + " =" + t[len("let " + g + " ="):], end="")' \
  "$TMP/paykka_checkout.js" "$GLOBAL" > "$OUT/paykka_checkout.js"
cat style/theme.css target/stylance/paykka-checkout.css > "$OUT/paykka-checkout.css"
# What ships is minified: the glue and the stylesheet here, the loader below. 4 KB brotli
# less; the sources stay readable in the repo.
[ -n "${PAYKKA_SDK_PROFILE:-}" ] || minify "$OUT/paykka_checkout.js"
# The imports' names (`__wbg_contentWindow_a8b1756e49695176`, ~160 of them, each in the wasm and
# in the glue), and the exports the glue only reads, become one or two letters in both: 4.5 KB
# brotli. Kept when profiling.
[ -n "${PAYKKA_SDK_PROFILE:-}" ] || python3 scripts/minify-imports.py "$OUT/paykka_checkout.js" "$OUT/paykka_checkout_bg.wasm" >/dev/null
minify "$OUT/paykka-checkout.css"
cp sdk/paykka-checkout.d.ts "$OUT/paykka-checkout.d.ts"

# Locales other than en-US (compiled in) are fetched when a shopper needs one, from here.
rm -rf "$OUT/locales"
for dir in locales/*/; do
  tag="$(basename "$dir")"
  [ "$tag" = en-US ] && continue
  mkdir -p "$OUT/locales/$tag"
  cp "$dir/checkout.ftl" "$OUT/locales/$tag/checkout.ftl"
done
LOCALE_FILES="$(cd "$OUT" && find locales -name checkout.ftl | LC_ALL=C sort)"

integrity_of_parts="{\"paykka_checkout.js\": \"$(sri "$OUT/paykka_checkout.js")\", \"paykka_checkout_bg.wasm\": \"$(sri "$OUT/paykka_checkout_bg.wasm")\", \"paykka-checkout.css\": \"$(sri "$OUT/paykka-checkout.css")\""
for f in $CHUNKS $LOCALE_FILES; do integrity_of_parts+=", \"$f\": \"$(sri "$OUT/$f")\""; done
integrity_of_parts+="}"
# The loader (sdk/core.js) in its two wrappers: the script tag's (paykka-checkout.js: loads from
# beside itself as soon as the page has it) and the ES module's (paykka-checkout.mjs, also the npm
# package's entry, scripts/build-npm.sh: exports it, and does nothing until asked).
loader() { # wrapper base-expression
  python3 -c 'import sys; wrapper, version, integrity, base = sys.argv[1:]
t = open(wrapper).read().replace("__CORE__", open("sdk/core.js").read().strip())
print(t.replace("__VERSION__", version).replace("__INTEGRITY__", integrity).replace("__BASE__", base), end="")' \
    "$1" "$VERSION" "$integrity_of_parts" "$2"
}
loader sdk/loader.js '(document.currentScript && document.currentScript.src) || location.href' > "$OUT/paykka-checkout.js"
loader sdk/module.js '' > "$OUT/paykka-checkout.mjs"
minify "$OUT/paykka-checkout.js"
minify "$OUT/paykka-checkout.mjs"

{
  printf '{\n  "version": "%s",\n  "files": {\n' "$VERSION"
  first=1
  for f in paykka-checkout.js paykka-checkout.mjs paykka_checkout.js paykka_checkout_bg.wasm paykka-checkout.css paykka-checkout.d.ts $CHUNKS $LOCALE_FILES; do
    ((first)) || printf ',\n'
    first=0
    printf '    "%s": "%s"' "$f" "$(sri "$OUT/$f")"
  done
  printf '\n  }\n}\n'
} > "$OUT/integrity.json"
printf '<script src="/sdk/%s/paykka-checkout.js" integrity="%s" crossorigin="anonymous"></script>\n' \
  "$VERSION" "$(sri "$OUT/paykka-checkout.js")" > "$OUT/snippet.html"

printf 'build-sdk: %d locales beside en-US, %d B raw in all\n' "$(echo "$LOCALE_FILES" | wc -l)" "$(cd "$OUT" && cat $LOCALE_FILES | wc -c)"
for f in paykka-checkout.js paykka_checkout.js paykka_checkout_bg.wasm paykka-checkout.css $CHUNKS; do
  printf 'build-sdk: %-26s %8d B raw %8d B brotli %8d B gzip\n' "$f" "$(wc -c <"$OUT/$f")" \
    "$(brotli -c -q 11 "$OUT/$f" | wc -c)" "$(gzip -9 -c "$OUT/$f" | wc -c)"
done

# The demo's static merchant pages (Components, HTML element), with the snippet pasted in as a
# merchant would; trunk copies them next to the Drop-in page.
# The shop's pages also carry, where they say `<!-- paykka-csp -->`, the Content Security Policy
# a merchant page needs for the SDK (SECURITY.md): no inline script or style, no eval;
# 'wasm-unsafe-eval' to compile the wasm; the card frames from the gateway's origin, which 3DS
# forms also post to.
CSP="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src http://127.0.0.1:8788 http://localhost:8788; form-action 'self' http://127.0.0.1:8788 http://localhost:8788; base-uri 'none'; object-src 'none'"
# A build into another folder (SDK_DIST, say a profiling build) keeps its pages beside it: the
# demo's pages carry the integrity hashes of the SDK the demo serves.
PAGES="$REPO_ROOT/target/sdk-pages"
[ -n "${SDK_DIST:-}" ] && PAGES="$ROOT/pages"
rm -rf "$PAGES" && mkdir -p "$PAGES"
page() { # source output snippet-file-or-empty
  python3 -c 'import sys; t = open(sys.argv[1]).read(); snippet = open(sys.argv[2]).read().strip() if sys.argv[2] else ""
print(t.replace("<!-- paykka-sdk-snippet -->", snippet).replace("<!-- paykka-csp -->", "<meta http-equiv=\"Content-Security-Policy\" content=\"" + sys.argv[3] + "\" />"), end="")' \
    "$1" "$3" "$CSP" > "$2"
}
for source in demo/*.html; do
  page "$source" "$PAGES/$(basename "$source")" "$OUT/snippet.html"
done
# The bench's floor: the same page without the SDK.
page demo/bench.html "$PAGES/bench-blank.html" ""
cp demo/*.js demo/*.css "$PAGES/"
# The Drop-in page (index.html) gets it from here through scripts/csp-index.py.
echo "$CSP" > "$PAGES/csp.txt"
echo "$digest" > "$STAMP"

# The `.br` and `.gz` a CDN serves beside each file (scripts/compress-dist.sh); not in
# integrity.json (the browser checks the decoded bytes) and left out of the npm package.
scripts/compress-dist.sh "$OUT" >/dev/null

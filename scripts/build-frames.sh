#!/usr/bin/env bash
# Builds the secure card frame (frame/, crate paykka-card-frame) with trunk into target/frames,
# which the sandbox serves at /frames/ (SANDBOX_FRAMES_DIR). Idempotent: when no input changed
# since the last successful build (same sources, lockfile and tool versions), it does nothing.
#   scripts/build-frames.sh            build if needed
#   scripts/build-frames.sh --force    build anyway
# FRAMES_DIST overrides the output folder; CARGO_TARGET_DIR is honoured as usual.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

DIST="${FRAMES_DIST:-$REPO_ROOT/target/frames}"
STAMP="$DIST.stamp"

inputs_digest() {
  {
    find frame core -type f \( -path '*/target/*' -o -path '*/tests/*' \) -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum
    sha256sum Cargo.lock Cargo.toml scripts/minify-imports.py scripts/wasm_binary.py
    echo "trunk $(trunk --version 2>/dev/null) / $(wasm-bindgen --version 2>/dev/null) / $(wasm-opt --version 2>/dev/null) / ${SHIPPED_WASM_ENV[*]} / $(esbuild --version 2>/dev/null)"
    echo "dist $DIST"
  } | sha256sum | cut -d' ' -f1
}

digest="$(inputs_digest)"
if [ "${1:-}" != "--force" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$digest" ] && [ -f "$DIST/card-field.html" ] \
  && [ -f "$DIST/integrity.json" ]; then
  echo "build-frames: up to date ($DIST)"
  exit 0
fi

echo "build-frames: building the card frame into ${DIST#"$REPO_ROOT"/}"
rm -f "$STAMP"
# On the SDK's pinned nightly, built as the SDK is (SHIPPED_WASM_ENV in scripts/env.sh): the
# frame's wasm 34 -> 27 KB brotli. Its own target folder, so the stable builds' caches are left
# alone.
(cd frame && env "${SHIPPED_WASM_ENV[@]}" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target/frame-build}" \
  trunk build --release --dist "$DIST")
test -f "$DIST/card-field.html"
# Trunk does not minify here (frame/Trunk.toml): its JS minifier cannot read the wasm-bindgen
# glue (`export default`) and warned on every build. esbuild minifies the glue (1 KB brotli less
# per frame) and the stylesheet, the page loses its comments and the blanks between its tags, and
# the imports and exports get short names in the glue and the wasm, as the SDK's
# (scripts/minify-imports.py); the page's subresource-integrity hashes are updated to match. The
# inline loader script is left as it is: the sandbox hashes it from this file for its CSP.
js="$(echo "$DIST"/*.js)"
wasm="$(echo "$DIST"/*_bg.wasm)"
css="$(echo "$DIST"/*.css)"
js_before="$(sri "$js")"
wasm_before="$(sri "$wasm")"
css_before="$(sri "$css")"
minify "$js"
minify "$css"
python3 scripts/minify-imports.py "$js" "$wasm" >/dev/null
python3 - "$DIST/card-field.html" <<'PY'
import re, sys
path = sys.argv[1]
page = open(path).read()
page = re.sub(r"<!--.*?-->", "", page, flags=re.S)
page = re.sub(r">\s+<", "><", page).strip() + "\n"
open(path, "w").write(page)
PY
rehash() { # old new
  python3 -c 'import sys; p, a, b = sys.argv[1:]; t = open(p).read(); assert t.count(a) == 1, "the frame page names each hash once"; open(p, "w").write(t.replace(a, b))' \
    "$DIST/card-field.html" "$1" "$2"
}
rehash "$js_before" "$(sri "$js")"
rehash "$wasm_before" "$(sri "$wasm")"
rehash "$css_before" "$(sri "$css")"
# The inventory of what the gateway serves for the frames, with sha384 hashes, beside them
# (the SDK's own is target/sdk/<version>/integrity.json).
{
  printf '{\n  "files": {\n'
  first=1
  for f in $(cd "$DIST" && find . -maxdepth 1 -type f ! -name integrity.json -printf '%P\n' | LC_ALL=C sort); do
    ((first)) || printf ',\n'
    first=0
    printf '    "%s": "%s"' "$f" "$(sri "$DIST/$f")"
  done
  printf '\n  }\n}\n'
} >"$DIST/integrity.json"
echo "$digest" >"$STAMP"

if command -v brotli >/dev/null; then
  total=0
  for f in "$DIST"/*.wasm "$DIST"/*.js "$DIST"/*.css; do
    total=$((total + $(brotli -c -q 11 "$f" | wc -c)))
  done
  echo "build-frames: wasm+js+css ${total} bytes brotli"
fi

# The `.br` and `.gz` the sandbox sends by Accept-Encoding (scripts/compress-dist.sh), after the
# inventory: the browser checks the decoded bytes.
scripts/compress-dist.sh "$DIST" >/dev/null

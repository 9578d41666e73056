#!/usr/bin/env bash
# Builds the npm package @paykka/checkout into target/npm/ (`make npm`; `npm pack` there makes
# the tarball), from the script-tag build's own files (scripts/build-sdk.sh, run first: the wasm
# is built once for both):
#   package.json             name, version, license and description from the root Cargo.toml;
#                            exports, types, sideEffects, files
#   index.js                 the ES module (the build's paykka-checkout.mjs): exports PaykkaCheckout
#                            and loadPaykkaCheckout; importing it reads no browser global and loads
#                            nothing (it imports on a server too)
#   index.d.ts               sdk/paykka-checkout.d.ts without the script tag's globals
#   paykka_checkout.js, paykka_checkout_bg.wasm, split_<chunk>.wasm, paykka-checkout.css,
#   locales/<tag>/checkout.ftl
#                            what index.js loads (from beside itself, or `assetsUrl`), byte for
#                            byte the script tag's: their sha384 are in index.js
#   README.md                sdk/README.npm.md; LICENSE-MIT, LICENSE-APACHE
# No dependencies, no install scripts: the tarball installs offline from itself alone.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

scripts/build-sdk.sh
VERSION="$(awk -F'"' '/^\[workspace.package\]/{p=1} p && /^version/{print $2; exit}' Cargo.toml)"
SDK="${SDK_DIST:-$REPO_ROOT/target/sdk}/$VERSION"
OUT="${NPM_DIST:-$REPO_ROOT/target/npm}"
mkdir -p "$(dirname "$OUT")"
exec 9>"$OUT.lock"
flock 9
rm -rf "$OUT.tmp" && mkdir -p "$OUT.tmp"

cp "$SDK/paykka-checkout.mjs" "$OUT.tmp/index.js"
cp "$SDK/paykka_checkout.js" "$SDK/paykka_checkout_bg.wasm" "$SDK"/split_*.wasm "$SDK/paykka-checkout.css" "$OUT.tmp/"
cp -r "$SDK/locales" "$OUT.tmp/locales"
# Not the precompressed `.br` / `.gz` beside them (scripts/compress-dist.sh): a bundler or the
# merchant's server compresses what it ships.
find "$OUT.tmp/locales" -type f \( -name '*.br' -o -name '*.gz' \) -delete
# The package exports no `window.PaykkaCheckout`: its declarations must not promise one.
grep -v '// script tag only$' sdk/paykka-checkout.d.ts > "$OUT.tmp/index.d.ts"
cp sdk/README.npm.md "$OUT.tmp/README.md"
cp LICENSE-MIT LICENSE-APACHE "$OUT.tmp/"

python3 - "$OUT.tmp/package.json" "$OUT.tmp" <<'EOF'
import json, os, sys, tomllib
cargo = tomllib.load(open("Cargo.toml", "rb"))
workspace = cargo["workspace"]["package"]
repository = workspace["repository"]
# The wasm's chunks (src/chunks.rs), loaded when a session needs them, are files like the rest.
chunks = sorted(f for f in os.listdir(sys.argv[2]) if f.startswith("split_") and f.endswith(".wasm"))
runtime = ["paykka_checkout.js", "paykka_checkout_bg.wasm", *chunks, "paykka-checkout.css"]
package = {
    "name": "@paykka/checkout",
    # The version lives in one place, the root Cargo.toml's [workspace.package].
    "version": workspace["version"],
    "description": cargo["package"]["description"],
    "license": workspace["license"],
    "repository": {"type": "git", "url": "git+" + repository + ".git"},
    "homepage": repository + "/blob/main/docs/EMBEDDING.md#the-npm-package",
    "bugs": repository + "/issues",
    "keywords": ["paykka", "checkout", "payments", "drop-in", "card", "webassembly"],
    "type": "module",
    "main": "./index.js",
    "module": "./index.js",
    "types": "./index.d.ts",
    "exports": {
        ".": {"types": "./index.d.ts", "default": "./index.js"},
        "./style.css": "./paykka-checkout.css",
        # What the module loads at run time, as files: to copy, serve, or resolve.
        **{"./" + f: "./" + f for f in runtime},
        "./locales/*": "./locales/*",
        "./package.json": "./package.json",
    },
    # Importing the module does nothing (a bundler may drop an unused import); the stylesheet
    # import is there for its effect, and the glue, never imported, defines a global.
    "sideEffects": ["*.css", "./paykka_checkout.js"],
    # (npm adds package.json and README.md by itself, but not these licence files' names.)
    "files": ["index.js", "index.d.ts", *runtime, "locales/", "LICENSE-MIT", "LICENSE-APACHE"],
}
with open(sys.argv[1], "w") as f:
    json.dump(package, f, indent=2)
    f.write("\n")
EOF

# What server-side rendering does: import it where there is no window (and no document).
node --input-type=module -e '
const m = await import(process.argv[1]);
if (typeof m.PaykkaCheckout?.create !== "function" || typeof m.loadPaykkaCheckout !== "function" || m.default !== m.PaykkaCheckout) throw new Error("the module lacks its exports");
if (m.PaykkaCheckout.version !== process.argv[2]) throw new Error("version " + m.PaykkaCheckout.version);
' "$OUT.tmp/index.js" "$VERSION"

rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
printf 'build-npm: @paykka/checkout %s in %s, %d files, %d B\n' "$VERSION" "${OUT#"$REPO_ROOT"/}" \
  "$(find "$OUT" -type f | wc -l)" "$(find "$OUT" -type f -print0 | xargs -0 cat | wc -c)"

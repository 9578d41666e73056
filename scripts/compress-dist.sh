#!/usr/bin/env bash
# Writes the precompressed siblings a CDN would serve beside each shipped file of the folders
# given: `f.br` (brotli -q 11) and `f.gz` (zopfli when installed, else gzip -9) for every .wasm,
# .js, .mjs, .css, .html, .json, .svg, .ftl, .ts file under them, each kept when smaller than
# the file. The demo's web server (paykka-shop-web, backend/src/shop_web.rs) and the sandbox's frame server (sandbox/src/frames.rs) send them
# by the request's Accept-Encoding. A sibling newer than its file is kept (a second run costs
# nothing); one whose file is gone is removed.
#   scripts/compress-dist.sh DIR...
set -euo pipefail
(($#)) || { echo "usage: $0 DIR..." >&2; exit 2; }
command -v brotli >/dev/null || { echo "compress-dist: brotli is not installed (scripts/bootstrap.sh installs it)" >&2; exit 1; }

# The kinds of file that are compressed (a `find -regex`, matched against the whole path).
KINDS='.*\.(wasm|js|mjs|css|html|json|svg|ftl|ts)'
written=0
# A sibling is kept only when smaller than its file (a few bytes of JSON are not): the server
# sends the file itself when there is none.
keep() { # file ext
  if (($(stat -c %s "$1.$2.tmp") < $(stat -c %s "$1"))); then
    mv -f "$1.$2.tmp" "$1.$2"
    written=$((written + 1))
  else
    rm -f "$1.$2.tmp" "$1.$2"
  fi
}
for dir in "$@"; do
  [ -d "$dir" ] || { echo "compress-dist: no folder $dir" >&2; exit 1; }
  # Siblings left by a file that is gone (a rebuilt hashed name): a server must not find them.
  while IFS= read -r -d '' sibling; do
    [ -e "${sibling%.*}" ] || rm -f "$sibling"
  done < <(find "$dir" -type f -regextype posix-extended -regex "$KINDS\.(br|gz)" -print0)
  while IFS= read -r -d '' f; do
    if [ ! "$f.br" -nt "$f" ]; then
      brotli -q 11 -f -c "$f" >"$f.br.tmp"
      keep "$f" br
    fi
    if [ ! "$f.gz" -nt "$f" ]; then
      if command -v zopfli >/dev/null; then
        zopfli -c "$f" >"$f.gz.tmp"
      else
        gzip -9 -n -c "$f" >"$f.gz.tmp"
      fi
      keep "$f" gz
    fi
  done < <(find "$dir" -type f -regextype posix-extended -regex "$KINDS" ! -name '.*' -print0)
done
echo "compress-dist: $written compressed files written in $*"

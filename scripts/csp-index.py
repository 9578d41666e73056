#!/usr/bin/env python3
"""Trunk post_build hook: the Drop-in demo page gets the same strict CSP as the shop's other pages.

Trunk starts the app with an inline module script it writes itself, so the page's script-src
names that script by its sha256 (never 'unsafe-inline'). The policy's text comes from
target/sdk-pages/csp.txt, written by scripts/build-sdk.sh, so it is written once."""
import base64, hashlib, os, re, sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("csp-index: TRUNK_STAGING_DIR is not set (run me as a trunk post_build hook)")
root = os.environ.get("TRUNK_SOURCE_DIR", os.getcwd())
page = os.path.join(staging, "index.html")
html = open(page, encoding="utf-8").read()
csp = open(os.path.join(root, "target/sdk-pages/csp.txt"), encoding="utf-8").read().strip()

inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
    for s in inline
)
if hashes:
    csp, n = re.subn(r"script-src ([^;]*)", lambda m: "script-src %s %s" % (m.group(1), hashes), csp, count=1)
    if n != 1:
        sys.exit("csp-index: the policy has no script-src to extend")

placeholder = "<!-- paykka-csp -->"
if html.count(placeholder) != 1:
    sys.exit("csp-index: index.html must carry %s once, before trunk's scripts" % placeholder)
# The meta only governs what follows it: it must come before the first script.
if html.index(placeholder) > html.find("<script"):
    sys.exit("csp-index: %s must come before trunk's <script>" % placeholder)
html = html.replace(placeholder, '<meta http-equiv="Content-Security-Policy" content="%s" />' % csp)
open(page, "w", encoding="utf-8").write(html)

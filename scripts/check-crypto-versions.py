#!/usr/bin/env python3
"""Fails when Cargo.lock brings two major versions of a crate that does cryptography or feeds it
randomness: two copies of a crypto crate means two code bases to patch, and one of them is
easily forgotten. Each allowed exception says why. Prints the versions in use (SECURITY.md
lists them with their role)."""
import pathlib, re, sys
from collections import defaultdict

CRYPTO = [
    "rsa", "num-bigint-dig", "sha2", "digest", "signature", "pkcs1", "pkcs8", "spki", "der",
    "const-oid", "base64ct", "crypto-common", "block-buffer", "subtle", "zeroize",
    "rand_core", "rand", "rand_chacha", "getrandom", "ring", "rustls", "rustls-webpki",
]
# (crate, major) -> why a second major version is acceptable.
ALLOWED = {
    ("getrandom", "0.4"): "only through uuid in leptos_macro, a proc-macro: runs in the compiler, not in a shipped binary",
    ("rand", "0.10"): "in Cargo.lock for a platform no workspace build targets (cargo tree --target all finds no user)",
    ("rand_core", "0.10"): "in Cargo.lock for a platform no workspace build targets (cargo tree --target all finds no user)",
}

def major(version):
    parts = version.split(".")
    return f"0.{parts[1]}" if parts[0] == "0" else parts[0]

# `check-crypto-versions.py [LOCKFILE]` (default: the workspace's).
default = pathlib.Path(__file__).resolve().parent.parent / "Cargo.lock"
lock = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else default).read_text()
versions = defaultdict(set)
for name, version in re.findall(r'\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"', lock):
    versions[name].add(version)

failed = False
for crate in CRYPTO:
    found = sorted(versions.get(crate, ()))
    if not found:
        continue
    majors = {major(v) for v in found}
    # One major is the crate's; each other one needs its reason in ALLOWED.
    unexplained = [m for m in majors if (crate, m) not in ALLOWED]
    if len(unexplained) > 1:
        print(f"check-crypto-versions: {crate} comes in {len(majors)} major versions ({', '.join(found)}); "
              f"unify them, or explain the extra one in ALLOWED", file=sys.stderr)
        failed = True
    else:
        print(f"  {crate} {', '.join(found)}")
sys.exit(1 if failed else 0)

#!/usr/bin/env bash
# Checks that the three published crates package as crates.io would take them, offline, in a few
# seconds (scripts/test.sh runs it): paykka-core, paykka-protocol and paykka-checkout.
#
#  - `cargo package` of all three (cargo puts the unpublished siblings in a local registry, so
#    the path dependencies resolve by their versions), each built from its package alone for core
#    and protocol; paykka-checkout is packaged without that build here (it compiles Leptos, for
#    minutes the first time: `--full` does it, and the `cargo publish --dry-run` of all three,
#    which also asks crates.io).
#  - each .crate's manifest has what crates.io shows (description, licence, repository, readme,
#    keywords, categories), its README and both licence files; dependencies on our crates name
#    their version; paykka-checkout carries its build script, the theme, every CSS module and
#    every locale, and nothing of the repository's tests, servers or tools.
#
# Publishing order (each needs the previous on crates.io): paykka-core, paykka-protocol,
# paykka-checkout: `cargo publish -p paykka-core -p paykka-protocol -p paykka-checkout` does it
# in that order.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

CRATES=(paykka-core paykka-protocol paykka-checkout)
PACKAGES=()
for crate in "${CRATES[@]}"; do PACKAGES+=(-p "$crate"); done
VERSION="$(awk -F'"' '/^\[workspace.package\]/{p=1} p && /^version/{print $2; exit}' Cargo.toml)"

# The tests, the servers' code and the tools stay out of the packages: cargo says it ignores the
# test targets, which is what is meant.
quiet() { grep -v -e '^warning: ignoring test `' -e '^\(warning\|note\): .*not included in the published package' || true; }

if [ "${1:-}" = "--full" ]; then
  cargo publish --dry-run --allow-dirty --locked "${PACKAGES[@]}" 2>&1 | quiet
  exit "${PIPESTATUS[0]}"
fi

# Packaged without verification first (all three), then core and protocol verified: each builds
# from its .crate alone, its sibling from the local registry.
cargo package --no-verify --allow-dirty --locked --offline -q "${PACKAGES[@]}" 2>&1 | quiet
cargo package --allow-dirty --locked --offline -q -p paykka-core -p paykka-protocol 2>&1 | quiet

python3 - "$VERSION" "$(ls locales | wc -l)" "$(find src -name '*.module.css' | wc -l)" <<'PY'
import os, sys, tarfile, tomllib

version, locales, modules = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
failed = []
def check(ok, what):
    if not ok:
        failed.append(what)

for name in ["paykka-core", "paykka-protocol", "paykka-checkout"]:
    path = f"target/package/{name}-{version}.crate"
    with tarfile.open(path) as crate:
        files = {m.name.split("/", 1)[1] for m in crate.getmembers() if m.isfile()}
        manifest = tomllib.loads(crate.extractfile(f"{name}-{version}/Cargo.toml").read().decode())
    package = manifest["package"]
    for key in ["description", "license", "repository", "readme", "keywords", "categories"]:
        check(package.get(key), f"{name}: no `{key}` in its manifest")
    check(package.get("license") == "MIT OR Apache-2.0", f"{name}: licence {package.get('license')!r}")
    check(len(package.get("keywords", [])) <= 5, f"{name}: crates.io takes 5 keywords at most")
    for needed in ["README.md", "LICENSE-MIT", "LICENSE-APACHE", "Cargo.toml", "Cargo.lock"]:
        check(needed in files, f"{name}: {needed} is not in the package")
    for dep, spec in manifest.get("dependencies", {}).items():
        if dep.startswith("paykka-"):
            check(spec.get("version") == version and "path" not in spec, f"{name}: dependency {dep} is {spec}")
    for prefix in ["tests/", "e2e/", "backend/", "sandbox/", "frame/", "vendor/", "scripts/", "target/", "examples/", "fuzz/", "docs/"]:
        stray = sorted(f for f in files if f.startswith(prefix))
        check(not stray, f"{name}: {stray[:3]} should not ship")
    print(f"check-publish: {name} {version}: {len(files)} files, {os.path.getsize(path):,} B packed")
    if name == "paykka-checkout":
        for needed in ["build.rs", "style/theme.css", "src/lib.rs", "src/styles.rs", "locales/en-US/checkout.ftl"]:
            check(needed in files, f"{name}: {needed} is not in the package")
        shipped = sum(1 for f in files if f.startswith("locales/") and f.endswith("/checkout.ftl"))
        check(shipped == locales, f"{name}: {shipped} locales packaged of {locales}")
        css = sum(1 for f in files if f.endswith(".module.css"))
        check(css == modules, f"{name}: {css} CSS modules packaged of {modules}")
        check(manifest.get("features", {}).get("default") == ["csr"], f"{name}: default features {manifest.get('features', {}).get('default')}")
        leptos = manifest["dependencies"]["leptos"]
        check("csr" not in leptos.get("features", []), f"{name}: its leptos dependency forces csr: {leptos}")

if failed:
    print("check-publish: " + "\ncheck-publish: ".join(failed), file=sys.stderr)
    sys.exit(1)
PY
echo "check-publish: the three crates package; publish in the order ${CRATES[*]}"

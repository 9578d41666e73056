#!/usr/bin/env python3
"""Where a wasm's bytes go: its sections, and its biggest functions by name (from the `name`
section, when the build kept it), grouped by crate. Usage: wasm-sizes.py FILE.wasm [TOP [CRATE]]"""
import re
import sys
from collections import Counter

from wasm_binary import leb, sections as wasm_sections, skip_import_desc


def crate_of(name):
    """The first crate a (legacy or v0) mangled symbol names; `(other)` for the rest."""
    if name.startswith("_ZN"):
        m = re.match(r"_ZN(\d+)", name)
        if m:
            start = m.end()
            segment = name[start : start + int(m.group(1))]
            inner = re.match(r"_\$LT\$(?:\$RF\$)?(?:mut\$u20\$)?([a-z_][a-z0-9_]*)\.\.", segment)
            return inner.group(1) if inner else segment
    # Demangled v0 (what wasm-opt -g keeps): `<tachys[3590..]::html::...>` names its crate first.
    m = re.match(r"[<&(\s]*(?:mut |dyn |impl )*([a-z_][a-z0-9_]*)\[[0-9a-f]+\]", name)
    if m:
        return m.group(1)
    m = re.search(r"Cs[0-9A-Za-z]*_(\d+)([a-z_][a-z0-9_]*)", name)
    if m:
        return m.group(2)[: int(m.group(1))]
    return "(other)"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    data = open(path, "rb").read()
    sections = []
    code = None
    names = {}
    imported_funcs = 0
    for sid, _, j, size in wasm_sections(data):
        body = data[j : j + size]
        label = {0: "custom", 1: "type", 2: "import", 3: "function", 5: "memory", 6: "global", 7: "export", 9: "elem", 10: "code", 11: "data"}.get(sid, str(sid))
        if sid == 0:
            nlen, k = leb(body, 0)
            cname = body[k : k + nlen].decode(errors="replace")
            label = f"custom:{cname}"
            if cname == "name":
                p = k + nlen
                while p < len(body):
                    sub = body[p]
                    sublen, q = leb(body, p + 1)
                    if sub == 1:
                        count, r = leb(body, q)
                        for _ in range(count):
                            idx, r = leb(body, r)
                            l, r = leb(body, r)
                            names[idx] = body[r : r + l].decode(errors="replace")
                            r += l
                    p = q + sublen
        if sid == 2:
            count, r = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    l, r = leb(body, r)
                    r += l
                kind, r = skip_import_desc(body, r)
                if kind == 0:
                    imported_funcs += 1
        if sid == 10:
            code = body
        sections.append((label, size))
    print(f"{path}: {len(data)} bytes")
    for label, size in sorted(sections, key=lambda s: -s[1]):
        print(f"  section {label:<24} {size:>9}")
    if code is None:
        return
    count, p = leb(code, 0)
    funcs = []
    for n in range(count):
        size, q = leb(code, p)
        funcs.append((size, names.get(imported_funcs + n, f"func[{imported_funcs + n}]")))
        p = q + size
    if not names:
        print("  (no name section: build with names kept to see functions)")
    by_crate = Counter()
    for size, name in funcs:
        by_crate[crate_of(name)] += size
    print("  code by crate:")
    for crate, size in by_crate.most_common(top):
        print(f"    {crate:<32} {size:>9}")
    only = sys.argv[3] if len(sys.argv) > 3 else None
    print(f"  {top} biggest functions{' of ' + only if only else ''}:")
    for size, name in sorted((f for f in funcs if only is None or crate_of(f[1]) == only), reverse=True)[:top]:
        print(f"    {size:>7}  {name[:110]}")


main()

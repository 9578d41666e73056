#!/usr/bin/env python3
"""Gives the wasm's imports and exports one- or two-letter names, in the wasm and in its
wasm-bindgen glue.

wasm-bindgen names each import after the JS it calls plus a 16-digit hash
(`__wbg_contentWindow_a8b1756e49695176`), and the name is written twice, in the wasm's import
section and as a key of the glue's imports object: ~300 imports, ~16 KB raw, 4+ KB brotli, for
names nobody reads. An import is renamed only when its name appears in the glue exactly once,
as an object key (`name:`); any other is left as it is.
Usage: minify-imports.py GLUE.js MODULE.wasm   (both rewritten in place)"""
import re
import string
import sys


def leb(data, i):
    result = shift = 0
    while True:
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def skip_limits(data, i):
    flags = data[i]
    i += 1
    _, i = leb(data, i)
    if flags & 1:
        _, i = leb(data, i)
    return i


def skip_desc(data, i):
    kind = data[i]
    i += 1
    if kind == 0x00:  # function: type index
        _, i = leb(data, i)
    elif kind == 0x01:  # table: reference type, limits
        i = skip_limits(data, i + 1)
    elif kind == 0x02:  # memory: limits
        i = skip_limits(data, i)
    elif kind == 0x03:  # global: value type, mutability
        i += 2
    elif kind == 0x04:  # tag: attribute, type index
        _, i = leb(data, i + 1)
    else:
        raise SystemExit(f"minify-imports: unknown import kind {kind}")
    return i


def short_names(taken):
    letters = string.ascii_letters
    for first in letters:
        if first not in taken:
            yield first
    for first in letters:
        for second in letters + string.digits:
            if first + second not in taken:
                yield first + second


def main():
    glue_path, wasm_path = sys.argv[1:3]
    glue = open(glue_path, encoding="utf-8").read()
    wasm = open(wasm_path, "rb").read()
    assert wasm[:8] == b"\0asm\1\0\0\0", "not a wasm module"
    i = 8
    while i < len(wasm):
        section_start = i
        sid = wasm[i]
        size, body = leb(wasm, i + 1)
        if sid == 2:
            break
        i = body + size
    else:
        raise SystemExit("minify-imports: no import section")

    count, j = leb(wasm, body)
    imports = []
    for _ in range(count):
        n, j = leb(wasm, j)
        module = wasm[j : j + n]
        j += n
        n, j = leb(wasm, j)
        name = wasm[j : j + n].decode("utf-8")
        j += n
        desc_start = j
        j = skip_desc(wasm, j)
        imports.append((module, name, wasm[desc_start:j]))
    assert j == body + size, "import section not read to its end"

    def renamable(name):
        keys = re.findall(r"(?<![\w$])" + re.escape(name) + r"(?=\s*:)", glue)
        anywhere = re.findall(r"(?<![\w$])" + re.escape(name) + r"(?![\w$])", glue)
        return len(keys) == 1 and len(anywhere) == 1

    kept = {name for _, name, _ in imports if not renamable(name)}
    names = short_names(kept)
    renames = {name: next(names) for _, name, _ in imports if name not in kept}

    section = bytearray(uleb(len(imports)))
    for module, name, desc in imports:
        new = renames.get(name, name).encode("utf-8")
        section += uleb(len(module)) + module + uleb(len(new)) + new + desc
    wasm = wasm[:section_start] + bytes([2]) + uleb(len(section)) + bytes(section) + wasm[body + size :]

    for old, new in renames.items():
        glue = re.sub(r"(?<![\w$])" + re.escape(old) + r"(?=\s*:)", new, glue)
    wasm, glue, exported = minify_exports(wasm, glue)
    open(wasm_path, "wb").write(wasm)
    open(glue_path, "w", encoding="utf-8").write(glue)
    print(f"minify-imports: {len(renames)} of {len(imports)} imports renamed, and {exported} exports")


def minify_exports(wasm, glue):
    """The same for the exports the glue only ever reads as `.name` (closure shims are named
    after their full Rust types: hundreds of characters)."""
    i = 8
    while i < len(wasm):
        section_start = i
        sid = wasm[i]
        size, body = leb(wasm, i + 1)
        if sid == 7:
            break
        i = body + size
    else:
        return wasm, glue, 0
    count, j = leb(wasm, body)
    exports = []
    for _ in range(count):
        n, j = leb(wasm, j)
        name = wasm[j : j + n].decode("utf-8")
        j += n
        desc_start = j
        _, j = leb(wasm, j + 1)
        exports.append((name, wasm[desc_start:j]))
    assert j == body + size, "export section not read to its end"

    def renamable(name):
        # `memory` is read by the loader; a name the glue assigns (`exports.configureLocales =`)
        # is the SDK's JS API, which the glue defines under the wasm export's own name.
        if name == "memory" or re.search(r"\." + re.escape(name) + r"\s*=(?!=)", glue):
            return False
        anywhere = re.findall(r"(?<![\w$])" + re.escape(name) + r"(?![\w$])", glue)
        as_property = re.findall(r"\." + re.escape(name) + r"(?![\w$])", glue)
        return len(anywhere) > 0 and len(anywhere) == len(as_property)

    kept = {name for name, _ in exports if not renamable(name)}
    names = short_names(kept)
    renames = {name: next(names) for name, _ in exports if name not in kept}
    section = bytearray(uleb(len(exports)))
    for name, desc in exports:
        new = renames.get(name, name).encode("utf-8")
        section += uleb(len(new)) + new + desc
    wasm = wasm[:section_start] + bytes([7]) + uleb(len(section)) + bytes(section) + wasm[body + size :]
    for old, new in renames.items():
        glue = re.sub(r"\." + re.escape(old) + r"(?![\w$])", "." + new, glue)
    return wasm, glue, len(renames)


main()

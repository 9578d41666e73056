#!/usr/bin/env python3
"""Gives the wasm's imports and exports one- or two-letter names, in the wasm and in its
wasm-bindgen glue.

wasm-bindgen names each import after the JS it calls plus a 16-digit hash
(`__wbg_contentWindow_a8b1756e49695176`), and the name is written twice, in the wasm's import
section and as a key of the glue's imports object: ~160 imports in the SDK, 4 KB brotli, for
names nobody reads. An import is renamed only when its name appears in the glue exactly once,
as an object key (`name:`); any other is left as it is.
Usage: minify-imports.py GLUE.js MODULE.wasm   (both rewritten in place)"""
import re
import string
import sys

from wasm_binary import find_section, leb, replace_section, skip_import_desc, uleb


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
    wasm, glue, imported, renamed = minify_imports(wasm, glue)
    wasm, glue, exported = minify_exports(wasm, glue)
    open(wasm_path, "wb").write(wasm)
    open(glue_path, "w", encoding="utf-8").write(glue)
    print(f"minify-imports: {renamed} of {imported} imports renamed, and {exported} exports")


def minify_imports(wasm, glue):
    """Renames the imports the glue names exactly once, as an object key (`name:`)."""
    found = find_section(wasm, 2)
    if found is None:
        raise SystemExit("minify-imports: no import section")
    _, body, size = found
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
        _, j = skip_import_desc(wasm, j)
        imports.append((module, name, wasm[desc_start:j]))
    assert j == body + size, "import section not read to its end"

    def renamable(name):
        keys = re.findall(r"(?<![\w$])" + re.escape(name) + r"(?=\s*:)", glue)
        anywhere = re.findall(r"(?<![\w$])" + re.escape(name) + r"(?![\w$])", glue)
        return len(keys) == 1 and len(anywhere) == 1

    renames = new_names([name for _, name, _ in imports], renamable)
    section = bytearray(uleb(len(imports)))
    for module, name, desc in imports:
        new = renames.get(name, name).encode("utf-8")
        section += uleb(len(module)) + module + uleb(len(new)) + new + desc
    for old, new in renames.items():
        glue = re.sub(r"(?<![\w$])" + re.escape(old) + r"(?=\s*:)", new, glue)
    return replace_section(wasm, 2, section), glue, len(imports), len(renames)


def new_names(names, renamable):
    """A short new name for each of `names` that is `renamable`, none equal to a name kept."""
    kept = {name for name in names if not renamable(name)}
    fresh = short_names(kept)
    return {name: next(fresh) for name in names if name not in kept}


def minify_exports(wasm, glue):
    """The same for the exports the glue only ever reads as `.name` (closure shims are named
    after their full Rust types: hundreds of characters)."""
    found = find_section(wasm, 7)
    if found is None:
        return wasm, glue, 0
    _, body, size = found
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

    renames = new_names([name for name, _ in exports], renamable)
    section = bytearray(uleb(len(exports)))
    for name, desc in exports:
        new = renames.get(name, name).encode("utf-8")
        section += uleb(len(new)) + new + desc
    for old, new in renames.items():
        glue = re.sub(r"\." + re.escape(old) + r"(?![\w$])", "." + new, glue)
    return replace_section(wasm, 7, section), glue, len(renames)


main()

#!/usr/bin/env python3
"""Links the SDK's wasm chunks into its classic-script glue.

`wasm-split-cli` writes the main module, one `.wasm` per chunk and `__wasm_split.js`, an ES
module the main module imports its chunk loaders from. The SDK's glue is wasm-bindgen's
no-modules target (a classic script: no `import`), which leaves that import as
`require("./__wasm_split.js")`. This pastes the link module in its place, as a function's body,
and has it fetch each chunk through the loader (`__wbg_init.loadChunk(file)`, set by
sdk/core.js: the chunk's URL beside the SDK, its SRI hash) instead of a bare `fetch`.

The chunks import the main module's function table (their functions go into it, and they call
the main module's through it); wasm-bindgen drops that export, which the glue does not use, so
it is added back to MAIN.wasm (wasm-bindgen's output, before wasm-opt).
Usage: link-chunks.py GLUE.js LINK.js MAIN.wasm   (both rewritten in place; prints the chunk files)"""
import re
import sys

from wasm_binary import find_section, leb, replace_section, sections, skip_import_desc, uleb

TABLE_EXPORT = "__indirect_function_table"


def export_function_table(wasm):
    """`wasm` exporting its (first) funcref table as TABLE_EXPORT, if it does not already."""
    tables = []  # reference type of each table, imported ones first
    for sid, _, body, size in sections(wasm):
        if sid == 2:
            count, i = leb(wasm, body)
            for _ in range(count):
                for _ in range(2):
                    n, i = leb(wasm, i)
                    i += n
                if wasm[i] == 0x01:
                    tables.append(wasm[i + 1])
                _, i = skip_import_desc(wasm, i)
        if sid == 4:
            count, i = leb(wasm, body)
            for _ in range(count):
                tables.append(wasm[i])
                i += 1
                flags = wasm[i]
                _, i = leb(wasm, i + 1)
                if flags & 1:
                    _, i = leb(wasm, i)
    assert 0x70 in tables, "no function table"
    index = tables.index(0x70)
    _, body, size = find_section(wasm, 7)
    count, i = leb(wasm, body)
    entries = wasm[i : body + size]
    j = 0
    for _ in range(count):
        n, k = leb(entries, j)
        name = entries[k : k + n].decode()
        kind = entries[k + n]
        _, j = leb(entries, k + n + 1)
        if name == TABLE_EXPORT:
            assert kind == 1, "TABLE_EXPORT names something else"
            return wasm
    name = TABLE_EXPORT.encode()
    section = uleb(count + 1) + bytes(entries) + uleb(len(name)) + name + bytes([1]) + uleb(index)
    return replace_section(wasm, 7, section)


def main():
    glue_path, link_path, wasm_path = sys.argv[1:4]
    wasm = open(wasm_path, "rb").read()
    open(wasm_path, "wb").write(export_function_table(wasm))
    glue = open(glue_path, encoding="utf-8").read()
    link = open(link_path, encoding="utf-8").read()

    link, n = re.subn(r'^import \{ initSync \} from "[^"]+";\n', "", link, flags=re.M)
    assert n == 1, "the link module no longer imports initSync as expected"
    exported = re.findall(r"^export const (\w+) =", link, flags=re.M)
    link = re.sub(r"^export const ", "const ", link, flags=re.M)
    fetcher = re.compile(
        r'\(\) => \{\s*const src = fetch\(new URL\("\./([\w.-]+\.wasm)", import\.meta\.url\)\);\s*'
        r"return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\s*\}"
    )
    files = fetcher.findall(link)
    link = fetcher.sub(
        lambda m: '() => {\n    const module = __wbg_init.loadChunk("%s");\n'
        "    return async (imports) => WebAssembly.instantiate(await module, imports);\n}" % m.group(1),
        link,
    )
    assert "import.meta" not in link and "fetch(" not in link, "a chunk is still fetched directly"
    assert len(files) == len(set(files)) and files, "no chunk found in the link module"

    # wasm-bindgen requires the module once per import of it (one per chunk): the first gets
    # the link code, the others the same object.
    requirement = re.compile(r'const (\w+) = require\("\./__wasm_split\.js"\);')
    names = requirement.findall(glue)
    assert names, "the glue does not require the link module"
    body = "%s\nreturn { %s };" % (link.strip(), ", ".join(exported))

    def linked(m):
        if m.group(1) == names[0]:
            return "const %s = (function () {\n%s\n})();" % (m.group(1), body)
        return "const %s = %s;" % (m.group(1), names[0])

    glue = requirement.sub(linked, glue)
    for name in names[1:]:
        glue, n = re.subn(r'\n\s*"\./__wasm_split\.js": %s,' % name, "", glue)
        assert n == 1, "the imports object does not name %s once" % name
        glue = glue.replace("const %s = %s;" % (name, names[0]), "")
    open(glue_path, "w", encoding="utf-8").write(glue)
    print("\n".join(files))


main()

"""Reading and writing the few parts of the wasm binary format the build's scripts touch
(wasm-sizes.py, minify-imports.py): LEB128 numbers, the sections, import descriptions."""


def leb(data, i):
    """The unsigned LEB128 number at `data[i]`, and the index after it."""
    result = shift = 0
    while True:
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def uleb(n):
    """`n` as unsigned LEB128."""
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def sections(data):
    """Each section as (id, start, body start, body size), in order."""
    assert data[:4] == b"\0asm", "not a wasm module"
    i = 8
    while i < len(data):
        size, body = leb(data, i + 1)
        yield data[i], i, body, size
        i = body + size


def find_section(data, wanted):
    """(start, body start, body size) of the first section with id `wanted`, or None."""
    return next(((start, body, size) for sid, start, body, size in sections(data) if sid == wanted), None)


def replace_section(data, wanted, body):
    """`data` with the first section of id `wanted` (which must exist) holding `body` instead."""
    start, old_body, size = find_section(data, wanted)
    return data[:start] + bytes([wanted]) + uleb(len(body)) + bytes(body) + data[old_body + size :]


def _skip_limits(data, i):
    flags = data[i]
    _, i = leb(data, i + 1)
    if flags & 1:
        _, i = leb(data, i)
    return i


def skip_import_desc(data, i):
    """The kind of the import description at `data[i]` (0 function, 1 table, 2 memory,
    3 global, 4 tag), and the index after it."""
    kind = data[i]
    i += 1
    if kind == 0x00:  # function: type index
        _, i = leb(data, i)
    elif kind == 0x01:  # table: reference type, limits
        i = _skip_limits(data, i + 1)
    elif kind == 0x02:  # memory: limits
        i = _skip_limits(data, i)
    elif kind == 0x03:  # global: value type, mutability
        i += 2
    elif kind == 0x04:  # tag: attribute, type index
        _, i = leb(data, i + 1)
    else:
        raise ValueError(f"unknown import kind {kind}")
    return kind, i


def without_name_subsections(data, drop):
    """`data` with the `name` section's subsections of ids `drop` left out (binaryen warns
    about the label names, subsection 3, that wasm-split writes, and cannot use them)."""
    out = bytearray(data[:8])
    for sid, start, body, size in sections(data):
        section = data[start : body + size]
        if sid == 0:
            nlen, k = leb(data, body)
            if data[k : k + nlen] == b"name":
                kept = bytearray(data[body : k + nlen])
                p, end = k + nlen, body + size
                while p < end:
                    sublen, q = leb(data, p + 1)
                    if data[p] not in drop:
                        kept += data[p : q + sublen]
                    p = q + sublen
                section = bytes([0]) + uleb(len(kept)) + bytes(kept)
        out += section
    return bytes(out)


if __name__ == "__main__":
    # wasm_binary.py drop-label-names FILE...: rewrites each FILE without its label names.
    import sys

    assert sys.argv[1] == "drop-label-names", "usage: wasm_binary.py drop-label-names FILE..."
    for path in sys.argv[2:]:
        wasm = open(path, "rb").read()
        open(path, "wb").write(without_name_subsections(wasm, {3}))

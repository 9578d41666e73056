#!/usr/bin/env python3
"""Drops wasm-streams' ReadableStream adapters (IntoUnderlyingSource, IntoUnderlyingSink,
IntoUnderlyingByteSource) from the SDK's wasm-bindgen glue. Leptos always depends on server_fn's
browser client, which brings wasm-streams, whose adapters are exported JS classes. An export is
a root no optimizer may remove, yet nothing in the SDK ever creates one (the glue has no
`__wrap` for them: Rust never hands one to JS). build-sdk.sh removes their exports from the wasm
(`wasm-opt --remove-exports`), and this their classes from the glue.

  drop-stream-exports.py GLUE.js

Refuses (exit 1) when the glue is not as expected, so a new wasm-bindgen cannot make this
silently wrong."""
import re
import sys

CLASSES = ("IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource")


def glue(path):
    text = open(path).read()
    for name in CLASSES:
        text, classes = re.subn(
            rf"\n    class {name} \{{.*?\n    exports\.{name} = {name};\n", "\n", text, flags=re.S
        )
        text, registries = re.subn(rf"\n    const {name}Finalization = [^;]*;\n", "\n", text)
        if classes != 1 or registries != 1:
            sys.exit(f"drop-stream-exports: {path} does not define {name} as expected")
    if "intounderlying" in text:
        sys.exit(f"drop-stream-exports: {path} still uses an intounderlying* export")
    open(path, "w").write(text)


if __name__ == "__main__":
    glue(sys.argv[1])

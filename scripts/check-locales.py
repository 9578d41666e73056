#!/usr/bin/env python3
"""Quick check of locales/*/checkout.ftl against the source locale (en-US), without a Rust build:
same message ids, same variables per message, a default (*) variant in every selector.
The authoritative check is the Rust test `every_locale_defines_exactly_the_source_locale_messages`."""
import re, sys, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "locales"

def messages(path):
    out, current = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^([a-z][a-z0-9-]*)\s*=\s*(.*)$", line)
        if m:
            current = m.group(1)
            if current in out:
                raise SystemExit(f"{path}: {current} defined twice")
            out[current] = m.group(2)
        elif line.startswith(" ") and current:
            out[current] += "\n" + line
        else:
            raise SystemExit(f"{path}: cannot read line {line!r}")
    return out

def variables(text):
    return set(re.findall(r"\$([a-z][a-z0-9_-]*)", text))

source = messages(ROOT / "en-US" / "checkout.ftl")
failed = False
for path in sorted(ROOT.glob("*/checkout.ftl")):
    msgs = messages(path)
    problems = []
    missing = sorted(set(source) - set(msgs))
    extra = sorted(set(msgs) - set(source))
    if missing: problems.append(f"missing {missing}")
    if extra: problems.append(f"not in en-US {extra}")
    for mid, text in msgs.items():
        if mid in source and variables(text) - variables(source[mid]):
            problems.append(f"{mid}: unknown variables {sorted(variables(text) - variables(source[mid]))}")
        if "->" in text and "*[" not in text:
            problems.append(f"{mid}: selector without a default *[...] variant")
        if not text.strip():
            problems.append(f"{mid}: empty")
    if problems:
        failed = True
        print(f"{path.parent.name}: " + "; ".join(problems))
print(f"{len(list(ROOT.glob('*/checkout.ftl')))} locales checked" + (": problems above" if failed else ", all consistent"))
sys.exit(1 if failed else 0)

"""Write src/appealkit/data/scripts.json: each Unicode script's code-point ranges (the Script
property, UAX #24), read from the `regex` module's Unicode tables, keyed by ISO 15924 code.
appealkit.scripts answers every "which script is this?" from it. Run by `make data`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import regex
import regex._regex_core as core

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "appealkit" / "data" / "scripts.json"

# sample words and the script tests/test_scripts.py expects of each
SAMPLES = {"Phạm Đoan Trang": "Latn", "Bəxtiyar Hacıyev": "Latn", "Łukasz Żółć": "Latn",
           "Щеглова": "Cyrl", "Ґудзь": "Cyrl", "Ўладзімір": "Cyrl", "Қасым": "Cyrl",
           "Αθήνα": "Grek", "თბილისი": "Geor", "Երևան": "Armn", "تهران": "Arab", "ירושלים": "Hebr",
           "北京": "Hani", "東京タワー": "Hani Kana", "12-34, №5": ""}

# the first script each Unicode version added: the newest one regex knows names its version
_PROBES = (("15.0.0", "Kawi"), ("16.0.0", "Garay"), ("17.0.0", "Sidetic"), ("18.0.0", "Seal"))


def unicode_version() -> str:
    known = "14.0.0 or older"
    for version, script in _PROBES:
        try:
            regex.compile(rf"\p{{Script={script}}}")
        except regex.error:
            break
        known = version
    return known


def build() -> dict:
    aliases: dict[int, list[str]] = {}
    for name, value in core.PROPERTIES["SCRIPT"][1].items():
        aliases.setdefault(value, []).append(name)
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    scripts = {}
    for names in aliases.values():
        # the ISO 15924 code; Qaai and Qaac are the private-use aliases of Zinh and Copt
        code = min((n for n in names if len(n) == 4), key=lambda n: (n.startswith("Q"), n)).title()
        if code in ("Zzzz",):  # Unknown: whatever no script claims
            continue
        long = max(names, key=len).title()
        runs = [[ord(m.group()[0]), ord(m.group()[-1])]
                for m in regex.finditer(rf"\p{{Script={names[0]}}}+", every)]
        scripts[code] = {"name": long, "ranges": runs}
    return dict(sorted(scripts.items()))


def main() -> None:
    doc = {
        "source": f"Unicode Script property (UAX #24), from the regex module {regex.__version__}",
        "unicode": unicode_version(),
        "regenerate": "make data (tools/scripts_table.py)",
        "samples": SAMPLES,
        "scripts": build(),
    }
    # one script a line: a diff after an upgrade shows which scripts changed
    head = json.dumps({k: v for k, v in doc.items() if k != "scripts"}, ensure_ascii=False)[:-1]
    body = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}" for k, v in doc["scripts"].items())
    text = f'{head}, "scripts": {{\n{body}\n}}}}'
    tmp = TARGET.with_suffix(".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(TARGET)
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(doc['scripts'])} scripts, Unicode {doc['unicode']}",
          file=sys.stderr)


if __name__ == "__main__":
    main()

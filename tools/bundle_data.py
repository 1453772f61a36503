"""Write src/appealkit/data/bundle.json: every YAML data file of the package, parsed, keyed by
its path and the (length, CRC-32) of its text. resources.load_data uses an entry only while the
file's text still matches; tests/test_data_bundle.py keeps the bundle current. JSON, not pickle:
loading it runs nothing, and it loads as fast (resources.load_data's docstring has the numbers).

The file is one JSON object with a line per data file: "path": [length, crc32, parsed data],
so that resources reads the one line it needs (fresh objects each call, nothing else parsed).
A file holding YAML dates writes each as {"$date": "YYYY-MM-DD"}, and its entry carries a
fourth item, true.

Run `make data` (or `python tools/bundle_data.py`) after editing anything in data/."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from appealkit.resources import data_root, parse_yaml, text_key  # noqa: E402

# files read through load_data; starter.yaml is copied as text, never parsed at run time
SKIP = {"starter.yaml"}


def _encode(value):
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"$date": value.isoformat()}
    raise TypeError(f"{type(value).__name__} in a data file: the bundle holds JSON types and dates")


def entry(text: str) -> str:
    """The bundle's entry for a data file's text, as one line of JSON."""
    flag: list = []

    def encode(value):
        flag.append(True)
        return _encode(value)

    body = json.dumps(parse_yaml(text), ensure_ascii=False, separators=(",", ":"), default=encode)
    length, crc = text_key(text)
    return f"[{length},{crc},{body}{',true' if flag else ''}]"


def build() -> dict:
    root = data_root()
    out = {}
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        if rel in SKIP:
            continue
        out[rel] = entry(path.read_text(encoding="utf-8"))
    return out


def main() -> None:
    target = data_root() / "bundle.json"
    # one file a line: a diff shows which data files changed
    lines = [f"{json.dumps(rel)}: {e}" for rel, e in build().items()]
    text = "{\n" + ",\n".join(lines) + "\n}\n"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    print(f"wrote {target.relative_to(ROOT)}: {len(text.encode()) // 1024} KB", file=sys.stderr)


if __name__ == "__main__":
    main()

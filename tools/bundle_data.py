"""Write src/appealkit/data/bundle.pickle: every YAML data file of the package, parsed, keyed by
its path and the (length, CRC-32) of its text. resources.load_data uses an entry only while the
file's text still matches; tests/test_data_bundle.py keeps the bundle current.

Run `make data` (or `python tools/bundle_data.py`) after editing anything in data/."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from appealkit.resources import data_root, parse_yaml, text_key  # noqa: E402

# files read through load_data; starter.yaml is copied as text, never parsed at run time
SKIP = {"starter.yaml"}


def build() -> dict:
    root = data_root()
    out = {}
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        if rel in SKIP:
            continue
        text = path.read_text(encoding="utf-8")
        out[rel] = (text_key(text), pickle.dumps(parse_yaml(text), protocol=4))
    return out


def main() -> None:
    target = data_root() / "bundle.pickle"
    data = pickle.dumps(build(), protocol=4)
    tmp = target.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    print(f"wrote {target.relative_to(ROOT)}: {len(data) // 1024} KB")


if __name__ == "__main__":
    main()

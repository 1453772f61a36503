"""Package data: found the same way in a source checkout, an editable install and a wheel."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=None)
def data_root() -> Path:
    # a package on disk (source tree, editable install, unpacked wheel) has its data beside it;
    # importlib.resources (4 ms to import) is only needed for a zipped install
    here = Path(__file__).resolve().parent / "data"
    if here.is_dir():
        return here
    from importlib.resources import files

    return Path(str(files("appealkit") / "data"))


def data_path(*parts: str) -> Path:
    return data_root().joinpath(*parts)


def read_list(*parts: str) -> list[str]:
    """A data file of one item a line; blank lines and '#' comments are skipped."""
    text = data_path(*parts).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def load_data(*parts: str):
    """A YAML data file of the package. Parsing YAML costs about 1 ms per 10 KB, a tenth of a
    command's start-up over all the files `check` reads, so data/bundle.json holds each file
    already parsed (written by tools/bundle_data.py, `make data`), a line per file: only the
    line asked for is parsed, into fresh objects (JSON, never pickle: reading it runs nothing;
    the nine files `check` reads load in about the time their pickles took). A file whose text
    no longer matches its bundled copy (edited since) is parsed from the YAML, so the bundle can
    only be slow, never stale; a test keeps it current."""
    text = data_path(*parts).read_text(encoding="utf-8")
    line = _entry("/".join(parts))
    if line is not None:
        import json

        entry = json.loads(line, object_hook=_dates) if line.endswith(b",true]") else json.loads(line)
        if (entry[0], entry[1]) == text_key(text):
            return entry[2]
    return parse_yaml(text)


def _dates(obj: dict):
    if len(obj) == 1 and "$date" in obj:
        import datetime as dt

        return dt.date.fromisoformat(obj["$date"])
    return obj


def text_key(text: str) -> tuple[int, int]:
    """What identifies a data file's text in the bundle: its length and CRC-32."""
    import zlib

    data = text.encode("utf-8")
    return len(data), zlib.crc32(data)


def _entry(rel: str) -> bytes | None:
    """The JSON of `rel`'s entry in data/bundle.json (a line a file: found, not parsed; the
    bytes, as only this line needs decoding)."""
    data = _bundle()
    key = f'\n"{rel}": '.encode()
    start = data.find(key)
    if start < 0:
        return None
    start += len(key)
    return data[start:data.index(b"\n", start)].rstrip(b",")


@lru_cache(maxsize=None)
def _bundle() -> bytes:
    path = data_path("bundle.json")
    return path.read_bytes() if path.is_file() else b""


def parse_yaml(text: str):
    """Plain data from YAML text (safe: no tags beyond the core schema)."""
    yaml = yaml_module()
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


# PyYAML compiles about a dozen patterns when `yaml` is imported (its pure-Python Reader's
# character check, the resolver's and the emitter's): 3-10 ms, a tenth of appealkit's start-up,
# for patterns a run mostly never uses: libyaml's loader (the one appealkit uses) never runs the
# Reader's check (yaml/pyyaml#124), and the resolver tries a pattern only on a plain scalar
# starting with one of its characters. yaml_module() has PyYAML's own patterns compiled on first
# use instead; whatever PyYAML changes, nothing breaks: a pattern is the same once compiled.


class _LazyPattern:
    def __init__(self, pattern: str, flags: int):
        self._args = (pattern, flags)
        self._compiled: Any = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            import re

            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


@lru_cache(maxsize=None)
def yaml_module():
    """The `yaml` module, imported without compiling its patterns (above)."""
    import re
    import sys

    if "yaml" in sys.modules:
        return sys.modules["yaml"]
    real = re.compile

    def compile(pattern, flags=0):  # noqa: A001 - stands in for re.compile during the import
        # only PyYAML's own module-level patterns: anything else imported meanwhile gets real ones
        mine = sys._getframe(1).f_globals.get("__name__", "").startswith("yaml.")
        return _LazyPattern(pattern, flags) if mine else real(pattern, flags)

    re.compile = compile
    try:
        import yaml
    finally:
        re.compile = real
    return yaml

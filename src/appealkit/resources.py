"""Package data: found the same way in a source checkout, an editable install and a wheel."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


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
    """A YAML data file of the package, read with libyaml's safe loader when present."""
    return parse_yaml(data_path(*parts).read_text(encoding="utf-8"))


def parse_yaml(text: str):
    """Plain data from YAML text (safe: no tags beyond the core schema)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

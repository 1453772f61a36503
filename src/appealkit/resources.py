"""Package data: found the same way in a source checkout, an editable install and a wheel."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def data_root() -> Path:
    from importlib.resources import files

    return Path(str(files("appealkit") / "data"))


def data_path(*parts: str) -> Path:
    return data_root().joinpath(*parts)

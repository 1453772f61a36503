"""Many cases in one run: files as given, folders expanded to their case files, each loaded in
turn so that a broken file is named and the others still run."""

from __future__ import annotations

import os
from typing import Any, Iterable, Iterator

from ..errors import AppealkitError, CaseError, Where
from ..records import Record

CASE_SUFFIXES = (".yaml", ".yml")
NO_CASES = "folder holds no *.yaml or *.yml case files"


def case_paths(paths: Iterable[str]) -> list[str]:
    """Files (and `-`) as given; a folder becomes its *.yaml and *.yml files in name order
    (hidden files left out: editors keep their swap and backup files there)."""
    return [f for _, files in _groups(paths) for f in files]


def _is_folder(path: str) -> bool:
    return path != "-" and os.path.isdir(path)


def _groups(paths: Iterable[Any]) -> Iterator[tuple[Any, list[Any]]]:  # str, or None (no argument)
    """Each argument with the case files it stands for: a folder its own, anything else itself."""
    for p in paths:
        yield p, (_folder(p) if p is not None and _is_folder(p) else [p])


def _folder(folder: str) -> list[str]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [os.path.join(folder, n) for n in names
            if n.endswith(CASE_SUFFIXES) and not n.startswith(".") and os.path.isfile(os.path.join(folder, n))]


def expand_case_paths(args: list[str | None]) -> list[str | None]:
    """Case arguments with each folder replaced by its case files (case_paths); a folder
    without any is an error. None (no argument) stays: the caller resolves it."""
    out: list[str | None] = []
    for a, files in _groups(args):
        if not files:
            raise CaseError(NO_CASES, Where(a))
        out += files
    return out


class Loaded(Record, eq=False):  # compared by identity
    """One path of a run: its case, or the error that stopped it."""

    path: str
    case: object = None
    error: AppealkitError | None = None


def load_cases(paths: Iterable[str]) -> Iterator[Loaded]:
    """Each case of `paths` (see case_paths) in order, loaded one at a time; a folder without
    case files is an error of its own."""
    from .load import load_case

    for p, group in _groups(paths):
        if not group:
            yield Loaded(p, error=CaseError(NO_CASES, Where(p)))
        for path in group:
            try:
                yield Loaded(path, load_case(path))
            except AppealkitError as e:
                yield Loaded(path, error=e)


def is_many(paths: Iterable[str]) -> bool:
    """Whether a run reads more than one case: several paths, or a folder."""
    paths = list(paths)
    return len(paths) > 1 or any(_is_folder(p) for p in paths)

"""`check` over files: each file's errors (it breaks the format) or warnings (Findings), and
whether it passes. Pure: paths in, a report out; the CLI prints it."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Iterable, Iterator

from ..errors import AppealkitError, CaseError, CaseErrors
from ..records import Record


class FileCheck(Record):
    """`check` on one file: its errors, its warnings, and the verdict."""
    file: str | None
    ok: bool
    errors: list[AppealkitError] = field(default_factory=list)  # the file breaks the format
    findings: list = field(default_factory=list)  # checks.Finding: warnings (and what they stop)
    strict: bool = False  # warnings fail it

    def as_dict(self) -> dict:
        return {"file": self.file, "ok": self.ok, "errors": [x.as_dict() for x in self.errors],
                "warnings": [f.as_dict() for f in self.findings]}


class CheckReport(Record):
    """`check` on every file given."""
    files: list[FileCheck]
    many: bool  # several files or a folder: the JSON is an array

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)

    def as_json(self):
        rows = [f.as_dict() for f in self.files]
        return rows if self.many else rows[0]

    @property
    def total(self) -> str:
        """The line that ends `check` over several files: '8 files: 8 ok, 4 warnings'."""
        return total_line(self.files)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def total_line(files: list[FileCheck]) -> str:
    """'8 files: 8 ok, 4 warnings'; '8 files: 4 ok, 1 failed (2 errors), 3 failed (--strict), 6 warnings'."""
    broken = [f for f in files if f.errors]
    strict = [f for f in files if not f.ok and not f.errors]
    parts = [f"{len(files) - len(broken) - len(strict)} ok"]
    if broken:
        parts.append(f"{len(broken)} failed ({_n(sum(len(f.errors) for f in broken), 'error')})")
    if strict:
        parts.append(f"{len(strict)} failed (--strict)")
    return f"{_n(len(files), 'file')}: {', '.join(parts)}, {_n(sum(len(f.findings) for f in files), 'warning')}"


def check_file(path: str | None, today: dt.date | None = None, strict: bool = False,
               sender: str | None = None) -> FileCheck:
    """Check one case file (None: $APPEALKIT_CASE's or ./appeal.yaml). An error that is not the
    file's fault (no file given at all) is raised. `sender`: the writer's country, for postal
    routes and transit times."""
    from ..checks import run_checks
    from .run import load_one

    try:
        c = load_one(path)
    except CaseError as e:
        errs: list[AppealkitError] = list(e.errors) if isinstance(e, CaseErrors) else [e]
        first = next((x.where.file for x in errs if x.where and x.where.file), None)
        return FileCheck(path or first, False, errs, strict=strict)
    findings = run_checks(c, today, sender)
    return FileCheck(c.source, not (strict and findings), [], findings, strict)


def check_each(paths: Iterable[str | None], today: dt.date | None = None, strict: bool = False,
               sender: str | None = None) -> Iterator[FileCheck]:
    """check_file for each case file of `paths` (folders expanded), one at a time."""
    from ..case.many import expand_case_paths

    for p in expand_case_paths(list(paths) or [None]):
        yield check_file(p, today, strict, sender)


def check_files(paths: Iterable[str | None], today: dt.date | None = None, strict: bool = False) -> CheckReport:
    """Check every case file of `paths` (files, folders of *.yaml and *.yml, `-`)."""
    from ..case.many import is_many

    paths = list(paths)
    return CheckReport(list(check_each(paths, today, strict)), is_many([p for p in paths if p is not None]))

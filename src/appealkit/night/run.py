"""The cases of one run. One file behaves as it always has: its error is the run's error. With
several files or a folder, an error in one is recorded against that file (and handed to
`on_failure` at once, for a CLI to print), the others still run, and `failed` says how many
stopped."""

from __future__ import annotations

import contextlib
import os
from dataclasses import field
from typing import Callable, Iterator

from ..errors import AppealkitError
from ..records import Record

DEFAULT_CASE = "appeal.yaml"


def case_path(case: str | None) -> str:
    """The case argument (a CLI fills it from $APPEALKIT_CASE), else ./appeal.yaml."""
    if case:
        return case
    if os.path.isfile(DEFAULT_CASE):
        return DEFAULT_CASE
    raise AppealkitError("no case file given, $APPEALKIT_CASE is unset and there is no appeal.yaml here; "
                         "start one with 'appealkit init'")


def load_one(case: str | None):
    from ..case import load_case

    return load_case(case_path(case))


class Failure(Record, eq=False):  # the runner's own records: compared by identity
    """A case file (or folder) of a several-case run that stopped, and why."""

    path: str
    error: AppealkitError


class CaseRun(Record, eq=False):
    """Iterate to get the cases, loaded one at a time. `cases` are paths (files, folders, `-`)
    or already loaded Case objects; none means ./appeal.yaml."""

    cases: list = field(default_factory=list)
    on_failure: Callable[[Failure], None] | None = None
    many: bool = False
    failures: list[Failure] = field(default_factory=list)

    def __post_init__(self) -> None:
        from ..case.many import is_many

        self.cases = list(self.cases) or [case_path(None)]
        paths = [c for c in self.cases if isinstance(c, str)]
        self.many = self.many or len(self.cases) > 1 or is_many(paths)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def __iter__(self) -> Iterator:
        from ..case.many import load_cases

        if not self.many:
            c = self.cases[0]
            yield load_one(c) if isinstance(c, str) else c
            return
        for c in self.cases:
            if not isinstance(c, str):
                yield c
                continue
            for item in load_cases([c]):
                if item.error is not None:
                    self.fail(item.error, item.path)
                else:
                    yield item.case

    def fail(self, e: AppealkitError, path: str) -> None:
        if not self.many:
            raise e
        f = Failure(path, e)
        self.failures.append(f)
        if self.on_failure is not None:
            self.on_failure(f)

    @contextlib.contextmanager
    def guard(self, case) -> Iterator[None]:
        """A context in which an error stops this case only (several cases), or the run (one)."""
        try:
            yield
        except AppealkitError as e:
            self.fail(e, case.source)

    def with_recipient(self, to: str) -> list:
        """The cases that have recipient `to`; each that lacks it stops (before any letter)."""
        good = []
        for c in self:
            with self.guard(c):
                c.targets(to)
                good.append(c)
        return good

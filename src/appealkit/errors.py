"""The one error family. The core raises these; cli.main turns them into a line and an exit code."""

from __future__ import annotations

from typing import NamedTuple


class Where(NamedTuple):
    """A place in an input file; line and column count from 1. (A named tuple: immutable and
    hashable like a frozen dataclass, and a third of the start-up cost of one.)"""

    file: str | None = None
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "col": self.col}


def did_you_mean(word, choices, listing: str | None = None) -> str:
    """'; did you mean 'x'?' for the nearest choice; else '; <listing> are: a, b, c' (or '')."""
    import difflib

    close = difflib.get_close_matches(str(word), list(choices), n=1)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; {listing} are: {', '.join(choices)}" if listing else ""


class AppealkitError(Exception):
    """Bad input or a failed operation: exit code 1 unless a subclass says otherwise."""

    exit_code = 1

    def __init__(self, message: str, where: Where | None = None, *, param: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        # the API parameter the error is about (the CLI names its option for it)
        self.param = param

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def as_dict(self) -> dict:
        return {**(self.where or Where()).as_dict(), "message": self.message}


class CaseError(AppealkitError):
    """The case file breaks the format."""


class CaseErrors(CaseError):
    """Every error found in one case file, reported together."""

    def __init__(self, errors: list[AppealkitError]):
        self.errors = sorted(errors, key=_order)
        super().__init__(f"{len(self.errors)} errors", None)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def _order(e: AppealkitError):
    w = e.where or Where()
    return (w.line or 0, w.col or 0)


class UsageError(AppealkitError):
    """The command line itself is wrong."""

    exit_code = 2


class OutputError(AppealkitError):
    """A file could not be written, or would overwrite one without --force."""


class TextTooLong(AppealkitError):
    """A post does not fit its platform."""


def open_input(path: str, what: str, mode: str = "r", **kw):
    """`open(path)` for an input file the user named, its failures said as errors of that file:
    no such file, a folder where `what` (a CSV file, a list export) was meant, or the system's
    reason."""
    try:
        return open(path, mode, **kw)
    except FileNotFoundError:
        raise AppealkitError("no such file", Where(path)) from None
    except IsADirectoryError:
        raise AppealkitError(f"is a folder, not {what}", Where(path)) from None
    except OSError as e:
        raise AppealkitError(f"cannot read: {e.strerror or e}", Where(path)) from None

"""Finding a case file, reading its bytes safely, and turning it into a typed Case."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import CaseError, CaseErrors, Where

MAX_BYTES = 1_000_000  # a real case is a few KB; anything this big is a mistake or an attack
MAX_LINE = 10_000


def read_case_text(path: str, stdin=None) -> tuple[str, str]:
    """Return (display name, text). Refuses oversize, binary and non-UTF-8 files by name."""
    if path == "-":
        name = "<stdin>"
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_BYTES + 1)
    else:
        name = path
        p = Path(path)
        try:
            if p.is_dir():
                raise CaseError("is a folder, not a case file", Where(name))
            with p.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise CaseError("no such file", Where(name)) from None
        except PermissionError:
            raise CaseError("permission denied", Where(name)) from None
        except OSError as e:
            raise CaseError(f"cannot read: {e.strerror or e}", Where(name)) from None
    if len(data) > MAX_BYTES:
        raise CaseError(f"file is larger than {MAX_BYTES // 1000} KB; a case file is a few KB",
                        Where(name))
    return name, decode(data, name)


def decode(data: bytes, name: str) -> str:
    # UTF-32 first: its little-endian BOM begins with UTF-16's
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or _looks_utf32(data):
        raise CaseError("file is UTF-32; save it as UTF-8", Where(name, 1, 1))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        raise CaseError("file is UTF-16; save it as UTF-8", Where(name, 1, 1))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise CaseError("file holds NUL bytes: it is binary, not a YAML case file",
                        Where(name, line, None))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        guess = _guess_encoding(data)
        raise CaseError(
            f"file is not UTF-8{guess}; re-save it as UTF-8", Where(name, line, col)
        ) from None
    return text


def _looks_utf32(data: bytes) -> bool:
    # ASCII text in UTF-32: three NUL bytes to each character
    head = data[:400]
    return len(head) >= 8 and head.count(0) > len(head) * 5 // 8


def _looks_utf16(data: bytes) -> bool:
    head = data[:200]
    return len(head) >= 4 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4)


def _guess_encoding(data: bytes) -> str:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return ""
    from .. import scripts

    cyr = sum(1 for ch in text if scripts.of(ch) == scripts.CYRILLIC)
    return " (it looks like Windows-1251)" if cyr >= 3 else ""


def load_case(path: str, stdin=None):
    """Read, parse and validate a case file (`-`: standard input); every error in it is raised
    together (CaseErrors), or the only one (CaseError)."""
    name, text = read_case_text(path, stdin)
    return parse_case(text, name)


def parse_case(text: str, name: str = "<string>"):
    """Parse and validate a case from its YAML text; `name` is used in error positions."""
    from .model import build_case
    from .yamlpos import parse

    if len(text) > MAX_BYTES:
        raise CaseError(f"text is larger than {MAX_BYTES // 1000} KB; a case file is a few KB", Where(name))
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for i, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE:
            raise CaseError(f"line is longer than {MAX_LINE} characters", Where(name, i, 1))
    errors: list = []
    data, pos = parse(text, name, errors)
    case = build_case(data, pos, errors)
    if errors or case is None:
        if len(errors) == 1:
            raise errors[0]
        raise CaseErrors(errors)
    case.source = name
    return case

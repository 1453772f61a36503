"""The warnings `check` prints, gathered from each part of a case. Pure: returns findings."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .errors import Where
from dataclasses import dataclass
from .translit.engine import ANY_CYR

INVISIBLE = {
    "\u200b": "ZERO WIDTH SPACE", "\u200c": "ZERO WIDTH NON-JOINER", "\u200d": "ZERO WIDTH JOINER",
    "\u200e": "LEFT-TO-RIGHT MARK", "\u200f": "RIGHT-TO-LEFT MARK", "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (BOM)", "\u00ad": "SOFT HYPHEN", "\u061c": "ARABIC LETTER MARK",
}
INVISIBLE.update({chr(c): unicodedata.name(chr(c)) for c in list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A))})
_INVISIBLE_SET = frozenset(INVISIBLE)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class Finding:
    level: str  # "warning" or "error"
    code: str
    message: str
    where: Where

    def as_dict(self) -> dict:
        return {"level": self.level, "code": self.code, "message": self.message, **self.where.as_dict()}


def _script(ch: str) -> str | None:
    if ANY_CYR.match(ch):
        return "Cyrillic"
    o = ord(ch)
    if ch.isascii() or 0x00C0 <= o <= 0x024F or 0x1E00 <= o <= 0x1EFF:
        return "Latin"
    if 0x0370 <= o <= 0x03FF:
        return "Greek"
    return None


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_GREEK = re.compile(r"[\u0370-\u03ff]")


def mixed_script(s: str) -> list[str]:
    """Messages for each word that mixes Latin and Cyrillic (or Greek) letters."""
    if not (_LATIN.search(s) and (ANY_CYR.search(s) or _GREEK.search(s))):
        return []  # one script only: nothing can be mixed
    found = []
    for m in _WORD.finditer(s):
        w = m.group()
        scripts: dict[str, list[str]] = {}
        for ch in w:
            sc = _script(ch)
            if sc:
                scripts.setdefault(sc, []).append(ch)
        if len(scripts) > 1:
            minority = min(scripts, key=lambda k: len(scripts[k]))
            majority = max(scripts, key=lambda k: len(scripts[k])) if len(scripts) == 2 else "other"
            letters = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in dict.fromkeys(scripts[minority]))
            found.append(f"word '{w}' mixes scripts: {minority} {letters} among {majority} letters; "
                         f"retype {'them' if len(scripts[minority]) > 1 else 'it'} in {majority}")
    return found


def invisible_chars(s: str) -> list[str]:
    if s.isascii() or not _INVISIBLE_SET.intersection(s):
        return []
    seen = dict.fromkeys(c for c in s if c in _INVISIBLE_SET)
    return [f"holds invisible {INVISIBLE[c]} (U+{ord(c):04X}); delete it" for c in seen]


def run_checks(case, today: dt.date | None = None) -> list[Finding]:
    today = today or dt.date.today()
    pos = case.positions
    out: list[Finding] = []

    def add(code, msg, path, level="warning"):
        out.append(Finding(level, code, msg, pos.at(path)))

    if isinstance(case.deadline, dt.date) and case.deadline < today:
        add("deadline-passed", f"the deadline {case.deadline.isoformat()} has passed; do not send letters after it", ("deadline",))

    for path, s in case.strings():
        for msg in mixed_script(s):
            add("mixed-script", msg, path)
        for msg in invisible_chars(s):
            add("invisible-char", msg, path)

    from .address.checks import address_findings

    for code, msg, path in address_findings(case):
        add(code, msg, path)

    for rid, r in case.recipients.items():
        if r.address is None and r.role != "ambassador":
            add("no-address", f"recipient '{rid}' has no address; letters to it cannot be posted", ("recipients", rid))

    from .letters.checks import letter_findings
    from .posts.checks import post_findings

    for code, msg, path in [*letter_findings(case), *post_findings(case)]:
        add(code, msg, path)
    return out

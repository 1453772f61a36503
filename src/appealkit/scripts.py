"""Which script a character, a word or a text is written in: the one place that answers it.

The answer is the Unicode Script property (UAX #24) from data/scripts.json, generated from the
`regex` module's Unicode tables by tools/scripts_table.py (`make data`), which records the
Unicode version. Scripts are named by their ISO 15924 code (Latn, Cyrl, Grek, Geor, Armn,
Arab, ...). Digits, punctuation and combining marks belong to no script here (Common and
Inherited): they never make a text mixed or foreign. The table loads on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

LATIN, CYRILLIC, GREEK = "Latn", "Cyrl", "Grek"
_NONE = ("Zyyy", "Zinh")  # Common, Inherited


@lru_cache(maxsize=1)
def _table() -> dict:
    import json

    from .resources import data_path

    return json.loads(data_path("scripts.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _index() -> tuple[list[int], list[tuple[int, str]]]:
    rows = sorted((lo, hi, code) for code, s in _table()["scripts"].items() if code not in _NONE
                  for lo, hi in s["ranges"])
    return [lo for lo, _, _ in rows], [(hi, code) for _, hi, code in rows]


def unicode_version() -> str:
    return _table()["unicode"]


def name(code: str) -> str:
    """The script's English name: Latn -> Latin."""
    return _table()["scripts"][code]["name"]


def of(ch: str) -> str | None:
    """The script of one character (Latn, Cyrl, ...); None for digits, punctuation, marks."""
    o = ord(ch)
    if o < 0x80:  # the common case, without a lookup
        return LATIN if ch.isalpha() else None
    starts, rows = _index()
    i = bisect_right(starts, o) - 1
    if i < 0 or rows[i][0] < o:
        return None
    return rows[i][1]


@lru_cache(maxsize=None)
def char_class(*codes: str) -> str:
    """A character-class body for `re` ("\\u0400-\\u0484...") holding every character of `codes`."""
    def esc(c: int) -> str:
        return f"\\U{c:08x}" if c > 0xFFFF else f"\\u{c:04x}"
    return "".join(esc(lo) if lo == hi else f"{esc(lo)}-{esc(hi)}"
                   for code in codes for lo, hi in _table()["scripts"][code]["ranges"])


@lru_cache(maxsize=None)
def pattern(*codes: str) -> re.Pattern:
    """Matches one character of any of `codes`: `pattern(CYRILLIC).search(text)`."""
    return re.compile(f"[{char_class(*codes)}]")


def has(text: str, code: str) -> bool:
    """Whether `text` holds a character of the script `code` (character by character: a
    script's pattern takes milliseconds to compile, and the texts asked about are short)."""
    return any(of(ch) == code for ch in text)


def scripts_in(text: str) -> set[str]:
    """The scripts of the letters in `text` (digits and signs of a script do not count)."""
    return {sc for ch in set(text) if ch.isalpha() and (sc := of(ch)) is not None}


def only(text: str, *codes: str) -> bool:
    """Whether every letter of `text` is in one of `codes` (a text without letters is)."""
    return scripts_in(text) <= set(codes)


@lru_cache(maxsize=None)
def of_language(lang: str) -> str | None:
    """The script a language is usually written in (CLDR's likely subtags, as Babel ships
    them): ru -> Cyrl, uz -> Latn, fa -> Arab; None for a language CLDR does not know."""
    from babel.core import get_global

    likely = get_global("likely_subtags").get(lang.replace("-", "_").split("_")[0])
    code = likely.split("_")[1] if likely and likely.count("_") >= 2 else None
    return "Hani" if code in ("Hans", "Hant") else code  # Unicode's Script property has Han alone

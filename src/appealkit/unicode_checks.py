"""Unicode checks on single strings: words that mix scripts, and invisible characters.

A leaf module: `checks` (the case-wide findings) and `address.checks` (the `address` command's
warnings) both use it, and it imports neither.
"""

from __future__ import annotations

import re
import unicodedata

from . import scripts
from .scripts import CYRILLIC, GREEK, LATIN

INVISIBLE = {
    "\u200b": "ZERO WIDTH SPACE", "\u200c": "ZERO WIDTH NON-JOINER", "\u200d": "ZERO WIDTH JOINER",
    "\u200e": "LEFT-TO-RIGHT MARK", "\u200f": "RIGHT-TO-LEFT MARK", "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (BOM)", "\u00ad": "SOFT HYPHEN", "\u061c": "ARABIC LETTER MARK",
}
INVISIBLE.update({chr(c): unicodedata.name(chr(c)) for c in list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A))})
_INVISIBLE_SET = frozenset(INVISIBLE)
_WORD = re.compile(r"[^\W\d_]+")
# the scripts whose letters look alike, so a homoglyph can hide among them
_ALIKE = (LATIN, CYRILLIC, GREEK)

# Letters that look alike in Latin and Cyrillic: the one typed in the wrong script is almost
# always one of these (a Latin K in ИK-7; a Cyrillic а in Jаne).
_LOOKALIKES = dict(zip("ABCEHKMOPTXYaceopxyijsJSI", "АВСЕНКМОРТХУасеорхуіјѕЈЅІ"))
_LOOKALIKES.update({c: lat for lat, c in _LOOKALIKES.items()})
_LOOKALIKES.update(dict(zip("ΑΒΕΗΙΚΜΝΟΡΤΧΥΖοα", "ABEHIKMNOPTXYZoa")))


def script(ch: str) -> str | None:
    """Latin, Cyrillic or Greek, for the letters a homoglyph can hide among; else None."""
    sc = scripts.of(ch)
    return scripts.name(sc) if sc in _ALIKE else None


def _counts(s: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for ch in s:
        if ch.isalpha():
            sc = script(ch)
            if sc:
                out[sc] = out.get(sc, 0) + 1
    return out


def _stray(by_script: dict[str, list[str]], context: dict[str, int]) -> str:
    """The script whose letters in this word were typed by mistake."""
    names = list(by_script)
    if len(names) == 2:
        # the side made only of lookalikes is the stray one (ИK: K looks Cyrillic, И has no twin)
        alike = [n for n in names if all(c in _LOOKALIKES for c in by_script[n])]
        if len(alike) == 1:
            return alike[0]
    # the script the rest of the text is written in is the intended one (ТOO «Ромашка»)
    rest = {n: context.get(n, 0) - len(by_script[n]) for n in names}
    ranked = sorted(names, key=lambda n: rest[n])
    if rest[ranked[-1]] >= 2 * rest[ranked[0]] + 2:
        return ranked[0]
    fewest = min(len(v) for v in by_script.values())
    tied = [n for n in names if len(by_script[n]) == fewest]
    return min(tied, key=lambda n: context.get(n, 0))


def mixed_script(s: str) -> list[str]:
    """Messages for each word that mixes Latin, Cyrillic and Greek letters (any two: a Greek
    omicron in a Cyrillic word is as much a homoglyph as a Latin o), naming the letters typed
    in the wrong script."""
    if s.isascii() or len(scripts.scripts_in(s) & set(_ALIKE)) < 2:
        return []  # one script only: nothing can be mixed
    context = None
    found = []
    for m in _WORD.finditer(s):
        w = m.group()
        by_script: dict[str, list[str]] = {}
        for ch in w:
            sc = script(ch)
            if sc:
                by_script.setdefault(sc, []).append(ch)
        if len(by_script) < 2:
            continue
        if context is None:
            context = _counts(s)
        counts = context
        if len(by_script) == 2:
            strays = [_stray(by_script, counts)]
            majority = next(n for n in by_script if n != strays[0])
        else:  # all three: the word's main script stays, both others are strays
            majority = max(by_script, key=lambda n: (len(by_script[n]), counts.get(n, 0)))
            strays = [n for n in by_script if n != majority]
        wrong = list(dict.fromkeys(c for n in strays for c in by_script[n]))
        letters = "; ".join(f"{n} " + ", ".join(f"'{c}' (U+{ord(c):04X})" for c in dict.fromkeys(by_script[n]))
                            for n in strays)
        fix = f"retype {'them' if len(wrong) > 1 else 'it'} in {majority}"
        twins = [_LOOKALIKES[c] for c in wrong if c in _LOOKALIKES and script(_LOOKALIKES[c]) == majority]
        if len(twins) == len(wrong):
            fix += " (" + ", ".join(f"'{t}' U+{ord(t):04X}" for t in twins) + ")"
        found.append(f"word '{w}' mixes scripts: {letters} among {majority} letters; {fix}")
    return found


def invisible_chars(s: str) -> list[str]:
    """Messages for each invisible or direction-changing character in `s`. A zero-width
    (non-)joiner between two letters of a script that spells with it (Persian می‌خواهم, Indic
    scripts) or inside an emoji sequence (a family) is spelling, not a stray character."""
    if s.isascii() or not _INVISIBLE_SET.intersection(s):
        return []
    seen = dict.fromkeys(c for i, c in enumerate(s) if c in _INVISIBLE_SET and not _joins(s, i))
    return [f"holds invisible {INVISIBLE[c]} (U+{ord(c):04X}); delete it" for c in seen]


def _joins(s: str, i: int) -> bool:
    if s[i] not in "\u200c\u200d" or not 0 < i < len(s) - 1:
        return False
    return all(_joinable(s[j]) for j in (i - 1, i + 1))


def _joinable(ch: str) -> bool:
    """A letter or mark of a script other than Latin, Cyrillic and Greek, or an emoji."""
    if ch.isascii() or script(ch) is not None:
        return False
    return unicodedata.category(ch)[0] in "LMS"


# Control characters no output may carry: C0 but tab and newline, DEL, C1, and the bidi
# embeddings, overrides and isolates that reorder what a reader sees. A terminal runs escape
# sequences (ESC [2J clears it), and a letter or post would carry them invisibly.
_C0 = ("NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY",
       "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION",
       "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE",
       "DEVICE CONTROL TWO", "DEVICE CONTROL THREE", "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE",
       "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE",
       "ESCAPE", "FILE SEPARATOR", "GROUP SEPARATOR", "RECORD SEPARATOR", "UNIT SEPARATOR")
_CONTROL_RANGES = ((0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0x202A, 0x202E), (0x2066, 0x2069))
# a set, not a pattern: a pattern of these takes longer to compile than a case takes to check
CONTROL_CHARS = frozenset(chr(c) for a, b in _CONTROL_RANGES for c in range(a, b + 1))


def has_controls(s: str) -> bool:
    """Whether `s` holds a control character."""
    return not CONTROL_CHARS.isdisjoint(s)


def control_name(ch: str) -> str:
    o = ord(ch)
    if o < 0x20:
        return _C0[o]
    if o == 0x7F:
        return "DELETE"
    if o <= 0x9F:
        return "C1 CONTROL"
    return unicodedata.name(ch)


def without_controls(s: str) -> tuple[str, list[str]]:
    """`s` without its control characters, and a message for each kind removed."""
    if not has_controls(s):
        return s, []
    found = dict.fromkeys(c for c in s if c in CONTROL_CHARS)
    msgs = [f"holds the control character {control_name(c)} (U+{ord(c):04X}) at character "
            f"{s.index(c) + 1}: removed, so nothing appealkit writes carries it; delete it" for c in found]
    return "".join(c for c in s if c not in CONTROL_CHARS), msgs


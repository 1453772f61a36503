"""Character classes shared by counting (count) and entity finding (entities): a leaf module,
so that neither has to reach into the other."""

from __future__ import annotations

# Characters that are always a grapheme of their own and never emoji (Latin, Greek, Cyrillic
# letters without combining marks, general punctuation without joiners or bidi controls):
# text made only of these is counted, and its hashtags found, without the `regex` module.
# (Compared as ranges: a pattern of them took longer to compile than a post takes to count.)
SIMPLE_RANGES = (("\x00", "\u02ff"), ("\u0370", "\u0482"), ("\u048a", "\u052f"), ("\u2010", "\u2027"),
                 ("\u2030", "\u205e"))


def is_simple(text: str) -> bool:
    """Only characters that never join into longer graphemes or emoji."""
    if not text or max(text) <= "\u02ff":
        return True
    return all(any(a <= c <= b for a, b in SIMPLE_RANGES) for c in set(text))

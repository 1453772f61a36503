"""Character classes shared by counting (count) and entity finding (entities): a leaf module,
so that neither has to reach into the other."""

from __future__ import annotations

import re

# Characters that are always a grapheme of their own and never emoji (Latin, Greek, Cyrillic
# letters without combining marks, general punctuation without joiners or bidi controls):
# text made only of these is counted, and its hashtags found, without the `regex` module.
NOT_SIMPLE = re.compile(r"[^\x00-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e]")


def is_simple(text: str) -> bool:
    """Only characters that never join into longer graphemes or emoji."""
    return not NOT_SIMPLE.search(text)

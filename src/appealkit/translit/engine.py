"""The transliteration engine: letter tables with word-start, previous-letter, next-letter and
word-ending rules, applied word by word, with case carried over the way readers expect:

- ALL-CAPS words give ALL-CAPS output (ЩЕГЛОВА -> SHCHEGLOVA), a lone capital letter follows
  its neighbouring word;
- otherwise each letter keeps its own case, so Щеглова -> Shcheglova and МакДональд -> MakDonal'd;
- special upper-case forms come from the scheme (Turkic i -> İ), never from str.upper alone;
- a script without case (Georgian, Arabic) gets a capital at the start of each word, as
  published romanizations of names write it (თბილისი -> Tbilisi).

A word is a run of the scheme's script (Cyrillic unless the scheme names another); everything
else passes through untouched, but for the scheme's own digits and punctuation (Arabic ، and
٣ -> , and 3). Input and output are NFC.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from .. import scripts


@lru_cache(maxsize=None)
def word_re(chars: str) -> re.Pattern:
    """A word of the script whose letters are `chars` (a regex class body); apostrophes count
    inside a word (Ukrainian м'ята, Belarusian сям'я), and combining marks. (The class is written
    twice, not three times: each copy of a wide class takes a third of a millisecond to compile.)"""
    return re.compile(f"[{chars}](?:['\u2019\u02bc]?[{chars}]|[\u0300-\u036f])*")


_CACHE_MAX = 50_000


class Table:
    """One language's compiled rules in one scheme."""

    __slots__ = ("letters", "start", "start2", "prev", "next", "endings", "max_ending", "upper",
                 "cache", "title", "chars", "word_re", "any_re", "form")

    def __init__(self, letters, start, prev, nxt, endings, upper, script: str | None = None,
                 title: bool = False, chars: dict | None = None, words: dict | None = None,
                 form: Literal["NFC", "NFKC"] = "NFC"):
        self.letters = letters
        # a two-letter word start is rendered as one unit (Armenian ու, the Arabic article ال)
        self.start = {k: v for k, v in start.items() if len(k) == 1}
        self.start2 = {k: v for k, v in start.items() if len(k) == 2}
        self.prev = prev
        self.next = nxt
        self.endings = endings
        self.max_ending = max((len(k) for k in endings), default=0)
        self.upper = upper
        self.title = title  # the script has no case: capitalise each word
        self.form: Literal["NFC", "NFKC"] = form  # NFKC for Arabic: presentation forms and ligatures copied from PDFs
        self.chars = str.maketrans(chars) if chars else None
        # Cyrillic unless the scheme names another script's letters
        self.word_re = word_re(script or scripts.char_class(scripts.CYRILLIC))
        # another script's letters, for what its table leaves (None: Cyrillic, asked character by
        # character: its pattern takes a millisecond or two to compile)
        self.any_re = re.compile(f"[{script}]") if script else None
        self.cache: dict[str, str] = {}
        # whole words the standard spells its own way go straight into the cache
        for w, out in (words or {}).items():
            self.cache[w] = self.title_case(out) if title else out
            self.cache["\0" + w.upper()] = self.up(out)

    def up(self, s: str) -> str:
        if self.upper:
            s = "".join(self.upper.get(ch, ch) for ch in s)
        return s.upper()

    def cap(self, s: str) -> str:
        return self.up(s[0]) + s[1:] if s else s

    def title_case(self, s: str) -> str:
        """A capital for each word of a caseless script, and after the hyphen of al-."""
        return "-".join(self.cap(x) for x in s.split("-")) if "-" in s else self.cap(s)

    def word(self, w: str, caps: bool) -> str:
        """Transliterate one word; `caps` says it stands in ALL-CAPS context."""
        key = w if not caps else "\0" + w
        out = self.cache.get(key)
        if out is not None:
            return out
        low = w.lower()
        n = len(low)
        stem_end, tail = n, ""
        for k in range(min(self.max_ending, n - 1), 0, -1):
            t = self.endings.get(low[n - k:])
            if t is not None:
                stem_end, tail = n - k, t
                break
        parts = []
        letters, prev, nxt, start = self.letters, self.prev, self.next, self.start
        begin = 0
        if self.start2 and stem_end > 1:
            r = self.start2.get(low[:2])
            if r is not None:
                parts = [r, ""]
                begin = 2
        for i in range(begin, stem_end):
            ch = low[i]
            p = low[i - 1] if i else ""
            nx = low[i + 1] if i + 1 < n else ""
            # word start, else previous letter; then next letter; then the plain table
            r = start.get(ch) if not i else (prev.get(p + ch) if prev else None)
            if r is None and nx and nxt:
                r = nxt.get(ch + nx)
            if r is None:
                r = letters.get(ch, ch)
            parts.append(r)
        if caps:
            out = self.up("".join(parts) + tail)
        elif low == w:
            out = "".join(parts) + tail
            if self.title:
                out = self.title_case(out)
        else:
            for i in range(stem_end):
                if w[i] != low[i] and parts[i]:
                    parts[i] = self.cap(parts[i])
            # a capital whose letter maps to nothing (a word-initial Ь) passes it on
            if w[0] != low[0] and not parts[0]:
                for i, p in enumerate(parts):
                    if p:
                        parts[i] = self.cap(p)
                        break
            out = "".join(parts) + tail
        if len(self.cache) < _CACHE_MAX:
            self.cache[key] = out
        return out


def _is_caps(w: str) -> bool:
    return len(w) > 1 and w.isupper()


def run(table: Table, text: str) -> str:
    """Transliterate every word of `text` in the table's script (Cyrillic unless it names another)."""
    text = unicodedata.normalize(table.form, text)
    if table.chars:
        text = text.translate(table.chars)
    words = list(table.word_re.finditer(text))
    if not words:
        return text
    out = []
    last = 0
    for idx, m in enumerate(words):
        w = m.group()
        caps = _is_caps(w)
        if not caps and len(w) == 1 and w.isupper():
            # a lone capital: ALL-CAPS when the nearest longer word is (Ю. ЩЕГЛОВА)
            caps = _neighbour_caps(words, idx)
        out.append(text[last:m.start()])
        out.append(table.word(w, caps))
        last = m.end()
    out.append(text[last:])
    return unicodedata.normalize("NFC", "".join(out))


def _neighbour_caps(words, idx) -> bool:
    for j in (idx + 1, idx - 1, idx + 2, idx - 2):
        if 0 <= j < len(words):
            w = words[j].group()
            if len(w) > 1:
                return w.isupper()
    return False

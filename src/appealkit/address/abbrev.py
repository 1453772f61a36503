"""The 'translate' style: address-element abbreviations become English words in the Latin block
("ул.Циолковского бн." -> "Tsiolkovskogo Street b/n"), names are transliterated."""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import data_path, load_data

FALLBACK = {"kk": ["ru"], "ky": ["ru"], "be": ["ru"], "uk": [], "ru": []}


@lru_cache(maxsize=None)
def table(lang: str) -> dict[str, dict]:
    """form (lower case) -> entry, for `lang` and the languages its addresses borrow from."""
    out: dict[str, dict] = {}
    for lg in [lang] + FALLBACK.get(lang, []):
        path = data_path("abbreviations", f"{lg}.yaml")
        if not path.is_file():
            continue
        d = load_data("abbreviations", f"{lg}.yaml")
        for e in d["entries"]:
            for f in e["forms"]:
                out.setdefault(f.lower(), e)
    return out


@lru_cache(maxsize=None)
def _glued(lang: str):
    """Splits 'ул.Циолковского' and 'д.5' into two tokens."""
    forms = sorted((f for f in table(lang) if f.endswith(".")), key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?i)(?<!\w)(" + "|".join(re.escape(f) for f in forms) + r")(?=\w)")


def translate_line(line: str, lang: str, translit) -> str:
    """Render one local-script line in translate style; `translit` transliterates a string."""
    tab = table(lang)
    if not tab:
        return translit(line)
    glued = _glued(lang)
    if glued:  # split "ул.Ленина", but leave a token that is itself a form ("г.р.")
        line = " ".join(t if t.lower().rstrip(",") in tab else glued.sub(r"\1 ", t) for t in line.split(" "))
    segments = re.split(r"(,\s*)", line)
    return "".join(seg if i % 2 else _segment(seg, tab, translit) for i, seg in enumerate(segments))


def _segment(seg: str, tab: dict, translit) -> str:
    tokens = seg.split()
    if not tokens:
        return seg
    kinds = []
    for t in tokens:
        e = tab.get(t.lower())
        if e:
            kinds.append(("abbr", e))
        elif any(ch.isdigit() for ch in t) or not any(ch.isalpha() for ch in t):
            kinds.append(("other", None))
        else:
            kinds.append(("word", None))
    n = len(tokens)
    attached: dict[int, tuple[int, int]] = {}  # abbreviation index -> (start, end) of its name
    used: set[int] = set()
    for i, (k, e) in enumerate(kinds):
        if k != "abbr" or e.get("kind", "name") != "name":
            continue
        side = e.get("side", "before")
        after = _run(kinds, used, i + 1, 1, n)
        before = _run(kinds, used, i - 1, -1, n)
        span = None
        if side == "before":
            span = after
        elif side == "after":
            span = before
        else:
            span = after or before
        if span:
            attached[i] = span
            used.update(range(span[0], span[1]))
    starts = {span[0]: (i, span) for i, span in attached.items()}
    out = []
    i = 0
    while i < n:
        if i in starts:
            ai, (s, e_) = starts[i]
            out.append(translit(" ".join(tokens[s:e_])) + " " + kinds[ai][1]["en"])
            i = e_
            continue
        if i in attached:
            i += 1
            continue
        k, e = kinds[i]
        if k == "abbr":
            out.append(e["en"])
        else:
            out.append(translit(tokens[i]))
        i += 1
    return " ".join(out)


def _run(kinds, used, start, step, n):
    """The consecutive plain words from `start` going `step`, as a (start, end) slice."""
    j = start
    while 0 <= j < n and kinds[j][0] == "word" and j not in used:
        j += step
    if j == start:
        return None
    return (start, j) if step > 0 else (j + 1, start + 1)

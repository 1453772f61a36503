"""The 'translate' style: address-element abbreviations become English words in the Latin block
("ул.Циолковского бн." -> "Tsiolkovskogo Street b/n"), names are transliterated.

Tables are data, one per language (data/abbreviations/<lang>.yaml). Which tables an address
reads is decided by its country and language (`table_languages`): Kyrgyz, Tajik and Uzbek `ш.`
is a city, Russian `ш.` a highway. An entry may hold only before a word or a number
(`next`): `д. 5` is a house, `д. Петрово` a village. A comma-separated part that names an
institution (`institutions` patterns: ФКУ ИК-2 УФСИН России..., Учреждение АП-162/1) is a name,
transliterated whole: it is what the post office matches.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import scripts
from ..resources import data_path, load_data

# languages whose addresses borrow Russian abbreviations
FALLBACK = {"kk": ["ru"], "ky": ["ru"], "be": ["ru"], "tg": ["ru"], "uz": ["ru"], "uk": [], "ru": []}


def table_languages(country_langs, lang: str | None) -> tuple[str, ...]:
    """The tables to read, first match wins: the country's own (KG: ky) before the text's
    detected language, then the languages those borrow from."""
    out: list[str] = []
    for lg in [*country_langs, *([lang] if lang else [])]:
        for x in [lg, *FALLBACK.get(lg, [])]:
            if x not in out:
                out.append(x)
    return tuple(out)


@lru_cache(maxsize=None)
def language_table(lang: str) -> dict:
    """One language's file, or an empty table."""
    if not data_path("abbreviations", f"{lang}.yaml").is_file():
        return {"entries": [], "institutions": []}
    return load_data("abbreviations", f"{lang}.yaml")


@lru_cache(maxsize=None)
def table(langs: tuple[str, ...]) -> dict[str, list[dict]]:
    """form (lower case) -> its entries, from the first language of `langs` that has the form."""
    out: dict[str, list[dict]] = {}
    for lg in langs:
        mine: dict[str, list[dict]] = {}
        for e in language_table(lg)["entries"]:
            for f in e["forms"]:
                mine.setdefault(f.lower(), []).append(e)
        for f, es in mine.items():
            out.setdefault(f, es)
    return out


@lru_cache(maxsize=None)
def institution_re(langs: tuple[str, ...]):
    pats = [p for lg in langs for p in language_table(lg).get("institutions", [])]
    return re.compile("|".join(f"(?:{p})" for p in pats)) if pats else None


@lru_cache(maxsize=None)
def _glued(langs: tuple[str, ...]):
    """Splits 'ул.Циолковского' and 'д.5' into two tokens."""
    forms = sorted((f for f in table(langs) if f.endswith(".")), key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?i)(?<!\w)(" + "|".join(re.escape(f) for f in forms) + r")(?=\w)")


# an institution's code: ИК-2, СИЗО-1, АП-162/1 (upper-case letters, a hyphen, a number)
_CODE = re.compile(r"^[^\W\d_a-zA-Z]{1,8}-\d[\w/.-]*$")


def is_institution(text: str, langs: tuple[str, ...]) -> bool:
    """A part that names an institution: a word of the language's `institutions` list, a code
    (ИК-2), or an acronym (ФКУ, УФСИН) in a part that is not all capitals (where "УЛ." is an
    abbreviation written in capitals, not an acronym)."""
    pat = institution_re(langs)
    if pat and pat.search(text):
        return True
    tab = table(langs)
    mixed = any(ch.islower() for ch in text)
    tokens = text.split()
    for i, tok in enumerate(tokens):
        word = tok.rstrip(".,;:")
        if tok.lower() in tab or word.lower() in tab or not word.isupper() or not scripts.has(word, scripts.CYRILLIC):
            continue
        numbered = i + 1 < len(tokens) and tokens[i + 1][:1].isdigit()  # "ЯС 3/1"
        if _CODE.match(word) or (word.isalpha() and len(word) >= 2 and (mixed or numbered)):
            return True
    return False


def translate_line(line: str, langs: tuple[str, ...], translit) -> str:
    """Render one local-script line in translate style; `translit` transliterates a string."""
    tab = table(langs)
    if not tab:
        return translit(line)
    segments = re.split(r"(,\s*)", line)
    return "".join(seg if i % 2 else _part(seg, langs, tab, translit) for i, seg in enumerate(segments))


def _part(seg: str, langs, tab, translit) -> str:
    if is_institution(seg, langs):
        return translit(seg)
    # a glued form ends with "." and a word follows: only a token with a dot inside can hold one
    glued = _glued(langs) if any("." in t[:-1] for t in seg.split(" ")) else None
    if glued:  # split "ул.Ленина", but leave a token that is itself a form ("г.р.")
        seg = " ".join(t if t.lower() in tab else glued.sub(r"\1 ", t) for t in seg.split(" "))
    return _segment(seg, tab, translit)


def _kind(token: str) -> str:
    if any(ch.isdigit() for ch in token) or not any(ch.isalpha() for ch in token):
        return "number"
    return "word"


def _entry(entries: list[dict], following: str | None) -> dict:
    """The entry whose `next` condition fits the token that follows (word, number or none)."""
    for e in entries:
        if e.get("next") in (None, following):
            return e
    return entries[0]


def _initial(tokens: list[str], i: int) -> bool:
    """An initial before a name ("ул. К. Маркса", "вул. М. Грушевського"): one capital letter and
    a dot, after another word of the part and before a capitalised word in lower case, so that
    "УЛ. ЛЕНИНА, Д. 5" and "Г. ПОКРОВ" keep their abbreviations."""
    t = tokens[i]
    if i == 0 or len(t) != 2 or t[1] != "." or not t[0].isupper() or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return (nxt[:1].isupper() and any(ch.islower() for ch in nxt)) or _initial(tokens, i + 1)


def _segment(seg: str, tab: dict, translit) -> str:
    tokens = seg.split()
    if not tokens:
        return seg
    plain: list[str | None] = [None if t.lower() in tab and not _initial(tokens, i) else _kind(t)
                               for i, t in enumerate(tokens)]
    kinds: list[tuple[str, dict]] = []  # ("abbr", its entry), or ("word" / "number", {})
    for i, t in enumerate(tokens):
        if plain[i] is None:
            following = plain[i + 1] if i + 1 < len(tokens) else None
            kinds.append(("abbr", _entry(tab[t.lower()], following)))
        else:
            kinds.append((plain[i] or "word", {}))
    n = len(tokens)
    attached: dict[int, tuple[int, int]] = {}  # abbreviation index -> (start, end) of its name
    used: set[int] = set()
    for i, (k, e) in enumerate(kinds):
        if k != "abbr" or e.get("kind", "name") != "name":
            continue
        side = e.get("side", "before")
        after = _run(kinds, used, i + 1, 1, n)
        before = _run(kinds, used, i - 1, -1, n)
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
    out: list[str] = []
    i = 0
    while i < n:
        if i in starts:
            ai, (s, e_) = starts[i]
            out.append(f'{translit(" ".join(tokens[s:e_]))} {kinds[ai][1]["en"]}'.strip())
            i = e_
            continue
        if i in attached:
            i += 1
            continue
        k, e = kinds[i]
        if k == "abbr":
            # a label after its number (Kazakh "12 үй") still reads "house 12" in English
            if e.get("kind") == "label" and e.get("side") == "after" and i and kinds[i - 1][0] == "number" and out:
                out[-1] = f"{e['en']} {out[-1]}".strip()
            elif e["en"]:
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

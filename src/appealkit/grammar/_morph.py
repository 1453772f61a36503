"""Noun phrases by pymorphy3 (Russian and Ukrainian dictionaries): the head of a phrase and
the adjectives before it take the case; what follows (a genitive, a name in apposition) stays."""

from __future__ import annotations

from functools import lru_cache

from ._names import override, same_case

TAGS = {"nom": "nomn", "gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "loc": "loct", "voc": "voct"}
ADJ = ("ADJF", "PRTF")


@lru_cache(maxsize=None)
def analyzer(lang: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=4096)  # a mail merge asks for the same few words thousands of times
def _nominative(word: str, lang: str, pos: tuple[str, ...]):
    for p in analyzer(lang).parse(word):
        if p.tag.POS in pos and p.tag.case == "nomn":
            return p
    return None


def inflect_word(p, case: str, prefer_short: bool) -> str | None:
    """`p` in `case`; where the dictionary has two forms (Ukrainian -ові/-у), the short one
    when `prefer_short`."""
    f = p.inflect({TAGS[case]})
    if f is None:
        return None
    if prefer_short and f.word.endswith(("ові", "еві", "єві")):
        for alt in p.lexeme:
            if alt.tag == f.tag and alt.word != f.word and alt.word.endswith(("у", "ю")):
                return alt.word
    return f.word


def phrase(text: str, case: str, lang: str, forms: dict | None = None, prefer_short: bool = False) -> str:
    if case == "nom":
        return text
    if not forms:
        return _phrase(text, case, lang, prefer_short)
    return _decline(text, case, lang, forms, prefer_short)


@lru_cache(maxsize=4096)
def _phrase(text: str, case: str, lang: str, prefer_short: bool) -> str:
    return _decline(text, case, lang, None, prefer_short)


def _decline(text: str, case: str, lang: str, forms: dict | None, prefer_short: bool) -> str:
    words = text.split(" ")
    out = list(words)
    i = 0
    while i < len(words):
        w = words[i]
        own = override(w, case, forms)
        adj = _nominative(w, lang, ADJ)
        noun = _nominative(w, lang, ("NOUN",))
        if noun is not None and (adj is None or i + 1 >= len(words) or _nominative(words[i + 1], lang, ("NOUN",)) is None):
            if own is not None:  # the case's own form of the head noun: the words after it stay
                out[i] = own
            elif "Fixd" in noun.tag:
                pass
            elif "-" in w and "anim" in noun.tag:
                # a compound title declines in its last part: премьер-министру, прем’єр-міністру
                head, _, last = w.rpartition("-")
                p = _nominative(last, lang, ("NOUN",))
                out[i] = head + "-" + (same_case(last, inflect_word(p, case, prefer_short) or last) if p else last)
            else:
                out[i] = same_case(w, inflect_word(noun, case, prefer_short) or w)
            # a head noun ends the group, unless 'и' joins another ('Босния и Герцеговина')
            if i + 2 < len(words) and words[i + 1] in ("и", "і", "й"):
                i += 2
                continue
            break
        if own is not None:
            out[i] = own
            i += 1
            continue
        if adj is not None:
            out[i] = same_case(w, inflect_word(adj, case, False) or w)
            i += 1
            continue
        break
    # the dictionary writes ё; a text written with е keeps е
    return " ".join(o if "ё" in w.lower() else o.replace("ё", "е").replace("Ё", "Е") for w, o in zip(words, out))

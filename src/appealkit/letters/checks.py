"""Letter findings for `check`: translations templates need, and censor-sensitive words.

Caution words (data/words/<lang>.yaml) are lemmas with a reason, or stems where no morphology
covers the language. `letter --message` in Russian or Ukrainian matches every form of a word by
its lemma (pymorphy3, already loaded for the letter); `check` matches stems, so that it never
loads the morphology."""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import data_path, load_data
from .translations import languages, missing_translations

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
MORPH_LANGS = ("ru", "uk")


@lru_cache(maxsize=None)
def _groups(lang: str) -> list[dict]:
    if not data_path("words", f"{lang}.yaml").is_file():
        return []
    return load_data("words", f"{lang}.yaml")["groups"]


def _stem(lemma: str) -> str:
    """A lemma's stem for prefix matching: the ending a declined form may change dropped."""
    return re.sub(r"(ый|ий|ой|ая|ое|ие|ость|ение|ение|ать|ить|еть|ться|я|а|о|е|ь|й|и|ы)$", "", lemma) or lemma


@lru_cache(maxsize=None)
def _stem_pattern(lang: str) -> re.Pattern | None:
    stems = {}
    for g in _groups(lang):
        for w in g.get("stems", []):
            stems[w] = g["why"]
        for w in g.get("words", []):
            stems.setdefault(_stem(w), g["why"])
    # `whole` words match only as written, where a stem would catch others ("war": "warm")
    whole = [w for g in _groups(lang) for w in g.get("whole", [])]
    if not stems and not whole:
        return None
    alt = [re.escape(w) + r"\w*" for w in sorted(stems, key=len, reverse=True)]
    alt += [re.escape(w) + r"(?!\w)" for w in sorted(whole, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(alt) + ")", re.IGNORECASE)


def _why(lang: str, word: str) -> str:
    """Why a matched word is stopped: its group's reason (a whole word, else the longest stem)."""
    best = ("", "")
    for g in _groups(lang):
        if word in g.get("whole", []):
            return g["why"]
        for st in list(g.get("stems", [])) + [_stem(w) for w in g.get("words", [])]:
            if word.startswith(st) and len(st) > len(best[0]):
                best = (st, g["why"])
    return best[1]


def caution_hits(text: str, lang: str, morphology: bool = False) -> list[tuple[str, str]]:
    """(word as written, why a censor stops it) for each caution word in `text`, once each.
    With `morphology`, Russian and Ukrainian words are matched by lemma."""
    if morphology and lang in MORPH_LANGS:
        return _lemma_hits(text, lang)
    pattern = _stem_pattern(lang)
    if pattern is None:
        return []
    out: dict[str, str] = {}
    for m in pattern.finditer(text):
        out.setdefault(m.group(0).lower(), _why(lang, m.group(0).lower()))
    return list(out.items())


def _lemma_hits(text: str, lang: str) -> list[tuple[str, str]]:
    from ..grammar._morph import analyzer

    lemmas = {w: g["why"] for g in _groups(lang) for w in g.get("words", [])}
    morph = analyzer(lang)
    out: dict[str, str] = {}
    for m in WORD.finditer(text):
        word = m.group(0).lower()
        for p in morph.parse(word):
            if p.normal_form in lemmas:
                out.setdefault(word, lemmas[p.normal_form])
                break
    return list(out.items())


def letter_findings(case):
    used = set()
    for _, t in case.texts():
        used.update(t.languages())
    for lang in sorted(used & set(languages())):
        if lang == case.language:
            continue
        missing = missing_translations(case, lang)
        if missing:
            yield ("missing-translation",
                   f"letters in '{lang}' need {', '.join(missing)} in '{lang}' too", ("summary",))
    if case.person.description:
        for lang, s in case.person.description.values.items():
            hits = caution_hits(s, lang)
            if hits:
                yield ("support-safety",
                       f"person.description ({lang}) has words a prison censor may stop: "
                       + "; ".join(f"'{w}' ({why})" for w, why in hits),
                       ("person", "description"))

"""Belarusian: names and country names declined by the ending table in data/grammar/be.yaml
(no morphology library covers Belarusian); a case's `forms` fixes any word it gets wrong."""

from __future__ import annotations

import re
from functools import lru_cache

from ._names import initials_of, join, override, split

FEMALE_PATRONYMIC = re.compile(r"(ўна|ічна)$")
FEMALE_SURNAME = re.compile(r"(ая|ава|ова|ева|ёва|іна|ына)$")


@lru_cache(maxsize=None)
def table() -> dict:
    from ..resources import load_data

    return load_data("grammar", "be.yaml")


def _by_ending(word: str, case: str, endings: dict) -> str:
    for end in sorted(endings, key=len, reverse=True):
        if word.endswith(end) and case in endings[end]:
            return word[: len(word) - len(end)] + endings[end][case]
    return word


def _looks_given(word: str) -> bool:
    return False  # two words: read as the prisons write them, surname first, unless told


def guess_gender(name: str) -> str | None:
    s, g, p, _ = split(name, None, _looks_given)
    if p:
        return "f" if FEMALE_PATRONYMIC.search(p) else "m"
    return "f" if FEMALE_SURNAME.search(s) else None


def _part(kind: str, word: str, case: str, gender: str | None, forms) -> str:
    own = override(word, case, forms)
    if own is not None:
        return own
    if gender is None or case == "nom":
        return word
    return "-".join(_by_ending(w, case, table()[kind][gender]) for w in word.split("-"))


def full_name(name: str, case: str, pronoun: str, surname_first: bool | None = None, forms=None) -> str:
    s, g, p, first = split(name, surname_first, _looks_given)
    gender = {"he": "m", "she": "f"}.get(pronoun) or guess_gender(name)
    return join(_part("surname", s, case, gender, forms), _part("given", g, case, gender, forms) if g else "",
                _part("patronymic", p, case, gender, forms) if p else "", first)


def initials(name: str) -> tuple[str, str]:
    s, g, p, _ = split(name, None, _looks_given)
    return initials_of(g, p), s


def official(title: str | None, name: str | None, pronoun: str, forms=None) -> list[str]:
    raise ValueError("Belarusian letters to authorities are not written")


def phrase(text: str, case: str, forms=None) -> str:
    own = override(text, case, forms) or (table()["countries"].get(text) or {}).get(case)
    if own:
        return own
    words = text.split()
    return " ".join(words[:-1] + [_by_ending(words[-1], case, table()["country"])]) if words else text


def preposition(prep: str, word: str) -> str:
    """з -> са before з, с, ш and a consonant ('са Швецыі'); у -> ў after a vowel is left to
    the sentence (letters put «у» after a consonant)."""
    if prep == "з" and re.match(r"[ЗзСсШш][бвгджзклмнпрстфхцчшўь]", word):
        return "са"
    return prep

"""Russian: personal names by pytrovich (the petrovich rules, 57 of 59 test names right against
pymorphy3's 46), everything else by pymorphy3. Two rules the library lacks are added here:
a man's hyphenated given name declines in its last part only (Касым-Жомарту), a woman's in
both (Анне-Марии), and the first part of a hyphenated surname only when it is a surname itself
(Римскому-Корсакову, but Кара-Мурзе)."""

from __future__ import annotations

import re
from functools import lru_cache

from . import _morph
from ._names import initials_of, join, override, same_case, split
from ._names import official as _official

SURNAME_LIKE = re.compile(r"(ов|ев|ёв|ин|ын|ский|цкий|ской|цкой|ова|ева|ёва|ина|ына|ская|цкая)$", re.I)
FEMALE_SURNAME = re.compile(r"(ова|ева|ёва|ина|ына|ская|цкая|ая)$", re.I)
FEMALE_PATRONYMIC = re.compile(r"(вна|чна|кызы|қызы)$", re.I)


@lru_cache(maxsize=None)
def _maker():
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


def _enums():
    from pytrovich import enums

    return enums


_CASE_NAMES = {"gen": "GENITIVE", "dat": "DATIVE", "acc": "ACCUSATIVE", "ins": "INSTRUMENTAL", "loc": "PREPOSITIONAL"}


def _looks_given(word: str) -> bool:
    """A given name in the nominative, as the dictionary reads it ('Дмитрий'; not 'Гора', a noun
    whose Name reading is the genitive of 'Гор'), unless the table knows it as a surname."""
    if word in _surnames():
        return False
    return any("Name" in p.tag and p.tag.case == "nomn" for p in _morph.analyzer("ru").parse(word)[:2])


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    from ..resources import load_data

    return frozenset(load_data("grammar", "ru.yaml")["surnames"])


def guess_gender(name: str) -> str | None:
    s, g, p, _ = split(name, None, _looks_given)
    if p:
        return "f" if FEMALE_PATRONYMIC.search(p) else "m"
    if FEMALE_SURNAME.search(s):
        return "f"
    if re.search(r"(ов|ев|ёв|ин|ын|ский|цкий)$", s):
        return "m"
    return None


def _gender(name: str, pronoun: str):
    E = _enums()
    g = {"he": "m", "she": "f"}.get(pronoun) or guess_gender(name)
    return {"m": E.Gender.MALE, "f": E.Gender.FEMALE}.get(g or "", E.Gender.ANDROGYNOUS)


def _make(part, gender, case: str, word: str, forms) -> str:
    own = override(word, case, forms)
    if own is not None:
        return own
    E = _enums()
    # petrovich writes endings in lower case: ПЕТРОВ must give ПЕТРОВУ, not ПЕТРОВу
    return same_case(word, _maker().make(part, gender, getattr(E.Case, _CASE_NAMES[case]), word))


def _surname(word: str, gender, case: str, forms) -> str:
    own = override(word, case, forms)
    if own is not None:
        return own
    E = _enums()
    parts = word.split("-")
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        out.append(_make(E.NamePart.LASTNAME, gender, case, part, forms) if last or SURNAME_LIKE.search(part) else part)
    return "-".join(out)


def _given(word: str, gender, case: str, forms) -> str:
    own = override(word, case, forms)
    if own is not None:
        return own
    E = _enums()
    head, _, last = word.rpartition("-")
    if head and gender == E.Gender.FEMALE and head[-1:] in ("а", "я"):
        # a woman's double name declines in both parts, as each does alone (Анне-Марии, с Анной-Марией);
        # a man's (Жан-Пьеру, Касым-Жомарту) in the last part only
        head = "-".join(_make(E.NamePart.FIRSTNAME, gender, case, x, forms) for x in head.split("-"))
    return (head + "-" if head else "") + _make(E.NamePart.FIRSTNAME, gender, case, last, forms)


def _patronymic(word: str, gender, case: str, forms) -> str:
    if " " in word or word.lower().endswith(("кызы", "қызы", "улы", "ұлы")):
        return word  # 'Гусейн оглы', 'Ержанкызы': Turkic forms do not decline in Russian
    return _make(_enums().NamePart.MIDDLENAME, gender, case, word, forms)


def full_name(name: str, case: str, pronoun: str, surname_first: bool | None = None, forms=None) -> str:
    if case == "nom":
        return name
    s, g, p, first = split(name, surname_first, _looks_given)
    gender = _gender(name, pronoun)
    return join(_surname(s, gender, case, forms), _given(g, gender, case, forms) if g else "",
                _patronymic(p, gender, case, forms) if p else "", first)


def initials(name: str) -> tuple[str, str]:
    s, g, p, _ = split(name, None, _looks_given)
    if "." in g:  # 'И. В. Краснов' is already initials
        return " ".join(x for x in (g, p) if x), s
    return initials_of(g, p), s


def official(title: str | None, name: str | None, pronoun: str, forms=None) -> list[str]:
    return _official(title and phrase(title, "dat", forms), name, initials,
                     lambda s, n: _surname(s, _gender(n, pronoun), "dat", forms))


def phrase(text: str, case: str, forms=None) -> str:
    return _morph.phrase(text, case, "ru", forms)


@lru_cache(maxsize=1)
def _islands() -> tuple[str, ...]:
    from ..resources import load_data

    return tuple(load_data("grammar", "ru.yaml")["on_islands"])


def preposition(prep: str, word: str) -> str:
    """в -> во before в/ф and a consonant ('во Франции'); islands take на and с ('на Кубе',
    'с Кипра', 'со Шри-Ланки'; data/grammar/ru.yaml); else as given."""
    if prep in ("в", "из") and word.startswith(_islands()):
        prep = "на" if prep == "в" else "с"
    if prep == "в" and re.match(r"[ВвФф][бвгджзклмнпрстфхцчшщ]", word):
        return "во"
    if prep == "с" and re.match(r"[СсЗзШшЖж][бвгджзклмнпрстфхцчшщ]", word):
        return "со"
    return prep


def same(model: str, word: str) -> str:
    return same_case(model, word)

"""Grammar for letters: names, titles and country names in the cases a language needs.

Russian and Ukrainian use pymorphy3 (OpenCorpora and VESUM dictionaries) for titles and
country names and, in Russian, pytrovich (the petrovich rules) for personal names: measured
on tests/data/ru_names.yaml (see README, "Grammar"). Belarusian has no such library: a small
ending table (data/grammar/be.yaml). Nothing here is imported until a letter in one of these
languages is written; a case's `forms` (word -> case -> form) overrides any word.

Cases: nom, gen, dat, acc, ins, loc. A pronoun (he, she, they) gives the grammatical gender.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module

LANGS = ("ru", "uk", "be")
CASES = ("nom", "gen", "dat", "acc", "ins", "loc")


def _lang(lang: str):
    if lang not in LANGS:
        raise ValueError(f"no grammar for '{lang}'")
    return import_module(f"{__name__}.{lang}")


def _cyrillic(name: str) -> str:
    from .. import scripts

    if not scripts.has(name, scripts.CYRILLIC):
        raise ValueError(f"'{name}' is not written in Cyrillic")  # a Latin name is never declined
    return name


def dative_full_name(full_name: str, pronoun: str, lang: str, forms: dict | None = None) -> str:
    """A full name written surname first, as prisons write it, in the dative:
    'Алиев Тимур Русланович' -> 'Алиеву Тимуру Руслановичу'."""
    return _lang(lang).full_name(_cyrillic(full_name), "dat", pronoun, surname_first=True, forms=forms)


def name_case(name: str, case: str, pronoun: str, lang: str, *, surname_first: bool | None = None,
              forms: dict | None = None) -> str:
    """A personal name in `case`, word order kept ('Арон Атабек' -> 'Арона Атабека')."""
    if forms:
        return _lang(lang).full_name(name, case, pronoun, surname_first=surname_first, forms=forms)
    return _name_case(name, case, pronoun, lang, surname_first)


@lru_cache(maxsize=4096)  # a mail merge declines the same names for every writer
def _name_case(name: str, case: str, pronoun: str, lang: str, surname_first: bool | None) -> str:
    return _lang(lang).full_name(name, case, pronoun, surname_first=surname_first, forms=None)


def dative_official(title: str | None, name: str | None, pronoun: str, lang: str,
                    forms: dict | None = None) -> list[str]:
    """The addressee of an official letter: title in the dative, then initials and surname in
    the dative: ['Генеральному прокурору Российской Федерации', 'И. В. Краснову']."""
    return _lang(lang).official(title, name, pronoun, forms=forms)


def case_form(phrase: str, case: str, lang: str, forms: dict | None = None) -> str:
    """A noun phrase (a country, a title) in `case`: its head and the words that agree with it
    are declined, the rest kept ('Республика Казахстан' -> 'Республики Казахстан')."""
    return _lang(lang).phrase(phrase, case, forms=forms)


def gender(name: str | None, pronoun: str, lang: str) -> str | None:
    """'m' or 'f' from the pronoun, else from the name's endings; None when neither tells."""
    if pronoun == "he":
        return "m"
    if pronoun == "she":
        return "f"
    return _lang(lang).guess_gender(name) if name else None


def initials(name: str, lang: str) -> tuple[str, str]:
    """(initials, surname) of a name in either order: ('И. В.', 'Краснов')."""
    words = name.split()
    dots = [w.endswith(".") for w in words]
    if len(words) > 1 and all(dots[:-1]) and not dots[-1]:  # already initials: 'И. В. Краснов'
        return " ".join(words[:-1]), words[-1]
    if len(words) > 1 and all(dots[1:]) and not dots[0]:  # 'Краснов И. В.'
        return " ".join(words[1:]), words[0]
    return _lang(lang).initials(name)


def name_parts(name: str, lang: str) -> tuple[str, str, str]:
    """(surname, given name, patronymic) of a name in either order."""
    mod = _lang(lang)
    from ._names import split

    s, g, p, _ = split(name, None, mod._looks_given)
    return s, g, p


def order_unclear(name: str, lang: str) -> bool:
    """Whether a two-word name gives no sign which word is the surname (both, or neither, read as
    given names, no surname ending): it is then read given name first, as the case format writes
    names in running text."""
    from ._names import SURNAME_ENDING

    w = name.split()
    if len(w) != 2 or lang not in ("ru", "uk"):
        return False
    if bool(SURNAME_ENDING.search(w[0])) != bool(SURNAME_ENDING.search(w[1])):
        return False
    looks = _lang(lang)._looks_given
    return looks(w[0]) == looks(w[1])


def surname_first(name: str, lang: str) -> str:
    """'Арон Атабек' -> 'Атабек Арон': the order prisons and envelopes use."""
    s, g, p = name_parts(_cyrillic(name), lang)
    return " ".join(x for x in (s, g, p) if x)


def address_form(name: str, lang: str) -> str:
    """Given name and patronymic as one addresses a person: «Игорь Викторович» in Russian, the
    vocative «Дмитре Валерійовичу» in Ukrainian."""
    s, g, p = name_parts(name, lang)
    mod = _lang(lang)
    return mod.vocative(g, p) if hasattr(mod, "vocative") else f"{g} {p}"


def safe_case(name: str, case: str, lang: str) -> str | None:
    """A writer's name in `case` where it declines safely: Cyrillic, two or three words, and a
    given name the dictionary knows for one gender only («Анна Смит» -> «Анны Смит», «Иван
    Петров» -> «Ивана Петрова»); None for a Latin name, an unknown given name or one of either
    gender («Саша Ким»), which the letter then writes undeclined without a preposition."""
    from .. import scripts
    from ._morph import analyzer
    from ._names import split

    if lang not in ("ru", "uk") or not scripts.has(name, scripts.CYRILLIC) or not 2 <= len(name.split()) <= 3:
        return None
    mod = _lang(lang)
    _, given, _, first = split(name, None, mod._looks_given)
    genders = {g for p in analyzer(lang).parse(given.rpartition("-")[2]) if "Name" in p.tag and p.tag.case == "nomn"
               for g in ("masc", "femn") if g in p.tag}
    if len(genders) != 1:
        return None
    return name_case(name, case, "he" if genders == {"masc"} else "she", lang, surname_first=first)

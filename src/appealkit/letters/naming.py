"""Names, titles and country names in the letter's language, in the cases its sentences need.
A letter never puts a name from another script or language into its running text: a name
without a form in the letter's language is an error naming the key path. Grammar (declension)
is loaded only for the languages that need it."""

from __future__ import annotations

import re

from ..address.countries import country_name
from ..grammar._names import PATRONYMIC
from ..translit.detect import detect_language
from ..translit.engine import ANY_CYR

CASES = ("gen", "dat", "acc", "ins", "loc")


def written_in(s: str, lang: str) -> bool:
    """Whether `s` reads as `lang`: Cyrillic by its letters (детектор of translit), any other
    language by being in Latin script."""
    if ANY_CYR.search(s):
        return detect_language(s) == lang
    return lang not in ("ru", "uk", "be", "kk", "ky") and all(ord(c) < 0x250 for c in s if c.isalpha())


def person_name(case, lang: str) -> tuple[str, str] | None:
    """(name in running text, full name as the prison writes it) in `lang`, or None."""
    p = case.person
    own = p.name.get(lang)
    if own is not None and not written_in(own, lang):
        own = None
    native = p.native_name if p.native_name and written_in(p.native_name, lang) else None
    if own is None and native is None:
        return None
    if own is not None and native is None and len(own.split()) == 3 and PATRONYMIC.search(own.split()[2]):
        w = own.split()  # a full name given surname first: 'Каваль Марыя Пятроўна'
        return f"{w[1]} {w[0]}", own
    if own is None:  # the native form is surname first: 'Петров Алексей Иванович' -> 'Алексей Петров'
        w = native.split()
        own = f"{w[1]} {w[0]}" if len(w) >= 2 else native
    return own, native or own


def missing_names(case, targets, lang: str) -> list[tuple[str, tuple]]:
    """(key path, position path) of every name or title the letters to `targets` need in
    `lang` and lack."""
    out = []
    if "person" in targets or targets:
        if person_name(case, lang) is None:
            out.append(("person.name", ("person", "name")))
    for t in targets:
        r = case.recipients.get(t)
        if r is None:
            continue
        for k in ("title", "name"):
            v = getattr(r, k)
            if v is not None and (v.get(lang) is None or not written_in(v.get(lang), lang)):
                out.append((f"recipients.{t}.{k}", ("recipients", t, k)))
    return out


def forms_of(thing, lang: str) -> dict | None:
    """A case's own word forms (`forms: {ru: {word: {dat: ...}}}`) for `lang`."""
    f = getattr(thing, "forms", None) or {}
    return f.get(lang)


def declined(name: str, pronoun: str, lang: str, forms=None, surname_first: bool | None = None) -> dict:
    """{case: form} of a personal name; {} in languages without declension."""
    from .. import grammar

    if lang not in grammar.LANGS:
        return {}
    return {c: grammar.name_case(name, c, pronoun, lang, surname_first=surname_first, forms=forms) for c in CASES}


def country_in_text(cc: str, lang: str, data: dict) -> str:
    """A country's short name for running text: CLDR's, with the language's own corrections
    ('Bosnia and Herzegovina', 'Hong Kong', 'США') and English 'the' where English uses it."""
    name = (data.get("countries_in_text") or {}).get(cc) or country_name(cc, lang)
    if lang == "en":
        name = name.replace(" & ", " and ")
        name = re.sub(r" SAR China$", "", name)
        if cc in data.get("definite_article", []):
            name = "the " + name
    return name


def country_case(cc: str, case: str, lang: str, data: dict) -> str:
    name = country_in_text(cc, lang, data)
    from .. import grammar

    return grammar.case_form(name, case, lang) if lang in grammar.LANGS else name


def state_case(cc: str, case: str, lang: str, data: dict) -> str:
    """The state's formal name ('Республика Казахстан') in `case`, for embassies and duties."""
    name = (data.get("states") or {}).get(cc)
    if name is None:
        return country_case(cc, case, lang, data)
    from .. import grammar

    return grammar.case_form(name, case, lang) if lang in grammar.LANGS else name


def with_preposition(prep: str, phrase: str, lang: str) -> str:
    """'из Великобритании', 'во Франции', 'зі Швеції'."""
    from .. import grammar

    if lang in grammar.LANGS:
        from importlib import import_module

        prep = import_module(f"appealkit.grammar.{lang}").preposition(prep, phrase)
    return f"{prep} {phrase}"

"""Names, titles and country names in the letter's language, in the cases its sentences need.
A letter never puts a name from another script or language into its running text: a name
without a form in the letter's language is an error naming the key path. Grammar (declension)
is loaded only for the languages that need it."""

from __future__ import annotations

import re

from .. import scripts
from ..address.countries import country_name
from ..translit.detect import detect_language

CASES = ("gen", "dat", "acc", "ins", "loc")
# the languages whose letters decline (appealkit.grammar.LANGS, named here so that a letter in
# another language never imports the grammar package)
GRAMMAR_LANGS = ("ru", "uk", "be")


CYRILLIC_LANGS = ("ru", "uk", "be", "kk", "ky")


def in_script(s: str, lang: str) -> bool:
    """Whether `s` is in the script `lang` is written in (a case's explicit entry is trusted
    for its language, but never a Latin name in a Cyrillic letter or the reverse)."""
    if scripts.has(s, scripts.CYRILLIC):
        return lang in CYRILLIC_LANGS
    return lang not in CYRILLIC_LANGS and scripts.only(s, scripts.LATIN)


def written_in(s: str, lang: str, country: str | None = None) -> bool:
    """Whether an untagged `s` reads as `lang`: Cyrillic by the letters only one language uses
    (translit.detect, with the country as tie-breaker), any other language by Latin script."""
    if scripts.has(s, scripts.CYRILLIC):
        return detect_language(s, country) == lang
    return in_script(s, lang)


def person_name(case, lang: str) -> tuple[str, str] | None:
    """(name in running text, full name as the prison writes it) in `lang`, or None."""
    p = case.person
    own = p.name.get(lang)
    if own is not None and not in_script(own, lang):
        own = None
    country = p.address.country if p.address else None
    native = p.native_name if p.native_name and written_in(p.native_name, lang, country) else None
    if own is None and native is None:
        return None
    if own is not None and lang in CYRILLIC_LANGS and _full(own):
        w = own.split()  # a full name given surname first: 'Каваль Марыя Пятроўна' (the prison's form wins)
        return f"{w[1]} {w[0]}", native or own
    if own is None and native is not None:  # the native form is surname first: 'Петров Алексей Иванович' -> 'Алексей Петров'
        w = native.split()
        own = f"{w[1]} {w[0]}" if len(w) >= 2 else native
    assert own is not None
    return own, native or own


def _full(name: str) -> bool:
    """A Cyrillic name written surname, given name, patronymic."""
    from ..grammar._names import PATRONYMIC

    w = name.split()
    return len(w) == 3 and PATRONYMIC.search(w[2]) is not None


def missing_names(case, targets, lang: str) -> list[tuple[str, tuple]]:
    """(key path, position path) of every name or title the letters to `targets` need in
    `lang` and lack."""
    out: list[tuple[str, tuple]] = []
    if targets:  # every letter names the person
        if person_name(case, lang) is None:
            out.append(("person.name", ("person", "name")))
    for t in targets:
        r = case.recipients.get(t)
        if r is None:
            continue
        for k in ("title", "name"):
            v = getattr(r, k)
            if v is not None and (v.get(lang) is None or not in_script(v.get(lang), lang)):
                out.append((f"recipients.{t}.{k}", ("recipients", t, k)))
    return out


def declined(name: str, pronoun: str, lang: str, forms=None, surname_first: bool | None = None) -> dict:
    """{case: form} of a personal name; {} in languages without declension."""
    if lang not in GRAMMAR_LANGS:
        return {}
    from .. import grammar

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
    if lang not in GRAMMAR_LANGS:
        return name
    from .. import grammar

    return grammar.case_form(name, case, lang)


def state_case(cc: str, case: str, lang: str, data: dict) -> str:
    """The state's formal name ('Республика Казахстан') in `case`, for embassies and duties."""
    name = (data.get("states") or {}).get(cc)
    if name is None:
        return country_case(cc, case, lang, data)
    if lang not in GRAMMAR_LANGS:
        return name
    from .. import grammar

    return grammar.case_form(name, case, lang)


def with_preposition(prep: str, phrase: str, lang: str, after: str | None = None) -> str:
    """'из Великобритании', 'во Франции', 'зі Швеції'; `after`, the word before it, where the
    language alternates by it (Ukrainian «Посольству України в Німеччині»)."""
    if lang in GRAMMAR_LANGS:
        from importlib import import_module

        mod = import_module(f"appealkit.grammar.{lang}")
        prep = mod.preposition(prep, phrase)
        if after and hasattr(mod, "after_word"):
            prep = mod.after_word(after, prep, phrase)
    return f"{prep} {phrase}"

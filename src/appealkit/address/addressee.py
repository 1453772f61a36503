"""The person's line on the envelope, as the destination's prisons expect it.

Former-USSR prisons want the full name with the year of birth ("Алиеву Тимуру Руслановичу,
1983 г. р."): the country's `prison_name` data says so, per language of the address
(data/countries/RU.yaml: `prison_name: {born: {ru: "{year} г. р."}, dative: [ru]}`). The name
goes in the dative in the languages `dative` lists; `decline` is the one place that does it.
"""

from __future__ import annotations

from .countries import get_country


def decline(name: str, lang: str, pronoun: str | None, forms: dict | None = None) -> str:
    """The full name as the prison writes it, surname first and in the dative
    ('Алексей Иванович Петров' -> 'Петрову Алексею Ивановичу'), where appealkit.grammar can
    decline it; the name as written otherwise. The one place the dative comes in."""
    from ..grammar import dative_full_name, surname_first

    try:
        return dative_full_name(surname_first(name, lang), pronoun or "they", lang, forms) or name
    except (ValueError, LookupError):  # a language or a name the grammar cannot decline
        return name


def born_suffix(case, lang: str | None, latin: bool = False) -> str | None:
    """"1983 г. р." for a destination whose prisons want the year of birth, in the address's
    language `lang` (None: not Cyrillic, no suffix), else None."""
    p = case.person
    year = p.born_year
    if year is None or p.address is None or (lang is None and not latin):
        return None
    forms = get_country(p.address.country).prison_name.get("born_latin" if latin else "born")
    if not forms:
        return None
    if isinstance(forms, dict):
        form = forms.get(lang) or forms.get("ru") or next(iter(forms.values()))
    else:
        form = forms
    return form.format(year=year)


def person_addressee(case, lang: str | None, name: str | None = None, dative: bool = True) -> str:
    """The person's first line in the block for a language `lang` (ru, be, ...): the full
    name, declined where the destination writes the dative, and the year of birth where its
    prisons want it. `name` defaults to the person's native name."""
    p = case.person
    name = name or p.native_name or p.name.pick(lang, case.language, "en")
    country = get_country(p.address.country) if p.address else None
    if dative and country is not None and lang is not None and lang in country.prison_name.get("dative", ()):
        name = decline(name, lang, p.pronoun, p.forms.get(lang))
    suffix = born_suffix(case, lang)
    return f"{name}, {suffix}" if suffix else name


def person_addressee_latin(case, lang: str | None, name: str) -> str:
    """The Latin block's person line: the name and, where the local line (in `lang`) has the
    year of birth, the year ("born 1983")."""
    suffix = born_suffix(case, "en", latin=True) if born_suffix(case, lang) else None
    return f"{name}, {suffix}" if suffix else name

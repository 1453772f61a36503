"""The lines an envelope and a letter share, built once for both: the person's line as the
destination's prisons expect it, and the writer's return address.

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


def return_address(name: str | None, lines: list[str], country: str | None, dest: str | None,
                   lang: str = "en") -> list[str]:
    """The writer's name (when given) and address, as a letter and its envelope both print them:
    for mail abroad ending in the writer's country in capitals, in `lang`, the language of the
    letter it goes with (which the destination's post returning it and a reply can read); no
    country line at home, nor where the writer's last lines name the country already. The pack's
    envelopes and the letters call this one builder, so that they never disagree."""
    out = [x for x in (name, *lines) if x]
    if not lines or not country or country == dest:
        return out
    from babel.languages import get_official_languages

    from .countries import country_name, upper

    # the names a writer may have typed: in English, in the letter's language, in their own
    own = country_name(country, lang)
    known = {country.casefold(), own.casefold()}
    for lg in ("en", *get_official_languages(country, de_facto=True)):
        known.add(country_name(country, lg).casefold())
    known |= {"uk", "great britain", "usa", "us", "united states of america"} if country in ("GB", "US") else set()
    if any(x.strip(" ,.").casefold() in known for x in lines[-2:]):
        return out
    return out + [upper(own, lang)]

"""Which language a letter is written in: the one asked for, else for the person the prison's
language (data/letters/prisons.yaml, or the case's person.languages), else the case's own.
A letter in a language the prison or the authority does not take is written with a warning."""

from __future__ import annotations

from functools import lru_cache

from ..resources import load_data


@lru_cache(maxsize=None)
def prisons() -> dict:
    d = dict(load_data("letters", "prisons.yaml"))
    d.pop("samples", None)
    return d


def person_languages(case) -> tuple[list[str], str | None]:
    """(languages the person's prison takes, why) or ([], None) where nothing is known."""
    country = case.person.address.country if case.person.address else None
    row = prisons().get(country or "")
    if case.person.languages:
        return list(case.person.languages), (row or {}).get("why") or "the case says so (person.languages)"
    if row:
        return list(row["languages"]), row["why"]
    return [], None


def choose(case, target: str, asked: str | None, available) -> tuple[str, list[str]]:
    """(language, warnings) for one letter."""
    warnings: list[str] = []
    if target == "person":
        langs, why = person_languages(case)
        from .naming import person_name

        usable = [x for x in langs if x in available and person_name(case, x) is not None]
        if asked is None:
            if usable:
                return usable[0], warnings
            if langs:
                templated = [x for x in langs if x in available]
                fix = (f"give person.name in {' or '.join(templated)} to write one" if templated
                       else f"appealkit has no letters in {' or '.join(langs)} yet")
                warnings.append(f"the letter to the person is in '{case.language}', but {why}; {fix}")
            return case.language, warnings
        if langs and asked not in langs:
            warnings.append(f"the letter to the person is in '{asked}', but {why}; "
                            f"write in {' or '.join(langs)} if you can")
        return asked, warnings
    lang = asked or case.language
    r = case.recipients[target]
    country = r.address.country if r.address else None
    if lang == "ru" and country == "UA":
        warnings.append(f"the letter to '{target}' is in Russian to a Ukrainian authority: write in Ukrainian "
                        "or English; a Russian letter may be set aside unread")
    return lang, warnings

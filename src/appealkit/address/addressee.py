"""The lines an envelope and a letter share, built once for both: the person's line as the
destination's prisons expect it, an official's addressee lines, and the writer's return address.

Former-USSR prisons want the full name with the year of birth ("Алиеву Тимуру Руслановичу,
1983 г. р."): the country's `prison_name` data says so, per language of the address
(data/countries/RU.yaml: `prison_name: {born: {ru: "{year} г. р."}, dative: [ru]}`). The name
goes in the dative in the languages `dative` lists; `decline` is the one place that does it.

An official is addressed in official style (ГОСТ Р 7.0.97-2016, ДСТУ 4163:2020) in the languages
of OFFICIAL_DATIVE, on the envelope («Кому») as atop the letter: the title and the initials and
surname in the dative, an institution line the title already names left out
(`official_addressee`).
"""

from __future__ import annotations

from .countries import get_country

# the languages whose officials are addressed in the dative, in letters and on envelopes alike
# (Belarusian declines, but appealkit writes no Belarusian letters to officials)
OFFICIAL_DATIVE = ("ru", "uk")


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


def _text(t, lang: str) -> str | None:
    """A recipient's text in `lang`, as one line ("" and a Latin entry count as none)."""
    from .. import scripts

    v = t.get(lang) if t is not None else None
    return " ".join(v.split()) if v and scripts.has(v, scripts.CYRILLIC) else None


def official_language(recipient, lang: str | None) -> bool:
    """Whether an official's addressee can be written in official style in `lang` (the
    language of their address, or of a letter): one of OFFICIAL_DATIVE, and the title and the
    name, where the case gives them, have an entry in it."""
    return lang in OFFICIAL_DATIVE and all(t is None or _text(t, lang) for t in (recipient.title, recipient.name))


def official_head(recipient, lang: str, decline: bool = True) -> list[str]:
    """The addressee of an official in `lang`: the title (an organisation without a title is
    named as written, in the nominative, as official style names an organisation; else the
    role's title), then the initials and surname: in the dative, ['Генеральному прокурору
    Российской Федерации', 'А. В. Гуцану']; `decline=False` gives the title and the name as
    written, without loading the morphology (check)."""
    title, name = _text(recipient.title, lang), _text(recipient.name, lang)
    org = None if title else _text(recipient.organisation, lang)
    top = title
    if not (title or org):  # the role's own title («Руководителю»)
        from ..letters.translations import lang_data

        top = lang_data(lang)["roles"].get(recipient.role)
    if decline:
        from .. import grammar

        try:
            head = grammar.dative_official(top, name, recipient.pronoun, lang,
                                           recipient.forms.get(lang) if recipient.forms else None)
            return [org, *head] if org else head
        except (ValueError, LookupError):  # a name the grammar cannot decline: as written
            pass
    return [x for x in (org, top, name) if x]


def official_addressee(recipient, lang: str, lines: list[str], decline: bool = True) -> tuple[list[str], list[str]]:
    """(addressee lines, address lines) of an official in `lang` (OFFICIAL_DATIVE), for the
    envelope's block and the letter's alike, `lines` being the address's own: the addressee
    (official_head), and a line written twice once. A first line that is the addressee's own
    («Начальнику ФКУ ИК-7 …») stands for the title; an institution the title names
    («Начальнику ФКУ ИК-6 …» over «ФКУ ИК-6 …»; «Прокурору Кировской области» over «Прокуратура
    Кировской области»; ГОСТ Р 7.0.97-2016, п. 5.14) or the organisation itself is left out."""
    head = official_head(recipient, lang, decline)
    title = _text(recipient.title, lang) or ""
    if not head or not lines:
        return head, lines
    org = not title and head[0] == _text(recipient.organisation, lang)
    if _same_line(head[0], lines[0]) and not org:
        return head[1:], lines
    if (org and _same_line(head[0], lines[0])) or head[0].endswith(" " + lines[0]) or _same_body(title, lines[0]):
        return head, lines[1:]
    return head, lines


def _same_body(title: str, line: str) -> bool:
    """Whether an institution line is the body a title names: the same words after the office
    («Кировской области», «юстиции Российской Федерации»), the office's noun and the body's from one
    stem (прокурор / прокуратура, Министр / Министерство, Правительства / Правительство)."""
    t, w = title.casefold().split(), line.casefold().split()
    n = 0
    while n < min(len(t), len(w)) - 1 and t[-1 - n] == w[-1 - n]:
        n += 1
    if n == 0 or len(w) - n > 2:
        return False
    a, b = t[len(t) - n - 1], w[len(w) - n - 1]
    return len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]


def _same_line(a: str, b: str) -> bool:
    def norm(x: str) -> str:
        return " ".join(x.replace("…", " ").split()).casefold().rstrip(" .,")

    return norm(a) == norm(b) or norm(b).startswith(norm(a)) or norm(a).startswith(norm(b))

"""Address blocks: the local-script block for the destination's post, the Latin block for the
sender and the origin post, and the country line, in the destination's line order."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import scripts
from ..errors import CaseError, UsageError
from ..records import Record
from ..translit.detect import script_language
from .countries import Country, country_line, get_country, upper

STYLES = ("translate", "transliterate")
EMBASSY_BLANK = "[Embassy address in your country]"


class Block(Record):
    """One address block: who it is for, its local-script and Latin lines, and the country line."""
    to: str
    name: str | None
    local: list[str]
    latin: list[str]
    country: str | None
    country_line: str | None
    scheme: str | None
    style: str
    bilingual: bool = True

    def as_dict(self) -> dict:
        printed = self.lines("both")
        return {"to": self.to, "name": self.name, "local": self.local, "latin": self.latin,
                "country": self.country, "country_line": self.country_line,
                "scheme": self.scheme, "style": self.style, "printed": printed,
                # where the country line stands in `printed`: last of each block (UPU)
                "country_line_at": [i for i, x in enumerate(printed) if self.country_line and x == self.country_line
                                    and (i + 1 == len(printed) or printed[i + 1] == "")]}

    def lines(self, script: str = "both") -> list[str]:
        """The block as printed: local script, Latin, or both (a blank line between), each
        ending in the country line (the UPU's rule: the origin post reads the last line, so the
        postcode stands above it even for Russia); one block where the destination writes Latin."""
        tail = [self.country_line] if self.country_line else []
        local, latin = self.local + tail, self.latin + tail
        if not self.bilingual or script == "latin":
            return latin
        if script == "local":
            return local
        return local + [""] + latin

    def text(self, script: str = "both") -> str:
        return "\n".join(self.lines(script))


@lru_cache(maxsize=4096)
def non_latin(s: str) -> bool:
    return not s.isascii() and not scripts.only(s, scripts.LATIN)


def cyrillic_language(text: str, cc: str, langs=(), whole: str | None = None) -> str | None:
    """The Cyrillic language of an address's text in country `cc` (ru, uk, ...), None without Cyrillic."""
    from .language import line_language

    return line_language(text, get_country(cc), langs, whole) if scripts.has(text, scripts.CYRILLIC) else None


def choose_scheme(country: Country, text: str, override: str | None, langs=(),
                  whole: str | None = None) -> tuple[str, str | None]:
    """(scheme id, Cyrillic language or None) for one line of an address (or its whole text,
    whose language is `whole`): the scheme made for the line's own language (language.py
    decides it), never another's."""
    lang = cyrillic_language(text, country.code, langs, whole)
    if override:
        return override, lang
    from ..translit.schemes import default_scheme

    if lang is None:
        if not non_latin(text):
            return country.scheme, None
        # another script: the country's scheme for its language (ka, hy, ar, fa), else the
        # scheme made for that language, else ASCII
        other = script_language(text, country.code)
        return country.schemes.get(other) or default_scheme(other) or "ascii", other
    if lang in country.schemes:
        return country.schemes[lang], lang
    main = country.scheme if country.scheme != "ascii" else "icao"
    if lang in _covers(main):
        return main, lang
    return default_scheme(lang) or main, lang


@lru_cache(maxsize=None)
def _covers(scheme_id: str) -> tuple[str, ...]:
    from ..translit import get_scheme

    return tuple(get_scheme(scheme_id).languages)


def _latin_writer(country: Country, text: str, override: str | None, langs=()):
    """(scheme id, language, writer) for an address whose local text is `text`: the id and
    language are the whole text's; `writer(line)` gives the line's own language and a function
    writing any part of that line in Latin by that language's scheme, spaces collapsed."""
    from ..translit import get_scheme

    scheme_id, lang = choose_scheme(country, text, override, langs)

    def writer(line: str):
        sid, lg = choose_scheme(country, line, override, langs, lang) if lang else (scheme_id, lang)
        sch = get_scheme(sid)
        return lg, lambda s: " ".join(sch.transliterate(s, lg).split())

    return scheme_id, lang, writer


_FIELD = re.compile(r"\{(\w+)\}")
_MULTI = ("name", "lines")


def _fill(layout: list[str], parts: dict, upper_fields=(), lang: str = "en") -> list[str]:
    """The lines of `layout` filled from `parts`.

    A literal between two fields is kept only when the field after it has a value (and a
    field before it does, or it opens the line: "AZ {postcode}", "〒{postcode}"), so an
    empty region leaves no stray comma."""
    out: list[str] = []
    for tmpl in layout:
        bits = _FIELD.split(tmpl)  # literal, field, literal, ..., literal
        if len(bits) == 1:
            if tmpl.strip():
                out.append(tmpl.strip())  # a literal line (Google's "ÅLAND")
            continue
        only = len(bits) == 3 and not bits[0].strip() and not bits[2].strip()
        values = []
        for key in bits[1::2]:
            v = parts.get(key)
            if key in _MULTI:
                items = [_case(x, key, upper_fields, lang) for x in (v or []) if x]
                if only:
                    out.extend(items)
                    v = None
                else:  # "{lines}, {region}": the last line carries the rest
                    out.extend(items[:-1])
                    v = items[-1] if items else None
            else:
                v = _case(v, key, upper_fields, lang) if v else None
            values.append(v)
        if only:
            if values[0]:
                out.append(" ".join(values[0].split()))
            continue
        line, seen, last = "", False, -1
        for j, v in enumerate(values):
            if not v:
                continue
            if seen or j == 0:
                line += bits[2 * j]
            line += v
            seen, last = True, j
        if seen and last == len(values) - 1:
            line += bits[-1]
        line = " ".join(line.split())
        if line:
            out.append(line)
    return out


_NUMERO = re.compile(r"№\s*")


def latin_marks(line: str) -> str:
    """A Latin line without the Cyrillic world's marks a clerk abroad does not read: № becomes
    "No.", guillemets straight quotes."""
    return _NUMERO.sub("No. ", line).replace("«", '"').replace("»", '"')


def _case(v: str, key: str, upper_fields, lang: str) -> str:
    return upper(v, lang) if key in upper_fields else v


_ORDER = ("lines", "district", "locality", "region", "postcode")


def with_every_field(layout: list[str], address) -> list[str]:
    """`layout` with a line for each field the address gives that it has no place for, so that
    nothing the case says is dropped (Google's Latin layout for Japan has no town; an
    Azerbaijani district): just after the line of the field before it in the usual order
    (lines, district, locality, region, postcode), else just before the line of the next."""
    out = list(layout)

    def where(key: str) -> int | None:
        return next((i for i, t in enumerate(out) if "{" + key + "}" in t), None)

    for n, key in enumerate(_ORDER):
        if key == "lines" or not getattr(address, key, None) or where(key) is not None:
            continue
        before = [i for k in _ORDER[:n] if (i := where(k)) is not None]
        after = [i for k in _ORDER[n + 1:] if (i := where(k)) is not None]
        at = max(before) + 1 if before else min(after) if after else len(out)
        out.insert(at, "{" + key + "}")
    return out


def _postcode(country: Country, code: str | None, layout: list[str]) -> str | None:
    """The postcode as the layout prints it: a country prefix ("AZ ") added unless the layout
    writes it itself, and never doubled when the case already gives it."""
    if not code:
        return code
    code = code.strip()
    pre = country.postcode_prefix
    if not pre:
        return code
    bare = country.bare_postcode(code)
    line = next((t for t in layout if "{postcode}" in t), "")
    if pre.strip(" -") and pre.strip(" -") in line.split("{postcode}")[0]:
        return bare
    return pre + bare


def format_address(address, name_local: list[str], name_latin: list[str] | None, to: str,
                   sender: str | None = None, scheme: str | None = None,
                   style: str = "translate", langs=(),
                   official: tuple[list[str], list[str]] | None = None) -> Block:
    """The block for `address`; `langs` are the case's languages, which decide a line's
    language after the destination country (language.py). `official`, an official's
    (addressee lines, address lines) in the local language (addressee.official_addressee),
    takes the place of `name_local` and the address's lines in the local block; the Latin
    block still writes `name_local` (or `name_latin`) over every line of the address."""
    if style not in STYLES:
        raise UsageError(f"unknown style '{style}'; choose translate or transliterate")
    country = get_country(address.country)
    local_text = address.local_text
    scheme_id, lang, writer = _latin_writer(country, local_text, scheme, langs)
    bilingual = non_latin(local_text) or any(non_latin(n) for n in name_local)
    local_layout = with_every_field(country.layout, address)
    latin_layout = with_every_field(country.latin_layout or country.layout, address)
    head, lines = official or (name_local, list(address.lines))
    parts = {"lines": lines, "postcode": _postcode(country, address.postcode, local_layout),
             "locality": address.locality, "district": address.district, "region": address.region,
             "name": head}

    def render(s: str | None) -> str | None:
        if s is None:
            return None
        if not non_latin(s):
            return s
        line_lang, tr = writer(s)
        if style == "translate" and line_lang:
            from .abbrev import table_languages, translate_line

            return translate_line(s, table_languages(country.abbreviations, line_lang), tr)
        return tr(s)

    over = address.latin

    def latin_part(key: str):
        given = getattr(over, key, None) if over else None
        return given if given else render(getattr(address, key))

    lat = {
        "lines": (over.lines if over and over.lines else [render(x) for x in address.lines]),
        "locality": latin_part("locality"), "region": latin_part("region"),
        "district": latin_part("district"),
        "postcode": _postcode(country, address.postcode, latin_layout),
        "name": name_latin if name_latin is not None else [render(n) for n in name_local],
    }
    # Google's capitals (its `upper` fields) where the origin post reads: the Latin block
    local = _fill(local_layout, parts, (), country.language)
    # capitals by the destination's rules where its own Latin text is printed ("SİLİVRİ")
    latin = [latin_marks(x) for x in _fill(latin_layout, lat, country.upper, "en" if bilingual else country.language)]
    if not bilingual:
        local = latin
    return Block(to=to, name=", ".join(lat["name"]), local=local, latin=latin,
                 country=address.country, country_line=country_line(address.country, sender),
                 scheme=scheme_id, style=style, bilingual=bilingual)


def embassy_block(recipient, sender: str | None, embassy_lines: list[str] | None, langs=("en",)) -> Block:
    """An ambassador without an address: the embassy in the sender's own country, domestic mail."""
    name = addressee(recipient, langs)
    lines = [name] + (embassy_lines or [EMBASSY_BLANK])
    return Block(to=recipient.id, name=name, local=lines, latin=lines, country=sender,
                 country_line=None, scheme=None, style="translate", bilingual=False)


def pick_text(t, local: bool, langs) -> str | None:
    """A name or title for an address block: for the local block (`local`) the entry written in
    a non-Latin script if there is one, else the first of `langs` the text has."""
    if t is None:
        return None
    if local:
        for v in t.values.values():
            if non_latin(v):
                return v
    return t.pick(*langs)


def addressee(recipient, langs=("en",)) -> str:
    """The first line for an official: H.E. for ambassadors, else name (or title)."""
    name, title = pick_text(recipient.name, False, langs), pick_text(recipient.title, False, langs)
    if recipient.role == "ambassador":
        if name:
            return f"H.E. {name}"
        return f"H.E. the {title}" if title else "H.E. the Ambassador"
    return name or title or recipient.id


def recipient_names(recipient, local: bool = False, langs=("en",)) -> list[str]:
    """Title line, then the name line, as the appeal prints them."""
    if recipient.role == "ambassador":
        return [addressee(recipient, langs)]
    out = []
    title = pick_text(recipient.title, local, langs)
    if title:
        out.append(title)
    name = pick_text(recipient.name, local, langs)
    if name:
        out.append(name)
    org = pick_text(recipient.organisation, local, langs)
    if org and not title:
        out.append(org)
    return out or [recipient.id]


def no_address(recipient) -> str:
    """Why a recipient has no address block, and how to reach them instead."""
    ways = [f"{k} {getattr(recipient, k)}" for k in ("email", "fax") if getattr(recipient, k)]
    return (f"recipient '{recipient.id}' has no postal address"
            + (f"; write by {' or '.join(ways)}" if ways else ""))


def blocks_for(case, to: str = "person", sender: str | None = None, scheme: str | None = None,
               style: str = "translate", embassy_lines: list[str] | None = None,
               decline: bool = True) -> list[Block]:
    """The address blocks for `to`: person, a recipient id, or all (recipients without a postal
    address have none: see no_address). `decline=False` leaves the names undeclined (the
    person's, the officials'), for a caller that only needs to know the blocks can be made
    (check: no morphology)."""
    # a case's blocks are asked for again and again in one run (letters, checks, loops)
    key = (to, sender, scheme, style, tuple(embassy_lines or ()), decline)
    return case.derived.get("blocks", key, lambda: _blocks_for(case, to, sender, scheme, style, embassy_lines, decline))


def _blocks_for(case, to, sender, scheme, style, embassy_lines, decline) -> list[Block]:
    out = []
    for t in case.targets(to):
        if t == "person":
            out.append(person_block(case, sender, scheme, style, decline))
            continue
        r = case.recipients[t]
        if r.address is None:
            if r.role == "ambassador":
                out.append(embassy_block(r, sender, embassy_lines, (case.language, "en")))
                continue
            if to == "all":  # written to by email or fax: the letter has no inside address
                continue
            raise CaseError(no_address(r), case.positions.at(("recipients", t)))
        langs = ("en", case.language)
        local_names = recipient_names(r, non_latin(r.address.local_text), langs)
        latin_names = recipient_names(r, False, langs)
        langs_of_case = case_languages(case)
        out.append(format_address(r.address, local_names, None if any(map(non_latin, latin_names)) else latin_names,
                                  t, sender, scheme, style, langs_of_case, official_lines(r, langs_of_case, decline)))
    return out


def official_lines(r, langs=(), decline: bool = True) -> tuple[list[str], list[str]] | None:
    """An official's addressee and address lines for the local block, in the dative where the
    address's language addresses officials so (addressee.official_addressee, which the letter's
    own addressee block uses too); None where it does not (Belarusian, Kazakh, Latin scripts)."""
    from .addressee import official_addressee, official_language

    lang = cyrillic_language(r.address.local_text, r.address.country, langs)
    if not official_language(r, lang):
        return None
    assert lang is not None
    return official_addressee(r, lang, list(r.address.lines), decline)


def case_languages(case) -> tuple[str, ...]:
    """The languages a case is written in, for a line's language after its country's."""
    person = getattr(case, "person", None)
    return tuple(dict.fromkeys([getattr(case, "language", "en"), *(getattr(person, "languages", None) or [])]))


def person_block(case, sender, scheme, style, decline: bool = True) -> Block:
    """The person's block: in the local block the name as the destination's prisons expect it
    (addressee.py); in the Latin block the person's own spelling where it is Latin
    (native_name "Sevinc Hüseynli", not the English "Sevinj Huseynli"), else the English."""
    from .addressee import person_addressee, person_addressee_latin

    p = case.person
    local_text = p.address.local_text
    own = p.native_name if p.native_name and not non_latin(p.native_name) else None
    latin_name = own or p.name.pick("en", case.language)
    local_name = p.native_name or pick_text(p.name, non_latin(local_text), (case.language, "en"))
    # the year-of-birth forms are Cyrillic: a Latin-script address (Uzbek Latin) gets none
    lang = cyrillic_language(local_text, p.address.country)
    local_line = person_addressee(case, lang, local_name, decline)
    if non_latin(latin_name):  # no Latin spelling in the case: the scheme's
        latin_name = _latin_writer(get_country(p.address.country), local_text, scheme,
                                   case_languages(case))[2](latin_name)[1](latin_name)
    latin_line = person_addressee_latin(case, lang, latin_name)
    block = format_address(p.address, [local_line], [latin_line], "person", sender, scheme, style,
                           case_languages(case))
    block.name = latin_name
    return block

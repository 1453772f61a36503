"""Address blocks: the local-script block for the destination's post, the Latin block for the
sender and the origin post, and the country line, in the destination's line order."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..errors import CaseError, UsageError
from dataclasses import dataclass
from ..translit.detect import detect_language, script_language
from ..translit.engine import ANY_CYR
from .countries import Country, country_line, get_country

STYLES = ("translate", "transliterate")
EMBASSY_BLANK = "[Embassy address in your country]"


@dataclass
class Block:
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
        return {"to": self.to, "name": self.name, "local": self.local, "latin": self.latin,
                "country": self.country, "country_line": self.country_line,
                "scheme": self.scheme, "style": self.style}

    def lines(self, script: str = "both") -> list[str]:
        """The block as printed: local script, Latin, or both (a blank line between), each
        ending in the country line; one block where the destination writes Latin."""
        tail = [self.country_line] if self.country_line else []
        if not self.bilingual or script == "latin":
            return self.latin + tail
        if script == "local":
            return self.local + tail
        return self.local + tail + [""] + self.latin + tail

    def text(self, script: str = "both") -> str:
        return "\n".join(self.lines(script))


@lru_cache(maxsize=4096)
def non_latin(s: str) -> bool:
    return not s.isascii() and any(ch.isalpha() and not _is_latin(ch) for ch in s)


@lru_cache(maxsize=4096)
def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def choose_scheme(country: Country, text: str, override: str | None) -> tuple[str, str | None]:
    """(scheme id, Cyrillic language or None) for an address whose local text is `text`."""
    lang = detect_language(text, country.code) if ANY_CYR.search(text) else None
    if override:
        return override, lang
    if lang is None:
        if not non_latin(text):
            return country.scheme, None
        # another script: the country's scheme for its language (ka, hy, ar, fa), else the
        # scheme made for that language, else ASCII
        from ..translit.schemes import default_scheme

        other = script_language(text, country.code)
        return country.schemes.get(other) or default_scheme(other) or "ascii", other
    return country.schemes.get(lang, country.scheme if country.scheme != "ascii" else "icao"), lang


def _fill(layout: list[str], parts: dict) -> list[str]:
    out: list[str] = []
    for tmpl in layout:
        if tmpl in ("{lines}", "{name}"):
            out.extend(parts.get(tmpl[1:-1]) or [])
            continue
        line = tmpl
        empty = True
        for key in ("postcode", "locality", "district", "region"):
            ph = "{" + key + "}"
            if ph in line:
                val = parts.get(key) or ""
                empty = empty and not val
                line = line.replace(ph, val)
        line = " ".join(line.split())
        line = line.strip(" ,/")
        if not empty and line:
            out.append(line)
    return out


def format_address(address, name_local: list[str], name_latin: list[str] | None, to: str,
                   sender: str | None = None, scheme: str | None = None,
                   style: str = "translate") -> Block:
    if style not in STYLES:
        raise UsageError(f"unknown style '{style}'; choose translate or transliterate")
    from ..translit import get_scheme

    country = get_country(address.country)
    parts = {"lines": list(address.lines), "postcode": address.postcode,
             "locality": address.locality, "district": address.district, "region": address.region,
             "name": name_local}
    # the person's name in the local block may be in the local script (native_name)
    local_text = address.local_text
    scheme_id, lang = choose_scheme(country, local_text, scheme)
    sch = get_scheme(scheme_id)
    bilingual = non_latin(local_text) or any(non_latin(n) for n in name_local)

    def tr(s: str) -> str:
        return " ".join(sch.transliterate(s, lang).split())

    def render(s: str | None) -> str | None:
        if s is None:
            return None
        if not non_latin(s):
            return s
        if style == "translate" and lang:
            from .abbrev import translate_line

            return translate_line(s, lang, tr)
        return tr(s)

    latin_over = address.latin
    lat = {
        "lines": (latin_over.lines if latin_over and latin_over.lines else [render(x) for x in address.lines]),
        "locality": (latin_over.locality if latin_over and latin_over.locality else render(address.locality)),
        "region": (latin_over.region if latin_over and latin_over.region else render(address.region)),
        "district": (latin_over.district if latin_over and latin_over.district else render(address.district)),
        "postcode": address.postcode,
        "name": name_latin if name_latin is not None else [render(n) for n in name_local],
    }
    local = _fill(country.layout, parts)
    latin = _fill(country.latin_layout or country.layout, lat)
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
               style: str = "translate", embassy_lines: list[str] | None = None) -> list[Block]:
    """The address blocks for `to`: person, a recipient id, or all (recipients without a postal
    address have none: see no_address)."""
    # a case's blocks are asked for again and again in one run (letters, checks, loops)
    key = (to, sender, scheme, style, tuple(embassy_lines or ()))
    cache = case.cache.setdefault("blocks", {})
    if key in cache:
        return cache[key]
    cache[key] = out = _blocks_for(case, to, sender, scheme, style, embassy_lines)
    return out


def _blocks_for(case, to, sender, scheme, style, embassy_lines) -> list[Block]:
    out = []
    for t in case.targets(to):
        if t == "person":
            p = case.person
            latin_name = p.name.pick("en", case.language)
            local_name = p.native_name or p.name.pick(case.language, "en")
            if non_latin(p.address.local_text):
                local_name = pick_text(p.name, True, (case.language, "en")) or local_name
            out.append(format_address(p.address, [local_name], None if non_latin(latin_name) else [latin_name],
                                      "person", sender, scheme, style))
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
        out.append(format_address(r.address, local_names, None if any(map(non_latin, latin_names)) else latin_names,
                                  t, sender, scheme, style))
    return out

"""Country data: ISO codes, per-country layouts, and country names from CLDR (via Babel)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import UsageError
from dataclasses import dataclass, field
from ..resources import data_path, load_data, read_list

DEFAULT_LAYOUT = ["{name}", "{lines}", "{postcode} {locality}", "{region}"]


@lru_cache(maxsize=None)
def iso_codes() -> frozenset[str]:
    return frozenset(read_list("iso3166-1.txt"))


def is_iso_country(code: str) -> bool:
    return code in iso_codes()


@dataclass
class Country:
    code: str
    script: str = "Latn"
    language: str = "en"
    scheme: str = "icao"
    schemes: dict = field(default_factory=dict)
    layout: list = field(default_factory=lambda: list(DEFAULT_LAYOUT))
    latin_layout: list | None = None
    postcode: str | None = None
    postcode_example: str | None = None
    source: str = ""
    tests: list = field(default_factory=list)
    known: bool = True

    def postcode_ok(self, code: str) -> bool:
        return self.postcode is None or re.fullmatch(self.postcode, code) is not None


@lru_cache(maxsize=None)
def get_country(code: str) -> Country:
    path = data_path("countries", f"{code}.yaml")
    if not path.is_file():
        return Country(code=code, known=False)
    d = load_data("countries", f"{code}.yaml")
    d["code"] = d.pop("country")
    return Country(**d)


def known_countries() -> list[str]:
    return sorted(p.stem for p in data_path("countries").glob("*.yaml"))


@lru_cache(maxsize=None)
def _cldr(name: str) -> dict:
    """CLDR country names of one language (or `_official`: each country's first official
    language), generated from Babel by tools/country_names.py, so that a run need not load a
    whole Babel locale for one name."""
    import json

    path = data_path("country-names", f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@lru_cache(maxsize=None)
def sender_language(cc: str | None) -> str:
    """The language a sender in `cc` writes the country line in: its first official language."""
    if not cc:
        return "en"
    lang = _cldr("_official").get(cc)
    if lang:
        return lang
    from babel.languages import get_official_languages

    langs = get_official_languages(cc, de_facto=True)
    return langs[0] if langs else "en"


def check_sender_country(cc: str | None) -> str | None:
    if cc is None:
        return None
    up = cc.strip().upper()
    if not is_iso_country(up):
        raise UsageError(f"'{cc}' is not an ISO 3166-1 alpha-2 country code (like GB, DE, RU)",
                         param="sender_country")
    return up


@lru_cache(maxsize=None)
def country_name(cc: str, lang: str) -> str:
    names = _cldr(lang) if lang.replace("_", "").isalnum() else {}
    if cc in names:
        return names[cc]
    from babel import Locale, UnknownLocaleError

    try:
        loc = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        loc = Locale.parse("en")
    return loc.territories.get(cc) or _cldr("en").get(cc, cc)


def upper(text: str, lang: str) -> str:
    """Upper case by the language's rules: Turkic dotted i keeps its dot (İ)."""
    if lang.split("_")[0] in ("tr", "az", "kk", "tt", "crh"):
        text = text.replace("i", "İ")
    return text.upper()


@lru_cache(maxsize=None)
def country_line(dest: str, sender: str | None) -> str | None:
    """The last line of an international address: the destination's name in CAPITALS, in the
    sender's language (only the origin post reads it); none for domestic mail."""
    if sender and sender == dest:
        return None
    lang = sender_language(sender)
    return upper(country_name(dest, lang), lang)

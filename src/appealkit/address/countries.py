"""Country data: ISO codes, per-country layouts (hand-made in data/countries, else Google's address
metadata in data/address-formats.json), and country names from CLDR (via Babel)."""

from __future__ import annotations

import re
from dataclasses import field
from functools import lru_cache

from .. import scripts
from ..errors import UsageError
from ..records import Record
from ..resources import data_path, load_data, read_list

# Google's field letters (address-formats.json) and the address parts they stand for
FIELDS = {"N": "name", "O": "organisation", "A": "lines", "D": "district", "C": "locality",
          "S": "region", "Z": "postcode", "X": "sorting_code"}
DEFAULT_LAYOUT = ["{name}", "{lines}", "{locality}"]


@lru_cache(maxsize=None)
def iso_codes() -> frozenset[str]:
    return frozenset(read_list("iso3166-1.txt"))


def is_iso_country(code: str) -> bool:
    return code in iso_codes()


class Country(Record, eq=False):  # one per country, cached: compared by identity
    """A destination's postal conventions: hand-made (data/countries/<CC>.yaml, `known`), else
    Google's address metadata (data/address-formats.json, `google`), else a generic order.

    layout: one template a line, `{field}` placeholders (name, lines, locality, district,
    region, postcode) and literal text; the country line is always last (Block.lines)."""

    code: str
    script: str = "Latn"
    language: str = "en"
    scheme: str = "icao"
    schemes: dict = field(default_factory=dict)
    layout: list = field(default_factory=lambda: list(DEFAULT_LAYOUT))
    latin_layout: list | None = None
    postcode: str | None = None
    postcode_example: str | None = None
    postcode_prefix: str | None = None
    upper: list = field(default_factory=list)      # fields written in capitals
    required: list = field(default_factory=list)   # fields the post needs
    abbreviations: list = field(default_factory=list)  # abbreviation tables read before the text's language
    prison_name: dict = field(default_factory=dict)    # the person's envelope line (addressee.py)
    source: str = ""
    known: bool = True
    google: bool = False

    @property
    def name_of_source(self) -> str:
        return "Google's address data" if self.google else "the post's rules"

    def postcode_ok(self, code: str) -> bool:
        return self.postcode is None or re.fullmatch(self.postcode, self.bare_postcode(code)) is not None

    def bare_postcode(self, code: str) -> str:
        """The postcode without the country prefix written before it ("AZ 1000" -> "1000")."""
        pre = (self.postcode_prefix or "").strip(" -")
        if pre and code[:len(pre)].upper() == pre.upper() and re.fullmatch(self.postcode or ".*", code) is None:
            return code[len(pre):].lstrip(" -")
        return code


def google_layout(fmt: str) -> list[str]:
    """Google's "%N%n%O%n%A%n%C %S %Z" as layout lines ["{name}", "{organisation}", ...]."""
    return [re.sub(r"%([A-Z])", lambda m: "{" + FIELDS.get(m.group(1), "unknown") + "}", line)
            for line in fmt.split("%n")]


@lru_cache(maxsize=1)
def google_formats() -> dict:
    """Google's address metadata, as tools/address_formats.py extracted it."""
    import json

    return json.loads(data_path("address-formats.json").read_text(encoding="utf-8"))


def google_country(code: str) -> Country:
    data = google_formats()
    row = data.get(code)
    if row is None:
        return Country(code=code, known=False)
    d = {**data["_default"], **row}
    return Country(
        code=code, known=False, google=True,
        layout=google_layout(d["format"]),
        latin_layout=google_layout(d["latin_format"]) if "latin_format" in d else None,
        postcode=d.get("postcode"), postcode_example=d.get("postcode_example"),
        postcode_prefix=d.get("postcode_prefix"),
        upper=[FIELDS[c] for c in d.get("upper", "") if c in FIELDS],
        required=[FIELDS[c] for c in d.get("required", "") if c in FIELDS],
        source=data["_source"])


@lru_cache(maxsize=None)
def get_country(code: str) -> Country:
    path = data_path("countries", f"{code}.yaml")
    if not path.is_file():
        return google_country(code)
    d = load_data("countries", f"{code}.yaml")
    d["code"] = d.pop("country")
    # the fields written in capitals are Google's unless the file says otherwise
    d.setdefault("upper", google_country(code).upper)
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
    """CLDR's name of `cc` in `lang`: its short form where the standard one is a long official
    name ("Hongkong", not "Sonderverwaltungsregion Hongkong"; data/country-names/_short.json)."""
    ok = lang.replace("_", "").isalnum()
    short = _cldr("_short").get(lang, {}) if ok else {}
    if cc in short:
        return short[cc]
    names = _cldr(lang) if ok else {}
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
    if lang.split("_")[0] == "ka" and not scripts.only(text, scripts.LATIN):
        return text  # Georgian writes no capitals on an envelope: Mtavruli is for titles
    if lang.split("_")[0] in ("tr", "az", "kk", "tt", "crh"):
        text = text.replace("i", "İ")
    if lang.split("_")[0] == "hy":
        text = text.replace("և", "ԵՎ")  # the ligature's capital is two letters (1940 orthography)
    return text.upper()


@lru_cache(maxsize=None)
def country_line(dest: str, sender: str | None) -> str | None:
    """The last line of an international address: the destination's name in CAPITALS, in the
    sender's language (only the origin post reads it); none for domestic mail."""
    posts = post_names()
    if sender and (sender == dest or dest in posts["domestic"].get(sender, ())):
        return None
    lang = sender_language(sender)
    listed = posts["senders"].get(sender, {}).get(dest) or posts["languages"].get(lang, {}).get(dest)
    return listed or upper(country_name(dest, lang), lang)


@lru_cache(maxsize=1)
def post_names() -> dict:
    """The country lines the sending posts list where CLDR's name is not theirs
    (data/country-names/posts.yaml: USPS's "GEORGIA, REPUBLIC OF", English "TURKEY")."""
    return load_data("country-names", "posts.yaml")

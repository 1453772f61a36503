"""The case file format (1) as data: each mapping, its keys, which are required, what kind of
value each holds (KINDS: each value rule written once, as JSON Schema), and what it means. This
is the one description of the format: the loader (case/model.py) takes its key tables from here
and checks each value with `conforms`, and `appealkit schema` generates the JSON Schema from it
(case/schema.py); docs/case-file.md explains it for people."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

ROLES = ("head-of-state", "head-of-government", "minister", "prosecutor", "ambassador",
         "prison-head", "official")
PRONOUNS = ("he", "she", "they")
PLATFORMS = ("x", "bluesky", "mastodon", "threads")
# a person's place on a published list: only `held` has a letter address
STATUSES = ("held", "in-transit", "address-unconfirmed", "released", "died", "unknown")
GRAMMAR_CASES = ("nom", "gen", "dat", "acc", "ins", "loc")

SLUG = r"^[a-z0-9][a-z0-9-]{0,63}$"
RECIPIENT_ID = r"^[a-z0-9][a-z0-9-]*$"
LANG = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# a YAML date and time (2014-06-16 08:00:00) counts by its day
DATETIME = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?\s*([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?$"
YEARS = (1900, 2100)  # a year of birth
AGES = (1, 149)
# http(s), a host, an optional port, then a path, query or fragment; no user name or password
# (https://user:pass@host hides the real host from a reader) and no spaces
URL = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#@:\[\]]+(:[0-9]{1,5})?([/?#][^\s]*)?$"
HASHTAG = r"^#?[^\s#@]+$"
# some character that is not a space and not a control or bidi override (the loader removes those:
# a value of nothing else is empty)
NON_BLANK = r"[^\s\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"

_STRING = {"type": "string", "pattern": NON_BLANK}
# where the format wants a string, a number or true/false counts as its text (organisation: 1.5)
_SCALAR = {"type": ["string", "number", "boolean"], "pattern": NON_BLANK}
_DAY = {"oneOf": [{"type": "string", "pattern": DATE, "format": "date"}, {"type": "string", "pattern": DATETIME}]}
_TEXT = {"$ref": "#/$defs/text"}


@lru_cache(maxsize=1)
def _countries() -> list[str]:
    from ..resources import read_list

    return read_list("iso3166-1.txt")


def kinds() -> dict[str, dict]:
    """Each value kind's rule, as the JSON Schema of the value an editor sees (a YAML date as
    its ISO text). Kinds that are mappings of their own (person, address...) are in MAPPINGS."""
    from ..handles import PATTERNS as HANDLES

    handle_map = {"type": "object", "minProperties": 1, "additionalProperties": False,
                  "properties": {p: {"type": "string", "pattern": HANDLES[p]} for p in PLATFORMS}}
    codes = _countries()
    return {
        "version": {"const": 1},
        "slug": {"type": "string", "pattern": SLUG},
        "string": _SCALAR,
        "text": _TEXT,
        "texts": {"type": "array", "minItems": 1, "items": _TEXT},
        "strings": {"type": "array", "minItems": 1, "items": _SCALAR},
        "date": _DAY,
        "deadline": {"oneOf": [*_DAY["oneOf"], {"type": "string", "pattern": "^\\s*[Ii][Mm][Mm][Ee][Dd][Ii][Aa][Tt][Ee][Ll][Yy]\\s*$"}]},
        "url": {"type": "string", "pattern": URL},
        "lang": {"type": "string", "pattern": LANG},
        "langs": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": LANG}},
        "pronoun": {"enum": list(PRONOUNS)},
        "status": {"enum": list(STATUSES)},
        "forms": {"type": "object", "propertyNames": {"pattern": LANG}, "additionalProperties": {
            "type": "object", "additionalProperties": {
                "type": "object", "propertyNames": {"enum": list(GRAMMAR_CASES)},
                "additionalProperties": _STRING}}},
        "role": {"enum": list(ROLES)},
        "age": {"type": "integer", "minimum": AGES[0], "maximum": AGES[1]},
        "born": {"oneOf": [{"type": "integer", "minimum": YEARS[0], "maximum": YEARS[1]},
                           {"type": "string", "pattern": "^\\s*(19[0-9]{2}|20[0-9]{2}|2100)\\s*$"}, *_DAY["oneOf"]]},
        "country": {"enum": codes + [c.lower() for c in codes]},
        "postcode": {"type": ["string", "integer"], "pattern": NON_BLANK},
        "address": {"$ref": "#/$defs/address"},
        "handles": handle_map,
        "hashtag": {"type": "string", "pattern": HASHTAG},
        "hashtags": {"type": "array", "items": {"type": "string", "pattern": HASHTAG}},
        # a plain string is an X handle
        "mentions": {"type": "array", "items": {"oneOf": [{"type": "string", "pattern": HANDLES["x"]}, handle_map]}},
        "copies": {"oneOf": [_TEXT, {"type": "array", "minItems": 1, "items": _TEXT}]},
    }


@lru_cache(maxsize=None)
def _kind(kind: str) -> dict:
    return kinds()[kind]


def conforms(kind: str, value: Any) -> bool:
    """Whether a loaded YAML value is of `kind`: the loader's check, from the same rule the JSON
    Schema carries (scalar kinds and lists of scalars; a mapping kind is walked by the loader)."""
    return _conforms(_kind(kind), _as_json(value))


def _as_json(value: Any) -> Any:
    """A YAML value as an editor sees it in JSON: dates as their ISO text."""
    if isinstance(value, dt.datetime):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _type_ok(t: str, v: Any) -> bool:
    if t == "integer":
        return (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer())
    if t == "number":
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    return isinstance(v, {"string": str, "boolean": bool, "array": list, "object": dict}[t]) or (t == "null" and v is None)


def _equal(a: Any, b: Any) -> bool:
    return a == b and isinstance(a, bool) == isinstance(b, bool)


def _conforms(schema: dict, v: Any) -> bool:
    """The subset of JSON Schema the scalar kinds use, with JSON Schema's semantics."""
    if "oneOf" in schema:
        return sum(_conforms(s, v) for s in schema["oneOf"]) == 1
    if "const" in schema and not _equal(schema["const"], v):
        return False
    if "enum" in schema and not any(_equal(e, v) for e in schema["enum"]):
        return False
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_type_ok(t, v) for t in types):
            return False
    if isinstance(v, str):
        if "pattern" in schema and not re.search(schema["pattern"], v):
            return False
        if schema.get("format") == "date":
            try:
                dt.date.fromisoformat(v)
            except ValueError:
                return False
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if "minimum" in schema and v < schema["minimum"] or "maximum" in schema and v > schema["maximum"]:
            return False
    if isinstance(v, list):
        if len(v) < schema.get("minItems", 0):
            return False
        if "items" in schema and not all(_conforms(schema["items"], x) for x in v):
            return False
    return True

_FORMS = "word forms where the grammar is wrong: language -> word -> case (nom, gen, dat, acc, ins, loc) -> form"

# mapping name -> [(key, required, kind, meaning)]; a kind names a value shape (see schema.KINDS)
# or another mapping of this table
MAPPINGS: dict[str, list[tuple[str, bool, str, str]]] = {
    "case": [
        ("appealkit", True, "version", "format version; only 1 exists"),
        ("id", True, "slug", "names output files: 1-64 of a-z, 0-9 and '-'"),
        ("title", True, "text", "the appeal's headline"),
        ("organisation", False, "string", "who issued the appeal"),
        ("issued", False, "date", "when the appeal was issued"),
        ("deadline", False, "deadline", "an ISO date or 'immediately'"),
        ("url", False, "url", "the appeal's page"),
        ("language", False, "lang", "the language of plain-string texts; default en"),
        ("person", True, "person", "whom the appeal is for"),
        ("summary", True, "text", "1-3 sentences, used in letters and posts"),
        ("background", False, "text", "the longer story"),
        ("asks", True, "texts", "what the authorities are asked to do"),
        ("recipients", False, "recipients", "authorities to write to, by id (the --to word)"),
        ("copies", False, "copies", "whom letters are copied to"),
        ("share", False, "share", "the post"),
        ("source", False, "source", "the published list the case came from, so a re-import finds it again"),
    ],
    "person": [
        ("name", True, "text", "the person's name, per language if needed"),
        ("native_name", False, "string", "the name as the prison writes it (surname first in the former USSR)"),
        ("born", False, "born", "year or ISO date of birth"),
        ("pronoun", False, "pronoun", "he, she or they (default)"),
        ("age", False, "age", "age in years"),
        ("description", False, "text", "who the person is"),
        ("address", False, "address", "where support letters go"),
        ("safety", False, "text", "what support letters must avoid"),
        ("languages", False, "langs", "languages letters to the person may be written in"),
        ("forms", False, "forms", _FORMS),
        ("status", False, "status", "held (default), in-transit, address-unconfirmed, released, died or unknown"),
    ],
    "recipient": [
        ("role", True, "role", "head-of-state, head-of-government, minister, prosecutor, ambassador, prison-head or official"),
        ("pronoun", False, "pronoun", "he, she or they (default): chooses gendered forms of address"),
        ("name", False, "text", "the official's name"),
        ("title", False, "text", "the official's title"),
        ("organisation", False, "text", "the office or institution"),
        ("salutation", False, "text", "replaces the role's form of address"),
        ("address", False, "address", "postal address"),
        ("fax", False, "string", "fax number"),
        ("email", False, "string", "email address"),
        ("phone", False, "string", "phone number"),
        ("handles", False, "handles", "accounts per platform"),
        ("forms", False, "forms", _FORMS),
    ],
    "address": [
        ("country", True, "country", "ISO 3166-1 alpha-2 code"),
        ("lines", True, "strings", "in the destination's script and order, without postcode, locality, region or country"),
        ("postcode", False, "postcode", "without a country prefix"),
        ("locality", False, "string", "town or village, with its local prefix if the post uses one"),
        ("district", False, "string", "district (raion) where the post writes one"),
        ("region", False, "string", "region, oblast, republic, state"),
        ("latin", False, "latin", "replaces the automatic Latin rendering of these parts"),
    ],
    "latin": [
        ("lines", False, "strings", ""),
        ("locality", False, "string", ""),
        ("district", False, "string", ""),
        ("region", False, "string", ""),
    ],
    "source": [
        ("list", True, "string", "viasna, memorial, ovd, or a name of your own"),
        ("id", False, "string", "the person's id on that list"),
        ("url", False, "url", "the person's page on that list"),
        ("imported", False, "date", "when the case was last imported"),
    ],
    "share": [
        ("text", False, "text", "the post's body"),
        ("hashtags", False, "hashtags", "tags without '#', added when the text lacks them"),
        ("mentions", False, "mentions", "handles, appended in order: a string is an X handle"),
        ("url", False, "url", "a link to add"),
    ],
}


def keys(mapping: str) -> dict[str, bool]:
    """{key: required} of one mapping."""
    return {k: req for k, req, _, _ in MAPPINGS[mapping]}

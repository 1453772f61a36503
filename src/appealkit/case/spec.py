"""The case file format (1) as data: each mapping, its keys, which are required, what kind of
value each holds, and what it means. This is the one description of the format: the loader
(case/model.py) takes its key tables from here, and `appealkit schema` generates the JSON
Schema from it (case/schema.py); docs/case-file.md explains it for people."""

from __future__ import annotations

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

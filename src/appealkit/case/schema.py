"""The JSON Schema (draft 2020-12) of the case file, generated from case/spec.py, for editors
(`appealkit schema`). A test validates every example against it."""

from __future__ import annotations

from ..handles import PATTERNS as HANDLE_PATTERNS
from .spec import GRAMMAR_CASES, LANG, MAPPINGS, PLATFORMS, PRONOUNS, RECIPIENT_ID, ROLES, SLUG, STATUSES

_STRING = {"type": "string", "minLength": 1}
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_TEXT = {"$ref": "#/$defs/text"}
_HANDLE_MAP = {"type": "object", "minProperties": 1, "additionalProperties": False,
               "properties": {p: {"type": "string", "pattern": HANDLE_PATTERNS[p]} for p in PLATFORMS}}

# value shapes named by the spec's kinds
KINDS: dict[str, dict] = {
    "version": {"const": 1},
    "slug": {"type": "string", "pattern": SLUG},
    "string": {"type": ["string", "number", "boolean"]},
    "text": _TEXT,
    "texts": {"type": "array", "minItems": 1, "items": _TEXT},
    "strings": {"type": "array", "minItems": 1, "items": _STRING},
    "date": _DATE,
    "deadline": {"oneOf": [_DATE, {"const": "immediately"}]},
    "url": {"type": "string", "pattern": "^https?://"},
    "lang": {"type": "string", "pattern": LANG},
    "langs": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": LANG}},
    "pronoun": {"enum": list(PRONOUNS)},
    "status": {"enum": list(STATUSES)},
    "forms": {"type": "object", "propertyNames": {"pattern": LANG}, "additionalProperties": {
        "type": "object", "additionalProperties": {
            "type": "object", "propertyNames": {"enum": list(GRAMMAR_CASES)},
            "additionalProperties": {"type": "string", "minLength": 1}}}},
    "role": {"enum": list(ROLES)},
    "age": {"type": "integer", "minimum": 1, "maximum": 149},
    "born": {"oneOf": [{"type": "integer", "minimum": 1900, "maximum": 2100}, _DATE]},
    "country": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
    "postcode": {"type": ["string", "integer"]},
    "address": {"$ref": "#/$defs/address"},
    "handles": _HANDLE_MAP,
    "hashtags": {"type": "array", "items": {"type": "string", "pattern": r"^#?[^\s#@]+$"}},
    # a plain string is an X handle
    "mentions": {"type": "array", "items": {"oneOf": [{"type": "string", "pattern": HANDLE_PATTERNS["x"]}, _HANDLE_MAP]}},
    "copies": {"oneOf": [_TEXT, {"type": "array", "minItems": 1, "items": _TEXT}]},
}


def _mapping(name: str) -> dict:
    props = {}
    for key, _, kind, meaning in MAPPINGS[name]:
        if kind == "recipients":
            prop = {"type": ["object", "null"], "propertyNames": {"pattern": RECIPIENT_ID, "not": {"enum": ["person", "all"]}},
                    "additionalProperties": _mapping("recipient")}
        elif kind in MAPPINGS and kind != "address":
            prop = _mapping(kind)
        else:
            prop = dict(KINDS[kind])
        if meaning:
            prop["description"] = meaning
        props[key] = prop
    out: dict = {"type": "object", "additionalProperties": False}
    required = [k for k, req, _, _ in MAPPINGS[name] if req]
    if required:
        out["required"] = required
    out["properties"] = props
    return out


def case_schema() -> dict:
    top = _mapping("case")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://appealkit.invalid/case.schema.json",
        "title": "appealkit case file (format 1)",
        **top,
        "$defs": {
            "text": {"oneOf": [_STRING, {"type": "object", "minProperties": 1,
                                         "propertyNames": {"pattern": LANG},
                                         "additionalProperties": _STRING}]},
            "address": _mapping("address"),
        },
    }

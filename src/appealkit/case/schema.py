"""The JSON Schema (draft 2020-12) of the case file, generated from case/spec.py, for editors
(`appealkit schema`). A test validates every example against it."""

from __future__ import annotations

from .spec import LANG, MAPPINGS, RECIPIENT_ID, kinds


def _mapping(name: str) -> dict:
    props: dict[str, dict] = {}
    for key, req, kind, meaning in MAPPINGS[name]:
        if kind == "recipients":
            prop: dict = {"type": ["object", "null"], "propertyNames": {"pattern": RECIPIENT_ID, "not": {"enum": ["person", "all"]}},
                    "additionalProperties": _mapping("recipient")}
        elif kind in MAPPINGS and kind != "address":
            prop = _mapping(kind)
        else:
            prop = dict(kinds()[kind])
        if not req and kind != "recipients":  # an optional key left empty is as if absent
            prop = {"anyOf": [prop, {"type": "null"}]}
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
            "text": {"oneOf": [kinds()["string"], {"type": "object", "minProperties": 1,
                                         "propertyNames": {"pattern": LANG},
                                         "additionalProperties": kinds()["string"]}]},
            "address": _mapping("address"),
        },
    }

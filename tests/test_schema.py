"""The JSON Schema (appealkit schema) accepts every example and describes the same keys as the
loader."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from appealkit.case import model
from appealkit.resources import data_path

from .conftest import EXAMPLES

SCHEMA = json.loads(data_path("case.schema.json").read_text(encoding="utf-8"))


def _jsonable(doc):
    # YAML dates are dates; in JSON (as an editor sees them) they are strings
    return json.loads(json.dumps(doc, default=str))


def test_schema_is_valid_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"].endswith("2020-12/schema")


@pytest.mark.parametrize("path", EXAMPLES + [data_path("starter.yaml")], ids=lambda p: p.name)
def test_examples_validate(path):
    doc = _jsonable(yaml.safe_load(path.read_text(encoding="utf-8")))
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)


def test_schema_and_loader_agree_on_keys():
    props = SCHEMA["properties"]
    assert set(props) == set(model.TOP_KEYS)
    assert set(SCHEMA["required"]) == {k for k, req in model.TOP_KEYS.items() if req}
    assert set(props["person"]["properties"]) == set(model.PERSON_KEYS)
    rec = props["recipients"]["additionalProperties"]
    assert set(rec["properties"]) == set(model.RECIPIENT_KEYS)
    assert set(rec["properties"]["role"]["enum"]) == set(model.ROLES)
    assert set(SCHEMA["$defs"]["address"]["properties"]) == set(model.ADDRESS_KEYS)
    assert set(props["share"]["properties"]) == set(model.SHARE_KEYS)


def test_schema_command_prints_it():
    from .conftest import run

    r = run("schema")
    assert r.code == 0 and json.loads(r.out) == SCHEMA

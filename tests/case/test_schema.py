"""The JSON Schema (appealkit schema), generated from the format's spec, accepts every example
and describes the same keys as the loader."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from appealkit.case import model
from appealkit.case.schema import case_schema
from appealkit.resources import data_path

from ..conftest import EXAMPLES

SCHEMA = case_schema()


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
    # the keys the contract's additions bring, literally
    assert {"born", "languages", "pronoun", "native_name"} <= set(props["person"]["properties"])
    assert {"pronoun", "handles"} <= set(rec["properties"])
    assert "district" in SCHEMA["$defs"]["address"]["properties"]


ADDITIONS = """
appealkit: 1
id: ru-aliyev
title: {en: Russia, ru: Россия}
person:
  name: {en: Timur Aliyev, ru: Тимур Алиев}
  native_name: Алиев Тимур Русланович
  born: 1983
  pronoun: he
  languages: [ru]
summary: S
asks: [A]
recipients:
  prosecutor:
    role: prosecutor
    pronoun: she
    name: {en: Anna Petrova, ru: Петрова Анна Сергеевна}
    title: {en: Prosecutor General, ru: Генеральный прокурор}
    handles: {x: genproc, bluesky: genproc.bsky.social, mastodon: gp@mastodon.social, threads: gp.ru}
copies: [embassy, prosecutor, {en: Amnesty, ru: Амнистия}]
share:
  text: T
  mentions: [MVD_RK, {x: pen_int, bluesky: pen-international.bsky.social}]
"""


def test_additions_validate_and_load(tmp_path):
    doc = _jsonable(yaml.safe_load(ADDITIONS))
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    f = tmp_path / "c.yaml"
    f.write_text(ADDITIONS, encoding="utf-8")
    from appealkit.case import load_case

    c = load_case(str(f))
    assert c.person.name.get("ru") == "Тимур Алиев" and c.person.born == 1983
    assert c.person.languages == ["ru"]
    r = c.recipients["prosecutor"]
    assert r.pronoun == "she" and r.title.get("ru") == "Генеральный прокурор"
    assert [x.kind for x in c.copies] == ["embassy", "recipient", "text"]
    assert c.copies[1].recipient == "prosecutor"
    assert c.share.mentions == [{"x": "MVD_RK"}, {"x": "pen_int", "bluesky": "pen-international.bsky.social"}]


def test_schema_command_prints_it():
    from ..conftest import run

    r = run("schema")
    assert r.code == 0 and json.loads(r.out) == SCHEMA
    assert "Кому" not in r.out and r.out.startswith("{")


def test_docs_copy_is_the_generated_schema():
    from ..conftest import ROOT

    assert json.loads((ROOT / "docs" / "case.schema.json").read_text(encoding="utf-8")) == SCHEMA


def test_case_file_doc_names_every_key():
    from appealkit.case.spec import MAPPINGS

    from ..conftest import ROOT

    doc = (ROOT / "docs" / "case-file.md").read_text(encoding="utf-8")
    for mapping, fields in MAPPINGS.items():
        for key, *_ in fields:
            assert f"`{key}`" in doc, (mapping, key)

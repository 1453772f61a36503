"""The JSON Schema (appealkit schema), generated from the format's spec, accepts every example
and describes the same keys as the loader."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def _optional(prop: dict) -> dict:
    # an optional key may be left empty: its schema is anyOf [the value, null]
    return prop["anyOf"][0] if "anyOf" in prop else prop


def test_schema_and_loader_agree_on_keys():
    props = {k: _optional(p) for k, p in SCHEMA["properties"].items()}
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


# --- the loader and the schema give the same verdict (issue 21.3) ------------------------------

FORMATS = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _verdicts(text: str, name: str) -> tuple[bool, bool] | None:
    """(loader accepts, schema accepts) for a case file's text; None when the file is refused
    before there is a document to judge (size, line length, encoding, YAML syntax, aliases)."""
    from appealkit.case import parse_case
    from appealkit.case.yamlpos import parse
    from appealkit.errors import AppealkitError

    errors: list = []
    try:
        data, _ = parse(text.removeprefix("\ufeff"), name, errors)
        parse_case(text, name)
        loader = True
    except AppealkitError:
        loader = False
    if errors or (not loader and "data" not in locals()):
        return None
    return loader, FORMATS.is_valid(_jsonable(data))


def _hostile():
    from ..conftest import ROOT

    return sorted((ROOT / "tests" / "hostile").iterdir())


@pytest.mark.parametrize("path", _hostile(), ids=lambda p: p.name)
def test_hostile_file_same_verdict(path):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return  # refused as not UTF-8 before any document exists (test_hostile pins the message)
    from appealkit.case.load import MAX_LINE

    if any(len(line) > MAX_LINE for line in text.splitlines()):
        return  # refused by its line length before any document exists
    got = _verdicts(text, path.name)
    if got is not None:
        loader, schema = got
        assert loader == schema, f"loader {'accepts' if loader else 'refuses'}, schema {'accepts' if schema else 'refuses'}"


@pytest.mark.parametrize("key,value,ok", [
    (("person", "born"), "1983", True), (("person", "born"), 1983, True), (("person", "born"), "83", False),
    (("url",), "https://", False), (("url",), "https://example.org/a", True),
    (("url",), "https://user:pass@example.org/", False), (("issued",), "20140616", False),
    # a value of control characters only is empty once the loader removes them (Hypothesis found it)
    (("organisation",), "\x1b", False), (("title",), " \u202e ", False), (("organisation",), "a\x1b", True),
])
def test_known_disagreements_settled(key, value, ok):
    doc = yaml.safe_load(DIFF_BASE)
    _put(doc, key, value)
    assert _verdicts(yaml.safe_dump(doc, allow_unicode=True), "c.yaml") == (ok, ok)


DIFF_BASE = """
appealkit: 1
id: test-case
title: A title
summary: S
asks: [A]
person:
  name: Ann
  address: {country: KZ, lines: [Street 1]}
share: {text: T}
"""

_SLOTS = [("appealkit",), ("id",), ("language",), ("organisation",), ("issued",), ("deadline",), ("url",),
          ("title",), ("person", "born"), ("person", "age"), ("person", "pronoun"), ("person", "languages"),
          ("person", "native_name"), ("person", "address", "country"), ("person", "address", "postcode"),
          ("person", "address", "lines"), ("share", "hashtags"), ("share", "url")]
_POOL = [None, "", " ", "1983", 1983, 1899, "1899", 2100, 2101, "83", 1983.0, True, False, 0, -1, 1, 61, 149,
         150, 1.0, 1.5, "https://", "https://example.org/a", "http://x.y", "HTTPS://EXAMPLE.ORG",
         "https://user:pass@example.org/", "https://example.org:8080/a?b#c", "ftp://x.org", "javascript:alert(1)",
         "https://exa mple.org", "2014-06-16", "2014-02-30", "20140616", "2014-06-16 08:00:00",
         "2014-06-16T08:00:00Z", dt.date(2014, 6, 16), dt.datetime(2014, 6, 16, 8, 0), "immediately", " Immediately",
         "soon", "kz", "KZ", "Kz", "XX", "GB", "ru", "pt-BR", "RU", "english", "tag", "#tag", "two words", "@x",
         ["tag"], ["#ok", "no space"], [], ["ru", "uk"], ["RU"], [12], "kz-atabek-2014", "-bad", "a" * 65, "he",
         "it", "Yes", "140000", "١٩٨٣", {"en": "x"}, {"EN": "x"}]


def _put(doc, key, value):
    for k in key[:-1]:
        doc = doc[k]
    doc[key[-1]] = value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_SLOTS),
                          st.one_of(st.sampled_from(_POOL), st.text(max_size=12), st.integers(-10, 3000))),
                min_size=1, max_size=3))
def test_generated_documents_same_verdict(edits):
    doc = yaml.safe_load(DIFF_BASE)
    for key, value in edits:
        _put(doc, key, value)
    text = yaml.safe_dump(doc, allow_unicode=True)
    got = _verdicts(text, "c.yaml")
    assert got is None or got[0] == got[1], (edits, got)

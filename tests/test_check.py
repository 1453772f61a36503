"""`appealkit check`: each warning kind, --strict, --json, --today."""

from __future__ import annotations

import json

import pytest

from .conftest import EXAMPLES, MINIMAL, run, write


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_pass(path):
    r = run("check", str(path))
    assert r.code == 0, r.err
    assert "error" not in r.err


def codes(path, *extra):
    r = run("check", path, "--json", *extra)
    return r, [w["code"] for w in json.loads(r.out)["warnings"]]


def test_deadline_passed(tmp_path):
    p = write(tmp_path, MINIMAL + "deadline: 2026-01-31\n")
    r, c = codes(p, "--today", "2026-02-01")
    assert "deadline-passed" in c
    r, c = codes(p, "--today", "2026-01-31")
    assert "deadline-passed" not in c


def test_mixed_script_names_letters_and_code_points(tmp_path):
    p = write(tmp_path, MINIMAL.replace("  name: Jane Doe", "  name: Jane Doe\n  address: {country: KZ, lines: [\"Учреждение AП-162/1\"]}"))
    r = run("check", p)
    assert r.code == 0
    assert "'AП'" in r.err and "'A' (U+0041)" in r.err and "Latin" in r.err
    assert ":6:" in r.err  # the line of the address


def test_postcode_pattern(tmp_path):
    p = write(tmp_path, MINIMAL.replace("  name: Jane Doe", "  name: Jane Doe\n  address: {country: KZ, lines: [x], postcode: '14000'}"))
    r, c = codes(p)
    assert "postcode" in c


def test_recipient_without_address_and_invisible_chars(tmp_path):
    p = write(tmp_path, MINIMAL.replace("Jane Doe", "Jane\u200b Doe\u202e") + "recipients:\n  pm: {role: head-of-government}\n")
    r, c = codes(p)
    assert "no-address" in c and c.count("invisible-char") >= 2
    w = json.loads(r.out)["warnings"]
    assert any("U+200B" in x["message"] for x in w) and any("U+202E" in x["message"] for x in w)


def test_strict_turns_warnings_into_failure(tmp_path):
    p = write(tmp_path, MINIMAL + "deadline: 2000-01-01\n")
    assert run("check", p).code == 0
    assert run("check", p, "--strict").code == 1


def test_errors_json(tmp_path):
    p = write(tmp_path, MINIMAL.replace("id: test-case", "id: Bad"))
    r = run("check", p, "--json")
    assert r.code == 1
    doc = json.loads(r.out)
    assert doc["ok"] is False and doc["errors"][0]["line"] == 2


def test_stale_addressee_in_seed():
    r, c = codes("examples/atabek.yaml")
    assert c.count("stale") == 2


def test_post_too_long_and_missing_translation(tmp_path):
    text = MINIMAL.replace("summary: Something happened.", "summary:\n  en: Something happened.\n  ru: Что-то.")
    p = write(tmp_path, text + "share:\n  text: \"" + "long " * 70 + "\"\n")
    r, c = codes(p)
    assert "post-too-long" in c and "missing-translation" in c


def test_latin_override_recommended(tmp_path):
    p = write(tmp_path, MINIMAL.replace("  name: Jane Doe", "  name: Jane Doe\n  address: {country: IR, lines: [زندان اوین]}"))
    r, c = codes(p)
    assert "latin-override" in c

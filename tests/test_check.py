"""`appealkit check`: each warning kind, --strict, --json, --today.
Also the tests pinned by the mutation-testing pass (issue 18), formerly test_pinned_check.py."""

from __future__ import annotations

import json

import pytest

from appealkit.checks import invisible_chars, mixed_script

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


# -- pinned by the mutation-testing pass (issue 18), formerly test_pinned_check.py --


FINDINGS = """\
appealkit: 1
id: test-case
title: A title
organisation: PEN International
deadline: 2026-01-31 10:00:00
person:
  name: "Jane Do\\u00ade"
summary: Something happened.
asks:
  - Release Jane Doe.
recipients:
  pm:
    role: head-of-government
    name: Ivan P\u0435trov
    handles: {x: 12345}
    address: {country: GB, lines: [1 High Street], postcode: "N1 1AA", locality: London}
"""


NO_POST = "the case has no share.text: 'tweet' has nothing to post; add share: with text: (the post's words)"
NO_ADDRESS = ("person has no address: no support letter or envelope to the person can be made (letter and "
              "address to 'person'); add person.address, if letters can reach them")
PETROV = ("word 'P\u0435trov' mixes scripts: Cyrillic '\u0435' (U+0435) among Latin letters; "
          "retype it in Latin ('e' U+0065)")


def test_finding_json_is_exact(tmp_path):
    p = write(tmp_path, FINDINGS)
    r = run("check", p, "--json", "--today", "2026-02-01")
    assert r.code == 0
    assert json.loads(r.out) == {"file": p, "ok": True, "errors": [], "warnings": [
        {"level": "warning", "code": "deadline-passed",
         "message": "the deadline 2026-01-31 has passed: send no more letters to the authorities (letter and "
                    "pack leave them out); support letters to the person are still welcome",
         "file": p, "line": 5, "col": 11},
        {"level": "warning", "code": "invisible-char", "message": "holds invisible SOFT HYPHEN (U+00AD); delete it",
         "file": p, "line": 7, "col": 9},
        {"level": "warning", "code": "mixed-script", "message": PETROV, "file": p, "line": 14, "col": 11},
        {"level": "warning", "code": "no-post", "message": NO_POST, "file": p, "line": 1, "col": 1,
         "affects": ["tweet"]},
        {"level": "warning", "code": "no-person-address", "message": NO_ADDRESS, "file": p, "line": 7, "col": 3,
         "affects": ["letter", "address"]},
        {"level": "warning", "code": "missing-translation",
         "message": "letters in 'en' (the case's language) need recipients.pm.name written in 'en'",
         "file": p, "line": 14, "col": 11, "affects": ["letter"]},
    ]}


def test_findings_on_stderr_and_strict(tmp_path):
    p = write(tmp_path, FINDINGS)
    r = run("check", p, "--today", "2026-01-31")
    assert r.code == 0 and r.out == ""
    lines = r.err.splitlines()
    assert lines[:2] == [
        f"appealkit: warning: {p}:7:9: holds invisible SOFT HYPHEN (U+00AD); delete it [invisible-char]",
        f"appealkit: warning: {p}:14:11: {PETROV} [mixed-script]",
    ]
    assert lines[-1] == f"appealkit: {p}: ok, 5 warnings"
    assert run("check", p, "--today", "2026-01-31", "--strict").code == 1


def test_case_without_share(tmp_path):
    p = write(tmp_path, MINIMAL)
    r = run("check", p, "--json")
    assert r.code == 0
    assert json.loads(r.out) == {"file": p, "ok": True, "errors": [], "warnings": [
        {"level": "warning", "code": "no-post", "message": NO_POST, "file": p, "line": 1, "col": 1,
         "affects": ["tweet"]},
        {"level": "warning", "code": "no-person-address", "message": NO_ADDRESS, "file": p, "line": 5, "col": 3,
         "affects": ["letter", "address"]},
    ]}
    r = run("check", p, "--strict")
    assert r.code == 1
    assert r.err.splitlines()[0] == f"appealkit: warning: {p}:1:1: {NO_POST} [no-post]"
    assert r.err.splitlines()[-1] == f"appealkit: {p}: failed (--strict), 2 warnings"


def test_post_too_long_is_a_finding(tmp_path):
    p = write(tmp_path, MINIMAL + "share:\n  text: " + "a" * 290 + "\n")
    r = run("check", p, "--json")
    assert [w for w in json.loads(r.out)["warnings"] if w["code"] == "post-too-long"] == [
        {"level": "warning", "code": "post-too-long", "message": "the en post does not fit x: 290/280: 10 over",
         "file": p, "line": 10, "col": 9, "affects": ["tweet"]}]


def test_file_without_appealkit_key(tmp_path):
    p = write(tmp_path, MINIMAL.replace("appealkit: 1\n", ""))
    r = run("check", p)
    assert r.code == 1 and r.out == ""
    assert r.err == (f"appealkit: error: {p}:1:1: the case file is missing required key 'appealkit'\n"
                     f"appealkit: {p}: failed, 1 error\n")


@pytest.mark.parametrize("text,expected", [
    # one script only, or letters mixed only across words: nothing to say
    ("Москва", []),
    ("Moscow", []),
    ("Αθήνα", []),
    ("АП-162/1 Moscow", []),
    # Greek in a Latin word
    ("\u0391tabek", ["word '\u0391tabek' mixes scripts: Greek '\u0391' (U+0391) among Latin letters; "
                     "retype it in Latin ('A' U+0041)"]),
    # Greek in a Cyrillic word, no Latin anywhere: a homoglyph all the same
    ("М\u03bfсква", ["word 'М\u03bfсква' mixes scripts: Greek '\u03bf' (U+03BF) among Cyrillic letters; "
                     "retype it in Cyrillic"]),
    ("\u039c\u03bfсква", ["word '\u039c\u03bfсква' mixes scripts: Greek '\u039c' (U+039C), '\u03bf' (U+03BF) "
                          "among Cyrillic letters; retype them in Cyrillic"]),
    # all three in one word: both strays named, the word's own script to retype them in
    ("M\u03bfсква", ["word 'M\u03bfсква' mixes scripts: Latin 'M' (U+004D); Greek '\u03bf' (U+03BF) among "
                     "Cyrillic letters; retype them in Cyrillic"]),
    # Cyrillic in a Latin word, one letter twice
    ("P\u0430vlod\u0430r", ["word 'P\u0430vlod\u0430r' mixes scripts: Cyrillic '\u0430' (U+0430) among Latin "
                            "letters; retype it in Latin ('a' U+0061)"]),
    # the side made only of lookalikes is the stray one
    ("Учреждение AП-162/1", ["word 'AП' mixes scripts: Latin 'A' (U+0041) among Cyrillic letters; "
                             "retype it in Cyrillic ('А' U+0410)"]),
    ("ПA", ["word 'ПA' mixes scripts: Latin 'A' (U+0041) among Cyrillic letters; retype it in Cyrillic ('А' U+0410)"]),
    ("ИK-7", ["word 'ИK' mixes scripts: Latin 'K' (U+004B) among Cyrillic letters; retype it in Cyrillic ('К' U+041A)"]),
    # accented Latin letters are Latin, from U+00C0 on
    ("\u00c0нна", ["word '\u00c0нна' mixes scripts: Latin '\u00c0' (U+00C0) among Cyrillic letters; retype it in Cyrillic"]),
])
def test_mixed_script(text, expected):
    assert mixed_script(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("plain", []),
    ("Москва", []),
    ("a\u00adb", ["holds invisible SOFT HYPHEN (U+00AD); delete it"]),
    ("\ufeffa", ["holds invisible ZERO WIDTH NO-BREAK SPACE (BOM) (U+FEFF); delete it"]),
    ("a\u200bb\u200bc\u202e", ["holds invisible ZERO WIDTH SPACE (U+200B); delete it",
                               "holds invisible RIGHT-TO-LEFT OVERRIDE (U+202E); delete it"]),
    ("a\u2066b", ["holds invisible LEFT-TO-RIGHT ISOLATE (U+2066); delete it"]),
    ("a\u2069b", ["holds invisible POP DIRECTIONAL ISOLATE (U+2069); delete it"]),
    ("a\u202ab", ["holds invisible LEFT-TO-RIGHT EMBEDDING (U+202A); delete it"]),
    ("a\u061cb", ["holds invisible ARABIC LETTER MARK (U+061C); delete it"]),
])
def test_invisible_chars(text, expected):
    assert invisible_chars(text) == expected


def test_empty_values_and_envelope_fields(tmp_path):
    text = """\
appealkit: 1
id: t
title: T
person:
  name: Jane Doe
  age:
  address:
    country: GB
    lines: [1 High St]
    locality:
    postcode: N1 1AA
summary: S
asks: [A]
"""
    p = write(tmp_path, text)
    r = run("check", p, "--json")
    found = [(w["code"], w["line"], w["col"], w["message"]) for w in json.loads(r.out)["warnings"]
             if w["code"].startswith("empty")]
    assert found == [
        ("empty-value", 6, 3, "person.age is empty; fill it in, or delete the line"),
        ("empty-field", 10, 5, "person.address.locality is empty: the envelope would have no town; fill it in, "
                               "or delete the line"),
    ]

"""Address and letter findings of `check`, and the warnings of `address`, pinned (issue 18):
postcodes, scripts without a standard, countries without data, stale addressees and places,
missing translations, censor-sensitive words. Messages and places are written out by hand.
(Origin: pinned by the mutation-testing pass (issue 18), formerly test_pinned_check_address.py.)"""

from __future__ import annotations

import json

import pytest

from ..conftest import run, write

CASE = """\
appealkit: 1
id: test-case
title: A title
person:
  name: Jane Doe
  description: {en: poet and activist, ru: поэт и политзаключённый}
  address: {country: IR, lines: [زندان اوین], locality: تهران}
summary: Something happened.
asks:
  - Release Jane Doe.
recipients:
  pres:
    role: head-of-state
    name: Nursultan Nazarbayev
    address: {country: KZ, lines: [Акорда], postcode: "01000", locality: Нур-Султан}
  far:
    role: official
    address: {country: MT, lines: [Triq 1], locality: Valletta}
  amb: {role: ambassador}
"""
LATIN = "its Latin block (arabic-approx) can only approximate this script: give address.latin (lines, locality)"
TOKAYEV = ("Nursultan Nazarbayev has not been President of Kazakhstan since 2019-03-20; the President of "
           "Kazakhstan is Kassym-Jomart Tokayev (as of 2026-01-21): check the addressee")
ASTANA = "Nur-Sultan has been called Astana (Астана) since 2022-09-17: write the new name (verified 2022-09-19)"
POLITICS = ("politics and the authorities: censors withhold political letters and anything that insults officials "
            "(memopzk.org)")
SAFETY_FIX = ("; the support letter leaves the description out: do not repeat these words in your own message "
              "to the person (letter --message)")
THE_CASE = "the case: censors withhold letters about the charges, the trial or the sentence (memopzk.org)"


def findings(path, *codes):
    r = run("check", path, "--json")
    assert r.code == 0, r.err
    return [(w["code"], w["line"], w["col"], w["message"]) for w in json.loads(r.out)["warnings"] if w["code"] in codes]


def test_address_and_letter_findings(tmp_path):
    p = write(tmp_path, CASE)
    assert findings(p, "latin-override", "postcode", "unknown-country", "stale", "missing-translation",
                    "support-safety", "no-address") == [
        ("latin-override", 7, 12, LATIN),
        ("postcode", 15, 55, "postcode '01000' does not fit KZ's pattern (like 140000)"),
        ("stale", 14, 11, TOKAYEV),
        ("stale", 15, 74, ASTANA),
        ("missing-translation", 8, 10, "letters in 'ru' need summary, asks[0] in 'ru' too: give each as {en: ..., ru: ...}"),
        ("support-safety", 6, 16, f"person.description (ru) has words a prison censor may stop: "
                                  f"'политзаключённый' ({POLITICS}){SAFETY_FIX}"),
    ]


def test_stale_facts_only_where_letters_go(tmp_path):
    text = CASE.replace("summary: Something happened.", "summary: Nazarbayev in Nur-Sultan did it.")
    assert [f[1:3] for f in findings(write(tmp_path, text), "stale")] == [(14, 11), (15, 74)]


def test_latin_override_silences_the_script_finding(tmp_path):
    text = CASE.replace("locality: تهران}", "locality: تهران, latin: {lines: [Evin Prison], locality: Tehran}}")
    assert findings(write(tmp_path, text), "latin-override") == []


@pytest.mark.parametrize("to,err", [
    ("pres", ["15:55: postcode '01000' does not fit KZ's pattern (like 140000)", f"14:11: {TOKAYEV}",
              f"15:74: {ASTANA}"]),
    ("person", [f"7:12: {LATIN}"]),
    ("far", []),
])
def test_address_warnings_for_the_blocks_printed(tmp_path, to, err):
    p = write(tmp_path, CASE)
    r = run("address", p, "--to", to)
    assert r.code == 0
    assert r.err.splitlines() == [f"appealkit: warning: {p}:{e}" for e in err]


def test_address_warns_of_mixed_scripts_and_invisible_characters(tmp_path):
    text = CASE.replace("lines: [Triq 1]", 'lines: ["Tr\\u0456q\\u200b 1"]')
    p = write(tmp_path, text)
    r = run("address", p, "--to", "far")
    assert r.code == 0
    assert r.err.splitlines() == [
        f"appealkit: warning: {p}:18:36: word 'Tr\u0456q' mixes scripts: Cyrillic '\u0456' (U+0456) among Latin "
        "letters; retype it in Latin ('i' U+0069)",
        f"appealkit: warning: {p}:18:36: holds invisible ZERO WIDTH SPACE (U+200B); delete it",
    ]


def test_every_censor_word_once_in_order(tmp_path):
    text = CASE.replace("ru: поэт и политзаключённый", "ru: \"политзаключённый, приговор суда, суд и снова приговор\"")
    assert [f[3] for f in findings(write(tmp_path, text), "support-safety")] == [
        f"person.description (ru) has words a prison censor may stop: 'политзаключённый' ({POLITICS}); "
        f"'приговор' ({THE_CASE}); 'суда' ({THE_CASE}); 'суд' ({THE_CASE}){SAFETY_FIX}"]

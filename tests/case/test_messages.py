"""A volunteer's mistakes (issue 28): each message names its line and says the fix, offering
the corrected value where one can be read from what was typed."""

from __future__ import annotations

import json
import re

import pytest

from appealkit.case.suggest import (
    country_fix,
    date_fix,
    deadline_fix,
    hashtag_fix,
    language_fix,
    list_fix,
    number_fix,
    pronoun_fix,
    role_fix,
    slug_fix,
    url_fix,
    year_fix,
)

from ..conftest import MINIMAL, run, write

P = "  name: Jane Doe"


def _error(tmp_path, text) -> str:
    r = run("check", write(tmp_path, text))
    assert r.code == 1
    return r.err.splitlines()[0]


def _warnings(tmp_path, text, code) -> list[dict]:
    r = run("check", write(tmp_path, text), "--json")
    assert r.code == 0, r.err
    return [w for w in json.loads(r.out)["warnings"] if w["code"] == code]


# ------------------------------------------------------------------ errors that offer the fix


@pytest.mark.parametrize("text,at,message", [
    (MINIMAL.replace(P, P + "\n  born: 1979-02-30"), "6:9",
     "'1979-02-30' is not a date: February 1979 has no day 30 (it has 28 days); check the date"),
    (MINIMAL.replace(P, P + "\n  born: 1980-13-01"), "6:9", "'1980-13-01' is not a date: there is no month 13; check the date"),
    (MINIMAL.replace(P, P + "\n  born: 30.02.1979"), "6:9",
     "born must be a year (like 1983) or an ISO date (YYYY-MM-DD), not '30.02.1979'; February 1979 has no day 30 "
     "(it has 28 days); check the date"),
    (MINIMAL + "deadline: 05.12.2026\n", "9:11",
     "deadline must be an ISO date (YYYY-MM-DD) or 'immediately', not '05.12.2026'; write 2026-12-05"),
    (MINIMAL.replace("id: test-case", "id: ru_vorontsov_2026"), "2:5",
     "id 'ru_vorontsov_2026' is not a slug: use 1-64 of a-z, 0-9 and '-', starting with a letter or digit "
     "(e.g. kz-atabek-2014); write ru-vorontsov-2026"),
    (MINIMAL + "recipients:\n  p: {role: president}\n", "10:13",
     "unknown role 'president'; for 'president' write role: head-of-state"),
    (MINIMAL.replace(P, P + "\n  address: {country: Russia, lines: [a]}"), "6:22",
     "'Russia' is not an ISO 3166-1 alpha-2 country code; write RU"),
    (MINIMAL.replace(P, P + "\n  address: {country: Narnia, lines: [a]}"), "6:22",
     "'Narnia' is not an ISO 3166-1 alpha-2 country code (like KZ, RU, GB)"),
    (MINIMAL.replace(P, P + "\n  address:\n    country: GB\n    lines: 1 High Street, flat 2"), "8:12",
     "person.address.lines must be a list, not a string; write lines: [\"1 High Street, flat 2\"], or put each "
     "item on a line of its own under lines: starting with '- '"),
    (MINIMAL.replace(P, P + "\n  address:\n    country: RU\n    lines: ФКУ СИЗО-1 УФСИН России по Республике Татарстан, "
                           "ул. Япеева, д. 18, г. Казань, 420111"), "8:12",
     "person.address.lines must be a list, not a string; this is a whole address in one line: write lines: "
     "[\"ФКУ СИЗО-1 УФСИН России по Республике Татарстан\", \"ул. Япеева, д. 18\"], with locality: г. Казань and "
     "postcode: \"420111\" as keys of their own"),
    (MINIMAL.replace(P, P + "\n  address:\n    country: BY\n    lines: ГУ ИК-4, ул. Антошкина, 3, 246035 г. Гомель"), "8:12",
     "person.address.lines must be a list, not a string; this is a whole address in one line: write lines: "
     "[\"ГУ ИК-4\", \"ул. Антошкина, 3\"], with postcode: \"246035\" and locality: г. Гомель as keys of their own"),
    (MINIMAL.replace("asks:\n  - Release Jane Doe.\n", "asks:\n  release: Release Jane Doe.\n"), "8:3",
     "asks must be a list of texts, not a mapping; put each item on a line of its own under asks: starting "
     "with '- ' (- Release Jane Doe.)"),
    (MINIMAL.replace("asks:\n  - Release Jane Doe.\n", "asks:\n  en: Release her.\n  ru: Освободить её.\n"), "8:3",
     "asks must be a list of texts, not a mapping; for one item in several languages write asks: [{en: ..., ru: ...}]"),
    (MINIMAL.replace(P, P + "\n  pronoun: female"), "6:12", "pronoun must be one of he, she, they, not 'female'; write she"),
    (MINIMAL + "language: English\n", "9:11", "'English' is not a language code (like en, ru, kk); write en"),
    (MINIMAL.replace("title: A title", "title: {Русский: Свобода}"), "3:9",
     "'Русский' is not a language code (like en, ru, kk); write ru"),
    (MINIMAL.replace(P, P + "\n  languages: [Russian]"), "6:15",
     "'Russian' is not a valid language code (like ru, uk, kk); write ru"),
    (MINIMAL + "url: pen-international.org/appeal\n", "9:6",
     "'pen-international.org/appeal' is not an http(s) URL (like https://example.org/appeal); "
     "write https://pen-international.org/appeal"),
    (MINIMAL + "share:\n  text: Free her\n  hashtags: [Free Jane Doe]\n", "11:14",
     "'Free Jane Doe' is not a valid hashtag (one word); write FreeJaneDoe"),
    (MINIMAL.replace(P, P + "\n  born: 1983 г."), "6:9",
     "born must be a year (like 1983) or an ISO date (YYYY-MM-DD), not '1983 г.'; write 1983"),
    (MINIMAL.replace(P, P + "\n  age: 61 years"), "6:8", "age must be a whole number of years, not '61 years'; write 61"),
    (MINIMAL + "deadline: ASAP\n", "9:11",
     "deadline must be an ISO date (YYYY-MM-DD) or 'immediately', not 'ASAP'; write immediately"),
    (MINIMAL + "issued: ASAP\n", "9:9", "issued must be an ISO date (YYYY-MM-DD), not 'ASAP'"),
    (MINIMAL + "recipients:\n  - role: minister\n    title: Minister\n", "10:3",
     "recipients must be a mapping of id to recipient, not a list; give each recipient an id of its own "
     "instead of '- ' (minister: on its own line, its keys indented under it)"),
    (MINIMAL + "recipients:\n  President: {role: head-of-state}\n", "10:3",
     "recipient id 'President' must match [a-z0-9][a-z0-9-]*; write president"),
])
def test_errors_say_the_fix(tmp_path, text, at, message):
    line = _error(tmp_path, text)
    assert line.endswith(f".yaml:{at}: {message}"), line


def test_the_fix_for_an_address_in_one_line_passes_check(tmp_path):
    # typed as offered, the fix leaves nothing pasted into lines and no street cut from its house
    text = MINIMAL.replace(P, P + "\n  address:\n    country: RU\n    lines: [\"ФКУ СИЗО-1 УФСИН России по Республике "
                                  "Татарстан\", \"ул. Япеева, д. 18\"]\n    locality: г. Казань\n    postcode: \"420111\"")
    r = run("check", write(tmp_path, text), "--json")
    assert r.code == 0, r.err
    assert not [w for w in json.loads(r.out)["warnings"] if w["code"] in ("pasted-address", "split-address")]


@pytest.mark.parametrize("typed,fix", [
    ("1979-02-30", "February 1979 has no day 30 (it has 28 days); check the date"),
    ("2024-02-29", "write 2024-02-29"),  # a leap day is a day
    ("2026-1-5", "write 2026-01-05"),
    ("2026.12.05", "write 2026-12-05"),
    ("05.12.2026", "write 2026-12-05"),  # day first, as Europe and the former USSR write it
    ("5-12-2026", "write 2026-12-05"),
    ("12/25/2026", "write 2026-12-25"),  # only one reading is a day
    ("12/05/2026", "write 2026-05-12 or 2026-12-05, whichever is meant"),
    ("31.04.2026", "April 2026 has no day 31 (it has 30 days); check the date"),
    ("soon", ""), ("", ""), ("2026", ""),
])
def test_date_fix(typed, fix):
    assert date_fix(typed) == fix


def test_suggestions_stay_silent_without_a_good_one():
    assert pronoun_fix("Женский") == "; write she" and pronoun_fix("he/him") == "; write he"
    assert pronoun_fix("lady") == ""
    assert language_fix("EN") == "write en" and language_fix("Ukrainian") == "write uk"
    assert language_fix("Klingonese") == ""
    assert url_fix("www.amnesty.org") == "; write https://www.amnesty.org" and url_fix("see the appeal") == ""
    assert hashtag_fix("#Free #Her") == "; write FreeHer" and hashtag_fix("Free") == ""
    assert year_fix("1983 г. р.") == "; write 1983" and year_fix("1983 or 1984") == "" and year_fix("") == ""
    assert number_fix("61 год") == "; write 61" and number_fix(0) == "" and number_fix("many") == ""
    assert deadline_fix("срочно!") == "write immediately" and deadline_fix(5) == ""
    slug = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
    assert slug_fix("Ru Воронцов 2026", slug) == "; write ru-vorontsov-2026"
    assert slug_fix("___", slug) == ""
    assert role_fix("Prime Minister", ["head-of-government"]) == "; for 'Prime Minister' write role: head-of-government"
    assert role_fix("Prosecutor General", ["prosecutor"]) == "; for 'Prosecutor General' write role: prosecutor"
    assert role_fix("gardener", ["official"]) == ""
    assert country_fix("the United Kingdom") == "write GB"
    assert country_fix("UK") == "write GB"
    assert country_fix("Казахстан") == "write KZ"
    assert country_fix("Türkiye") == "write TR"
    assert country_fix("Atlantis") == ""
    assert list_fix("lines", 3) == ""


# ------------------------------------------------------------------ warnings that say the fix


def test_person_language_without_a_template(tmp_path):
    text = MINIMAL.replace(P, P + "\n  languages: [tr]")
    [w] = _warnings(tmp_path, text, "letter-language")
    assert w["line"] == 6 and w["col"] == 14
    assert w["message"] == (
        "person.languages is tr, but no support letter can be written in it: the letter to the person would be "
        "in 'en'; appealkit writes support letters in be, en, ru, uk only: add one of them the person reads "
        "(languages: [tr, en]), or write this letter yourself")
    assert "letter" in w["affects"]


def test_person_language_without_a_template_offers_the_prisons_language(tmp_path):
    # a Tatar-speaking prisoner in Russia: the fix adds Russian, which the prison passes, not English
    text = MINIMAL.replace(P, "  name: {en: Jane Doe, ru: Джейн Доу}\n  languages: [tt]\n  address:\n    country: RU\n"
                              "    lines: [\"ул. Япеева, д. 18\"]\n    locality: г. Казань\n    postcode: \"420111\"")
    [w] = _warnings(tmp_path, text, "letter-language")
    assert w["message"].endswith("add one of them the person reads (languages: [tt, ru], the language the "
                                 "prison passes), or write this letter yourself")


def test_person_language_without_the_name(tmp_path):
    text = MINIMAL.replace(P, P + "\n  languages: [ru]")
    [w] = _warnings(tmp_path, text, "letter-language")
    assert w["message"].endswith("give person.name in ru (name: {en: ..., ru: ...}) to write it in ru")
    assert _warnings(tmp_path, MINIMAL.replace(P, "  name: {en: Jane Doe, ru: Джейн Доу}\n  languages: [ru]"),
                     "letter-language") == []


def test_a_copies_translation_points_at_copies(tmp_path):
    text = (MINIMAL.replace("summary: Something happened.", "summary: {en: S, ru: С}")
            .replace("  - Release Jane Doe.", "  - {en: Release her., ru: Освободить её.}")
            .replace("title: A title", "title: {en: T, ru: Т}") + "copies:\n  - UN Special Rapporteur\n")
    [w] = _warnings(tmp_path, text, "missing-translation")
    assert (w["line"], w["col"]) == (10, 5)
    assert w["message"] == "letters in 'ru' need copies[0] in 'ru' too: give each as {en: ..., ru: ...}"


@pytest.mark.parametrize("description,flagged", [
    ("lawyer and poet", []),
    ("a lawyer who defended journalists", []),
    ("poet; her lawyer was arrested", ["lawyer"]),
    ("poet sentenced to 7 years", ["sentenced"]),
])
def test_support_safety_in_a_description(tmp_path, description, flagged):
    found = _warnings(tmp_path, MINIMAL.replace(P, P + f"\n  description: {description}"), "support-safety")
    assert [re.findall(r"'(\w+)' \(", w["message"]) for w in found] == ([flagged] if flagged else [])
    for w in found:
        assert w["message"].endswith("; the support letter leaves the description out: do not repeat these "
                                     "words in your own message to the person (letter --message)")


# ------------------------------------------------------------------ several files


def test_check_over_a_folder_ends_with_a_total(tmp_path):
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        write(tmp_path, MINIMAL, name=name)
    r = run("check", str(tmp_path))
    assert r.code == 0
    assert r.err.splitlines()[-1] == "appealkit: 3 files: 3 ok, 6 warnings"
    write(tmp_path, MINIMAL.replace("id: test-case", "id: Bad"), name="d.yaml")
    r = run("check", str(tmp_path), "--strict")
    assert r.err.splitlines()[-1] == "appealkit: 4 files: 0 ok, 1 failed (1 error), 3 failed (--strict), 6 warnings"
    assert "files:" not in run("check", str(tmp_path / "a.yaml")).err  # one file: its own line says it all


def test_total_line_counts(tmp_path):
    import appealkit
    from appealkit.night.check import FileCheck, total_line

    ok = FileCheck("a", True, findings=[object()] * 2)
    one = FileCheck("b", True, findings=[object()])
    bad = FileCheck("c", False, errors=[object()] * 2)
    assert total_line([ok] * 8) == "8 files: 8 ok, 16 warnings"
    assert total_line([one]) == "1 file: 1 ok, 1 warning"
    assert total_line([ok, bad]) == "2 files: 1 ok, 1 failed (2 errors), 2 warnings"
    write(tmp_path, MINIMAL, name="a.yaml")
    write(tmp_path, MINIMAL, name="b.yaml")
    assert appealkit.check_files([str(tmp_path)]).total == "2 files: 2 ok, 4 warnings"  # the API says it too

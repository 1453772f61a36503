"""Case-file behaviours that mutation testing found unpinned (issue 18): every validator
message with its line and column, and the values a valid file loads to (`organisation`, a
datetime `deadline`, a numeric handle...). Expected values are written out by hand.
(Origin: pinned by the mutation-testing pass (issue 18), formerly test_pinned_case.py.)"""

from __future__ import annotations

import datetime as dt

import pytest

from appealkit.case import load_case
from appealkit.case.model import Text, key_path
from appealkit.errors import CaseError, CaseErrors

from ..conftest import MINIMAL, write

P = "  name: Jane Doe"
R = MINIMAL + "recipients:\n"
SLUG_HINT = "is not a slug: use 1-64 of a-z, 0-9 and '-', starting with a letter or digit (e.g. kz-atabek-2014)"
URL_HINT = "is not an http(s) URL (like https://example.org/appeal)"


def messages(path) -> list[str]:
    with pytest.raises(CaseError) as info:
        load_case(path)
    e = info.value
    errs = e.errors if isinstance(e, CaseErrors) else [e]
    return [f"{x.where.line}:{x.where.col} {x.message}" for x in errs]


@pytest.mark.parametrize("text,expected", [
    (MINIMAL.replace("appealkit: 1\n", ""), "1:1 the case file is missing required key 'appealkit'"),
    (MINIMAL.replace("appealkit: 1", "appealkit: true"), "1:12 appealkit: format version must be 1, not True"),
    (MINIMAL.replace("appealkit: 1", "appealkit: '1'"), "1:12 appealkit: format version must be 1, not '1'"),
    (MINIMAL.replace("id: test-case", "id: ''"), "2:5 id is empty"),
    (MINIMAL.replace("id: test-case", "id: -x"), f"2:5 id '-x' {SLUG_HINT}; write x"),
    (MINIMAL.replace("id: test-case", "id: " + "a" * 65), f"2:5 id '{'a' * 65}' {SLUG_HINT}; write {'a' * 64}"),
    (MINIMAL.replace("title: A title", "title: {}"),
     "3:8 title is an empty mapping; give a string or language: text pairs"),
    (MINIMAL.replace("title: A title", "title: {english: x}"), "3:9 'english' is not a language code (like en, ru, kk); write en"),
    (MINIMAL.replace("title: A title", "title: {en: [x]}"), "3:13 title.en must be a string, not a list"),
    (MINIMAL.replace("title: A title", "title: [x]"),
     "3:8 title must be a string, or a mapping of language code to string, not a list"),
    (MINIMAL.replace("title: A title", "title: '  '"), "3:8 title is empty"),
    (MINIMAL + "language: EN\n", "9:11 'EN' is not a language code (like en, ru, kk); write en"),
    (MINIMAL + "language: 5\n", "9:11 '5' is not a language code (like en, ru, kk)"),
    (MINIMAL + "asks2: x\n", "9:1 unknown key 'asks2' in the case file; did you mean 'asks'?"),
    (MINIMAL.replace("asks:\n  - Release Jane Doe.\n", "asks: Release\n"), "7:7 asks must be a list of texts, not a string; write asks: [Release], or put each item on a line of its own under asks: starting with '- '"),
    (MINIMAL.replace("asks:\n  - Release Jane Doe.\n", "asks:\n  - ''\n"), "8:5 asks[0] is empty"),
    (MINIMAL + "issued: immediately\n", "9:9 issued must be an ISO date (YYYY-MM-DD), not 'immediately'"),
    (MINIMAL + "deadline: 5\n", "9:11 deadline must be an ISO date (YYYY-MM-DD) or 'immediately', not 5"),
    (MINIMAL + "url: https://\n", f"9:6 'https://' {URL_HINT}"),
    (MINIMAL + "url: 'https://a b'\n", f"9:6 'https://a b' {URL_HINT}"),
    (MINIMAL + "url: http://[x\n", f"9:6 'http://[x' {URL_HINT}"),
    (MINIMAL.replace(P, P + "\n  pronoun: it"), "6:12 pronoun must be one of he, she, they, not 'it'"),
    (MINIMAL.replace(P, P + "\n  age: 0"), "6:8 age must be a whole number of years, not 0"),
    (MINIMAL.replace(P, P + "\n  age: 150"), "6:8 age must be a whole number of years, not 150"),
    (MINIMAL.replace(P, P + "\n  age: true"), "6:8 age must be a whole number of years, not True"),
    (MINIMAL.replace(P, P + "\n  age: '30'"), "6:8 age must be a whole number of years, not '30'; write 30"),
    (MINIMAL.replace(P, P + "\n  nmae: x"), "6:3 unknown key 'nmae' in person; did you mean 'name'?"),
    (MINIMAL.replace(P, "  pronoun: she"), "4:1 person is missing required key 'name'"),
    (MINIMAL.replace(P, P + "\n  address: {lines: [a]}"), "6:3 address is missing required key 'country'"),
    (MINIMAL.replace(P, P + "\n  address: {country: KZ}"), "6:3 address is missing required key 'lines'"),
    (MINIMAL.replace(P, P + "\n  address: {country: KZ, lines: []}"), "6:33 person.address.lines needs at least 1 item"),
    (MINIMAL.replace(P, P + "\n  address: {country: KZ, lines: a}"), "6:33 person.address.lines must be a list, not a string; write lines: [a], or put each item on a line of its own under lines: starting with '- '"),
    (MINIMAL.replace(P, P + "\n  address: {country: KZ, lines: [a], latin: {lines: []}}"),
     "6:53 person.address.latin.lines needs at least 1 item"),
    (MINIMAL.replace(P, P + "\n  address: {country: KZ, lines: [a], latin: {line: [x]}}"),
     "6:46 unknown key 'line' in address.latin; did you mean 'lines'?"),
    (MINIMAL.replace(P, P + "\n  address: {country: KZ, lines: [a], latin: [x]}"),
     "6:45 person.address.latin must be a mapping (key: value), not a list"),
    (MINIMAL.replace(P, P + "\n  address: [x]"), "6:12 person.address must be a mapping (key: value), not a list"),
    (R + "  pm: {role: minister, handles: {x: 'a b'}}\n",
     "10:37 'a b' is not an X handle: an X handle is 1-15 letters, digits or _, e.g. MVD_RK"),
    (R + "  pm: {role: minister, handles: {facebook: a}}\n",
     "10:34 unknown platform 'facebook'; platforms are: x, bluesky, mastodon, threads"),
    (R + "  pm: {role: minister, handles: [a]}\n",
     "10:33 recipients.pm.handles must be a mapping of platform to handle, not a list"),
    (R + "  pm: {role: minister, name: ''}\n", "10:30 recipients.pm.name is empty"),
    (R + "  pm: {name: x}\n", "10:3 recipient 'pm' is missing required key 'role'"),
    (R + "  pm: {role: minster}\n", "10:14 unknown role 'minster'; did you mean 'minister'?"),
    (R + "  pm: x\n", "10:7 recipients.pm must be a mapping (key: value), not a string"),
    (R + "  Pm: {role: minister}\n", "10:3 recipient id 'Pm' must match [a-z0-9][a-z0-9-]*; write pm"),
    (R + "  person: {role: minister}\n", "10:3 recipient id 'person' is reserved (person and all are --to words)"),
    (R + "  pm: {role: minister, emial: x}\n", "10:24 unknown key 'emial' in recipient 'pm'; did you mean 'email'?"),
    (MINIMAL + "recipients: [x]\n", "9:13 recipients must be a mapping of id to recipient, not a list; give each recipient an id of its own "
     "instead of '- ' (minister: on its own line, its keys indented under it)"),
    (MINIMAL + "share: {text: x, hashtags: ['two words']}\n", "9:29 'two words' is not a valid hashtag (one word); write TwoWords"),
    (MINIMAL + "share: {text: x, hashtags: x}\n", "9:28 share.hashtags must be a list, not a string; write hashtags: [x], or put each item on a line of its own under hashtags: starting with '- '"),
    (MINIMAL + "share: {text: x, mentions: ['a b']}\n",
     "9:29 'a b' is not an X handle: an X handle is 1-15 letters, digits or _, e.g. MVD_RK"),
    (MINIMAL + "share: {text: x, url: nope}\n", f"9:23 'nope' {URL_HINT}"),
    (MINIMAL + "share: {txt: x}\n", "9:9 unknown key 'txt' in share; did you mean 'text'?"),
    (MINIMAL + "share: x\n", "9:8 share must be a mapping (key: value), not a string"),
    # what a wrong value is called
    (MINIMAL.replace("title: A title", "title: null"), "3:8 title must be a string, or a mapping of language code to string, not nothing (null)"),
    (MINIMAL.replace("title: A title", "title: x\norganisation: {a: b}"), "4:15 organisation must be a string, not a mapping"),
    (MINIMAL + "recipients: 5\n", "9:13 recipients must be a mapping of id to recipient, not a number"),
    (MINIMAL + "recipients: 1.5\n", "9:13 recipients must be a mapping of id to recipient, not a number"),
    (MINIMAL + "recipients: true\n", "9:13 recipients must be a mapping of id to recipient, not true/false"),
    (MINIMAL + "recipients: 2020-01-01\n", "9:13 recipients must be a mapping of id to recipient, not a date"),
    (MINIMAL + "recipients: 2020-01-01 10:00:00\n",
     "9:13 recipients must be a mapping of id to recipient, not a date and time"),
])
def test_validator_message(tmp_path, text, expected):
    assert messages(write(tmp_path, text)) == [expected]


FULL = MINIMAL.replace(P, P + """
  native_name: Доу Джейн
  pronoun: she
  age: 149
  description: d
  safety: s
  address:
    country: kz
    lines: [a]
    postcode: 1
    locality: l
    region: r
    latin: {lines: [A], locality: L, region: R}""") + """\
organisation: PEN International
deadline: 2026-01-31 10:00:00
issued: 2014-06-16
language: ru
background: b
copies: c
recipients:
  pm:
    role: minister
    name: 42
    title: T
    organisation: O
    salutation: S
    fax: 1
    email: e
    phone: p
    handles: {x: 12345, bluesky: '@a.bsky.social'}
share: {text: x, hashtags: ['#a', b], mentions: ['@m', n], url: 'https://e.org/a'}
"""


def test_every_key_is_loaded(tmp_path):
    c = load_case(write(tmp_path, FULL))
    assert (c.appealkit, c.id, c.organisation, c.issued, c.deadline, c.language, c.url) == (
        1, "test-case", "PEN International", dt.date(2014, 6, 16), dt.date(2026, 1, 31), "ru", None)
    assert (c.title, c.summary, c.asks, c.background) == (
        Text({"ru": "A title"}), Text({"ru": "Something happened."}), [Text({"ru": "Release Jane Doe."})],
        Text({"ru": "b"}))
    assert [(x.kind, x.text) for x in c.copies] == [("text", Text({"ru": "c"}))]
    p = c.person
    assert (p.name, p.native_name, p.pronoun, p.age, p.description, p.safety) == (
        Text({"ru": "Jane Doe"}), "Доу Джейн", "she", 149, Text({"ru": "d"}), Text({"ru": "s"}))
    a = p.address
    assert (a.country, a.lines, a.postcode, a.locality, a.region, a.path) == (
        "KZ", ["a"], "1", "l", "r", ("person", "address"))
    assert (a.latin.lines, a.latin.locality, a.latin.region) == (["A"], "L", "R")
    r = c.recipients["pm"]
    assert (r.id, r.role, r.name, r.title, r.organisation, r.salutation, r.fax, r.email, r.phone, r.handles) == (
        "pm", "minister", Text({"ru": "42"}), Text({"ru": "T"}), Text({"ru": "O"}), Text({"ru": "S"}), "1", "e", "p",
        {"x": "12345", "bluesky": "a.bsky.social"})
    sh = c.share
    assert (sh.text, sh.hashtags, sh.mentions, sh.url) == (
        Text({"ru": "x"}), ["a", "b"], [{"x": "m"}, {"x": "n"}], "https://e.org/a")


def test_strings_cover_every_value(tmp_path):
    c = load_case(write(tmp_path, FULL))
    assert list(c.strings()) == [
        (("title", "ru"), "A title"), (("summary", "ru"), "Something happened."), (("background", "ru"), "b"),
        (("asks", 0, "ru"), "Release Jane Doe."), (("copies", "ru"), "c"), (("person", "description", "ru"), "d"),
        (("person", "safety", "ru"), "s"), (("share", "text", "ru"), "x"), (("person", "name", "ru"), "Jane Doe"),
        (("person", "native_name"), "Доу Джейн"), (("person", "address", "lines", 0), "a"),
        (("person", "address", "postcode"), "1"), (("person", "address", "locality"), "l"),
        (("person", "address", "region"), "r"), (("recipients", "pm", "name", "ru"), "42"),
        (("recipients", "pm", "title", "ru"), "T"), (("recipients", "pm", "organisation", "ru"), "O"),
        (("recipients", "pm", "salutation", "ru"), "S"),
    ]


@pytest.mark.parametrize("line,expected", [
    ("deadline: 2026-01-31 10:00:00", dt.date(2026, 1, 31)),
    ("deadline: '2026-01-31'", dt.date(2026, 1, 31)),
    ("deadline: ' Immediately '", "immediately"),
    ("deadline: immediately", "immediately"),
    ("deadline: null", None),
])
def test_deadline_forms(tmp_path, line, expected):
    assert load_case(write(tmp_path, MINIMAL + line + "\n")).deadline == expected


def test_issued_datetime_is_a_date(tmp_path):
    assert load_case(write(tmp_path, MINIMAL + "issued: 2014-06-16 08:00:00\n")).issued == dt.date(2014, 6, 16)


@pytest.mark.parametrize("edit,attr,expected", [
    ("id: " + "a" * 64, "id", "a" * 64),
    ("organisation: 1.5", "organisation", "1.5"),
    ("organisation: 2020-01-01", "organisation", "2020-01-01"),
    ("organisation: true", "organisation", "true"),
    ("organisation: 12", "organisation", "12"),
    ("language: ru", "language", "ru"),
    ("language: pt-BR", "language", "pt-BR"),
    ("organisation: Amnesty International", "organisation", "Amnesty International"),
    ("url: http://example.org/a", "url", "http://example.org/a"),
    ("recipients: null", "recipients", {}),
    ("share: null", "share", None),
    ("copies: null", "copies", []),
])
def test_top_level_values(tmp_path, edit, attr, expected):
    text = MINIMAL.replace("id: test-case\n", "") if attr == "id" else MINIMAL
    assert getattr(load_case(write(tmp_path, text + edit + "\n")), attr) == expected


def test_numeric_handle_is_text_as_written(tmp_path):
    c = load_case(write(tmp_path, R + "  pm: {role: minister, handles: {x: 007, mastodon: '@a@b.social'}}\n"))
    assert c.recipients["pm"].handles == {"x": "007", "mastodon": "a@b.social"}


@pytest.mark.parametrize("path,expected", [
    ((), "the document"),
    (("asks", 1), "asks[1]"),
    (("person", "description"), "person.description"),
    (("recipients", "pm", "address", "lines", 0), "recipients.pm.address.lines[0]"),
])
def test_key_path(path, expected):
    assert key_path(path) == expected


def test_all_errors_in_line_order(tmp_path):
    text = MINIMAL.replace("id: test-case", "id: BAD").replace(P, P + "\n  age: 0") + "url: nope\n"
    assert messages(write(tmp_path, text)) == [
        f"2:5 id 'BAD' {SLUG_HINT}; write bad",
        "6:8 age must be a whole number of years, not 0",
        f"10:6 'nope' {URL_HINT}",
    ]

"""Small core pieces that mutation testing found unpinned (issue 18): error places and their
order, the sender's sources in order, safe output files, the texts a letter language lacks.
Expected values are written out by hand.
(Origin: pinned by the mutation-testing pass (issue 18), formerly test_pinned_core.py.)"""

from __future__ import annotations

import json

import pytest

from appealkit.errors import AppealkitError, CaseError, CaseErrors, OutputError, Where, did_you_mean
from appealkit.letters.sender import Sender, read_sender_file, split_lines
from appealkit.output import dumps, safe_name, use_color, write_files

from .conftest import MINIMAL, run, write


@pytest.mark.parametrize("where,text,as_dict", [
    (Where("a.yaml", 3, 4), "a.yaml:3:4", {"file": "a.yaml", "line": 3, "col": 4}),
    (Where("a.yaml", 3), "a.yaml:3", {"file": "a.yaml", "line": 3, "col": None}),
    (Where("a.yaml", None, 4), "a.yaml", {"file": "a.yaml", "line": None, "col": 4}),
    (Where(None, 3, 4), "<input>:3:4", {"file": None, "line": 3, "col": 4}),
    (Where(), "<input>", {"file": None, "line": None, "col": None}),
])
def test_where(where, text, as_dict):
    assert str(where) == text
    assert where.as_dict() == as_dict


def test_error_text_and_dict():
    assert str(CaseError("bad", Where("a.yaml", 1, 2))) == "a.yaml:1:2: bad"
    assert str(CaseError("bad")) == "bad"
    assert CaseError("bad").as_dict() == {"file": None, "line": None, "col": None, "message": "bad"}
    assert AppealkitError("x").exit_code == 1


def test_errors_sorted_by_place_those_without_one_first():
    errs = CaseErrors([CaseError("c", Where("f", 2, 1)), CaseError("b", Where("f", 1, 5)),
                       CaseError("a", Where("f")), CaseError("d", Where("f", 1, 1))])
    assert [e.message for e in errs.errors] == ["a", "d", "b", "c"]
    assert str(errs) == "f: a\nf:1:1: d\nf:1:5: b\nf:2:1: c"
    assert errs.message == "4 errors"
    # a missing line or column sorts before 1
    errs = CaseErrors([CaseError("x", Where("f", 1, 1)), CaseError("y", Where("f", 1, None)),
                       CaseError("z", Where("f", None, 1))])
    assert [e.message for e in errs.errors] == ["z", "y", "x"]


@pytest.mark.parametrize("word,choices,listing,expected", [
    ("recipents", ["recipients", "copies"], None, "; did you mean 'recipients'?"),
    ("zzz", ["x", "bluesky"], "platforms", "; platforms are: x, bluesky"),
    ("zzz", ["x", "bluesky"], None, ""),
])
def test_did_you_mean(word, choices, listing, expected):
    assert did_you_mean(word, choices, listing) == expected


# -- the sender: options (and their environment variables), then sender.yaml in $APPEALKIT_HOME


def _home(tmp_path, monkeypatch, text: str | None) -> None:
    home = tmp_path / "cfg"
    home.mkdir()
    if text is not None:
        (home / "sender.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("APPEALKIT_HOME", str(home))


@pytest.mark.parametrize("text,expected", [
    (" a ; ;b;", ["a", "b"]),
    ("", []),
    (None, []),
])
def test_split_lines(text, expected):
    assert split_lines(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("name: F\naddress: [F1, 2]\ncountry: de\n", Sender("F", ["F1", "2"], "DE")),
    ("name: F\naddress: F1; F2\n", Sender("F", ["F1", "F2"], None)),
    ("name: 7\naddress: {a: b}\ncountry: [x]\n", Sender("7", [], None)),
    ("", Sender(None, [], None)),
])
def test_read_sender_file(tmp_path, text, expected):
    p = tmp_path / "sender.yaml"
    p.write_text(text, encoding="utf-8")
    assert read_sender_file(str(p)) == expected


@pytest.mark.parametrize("text,message", [
    ("- a\n- b\n", "sender file must be a mapping with name, address, country"),
    ("name: [unclosed\n", "cannot read sender file: "),
])
def test_bad_sender_file(tmp_path, text, message):
    p = tmp_path / "sender.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(AppealkitError) as info:
        read_sender_file(str(p))
    assert info.value.message.startswith(message)
    assert info.value.where.file == str(p)


@pytest.mark.parametrize("args,env,file,expected", [
    (["--sender-name", "N", "--sender-address", "A1; A2", "--from", "GB"], {},
     "name: F\naddress: [F1]\ncountry: de\n", "N|['A1', 'A2', 'UNITED KINGDOM']|the United Kingdom"),
    ([], {}, "name: F\naddress: [F1, 2]\ncountry: de\n", "F|['F1', '2', 'GERMANY']|Germany"),
    ([], {"APPEALKIT_SENDER_NAME": "E", "APPEALKIT_SENDER_ADDRESS": "E1;E2"},
     "name: F\naddress: [F1]\ncountry: fr\n", "E|['E1', 'E2', 'FRANCE']|France"),
    ([], {}, None, "[Your name]|['[Your address]']|[your country]"),
])
def test_sender_sources_in_order(tmp_path, monkeypatch, args, env, file, expected):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    _home(tmp_path, monkeypatch, file)
    t = tmp_path / "s.j2"
    t.write_text("{{ sender.name }}|{{ sender.address }}|{{ sender.country }}\n", encoding="utf-8")
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--template", str(t), *args)
    assert r.code == 0, r.err
    assert r.out == expected + "\n"


# -- output


@pytest.mark.parametrize("name,expected", [
    ("kz-atabek-2014-president-en.txt", "kz-atabek-2014-president-en.txt"),
    ("../etc/passwd", "etc-passwd"),
    ("a b/c", "a-b-c"),
    ("..", "output"),
    ("Ёлка.txt", "txt"),
])
def test_safe_name(name, expected):
    assert safe_name(name) == expected


def test_dumps_is_utf8_indented_and_dates_as_text():
    import datetime as dt

    assert dumps({"a": "Я", "d": dt.date(2026, 1, 2)}) == '{\n  "a": "Я",\n  "d": "2026-01-02"\n}'


class _Tty:
    def isatty(self):
        return True


def test_use_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color(_Tty())
    assert not use_color(object())
    monkeypatch.setenv("TERM", "dumb")
    assert not use_color(_Tty())
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("NO_COLOR", "")
    assert not use_color(_Tty())


def test_write_files(tmp_path):
    paths = write_files(tmp_path, [("a.txt", "A\n"), ("b.txt", "B")])
    assert paths == [tmp_path / "a.txt", tmp_path / "b.txt"]
    assert (tmp_path / "a.txt").read_bytes() == b"A\n" and (tmp_path / "b.txt").read_text() == "B"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    write_files(tmp_path, [("a.txt", "A2")], force=True)
    assert (tmp_path / "a.txt").read_text() == "A2"


@pytest.mark.parametrize("make,files,message,where", [
    (None, [("a.txt", "x"), ("a.txt", "y")], "two outputs would share this file name", "a.txt"),
    (None, [("ok.txt", "x"), ("../a.txt", "y")], "refusing unsafe file name '../a.txt'", ""),
    ("exists", [("ok.txt", "x"), ("a.txt", "y")], "already exists", "a.txt"),
    ("link", [("ok.txt", "x"), ("a.txt", "y")], "is a symbolic link; refusing to write through it", "a.txt"),
])
def test_write_files_refuses_before_writing(tmp_path, make, files, message, where):
    if make == "exists":
        (tmp_path / "a.txt").write_text("keep")
    elif make == "link":
        (tmp_path / "a.txt").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(OutputError) as info:
        write_files(tmp_path, files, force=make == "link")
    assert info.value.message == message
    assert info.value.where.file == str(tmp_path / where) if where else str(tmp_path)
    assert not (tmp_path / "ok.txt").exists()


def test_write_files_needs_a_folder(tmp_path):
    with pytest.raises(OutputError) as info:
        write_files(tmp_path / "nope", [("a.txt", "x")])
    assert info.value.message == "output folder does not exist"
    (tmp_path / "f").write_text("")
    with pytest.raises(OutputError) as info:
        write_files(tmp_path / "f", [("a.txt", "x")])
    assert info.value.message == "output path is not a folder"


# -- translations a letter language lacks


@pytest.mark.parametrize("extra,expected", [
    ("", "letters in 'ru' need summary, asks[0], asks[2], person.description in 'ru' too: give each as {en: ..., ru: ...}"),
    ("copies: {en: c}\n", "letters in 'ru' need summary, asks[0], asks[2], copies, person.description in 'ru' too: give each as {en: ..., ru: ...}"),
    ("copies: {en: c, ru: к}\n", "letters in 'ru' need summary, asks[0], asks[2], person.description in 'ru' too: give each as {en: ..., ru: ...}"),
])
def test_missing_translation(tmp_path, extra, expected):
    text = MINIMAL.replace("summary: Something happened.", "summary: {en: S}").replace(
        "asks:\n  - Release Jane Doe.\n", "asks: [A, {en: B, ru: Б}, {en: C}]\n").replace(
        "title: A title", "title: {en: T, ru: Т}").replace(
        "  name: Jane Doe", "  name: Jane Doe\n  description: {en: poet}") + extra
    r = run("check", write(tmp_path, text), "--json")
    found = [w["message"] for w in json.loads(r.out)["warnings"] if w["code"] == "missing-translation"]
    assert found == [expected]


class _TtyErr:
    def __init__(self):
        self.text = ""

    def isatty(self):
        return True

    def write(self, s):
        self.text += s


def test_warning_is_yellow_on_a_terminal(monkeypatch):
    import sys

    from appealkit.output import note, warn

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    err = _TtyErr()
    monkeypatch.setattr(sys, "stderr", err)
    warn("w")
    note("n")
    assert err.text == "\x1b[33mappealkit: warning: \x1b[0mw\nappealkit: n\n"


def test_a_full_disk_is_named(tmp_path, monkeypatch):
    import os

    def full(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    monkeypatch.setattr(os, "link", full)  # a new file is claimed by a link, an overwrite by a rename
    with pytest.raises(OutputError) as info:
        write_files(tmp_path, [("a.txt", "x")])
    assert info.value.message == "cannot write: No space left on device"
    assert info.value.where.file == str(tmp_path / "a.txt")
    assert list(tmp_path.iterdir()) == []  # the temporary file is gone too

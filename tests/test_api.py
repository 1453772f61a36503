"""The Python API: what a campaign site or a notebook calls. The CLI prints exactly what it
returns, and using it loads neither typer nor rich.
Also the tests pinned by the mutation-testing pass (issue 18), formerly test_pinned_api.py."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import os
import subprocess
import sys
import textwrap

import pytest

import appealkit
from appealkit import CaseError, CaseErrors, UsageError
from appealkit.resources import data_path, read_list

from .conftest import ROOT, run

EMAIL_ONLY = """\
appealkit: 1
id: ru-email-only
title: A case with an ombudsman reached by email only
person:
  name: Test Person
  address: {country: GB, lines: [HMP Test, 1 Prison Road], locality: London, postcode: N1 1AA}
summary: The person is held for their writing.
asks: [Release the person.]
recipients:
  ombudsman:
    role: official
    title: Ombudsman
    email: ombudsman@example.org
    fax: "+44 20 0000 0000"
  minister:
    role: minister
    title: Minister of Justice
    address: {country: GB, lines: [Ministry of Justice, 102 Petty France], locality: London, postcode: SW1H 9AJ}
"""


def test_public_names_are_documented():
    assert set(appealkit.__all__) >= {
        "load_case", "parse_case", "check_case", "addresses", "compose_letters", "build_posts",
        "transliterate", "post_length", "AppealkitError", "CaseError", "UsageError"}
    for name in appealkit.__all__:
        if name != "__version__":
            assert getattr(appealkit, name).__doc__, name


def test_api_script_matches_the_cli_byte_for_byte_and_loads_no_cli_modules(tmp_path):
    script = textwrap.dedent(f"""
        import datetime, json, sys
        import appealkit
        case = appealkit.load_case({str(ROOT / 'examples/atabek.yaml')!r})
        [letter] = appealkit.compose_letters(case, "president", sender_name="A. Supporter",
            sender_address=["1 High Street", "London N1 1AA"], sender_country="GB",
            date=datetime.date(2026, 11, 28))
        [post] = appealkit.build_posts(case, "x")
        [block] = appealkit.addresses(case, "person", sender_country="GB")
        print(json.dumps({{"letter": letter.text, "post": post.text, "address": block.text(),
                          "cli": sorted(m for m in ("typer", "rich", "click") if m in sys.modules)}}))
    """)
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    got = json.loads(p.stdout)
    assert got["cli"] == []
    case = str(ROOT / "examples/atabek.yaml")
    cli_letter = run("letter", case, "--to", "president", "--sender-name", "A. Supporter",
                     "--sender-address", "1 High Street; London N1 1AA", "--from", "GB", "--date", "2026-11-28")
    assert cli_letter.code == 0 and cli_letter.out == got["letter"]
    assert run("tweet", case).out == got["post"] + "\n"
    assert run("address", case, "--from", "GB").out == got["address"] + "\n"


def test_parse_case_names_the_string_in_errors():
    with pytest.raises(CaseError) as e:
        appealkit.parse_case("appealkit: 1\nid: [", name="web-form")
    assert str(e.value).startswith("web-form:3:1: YAML syntax error")
    with pytest.raises(CaseErrors) as e:
        appealkit.parse_case("appealkit: 1\nid: x\n", name="form")
    assert [x.message for x in e.value.errors][:1] == ["the case file is missing required key 'title'"]


def test_core_errors_name_parameters_not_flags():
    case = appealkit.parse_case(EMAIL_ONLY)
    with pytest.raises(UsageError) as e:
        appealkit.compose_letters(case, "nobody")
    assert e.value.param == "to" and "--" not in e.value.message
    with pytest.raises(UsageError) as e:
        appealkit.addresses(case, "person", sender_country="XX")
    assert e.value.param == "sender_country" and "--" not in e.value.message
    r = run("address", "-", "--from", "XX", stdin=EMAIL_ONLY)
    assert r.code == 2 and r.err == ("appealkit: error: --from: 'XX' is not an ISO 3166-1 alpha-2 "
                                     "country code (like GB, DE, RU)\n")


def test_email_only_recipient_gets_a_letter_headed_for_email_and_fax():
    case = appealkit.parse_case(EMAIL_ONLY)
    letters = appealkit.compose_letters(case, "all", sender_name="A", sender_address=["B"],
                                        date=dt.date(2026, 11, 28))
    assert [x.to for x in letters] == ["person", "ombudsman", "minister"]
    ombudsman = letters[1]
    assert ombudsman.address == []
    head = ombudsman.text.split("Dear Sir or Madam,")[0]
    assert "Ombudsman\nBy email: ombudsman@example.org\nBy fax: +44 20 0000 0000\n" in head
    r = run("letter", "-", "--to", "all", stdin=EMAIL_ONLY)
    assert r.code == 0 and r.out.count("\f") == 3  # and one before the envelope's page


def test_address_all_says_why_a_recipient_has_no_block():
    r = run("address", "-", "--to", "all", "--json", stdin=EMAIL_ONLY)
    assert r.code == 0
    assert [b["to"] for b in json.loads(r.out)] == ["person", "minister"]
    assert ("appealkit: warning: recipient 'ombudsman' has no postal address; write by email "
            "ombudsman@example.org or fax +44 20 0000 0000\n") in r.err
    r = run("address", "-", "--to", "ombudsman", stdin=EMAIL_ONLY)
    assert r.code == 1 and "recipient 'ombudsman' has no postal address" in r.err


def test_build_posts_modes():
    case = appealkit.load_case(str(ROOT / "examples/atabek.yaml"))
    [post] = appealkit.build_posts(case, "x")
    assert post.text.endswith("@MVD_RK @pen_int @PENamerican") and post.fits
    with pytest.raises(UsageError) as e:
        appealkit.build_posts(case, "x", thread=True, variants=True)
    assert e.value.param == "thread"
    assert appealkit.post_length("Привет", "x") == 6  # Cyrillic weighs 1 on X
    assert appealkit.post_length("東京", "x") == 4
    assert appealkit.transliterate("Щеглова", "icao") == "Shcheglova"


def test_bluesky_record_through_the_api_equals_the_cli():
    case = appealkit.load_case(str(ROOT / "examples/atabek.yaml"))
    [post] = appealkit.build_posts(case, "bluesky")
    got = appealkit.bluesky_record(post.text, dt.datetime(2026, 11, 28, tzinfo=dt.timezone.utc), "en")
    r = run("post", str(ROOT / "examples/atabek.yaml"), "--platform", "bluesky", "--json", "--date", "2026-11-28")
    cli = json.loads(r.out)
    assert got["record"] == cli["record"] and got["mentions"] == cli["mentions"]
    assert got["record"]["createdAt"] == "2026-11-28T00:00:00.000Z"
    text = got["record"]["text"].encode("utf-8")
    tags = [text[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode() for f in got["record"]["facets"]]
    assert tags == ["#Kazakhstan", "#AronAtabek"]


def _readme_night_script() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- api-night -->", 1)[1].split("```python\n", 1)[1]
    return block.split("```", 1)[0]


def _tree(folder) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_readme_night_script_writes_what_the_cli_writes_byte_for_byte(tmp_path):
    import shutil

    api, cli = tmp_path / "api", tmp_path / "cli"
    for d in (api, cli):
        shutil.copytree(ROOT / "examples", d / "examples", ignore=shutil.ignore_patterns("*.sqlite*"))
    (api / "night.py").write_text(_readme_night_script(), encoding="utf-8")
    runner = ("import runpy, sys\nrunpy.run_path('night.py')\n"
              "print(sorted(m for m in ('typer', 'rich', 'click') if m in sys.modules))\n")
    env = {**os.environ, "APPEALKIT_HOME": str(tmp_path / "home")}
    p = subprocess.run([sys.executable, "-c", runner], cwd=api, capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[-1] == "[]"  # the API ran without the CLI's libraries
    assert p.stdout.startswith("3 written, 0 skipped (already there; --force overwrites), 0 failed\n")
    check = run("check", "examples", "--json", "--today", "2026-12-01", cwd=cli)
    assert check.code == 0, check.err
    (cli / "check.json").write_text(check.out, encoding="utf-8")
    merge = run("letter", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--writers", "examples/writers.csv",
                "--out-dir", "letters", "--date", "2026-12-01", cwd=cli)
    assert merge.code == 0, merge.err
    pack = run("pack", "examples/ru-aliyev.yaml", "--to", "person", "--writers", "examples/writers.csv",
               "--out", "pack.pdf", "--date", "2026-12-01", cwd=cli)
    assert pack.code == 0, pack.err
    got, want = _tree(api), _tree(cli)
    del got["night.py"]
    assert sorted(got) == sorted(want)
    assert [k for k in want if got[k] != want[k]] == []
    assert len(want) == len(_tree(cli / "examples")) + 5  # check.json, 3 letters, pack.pdf


def test_reports_carry_structured_notices(tmp_path, monkeypatch):
    from appealkit.night.notices import Code

    writers = tmp_path / "w.csv"
    writers.write_text("name,address,Langauge\nAnna,1 High St; London,en\n,2 Low Rd; Leeds,en\n", encoding="utf-8")
    case = str(ROOT / "examples/ru-aliyev.yaml")
    report = appealkit.merge_letters([case], str(writers), str(tmp_path / "out"), to="prosecutor",
                                     date=dt.date(2026, 12, 1), sender_country="GB")
    assert (report.written, report.skipped, report.failed, report.ok) == (1, 0, 1, False)
    assert [p.name for p in report.paths] == ["ru-aliyev-2026-prosecutor-anna-en.txt"]
    by_code = {n.code: n for n in report.notices}
    assert by_code[Code.BAD_ROW].where == f"{writers}:3" and by_code[Code.BAD_ROW].message == "row 3: no name"
    assert by_code[Code.BAD_ROW].level == "error" and by_code[Code.BAD_ROW].scope == "row"
    assert by_code[Code.COLUMN].where == f"{writers}:1" and "'lang'" in by_code[Code.COLUMN].message
    monkeypatch.delenv("APPEALKIT_HOME", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "config" / "appealkit").mkdir(parents=True)
    (tmp_path / "config" / "appealkit" / "sender.yaml").write_text(
        "name: A. Supporter\naddress: [1 High Street, London]\ncountry: gb\n", encoding="utf-8")
    s = appealkit.resolve_sender(country="DE")  # what is given wins; the rest comes from sender.yaml
    assert (s.name, s.address, s.country) == ("A. Supporter", ["1 High Street", "London"], "DE")
    pack = appealkit.make_pack([case], str(tmp_path / "p.html"), to="person", date=dt.date(2026, 12, 1))
    assert pack.ok and (pack.cases, pack.letters) == (1, 1)
    assert not [n for n in pack.notices if n.code in (Code.NO_SENDER, Code.NO_SENDER_COUNTRY)]


# -- pinned by the mutation-testing pass (issue 18), formerly test_pinned_api.py --


@pytest.mark.parametrize("module,names", [
    ("appealkit", {"__version__", "transliterate", "load_case", "compose_letters", "build_posts", "check_case",
                   "AppealkitError", "CaseError", "TextTooLong"}),
    ("appealkit.case", {"Address", "Case", "Person", "Recipient", "Share", "Text", "load_case", "read_case_text"}),
    ("appealkit.posts", {"LIMITS", "PLATFORMS", "fits", "length"}),
    ("appealkit.translit", {"detect_language", "get_scheme", "list_schemes", "transliterate"}),
])
def test_star_exports(module, names):
    """`from M import *` gives exactly M.__all__, every name in it defined, the listed ones among them."""
    import importlib

    ns: dict = {}
    exec(f"from {module} import *", ns)
    exported = set(ns) - {"__builtins__"}
    assert exported == set(importlib.import_module(module).__all__)
    assert names <= exported


def test_version_is_the_distributions():
    assert appealkit.__version__ == importlib.metadata.version("appealkit")


@pytest.mark.parametrize("args,expected", [
    (("Щеглова",), "Shcheglova"),  # icao by default
    (("Щеглова", "iso9"), "Ŝeglova"),
    (("Київ", "icao", "ru"), "Kiïv"),  # the language given wins: ICAO Russian lacks ї, ISO 9 fills in
    (("Київ",), "Kyiv"),
])
def test_transliterate_defaults(args, expected):
    assert appealkit.transliterate(*args) == expected


def test_read_list_skips_blanks_and_comments(tmp_path, monkeypatch):
    codes = read_list("iso3166-1.txt")
    assert len(codes) == 249 and codes[0] == "AD" and "KZ" in codes
    assert all(len(c) == 2 and not c.startswith("#") for c in codes)
    assert data_path("schemes", "icao.yaml").is_file()


def test_translit_package_defaults():
    from appealkit.translit import get_scheme, transliterate

    assert transliterate("Щеглова") == "Shcheglova"
    assert transliterate("Київ") == "Kyiv"
    assert get_scheme("iso9").transliterate("Щеглова") == "Ŝeglova"


def test_python_api_refusals_and_counts():
    from appealkit.errors import UsageError

    case = appealkit.load_case("examples/atabek.yaml")
    with pytest.raises(UsageError) as info:
        appealkit.build_posts(case, "x", variants=True, thread=True)
    assert info.value.message == "a thread and variants do not combine"
    with pytest.raises(UsageError) as info:
        appealkit.addresses(case, "person", scheme="nope")
    assert info.value.message.startswith("unknown scheme 'nope'")
    assert [p.text for p in appealkit.build_posts(case, "x", variants=True)] == [
        "#Kazakhstan must provide jailed poet #AronAtabek with medical attention for injuries @MVD_RK @pen_int "
        "@PENamerican"]
    assert appealkit.post_length("Привет https://example.org", "x") == 30


@pytest.mark.parametrize("kwargs,message", [
    ({"platform": "myspace"}, "unknown platform 'myspace'; choose one of x, bluesky, mastodon, threads"),
    ({"platform": "x", "limit": 100}, "a limit applies to Mastodon only; the other platforms' limits are fixed"),
])
def test_post_refusals(kwargs, message):
    from appealkit.errors import UsageError

    case = appealkit.load_case("examples/atabek.yaml")
    with pytest.raises(UsageError) as info:
        appealkit.build_posts(case, **kwargs)
    assert info.value.message == message


def test_variants_are_one_post_per_handle(tmp_path):
    from .posts.test_build import CASE

    p = tmp_path / "c.yaml"
    p.write_text(CASE, encoding="utf-8")
    case = appealkit.load_case(str(p))
    body = "Free #JaneDoe now, says @pen_int #FreeSpeech https://example.org/jane"
    assert [x.text for x in appealkit.build_posts(case, "x", variants=True)] == [
        f"{body} @PM_Office @amnesty", f"{body} @FM_Office @amnesty"]
    # a thread opens with the mentions
    assert [x.text for x in appealkit.build_posts(case, "x", thread=True)] == [f"@amnesty {body}"]

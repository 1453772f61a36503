"""Letters: golden files for the Atabek case (en and ru, every recipient and the person), the
safety rules of support letters for every example, and case text printed, never evaluated.
Regenerate goldens after a deliberate change with UPDATE_GOLDEN=1."""

from __future__ import annotations

import json
import os
import re

import pytest

from appealkit.case import load_case

from ..conftest import EXAMPLES, ROOT, run

GOLDEN = ROOT / "tests" / "golden"
SENDER = ["--date", "2026-11-28", "--from", "GB", "--sender-name", "A. Supporter",
          "--sender-address", "1 High Street; London N1 1AA"]
TARGETS = ["president", "minister", "ambassador", "person"]


# the appeal gives no Russian name: Russian letters are tested on examples/ru-*.yaml
# (tests/letters/test_letters_ru.py), and a Russian letter here is refused (below)
@pytest.mark.parametrize("lang", ["en"])
@pytest.mark.parametrize("to", TARGETS)
def test_golden_atabek(to, lang):
    r = run("letter", "examples/atabek.yaml", "--to", to, "--lang", lang, *SENDER)
    assert r.code == 0, r.err
    path = GOLDEN / f"atabek-{to}-{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(r.out, encoding="utf-8")
    assert r.out == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt,ext", [("markdown", "md"), ("html", "html")])
def test_golden_formats(fmt, ext):
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--format", fmt, *SENDER)
    path = GOLDEN / f"atabek-president-en.{ext}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(r.out, encoding="utf-8")
    assert r.out == path.read_text(encoding="utf-8")


def _texts(case):
    for _, t in case.texts():
        yield from t.values.values()


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_authority_letters_carry_the_case(path):
    case = load_case(str(path))
    r = run("letter", str(path), "--to", "all", "--json", *SENDER)
    rows = json.loads(r.out)
    for row in rows:
        if row["kind"] != "authority":
            continue
        text = " ".join(row["text"].split())
        for ask in case.asks:
            assert " ".join(ask.get(case.language).split()) in text
        assert text.count(case.person.name.pick(case.language)) >= 2
        assert row["salutation"] in row["text"]
        if case.copies and case.copies[0].kind == "text":  # "in your country": named for the writer's
            copy = " ".join(case.copies[0].text.get(case.language).split())
            assert ("cc: " + copy in text) != ("in your country" in copy)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_support_letter_is_safe(path):
    case = load_case(str(path))
    for lang in ("en", "ru"):
        r = run("letter", str(path), "--to", "person", "--lang", lang, *SENDER)
        if r.code:
            continue  # no translation for this language
        body = r.out
        forbidden = [case.summary, case.background, *case.asks]
        for t in forbidden:
            if t is None:
                continue
            for s in t.values.values():
                for sentence in re.split(r"(?<=[.;])\s+", " ".join(s.split())):
                    if len(sentence) > 20:
                        assert sentence not in " ".join(body.split())
        if case.organisation:
            assert case.organisation not in body
        assert case.person.name.pick(lang, case.language).split()[0] in body or (case.person.native_name or "") in body


def test_salutations_by_role_and_language():
    rows = json.loads(run("letter", "examples/atabek.yaml", "--to", "all", "--json", *SENDER).out)
    sal = {r["to"]: r["salutation"] for r in rows}
    assert sal == {"president": "Dear President Nazarbayev,", "minister": "Dear Minister,",
                   "ambassador": "Dear Ambassador,", "person": ""}
    rows = json.loads(run("letter", "examples/ru-penal-colony.yaml", "--to", "all", "--json", "--lang", "ru", *SENDER).out)
    # by name and patronymic where the case gives them, for every recipient alike
    assert {r["to"]: r["salutation"] for r in rows}["prosecutor"] == "Уважаемый Игорь Викторович!"
    r = run("letter", "examples/ir-evin.yaml", "--to", "judiciary", *SENDER)
    assert "Dear Mr Mohseni Ejei," in r.out


def test_dates_in_letter_language():
    assert "28 November 2026" in run("letter", "examples/atabek.yaml", "--to", "president", *SENDER).out
    assert "28 ноября 2026 г." in run("letter", "examples/ru-penal-colony.yaml", "--to", "prosecutor", "--lang", "ru", *SENDER).out


def test_latin_name_never_in_a_russian_letter():
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--lang", "ru", *SENDER)
    assert r.code == 1 and "no 'ru' text for: person.name" in r.err


def test_missing_translation_lists_key_paths():
    r = run("letter", "examples/ir-evin.yaml", "--to", "judiciary", "--lang", "ru", *SENDER)
    assert r.code == 1
    assert "summary, asks[0], asks[1], copies, person.description" in r.err


def test_case_text_is_never_evaluated(tmp_path):
    text = (ROOT / "examples/atabek.yaml").read_text(encoding="utf-8")
    text = text.replace("The 61-year-old poet", "{{ 7*7 }} {% raw %} {0.__class__} The 61-year-old poet")
    p = tmp_path / "payload.yaml"
    p.write_text(text, encoding="utf-8")
    r = run("letter", str(p), "--to", "president", *SENDER)
    assert r.code == 0
    assert "{{ 7*7 }} {% raw %} {0.__class__} The 61-year-old poet" in r.out
    r = run("letter", str(p), "--to", "president", "--format", "html", *SENDER)
    assert "{{ 7*7 }}" in r.out and "49" not in r.out


def test_html_escapes_case_text(tmp_path):
    text = (ROOT / "examples/atabek.yaml").read_text(encoding="utf-8").replace("The 61-year-old poet", "<script>x</script> The 61-year-old poet")
    p = tmp_path / "xss.yaml"
    p.write_text(text, encoding="utf-8")
    r = run("letter", str(p), "--to", "president", "--format", "html", *SENDER)
    assert "<script>" not in r.out and "&lt;script&gt;" in r.out


def test_placeholders_and_one_warning_without_sender():
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--date", "2026-11-28")
    assert "[Your name]" in r.out and "[Your address]" in r.out and "[your country]" in r.out
    assert r.err.count("warning: no sender name or address") == 1
    assert r.err.count("warning: no sender country given") == 1 and "(use --from, APPEALKIT_FROM" in r.err


def test_sender_from_env_and_file(monkeypatch, tmp_path):
    monkeypatch.setenv("APPEALKIT_SENDER_NAME", "Env Name")
    monkeypatch.setenv("APPEALKIT_SENDER_ADDRESS", "Env Street 1; Env Town")
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--date", "2026-11-28")
    assert r.out.startswith("Env Name\nEnv Street 1\nEnv Town\n")
    monkeypatch.delenv("APPEALKIT_SENDER_NAME")
    monkeypatch.delenv("APPEALKIT_SENDER_ADDRESS")
    home = tmp_path / "cfg"
    home.mkdir()
    (home / "sender.yaml").write_text("name: File Name\naddress: [File Road 2, File City]\ncountry: de\n", encoding="utf-8")
    monkeypatch.setenv("APPEALKIT_HOME", str(home))
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--date", "2026-11-28")
    assert r.out.startswith("File Name\nFile Road 2\nFile City\nGERMANY\n")
    # the letter's own addressee block names the country in the letter's language, not the envelope's
    assert "\nKAZAKHSTAN\n" in r.out and "KASACHSTAN" not in r.out


def test_support_letter_warnings():
    r = run("letter", "examples/atabek.yaml", "--to", "person", "--lang", "en", "--message", "I hope your trial goes well", *SENDER)
    assert "safety: His son says" in r.err
    assert "'trial', which a prison censor may stop" in r.err
    assert "I hope your trial goes well" in r.out  # the writer's words are theirs: warned, not cut


def test_all_separated_by_form_feed():
    r = run("letter", "examples/atabek.yaml", "--to", "all", *SENDER)
    assert r.out.count("\f") == 4  # between the four letters, and before the support letter's envelope


def test_out_dir_atomic_and_no_overwrite(tmp_path):
    r = run("letter", "examples/atabek.yaml", "--to", "all", "--out-dir", str(tmp_path), *SENDER)
    assert r.code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kz-atabek-2014-ambassador-en.txt", "kz-atabek-2014-minister-en.txt",
                     "kz-atabek-2014-person-en-envelope.txt", "kz-atabek-2014-person-en.txt",
                     "kz-atabek-2014-president-en.txt"]
    assert r.out.splitlines() == [str(tmp_path / n) for n in
                                  ["kz-atabek-2014-person-en.txt", "kz-atabek-2014-person-en-envelope.txt",
                                   "kz-atabek-2014-president-en.txt",
                                   "kz-atabek-2014-minister-en.txt", "kz-atabek-2014-ambassador-en.txt"]]
    (tmp_path / "kz-atabek-2014-president-en.txt").write_text("signed copy", encoding="utf-8")
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--out-dir", str(tmp_path), *SENDER)
    assert r.code == 1 and "--force" in r.err
    assert (tmp_path / "kz-atabek-2014-president-en.txt").read_text(encoding="utf-8") == "signed copy"
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--out-dir", str(tmp_path), "--force", *SENDER)
    assert r.code == 0 and "Dear President" in (tmp_path / "kz-atabek-2014-president-en.txt").read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_user_template(tmp_path):
    t = tmp_path / "mine.j2"
    t.write_text("{{ salutation }} {{ person.name }} / {{ asks | length }} asks / {{ sender.country }}\n", encoding="utf-8")
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--template", str(t), *SENDER)
    assert r.out == "Dear President Nazarbayev, Aron Atabek / 2 asks / the United Kingdom\n"
    t.write_text("{{ ''.__class__.__mro__ }}", encoding="utf-8")
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--template", str(t), *SENDER)
    assert r.code == 1 and "template error" in r.err and "Traceback" not in r.err


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_builtin_templates_render_tidy(path, lang):
    """Built-in letters skip the tidying pass user templates get: they must be clean as rendered."""
    for sender in (SENDER, ["--date", "2026-11-28"]):
        r = run("letter", str(path), "--to", "all", "--lang", lang, *sender)
        if r.code:
            continue
        for letter in r.out.split("\f\n"):
            assert letter.endswith("\n") and not letter.endswith("\n\n")
            assert not any(line != line.rstrip() for line in letter.splitlines())
            assert "\n\n\n\n" not in letter


def test_a_typo_in_the_sender_file_is_named(monkeypatch, tmp_path):
    home = tmp_path / "home2"
    home.mkdir()
    (home / "sender.yaml").write_text("name: Anna\nadress: 1 High St\n", encoding="utf-8")
    monkeypatch.setenv("APPEALKIT_HOME", str(home))
    r = run("letter", "examples/atabek.yaml", "--to", "president")
    assert r.code == 1 and "unknown key 'adress' in the sender file; did you mean 'address'?" in r.err


ENVELOPE_MARKS = ("For the envelope", "Для конверта", "Для канверта", "From:", "От кого", "Від кого", "Ад каго")


@pytest.mark.parametrize("case,lang", [("examples/atabek.yaml", "en"), ("tests/night/cases/20-petrov.yaml", "ru")])
def test_the_support_letter_holds_only_the_letter(case, lang):
    """The envelope's addresses come after a form feed, headed as no part of the letter; the
    letter's own page has no envelope block and no writer's address after the signature."""
    r = run("letter", case, "--to", "person", "--lang", lang, *SENDER)
    assert r.code == 0, r.err
    letter, envelope = r.out.split("\f\n")
    assert not [m for m in ENVELOPE_MARKS if m in letter]
    assert "1 High Street" not in letter and letter.rstrip().endswith("Supporter")
    assert envelope.startswith("ENVELOPE (not part of the letter)\n")
    assert "1 High Street" in envelope


def test_out_dir_writes_the_envelope_beside_the_letter(tmp_path):
    r = run("letter", "examples/atabek.yaml", "--to", "person", "--out-dir", str(tmp_path), *SENDER)
    assert r.code == 0, r.err
    letter = (tmp_path / "kz-atabek-2014-person-en.txt").read_text(encoding="utf-8")
    envelope = (tmp_path / "kz-atabek-2014-person-en-envelope.txt").read_text(encoding="utf-8")
    assert "ENVELOPE" not in letter and "\f" not in letter and "1 High Street" not in letter
    assert envelope.startswith("ENVELOPE (not part of the letter)\n") and "To: Aron Atabek" in envelope

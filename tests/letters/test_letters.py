"""Letters: golden files for the Atabek case (en and ru, every recipient and the person), the
safety rules of support letters for every example, and case text printed, never evaluated.
Regenerate goldens after a deliberate change with UPDATE_GOLDEN=1.
Also the tests pinned by the mutation-testing pass (issue 18), formerly test_pinned_letters.py.
Also the tests from the native editors' review (issue 13), formerly test_review_en.py."""

from __future__ import annotations

import datetime as dt
import json
import os
import re

import pytest

import appealkit
from appealkit.case import load_case
from appealkit.letters.naming import country_in_text
from appealkit.letters.render import as_markdown, lang_data, paragraphs

from ..conftest import EXAMPLES, ROOT, run, write

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


# -- pinned by the mutation-testing pass (issue 18), formerly test_pinned_letters.py --


CASE = """\
appealkit: 1
id: test-case
title: {en: A title, ru: Заголовок}
person:
  name: Jane Doe
  native_name: Доу Джейн Ивановна
  pronoun: she
  address: {country: RU, lines: [ул. Ленина, д. 1], postcode: "101000", locality: г. Москва}
summary: {en: Something happened., ru: Что-то случилось.}
asks:
  - {en: Release Jane Doe., ru: Освободить Джейн Доу.}
recipients:
  pres:
    role: head-of-state
    title: President of Russia
    address: {country: RU, lines: [ул. Ильинка, д. 23], postcode: "103132", locality: г. Москва}
  named:
    role: head-of-state
    name: Vladimir Putin
    address: {country: RU, lines: [ул. Ильинка, д. 23], postcode: "103132", locality: г. Москва}
  excellency:
    role: minister
    name: Sergei Lavrov
    salutation: Your Excellency,
    address: {country: RU, lines: [ул. Ильинка, д. 23], postcode: "103132", locality: г. Москва}
"""
SENDER_PINNED = ["--date", "2026-11-28", "--sender-name", "A B", "--sender-address", "1 X; Y"]
CONTEXT = ("{{ salutation }}|{{ recipient.name }}|{{ country }}|{{ urgent }}|{{ deadline }}|"
           "{{ case.organisation }}|{{ person.first_name }}|{{ person.full_name }}|{{ sender.country }}\n")


def letter(tmp_path, *args, case=CASE):
    return run("letter", write(tmp_path, case), *SENDER_PINNED, *args)


@pytest.mark.parametrize("to,lang,salutation", [
    ("pres", "en", "Dear President,"),  # the role's form needs a surname the case does not give
    ("named", "en", "Dear President Putin,"),
    ("excellency", "en", "Your Excellency,"),  # the case's own, in the case's language
])
def test_salutation(tmp_path, to, lang, salutation):
    r = letter(tmp_path, "--to", to, "--lang", lang, "--from", "GB")
    assert r.code == 0, r.err
    assert f"\n\n{salutation}\n\n" in r.out


def test_support_letter_is_addressed_by_native_name(tmp_path):
    """A letter to a Russian prison is in Russian by default, to the native name in the dative."""
    r = letter(tmp_path, "--to", "person", "--from", "GB")
    assert r.code == 0, r.err
    assert r.out.startswith("28 ноября 2026 г.\n\nКому: Доу Джейн Ивановне\nул. Ленина\nд. 1\nг. Москва\n101000\n\n"
                            "Здравствуйте, Джейн!\n\n")
    r = letter(tmp_path, "--to", "person", "--from", "GB", "--lang", "en")
    assert r.code == 0
    assert r.out.startswith("28 November 2026\n\nTo: Jane Doe\nул. Ленина\nд. 1\nг. Москва\n101000\n\nDear Jane,\n\n")


@pytest.mark.parametrize("to,args,line", [
    ("named", ["--from", "GB"],
     "Dear President Putin,|Vladimir Putin|Russia|False|None|None|Jane|Jane Doe|the United Kingdom"),
])
def test_template_context(tmp_path, to, args, line):
    t = tmp_path / "ctx.j2"
    t.write_text(CONTEXT, encoding="utf-8")
    r = letter(tmp_path, "--to", to, "--template", str(t), *args)
    assert r.code == 0, r.err
    assert r.out == line + "\n"


@pytest.mark.parametrize("source,out", [
    ("Hi {{ person.first_name }}   \n\n\n\n\n\nBye\t\n\n\n", "Hi Jane\n\n\nBye\n"),
    ("Hi {{ person.first_name }} \nBye", "Hi Jane\nBye\n"),
    ("Hi {{ person.first_name }}\t\nBye", "Hi Jane\nBye\n"),
    ("A\n\n\nB\n\n\n\nC\n", "A\n\n\nB\n\n\nC\n"),
    ("A \t \nB", "A\nB\n"),
])
def test_user_template_is_tidied(tmp_path, source, out):
    t = tmp_path / "t.j2"
    t.write_text(source, encoding="utf-8")
    r = letter(tmp_path, "--to", "person", "--lang", "en", "--template", str(t))
    assert r.code == 0, r.err
    assert r.out == out


def test_template_not_utf8(tmp_path):
    t = tmp_path / "bad.j2"
    t.write_bytes(b"Hi \xff\n")
    r = letter(tmp_path, "--to", "person", "--template", str(t))
    assert r.code == 2 and r.out == ""
    assert r.err == f"appealkit: error: --template: {t} is not UTF-8\n"


def test_template_errors(tmp_path):
    t = tmp_path / "syn.j2"
    t.write_text("Hi\n{% if x %}\n", encoding="utf-8")
    r = letter(tmp_path, "--to", "person", "--template", str(t))
    assert r.code == 1 and r.out == ""
    assert r.err.startswith(f"appealkit: error: {t}:2: template error: Unexpected end of template.")
    t.write_text("Hi {{ nobody }}\n", encoding="utf-8")
    r = letter(tmp_path, "--to", "person", "--template", str(t))
    assert r.code == 1 and r.out == ""
    assert r.err == f"appealkit: error: {t}: template error: 'nobody' is undefined (in the letter to 'person')\n"


@pytest.mark.parametrize("text,expected", [
    ("a\nb\n\n- x\n- y\n\n\n\nc\n", [{"kind": "para", "lines": ["a", "b"]}, {"kind": "list", "lines": ["x", "y"]},
                                     {"kind": "gap", "lines": []}, {"kind": "para", "lines": ["c"]}]),
    (" " * 36 + "Кому\n" + " " * 36 + "А. Б. Ву\n\nтекст\n\n\n1 марта 2026 г.          Anna Smith\n",
     [{"kind": "right", "lines": ["Кому", "А. Б. Ву"]}, {"kind": "para", "lines": ["текст"]},
      {"kind": "gap", "lines": []}, {"kind": "sign", "lines": ["1 марта 2026 г.", "Anna Smith"]}]),
    ("\n\n- x\nnot an item\n", [{"kind": "para", "lines": ["- x", "not an item"]}]),
    ("  \n\n", []),
])
def test_paragraphs(text, expected):
    assert paragraphs(text) == expected


def test_markdown_escapes_and_breaks():
    assert as_markdown("A *b* [c]\n1. d\n\n- e_f\n- #g\n") == "A \\*b\\* \\[c\\]  \n1\\. d\n\n- e\\_f\n- \\#g\n"


@pytest.mark.parametrize("deadline,day,expected", [
    ("2026-11-28", "2026-11-28", "True|2026-11-28"),   # the deadline day itself is still urgent
    ("2026-11-28", "2026-11-29", None),  # past it the appeal is closed: no letter to an authority
    ("2026-11-28", "2026-11-27", "True|2026-11-28"),
    ("immediately", "2026-11-28", "True|immediately"),
    (None, "2026-11-28", "False|None"),
])
def test_urgency(tmp_path, deadline, day, expected):
    t = tmp_path / "u.j2"
    t.write_text("{{ urgent }}|{{ deadline }}|{{ date }}\n", encoding="utf-8")
    case = CASE + (f"deadline: {deadline}\n" if deadline else "")
    r = run("letter", write(tmp_path, case), "--to", "named", "--template", str(t), "--date", day,
            "--sender-name", "A", "--sender-address", "B")
    assert r.code == 0, r.err
    if expected is None:
        assert r.out == "" and "the appeal closed on 2026-11-28: the letters to the authorities are left out" in r.err
        return
    d = int(day[-2:])
    assert r.out == f"{expected}|{d} November 2026\n"


@pytest.mark.parametrize("lang,date", [("en", "1 March 2026"), ("ru", "1 марта 2026 г.")])
def test_date_in_the_letter_language(tmp_path, lang, date):
    t = tmp_path / "d.j2"
    t.write_text("{{ date }}|{{ lang }}|{{ closing }}\n", encoding="utf-8")
    closing = {"en": "With warm wishes,", "ru": "С теплом,"}[lang]
    r = run("letter", write(tmp_path, CASE), "--to", "person", "--lang", lang, "--template", str(t),
            "--date", "2026-03-01", "--sender-name", "A", "--sender-address", "B")
    assert r.out == f"{date}|{lang}|{closing}\n"


def test_ambassador_without_address_takes_the_persons_country(tmp_path):
    t = tmp_path / "c.j2"
    t.write_text("{{ country }}|{{ recipient.address }}|{{ salutation }}\n", encoding="utf-8")
    case = CASE + "  amb: {role: ambassador, title: Ambassador of Russia}\n"
    r = letter(tmp_path, "--to", "amb", "--template", str(t), case=case)
    assert r.code == 0, r.err
    assert r.out == "Russia|['H.E. the Ambassador of Russia', '[Embassy address in your country]']|Dear Ambassador,\n"


FULL = CASE.replace("  pronoun: she\n", "  pronoun: she\n  description: {en: poet, ru: поэт}\n") + """\
url: https://example.org/jane
copies: {en: the embassy, ru: посольство}
"""


def test_support_context(tmp_path):
    t = tmp_path / "s.j2"
    t.write_text("{{ lang }}|{{ case.id }}|{{ case.title }}|{{ case.url }}|{{ person.name }}|{{ person.pronoun }}|"
                 "{{ person.description }}|{{ person.address }}|{{ recipient }}|{{ sender.name }}|{{ sender.address }}|"
                 "{{ summary }}|{{ asks }}|{{ copies }}|{{ message }}|{{ envelope }}|{{ closing }}|{{ salutation }}|\n",
                 encoding="utf-8")
    r = letter(tmp_path, "--to", "person", "--lang", "en", "--template", str(t), "--message", "Hello  there",
               "--from", "GB", case=FULL)
    assert r.code == 0, r.err
    assert r.out == (
        "en|test-case|A title|https://example.org/jane|Jane Doe|she|poet|['ул. Ленина', 'д. 1', 'г. Москва', '101000']|"
        "None|A B|['1 X', 'Y', 'UNITED KINGDOM']|Something happened.|['Release Jane Doe.']|the embassy|Hello  there|"
        "['Доу Джейн Ивановне', 'ул. Ленина', 'д. 1', 'г. Москва', '101000', 'RUSSIA', '', 'Jane Doe', 'LENINA STREET', "
        "'1', 'MOSKVA', '101000', 'RUSSIA']|With warm wishes,||\n")


def test_authority_context(tmp_path):
    t = tmp_path / "a.j2"
    t.write_text("{{ recipient.id }}|{{ recipient.role }}|{{ recipient.name }}|{{ recipient.title }}|"
                 "{{ recipient.salutation }}|{{ recipient.address }}|{{ person.address }}|{{ envelope }}|{{ country }}\n",
                 encoding="utf-8")
    r = letter(tmp_path, "--to", "excellency", "--template", str(t), "--from", "GB", case=FULL)
    assert r.code == 0, r.err
    assert r.out == ("excellency|minister|Sergei Lavrov|None|Your Excellency,|['Sergei Lavrov', 'ILINKA STREET', "
                     "'23', 'MOSKVA', '103132', 'RUSSIA']|[]|[]|Russia\n")


PRISON = """\
appealkit: 1
id: t
title: T
person:
  name: Jane Doe
  address: {country: RU, lines: [ул. Ленина, д. 1], postcode: "101000", locality: г. Москва}
summary: S
asks: [A]
"""


def test_support_letter_in_the_case_language_says_what_the_prison_takes(tmp_path):
    r = run("letter", write(tmp_path, PRISON), "--to", "person", "--date", "2026-11-28", "--sender-name", "A",
            "--sender-address", "B", "--from", "GB")
    assert r.code == 0
    assert r.err.splitlines()[0] == (
        "appealkit: warning: the letter to the person is in 'en', but Russian prisons pass letters in Russian; "
        "others wait for a translator or are not passed at all (memopzk.org, OVD-Info); give person.name in ru "
        "to write one")


def test_language_without_templates(tmp_path):
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--lang", "de")
    assert (r.code, r.out) == (2, "")
    assert r.err.splitlines()[-1] == ("appealkit: error: --lang: no authority letter templates in 'de'; "
                                      "choose one of en, ru, uk")


@pytest.mark.parametrize("text,lang,ok", [
    ("Бишкек", "ky", True), ("Bishkek", "ky", False), ("Bishkek", "en", True), ("Бишкек", "en", False),
    ("Київ", "uk", True), ("Kyiv", "uk", False),
])
def test_in_script(text, lang, ok):
    from appealkit.letters.naming import in_script

    assert in_script(text, lang) is ok


# -- from the native editors' review (issue 13), formerly test_review_en.py --


CASE_REVIEWED = """\
appealkit: 1
id: en-review
title: A case for the English review
language: en
person:
  name: Test Person
  native_name: Тестов Тест Тестович
  born: 1980
  pronoun: they
  address: {country: RU, lines: ["ФКУ ИК-6 УФСИН России по Владимирской области", "ул. Стационная, д. 1"],
            locality: г. Покров, region: Владимирская обл., postcode: "601446"}
summary: The person is held for their writing.
asks: [Release the person.]
recipients:
  ombudsman:
    role: official
    pronoun: they
    name: Alex Morgan
    title: Ombudsman
    email: ombudsman@example.org
  prosecutor:
    role: prosecutor
    pronoun: he
    name: Alexander Gutsan
    title: Prosecutor General of the Russian Federation
    email: prosecutor@example.org
copies: [prosecutor]
"""


@pytest.fixture(scope="module")
def letters():
    case = appealkit.parse_case(CASE_REVIEWED)
    out = appealkit.compose_letters(case, "all", lang="en", sender_name="Jo Bloggs",
                                    sender_address=["1 High Street", "London N1 1AA"],
                                    sender_country="GB", date=dt.date(2026, 11, 28))
    return {x.to: x for x in out}


def test_an_official_called_they_is_addressed_by_full_name(letters):
    assert letters["ombudsman"].salutation == "Dear Alex Morgan,"
    assert letters["prosecutor"].salutation == "Dear Prosecutor General,"


def test_the_copy_line_puts_the_name_before_the_title(letters):
    assert "\ncc: Alexander Gutsan, Prosecutor General of the Russian Federation\n" in letters["ombudsman"].text


def test_the_state_is_named_without_a_possessive(letters):
    assert ("in accordance with the obligations of the Russian Federation under international human rights "
            "law, including the International Covenant on Civil and Political Rights, and with the UN "
            "Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela Rules).") in letters["ombudsman"].text


def test_the_envelope_labels_its_latin_block(letters):
    text = letters["person"].envelope  # apart from the letter's text
    assert "Latin letters" not in letters["person"].text
    assert "601446\nRUSSIA\n\nThe same in Latin letters, for your post office:\nTest Person, born 1980\n" in text


@pytest.mark.parametrize("cc, name", [
    ("CD", "the Democratic Republic of the Congo"), ("CG", "the Republic of the Congo"),
    ("KN", "St Kitts and Nevis"), ("VC", "St Vincent and the Grenadines"), ("VI", "the US Virgin Islands"),
    ("FM", "Micronesia"), ("VA", "Vatican City"), ("IM", "the Isle of Man"), ("FK", "the Falkland Islands"),
    ("NL", "the Netherlands"), ("CZ", "Czechia"), ("US", "the United States"), ("DE", "Germany"),
])
def test_country_names_in_running_text(cc, name):
    assert country_in_text(cc, "en", lang_data("en")) == name


def test_all_leaves_out_the_ambassador_of_the_writers_own_country():
    """There is no embassy of Ukraine in Ukraine: `--to all` from UA has no letter to its ambassador
    (the library's `all` neither); from elsewhere it has; asked for by name, it is written."""
    home = run("letter", "examples/ua-kovalenko.yaml", "--to", "all", "--lang", "uk", "--from", "UA")
    away = run("letter", "examples/ua-kovalenko.yaml", "--to", "all", "--lang", "uk", "--from", "GB")
    assert home.code == away.code == 0
    assert "Послу України" not in home.out and "Ваша Ексцеленціє!" not in home.out
    assert "Шановний Руслане Миколайовичу!" in home.out
    assert "Послу України у Великій Британії" in away.out
    case = load_case(str(ROOT / "examples" / "ua-kovalenko.yaml"))
    assert "ambassador" not in [x.to for x in appealkit.compose_letters(case, "all", lang="uk", sender_country="UA")]
    assert "ambassador" in [x.to for x in appealkit.compose_letters(case, "all", lang="uk", sender_country="GB")]
    named = run("letter", "examples/ua-kovalenko.yaml", "--to", "ambassador", "--lang", "uk", "--from", "UA")
    assert "Ваша Ексцеленціє!" in named.out

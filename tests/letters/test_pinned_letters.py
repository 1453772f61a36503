"""Letter behaviours that mutation testing found unpinned (issue 18): `--template` files (not
UTF-8, syntax errors, tidying), salutations without a name, the native name in the support
letter's `To:` line, the template context. Expected texts are written out by hand."""

from __future__ import annotations

import pytest

from appealkit.letters.render import as_markdown, paragraphs

from ..conftest import run, write

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
SENDER = ["--date", "2026-11-28", "--sender-name", "A B", "--sender-address", "1 X; Y"]
CONTEXT = ("{{ salutation }}|{{ recipient.name }}|{{ country }}|{{ urgent }}|{{ deadline }}|"
           "{{ case.organisation }}|{{ person.first_name }}|{{ person.full_name }}|{{ sender.country }}\n")


def letter(tmp_path, *args, case=CASE):
    return run("letter", write(tmp_path, case), *SENDER, *args)


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

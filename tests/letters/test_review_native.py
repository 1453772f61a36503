"""The native editor's second review of issue 24's letters (copies «в вашей стране» among others,
the support letter's greeting, case endings, the Belarusian «Кому» block, asks meant for
supporters, and the smaller points), each pinned by the text a native editor signs."""

from __future__ import annotations

import pytest

from ..conftest import run
from .test_letters_official import CASE, SENDER


def write(tmp_path, text: str) -> str:
    p = tmp_path / "case.yaml"
    p.write_text(text, encoding="utf-8")
    return str(p)


def letter(path: str, to: str, lang: str, *extra: str):
    r = run("letter", path, "--to", to, "--lang", lang, *SENDER, *extra)
    assert r.code == 0, r.err
    return r


YOUR_COUNTRY = "  - {en: the embassy of Russia in your country, ru: посольство России в вашей стране, " \
               "uk: посольство Росії у вашій країні}\n"


@pytest.mark.parametrize("copies,line", [
    ("Посольство Российской Федерации в вашей стране; Уполномоченный по правам человека в Республике Карелия",
     "Копии: Посольству Российской Федерации в Великобритании; Уполномоченному по правам человека в Республике "
     "Карелия; Прокурору Республики Карелия М. С. Ивановой"),
    ("Уполномоченному по правам человека в Республике Карелия, а также посольству России в вашей стране",
     "Копии: Уполномоченному по правам человека в Республике Карелия, а также посольству России в "
     "Великобритании; Прокурору Республики Карелия М. С. Ивановой"),
])
def test_a_copies_text_in_your_country_keeps_the_other_recipients(tmp_path, copies, line):
    path = write(tmp_path, CASE.replace(YOUR_COUNTRY, f"  - {{ru: '{copies}'}}\n"))
    r = letter(path, "city", "ru")
    assert f"\n{line}\n" in r.out


def test_a_mixed_copies_text_to_the_ambassador_warns_that_it_names_the_embassy(tmp_path):
    path = write(tmp_path, CASE.replace(YOUR_COUNTRY, "  - {ru: 'Уполномоченному по правам человека, а также "
                                                       "посольству России в вашей стране'}\n"))
    r = letter(path, "ambassador", "ru")
    assert "\nКопии: Уполномоченному по правам человека, а также посольству России в Великобритании; " in r.out
    assert "names an embassy 'in your country' among other recipients" in r.err


@pytest.mark.parametrize("name,greeting", [
    ("{en: Pavel Orlov, ru: Орлов Павел Андреевич}", "Здравствуйте, Павел!"),
    ("{en: Pavel Orlov, ru: Орлов Павел}", "Здравствуйте, Павел!"),
    ("{en: Pavel Orlov, ru: Павел Орлов}", "Здравствуйте, Павел!"),
])
def test_the_support_letter_greets_by_the_given_name_in_either_order(tmp_path, name, greeting):
    path = write(tmp_path, CASE.replace("  name: {en: Pavel Orlov, ru: Павел Орлов, uk: Павло Орлов}\n",
                                        f"  name: {name}\n"))
    out = letter(path, "person", "ru").out
    assert f"\n{greeting}\n" in out and "\nКому: Орлову Павлу Андреевичу, 1980 г. р.\n" in out

"""The English editor's review: forms of address, the copy line, country names in running text
and the envelope in English letters, with literal expectations."""

from __future__ import annotations

import datetime as dt

import pytest

import appealkit
from appealkit.letters.naming import country_in_text
from appealkit.letters.render import lang_data

CASE = """\
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
    case = appealkit.parse_case(CASE)
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

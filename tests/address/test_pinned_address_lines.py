"""Address lines in translate style and country lines by sender, pinned (issue 18). Expected
values are written out by hand."""

from __future__ import annotations

import pytest

from appealkit import transliterate
from appealkit.address.abbrev import translate_line
from appealkit.address.countries import check_sender_country, country_line, country_name, upper
from appealkit.errors import UsageError


@pytest.mark.parametrize("line,lang,expected", [
    ("ул.Циолковского бн.", "ru", "Tsiolkovskogo Street b/n"),
    ("ул. Ленина, д. 5, кв. 12", "ru", "Lenina Street, 5, flat 12"),
    ("г. Павлодар", "ru", "Pavlodar"),
    ("пр-т Мира 5", "ru", "Mira Avenue 5"),
    ("Ленина ул.", "ru", "Lenina Street"),
    ("Мира пр.", "ru", "Mira Avenue"),
    ("а/я 12", "ru", "PO Box 12"),
    ("1983 г.р.", "ru", "1983 (year of birth)"),
    ("Алматы обл.", "ru", "Almaty Region"),
    ("ул. Красная Пресня", "ru", "Krasnaia Presnia Street"),
    # a word that starts like an undotted form is not split ("Бульвар-ная", "Дом-бровского")
    ("Бульварная ул.", "ru", "Bulvarnaia Street"),
    ("Домбровского ул.", "ru", "Dombrovskogo Street"),
    ("ул.Домбровского", "ru", "Dombrovskogo Street"),
    ("Учреждение ИК-2", "ru", "Uchrezhdenie IK-2"),
    ("ул.", "ru", "Street"),
    ("с. Ивановка", "ru", "Ivanovka Village"),
    ("пос. Ивановка", "ru", "Ivanovka Settlement"),
    ("Абая даңғ. 10", "kk", "Abaia Avenue 10"),
    ("вул. Хрещатик, буд. 1", "uk", "Khreshchatyk Street, 1"),
    ("вул.Леніна", "be", "Lenina Street"),
    # two abbreviations, one name: the first takes it, the second stands alone
    ("ул. Ленина обл.", "ru", "Lenina Street Region"),
    ("г. Москва р-н", "ru", "Moskva District"),
    ("ул. Мира пр.", "ru", "Mira Street Avenue"),
])
def test_translate_line(line, lang, expected):
    assert translate_line(line, (lang,), lambda s: transliterate(s, "icao", lang)) == expected


def test_language_without_abbreviations_is_transliterated():
    assert translate_line("ул. Москва", ("xx",), lambda s: transliterate(s, "icao", "ru")) == "ul. Moskva"


@pytest.mark.parametrize("sender,line", [
    (None, "KAZAKHSTAN"), ("KZ", None), ("DE", "KASACHSTAN"), ("TR", "KAZAKİSTAN"), ("AZ", "QAZAXISTAN"),
    ("RU", "КАЗАХСТАН"), ("JP", "カザフスタン"), ("XK", "KAZAKISTAN"), ("AQ", "KAZAKHSTAN"),
])
def test_country_line(sender, line):
    assert country_line("KZ", sender) == line


@pytest.mark.parametrize("text,lang,expected", [
    ("iki", "tr", "İKİ"), ("iki", "az", "İKİ"), ("iki", "kk_KZ", "İKİ"), ("iki", "en", "IKI"), ("iki", "de", "IKI"),
])
def test_upper(text, lang, expected):
    assert upper(text, lang) == expected


@pytest.mark.parametrize("cc,lang,name", [
    ("KZ", "zz", "Kazakhstan"), ("KZ", "x-y", "Kazakhstan"), ("GB", "de", "Vereinigtes Königreich"),
    ("KZ", "ru", "Казахстан"),
])
def test_country_name(cc, lang, name):
    assert country_name(cc, lang) == name


def test_sender_country():
    assert check_sender_country(None) is None
    assert check_sender_country(" gb ") == "GB"
    with pytest.raises(UsageError) as info:
        check_sender_country("UK")
    assert info.value.message == "'UK' is not an ISO 3166-1 alpha-2 country code (like GB, DE, RU)"


@pytest.mark.parametrize("name,pronoun,dative", [
    ("Петров Алексей Иванович", None, "Петрову Алексею Ивановичу"),
    ("Петрова Анна Сергеевна", None, "Петровой Анне Сергеевне"),
    ("Петров Алексей Иванович", "he", "Петрову Алексею Ивановичу"),
    ("Алиев Тимур", None, "Алиеву Тимуру"),
])
def test_envelope_name_in_the_dative(name, pronoun, dative):
    from appealkit.address.addressee import decline

    assert decline(name, "ru", pronoun) == dative

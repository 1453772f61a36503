"""`appealkit facts`: what the tool knows of office holders, with sources and dates; and the
stale warnings it drives: deputies, lower offices and holders in other languages are no mistake."""

from __future__ import annotations

import json

import pytest

from appealkit.address.checks import stale_addressee

from ..conftest import run


def test_facts_text_names_holder_date_and_source():
    r = run("facts", "--country", "by")
    assert r.code == 0 and r.err == ""
    assert "BY  Prosecutor General of Belarus: Dmitry Gora (as of 2025-12-23, in office since 2025-12-23)" in r.out
    assert "former: Andrei Shved (until 2025-12-23)" in r.out
    assert "source: Gazeta.ru, 2025-12-23" in r.out


def test_facts_json_every_office_dated_and_sourced():
    r = run("facts", "--json")
    data = json.loads(r.out)
    assert {o["country"] for o in data["offices"]} >= {"RU", "BY", "KZ", "VN"}
    for o in data["offices"]:
        assert o["verified"][:2] == "20" and o["source"] and o["status"]
    assert any(p["old_name"] == "Nur-Sultan" for p in data["places"])


def test_an_office_no_recent_source_confirms_says_so():
    data = json.loads(run("facts", "--country", "VN", "--json").out)
    assert data["offices"][0]["status"] == "unconfirmed since 2026-04-01"


def test_facts_refuses_a_bad_country():
    r = run("facts", "--country", "Russia")
    assert r.code == 2 and r.out == ""
    assert r.err.startswith("appealkit: error: ") and "'Russia' is not an ISO 3166-1" in r.err


@pytest.mark.parametrize("cc,role,title,name", [
    ("RU", "prosecutor", "Заместитель Генерального прокурора Российской Федерации", "Ткачёв Игорь Валерьевич"),
    ("RU", "minister", "Deputy Minister of Internal Affairs", "Igor Zubov"),
    ("TR", "minister", "Adalet Bakan Yardımcısı", "Ahmet Yıldız"),
    ("RU", "prosecutor", "Prosecutor of the City of Moscow", "Denis Popov"),
    ("KZ", "prosecutor", "Прокурор Павлодарской области", "Иванов Иван"),
    ("BY", "prosecutor", "Генеральны пракурор Рэспублікі Беларусь", "Дзмітрый Гара"),
    ("BY", "prosecutor", "Генеральный прокурор Республики Беларусь", "Гора Дмитрий Геннадьевич"),
    ("RU", "head-of-state", "Президент Російської Федерації", "Володимир Путін"),
    ("VN", "head-of-state", "President of Vietnam", "To Lam"),
])
def test_no_false_stale_warning(cc, role, title, name):
    assert stale_addressee(cc, role, [title], [name]) is None


def test_an_untitled_lower_office_is_not_the_holder():
    assert stale_addressee("RU", "prosecutor", [], ["Denis Popov"], ["Прокуратура Владимирской области"]) is None
    assert stale_addressee("RU", "prosecutor", [], ["Igor Krasnov"]) is not None


def test_a_former_holder_is_still_named_where_the_holder_is_unconfirmed():
    msg = stale_addressee("VN", "head-of-state", ["President"], ["Vo Van Thuong"])
    assert msg == "Vo Van Thuong has not been President of Vietnam since 2024-03-21: check the addressee"

"""`appealkit address`: the seed block byte for byte (every country's cases: test_countries.py),
country lines by sender, styles and schemes, JSON."""

from __future__ import annotations

import json

import pytest

from appealkit.address.countries import known_countries

from ..conftest import ROOT, run

SEED = """\
Aron Atabek
Учреждение АП-162/1, ул.Циолковского бн.
140000 г. Павлодар
KAZAKHSTAN

Aron Atabek
Uchrezhdenie AP-162/1, Tsiolkovskogo Street b/n
140000 PAVLODAR
KAZAKHSTAN
"""

def test_seed_exactly():
    r = run("address", "examples/atabek.yaml")
    assert r.code == 0
    assert r.out == SEED


def test_required_countries_have_data():
    need = "KZ RU BY UA KG UZ TJ TM AZ GE AM TR IR CN EG SA BH VN US GB DE FR".split()
    assert set(need) <= set(known_countries())
    for cc in need:
        assert (ROOT / "tests" / "countries" / f"{cc.lower()}.yaml").is_file(), cc


@pytest.mark.parametrize("sender,line", [("DE", "KASACHSTAN"), ("FR", "KAZAKHSTAN"), ("RU", "КАЗАХСТАН"),
                                         ("GB", "KAZAKHSTAN"), ("US", "KAZAKHSTAN"), ("TR", "KAZAKİSTAN"),
                                         ("KZ", None)])
def test_country_line_by_sender(sender, line):
    r = run("address", "examples/atabek.yaml", "--from", sender, "--json")
    assert json.loads(r.out)["country_line"] == line


def test_from_env(monkeypatch):
    monkeypatch.setenv("APPEALKIT_FROM", "DE")
    assert "KASACHSTAN" in run("address", "examples/atabek.yaml").out


def test_transliterate_style_and_scheme():
    r = run("address", "examples/atabek.yaml", "--style", "transliterate", "--script", "latin")
    assert "Uchrezhdenie AP-162/1, ul.Tsiolkovskogo bn." in r.out
    assert "140000 G. PAVLODAR" in r.out
    r = run("address", "examples/atabek.yaml", "--scheme", "bgn-pcgn", "--json")
    assert json.loads(r.out)["latin"][1] == "Uchrezhdeniye AP-162/1, Tsiolkovskogo Street b/n"


def test_json_shape_and_all():
    r = run("address", "examples/atabek.yaml", "--to", "all", "--json")
    rows = json.loads(r.out)
    assert [x["to"] for x in rows] == ["person", "president", "minister", "ambassador"]
    for row in rows:
        assert set(row) == {"to", "name", "local", "latin", "country", "country_line", "scheme", "style",
                            "printed", "country_line_at"}
    assert rows[1]["latin"][:2] == ["President of Kazakhstan", "Nursultan Nazarbayev"]


def test_ambassador_block_and_embassy_address():
    r = run("address", "examples/atabek.yaml", "--to", "ambassador")
    assert r.out == "H.E. the Ambassador of the Republic of Kazakhstan\n[Embassy address in your country]\n"
    r = run("address", "examples/atabek.yaml", "--to", "ambassador", "--embassy-address", "125 Pall Mall; London SW1Y 5EA")
    assert r.out.splitlines()[1:] == ["125 Pall Mall", "London SW1Y 5EA"]


def test_latin_country_prints_one_block(tmp_path):
    r = run("address", "examples/ir-evin.yaml", "--to", "judiciary")
    assert r.out.count("Office of the Head of the Judiciary") == 1


def test_latin_override_replaces_rendering():
    r = run("address", "examples/ru-penal-colony.yaml", "--to", "prosecutor", "--json")
    assert "UL. BOLSHAYA DMITROVKA, 15A" in json.loads(r.out)["latin"]


def test_unknown_recipient_is_usage_error():
    r = run("address", "examples/atabek.yaml", "--to", "nobody")
    assert r.code == 2 and "choose one of person, president" in r.err


def test_mixed_script_warning_on_stderr_not_stdout(tmp_path):
    text = (ROOT / "examples/atabek.yaml").read_text(encoding="utf-8").replace("АП-162/1", "AП-162/1")
    p = tmp_path / "mixed.yaml"
    p.write_text(text, encoding="utf-8")
    r = run("address", str(p))
    assert r.code == 0 and "U+0041" in r.err and "warning" not in r.out


def test_country_names_file_is_cldr():
    """data/country-names/ (tools/country_names.py) holds exactly what the pinned Babel says."""
    import sys

    from ..conftest import require_pinned

    require_pinned("Babel")
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import country_names
    finally:
        sys.path.pop(0)
    from appealkit.address.countries import _cldr

    fresh = country_names.build()
    assert _cldr("_official") == fresh["official"]
    shipped = {p.stem for p in (ROOT / "data" / "country-names").glob("*.json") if not p.stem.startswith("_")}
    assert shipped == set(fresh["names"])
    for lang, names in fresh["names"].items():
        assert _cldr(lang) == names, lang


def test_country_line_for_a_language_outside_the_file():
    from appealkit.address.countries import _cldr, country_name

    assert _cldr("gsw") == {}
    assert country_name("KZ", "gsw") == "Kasachschtan"  # Swiss German, straight from Babel

"""`appealkit address`: the seed block byte for byte (every country's cases: test_countries.py),
country lines by sender, styles and schemes, JSON.
Also the tests pinned by the mutation-testing pass (issue 18), formerly test_pinned_address.py."""

from __future__ import annotations

import json

import pytest

from appealkit.address.countries import known_countries

from ..conftest import MINIMAL, ROOT, run, write

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


# -- pinned by the mutation-testing pass (issue 18), formerly test_pinned_address.py --


RECIPIENTS = MINIMAL + """\
recipients:
  amb:
    role: ambassador
    name: Ivan Petrov
  amb2:
    role: ambassador
    title: Ambassador of Russia
  amb3:
    role: ambassador
  org:
    role: official
    name: Anna Smith
    organisation: Ministry of Justice
    address: {country: GB, lines: [1 High Street], postcode: "N1 1AA", locality: London}
  orgonly:
    role: official
    organisation: Ministry of Justice
    address: {country: GB, lines: [1 High Street], postcode: "N1 1AA", locality: London}
  pm: {role: head-of-government}
"""

LOCAL = """\
Aron Atabek
Учреждение АП-162/1, ул.Циолковского бн.
140000 г. Павлодар
KAZAKHSTAN
"""

LATIN = """\
Aron Atabek
Uchrezhdenie AP-162/1, Tsiolkovskogo Street b/n
140000 PAVLODAR
KAZAKHSTAN
"""


@pytest.mark.parametrize("script,expected", [("local", LOCAL), ("latin", LATIN), ("both", LOCAL + "\n" + LATIN)])
def test_script(script, expected):
    r = run("address", "examples/atabek.yaml", "--script", script)
    assert r.code == 0
    assert r.out == expected


def test_script_local_where_the_destination_writes_latin(tmp_path):
    r = run("address", write(tmp_path, RECIPIENTS), "--to", "org", "--script", "local")
    assert r.code == 0
    assert r.out == "Anna Smith\nMinistry of Justice\n1 High Street\nLONDON\nN1 1AA\nUNITED KINGDOM\n"


def test_to_all_without_the_persons_address(tmp_path):
    """No person block, ambassadors at the embassy (H.E. and the name, else the title), an
    organisation under its official's name or alone, and no block for a recipient without an
    address; domestic mail from GB has no country line."""
    r = run("address", write(tmp_path, RECIPIENTS), "--to", "all", "--from", "GB")
    assert r.code == 0
    assert r.out == """\
# amb
H.E. Ivan Petrov
[Embassy address in your country]

# amb2
H.E. the Ambassador of Russia
[Embassy address in your country]

# amb3
H.E. the Ambassador
[Embassy address in your country]

# org
Anna Smith
Ministry of Justice
1 High Street
LONDON
N1 1AA

# orgonly
Ministry of Justice
1 High Street
LONDON
N1 1AA
"""


def test_named_ambassador_with_embassy_address(tmp_path):
    r = run("address", write(tmp_path, RECIPIENTS), "--to", "amb", "--embassy-address", "1 Embassy Row; London SW1")
    assert r.code == 0
    assert r.out == "H.E. Ivan Petrov\n1 Embassy Row\nLondon SW1\n"


def test_block_json(tmp_path):
    r = run("address", write(tmp_path, RECIPIENTS), "--to", "org", "--json")
    assert r.code == 0
    lines = ["Anna Smith", "Ministry of Justice", "1 High Street", "LONDON", "N1 1AA"]
    assert json.loads(r.out) == {"to": "org", "name": "Anna Smith, Ministry of Justice", "local": lines,
                                 "latin": lines, "country": "GB", "country_line": "UNITED KINGDOM",
                                 "scheme": "icao", "style": "translate",
                                 # the country line is the last printed line (UPU)
                                 "printed": lines + ["UNITED KINGDOM"], "country_line_at": [5]}


@pytest.mark.parametrize("args,code,err", [
    (["--to", "person"], 1, ":5:3: person has no address: this case gives no way to write to them"),
    (["--to", "pm"], 1, ":27:7: recipient 'pm' has no postal address"),
    (["--to", "nobody"], 2,
     "no recipient 'nobody' in this case; choose one of person, amb, amb2, amb3, org, orgonly, pm, all"),
    (["--to", "org", "--style", "fancy"], 2,
     "Invalid value for '--style': 'fancy' is not one of 'translate', 'transliterate'. (see 'appealkit address --help')"),
])
def test_refusals(tmp_path, args, code, err):
    r = run("address", write(tmp_path, RECIPIENTS), *args)
    assert r.code == code and r.out == ""
    assert r.err.startswith("appealkit: error: ") and r.err.rstrip("\n").endswith(err)
    assert r.err.count("\n") == 1


def test_ambassador_with_an_address(tmp_path):
    text = RECIPIENTS + """\
  amb4:
    role: ambassador
    name: Ivan Petrov
    title: Ambassador of Russia
    address: {country: GB, lines: [6/7 Kensington Palace Gardens], postcode: W8 4QP, locality: London}
"""
    r = run("address", write(tmp_path, text), "--to", "amb4", "--from", "DE")
    assert r.code == 0
    assert r.out == "H.E. Ivan Petrov\n6/7 Kensington Palace Gardens\nLONDON\nW8 4QP\nVEREINIGTES KÖNIGREICH\n"


def test_latin_destination_prints_one_block_with_the_latin_parts(tmp_path):
    """Where the destination writes Latin, the one block printed is the Latin one, a case's
    `latin` parts included, for the local post as well."""
    text = RECIPIENTS.replace("lines: [1 High Street], postcode", "lines: [1 High St], latin: {lines: [1 High Street]}, postcode")
    r = run("address", write(tmp_path, text), "--to", "org", "--json")
    lines = ["Anna Smith", "Ministry of Justice", "1 High Street", "LONDON", "N1 1AA"]
    assert (json.loads(r.out)["local"], json.loads(r.out)["latin"]) == (lines, lines)

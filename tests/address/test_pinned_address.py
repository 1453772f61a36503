"""Address behaviours that mutation testing found unpinned (issue 18): `--script`, ambassadors
without an address, recipients with an organisation and no title, `--to all` when the person has
no address. Every expected block is written out by hand."""

from __future__ import annotations

import json

import pytest

from ..conftest import MINIMAL, run, write

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

"""appealkit.scripts: the one answer to "which script is this?" (issue 21), and what it fixed:
English letters accept Latin-script names beyond Latin-1 (Vietnamese, Azerbaijani)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import appealkit
from appealkit import scripts
from appealkit.resources import data_path

TABLE = json.loads(data_path("scripts.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text,expected", sorted(TABLE["samples"].items()))
def test_samples(text, expected):
    assert scripts.scripts_in(text) == set(expected.split())


def test_table_names_its_source_and_version():
    assert TABLE["unicode"][0].isdigit() and "regex" in TABLE["source"]
    assert scripts.name("Latn") == "Latin" and scripts.name("Cyrl") == "Cyrillic"


@pytest.mark.parametrize("ch,expected", [("a", "Latn"), ("7", None), (",", None), ("\u0301", None),
                                         ("ə", "Latn"), ("ạ", "Latn"), ("ı", "Latn"), ("ѣ", "Cyrl"),
                                         ("ο", "Grek"), ("о", "Cyrl"), ("o", "Latn"), ("\U0001e030", "Cyrl")])
def test_of(ch, expected):
    assert scripts.of(ch) == expected


def test_only_and_has():
    assert scripts.only("Phạm Đoan Trang, 1979", scripts.LATIN)
    assert not scripts.only("Jаne", scripts.LATIN)  # a Cyrillic а
    assert scripts.has("Jаne", scripts.CYRILLIC) and not scripts.has("Jane", scripts.CYRILLIC)
    assert scripts.pattern(scripts.CYRILLIC).search("ул. Ленина").group() == "у"


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "atabek.yaml"


@pytest.mark.parametrize("name", ["Phạm Đoan Trang", "Bəxtiyar Hacıyev"])
def test_english_letter_takes_a_latin_script_name(name):
    text = EXAMPLE.read_text(encoding="utf-8").replace("  name: Aron Atabek", f"  name: {name}")
    assert name in text
    case = appealkit.parse_case(text, "case.yaml")
    letters = appealkit.compose_letters(case, "president", sender_name="A. Supporter", lang="en")
    assert name in letters[0].text

"""The samples of data/import-formats.yaml: dates, status words, pronouns and address splits."""

from __future__ import annotations

import pytest

from appealkit.importers.address import split_address
from appealkit.importers.person import parse_born, pronoun_of, status_of
from appealkit.importers.read import formats_data

SAMPLES = formats_data()["samples"]


@pytest.mark.parametrize("s", SAMPLES["born"], ids=lambda s: str(s["text"]))
def test_born(s):
    if s["born"] is None:
        with pytest.raises(ValueError):
            parse_born(s["text"])
    else:
        assert parse_born(s["text"]) == s["born"]


@pytest.mark.parametrize("s", SAMPLES["status"], ids=lambda s: s["text"])
def test_status(s):
    assert status_of(s["text"]) == s["status"]


@pytest.mark.parametrize("s", SAMPLES["pronoun"], ids=lambda s: s["name"] + s.get("gender", ""))
def test_pronoun(s):
    assert pronoun_of(s["name"], s.get("gender", "")) == s["pronoun"]


@pytest.mark.parametrize("s", SAMPLES["address"], ids=lambda s: s["text"][:30])
def test_address_split(s):
    got = split_address(s["text"], s["country"], "ru")
    assert got.lines == s["lines"]
    assert got.fields == s["fields"]
    assert got.born_year == s.get("born")

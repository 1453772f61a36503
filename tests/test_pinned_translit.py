"""Transliteration behaviours that mutation testing found unpinned (issue 18): capitals after a
letter that maps to nothing, lone initials beside ALL-CAPS words, language detection per sign
letter. Every expectation is written out by hand."""

from __future__ import annotations

import pytest

from appealkit import transliterate
from appealkit.translit import detect_language

from .conftest import run


@pytest.mark.parametrize("text,scheme,expected", [
    # a capital whose letter maps to nothing (word-initial Ь) passes its capital on
    ("Ьоро", "icao", "Oro"),
    ("ьОро", "icao", "Oro"),
    ("ЬОРО", "icao", "ORO"),
    ("Ь", "icao", ""),
    ("ьЁ", "icao", "E"),
    ("Ь А", "icao", " A"),
    # initials take the case of the nearest longer word, the following one first
    ("ЩЕГЛОВА В. Ю.", "icao", "SHCHEGLOVA V. IU."),
    ("Ю. В. ЩЕГЛОВА", "icao", "IU. V. SHCHEGLOVA"),
    ("ЩЕГЛОВА Ю.", "icao", "SHCHEGLOVA IU."),
    ("Ю. Щеглова", "icao", "Iu. Shcheglova"),
    ("Щеглова Ю.", "icao", "Shcheglova Iu."),
    ("Ю. В. Щеглова", "icao", "Iu. V. Shcheglova"),
    ("ПЕТРОВ Ю. Щеглова", "icao", "PETROV Iu. Shcheglova"),
    ("Щеглова Ю. ПЕТРОВ", "icao", "Shcheglova IU. PETROV"),
    ("Ю", "icao", "Iu"),
    ("Ю В", "icao", "Iu V"),
    # each letter keeps its own case inside a mixed-case word
    ("МакДональд", "icao", "MakDonald"),
    ("Ёлка", "bgn-pcgn", "Yëlka"),
    ("ЁЛКА", "bgn-pcgn", "YËLKA"),
    ("Объезд", "bgn-pcgn", "Ob”yezd"),
    ("ЪЕЗД", "iso9", "ʺEZD"),
    # text without Cyrillic passes through, NFC-normalised
    ("e\u0301", "icao", "\u00e9"),
    ("Atabek 1983", "icao", "Atabek 1983"),
])
def test_case_of_letters(text, scheme, expected):
    assert transliterate(text, scheme) == expected


def test_translit_command_keeps_caps_of_initials():
    r = run("translit", "ЩЕГЛОВА В. Ю.", "Ю. Щеглова")
    assert r.code == 0
    assert r.out == "SHCHEGLOVA V. IU.\nIu. Shcheglova\n"


@pytest.mark.parametrize("text,country,lang", [
    ("Брэст вуліца", None, "be"),
    ("Ўладзімір", None, "be"),
    ("Київ", None, "uk"),
    ("Євген", None, "uk"),
    ("Ґанок", None, "uk"),
    ("Қарағанды", None, "kk"),
    ("Һ", None, "kk"),
    ("Бишкек көчөсү", None, "ky"),
    ("Үй", None, "ky"),
    ("Москва", None, "ru"),
    ("Біла", None, "uk"),
    ("Біла", "BY", "be"),
    ("Біла", "KZ", "kk"),
    ("Біла", "UA", "uk"),
    ("Б\u0456лы", None, "be"),
    ("Харків", "UA", "uk"),
    ("Харк\u0456в", "RU", "uk"),
    ("Львов", "UA", "ru"),
    ("Лиман", "UA", "uk"),
    ("Лиман", "RU", "ru"),
    ("Съезд Лиман", "UA", "ru"),
])
def test_detect_language(text, country, lang):
    assert detect_language(text, country) == lang

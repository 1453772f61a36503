"""Transliteration behaviours that mutation testing found unpinned (issue 18): capitals after a
letter that maps to nothing, lone initials beside ALL-CAPS words, language detection per sign
letter. Every expectation is written out by hand."""

from __future__ import annotations

import pytest

from appealkit import transliterate
from appealkit.translit import detect_language

from ..conftest import run


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
    # Latin letters beside Cyrillic ones say nothing of the language
    ("Учреждение ИК-2, корпус X", None, "ru"),
    ("Учреждение ИК-2, корпус X", "KZ", "ru"),
])
def test_detect_language(text, country, lang):
    assert detect_language(text, country) == lang


@pytest.mark.parametrize("args,expected", [
    # letters a standard lacks: the scheme's fallback, then ISO 9, then Unidecode
    (("Ѣ", "icao"), "Ě"),
    (("ѣ", "iso9"), "ě"),
    (("Ѫ", "icao"), "Ǎ"),
    (("Ғалым", "icao", "kk"), "Galym"),
    (("Ғалым", "icao"), "Galym"),
    (("Ғалым", "bgn-pcgn"), "Ghalym"),
    (("Қазақстан", "kz-2021"), "Qazaqstan"),
    (("ИІ", "kz-2021"), "İI"),
    (("і", "kz-2021"), "ı"),
    (("Привет", "ascii"), "Privet"),
    (("e\u0301Ж", "ascii"), "eZh"),
    (("Привет", "ua-2010"), "Pryvet"),
    (("Згорани", "ua-2010", "uk"), "Zghorany"),
    (("Щука", "gost-b"), "Shhuka"),
    (("Щука", "scientific"), "Ščuka"),
    (("Щука", "wikipedia"), "Shchuka"),
    (("Ўлад", "by-2007"), "Ŭlad"),
])
def test_schemes_and_fallbacks(args, expected):
    assert transliterate(*args) == expected


def test_scheme_ids():
    from appealkit.translit import list_schemes

    ids = [s.id for s in list_schemes()]
    assert ids == sorted(ids)
    assert {"ascii", "bgn-pcgn", "by-2007", "gost-b", "icao", "iso9", "kz-2021", "scientific", "ua-2010",
            "wikipedia"} <= set(ids)


def _ids() -> str:
    from appealkit.translit import list_schemes

    return ", ".join(s.id for s in list_schemes())


@pytest.mark.parametrize("args,error,message", [
    (("x", "nope"), "UsageError", "unknown scheme 'nope' (schemes: {ids})"),
    (("x", "icao2"), "UsageError", "unknown scheme 'icao2'; did you mean 'icao'? (schemes: {ids})"),
    (("x", "icao", "de"), "UsageError", "unknown language 'de'; choose one of ru, uk, be, kk, ky"),
    ((5,), "TypeError", "transliterate() takes a str"),
])
def test_refusals(args, error, message):
    with pytest.raises(Exception) as info:
        transliterate(*args)
    assert (type(info.value).__name__, str(info.value)) == (error, message.replace("{ids}", _ids()))


def _uncovered(scheme: str, covered: str, name: str, lang: str) -> str:
    return (f"scheme '{scheme}' covers {covered}; this text reads as {name} ({lang}), which it does not cover, "
            f"so the result follows no standard for {name}: choose a scheme that covers {name} "
            "('appealkit schemes' lists them)")


@pytest.mark.parametrize("args,warning", [
    (("kz-2021", "Москва"), _uncovered("kz-2021", "Kazakh (kk)", "Russian", "ru")),
    (("ua-2010", "Бишкек көчөсү"), _uncovered("ua-2010", "Ukrainian (uk)", "Kyrgyz", "ky")),
    (("by-2007", "Бишкек", "ky"), _uncovered("by-2007", "Belarusian (be)", "Kyrgyz", "ky")),
    (("by-2007", "Мінск", None, "BY"), None),
    (("icao", "Москва"), None),
    (("ascii", "Москва"), None),
    (("by-2007", "Abc"), None),
])
def test_scheme_coverage(args, warning):
    from appealkit.translit.coverage import coverage_warning

    assert coverage_warning(*args) == warning

"""Every sample of every scheme (data/schemes/*.yaml), their ALL-CAPS forms, and properties.
Also the tests pinned by the mutation-testing pass (issue 18), formerly test_pinned_translit.py."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import appealkit
from appealkit import transliterate
from appealkit.scripts import CYRILLIC, pattern
from appealkit.translit import detect_language, list_schemes

from ..conftest import run

ANY_CYR = pattern(CYRILLIC)

SAMPLES = [(s.id, row[0], row[1], row[2]) for s in list_schemes() for row in s.samples]
SCHEMES = sorted({s for s, *_ in SAMPLES})
ALPHABETS = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
    "be": "абвгґдеёжзійклмнопрстуўфхцчшыьэюя'",
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ky": "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя",
}


# one test per scheme (not per sample: over a thousand samples), naming every sample that fails
@pytest.mark.parametrize("scheme", SCHEMES)
def test_published_samples(scheme):
    wrong = [(text, expected, out) for s, lang, text, expected in SAMPLES if s == scheme
             for out in [appealkit.transliterate(text, scheme, None if lang == "any" else lang)] if out != expected]
    assert not wrong, "\n".join(f"{t!r}: expected {e!r}, got {o!r}" for t, e, o in wrong)


# Kazakh's 2021 alphabet pairs dotted İ/i and dotless I/ı, as Turkish does; elsewhere str.upper
TURKIC = {"kz-2021"}


def _caps(s: str, scheme: str) -> str:
    return (s.replace("i", "İ") if scheme in TURKIC else s).upper()


def test_caps_rule_itself():
    assert _caps("Qazyny bır", "kz-2021") == "QAZYNY BIR" and _caps("Aqtöbe bi", "kz-2021") == "AQTÖBE Bİ"
    assert _caps("Shcheglova", "icao") == "SHCHEGLOVA"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_all_caps_samples(scheme):
    # scripts without capitals (Arabic) have no ALL-CAPS form
    wrong = []
    for s, lang, text, expected in SAMPLES:
        if s != scheme or lang == "any" or text.upper() == text:
            continue
        want = _caps(expected, scheme)
        out = appealkit.transliterate(text.upper(), scheme, lang)
        if out != want:
            wrong.append((text.upper(), want, out))
    assert not wrong, "\n".join(f"{t!r}: expected {e!r}, got {o!r}" for t, e, o in wrong)


def test_every_scheme_has_samples():
    for s in list_schemes():
        assert len(s.samples) >= 2, s.id


@pytest.mark.parametrize("scheme", [s.id for s in list_schemes() if s.engine != "unidecode"])
@pytest.mark.parametrize("lang", sorted(ALPHABETS))
def test_alphabet_leaves_no_cyrillic(scheme, lang):
    letters = ALPHABETS[lang].replace("'", "")
    for text in (letters, letters.upper(), " ".join(letters), " ".join(letters.upper())):
        out = appealkit.transliterate(text, scheme, lang)
        assert not ANY_CYR.search(out), (scheme, lang, out)


def test_known_rules():
    t = appealkit.transliterate
    assert t("ЩЕГЛОВА") == "SHCHEGLOVA"
    assert t("Щеглова") == "Shcheglova"
    assert t("Ю. ЩЕГЛОВА") == "IU. SHCHEGLOVA"
    assert t("Йошкар-Ола", "bgn-pcgn") == "Yoshkar-Ola"
    assert t("АП-162/1, Latin ok, 12:30") == "AP-162/1, Latin ok, 12:30"
    assert t("Ёлка", "bgn-pcgn") == "Yëlka"
    assert "ё" not in t("Озёрный", "bgn-pcgn")
    assert t("ИРИНА", "kz-2021") == "İRİNA"
    assert t("Әлихан", "ascii") == "@likhan"  # Unidecode's known weakness: why kz-2021 exists


def test_nfc_in_and_out():
    decomposed = unicodedata.normalize("NFD", "Ёлка")
    assert appealkit.transliterate(decomposed, "bgn-pcgn") == "Yëlka"
    out = appealkit.transliterate("Ёж", "iso9")
    assert out == unicodedata.normalize("NFC", out)


@pytest.mark.parametrize("text,country,lang", [
    ("Магілёў", None, "be"), ("Київ", None, "uk"), ("Ґанок", None, "uk"), ("Қарағанды", None, "kk"),
    ("Бишкек Көл", None, "ky"), ("Москва", None, "ru"), ("Мінск", None, "uk"), ("Мінск", "BY", "be"),
    ("Білім", "KZ", "kk"), ("Вітебск ы", None, "be"),
])
def test_detect_language(text, country, lang):
    assert detect_language(text, country) == lang


def test_unknown_scheme_and_language():
    from appealkit.errors import UsageError

    with pytest.raises(UsageError, match="did you mean 'icao'"):
        appealkit.transliterate("х", "icoa")
    with pytest.raises(UsageError, match="unknown language"):
        appealkit.transliterate("х", "icao", "xx")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x52F), max_size=60),
       st.sampled_from([s.id for s in list_schemes()]))
def test_property_never_raises_and_leaves_no_cyrillic(text, scheme):
    out = appealkit.transliterate(text, scheme)
    assert isinstance(out, str)
    assert not ANY_CYR.search(out)


@pytest.mark.parametrize("text,expected", [("თბილისი", "Tbilisi"), ("Երևան", "Yerevan"), ("Москва", "Moskva")])
def test_translit_without_a_scheme_follows_the_script(text, expected):
    from ..conftest import run

    assert run("translit", text).out == expected + "\n"
    assert run("translit", stdin=text + "\n").out == expected + "\n"


def test_a_scheme_that_does_not_cover_the_script_says_so():
    from ..conftest import run

    r = run("translit", "-s", "icao", "თბილისი")
    assert r.out == "თბილისი\n" and "try --scheme ge-2002" in r.err


# -- pinned by the mutation-testing pass (issue 18), formerly test_pinned_translit.py --


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
def test_detect_language_pinned(text, country, lang):
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

"""Every sample of every scheme (data/schemes/*.yaml), their ALL-CAPS forms, and properties."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import appealkit
from appealkit.scripts import CYRILLIC, pattern
from appealkit.translit import detect_language, list_schemes

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

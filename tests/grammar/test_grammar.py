"""Grammar: every name in tests/data/ru_names.yaml in the dative as a native editor writes it,
the Belarusian ending table's samples, and one test per rule with a word the library gets wrong
and the case override that fixes it."""

from __future__ import annotations

import pytest
import yaml

from appealkit import grammar
from appealkit.resources import load_data

from ..conftest import ROOT

NAMES = yaml.safe_load((ROOT / "tests/data/ru_names.yaml").read_text(encoding="utf-8"))["names"]


@pytest.mark.parametrize("full,pronoun,want", NAMES, ids=[n[0] for n in NAMES])
def test_russian_dative(full, pronoun, want):
    assert grammar.dative_full_name(full, pronoun, "ru") == want


@pytest.mark.parametrize("full,pronoun,want", load_data("grammar", "be.yaml")["samples"])
def test_belarusian_dative(full, pronoun, want):
    assert grammar.dative_full_name(full, pronoun, "be") == want


def test_prison_languages_samples():
    from appealkit.letters.language import prisons

    table = prisons()
    for cc, own, want in load_data("letters", "prisons.yaml")["samples"]:
        got = own[0] if own else (table[cc]["languages"][0] if cc in table else None)
        assert got == want, cc


def test_hyphenated_names():
    # the library alone declines both parts: Каре-Мурзе, Касыму-Жомарту
    from pytrovich.enums import Case, Gender, NamePart
    from pytrovich.maker import PetrovichDeclinationMaker

    raw = PetrovichDeclinationMaker().make(NamePart.LASTNAME, Gender.MALE, Case.DATIVE, "Кара-Мурза")
    assert raw == "Каре-Мурзе"
    assert grammar.dative_full_name("Кара-Мурза Владимир Владимирович", "he", "ru") == "Кара-Мурзе Владимиру Владимировичу"
    assert grammar.dative_full_name("Токаев Касым-Жомарт Кемелевич", "he", "ru") == "Токаеву Касым-Жомарту Кемелевичу"


def test_override_where_the_library_is_wrong():
    # a masculine Ukrainian surname in -а the dictionary does not know
    assert grammar.dative_full_name("Вишебаба Максим Олександрович", "he", "uk") == "Вишебаба Максиму Олександровичу"
    forms = {"Вишебаба": {"dat": "Вишебабі"}}
    assert grammar.dative_full_name("Вишебаба Максим Олександрович", "he", "uk", forms) == "Вишебабі Максиму Олександровичу"


def test_official_addressee():
    assert grammar.dative_official("Генеральный прокурор Российской Федерации", "Краснов Игорь Викторович",
                                   "he", "ru") == ["Генеральному прокурору Российской Федерации", "И. В. Краснову"]
    assert grammar.dative_official("Министр иностранных дел", "Анна Сергеевна Петрова", "she", "ru") == \
        ["Министру иностранных дел", "А. С. Петровой"]
    assert grammar.dative_official("Генеральний прокурор України", "Кравченко Руслан Миколайович", "he", "uk") == \
        ["Генеральному прокурору України", "Р. М. Кравченку"]


@pytest.mark.parametrize("phrase,case,want", [
    ("Великобритания", "gen", "Великобритании"),
    ("Соединённое Королевство", "loc", "Соединённом Королевстве"),
    ("Босния и Герцеговина", "gen", "Боснии и Герцеговины"),
    ("Республика Казахстан", "gen", "Республики Казахстан"),
    ("Российская Федерация", "gen", "Российской Федерации"),
    ("Соединенные Штаты", "gen", "Соединенных Штатов"),
    ("США", "gen", "США"),
    ("Кабо-Верде", "loc", "Кабо-Верде"),
])
def test_russian_country_cases(phrase, case, want):
    assert grammar.case_form(phrase, case, "ru") == want


def test_prepositions():
    from appealkit.grammar import ru, uk

    assert ru.preposition("в", "Франции") == "во" and ru.preposition("в", "Великобритании") == "в"
    assert uk.preposition("з", "Швеції") == "зі" and uk.preposition("з", "Великої Британії") == "з"


def test_gender_from_the_name():
    assert grammar.gender("Москалькова Татьяна Николаевна", "they", "ru") == "f"
    assert grammar.gender("Краснов Игорь Викторович", "they", "ru") == "m"
    assert grammar.gender("Ли", "they", "ru") is None


@pytest.mark.parametrize("lang", ["ru", "uk", "be", "en"])
def test_censor_word_samples(lang):
    from appealkit.letters.checks import caution_hits

    for text, want in load_data("words", f"{lang}.yaml")["samples"]:
        assert [w for w, _ in caution_hits(text, lang, morphology=True)] == want, text


@pytest.mark.parametrize("lang,phrase,want", [
    ("be", "Ізраіль", "Ізраіля"), ("be", "Польшча", "Польшчы"), ("be", "Вялікабрытанія", "Вялікабрытаніі"),
    ("be", "Злучаныя Штаты Амерыкі", "Злучаных Штатаў Амерыкі"),
    ("uk", "Велика Британія", "Великої Британії"), ("uk", "Казахстан", "Казахстану"),
    ("uk", "Боснія і Герцеговина", "Боснії і Герцеговини"),
])
def test_country_genitive_uk_be(lang, phrase, want):
    assert grammar.case_form(phrase, "gen", lang) == want

"""Grammar: every name in tests/data/ru_names.yaml in the dative as a native editor writes it,
the Belarusian ending table's samples, and one test per rule with a word the library gets wrong
and the case override that fixes it.
Also the tests pinned by the mutation-testing pass (issue 18), formerly test_pinned_grammar.py."""

from __future__ import annotations

import pytest
import yaml

from appealkit import grammar
from appealkit.grammar import dative_full_name, name_case
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


# -- pinned by the mutation-testing pass (issue 18), formerly test_pinned_grammar.py --


@pytest.mark.parametrize("name,pronoun,lang,dative", [
    ("Алиев Тимур Русланович", "he", "ru", "Алиеву Тимуру Руслановичу"),
    ("Тихановская Светлана Георгиевна", "she", "ru", "Тихановской Светлане Георгиевне"),
    ("Мамедов Эльчин Гусейн оглы", "he", "ru", "Мамедову Эльчину Гусейн оглы"),
    ("Абенов Ержан Серікұлы", "he", "ru", "Абенову Ержану Серікұлы"),
    ("Римский-Корсаков Николай Андреевич", "he", "ru", "Римскому-Корсакову Николаю Андреевичу"),
    ("Токаев Касым-Жомарт Кемелевич", "he", "ru", "Токаеву Касым-Жомарту Кемелевичу"),
    # an ALL-CAPS surname, as prisons' lists write it, keeps its capitals in every letter
    ("ПЕТРОВ Иван Иванович", "he", "ru", "ПЕТРОВУ Ивану Ивановичу"),
    ("ПЕТРОВА Анна Ивановна", "she", "ru", "ПЕТРОВОЙ Анне Ивановне"),
    ("ШЕВЧЕНКО Тарас Григорович", "he", "uk", "ШЕВЧЕНКУ Тарасу Григоровичу"),
    ("Шевченко Тарас Григорович", "he", "uk", "Шевченку Тарасу Григоровичу"),
    ("Коваленко Олена Петрівна", "she", "uk", "Коваленко Олені Петрівні"),
    ("Бяляцкі Алесь Віктаравіч", "he", "be", "Бяляцкаму Алесю Віктаравічу"),
    ("Калеснікава Марыя Аляксандраўна", "she", "be", "Калеснікавай Марыі Аляксандраўне"),
])
def test_dative_full_name(name, pronoun, lang, dative):
    assert dative_full_name(name, pronoun, lang) == dative


@pytest.mark.parametrize("case,aron,maria", [
    ("nom", "Арон Атабек", "Мария Колесникова"),
    ("gen", "Арона Атабека", "Марии Колесниковой"),
    ("dat", "Арону Атабеку", "Марии Колесниковой"),
    ("acc", "Арона Атабека", "Марию Колесникову"),
    ("ins", "Ароном Атабеком", "Марией Колесниковой"),
    ("loc", "Ароне Атабеке", "Марии Колесниковой"),
])
def test_russian_name_in_every_case(case, aron, maria):
    assert name_case("Арон Атабек", case, "he", "ru") == aron
    assert name_case("Мария Колесникова", case, "she", "ru") == maria


@pytest.mark.parametrize("args,message", [
    (("Aron Atabek", "he", "ru"), "'Aron Atabek' is not written in Cyrillic"),
    (("Арон Атабек", "he", "kk"), "no grammar for 'kk'"),
])
def test_refusals(args, message):
    with pytest.raises(ValueError) as info:
        dative_full_name(*args)
    assert str(info.value) == message


@pytest.mark.parametrize("name,lang,expected", [
    ("И. В. Краснов", "ru", ("И. В.", "Краснов")),  # already initials, either order
    ("Краснов И. В.", "ru", ("И. В.", "Краснов")),
    ("Игорь Викторович Краснов", "ru", ("И. В.", "Краснов")),
    ("Алиев Тимур Русланович", "ru", ("Т. Р.", "Алиев")),
    ("Мамедов Эльчин Гусейн оглы", "ru", ("Э. Г.", "Мамедов")),  # a Turkic patronymic: the father's initial
    ("Краснов", "ru", ("", "Краснов")),
    ("И. В. Краснов", "uk", ("И. В.", "Краснов")),
    ("Бяляцкі Алесь Віктаравіч", "be", ("А. В.", "Бяляцкі")),
])
def test_initials(name, lang, expected):
    from appealkit.grammar import initials

    assert initials(name, lang) == expected


@pytest.mark.parametrize("phrase,forms,dative", [
    ("Ханты-Мансийский автономный округ", None, "Ханты-Мансийскому автономному округу"),
    ("Генеральный прокурор Российской Федерации", None, "Генеральному прокурору Российской Федерации"),
    # a case's own form of a word wins, and the words after it still decline
    ("Министр юстиции", {"Министр": {"dat": "Министру"}}, "Министру юстиции"),
    ("Уполномоченный по правам человека", {"Уполномоченный": {"dat": "Уполномоченной"}},
     "Уполномоченной по правам человека"),
])
def test_phrase_in_the_dative(phrase, forms, dative):
    from appealkit.grammar import case_form

    assert case_form(phrase, "dat", "ru", forms) == dative


@pytest.mark.parametrize("name,dative", [
    ("Калеснікава Марыя Аляксандраўна", "Калеснікавай Марыі Аляксандраўне"),  # she, by the patronymic
    ("Бяляцкі Алесь Віктаравіч", "Бяляцкаму Алесю Віктаравічу"),  # he, by the patronymic
    ("Калеснікава Марыя", "Калеснікава Марыя"),  # no patronymic, no pronoun: not guessed
])
def test_belarusian_gender_from_the_patronymic(name, dative):
    assert dative_full_name(name, "they", "be") == dative


@pytest.mark.parametrize("name,dative", [
    ("Іванов Петро", "Іванову Петру"),
    ("Ковальський Андрій", "Ковальському Андрію"),
    ("Іванова Марія", "Івановій Марії"),
    ("Петренко Іван", "Петренку Івану"),
])
def test_ukrainian_gender_guessed_without_a_pronoun(name, dative):
    assert dative_full_name(name, "they", "uk") == dative

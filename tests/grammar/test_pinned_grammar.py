"""Names in the cases letters need, pinned (issue 18): the envelope's dative with the surname
first, Turkic patronymic words, hyphenated names, ALL-CAPS surnames, the three languages.
Expected forms are written out by hand."""

from __future__ import annotations

import pytest

from appealkit.grammar import dative_full_name, name_case


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

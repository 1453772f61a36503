"""The Belarusian editor's review: genitives of names, country names after «з», and the
patronymics in -іч that open a full name (the dative samples are in data/grammar/be.yaml).
(Origin: from the native editors' review (issue 13), formerly test_review_be.py.)"""

from __future__ import annotations

import pytest

from appealkit import grammar


@pytest.mark.parametrize("name,pronoun,want", [
    ("Пятроў Пётр Паўлавіч", "he", "Пятрова Пятра Паўлавіча"),
    ("Каляда Ілля Сяргеевіч", "he", "Каляды Іллі Сяргеевіча"),
    ("Мацюк Яраслаў Ільіч", "he", "Мацюка Яраслава Ільіча"),
    ("Тамашэвіч Тамара Іванаўна", "she", "Тамашэвіч Тамары Іванаўны"),
    ("Іванова Марта Пятроўна", "she", "Івановай Марты Пятроўны"),
    ("Лосік Вольга Ігараўна", "she", "Лосік Вольгі Ігараўны"),
    ("Каляда Ганна Міхайлаўна", "she", "Каляды Ганны Міхайлаўны"),
    ("Бандарэнка Надзея Сяргееўна", "she", "Бандарэнка Надзеі Сяргееўны"),
])
def test_genitive(name, pronoun, want):
    assert grammar.name_case(name, "gen", pronoun, "be", surname_first=True) == want


@pytest.mark.parametrize("phrase,gen,loc", [
    ("Кітай", "Кітая", "Кітаі"), ("Кіпр", "Кіпра", "Кіпры"), ("Люксембург", "Люксембурга", "Люксембургу"),
    ("Канада", "Канады", "Канадзе"), ("Ірак", "Ірака", "Іраку"), ("Гвінея", "Гвінеі", "Гвінеі"),
    ("Новая Зеландыя", "Новай Зеландыі", "Новай Зеландыі"), ("Егіпет", "Егіпта", "Егіпце"),
    ("Германія", "Германіі", "Германіі"), ("Літва", "Літвы", "Літве"), ("Макаа", "Макаа", "Макаа"),
])
def test_country_cases(phrase, gen, loc):
    assert (grammar.case_form(phrase, "gen", "be"), grammar.case_form(phrase, "loc", "be")) == (gen, loc)


def test_from_the_united_states_in_full():
    from appealkit.letters.naming import country_case, with_preposition
    from appealkit.letters.render import lang_data

    gen = country_case("US", "gen", "be", lang_data("be"))
    assert with_preposition("з", gen, "be") == "са Злучаных Штатаў Амерыкі"


@pytest.mark.parametrize("full", ["Мацюк Яраслаў Ільіч", "Пракаповіч Павел Кузьміч"])
def test_patronymic_in_ich_makes_a_full_name(full):
    from appealkit.grammar._names import split

    s, g, p, first = split(full, None, lambda w: False)
    assert (s, g, p, first) == (full.split()[0], full.split()[1], full.split()[2], True)


@pytest.mark.parametrize("surname,want", [("Чорная", "f"), ("Кавалёва", "f"), ("Іванова", "f"), ("Каваль", None)])
def test_gender_from_the_surname(surname, want):
    assert grammar.gender(surname, "they", "be") == want

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

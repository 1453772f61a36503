"""The Ukrainian editor's fixes: «з/із/зі» by the next word (Правопис 2019, § 24) and the
country names the dictionary declines wrongly (data/grammar/uk.yaml).
(Origin: from the native editors' review (issue 13), formerly test_review_uk.py.)"""

import pytest

from appealkit.grammar import case_form, uk
from appealkit.resources import load_data


@pytest.mark.parametrize("word,want", [
    ("Великої Британії", "з"),
    ("Австрії", "з"),
    ("Чехії", "із"),       # ч + vowel: not «зі Чехії»
    ("Сербії", "із"),
    ("Швеції", "зі"),      # ш + consonant
    ("США", "зі"),
    ("Словаччини", "зі"),
])
def test_from_preposition(word, want):
    assert uk.preposition("з", word) == want


@pytest.mark.parametrize("word,want", [("Франції", "у"), ("Австрії", "в"), ("Ізраїлі", "в")])
def test_in_preposition(word, want):
    assert uk.preposition("в", word) == want


@pytest.mark.parametrize("name,case,want", load_data("grammar", "uk.yaml")["samples"])
def test_country_table(name, case, want):
    assert case_form(name, case, "uk") == want


def test_other_countries_still_decline():
    assert case_form("Німеччина", "gen", "uk") == "Німеччини"
    assert case_form("Казахстан", "loc", "uk") == "Казахстані"


@pytest.mark.parametrize("name,want", [
    ("Олександр Шевчук", "Олександром Шевчуком"),  # the given name tells a man's name
    ("Ольга Шевчук", "Ольгою Шевчук"),             # a woman's consonant surname stays
    ("Саша Ярош", "Сашею Ярошем"),                  # Саша is either: left to the dictionary
])
def test_they_takes_gender_from_given_name(name, want):
    assert uk.full_name(name, "ins", "they") == want


@pytest.mark.parametrize("word,want", [("Кіпрі", "на"), ("Мальті", "на"), ("Ірландії", "в"), ("Чехії", "у")])
def test_island_states_take_na(word, want):
    assert uk.preposition("в", word) == want

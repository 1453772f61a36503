"""A Russian editor's review: prepositions with island states, the countries CLDR abbreviates,
and the sentences of the Russian letters that the goldens do not show."""

import pytest

from appealkit.grammar import ru
from appealkit.resources import load_data


@pytest.mark.parametrize("prep,word,want", load_data("grammar", "ru.yaml")["samples"])
def test_preposition_samples(prep, word, want):
    assert ru.preposition(prep, word) == want


def test_from_and_in_island_states():
    from appealkit.letters.naming import country_case, with_preposition
    from appealkit.letters.render import lang_data

    d = lang_data("ru")

    def both(cc):
        return (with_preposition("из", country_case(cc, "gen", "ru", d), "ru"),
                with_preposition("в", country_case(cc, "loc", "ru", d), "ru"))

    assert both("PH") == ("с Филиппин", "на Филиппинах")
    assert both("CY") == ("с Кипра", "на Кипре")
    assert both("SC") == ("с Сейшельских Островов", "на Сейшельских Островах")
    assert both("CZ") == ("из Чехии", "в Чехии")
    assert both("FR") == ("из Франции", "во Франции")


SENDER = ["--date", "2026-11-28", "--sender-name", "Anna Smith", "--sender-address", "1 High Street; Manila"]
HEAD = """
  colony:
    role: prison-head
    name: {en: Ivan Petrov, ru: Петров Иван Сергеевич}
    title: {en: Head of penal colony IK-6, ru: Начальник ФКУ ИК-6 УФСИН России по Владимирской области}
    address:
      country: RU
      lines: [ФКУ ИК-6 УФСИН России по Владимирской области, "ул. Стационная, д. 1"]
      postcode: "601446"
      locality: г. Покров
      region: Владимирская обл.
"""


def _case(tmp_path, text):
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "examples" / "ru-aliyev.yaml"
    body = src.read_text(encoding="utf-8")
    body = body.replace("\nrecipients:\n", "\nrecipients:\n" + text.strip("\n").replace("  colony:", "  named-colony:") + "\n", 1)
    p = tmp_path / "c.yaml"
    p.write_text(body, encoding="utf-8")
    return p


def test_a_named_prison_head_by_name_and_patronymic(tmp_path):
    from ..conftest import run
    from .test_letters_ru import top_right

    r = run("letter", str(_case(tmp_path, HEAD)), "--to", "named-colony", "--lang", "ru", "--from", "PH", *SENDER)
    assert " И. С. Петрову " in top_right(r.out)[0]
    assert "\nУважаемый Иван Сергеевич!\n" in r.out
    assert "Обращаюсь к Вам с Филиппин в связи с положением Алиева Тимура Руслановича, " \
           "которое вызывает у меня глубокую обеспокоенность." in r.out
    assert "no neutral form" not in r.err


def test_an_unnamed_prison_head_by_title_and_the_warning_quotes_it():
    from ..conftest import run

    r = run("letter", "examples/ru-aliyev.yaml", "--to", "colony", "--lang", "ru", "--from", "GB", *SENDER)
    assert "\nУважаемый господин начальник колонии!\n" in r.out
    assert "wrote 'Уважаемый господин начальник колонии!'" in r.err


def test_the_ambassador_is_not_asked_to_ensure_what_the_state_does():
    from ..conftest import run
    from .test_letters_ru import top_right

    out = run("letter", "examples/ru-aliyev.yaml", "--to", "ambassador", "--lang", "ru", "--from", "PH", *SENDER).out
    assert top_right(out)[0].startswith("Послу Российской Федерации на Филиппинах ")
    assert "\nОбращение с Тимуром Алиевым должно соответствовать международным обязательствам" in out
    assert "Прошу также обеспечить" not in out

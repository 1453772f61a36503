"""Letters in Russian, Ukrainian and Belarusian: goldens for every role of the new-format
examples, and one test per rule (dative blocks, declined names and countries, gendered
salutations, copies, deadlines, the prison's language). UPDATE_GOLDEN=1 rewrites goldens.
Also the tests from the native editors' review (issue 13), formerly test_review_ru.py."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from appealkit.grammar import ru
from appealkit.resources import load_data

from ..conftest import ROOT, run

GOLDEN = ROOT / "tests" / "golden"
SENDER = ["--date", "2026-11-28", "--from", "GB", "--sender-name", "Anna Smith",
          "--sender-address", "1 High Street; London N1 1AA"]
CASES = [
    ("ru-aliyev", ["prosecutor", "minister", "colony", "ombudsman", "ambassador", "person"], ["en", "ru"]),
    ("ua-kovalenko", ["president", "prime-minister", "prosecutor", "ambassador", "ombudsman", "person"], ["en", "uk"]),
    ("by-kaval", ["person"], ["en", "be", "ru"]),
]


@pytest.mark.parametrize("case,to,lang", [(c, t, lg) for c, ts, lgs in CASES for t in ts for lg in lgs])
def test_golden(case, to, lang):
    r = run("letter", f"examples/{case}.yaml", "--to", to, "--lang", lang, *SENDER)
    assert r.code == 0, r.err
    path = GOLDEN / f"{case}-{to}-{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(r.out, encoding="utf-8")
    assert r.out == path.read_text(encoding="utf-8")


def top_right(text: str) -> list[str]:
    """The blocks at the top right of an official letter, each as one line (wrapped lines joined)."""
    from appealkit.letters.layout import letter_blocks

    return [" ".join(b["lines"]) for b in letter_blocks(text) if b["kind"] == "right"]


def _body(text: str) -> str:
    """The running text: from the salutation or greeting to the closing."""
    start = re.search(r"^(Уважаем|Ваше|Здравствуйте|Шановн|Добр)", text, re.M).start()
    end = text.index("\nС уважением,") if "\nС уважением," in text else text.index("\nС теплом,")
    return text[start:end]


@pytest.mark.parametrize("to", ["prosecutor", "ombudsman", "ambassador", "person"])
def test_no_latin_word_in_a_russian_body(to):
    out = run("letter", "examples/ru-aliyev.yaml", "--to", to, "--lang", "ru", *SENDER).out
    assert not re.search(r"[A-Za-z]", _body(out))


def test_dative_addressee_block():
    out = run("letter", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--lang", "ru", *SENDER).out
    assert top_right(out)[0].startswith("Генеральному прокурору Российской Федерации А. В. Гуцану ")
    out = run("letter", "examples/ru-aliyev.yaml", "--to", "ombudsman", "--lang", "ru", *SENDER).out
    assert top_right(out)[0].startswith("Уполномоченному по правам человека в Российской Федерации Т. Н. Москальковой ")
    assert "Уважаемая Татьяна Николаевна!" in out


def test_countries_declined_not_quoted():
    out = run("letter", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--lang", "ru", *SENDER).out
    assert "Обращаюсь к Вам из Великобритании в связи" in out and "из страны" not in out
    assert "Копия: Посольству Российской Федерации в Великобритании; " \
           "Генеральному прокурору Российской Федерации А. В. Гуцану" not in out  # never its own addressee
    assert "Копия: Посольству Российской Федерации в Великобритании\n" in out


def test_ambassador_does_not_copy_its_embassy():
    out = run("letter", "examples/ru-aliyev.yaml", "--to", "ambassador", "--lang", "ru", *SENDER).out
    assert top_right(out)[0].startswith("Послу Российской Федерации в Великобритании")
    assert "Копия: Генеральному прокурору Российской Федерации А. В. Гуцану\n" in out
    assert "Ваше Превосходительство!" in out


def test_support_letter_in_the_prisons_language_with_year_and_return_address():
    r = run("letter", "examples/ru-aliyev.yaml", "--to", "person", *SENDER[:2], "--from", "GB",
            "--sender-name", "Anna Smith", "--sender-address", "1 High Street; London N1 1AA")
    assert "Кому: Алиеву Тимуру Руслановичу, 1983 г. р." in r.out
    assert "От кого: Anna Smith\n1 High Street\nLondon N1 1AA" in r.out
    assert "печатными буквами" in r.out
    r = run("letter", "examples/ru-aliyev.yaml", "--to", "person", "--lang", "en", *SENDER)
    assert "Russian prisons pass letters in Russian" in r.err


def test_belarusian_support_letter():
    out = run("letter", "examples/by-kaval.yaml", "--to", "person", *SENDER).out
    # the name as the prison registers it (native_name), declined in its own language: the
    # block wholly in Russian, atop the letter and on the envelope, never «Каму» with a Russian name
    assert out.count("\nКому: Коваль Марии Петровне, 1984 г. р.\n") == 2 and "Каму" not in out
    assert "Я пішу Вам з Вялікабрытаніі." in out


def test_ukrainian_dative_and_russian_warning():
    out = run("letter", "examples/ua-kovalenko.yaml", "--to", "prosecutor", "--lang", "uk", *SENDER).out
    assert top_right(out)[0].startswith("Генеральному прокурору України Р. М. Кравченку ")
    assert "Шановний Руслане Миколайовичу!" in out  # by name and patronymic, in the vocative
    assert "Добрий день, Дмитре!" in run("letter", "examples/ua-kovalenko.yaml", "--to", "person", *SENDER).out


def test_latin_name_in_a_russian_letter_is_an_error(tmp_path):
    src = (ROOT / "examples/ru-aliyev.yaml").read_text(encoding="utf-8")
    p = tmp_path / "c.yaml"
    p.write_text(src.replace("name: {en: Timur Aliyev, ru: Тимур Алиев}\n  native_name: Алиев Тимур Русланович",
                             "name: Timur Aliyev"), encoding="utf-8")
    r = run("letter", str(p), "--to", "prosecutor", "--lang", "ru", *SENDER)
    assert r.code == 1 and "person.name" in r.err


def test_urgency_and_deadline():
    # deadline 2026-12-05: urgent on 2026-11-28 (7 days), not on 2026-11-01 (34 days)
    near = run("letter", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--lang", "en", *SENDER).out
    assert "This is urgent" in near
    far = run("letter", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--lang", "en",
              *SENDER[2:], "--date", "2026-11-01")
    assert "This is urgent" not in far.out
    late = run("letter", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--lang", "en",
               *SENDER[2:], "--date", "2026-12-20")
    # past the deadline the appeal is closed: `letter` leaves its authority letters out, as `pack` does
    assert late.err == ("appealkit: warning: the appeal closed on 2026-12-05: the letters to the authorities "
                        "are left out\n") and late.out == ""


def test_country_names_in_english_text():
    for cc, want in [("CZ", "from Czechia"), ("BA", "from Bosnia and Herzegovina"), ("GB", "from the United Kingdom"),
                     ("HK", "from Hong Kong")]:
        out = run("letter", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--lang", "en",
                  *SENDER[:2], "--from", cc, "--sender-name", "A", "--sender-address", "B").out
        assert f"I am writing {want} " in out, cc


def test_form_override(tmp_path):
    src = (ROOT / "examples/ru-aliyev.yaml").read_text(encoding="utf-8")
    p = tmp_path / "c.yaml"
    p.write_text(src.replace("  born: 1983\n", "  born: 1983\n  forms: {ru: {Алиев: {dat: Алиеву-Оглы}}}\n"), encoding="utf-8")
    out = run("letter", str(p), "--to", "person", *SENDER).out
    assert "Кому: Алиеву-Оглы Тимуру Руслановичу, 1983 г. р." in out


def test_censor_words_warned():
    r = run("letter", "examples/ru-aliyev.yaml", "--to", "person", "--message", "Желаю Вам свободы!", *SENDER)
    assert "'свободы'" in r.err


@pytest.mark.parametrize("args", [
    ["letter", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--lang", "en", "--date", "2026-11-28"],
    ["letter", "examples/atabek.yaml", "--to", "president", "--date", "2026-11-28"],
    ["tweet", "examples/ru-aliyev.yaml"],
    ["address", "examples/atabek.yaml", "--to", "president"],  # a Latin address declines nothing
])
def test_no_morphology_without_a_cyrillic_letter(args):
    code = ("import sys\nfrom appealkit.cli import main\n"
            f"sys.argv=['appealkit', *{args!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "bad=[m for m in sys.modules if m.startswith(('pymorphy3','pytrovich','appealkit.grammar'))]\n"
            "sys.stderr.write('LOADED:'+','.join(bad))\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert "LOADED:" in r.stderr and r.stderr.split("LOADED:")[1].strip() == ""


def test_a_russian_letter_loads_the_morphology():
    code = ("import sys\nfrom appealkit.cli import main\n"
            "sys.argv=['appealkit','letter','examples/ru-aliyev.yaml','--to','prosecutor','--lang','ru',"
            "'--date','2026-11-28']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write('LOADED:'+str('pymorphy3' in sys.modules and 'pytrovich' in sys.modules))\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.stderr.endswith("LOADED:True")


def test_your_excellency_in_every_language(tmp_path):
    src = (ROOT / "examples/ru-aliyev.yaml").read_text(encoding="utf-8")
    p = tmp_path / "c.yaml"
    p.write_text(src.replace("  prosecutor:\n    role: prosecutor\n",
                             "  prosecutor:\n    role: prosecutor\n    salutation: Your Excellency,\n"), encoding="utf-8")
    assert "\nYour Excellency,\n" in run("letter", str(p), "--to", "prosecutor", "--lang", "en", *SENDER).out
    assert "\nВаше Превосходительство!\n" in run("letter", str(p), "--to", "prosecutor", "--lang", "ru", *SENDER).out


def test_woman_president(tmp_path):
    src = (ROOT / "examples/ru-aliyev.yaml").read_text(encoding="utf-8")
    p = tmp_path / "c.yaml"
    # no name: the title's form of address, in the feminine
    p.write_text(src.replace("    role: prosecutor\n    pronoun: he\n", "    role: head-of-state\n    pronoun: she\n")
                 .replace("Гуцан Александр Васильевич", "").replace("name: {en: Alexander Gutsan, ru: }\n    ", "")
                 .replace("Генеральный прокурор Российской Федерации}", "Президент Российской Федерации}"),
                 encoding="utf-8")
    assert "\nУважаемая госпожа Президент!\n" in run("letter", str(p), "--to", "prosecutor", "--lang", "ru", *SENDER).out


def test_no_embassy_copy_from_the_destination_itself():
    out = run("letter", "examples/ru-aliyev.yaml", "--to", "ombudsman", "--lang", "ru", "--from", "RU",
              "--sender-name", "Анна Смирнова", "--sender-address", "ул. Ленина, д. 1; г. Тверь",
              "--date", "2026-11-28").out
    assert "Посольство" not in out
    assert "Копия: Генеральному прокурору Российской Федерации А. В. Гуцану\n" in out
    # an official of the writer's own country is not told where the letter comes from
    assert "Меня зовут" not in out and "Обращаюсь к Вам в связи" in out and "из России" not in out


def test_russian_letter_to_a_ukrainian_authority_warns(tmp_path):
    p = tmp_path / "c.yaml"
    p.write_text("""appealkit: 1
id: ua-ru
title: {en: T, ru: Т}
language: ru
person: {name: Дмитрий Коваленко, pronoun: he}
summary: Учителя Дмитрия Коваленко осудили.
asks: [Освободить Дмитрия Коваленко.]
recipients:
  prosecutor:
    role: prosecutor
    pronoun: he
    title: Генеральный прокурор Украины
    address: {country: UA, lines: ["ул. Резницкая, 13/15"], postcode: "01011", locality: г. Киев}
""", encoding="utf-8")
    r = run("letter", str(p), "--to", "prosecutor", *SENDER)
    assert r.code == 0
    assert "Генеральному прокурору Украины" in r.out
    assert "Russian to a Ukrainian authority" in r.err


def test_they_without_a_visible_gender_warns(tmp_path):
    src = (ROOT / "examples/ru-aliyev.yaml").read_text(encoding="utf-8")
    p = tmp_path / "c.yaml"
    p.write_text(src.replace("  native_name: Алиев Тимур Русланович\n  born: 1983\n  pronoun: he\n",
                             "  native_name: Ли Саша\n  born: 1983\n").replace("ru: Тимур Алиев}", "ru: Саша Ли}"),
                 encoding="utf-8")
    r = run("letter", str(p), "--to", "person", *SENDER)
    assert r.code == 0 and "person.pronoun is 'they'" in r.err
    assert "Кому: Ли Саше, 1983 г. р." in r.out


@pytest.mark.parametrize("address,tail", [
    ("1 High Street; London N1 1AA", ["London N1 1AA", "ВЕЛИКОБРИТАНИЯ"]),       # mail abroad: the country added
    ("1 High Street; London N1 1AA; United Kingdom", ["London N1 1AA", "United Kingdom"]),  # named already
    ("1 High Street; London N1 1AA; UK", ["London N1 1AA", "UK"]),
])
def test_return_address_ends_in_the_writers_country(address, tail):
    out = run("letter", "examples/ru-aliyev.yaml", "--to", "person", "--date", "2026-11-28",
              "--sender-name", "Анна Смит", "--sender-address", address, "--from", "GB").out
    back = out.split("От кого: Анна Смит\n")[1].splitlines()
    assert back[1:3] == tail and (len(back) == 3 or back[3] == "")


def test_a_belarusian_support_letter_of_a_case_with_copies(tmp_path):
    # the copy line belongs to letters to officials: building it for a support letter in a
    # language with no official letters made it fail
    text = (ROOT / "examples/by-kaval.yaml").read_text(encoding="utf-8")
    text += ("recipients:\n  gp:\n    role: prosecutor\n    title: {en: Prosecutor General, be: Генеральны пракурор}\n"
             "    address: {country: BY, lines: [вул. Інтэрнацыянальная, 22], locality: г. Мінск, postcode: '220030'}\n"
             "copies: [gp]\n")
    case = tmp_path / "c.yaml"
    case.write_text(text, encoding="utf-8")
    r = run("letter", str(case), "--to", "person", "--lang", "be", *SENDER)
    assert r.code == 0 and "Кому:" in r.out and "Копія" not in r.out


# -- from the native editors' review (issue 13), formerly test_review_ru.py --


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


SENDER_REVIEWED = ["--date", "2026-11-28", "--sender-name", "Anna Smith", "--sender-address", "1 High Street; Manila"]
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

    r = run("letter", str(_case(tmp_path, HEAD)), "--to", "named-colony", "--lang", "ru", "--from", "PH", *SENDER_REVIEWED)
    assert " И. С. Петрову " in top_right(r.out)[0]
    assert "\nУважаемый Иван Сергеевич!\n" in r.out
    assert "Обращаюсь к Вам с Филиппин в связи с положением Алиева Тимура Руслановича, " \
           "которое вызывает у меня глубокую обеспокоенность." in r.out
    assert "no neutral form" not in r.err


def test_an_unnamed_prison_head_by_title_and_the_warning_quotes_it():
    from ..conftest import run

    r = run("letter", "examples/ru-aliyev.yaml", "--to", "colony", "--lang", "ru", "--from", "GB", *SENDER_REVIEWED)
    assert "\nУважаемый господин начальник колонии!\n" in r.out
    assert "wrote 'Уважаемый господин начальник колонии!'" in r.err


def test_the_ambassador_is_not_asked_to_ensure_what_the_state_does():
    from ..conftest import run
    from .test_letters_ru import top_right

    out = run("letter", "examples/ru-aliyev.yaml", "--to", "ambassador", "--lang", "ru", "--from", "PH", *SENDER_REVIEWED).out
    assert top_right(out)[0].startswith("Послу Российской Федерации на Филиппинах ")
    assert "\nОбращение с Тимуром Алиевым должно соответствовать международным обязательствам" in out
    assert "Прошу также обеспечить" not in out

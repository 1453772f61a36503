"""The native editor's second review of issue 24's letters (copies «в вашей стране» among others,
the support letter's greeting, case endings, the Belarusian «Кому» block, asks meant for
supporters, and the smaller points), each pinned by the text a native editor signs."""

from __future__ import annotations

import pytest

from ..conftest import run
from .test_letters_official import CASE, SENDER


def write(tmp_path, text: str) -> str:
    p = tmp_path / "case.yaml"
    p.write_text(text, encoding="utf-8")
    return str(p)


def letter(path: str, to: str, lang: str, *extra: str):
    r = run("letter", path, "--to", to, "--lang", lang, *SENDER, *extra)
    assert r.code == 0, r.err
    return r


YOUR_COUNTRY = "  - {en: the embassy of Russia in your country, ru: посольство России в вашей стране, " \
               "uk: посольство Росії у вашій країні}\n"


@pytest.mark.parametrize("copies,line", [
    ("Посольство Российской Федерации в вашей стране; Уполномоченный по правам человека в Республике Карелия",
     "Копии: Посольству Российской Федерации в Великобритании; Уполномоченному по правам человека в Республике "
     "Карелия; прокурору Республики Карелия М. С. Ивановой"),
    ("Уполномоченному по правам человека в Республике Карелия, а также посольству России в вашей стране",
     "Копии: Уполномоченному по правам человека в Республике Карелия, а также посольству России в "
     "Великобритании; прокурору Республики Карелия М. С. Ивановой"),
])
def test_a_copies_text_in_your_country_keeps_the_other_recipients(tmp_path, copies, line):
    path = write(tmp_path, CASE.replace(YOUR_COUNTRY, f"  - {{ru: '{copies}'}}\n"))
    r = letter(path, "city", "ru")
    assert f"\n{line}\n" in r.out


def test_a_mixed_copies_text_to_the_ambassador_warns_that_it_names_the_embassy(tmp_path):
    path = write(tmp_path, CASE.replace(YOUR_COUNTRY, "  - {ru: 'Уполномоченному по правам человека, а также "
                                                       "посольству России в вашей стране'}\n"))
    r = letter(path, "ambassador", "ru")
    assert "\nКопии: Уполномоченному по правам человека, а также посольству России в Великобритании; " in r.out
    assert "names an embassy 'in your country' among other recipients" in r.err


@pytest.mark.parametrize("name,greeting", [
    ("{en: Pavel Orlov, ru: Орлов Павел Андреевич}", "Здравствуйте, Павел!"),
    ("{en: Pavel Orlov, ru: Орлов Павел}", "Здравствуйте, Павел!"),
    ("{en: Pavel Orlov, ru: Павел Орлов}", "Здравствуйте, Павел!"),
])
def test_the_support_letter_greets_by_the_given_name_in_either_order(tmp_path, name, greeting):
    path = write(tmp_path, CASE.replace("  name: {en: Pavel Orlov, ru: Павел Орлов, uk: Павло Орлов}\n",
                                        f"  name: {name}\n"))
    out = letter(path, "person", "ru").out
    assert f"\n{greeting}\n" in out and "\nКому: Орлову Павлу Андреевичу, 1980 г. р.\n" in out


@pytest.mark.parametrize("name,line", [
    ("Анна Смит", "от Анны Смит"),
    ("Иван Петров", "от Ивана Петрова"),
    ("Анна-Мария Зайцева", "от Анны-Марии Зайцевой"),
    ("Anna Smith", "Anna Smith"),  # a Latin name does not decline: no «от»
    ("Саша Ким", "Саша Ким"),  # a given name of either gender: no «от»
])
def test_the_sender_after_ot_is_in_the_genitive_or_without_the_preposition(case_path, name, line):
    out = run("letter", case_path, "--to", "named", "--lang", "ru", "--date", "2026-11-28", "--from", "GB",
              "--sender-name", name, "--sender-address", "1 High Street; London N1 1AA").out
    assert f"\n{' ' * 36}{line}\n{' ' * 36}1 High Street\n" in out


@pytest.fixture
def case_path(tmp_path):
    return write(tmp_path, CASE)


def test_a_womans_double_given_name_declines_in_both_parts(tmp_path):
    path = write(tmp_path, CASE.replace("  name: {en: Pavel Orlov, ru: Павел Орлов, uk: Павло Орлов}\n"
                                        "  native_name: Орлов Павел Андреевич\n  pronoun: he\n",
                                        "  name: {en: Anna-Maria Orlova, ru: Анна-Мария Орлова}\n"
                                        "  native_name: Орлова Анна-Мария Олеговна\n  pronoun: she\n"))
    assert "\nКому: Орловой Анне-Марии Олеговне, 1980 г. р.\n" in letter(path, "person", "ru").out
    out = letter(path, "named", "ru").out
    assert " в связи с положением Орловой Анны-Марии Олеговны, " in out
    assert " чтобы обращение с Анной-Марией Орловой соответствовало " in out


@pytest.mark.parametrize("name,patronymic,greeting", [
    ("Мельник Олег", "Ілліч", "Шановний Олегу Іллічу!"),
    ("Гнатюк Лука", "Кузьмич", "Шановний Луко Кузьмичу!"),
    ("Мельник Олена", "Петрівна", "Шановна Олено Петрівно!"),
])
def test_the_ukrainian_vocative_of_patronymics_in_ich(tmp_path, name, patronymic, greeting):
    path = write(tmp_path, CASE.replace("name: {en: Marina Ivanova, ru: Иванова Марина Сергеевна, "
                                        "uk: Іванова Марина Сергіївна}",
                                        f"name: {{en: Marina Ivanova, ru: Иванова Марина Сергеевна, "
                                        f"uk: {name} {patronymic}}}"))
    assert f"\n{greeting}\n" in letter(path, "named", "uk").out


def test_a_belarusian_support_letter_writes_the_registered_block_wholly_in_russian(tmp_path):
    path = write(tmp_path, CASE.replace("  name: {en: Pavel Orlov, ru: Павел Орлов, uk: Павло Орлов}\n",
                                        "  name: {en: Pavel Orlov, be: Арлоў Павел Андрэевіч}\n"
                                        "  languages: [be]\n").replace("country: RU", "country: BY", 1))
    out = letter(path, "person", "be").out
    assert out.count("\nКому: Орлову Павлу Андреевичу, 1980 г. р.\n") == 2  # atop the letter and on the envelope
    assert "Каму" not in out and "\nДобры дзень, Павел!\n" in out


def test_an_ask_for_supporters_stays_out_of_letters_to_officials(tmp_path):
    path = write(tmp_path, CASE.replace("  - en: Give him medical care.\n    ru: Обеспечить ему медицинскую помощь.\n"
                                        "    uk: Забезпечити йому медичну допомогу.\n",
                                        "  - {en: Write to Pavel Orlov., ru: Написать Павлу Орлову., uk: Написати Павлу Орлову.}\n"))
    for lang, ask in (("ru", "\nНастоятельно прошу Вас:\n\n- освободить Павла Орлова.\n\n"),
                      ("uk", "\nНаполегливо прошу Вас:\n\n- звільнити Павла Орлова.\n\n"),
                      ("en", "\nI respectfully urge you to:\n\n- Release Pavel Orlov.\n\n")):
        r = letter(path, "named", lang)
        assert ask in r.out and "Орлову." not in r.out and "Write to" not in r.out
        assert "is for supporters, not for an official" in r.err


def test_with_no_ask_left_the_letter_has_no_empty_list(tmp_path):
    path = write(tmp_path, CASE.replace("  - en: Release Pavel Orlov.\n    ru: Освободить Павла Орлова.\n"
                                        "    uk: Звільнити Павла Орлова.\n", "").replace(
        "  - en: Give him medical care.\n    ru: Обеспечить ему медицинскую помощь.\n"
        "    uk: Забезпечити йому медичну допомогу.\n",
        "  - {en: Write to Pavel Orlov., ru: Написать Павлу Орлову., uk: Написати Павлу Орлову.}\n"))
    out = letter(path, "named", "ru").out
    assert "прошу Вас:" not in out and "\n\nПрошу обеспечить, чтобы обращение с Павлом Орловым " in out


@pytest.mark.parametrize("lang,description,summary,opening", [
    ("ru", "переводчик поэзии", "Переводчику Павлу Орлову отказывают в медицинской помощи.",
     "Обращаюсь к Вам из Великобритании в связи с положением Орлова Павла Андреевича, которое вызывает у меня "
     "глубокую обеспокоенность.\n\nПереводчику Павлу"),
    ("uk", "місцевий поет", "Поетові Павлу Орлову відмовляють у медичній допомозі.",
     "Я пишу Вам з Великої Британії, щоб висловити глибоке занепокоєння становищем Павла Орлова."
     "\n\nПоетові Павлу"),
])
def test_a_description_the_summary_opens_with_is_not_said_twice(tmp_path, lang, description, summary, opening):
    path = write(tmp_path, CASE.replace("description: {en: poet, ru: поэт, uk: поет}",
                                        f"description: {{en: poet, {lang}: {description}}}")
                 .replace({"ru": "  ru: Поэту Павлу Орлову отказывают в медицинской помощи.",
                           "uk": "  uk: Поетові Павлу Орлову відмовляють у медичній допомозі."}[lang],
                          f"  {lang}: {summary}"))
    assert opening in letter(path, "named", lang).out


@pytest.mark.parametrize("description,said", [
    ("pharmacist", "for Pavel Orlov, a pharmacist."),
    ("environmental activist", "for Pavel Orlov, an environmental activist."),
    ("university lecturer", "for Pavel Orlov, a university lecturer."),
    ("the editor of Novaya Gazeta", "for Pavel Orlov, the editor of Novaya Gazeta."),
])
def test_an_english_description_takes_an_article(tmp_path, description, said):
    path = write(tmp_path, CASE.replace("description: {en: poet, ru: поэт, uk: поет}",
                                        f"description: {{en: {description}}}"))
    assert f"I am writing from the United Kingdom to express my deep concern {said}\n" in letter(path, "named", "en").out


@pytest.mark.parametrize("title,institution,block", [
    ("Прокурор Республики Карелия", "Прокуратура Республики Карелия",
     ["Прокурору Республики Карелия", "М. С. Ивановой", "ул. Красная, д. 33"]),
    ("Министр юстиции Республики Карелия", "Министерство юстиции Республики Карелия",
     ["Министру юстиции Республики Карелия", "М. С. Ивановой", "ул. Красная, д. 33"]),
    ("Прокурор Республики Карелия", "Управление Генеральной прокуратуры",  # another body: kept
     ["Прокурору Республики Карелия", "М. С. Ивановой", "Управление Генеральной прокуратуры", "ул. Красная, д. 33"]),
])
def test_the_addressee_block_leaves_out_the_body_its_title_names(tmp_path, title, institution, block):
    path = write(tmp_path, CASE.replace("ru: Прокурор Республики Карелия,", f"ru: {title},")
                 .replace('lines: ["ул. Красная, д. 33"]', f'lines: [{institution}, "ул. Красная, д. 33"]'))
    out = letter(path, "named", "ru").out
    assert "\n".join(" " * 36 + x for x in block) + "\n" in out


@pytest.mark.parametrize("sender,line", [
    ("DE", "Копії: Посольству Російської Федерації в Німеччині;"),  # after a vowel, before a consonant
    ("GB", "Копії: Посольству Російської Федерації у Великій Британії;"),  # before в
    ("US", "Копії: Посольству Російської Федерації в США;"),  # США is read «сша»: after a vowel, в
])
def test_ukrainian_u_and_v_alternate_by_the_word_before(case_path, sender, line):
    r = run("letter", case_path, "--to", "city", "--lang", "uk", "--date", "2026-11-28", "--from", sender)
    assert f"\n{line}" in r.out


def test_to_all_says_why_a_disappeared_person_gets_no_letter(tmp_path):
    text = CASE.replace("  address:\n    country: RU\n    lines: [ФКУ ИК-7 УФСИН России по Республике Карелия, "
                        "\"ул. Лесная, д. 1\"]\n    postcode: \"186420\"\n    locality: г. Сегежа\n", "  status: unknown\n")
    r = run("letter", write(tmp_path, text), "--to", "all", "--lang", "ru", *SENDER)
    assert r.code == 0 and "Здравствуйте" not in r.out
    assert "warning: no letter to the person: person is unknown (person.status), and no letters reach them\n" in r.err


def test_the_registered_name_tells_the_given_name_where_the_name_does_not(tmp_path):
    path = write(tmp_path, CASE.replace("  name: {en: Pavel Orlov, ru: Павел Орлов, uk: Павло Орлов}\n"
                                        "  native_name: Орлов Павел Андреевич\n",
                                        "  name: {en: Elchin Guseinli, ru: Эльчин Гусейнли}\n"
                                        "  native_name: Гусейнли Эльчин Ильхам оглы\n"))
    assert "\nЗдравствуйте, Эльчин!\n" in letter(path, "person", "ru").out


def test_a_missing_translation_shows_a_mapping_of_two_languages(tmp_path):
    path = write(tmp_path, CASE.replace("language: en", "language: ru")
                 .replace("  name: {en: Pavel Orlov, ru: Павел Орлов, uk: Павло Орлов}", "  name: {ru: Павел Орлов}"))
    r = run("letter", path, "--to", "named", "--lang", "en", *SENDER)
    assert r.code == 1 and "(name: {ru: ..., en: ...})" in r.err


def test_the_nominative_copy_warning_does_not_contradict_the_case_format(tmp_path):
    path = write(tmp_path, CASE.replace(YOUR_COUNTRY, "  - {ru: Комитет ООН по правам человека}\n"))
    r = letter(path, "city", "ru")
    assert "'Комитет ООН по правам человека' is in the nominative; the letter says 'Комитету ООН по правам " \
           "человека' (check the form, or write the copy in the dative yourself)" in r.err

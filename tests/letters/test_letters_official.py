"""Letters a native editor signs unchanged (issue 24): the official layout (ГОСТ Р 7.0.97-2016,
ДСТУ 4163), the letter's own addressee block, one rule for salutations, names as registered,
Latin-script names, and the content rules (description, treatment, asks, copies)."""

from __future__ import annotations

import datetime as dt

import pytest

from ..conftest import ROOT, run
from .test_letters_ru import top_right

SENDER = ["--date", "2026-11-28", "--from", "GB", "--sender-name", "Anna Smith",
          "--sender-address", "1 High Street; London N1 1AA"]

CASE = """\
appealkit: 1
id: test-official
title: {en: A case, ru: Дело, uk: Справа}
language: en
person:
  name: {en: Pavel Orlov, ru: Павел Орлов, uk: Павло Орлов}
  native_name: Орлов Павел Андреевич
  pronoun: he
  born: 1980
  description: {en: poet, ru: поэт, uk: поет}
  address:
    country: RU
    lines: [ФКУ ИК-7 УФСИН России по Республике Карелия, "ул. Лесная, д. 1"]
    postcode: "186420"
    locality: г. Сегежа
summary:
  en: Poet Pavel Orlov has been denied medical care.
  ru: Поэту Павлу Орлову отказывают в медицинской помощи.
  uk: Поетові Павлу Орлову відмовляють у медичній допомозі.
asks:
  - en: Release Pavel Orlov.
    ru: Освободить Павла Орлова.
    uk: Звільнити Павла Орлова.
  - en: Give him medical care.
    ru: Обеспечить ему медицинскую помощь.
    uk: Забезпечити йому медичну допомогу.
recipients:
  city:
    role: prosecutor
    pronoun: she
    title: {en: Prosecutor of the City of Moscow, ru: Прокурор города Москвы, uk: Прокурор міста Москви}
    address: {country: RU, lines: ["ул. Новокузнецкая, д. 27"], postcode: "115184", locality: г. Москва}
  named:
    role: prosecutor
    name: {en: Marina Ivanova, ru: Иванова Марина Сергеевна, uk: Іванова Марина Сергіївна}
    title: {en: Prosecutor of the Republic of Karelia, ru: Прокурор Республики Карелия, uk: Прокурор Республіки Карелія}
    address: {country: RU, lines: ["ул. Красная, д. 33"], postcode: "185910", locality: г. Петрозаводск}
  chair:
    role: head-of-government
    pronoun: he
    title: {en: Chairman of the Government of the Russian Federation, ru: Председатель Правительства Российской Федерации,
            uk: Голова Уряду Російської Федерації}
    address: {country: RU, lines: ["Краснопресненская наб., д. 2"], postcode: "103274", locality: г. Москва}
  colony:
    role: prison-head
    pronoun: he
    title: {en: Head of IK-7, ru: Начальник ФКУ ИК-7 УФСИН России по Республике Карелия, uk: Начальник ФКУ ІК-7}
    address:
      country: RU
      lines: [Начальнику ФКУ ИК-7 УФСИН России по Республике Карелия, "ул. Лесная, д. 1"]
      postcode: "186420"
      locality: г. Сегежа
  ambassador:
    role: ambassador
    pronoun: he
    name: {en: Andrei Kelin, ru: Келин Андрей Владимирович, uk: Келін Андрій Володимирович}
    title: {en: Ambassador of the Russian Federation, ru: Посол Российской Федерации, uk: Посол Російської Федерації}
copies:
  - {en: the embassy of Russia in your country, ru: посольство России в вашей стране, uk: посольство Росії у вашій країні}
  - named
"""


@pytest.fixture
def case(tmp_path):
    p = tmp_path / "case.yaml"
    p.write_text(CASE, encoding="utf-8")
    return str(p)


def letter(case, to, lang, *extra):
    r = run("letter", case, "--to", to, "--lang", lang, *SENDER, *extra)
    assert r.code == 0, r.err
    return r


@pytest.mark.parametrize("lang,sender", [("ru", "Anna Smith"), ("uk", "Anna Smith")])
def test_addressee_and_sender_top_right_date_with_the_signature(case, lang, sender):
    out = letter(case, "named", lang).out
    blocks = top_right(out)
    assert blocks[0].split()[0] in ("Прокурору",) and " М. С. Ивановой " in " " + blocks[0] + " " \
        or " М. С. Івановій " in " " + blocks[0] + " "
    assert blocks[1] == f"{sender} 1 High Street London N1 1AA " + {"ru": "ВЕЛИКОБРИТАНИЯ", "uk": "ВЕЛИКА БРИТАНІЯ"}[lang]
    assert out.startswith(" " * 36)  # nothing before the addressee block
    date = {"ru": "28 ноября 2026 г.", "uk": "28 листопада 2026 р."}[lang]
    sign = [x for x in out.splitlines() if x.startswith(date)]
    assert len(sign) == 1 and sign[0].endswith(" Anna Smith") and len(sign[0]) == 72


def test_html_puts_the_blocks_where_they_belong(case):
    html = letter(case, "named", "ru", "--format", "html").out
    assert '<p class="right">Прокурору Республики Карелия<br>' in html
    assert '<p class="sign"><span>28 ноября 2026 г.</span><span>Anna Smith</span></p>' in html
    assert ".right { margin-left: 50%; }" in html


def test_markdown_has_no_indented_code_block(case):
    md = letter(case, "named", "ru", "--format", "markdown").out
    assert not any(x.startswith("    ") for x in md.splitlines())


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_no_country_line_in_the_letters_own_block(case, lang):
    out = letter(case, "city", lang).out
    assert "RUSSIA" not in out and "РОССИЯ" not in out.split("\n\n")[0]
    if lang == "uk":  # a Ukrainian letter to Russia names the country in Ukrainian
        assert top_right(out)[0].endswith("115184 РОСІЯ")


def test_english_block_names_the_country_in_english(case):
    out = letter(case, "city", "en", "--from", "DE").out
    assert "\nRUSSIA\n" in out and "RUSSLAND" not in out


def test_a_line_the_case_gives_is_printed_once(case):
    out = letter(case, "colony", "ru").out
    block = top_right(out)[0]
    assert block.count("Начальнику ФКУ ИК-7") == 1
    assert block.startswith("Начальнику ФКУ ИК-7 УФСИН России по Республике Карелия ул. Лесная, д. 1")


@pytest.mark.parametrize("to,lang,want", [
    ("named", "ru", "Уважаемая Марина Сергеевна!"),
    ("named", "uk", "Шановна Марино Сергіївно!"),
    ("city", "ru", "Уважаемая госпожа прокурор!"),
    ("city", "uk", "Шановна пані прокурорко!"),
    ("city", "en", "Dear Prosecutor,"),
    ("chair", "ru", "Уважаемый господин Председатель Правительства!"),
    ("chair", "uk", "Шановний пане Голово!"),
    ("colony", "ru", "Уважаемый господин начальник колонии!"),
    ("ambassador", "ru", "Уважаемый Андрей Владимирович!"),
])
def test_salutations_one_rule_and_the_right_title(case, to, lang, want):
    assert f"\n{want}\n" in letter(case, to, lang).out


def test_a_named_ambassador_keeps_he_and_the_title(case):
    out = letter(case, "ambassador", "en").out
    assert "\nH.E. Andrei Kelin\nAmbassador of the Russian Federation\n" in out


def test_the_description_the_summary_says_is_not_repeated(case):
    out = letter(case, "named", "ru").out
    assert "Павел Орлов — поэт." not in out and "Поэту Павлу Орлову" in out
    assert "Pavel Orlov, poet." not in letter(case, "named", "en").out


def test_the_treatment_paragraph_fits_the_situation(case, tmp_path):
    held = letter(case, "named", "ru").out
    assert "Правилам Нельсона Манделы" in held
    p = tmp_path / "gone.yaml"
    src = open(case, encoding="utf-8").read()
    start = src.index("  address:\n    country: RU\n    lines: [ФКУ")
    p.write_text(src[:start] + src[src.index("summary:"):], encoding="utf-8")  # no address: disappeared
    gone = run("letter", str(p), "--to", "named", "--lang", "ru", *SENDER).out
    assert "Нельсона Манделы" not in gone and "обращение с" not in gone
    assert "чтобы в отношении Павла Орлова соблюдались международные обязательства" in gone
    en = run("letter", str(p), "--to", "named", "--lang", "en", *SENDER).out
    assert "treated" not in en and "I ask that the rights of Pavel Orlov be respected" in en


@pytest.mark.parametrize("lang,items", [
    ("ru", ["- освободить Павла Орлова;", "- обеспечить ему медицинскую помощь."]),
    ("uk", ["- звільнити Павла Орлова;", "- забезпечити йому медичну допомогу."]),
])
def test_asks_follow_the_languages_list_punctuation(case, lang, items):
    out = letter(case, "named", lang).out
    assert "\n".join(items) in out


def test_copies_in_the_dative_and_your_country_named(case):
    r = letter(case, "city", "ru")
    # "in your country" is the embassy in the writer's country; several copies: «Копии:»
    assert "\nКопии: Посольству Российской Федерации в Великобритании; прокурору Республики Карелия " \
           "М. С. Ивановой\n" in r.out
    assert "в вашей стране" not in r.out


def test_no_embassy_in_your_country_to_that_countrys_ambassador(case):
    out = letter(case, "ambassador", "ru", "--embassy-address", "13 Kensington Palace Gardens; London W8 4QX").out
    assert "Посольству" not in out and "в вашей стране" not in out
    assert "\nКопия: Прокурору Республики Карелия М. С. Ивановой\n" in out


def test_a_nominative_text_copy_is_declined_with_a_warning(tmp_path):
    p = tmp_path / "c.yaml"
    p.write_text(CASE.replace("  - {en: the embassy of Russia in your country, ru: посольство России в вашей стране, "
                              "uk: посольство Росії у вашій країні}\n",
                              "  - {en: the UN Human Rights Committee, ru: Комитет ООН по правам человека, "
                              "uk: Комітет ООН з прав людини}\n"), encoding="utf-8")
    r = run("letter", str(p), "--to", "city", "--lang", "ru", *SENDER)
    assert "Копии: Комитету ООН по правам человека; " in r.out
    assert "'Комитет ООН по правам человека' is in the nominative" in r.err


def test_ukrainian_support_letter_says_what_the_russian_says():
    # a translation of the Russian letter (tests/letters/test_support_parallel.py), never «звідси»
    out = run("letter", "examples/ua-kovalenko.yaml", "--to", "person", *SENDER).out
    assert "Хочу сказати Вам кілька теплих слів: Вас пам’ятають, про Вас думають, Вам бажають добра." in out
    assert "звідси" not in out


def test_check_warns_of_a_copy_in_your_country(case):
    r = run("check", case)
    line = CASE.splitlines().index("copies:") + 2
    assert r.code == 0 and f":{line}:5: copies: 'in your country'" in r.err and "[copies-your-country]" in r.err


LATIN = """\
appealkit: 1
id: latin-names
title: Test
summary: Phạm Đoan Trang is held.
asks: [Release Phạm Đoan Trang.]
person:
  name: Phạm Đoan Trang
  pronoun: she
  address: {country: VN, lines: ["Trại giam An Phước"], locality: Bình Dương}
recipients:
  az:
    role: minister
    name: Bəxtiyar Hacıyev
    title: Minister of Justice
    address: {country: AZ, lines: ["Nizami küçəsi 1"], locality: Bakı, postcode: "AZ1000"}
"""


def test_latin_script_names_are_names_in_english_letters(tmp_path):
    p = tmp_path / "latin.yaml"
    p.write_text(LATIN, encoding="utf-8")
    r = run("letter", str(p), "--to", "all", "--lang", "en", *SENDER)
    assert r.code == 0, r.err
    assert "\nDear Trang,\n" in r.out  # called by the given name, the last word in Vietnamese
    assert "\nBəxtiyar Hacıyev\n" in r.out and "\n- Release Phạm Đoan Trang.\n" in r.out


@pytest.mark.parametrize("name,want", [
    ("Гусейнли Эльчин Ильхам оглы", "Э. И. Гусейнли"),
    ("Токаев Касым-Жомарт Кемелевич", "К.-Ж. К. Токаеву"),
    ("Рахмон Эмомали", "Э. Рахмону"),
    ("Эмомали Рахмон", "Э. Рахмону"),
    ("Гора Дмитрий", "Д. Горе"),
    ("Дмитрий Гора", "Д. Горе"),
])
def test_names_as_registered_in_the_addressee_block(name, want):
    from appealkit import grammar

    assert grammar.dative_official("Президент", name, "he", "ru") == ["Президенту", want]


def test_a_two_word_name_of_unclear_order_is_read_given_first_with_a_warning(tmp_path):
    p = tmp_path / "c.yaml"
    p.write_text(CASE.replace("name: {en: Marina Ivanova, ru: Иванова Марина Сергеевна, uk: Іванова Марина Сергіївна}",
                              "name: {en: Aron Atabek, ru: Арон Атабек, uk: Арон Атабек}"), encoding="utf-8")
    r = run("letter", str(p), "--to", "named", "--lang", "ru", *SENDER)
    assert " А. Атабеку " in " " + top_right(r.out)[0] + " "
    assert "recipients.named.name: 'Арон Атабек' does not show which word is the surname" in r.err


@pytest.mark.parametrize("native,lang,want", [
    ("Король Наталья Семёновна", "be", "Кому: Король Наталье Семёновне, 1980 г. р."),
    ("Король Наталья Семёновна", "ru", "Кому: Король Наталье Семёновне, 1980 г. р."),
])
def test_the_envelope_names_the_person_as_the_prison_registers_them(tmp_path, native, lang, want):
    p = tmp_path / "by.yaml"
    p.write_text(f"""\
appealkit: 1
id: by-test
title: Test
summary: Held.
asks: [Release her.]
person:
  name: {{en: Natallia Karol, be: Наталля Кароль, ru: Наталья Король}}
  native_name: {native}
  pronoun: she
  born: 1980
  address: {{country: BY, lines: ["ИК-4", "ул. Антошкина, 3"], postcode: "246035", locality: г. Гомель}}
""", encoding="utf-8")
    out = run("letter", str(p), "--to", "person", "--lang", lang, *SENDER).out
    assert out.count(want) == 2  # in the letter and on the envelope
    assert "Кароль Наталлі" not in out


@pytest.mark.parametrize("args,want", [
    (("Anna Smith", ["1 High Street", "London N1 1AA"], "GB", "RU", "ru"),
     ["Anna Smith", "1 High Street", "London N1 1AA", "ВЕЛИКОБРИТАНИЯ"]),
    ((None, ["1 High Street", "London N1 1AA"], "GB", "RU", "en"), ["1 High Street", "London N1 1AA", "UNITED KINGDOM"]),
    ((None, ["1 High Street", "London", "United Kingdom"], "GB", "RU", "ru"), ["1 High Street", "London", "United Kingdom"]),
    (("A", ["1 High Street", "London"], "GB", "GB", "ru"), ["A", "1 High Street", "London"]),  # domestic: no country
    (("A", ["Atatürk Cd. 1", "Ankara"], "TR", "RU", "tr"), ["A", "Atatürk Cd. 1", "Ankara", "TÜRKİYE"]),
])
def test_one_return_address_builder(args, want):
    from appealkit.address.addressee import return_address

    assert return_address(*args) == want


def test_the_letters_return_address_is_the_builders():
    from appealkit.address.addressee import return_address

    out = run("letter", "examples/ru-aliyev.yaml", "--to", "person", "--lang", "ru", *SENDER).out
    lines = return_address("Anna Smith", ["1 High Street", "London N1 1AA"], "GB", "RU", "ru")
    assert out.endswith("От кого: " + "\n".join(lines) + "\n")
    # the letter to the embassy in the writer's own country is domestic mail
    amb = run("letter", "examples/ru-aliyev.yaml", "--to", "ambassador", "--lang", "ru", *SENDER).out
    assert "ВЕЛИКОБРИТАНИЯ" not in amb


def test_a_quoted_name_in_a_copy_is_printed_as_written(tmp_path):
    p = tmp_path / "c.yaml"
    p.write_text(CASE.replace("  - {en: the embassy of Russia in your country, ru: посольство России в вашей стране, "
                              "uk: посольство Росії у вашій країні}\n",
                              "  - {en: Novaya Gazeta, ru: «Новая газета», uk: «Нова газета»}\n"), encoding="utf-8")
    r = run("letter", str(p), "--to", "city", "--lang", "ru", *SENDER)
    assert "\nКопии: «Новая газета»; прокурору Республики Карелия М. С. Ивановой\n" in r.out
    assert "nominative" not in r.err


@pytest.mark.parametrize("lang, home, abroad", [
    ("ru", "Обращаюсь к Вам в связи с положением", "Обращаюсь к Вам из Великобритании в связи с положением"),
    ("en", "I am writing to express my deep concern", "I am writing from the United Kingdom to express my deep concern")])
def test_an_official_of_the_writers_own_country_is_not_told_where_the_letter_comes_from(lang, home, abroad):
    """«Обращаюсь к Вам из России» to the Prosecutor General of Russia, from a writer in Russia,
    tells him what he knows; from abroad it is the point."""
    from appealkit import compose_letters, load_case

    case = load_case(str(ROOT / "examples" / "ru-aliyev.yaml"))
    kw = dict(lang=lang, sender_name="Анна Смирнова", date=dt.date(2026, 12, 1))
    (mine,) = compose_letters(case, "prosecutor", sender_address=["ул. Ленина, д. 1", "г. Тверь", "170000"],
                              sender_country="RU", **kw)
    (theirs,) = compose_letters(case, "prosecutor", sender_address=["1 High St", "London N1 1AA"],
                                sender_country="GB", **kw)
    assert home in mine.text and abroad in theirs.text


@pytest.mark.parametrize("lang, home, abroad", [
    ("ru", "Меня зовут Анна Смирнова. Мне хочется", "Меня зовут Анна Смирнова, я пишу Вам из Великобритании."),
    ("en", "My name is Анна Смирнова. I would like", "My name is Анна Смирнова and I am writing to you from the United Kingdom.")])
def test_a_support_letter_from_the_persons_own_country_does_not_say_where_it_comes_from(lang, home, abroad):
    """«я пишу Вам из России» to a prisoner in Russia from a writer in Russia says nothing: the
    letter says who writes and goes on to its warm words; from abroad, where it comes from is
    half the message."""
    from appealkit import compose_letters, load_case

    case = load_case(str(ROOT / "examples" / "ru-aliyev.yaml"))
    kw = dict(lang=lang, sender_name="Анна Смирнова", date=dt.date(2026, 12, 1))
    (mine,) = compose_letters(case, "person", sender_address=["ул. Ленина, д. 1", "г. Тверь", "170000"],
                              sender_country="RU", **kw)
    (theirs,) = compose_letters(case, "person", sender_address=["1 High St", "London N1 1AA"],
                                sender_country="GB", **kw)
    assert home in mine.text and abroad in theirs.text
    opening = mine.text.split("\n\n")[3]  # date, addressee block, salutation, then this
    assert "Росси" not in opening and "Russia" not in opening

"""An official's addressee on the envelope is the letter's own (issue 22): in Russian and
Ukrainian the «Кому» lines are in the dative, official style (ГОСТ Р 7.0.97-2016, ДСТУ 4163),
built once (address.addressee.official_addressee) for the letter's addressee block and for the
envelope, label and `address` block; the Latin block, and a block in a language that does not
address officials so, stay as they were."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from appealkit import scripts
from appealkit.address.addressee import OFFICIAL_DATIVE
from appealkit.address.format import blocks_for, case_languages, cyrillic_language
from appealkit.case import load_case
from appealkit.letters.render import context
from appealkit.letters.sender import Sender

from ..conftest import EXAMPLES, run

SENDER = Sender("Anna Smith", ["1 High Street", "London N1 1AA"], "GB")
DAY = dt.date(2026, 11, 28)


def _officials(case):
    """(id, the language of the address) of each official with a Cyrillic postal address."""
    for rid, r in case.recipients.items():
        if r.address is not None and scripts.has(r.address.local_text, scripts.CYRILLIC):
            yield rid, cyrillic_language(r.address.local_text, r.address.country, case_languages(case))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_envelope_carries_the_letters_addressee_lines(path):
    case = load_case(str(path))
    for rid, lang in _officials(case):
        if lang not in OFFICIAL_DATIVE:
            continue
        block = blocks_for(case, rid, "GB")[0]
        letter = context(case, to=rid, lang=lang, day=DAY, sender=SENDER, blocks=[block])
        # the letter in the destination's language has no country line; the envelope adds its own
        assert letter["recipient"]["address"] == block.local, rid
        assert block.lines("local") == block.local + ["RUSSIA" if block.country == "RU" else "UKRAINE"]


def test_the_examples_have_officials_in_both_languages():
    langs = {lang for p in EXAMPLES for _, lang in _officials(load_case(str(p)))}
    assert {"ru", "uk"} <= langs


def _local(args) -> list[str]:
    r = run("address", *args, "--script", "local")
    assert r.code == 0, r.err
    return r.out.splitlines()


def test_a_russian_minister_in_the_dative_the_ministry_left_out():
    assert _local(["examples/ru-aliyev.yaml", "--to", "minister", "--from", "GB"]) == [
        "Министру юстиции Российской Федерации", "К. А. Чуйченко", "ул. Житная, д. 14, стр. 1",
        "г. Москва", "119991", "RUSSIA"]


def test_the_latin_block_stays_as_it_was():
    r = run("address", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--from", "GB", "--script", "latin")
    assert r.out.splitlines() == [
        "Prosecutor General of the Russian Federation", "Alexander Gutsan",
        "PROSECUTOR GENERAL'S OFFICE OF THE RUSSIAN FEDERATION", "UL. BOLSHAYA DMITROVKA, 15A", "MOSCOW",
        "125993", "RUSSIA"]


def test_json_gives_the_dative_lines():
    data = json.loads(run("address", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--from", "GB", "--json").out)
    assert data["local"][:3] == ["Генеральному прокурору Российской Федерации", "А. В. Гуцану",
                                 "ул. Большая Дмитровка, д. 15а"]
    assert data["name"] == "Prosecutor General of the Russian Federation, Alexander Gutsan"


def test_a_ukrainian_prosecutor_in_the_dative_keeps_the_office_line():
    # «Офіс Генерального прокурора» is not the body «Генеральний прокурор України» names: it stays
    assert _local(["examples/ua-kovalenko.yaml", "--to", "prosecutor", "--from", "GB"]) == [
        "Генеральному прокурору України", "Р. М. Кравченку", "Офіс Генерального прокурора",
        "вул. Різницька, 13/15", "м. Київ", "01011", "UKRAINE"]


def test_no_country_line_at_home():
    assert _local(["examples/ua-kovalenko.yaml", "--to", "president", "--from", "UA"]) == [
        "Президенту України", "В. О. Зеленському", "вул. Банкова, 11", "м. Київ", "01220"]


CASE = """\
appealkit: 1
id: test-envelope
title: A case
language: en
person:
  name: {en: Pavel Orlov, ru: Павел Орлов}
  native_name: Орлов Павел Андреевич
  pronoun: he
  address: {country: RU, lines: [ФКУ ИК-7, "ул. Лесная, д. 1"], postcode: "186420", locality: г. Сегежа}
summary: {en: S, ru: С.}
asks: [{en: A., ru: А.}]
recipients:
  colony:
    role: prison-head
    title: {en: Head of IK-6, ru: Начальник ФКУ ИК-6 УФСИН России по Владимирской области}
    address:
      country: RU
      lines: [ФКУ ИК-6 УФСИН России по Владимирской области, "ул. Стационная, д. 1"]
      postcode: "601446"
      locality: г. Покров
  own:
    role: prison-head
    title: {en: Head of IK-7, ru: Начальник ФКУ ИК-7 УФСИН России по Республике Карелия}
    address:
      country: RU
      lines: [Начальнику ФКУ ИК-7 УФСИН России по Республике Карелия, "ул. Лесная, д. 1"]
      postcode: "186420"
      locality: г. Сегежа
  ombudsman:
    role: official
    pronoun: she
    name: {en: Tatyana Moskalkova, ru: Москалькова Татьяна Николаевна}
    title: {en: High Commissioner for Human Rights, ru: Уполномоченный по правам человека в Российской Федерации}
    forms: {ru: {Уполномоченный: {dat: Уполномоченной}}}
    address: {country: RU, lines: ["ул. Мясницкая, д. 47"], postcode: "101000", locality: г. Москва}
  ministry:
    role: official
    name: {en: Ivan Sidorov, ru: Сидоров Иван Петрович}
    organisation: {en: Ministry of Justice, ru: Министерство юстиции Российской Федерации}
    address:
      country: RU
      lines: [Министерство юстиции Российской Федерации, "ул. Житная, д. 14, стр. 1"]
      postcode: "119991"
      locality: г. Москва
  belarus:
    role: prosecutor
    title: {en: Prosecutor of Minsk, be: Пракурор горада Мінска}
    address: {country: BY, lines: ["вул. Кальварыйская, д. 5"], postcode: "220004", locality: г. Мінск}
  kazakh:
    role: official
    title: {en: Akim of Pavlodar, kk: Павлодар облысының әкімі}
    address: {country: KZ, lines: ["Ақсу көшесі, 1"], postcode: "140000", locality: Павлодар қ.}
"""


@pytest.fixture
def case(tmp_path):
    p = tmp_path / "case.yaml"
    p.write_text(CASE, encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("to,lines", [
    # the title names the colony: its line is left out (ГОСТ Р 7.0.97-2016, п. 5.14)
    ("colony", ["Начальнику ФКУ ИК-6 УФСИН России по Владимирской области", "ул. Стационная, д. 1", "г. Покров",
                "601446", "RUSSIA"]),
    # the case's first line is the addressee's own, in the dative already: once
    ("own", ["Начальнику ФКУ ИК-7 УФСИН России по Республике Карелия", "ул. Лесная, д. 1", "г. Сегежа", "186420",
             "RUSSIA"]),
    # the case's forms win on the envelope as in the letter
    ("ombudsman", ["Уполномоченной по правам человека в Российской Федерации", "Т. Н. Москальковой",
                   "ул. Мясницкая, д. 47", "г. Москва", "101000", "RUSSIA"]),
    # an organisation without a title is named in the nominative, once, the official under it
    ("ministry", ["Министерство юстиции Российской Федерации", "И. П. Сидорову", "ул. Житная, д. 14, стр. 1",
                  "г. Москва", "119991", "RUSSIA"]),
    # no letters to officials in Belarusian, none in Kazakh: their blocks are as written
    ("belarus", ["Пракурор горада Мінска", "вул. Кальварыйская, д. 5", "220004 г. Мінск", "BELARUS"]),
    ("kazakh", ["Павлодар облысының әкімі", "Ақсу көшесі, 1", "140000 Павлодар қ.", "KAZAKHSTAN"]),
])
def test_envelope_addressee(case, to, lines):
    assert _local([case, "--to", to, "--from", "GB"]) == lines


@pytest.mark.parametrize("to", ["colony", "own", "ombudsman", "ministry"])
def test_the_russian_letter_has_the_envelopes_lines(case, to):
    c = load_case(case)
    block = blocks_for(c, to, "GB")[0]
    assert context(c, to=to, lang="ru", day=DAY, sender=SENDER, blocks=[block])["recipient"]["address"] == block.local


def test_check_builds_the_blocks_undeclined(case):
    c = load_case(case)
    assert blocks_for(c, "ombudsman", "GB", decline=False)[0].local[:2] == [
        "Уполномоченный по правам человека в Российской Федерации", "Москалькова Татьяна Николаевна"]

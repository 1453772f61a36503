"""night.assign: what a case gives every writer alike (CaseRules)."""

from __future__ import annotations

import datetime as dt

from appealkit import parse_case
from appealkit.night.assign import CaseRules, letter_languages

TWO = """appealkit: 1
id: ru-two
title: {en: Free Ivan, ru: Свободу Ивану}
summary: {en: Ivan is held., ru: Иван в заключении.}
asks: [{en: Release him., ru: Освободите его.}]
person:
  name: {en: Ivan Petrov, ru: Иван Петров}
  address: {country: RU, lines: [ФКУ ИК-2], locality: г. Покров, postcode: '601446'}
recipients:
  prosecutor:
    role: prosecutor
    name: {en: Alexander Gutsan, ru: Александр Гуцан}
    title: {en: Prosecutor General}
    address: {country: RU, lines: [ул. Большая Дмитровка, д. 15а], locality: г. Москва, postcode: '125993'}
"""


def test_letters_to_the_authorities_only_in_languages_that_have_their_names_and_titles():
    # mutation testing: the prosecutor's title has no Russian, so letters to the authorities go
    # in English alone; the support letter to the person, which names no official, in both
    case = parse_case(TWO, "c.yaml")
    day = dt.date(2026, 12, 1)
    assert letter_languages(case) == ["en", "ru"]
    assert CaseRules(case, "all", day).langs == ["en"]
    assert CaseRules(case, "person", day).langs == ["en", "ru"]

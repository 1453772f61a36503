"""What a prison censor stops (issue 24.8): sentences on the topics the letter guides name are
flagged, ordinary warm sentences are not. The sets in tests/data/censor/ are written for these
tests; the rates are the issue's: at least 90% flagged, at most 1 in 20 ordinary ones."""

from __future__ import annotations

import pytest

from appealkit.letters.checks import censor_findings
from appealkit.resources import load_data

from ..conftest import ROOT

LANGS = ["ru", "uk", "be", "en"]


def _set(lang: str) -> dict:
    import yaml

    return yaml.safe_load((ROOT / "tests" / "data" / "censor" / f"{lang}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_sets_are_big_enough(lang):
    s = _set(lang)
    assert len(s["stopped"]) >= 40 and len(s["ordinary"]) >= 40


@pytest.mark.parametrize("lang", LANGS)
def test_censor_sentences_are_flagged(lang):
    missed = [x for x in _set(lang)["stopped"] if not censor_findings(x, lang)]
    assert len(missed) <= len(_set(lang)["stopped"]) * 0.10, missed


@pytest.mark.parametrize("lang", LANGS)
def test_ordinary_sentences_are_not(lang):
    ordinary = _set(lang)["ordinary"]
    flagged = {x: censor_findings(x, lang) for x in ordinary if censor_findings(x, lang)}
    assert len(flagged) <= len(ordinary) / 20, flagged


@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_has_a_reason_and_a_source(lang):
    for g in load_data("words", f"{lang}.yaml")["groups"]:
        assert g["why"] and g["source"] and g["topic"], g


@pytest.mark.parametrize("lang", LANGS)
def test_word_samples(lang):
    for text, want in load_data("words", f"{lang}.yaml")["samples"]:
        assert [w for w, _ in censor_findings(text, lang)] == want, text


@pytest.mark.parametrize("text, lang, ok", [
    ("Тримайся, друже! Ми всі з тобою і чекаємо на тебе.", "ru", False),  # Ukrainian
    ("Трымайся! Мы ўсе з табой і чакаем цябе.", "ru", False),  # Belarusian
    ("Трымайся! Мы ўсе з табой і чакаем цябе.", "be", True),
    ("Тримайся, друже! Ми всі з тобою і чекаємо на тебе.", "uk", True),
    ("У нас уже выпал снег, и я думаю о Вас.", "ru", True),
    ("Привет от Олексія и всех друзей из Киева, держитесь!", "ru", True),  # a Ukrainian name is no language
    ("Тримайся!", "ru", True),  # one word cannot tell
    ("We think of you.", "en", True),  # no alphabet: the script check alone decides
])
def test_a_message_is_in_the_letters_language_as_far_as_its_letters_tell(text, lang, ok):
    from appealkit.letters.checks import in_language

    assert in_language(text, lang) is ok

"""The pack's letters are the letters' own: the official layout of a Russian letter (letters.layout),
the one return-address builder (address.addressee) on letter and envelope alike, and a writer's
message a prison censor may stop never printed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from appealkit import load_case
from appealkit.night.writers import Writer
from appealkit.pack.html import build_pack

from ..conftest import run

CASES = Path(__file__).parents[1] / "night" / "cases"
PETROV = str(CASES / "20-petrov.yaml")  # a journalist held in Russia
DAY = dt.date(2026, 12, 1)
GB = ["1 High Street", "London N1 1AA"]


def _pack(to: str, writer: Writer, message: str | None = None):
    return build_pack([load_case(PETROV)], [writer], to, date=DAY, message=message)


def _articles(html: str) -> list[str]:
    return re.findall(r'<article class="item letter.*?</article>', html, re.S)


def test_a_russian_official_letter_keeps_its_layout_in_the_pack():
    html = _articles(_pack("prosecutor", Writer(2, "Anna Smith", GB, "GB", "ru")).html)[0]
    # the addressee and the sender at the top right, the date and the name on one line
    assert re.search(r'<p class="right">Генеральному прокурору<br>', html)
    assert re.search(r'<p class="right">Anna Smith<br>1 High Street<br>London N1 1AA<br>ВЕЛИКОБРИТАНИЯ</p>', html)
    assert '<p class="sign"><span>1 декабря 2026 г.</span><span>Anna Smith</span></p>' in html
    assert html.index('class="right"') < html.index("Уважаем") < html.index('class="sign"')


def test_an_english_letter_has_no_right_hand_blocks():
    html = _articles(_pack("prosecutor", Writer(2, "John Brown", GB, "GB", "en")).html)[0]
    assert 'class="right"' not in html and 'class="sign"' not in html
    assert "<p>John Brown<br>1 High Street<br>London N1 1AA<br>UNITED KINGDOM</p>" in html


def test_the_pack_css_sets_the_right_block_and_the_signature_line():
    css = _pack("prosecutor", Writer(2, "Anna Smith", GB, "GB", "ru")).html
    assert re.search(r"\.letter \.right \{[^}]*margin-left: 50%", css)
    assert re.search(r"\.letter \.sign \{[^}]*justify-content: space-between", css)


def _from(html: str) -> list[str]:
    envelope = re.search(r'<div class="from"[^>]*>(.*?)</div>', html, re.S)
    assert envelope is not None
    return re.findall(r'<span class="line">(.*?)</span>', envelope.group(1))


def test_the_return_address_is_the_same_in_the_letter_and_on_the_envelope():
    """A writer in GB writing to Russia: one builder, one country line (not UNITED KINGDOM)."""
    html = _pack("prosecutor", Writer(2, "Anna Smith", GB, "GB", "ru")).html
    assert _from(html) == ["Anna Smith", *GB, "ВЕЛИКОБРИТАНИЯ"]
    assert '<p class="right">Anna Smith<br>1 High Street<br>London N1 1AA<br>ВЕЛИКОБРИТАНИЯ</p>' in html
    assert "UNITED KINGDOM" not in html


def _to(html: str) -> list[str]:
    envelope = re.search(r'<div class="to"[^>]*>(.*?)</div>', html, re.S)
    assert envelope is not None
    return re.findall(r'<span class="line[^"]*">(.*?)</span>', envelope.group(1))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_envelope_names_the_official_as_the_russian_letter_does(lang):
    """«Кому» in the dative, official style, whatever the language of the writer's letter."""
    html = _pack("prosecutor", Writer(2, "Anna Smith", GB, "GB", lang)).html
    assert _to(html) == ["Генеральному прокурору Российской Федерации", "И. В. Краснову",
                         "ул. Большая Дмитровка, д. 15а", "г. Москва", "125993", "RUSSIA"]


def test_a_support_letter_carries_no_return_address_its_envelope_does():
    html = _pack("person", Writer(2, "Anna Smith", GB, "GB", "ru")).html
    assert _from(html) == ["Anna Smith", *GB, "ВЕЛИКОБРИТАНИЯ"]
    letter = _articles(html)[0]
    assert "High Street" not in letter and "ВЕЛИКОБРИТАНИЯ" not in letter


CENSORED = "Держитесь! Ваш адвокат подал апелляцию."
WARM = "У нас уже выпал снег, я читаю хорошую книгу и думаю о Вас."


def test_a_message_a_censor_may_stop_is_left_out_and_said_once():
    p = _pack("person", Writer(2, "Anna Smith", GB, "GB", "ru"), CENSORED)
    assert "адвокат" not in p.html and "апелляц" not in p.html
    said = [m for m in p.warnings if "personal message" in m]
    assert len(said) == 1 and "left out" in said[0] and "'адвокат'" in said[0]


def test_a_writers_message_is_checked_in_the_language_the_letter_goes_in():
    """An English-speaking writer's message goes into a support letter in the prison's language
    (Russian): the censor's Russian words are looked for there too."""
    w = Writer(2, "Anna Smith", GB, "GB", "en", extra={"message": CENSORED})
    p = build_pack([load_case(PETROV)], [w], "person", date=DAY)
    assert "адвокат" not in p.html
    assert len([m for m in p.warnings if "personal message" in m and "'адвокат'" in m]) == 1


def test_a_message_its_writer_kept_after_the_warning_is_printed():
    """The event page shows the censor's words as the volunteer types; what they keep is printed."""
    p = build_pack([load_case(PETROV)], [Writer(2, "Anna Smith", GB, "GB", "en")], "person", date=DAY,
                   message=CENSORED, message_seen=True)
    assert "Ваш адвокат подал апелляцию" in p.html
    assert not [m for m in p.warnings if "personal message" in m]


def test_a_warm_message_is_printed():
    p = _pack("person", Writer(2, "Anna Smith", GB, "GB", "ru"), WARM)
    assert WARM in p.html
    assert not [m for m in p.warnings if "personal message" in m]


@pytest.fixture()
def writers(tmp_path):
    f = tmp_path / "writers.csv"
    f.write_text("name,address,country,lang,message\n"
                 f"Anna Smith,1 High Street; London N1 1AA,GB,ru,{CENSORED}\n"
                 f'John Brown,2 Low Road; Leeds LS1 1AA,GB,ru,"{WARM}"\n', encoding="utf-8")
    return f


def test_the_pack_names_the_writers_row_and_prints_the_rest(writers, tmp_path):
    out = tmp_path / "pack.html"
    r = run("pack", PETROV, "--writers", str(writers), "--to", "person", "--out", str(out), "--date", "2026-12-01")
    assert r.code == 0
    said = [x for x in r.err.splitlines() if "personal message" in x]
    assert len(said) == 1 and said[0].startswith(f"appealkit: warning: {writers}:2: row 2: Anna Smith's personal "
                                                 "message is left out")
    html = out.read_text(encoding="utf-8")
    assert "адвокат" not in html and WARM in html


def test_strict_refuses_the_pack(writers, tmp_path):
    out = tmp_path / "pack.html"
    r = run("pack", PETROV, "--writers", str(writers), "--to", "person", "--out", str(out), "--date", "2026-12-01",
            "--strict")
    assert r.code == 1
    assert f"appealkit: error: {writers}:2: row 2: Anna Smith's personal message has words a prison censor may stop" in r.err
    assert not out.exists()

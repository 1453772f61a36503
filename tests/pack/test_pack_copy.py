"""A writer's copy translates the letter sent (issue 22): the copy in the writer's language says
what the letter in the prison's language says, sentence by sentence, and makes the letter's
choices (the writer named in the text or not, their message, the ask to reply)."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from pathlib import Path

from appealkit import load_case
from appealkit.letters.compose import compose_letters
from appealkit.night.writers import Writer
from appealkit.pack.html import build_pack

from ..letters.test_support_parallel import sentences

CASES = Path(__file__).parents[1] / "night" / "cases"
PETROV = str(CASES / "20-petrov.yaml")  # a journalist held in Russia
DAY = dt.date(2026, 12, 1)
PARIS = ["5 rue de la Paix", "75002 Paris"]
WARM = "Chez nous il neige déjà, et je pense à Vous."


def _letter_and_copy(writer: Writer, message: str | None = None) -> tuple[str, str]:
    page = build_pack([load_case(PETROV)], [writer], "person", date=DAY, message=message).html
    articles = re.findall(r'<article class="item letter.*?</article>', page, re.S)
    assert len(articles) == 2 and ' copy"' in articles[1] and ' copy"' not in articles[0]
    return _text(articles[0]), _text(articles[1])


def _text(article: str) -> str:
    paras = re.findall(r"<p[^>]*>(.*?)</p>", article, re.S)
    return "\n\n".join(htmllib.unescape(re.sub(r"<br>", "\n", p)) for p in paras)


def _body(text: str) -> list[int]:
    """The sentences of each paragraph after the greeting, as counts."""
    paras = text.split("\n\n")
    start = next(i for i, p in enumerate(paras) if p.startswith(("Dear ", "Здравствуйте", "Добрий", "Добры")))
    return [len(sentences(p)) for p in paras[start:]]


def test_a_latin_named_writer_is_not_named_in_either():
    letter, copy = _letter_and_copy(Writer(2, "Claire Martin", PARIS, "FR", "en"))
    assert "Меня зовут" not in letter and "Я пишу Вам из Франции." in letter
    assert "My name is" not in copy and "I am writing to you from France." in copy
    assert ("I would like to send you a few warm words: you are remembered, people are thinking of you and "
            "wishing you well.") in copy
    assert _body(letter) == _body(copy)


def test_the_copy_names_the_writer_where_the_letter_does():
    # a Cyrillic name goes into the Russian text; the English copy says so, in the letter's script
    letter, copy = _letter_and_copy(Writer(2, "Анна Смирнова", ["1 High Street", "London N1 1AA"], "GB", "en"))
    assert "Меня зовут Анна Смирнова, я пишу Вам из Великобритании." in letter
    assert "My name is Анна Смирнова and I am writing to you from the United Kingdom." in copy
    assert _body(letter) == _body(copy)


WARM_RU = "У нас уже выпал снег, и я думаю о Вас."


def test_the_copy_has_the_writers_message_where_the_letter_does():
    letter, copy = _letter_and_copy(Writer(2, "Claire Martin", PARIS, "FR", "en"), WARM_RU)
    assert WARM_RU in letter and WARM_RU in copy
    # a message in Latin letters is one a Russian prison cannot read: in neither
    letter, copy = _letter_and_copy(Writer(2, "Claire Martin", PARIS, "FR", "en"), WARM)
    assert "neige" not in letter and "neige" not in copy
    letter, copy = _letter_and_copy(Writer(2, "Claire Martin", PARIS, "FR", "en"), "Ваш адвокат подал апелляцию.")
    assert "адвокат" not in letter and "адвокат" not in copy


def test_a_message_in_another_script_is_said_once_and_on_the_cover():
    w = Writer(2, "Claire Martin", PARIS, "FR", "en", extra={"message": WARM})
    cases = [load_case(PETROV), load_case(str(CASES / "10-sokolova.yaml"))]
    p = build_pack(cases, [w], "person", date=DAY)
    said = [m for m in p.warnings if "personal message is not written in" in m]
    assert len(said) == 1 and "Claire Martin's" in said[0]  # one line for the writer, every language in it
    assert said[0].endswith("personal message is not written in Russian: it is left out of their letters in "
                            "Russian (a prison censor stops what they cannot read)")
    both = build_pack([load_case(PETROV), load_case(str(Path(__file__).parents[2] / "examples" / "ua-kovalenko.yaml"))],
                      [w], "person", date=DAY)
    (said,) = [m for m in both.warnings if "personal message is not written in" in m]
    assert "not written in Russian or Ukrainian: it is left out of their letters in those languages" in said
    assert "neige" not in p.html


def test_a_message_in_another_cyrillic_language_is_left_out_of_a_russian_letter():
    # a Russian prison's censor stops a letter it cannot read: Ukrainian is not Russian
    ua = "Тримайся, друже! Ми всі з тобою і чекаємо на тебе."
    w = Writer(2, "Olena Koval", PARIS, "FR", "uk", extra={"message": ua})
    p = build_pack([load_case(PETROV)], [w], "person", date=DAY)
    assert "чекаємо" not in p.html
    (said,) = [m for m in p.warnings if "personal message is not written in" in m]
    assert "Olena Koval's personal message is not written in Russian" in said


def test_the_copy_is_headed_as_a_translation():
    page = build_pack([load_case(PETROV)], [Writer(2, "Claire Martin", PARIS, "FR", "en")], "person", date=DAY).html
    assert ("Your copy, Claire Martin: your letter in Russian, translated into English. Keep this page; "
            "do not post it.") in page


def test_a_translation_leaves_out_what_its_letter_leaves_out():
    case = load_case(PETROV)
    kw = dict(sender_name="Claire Martin", sender_address=PARIS, sender_country="FR", date=DAY, message=WARM)
    (full,) = compose_letters(case, "person", lang="en", **kw)
    assert full.choices == {"sender.from": True, "sender.name_in_text": True, "message": True, "reply": True}
    assert "My name is Claire Martin" in full.text and WARM in full.text and "block capitals" in full.text
    (bare,) = compose_letters(case, "person", lang="en", follow={**dict.fromkeys(full.choices, False),
                                                                 "sender.from": True}, **kw)
    assert "My name is" not in bare.text and WARM not in bare.text and "block capitals" not in bare.text
    assert "I am writing to you from France." in bare.text
    # a letter from the person's own country says no "from": nor does its copy
    (home,) = compose_letters(case, "person", lang="en", follow=dict.fromkeys(full.choices, False), **kw)
    assert "I am writing to you" not in home.text and "France" not in home.text.split("\n\n")[3]
    # the letter's own context is cached for the next writer: untouched by the translation
    (again,) = compose_letters(case, "person", lang="en", **kw)
    assert again.text == full.text


def test_a_writers_cover_sheet_says_what_their_post_cannot_carry_and_their_message(tmp_path):
    from ..conftest import run

    f = tmp_path / "w.csv"
    f.write_text("name,address,country,lang,message\n"
                 'John Doe,"1 Main St; Springfield, IL 62701",US,en,Ваш адвокат подал апелляцию.\n', encoding="utf-8")
    out = tmp_path / "p.html"
    r = run("pack", PETROV, "--writers", str(f), "--by", "writer", "--out", str(out), "--date", "2026-12-01")
    cover = re.search(r'<section class="item cover">.*?</section>', out.read_text(encoding="utf-8"), re.S).group()
    assert "cannot go by post from US to RU" in cover
    assert "Your message is left out of your letters: a prison censor may stop it" in cover
    assert r.err.count("personal message is left out") == 1
    assert r.err.lower().count("letters to the person cannot go by post from us to ru") == 1  # not again per writer

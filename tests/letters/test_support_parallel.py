"""The support letter says the same in every language (issue 22): each language's template is a
translation of the Russian one, sentence by sentence, with the same Jinja tags and variables, so
that a writer's copy in one language translates the letter sent in another. Data-driven: every
language with a support template is held to it, a new one too."""

from __future__ import annotations

import itertools
import re

import pytest

from appealkit.letters.render import CHOICES, environment
from appealkit.letters.translations import has_template, languages
from appealkit.resources import data_path

REFERENCE = "ru"  # the one a native editor passed
OTHERS = [lg for lg in languages() if lg != REFERENCE and has_template(lg, "support")]


def source(lang: str) -> str:
    return data_path("templates", lang, "support.txt.j2").read_text(encoding="utf-8")


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def tags(text: str) -> list[tuple[int, str]]:
    """The template's Jinja tags and variables in order, as (line, the tag with its spaces evened
    out); comments left out."""
    return [(text.count("\n", 0, m.start()) + 1, " ".join(m.group().replace("-%}", "%}").replace("{%-", "{%").split()))
            for m in _TAG.finditer(text)]


class Slot(dict):
    """A value of the template's context that prints its own name (⟨sender.name⟩), holds one
    item (a list's), and is true where the choices in `on` say."""

    def __init__(self, path: str, on: frozenset) -> None:
        super().__init__()
        self._path, self._on = path, on

    def __missing__(self, key: str) -> Slot:
        return Slot(f"{self._path}.{key}", self._on)

    def __str__(self) -> str:
        return f"⟨{self._path}⟩"

    def __bool__(self) -> bool:
        return self._path in self._on

    def __iter__(self):
        return iter([Slot(f"{self._path}[]", self._on)])


def render(text: str, on: frozenset) -> str:
    from jinja2 import meta

    env = environment(False)
    names = meta.find_undeclared_variables(env.parse(text))
    return env.from_string(text).render({n: Slot(n, on) for n in names})


# a sentence ends at . ! ? or … (and a closing quote) before a space or the paragraph's end; not
# after an abbreviation («1983 г. р.», «вул.», "St.")
_END = re.compile(r"[.!?…]+[»”\")]*(?=\s|$)")
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:г|гг|р|н|т|е|ст|ул|вул|пр|просп|обл|Mr|Mrs|Ms|Dr|St|etc)\.$", re.I)


def sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences; its last runs to its end, ended or not (a greeting "Dear Anna,"
    is one, as «Здравствуйте, Анна!» is)."""
    out, start = [], 0
    for m in _END.finditer(paragraph):
        if _ABBREVIATION.search(paragraph[start:m.end()]):
            continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    rest = paragraph[start:].strip()
    return out + [rest] if rest else out


def shape(letter: str) -> list[list[list[str]]]:
    """The letter's paragraphs, each as its sentences, each as the variables it says."""
    return [[re.findall(r"⟨[^⟩]*⟩", s) for s in sentences(p)] for p in re.split(r"\n[ \t]*\n", letter.strip())]


def differences(lang: str, text: str, reference: str) -> list[str]:
    """How the `lang` template `text` is not a translation of the reference template: its tags, then
    for every combination of the letter's choices its paragraphs and their sentences."""
    where = f"{lang}/support.txt.j2"
    mine, theirs = tags(text), tags(reference)
    for (line, a), (_, b) in zip(mine, theirs):
        if a != b:
            return [f"{where}:{line}: {a} where {REFERENCE}/support.txt.j2 has {b}"]
    if len(mine) != len(theirs):
        line = mine[len(theirs)][0] if len(mine) > len(theirs) else (mine[-1][0] if mine else 1)
        return [f"{where}:{line}: {len(mine)} Jinja tags where {REFERENCE}/support.txt.j2 has {len(theirs)}"]
    out = []
    for n in range(len(CHOICES) + 1):
        for on in map(frozenset, itertools.combinations(CHOICES, n)):
            said = ", ".join(f"{c}={'yes' if c in on else 'no'}" for c in CHOICES)
            a, b = render(text, on), render(reference, on)
            pa, pb = shape(a), shape(b)
            paras = re.split(r"\n[ \t]*\n", a.strip())
            if len(pa) != len(pb):
                out.append(f"{where} ({said}): {len(pa)} paragraphs where {REFERENCE} has {len(pb)}")
                continue
            for i, (x, y) in enumerate(zip(pa, pb)):
                if len(x) != len(y):
                    out.append(f"{where}, paragraph {i + 1} ({said}): {len(x)} sentences where {REFERENCE} "
                               f"has {len(y)}: {paras[i]!r}")
                elif x != y:
                    out.append(f"{where}, paragraph {i + 1} ({said}): the sentences say {x} where {REFERENCE}'s "
                               f"say {y}")
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("lang", OTHERS)
def test_each_support_template_translates_the_reference_sentence_by_sentence(lang):
    assert differences(lang, source(lang), source(REFERENCE)) == []


def test_every_language_is_held_to_it():
    assert set(OTHERS) >= {"en", "uk", "be"}


@pytest.mark.parametrize("lang", [REFERENCE, *OTHERS])
def test_every_conditional_is_a_choice_a_writers_copy_follows(lang):
    # a conditional outside CHOICES would let a copy say what the letter does not
    tests = [t[len("{% if "):-len(" %}")] for _, t in tags(source(lang)) if t.startswith("{% if ")]
    assert tests and set(tests) <= set(CHOICES), tests
    assert set(CHOICES) <= set(tests)  # and each choice is one the letter makes


def test_the_reference_renders_paragraphs_and_sentences():
    letter = shape(render(source(REFERENCE), frozenset(CHOICES)))
    # date; «Кому» block; greeting; who writes (2); message; the wishes (3); the reply; closing
    assert [len(p) for p in letter] == [1, 1, 1, 2, 1, 3, 1, 1]
    assert letter[3] == [["⟨sender.name⟩", "⟨sender.from⟩"], []]
    abroad = shape(render(source(REFERENCE), frozenset({"sender.from"})))
    assert [len(p) for p in abroad] == [1, 1, 1, 2, 3, 1]
    assert abroad[3] == [["⟨sender.from⟩"], []]
    # from the person's own country: who writes, and no word of where from
    named = shape(render(source(REFERENCE), frozenset({"sender.name_in_text"})))
    assert named[3] == [["⟨sender.name⟩"], []]
    none = shape(render(source(REFERENCE), frozenset()))
    assert [len(p) for p in none] == [1, 1, 1, 1, 3, 1]
    assert none[3] == [[]]


@pytest.mark.parametrize("paragraph,count", [
    ("Кому: Алиеву Тимуру Руслановичу, 1983 г. р.", 1),
    ("I wish you strength. I hope to hear from you! Do you read?", 3),
    ("Dear Anna,", 1),
    ("Вул. Дегтярівська, 13. Я пишу Вам.", 2),
    ("Он сказал: «Пишите». Я пишу.", 2),
])
def test_sentences_split_at_their_ends_only(paragraph, count):
    assert len(sentences(paragraph)) == count


def test_a_template_that_is_not_a_translation_fails_naming_the_language_and_paragraph():
    ref, en = source(REFERENCE), source("en")
    one_more = en.replace("plenty of good days.", "plenty of good days. Stay strong.")
    assert one_more != en
    found = differences("xx", one_more, ref)
    wishes = next(line for line in one_more.splitlines() if line.startswith("I hope"))
    assert (f"xx/support.txt.j2, paragraph 6 (sender.from=yes, sender.name_in_text=yes, message=yes, reply=yes): 4 sentences "
            f"where ru has 3: {wishes!r}") in found
    assert all(m.startswith("xx/support.txt.j2, paragraph ") and "4 sentences where ru has 3" in m for m in found)
    # as many sentences, but a variable said in another one
    moved = en.replace("{{ sender.name }} and I am writing to you {{ sender.from }}.{% else %}",
                       "{{ sender.name }}. I am writing to you {{ sender.from }},{% else %}")
    assert ("xx/support.txt.j2, paragraph 4 (sender.from=yes, sender.name_in_text=yes, message=no, reply=no): the sentences say "
            "[['⟨sender.name⟩'], ['⟨sender.from⟩']] where ru's say [['⟨sender.name⟩', '⟨sender.from⟩'], []]"
            ) in differences("xx", moved, ref)
    # a conditional the reference does not have, or one left out
    other_if = en.replace("{% if message %}", "{% if urgent %}")
    assert differences("xx", other_if, ref) == [
        "xx/support.txt.j2:11: {% if urgent %} where ru/support.txt.j2 has {% if message %}"]
    no_reply = en.replace("{% if reply %}\n{{ reply }}\n{% endif %}\n", "")
    assert differences("xx", no_reply, ref) == [
        "xx/support.txt.j2:15: {{ closing }} where ru/support.txt.j2 has {% if reply %}"]
    more = en + "{{ case.url }}\n"
    assert differences("xx", more, ref) == ["xx/support.txt.j2:20: 26 Jinja tags where ru/support.txt.j2 has 25"]


@pytest.mark.parametrize("lang", OTHERS)
def test_the_ask_to_reply_is_a_translation_too(lang):
    # data/letters/<lang>.yaml `reply`: one sentence, the reason after a colon, as the Russian
    from appealkit.letters.render import lang_data

    mine, ref = lang_data(lang)["reply"], lang_data(REFERENCE)["reply"]
    assert (len(sentences(mine)), mine.count(":")) == (len(sentences(ref)), ref.count(":")), mine

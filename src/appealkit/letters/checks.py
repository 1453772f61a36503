"""Letter findings for `check`: translations templates need, and censor-sensitive words.

Caution words (data/words/<lang>.yaml) are lemmas with a reason, or stems where no morphology
covers the language. `letter --message` in Russian or Ukrainian matches every form of a word by
its lemma (pymorphy3, already loaded for the letter); `check` matches stems, so that it never
loads the morphology."""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import data_path, load_data
from .translations import languages, missing_translations

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# a copy "in your country" means the writer's; printed to that country's own officials it would
# name theirs: letters name the embassy for the writer's country instead (the `embassy` item)
IN_YOUR_COUNTRY = re.compile(r"in your country|в вашей стране|у вашій країні|в вашій країні|у вашай краіне", re.I)
MORPH_LANGS = ("ru", "uk")


@lru_cache(maxsize=None)
def _groups(lang: str) -> list[dict]:
    if not data_path("words", f"{lang}.yaml").is_file():
        return []
    return load_data("words", f"{lang}.yaml")["groups"]


# longest first: a lemma loses the longest of these it ends with
_ENDINGS = ("ость", "ение", "ться", "ый", "ий", "ой", "ая", "ое", "ие", "ать", "ить", "еть",
            "я", "а", "о", "е", "ь", "й", "и", "ы")


def _stem(lemma: str) -> str:
    """A lemma's stem for prefix matching: the ending a declined form may change dropped."""
    end = next((e for e in _ENDINGS if lemma.endswith(e)), "")
    return lemma[:len(lemma) - len(end)] or lemma


@lru_cache(maxsize=None)
def _caution_words(lang: str) -> tuple[dict[str, str], dict[str, str], list[int], list[tuple[list[str], str]]]:
    """(stems, whole words, stem lengths longest first, phrases) of a language's caution words,
    lower-cased. Matched token by token: one regex of every stem took longer to compile (some
    5 ms a language) than `check` takes to read the case."""
    stems: dict[str, str] = {}
    for g in _groups(lang):
        for w in g.get("stems", []):
            stems[w.lower()] = g["why"]
        for w in g.get("words", []):
            stems.setdefault(_stem(w).lower(), g["why"])
        for w in g.get("phrases", []):  # as word starts, each word's ending dropped
            stems.setdefault(" ".join(_stem(x) for x in w.lower().split()), g["why"])
    whole = {w.lower(): g["why"] for g in _groups(lang) for w in g.get("whole", [])}
    phrases = [(w.split(), why) for w, why in stems.items() if " " in w]
    single = {w: why for w, why in stems.items() if " " not in w}
    return single, whole, sorted({len(w) for w in single}, reverse=True), phrases


def _stem_hits(text: str, lang: str) -> dict[str, str]:
    """{word as found, lower-cased: why} for words that start with a stem or are a whole word."""
    single, whole, lengths, phrases = _caution_words(lang)
    tokens = [m.group(0).lower() for m in WORD.finditer(text)]
    if lang == "be":  # Belarusian writes у as ў after a vowel: «ўлёткі» is «улёткі»
        tokens = ["у" + t[1:] if t.startswith("ў") else t for t in tokens]
    out: dict[str, str] = {}
    for i, tok in enumerate(tokens):
        if tok in whole:
            out.setdefault(tok, whole[tok])
            continue
        for n in lengths:
            if len(tok) >= n and tok[:n] in single:
                out.setdefault(tok, single[tok[:n]])
                break
        for words, why in phrases:  # "prisoner of conscience": every word as a word start
            k = len(words)
            seq = tokens[i:i + k]
            if len(seq) == k and all(x.startswith(w) for x, w in zip(seq, words)):
                out.setdefault(" ".join(seq), why)
    return out


def caution_hits(text: str, lang: str, morphology: bool = False) -> list[tuple[str, str]]:
    """(word as written, why a censor stops it) for each caution word or phrase in `text`, once
    each. With `morphology`, Russian and Ukrainian words are matched by lemma; phrases («Слава
    Украине», «выйти на свободу») word by word. A language's `allow` phrases ("crime novel",
    «свободное время») are harmless uses of a caution word and are left out first."""
    text = _allowed_out(text, lang)
    if morphology and lang in MORPH_LANGS:
        return _lemma_hits(text, lang)
    return list(_stem_hits(text, lang).items())


def in_language(text: str, lang: str) -> bool:
    """Whether `text`, written in the script of `lang`, is in `lang` as far as its letters tell:
    a Ukrainian message (тримайся, всі, чекаємо) is not Russian. A quarter of its words, two at
    least, with a letter the language's alphabet (data/letters/LANG.yaml `alphabet`) lacks make
    it another language; a Ukrainian name in a Russian message does not. Without an alphabet
    for `lang`, or with too few words to tell, it is."""
    from .translations import lang_data, languages

    alphabet = lang_data(lang).get("alphabet") if lang in languages() else None
    if not alphabet:
        return True
    own = set(alphabet)
    words = WORD.findall(text)
    foreign = [w for w in words if any(ch.isalpha() and ch.lower() not in own for ch in w)]
    return len(foreign) < 2 or len(foreign) * 4 < len(words)


def censor_findings(message: str, lang: str) -> list[tuple[str, str]]:
    """What a prison censor may stop in a writer's own message to the person: (words, why). The
    pack leaves a message with findings out (or refuses it with --strict); `letter --message`
    warns of each."""
    return caution_hits(message, lang, morphology=True)


def _allowed_out(text: str, lang: str) -> str:
    allow = _words_data(lang).get("allow") or []
    if not allow:
        return text
    low = text.lower()
    for phrase in allow:
        low = low.replace(phrase.lower(), " ")
    return low


@lru_cache(maxsize=None)
def _lemmas(lang: str) -> dict[str, str]:
    # `whole` words (abbreviations such as «ЗЫ») are matched as written, never as a stem
    return {w: g["why"] for g in _groups(lang) for w in g.get("words", []) + g.get("whole", [])}


@lru_cache(maxsize=None)
def _lemma_phrases(lang: str) -> list[tuple[list[str], str]]:
    return [(p.lower().split(), g["why"]) for g in _groups(lang) for p in g.get("phrases", [])]


def _lemma_hits(text: str, lang: str) -> list[tuple[str, str]]:
    from ..grammar._morph import analyzer

    lemmas = _lemmas(lang)  # built once: a mail merge checks every writer's message
    morph = analyzer(lang)
    out: dict[str, str] = {}
    words = [m.group(0).lower() for m in WORD.finditer(text)]
    # the dictionaries write the apostrophe as ' (б'ють); letters often ’ (б’ють)
    forms = [{p.normal_form.replace("'", "’") for p in morph.parse(w.replace("’", "'"))} | {w} for w in words]
    for word, norms in zip(words, forms):
        hit = next((n for n in norms if n in lemmas or n.replace("’", "'") in lemmas), None)
        if hit is not None:
            out.setdefault(word, lemmas.get(hit) or lemmas[hit.replace("’", "'")])
    for phrase, why in _lemma_phrases(lang):  # every word of the phrase, in any form, in order
        k = len(phrase)
        for i in range(len(words) - k + 1):
            if all(p in forms[i + j] or words[i + j].startswith(p) for j, p in enumerate(phrase)):
                out.setdefault(" ".join(words[i:i + k]), why)
    # a word or phrase inside a longer hit for the same reason is said once («выйдете на свободу»)
    return [(w, why) for w, why in out.items()
            if not any(w != x and f" {w} " in f" {x} " and why == y for x, y in out.items())]


def first_missing(case, keys: list[str]) -> tuple:
    """The key path of the first of `keys` (as missing_translations names them): a finding
    about missing translations points at the text that lacks one."""
    from ..case.model import key_path

    paths = {key_path(p): p for p, _ in case.texts()}
    return paths.get(keys[0], ("summary",)) if keys else ("summary",)


# a profession in a description says who the person is, not what their case is: "lawyer" is
# stopped in "your lawyer says", not in "Anna Petrova is a lawyer"
_POSSESSIVES = {"my", "your", "his", "her", "their", "our", "its"}


def _description_hits(text: str, lang: str) -> list[tuple[str, str]]:
    professions = {w.lower() for w in _words_data(lang).get("professions", [])}
    tokens = [m.group(0).lower() for m in WORD.finditer(text)]
    out = []
    for word, why in caution_hits(text, lang):
        if word in professions and not any(
                tokens[i - 1] in _POSSESSIVES for i, t in enumerate(tokens) if t == word and i):
            continue
        out.append((word, why))
    return out


@lru_cache(maxsize=None)
def _words_data(lang: str) -> dict:
    return load_data("words", f"{lang}.yaml") if data_path("words", f"{lang}.yaml").is_file() else {}


def _person_language(case):
    """The support letter's language: a `person.languages` entry appealkit cannot write."""
    langs = list(case.person.languages or [])
    if not langs:
        return
    from .naming import person_name
    from .translations import has_template

    have = [x for x in languages() if has_template(x, "support")]
    if any(x in have and person_name(case, x) is not None for x in langs):
        return
    named = ", ".join(langs)
    written = [x for x in langs if x in have]
    if written:
        fix = (f"give person.name in {' or '.join(written)} (name: {{{case.language}: ..., {written[0]}: ...}}) "
               f"to write it in {written[0]}")
    else:
        from .language import prisons

        # the prison's own language first: a Russian prison passes Russian, not the case's English
        country = case.person.address.country if case.person.address else None
        passed = [x for x in (prisons().get(country or "") or {}).get("languages", []) if x in have]
        other = passed[0] if passed else case.language if case.language in have else have[0]
        fix = (f"appealkit writes support letters in {', '.join(have)} only: add one of them the person "
               f"reads (languages: [{langs[0]}, {other}]{', the language the prison passes' if passed else ''}), "
               "or write this letter yourself")
    yield ("letter-language",
           f"person.languages is {named}, but no support letter can be written in "
           f"{'it' if len(langs) == 1 else 'any of them'}: the letter to the person would be in "
           f"'{case.language}'; {fix}", ("person", "languages"))


def letter_findings(case):
    used = set()
    for _, t in case.texts():
        used.update(t.languages())
    for lang in sorted(used & set(languages())):
        if lang == case.language:
            continue
        missing = missing_translations(case, lang)
        if missing:
            yield ("missing-translation",
                   f"letters in '{lang}' need {', '.join(missing)} in '{lang}' too: give each as "
                   f"{{{case.language}: ..., {lang}: ...}}", first_missing(case, missing))
    yield from _person_language(case)
    for i, c in enumerate(case.copies):
        if c.kind == "text" and c.text is not None and IN_YOUR_COUNTRY.search(" ".join(c.text.values.values())):
            yield ("copies-your-country",
                   "copies: 'in your country' would name the recipients' own country in letters to its officials; "
                   "letters name the embassy in the writer's country instead (write `embassy` to say so)",
                   case.copies_path(i))
    if case.person.description:
        for lang, s in case.person.description.values.items():
            hits = _description_hits(s, lang)
            if hits:
                yield ("support-safety",
                       f"person.description ({lang}) has words a prison censor may stop: "
                       + "; ".join(f"'{w}' ({why})" for w, why in hits)
                       + "; the support letter leaves the description out: do not repeat these words "
                         "in your own message to the person (letter --message)",
                       ("person", "description"))

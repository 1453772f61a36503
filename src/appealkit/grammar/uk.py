"""Ukrainian: pymorphy3 with the VESUM dictionary for names, titles and countries. Where it
has both dative endings of a masculine noun (прокуророві, прокурору) official style takes -у;
patronymics, which the dictionary reads as surnames, follow their regular endings."""

from __future__ import annotations

import re

from . import _morph
from ._names import initials_of, join, override, same_case, split
from ._names import official as _official

FEMALE_SURNAME = re.compile(r"(ова|єва|ева|іна|їна|ська|цька|ая|а)$", re.I)
PATRONYMIC_ENDINGS = {  # nominative ending -> case -> ending
    "ович": {"gen": "овича", "dat": "овичу", "acc": "овича", "ins": "овичем", "loc": "овичу"},
    "йович": {"gen": "йовича", "dat": "йовичу", "acc": "йовича", "ins": "йовичем", "loc": "йовичу"},
    "івна": {"gen": "івни", "dat": "івні", "acc": "івну", "ins": "івною", "loc": "івні"},
    "ївна": {"gen": "ївни", "dat": "ївні", "acc": "ївну", "ins": "ївною", "loc": "ївні"},
}


def _looks_given(word: str) -> bool:
    return any("Name" in p.tag and p.tag.case == "nomn" for p in _morph.analyzer("uk").parse(word)[:2])


def guess_gender(name: str) -> str | None:
    s, g, p, _ = split(name, None, _looks_given)
    if p:
        return "f" if p.endswith("вна") else "m"
    if re.search(r"(ов|єв|ев|ін|їн|ський|цький)$", s):
        return "m"
    if re.search(r"(ова|єва|ева|іна|їна|ська|цька)$", s):
        return "f"
    return _given_gender(g) if g else None


def _given_gender(given: str) -> str | None:
    """A given name the dictionary knows for one gender only (Олександр, Ольга; not Саша), so
    that «Олександр Шевчук» declines as a man's name in every case, as his full name does."""
    found = {("m" if "masc" in p.tag else "f") for p in _morph.analyzer("uk").parse(given)
             if "Name" in p.tag and ("masc" in p.tag or "femn" in p.tag)}
    return found.pop() if len(found) == 1 else None


def _word(word: str, case: str, tag: str, gender: str | None, forms) -> str:
    own = override(word, case, forms)
    if own is not None:
        return own
    g = {"m": "masc", "f": "femn"}.get(gender or "")
    for p in _morph.analyzer("uk").parse(word):
        if tag in p.tag and p.tag.case == "nomn" and (g is None or g in p.tag):
            if "Fixd" in p.tag:
                return word
            return same_case(word, _morph.inflect_word(p, case, True) or word)
    # surnames in -енко/-ко decline for men (Шевченку) and not for women
    if tag == "Surn" and gender == "m" and word.endswith("ко"):
        return word[:-1] + {"gen": "а", "dat": "у", "acc": "а", "ins": "ом", "loc": "у"}[case]
    return word


def vocative(given: str, patronymic: str) -> str:
    """«Дмитре Валерійовичу», «Ірино Валентинівно»: Ukrainian addresses a person in the vocative."""
    g = given
    for p in _morph.analyzer("uk").parse(given):
        if "Name" in p.tag and p.tag.case == "nomn":
            f = p.inflect({"voct"})
            g = same_case(given, f.word) if f else given
            break
    if g == given:  # a name the dictionary does not put in the vocative (Володимир): the regular endings
        g = _vocative_by_ending(given)
    if patronymic.endswith(("ич", "іч")):  # Миколайовичу, and Ілліч, Кузьмич, Лукич: Іллічу, Кузьмичу
        pat = patronymic + "у"
    elif patronymic.endswith("на"):  # Петрівно, Іллівно
        pat = patronymic[:-1] + "о"
    else:
        pat = patronymic
    return f"{g} {pat}"


VOCATIVE_ENDINGS = (("ія", "іє"), ("я", "е"), ("а", "о"), ("о", "е"), ("й", "ю"), ("ь", "ю"),
                    ("к", "ку"), ("г", "гу"), ("х", "ху"))  # Правопис 2019, § 70-71; else -е


def _vocative_by_ending(given: str) -> str:
    for end, voc in VOCATIVE_ENDINGS:
        if given.endswith(end):
            return given[: len(given) - len(end)] + voc
    return given + "е" if given[-1:].isalpha() else given


def _gender(name: str, pronoun: str) -> str | None:
    return {"he": "m", "she": "f"}.get(pronoun) or guess_gender(name)


def _surname(word: str, case: str, gender: str | None, forms) -> str:
    return "-".join(_word(x, case, "Surn", gender, forms) for x in word.split("-"))


def _patronymic(word: str, case: str) -> str:
    for end in sorted(PATRONYMIC_ENDINGS, key=len, reverse=True):
        if word.endswith(end):
            return word[: -len(end)] + PATRONYMIC_ENDINGS[end][case]
    return word


def full_name(name: str, case: str, pronoun: str, surname_first: bool | None = None, forms=None) -> str:
    if case == "nom":
        return name
    s, g, p, first = split(name, surname_first, _looks_given)
    gender = _gender(name, pronoun)
    return join(_surname(s, case, gender, forms), _word(g, case, "Name", gender, forms) if g else "",
                _patronymic(p, case) if p else "", first)


def initials(name: str) -> tuple[str, str]:
    s, g, p, _ = split(name, None, _looks_given)
    if "." in g:
        return " ".join(x for x in (g, p) if x), s
    return initials_of(g, p), s


def official(title: str | None, name: str | None, pronoun: str, forms=None) -> list[str]:
    return _official(title and phrase(title, "dat", forms), name, initials,
                     lambda s, n: _surname(s, "dat", _gender(n, pronoun), forms))


def _table() -> dict:
    from ..resources import load_data

    return load_data("grammar", "uk.yaml")


def phrase(text: str, case: str, forms=None) -> str:
    own = (_table()["countries"].get(text) or {}).get(case)
    return own or _morph.phrase(text, case, "uk", forms, prefer_short=True)


def preposition(prep: str, word: str) -> str:
    """Правопис 2019, § 24 (letters put «з» after «Вам», a consonant): з -> зі before з, с, ц, ч,
    ш, щ, ж and a consonant ('зі Швеції', 'зі США'), із before them and a vowel ('із Чехії');
    в -> на for island states ('на Кіпрі'), у before a consonant ('у Франції')."""
    if prep == "з" and re.match(r"[зсцчшщж][бвгґджзклмнпрстфхцчшщь]", word, re.I):
        return "зі"
    if prep == "з" and word[:1].lower() in "зсцчшщ":
        return "із"
    if prep == "в" and word in _table()["islands"]:
        return "на"
    if prep == "в" and word[:1].lower() not in "аеєиіїоуюя":
        return "у"
    return prep


def after_word(before: str, prep: str, word: str) -> str:
    """у -> в after a vowel before a consonant («Посольству України в Німеччині»), but not before
    в, ф, or the clusters льв, св, тв, хв («України у Великій Британії»): Правопис 2019, § 23."""
    if (prep == "у" and before[-1:].lower() in "аеєиіїоуюя" and word[:1].lower() not in "аеєиіїоуюявф"
            and not re.match(r"(льв|св|тв|хв)", word, re.I)):
        return "в"
    return prep

"""What the three East Slavic grammars share: splitting a name into its parts, reading the
order it is written in, word-level overrides, and keeping the case of the letters."""

from __future__ import annotations

import re

# patronymics, and the Turkic words that stand for one ('Гусейн оглы', 'Ержанкызы'); Belarusian
# and Ukrainian -іч without -в- only after the stems that take it (Ільіч, Кузьміч, Лукіч, Ілліч)
PATRONYMIC = re.compile(r"(вич|вна|чна|ична|віч|ьіч|міч|кіч|лліч|ўна|вн[аі]|оглы|кызы|қызы|улы|ұлы|уулу)$", re.I)
SURNAME_ENDING = re.compile(r"(ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ёва|ина|ына|ская|цкая|енко|ко|ук|юк|аў|еў|скі|цкі|ау|еу)$", re.I)
TURKIC_PATRONYMIC_WORD = {"оглы", "кызы", "қызы", "улы", "ұлы", "уулу", "огли"}


def split(full: str, surname_first: bool | None, looks_given) -> tuple[str, str, str, bool]:
    """(surname, given, patronymic, surname_first) of a name. A patronymic last means the
    surname came first ('Алиев Тимур Русланович'); in the middle, that it came last
    ('Игорь Викторович Краснов'). Two words are read by `looks_given`, or by `surname_first`."""
    w = full.split()
    if len(w) >= 2 and w[-1].lower() in TURKIC_PATRONYMIC_WORD:
        w = w[:-2] + [w[-2] + " " + w[-1]]
    if len(w) == 1:
        return w[0], "", "", True
    if len(w) >= 3:
        if PATRONYMIC.search(w[1].split()[-1]) and not PATRONYMIC.search(w[-1].split()[-1]):
            return " ".join(w[2:]), w[0], w[1], False
        return w[0], w[1], " ".join(w[2:]), True
    if surname_first is None:
        s0, s1 = bool(SURNAME_ENDING.search(w[0])), bool(SURNAME_ENDING.search(w[1]))
        if s0 != s1:  # a surname ending decides ('Ёров Бузургмехр'), without loading a dictionary
            surname_first = s0
        else:  # else the dictionary: which word it knows as a given name ('Атабек Арон')
            surname_first = looks_given(w[1]) and not looks_given(w[0])
    return (w[0], w[1], "", True) if surname_first else (w[1], w[0], "", False)


def initials_of(given: str, patronymic: str) -> str:
    """Initials as names are registered: a hyphenated given name keeps both parts ('Касым-Жомарт'
    -> 'К.-Ж.'), a Turkic patronymic its father's name only ('Ильхам оглы' -> 'И.')."""
    def one(word: str) -> str:
        return "-".join(p[0].upper() + "." for p in word.split()[0].split("-") if p)

    return " ".join(one(x) for x in (given, patronymic) if x)


def join(surname: str, given: str, patronymic: str, surname_first: bool) -> str:
    parts = [surname, given, patronymic] if surname_first else [given, patronymic, surname]
    return " ".join(p for p in parts if p)


def official(title_dat: str | None, name: str | None, initials, surname_dat) -> list[str]:
    """The addressee of an official letter (ГОСТ Р 7.0.97-2016): the title, already in the
    dative, then the name's initials and its surname, declined by `surname_dat(surname, name)`."""
    out = [title_dat] if title_dat else []
    if name:
        ini, s = initials(name)
        sur = surname_dat(s, name)
        out.append(f"{ini} {sur}" if ini else sur)
    return out


def override(word: str, case: str, forms: dict | None) -> str | None:
    """A case's own form of `word` in `case` (forms: word -> case -> form)."""
    if not forms:
        return None
    f = forms.get(word)
    return f.get(case) if isinstance(f, dict) else None


def same_case(model: str, word: str) -> str:
    """`word` with the capitals of `model` (Генеральный -> Генеральному, США stays)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if "-" in model and "-" in word:
        return "-".join(same_case(m, x) for m, x in zip(model.split("-"), word.split("-")))
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word

"""Which language each line of an address is in, so that each is romanized by its own
language's scheme: the destination country and the case's languages decide first, letters
only break ties. A Tajik line (ҳ ҷ ӣ ӯ) in Tajikistan is Tajik, not Kazakh; an Uzbek line with
ў in Uzbekistan is Uzbek, not Belarusian; one Kazakh street name leaves the Russian lines of a
Kazakh address Russian."""

from __future__ import annotations

from .. import scripts
from ..translit.detect import detect_language

# the letters each Cyrillic language adds to the Russian alphabet
EXTRA = {
    "uk": frozenset("єїґі"), "be": frozenset("ўі"), "kk": frozenset("әғқңөұүһі"),
    "ky": frozenset("ңөү"), "tg": frozenset("ғӣқӯҳҷ"), "uz": frozenset("ўқғҳ"),
}
# the Cyrillic languages of a country's addresses, after its file's `language`
COUNTRY = {"BY": ("be",), "UA": ("uk",), "KZ": ("kk",), "KG": ("ky",), "TJ": ("tg",), "UZ": ("uz",)}
_RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


# letters a language does not write: a line with one of them is not in that language
NEVER = {"be": frozenset("ищъ"), "uk": frozenset("ыэёъ")}


def line_language(text: str, country, langs=(), whole: str | None = None) -> str:
    """The Cyrillic language of one line in `country` (a Country), the case's `langs` next.
    A line of Russian letters only takes the language of the address's `whole` text where
    that is Belarusian or Ukrainian and the line could be ("вул. Сурганава"); otherwise it is
    Russian: a Kazakh street name elsewhere does not make "Республики Казахстан" Kazakh."""
    low = text.lower()
    extra = {ch for ch in low if ch.isalpha() and ch not in _RUSSIAN and scripts.has(ch, scripts.CYRILLIC)}
    if not extra:
        if whole in NEVER and NEVER[whole].isdisjoint(low):
            return whole
        # the letters say Ukrainian or Russian (и for ы) in Ukraine
        return detect_language(text, country.code) if country.code == "UA" else "ru"
    candidates = [country.language, *COUNTRY.get(country.code, ()), *langs, *EXTRA]
    seen = [x for i, x in enumerate(candidates) if x in EXTRA and x not in candidates[:i]]
    for lang in seen:  # the first whose alphabet has every letter
        if extra <= EXTRA[lang]:
            return lang
    return max(seen, key=lambda lg: len(extra & EXTRA[lg]))  # the nearest, in the same order


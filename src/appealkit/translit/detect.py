"""Which Cyrillic language a text is in, from the letters only that language uses.

Rule (first match wins): ў -> be; є, ї, ґ -> uk; ә, ғ, қ, ұ, һ -> kk; ң, ө, ү -> ky;
otherwise ru. і alone is ambiguous (uk, be, kk): with ы or э it is be (Ukrainian has neither),
else uk. An address adds its country as a tie-breaker (see address.format).
"""

from __future__ import annotations

_SIGNS = (
    ("be", frozenset("ўЎ")),
    ("uk", frozenset("єїґЄЇҐ")),
    ("kk", frozenset("әғқұһӘҒҚҰҺ")),
    ("ky", frozenset("ңөүҢӨҮ")),
)
LANGS = ("ru", "uk", "be", "kk", "ky")

# A country's main Cyrillic language decides what letters alone cannot.
COUNTRY_LANG = {"UA": "uk", "BY": "be", "KZ": "ru", "KG": "ru", "RU": "ru"}


def detect_language(text: str, country: str | None = None) -> str:
    letters = set(text)
    for lang, signs in _SIGNS:
        if letters & signs:
            return lang
    if letters & set("іІ"):
        if letters & set("ыЫэЭ"):
            return "be"
        if country in ("BY", "KZ"):
            return "be" if country == "BY" else "kk"
        return "uk"
    if country == "UA" and not letters & set("ыЫэЭёЁъЪ"):
        return "uk" if letters & set("иИ") else "ru"
    return "ru"

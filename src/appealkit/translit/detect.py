"""Which Cyrillic language a text is in, from the letters only that language uses.

Rule (first match wins): ў -> be; є, ї, ґ -> uk; ә, ғ, қ, ұ, һ -> kk; ң, ө, ү -> ky;
otherwise ru. і alone is ambiguous (uk, be, kk): with ы or э it is be (Ukrainian has neither),
else uk. An address adds its country as a tie-breaker (see address.format).

Other scripts (script_language): Georgian -> ka, Armenian -> hy, Arabic script -> fa with a
letter Persian adds (پ چ ژ گ ک ی) or in a Persian-speaking country, else ar.
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


_PERSIAN = frozenset("\u067e\u0686\u0698\u06af\u06a9\u06cc")  # پ چ ژ گ ک ی
_PERSIAN_COUNTRIES = ("IR", "AF", "TJ")


def script_language(text: str, country: str | None = None) -> str | None:
    """ka, hy, fa or ar for a text in Georgian, Armenian or Arabic script; None otherwise."""
    from .. import scripts

    m = scripts.pattern("Geor", "Armn", "Arab").search(text)
    if m is None:
        return None
    sc = scripts.of(m.group())
    if sc == "Arab":
        return "fa" if country in _PERSIAN_COUNTRIES or not _PERSIAN.isdisjoint(text) else "ar"
    return "ka" if sc == "Geor" else "hy"


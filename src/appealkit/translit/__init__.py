"""Cyrillic to Latin by named standards. Schemes are data (data/schemes/*.yaml); this package
holds the small engine that runs them and nothing that knows a scheme by name."""

from .detect import detect_language
from .schemes import get_scheme, list_schemes


def transliterate(text: str, scheme: str = "icao", lang: str | None = None) -> str:
    """Transliterate `text` by `scheme`; `lang` (ru, uk, be, kk, ky) is detected when None."""
    return get_scheme(scheme).transliterate(text, lang)


__all__ = ["detect_language", "get_scheme", "list_schemes", "transliterate"]

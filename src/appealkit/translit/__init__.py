"""Cyrillic to Latin by named standards. Schemes are data (data/schemes/*.yaml); this package
holds the small engine that runs them and nothing that knows a scheme by name."""

from .detect import detect_language


def transliterate(text: str, scheme: str = "icao", lang: str | None = None) -> str:
    """Transliterate `text` by `scheme`; `lang` (ru, uk, be, kk, ky) is detected when None."""
    from .schemes import get_scheme

    return get_scheme(scheme).transliterate(text, lang)


def get_scheme(scheme_id: str):
    from .schemes import get_scheme as get

    return get(scheme_id)


def list_schemes():
    from .schemes import list_schemes as all_schemes

    return all_schemes()


__all__ = ["detect_language", "get_scheme", "list_schemes", "transliterate"]

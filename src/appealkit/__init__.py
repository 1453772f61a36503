"""appealkit: one YAML case file in, addresses, letters and posts out."""

__version__ = "0.1.0"

__all__ = ["__version__", "transliterate"]


def transliterate(text: str, scheme: str = "icao", lang: str | None = None) -> str:
    """Transliterate Cyrillic `text` to Latin by a named standard (see `appealkit schemes`)."""
    from .translit import transliterate as _t

    return _t(text, scheme, lang)

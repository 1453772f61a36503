"""Whether a scheme covers a text's language: a scheme chosen by hand for another language
(kz-2021 or ua-2010 on Russian) spells the text by no standard for its language."""

from __future__ import annotations

from .. import scripts
from .detect import detect_language

NAMES = {"ru": "Russian", "uk": "Ukrainian", "be": "Belarusian", "kk": "Kazakh", "ky": "Kyrgyz"}


def coverage_warning(scheme_id: str, text: str, lang: str | None = None, country: str | None = None) -> str | None:
    """A warning when `text` (in `lang`, else as detected) is Cyrillic in a language the scheme
    does not define; None when it does, or the text has no Cyrillic."""
    if lang is None and not scripts.has(text, scripts.CYRILLIC):
        return None
    from .schemes import get_scheme

    scheme = get_scheme(scheme_id)
    if "any" in scheme.languages:
        return None
    lang = lang or detect_language(text, country)
    if lang in scheme.languages:
        return None
    covered = ", ".join(f"{NAMES.get(x, x)} ({x})" for x in scheme.languages)
    name = NAMES.get(lang, lang)
    return (f"scheme '{scheme_id}' covers {covered}; this text reads as {name} ({lang}), which it does "
            f"not cover, so the result follows no standard for {name}: choose a scheme that covers "
            f"{name} ('appealkit schemes' lists them)")

"""Letter findings for `check`: translations templates need, and censor-sensitive words."""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import data_path, load_data
from .translations import languages, missing_translations


@lru_cache(maxsize=None)
def _caution(lang: str) -> re.Pattern | None:
    """One pattern for all of a language's caution words, each matched as a word start."""
    if not data_path("words", f"{lang}.yaml").is_file():
        return None
    words = sorted(load_data("words", f"{lang}.yaml")["words"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)


def caution_hits(text: str, lang: str) -> list[tuple[str, str]]:
    """(word as written, why a censor stops it) for each caution word in `text`, once each."""
    pattern = _caution(lang)
    if pattern is None:
        return []
    why = load_data("words", f"{lang}.yaml").get("why", "prison censors stop such words")
    return [(w, why) for w in dict.fromkeys(m.group(0).lower() for m in pattern.finditer(text))]


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
                   f"letters in '{lang}' need {', '.join(missing)} in '{lang}' too", ("summary",))
    if case.person.description:
        for lang, s in case.person.description.values.items():
            hits = caution_hits(s, lang)
            if hits:
                yield ("support-safety",
                       f"person.description ({lang}) has words a prison censor may stop: {', '.join(w for w, _ in hits)}",
                       ("person", "description"))

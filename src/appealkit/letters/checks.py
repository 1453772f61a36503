"""Letter findings for `check`: translations templates need, and censor-sensitive words."""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import data_path
from .translations import languages, missing_translations


@lru_cache(maxsize=None)
def caution_words(lang: str) -> list[str]:
    import yaml

    path = data_path("words", f"{lang}.yaml")
    if not path.is_file():
        return []
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["words"])


def caution_hits(text: str, lang: str) -> list[str]:
    low = text.lower()
    return [w for w in caution_words(lang) if re.search(r"(?<!\w)" + re.escape(w), low)]


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
                       f"person.description ({lang}) has words a prison censor may stop: {', '.join(hits)}",
                       ("person", "description"))

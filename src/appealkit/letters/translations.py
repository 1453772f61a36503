"""Which letter languages exist, and which case texts a letter in one of them still lacks.
Kept apart from rendering so that `check` can ask without loading templates."""

from __future__ import annotations

from functools import lru_cache

from ..resources import data_path


@lru_cache(maxsize=None)
def lang_data(lang: str) -> dict:
    """The letters' strings of one language (data/letters/LANG.yaml), parsed once a run."""
    from ..resources import load_data

    return load_data("letters", f"{lang}.yaml")


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in data_path("templates").iterdir() if p.is_dir()))


def has_template(lang: str, kind: str) -> bool:
    return data_path("templates", lang, f"{kind}.txt.j2").is_file()


def missing_translations(case, lang: str) -> list[str]:
    """Key paths of the texts a letter needs that have no `lang` version."""
    from ..case.model import key_path

    need = [("summary",), *(("asks", i) for i in range(len(case.asks)))]
    need += [case.copies_path(i) for i, c in enumerate(case.copies) if c.text is not None]
    if case.person.description:
        need.append(("person", "description"))
    texts = dict(case.texts())
    out = []
    for path in need:
        if texts[path].get(lang) is None:
            out.append(key_path(path))
    return out

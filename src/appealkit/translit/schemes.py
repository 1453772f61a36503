"""Loading scheme files (data/schemes/<id>.yaml) and compiling them into engine tables.

A scheme file names the standard, the languages it defines, a table per language (a table may
start from another with `base`), and `fallback`: the schemes whose letters fill in what this
standard lacks (ICAO has no Kazakh letters). The last resort is ISO 9, which covers all of
Cyrillic, then Unidecode, so no scheme ever leaves a Cyrillic code point in its output.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..errors import UsageError, did_you_mean
from dataclasses import dataclass, field
from ..resources import data_path, load_data
from .detect import LANGS, detect_language
from .engine import ANY_CYR, Table, run

LAST_RESORT = "iso9"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_KEYS = ("letters", "start", "prev", "next", "endings")


@dataclass
class Scheme:
    id: str
    name: str
    used: str
    source: str
    languages: list[str]
    fallback: list[str]
    tables: dict
    upper: dict
    samples: list = field(default_factory=list)
    notes: str = ""
    engine: str = "tables"

    def table(self, lang: str) -> Table:
        return _compiled(self.id, lang)

    def transliterate(self, text: str, lang: str | None = None) -> str:
        if not isinstance(text, str):
            raise TypeError("transliterate() takes a str")
        if self.engine == "unidecode":
            from unidecode import unidecode

            return unidecode(unicodedata.normalize("NFC", text))
        if lang is None:
            lang = detect_language(text)
        elif lang not in LANGS:
            raise UsageError(f"unknown language '{lang}'; choose one of {', '.join(LANGS)}")
        out = run(self.table(lang), text)
        if ANY_CYR.search(out):  # letters of languages no table here knows (Old Cyrillic, ...)
            from unidecode import unidecode

            out = ANY_CYR.sub(lambda m: unidecode(m.group()) or "", out)
        return out


def _ids() -> list[str]:
    return sorted(p.stem for p in data_path("schemes").glob("*.yaml"))


@lru_cache(maxsize=None)
def _load(scheme_id: str) -> Scheme:
    """One scheme file, read when first asked for (a command needs one or two of them)."""
    d = load_data("schemes", f"{scheme_id}.yaml")
    return Scheme(
        id=d["id"], name=d["name"], used=d.get("used", ""), source=d.get("source", ""),
        languages=list(d.get("languages", [])), fallback=list(d.get("fallback", [])),
        tables=d.get("tables") or {}, upper=d.get("upper") or {}, samples=d.get("samples") or [],
        notes=d.get("notes", ""), engine=d.get("engine", "tables"),
    )


def list_schemes() -> list[Scheme]:
    return [_load(i) for i in _ids()]


def get_scheme(scheme_id: str) -> Scheme:
    if not (isinstance(scheme_id, str) and _ID.match(scheme_id) and data_path("schemes", f"{scheme_id}.yaml").is_file()):
        ids = _ids()
        raise UsageError(f"unknown scheme '{scheme_id}'{did_you_mean(scheme_id, ids)} (schemes: {', '.join(ids)})")
    return _load(scheme_id)


def _resolve(scheme: Scheme, lang: str) -> dict:
    """This scheme's own rules for `lang`: its table for it, else its first language's.
    A table may start from another (`base`) or defer to another scheme (`scheme`)."""
    tables = scheme.tables
    name = lang if lang in tables else next((n for n in scheme.languages if n in tables), None)
    name = name or next(iter(tables))
    chain = []
    seen = set()
    while name and name not in seen:
        seen.add(name)
        t = tables[name]
        if "scheme" in t:
            return _resolve(get_scheme(t["scheme"]), lang)
        chain.append(t)
        name = t.get("base")
    merged: dict[str, dict] = {k: {} for k in _KEYS}
    for t in reversed(chain):
        for k in _KEYS:
            merged[k].update(t.get(k) or {})
    return merged


@lru_cache(maxsize=None)
def _letters_with_fallback(scheme_id: str, lang: str) -> dict:
    scheme = get_scheme(scheme_id)
    letters = dict(_resolve(scheme, lang)["letters"])
    chain = list(scheme.fallback)
    if scheme_id != LAST_RESORT and LAST_RESORT not in chain:
        chain.append(LAST_RESORT)
    for fb in chain:
        if fb == scheme_id:
            continue
        for ch, out in _letters_with_fallback(fb, lang).items():
            letters.setdefault(ch, out)
    return letters


@lru_cache(maxsize=None)
def _compiled(scheme_id: str, lang: str) -> Table:
    scheme = get_scheme(scheme_id)
    rules = _resolve(scheme, lang)
    letters = _letters_with_fallback(scheme_id, lang)
    nfc = lambda m: {unicodedata.normalize("NFC", k): unicodedata.normalize("NFC", v or "") for k, v in m.items()}
    return Table(nfc(letters), nfc(rules["start"]), nfc(rules["prev"]), nfc(rules["next"]),
                 nfc(rules["endings"]), nfc(scheme.upper))

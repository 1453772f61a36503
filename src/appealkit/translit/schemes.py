"""Loading scheme files (data/schemes/<id>.yaml) and compiling them into engine tables.

A scheme file names the standard, the languages it defines, a table per language (a table may
start from another with `base`), and `fallback`: the schemes whose letters fill in what this
standard lacks (ICAO has no Kazakh letters). The last resort is ISO 9, which covers all of
Cyrillic, then Unidecode, so no scheme ever leaves a Cyrillic code point in its output.

A table's `optional` rules (BGN/PCGN's middle dots) apply unless the scheme says
`optional: false`; `extends` takes every key not given from another scheme file, so a variant
of a standard is a few lines.

A scheme for another script says so in `script` (its name, the regex class of its letters and
whether it has case); `chars` maps its digits and punctuation; a table's `words` lists whole
words the standard spells its own way. `approximate: true` marks a scheme that cannot be exact
(Arabic script writes no short vowels): the address code then recommends a Latin override.
`default_for` names the languages of another script whose addresses take this scheme when
their country's file names none (an Iraqi address in Arabic: arabic-approx).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import field
from functools import lru_cache

from .. import scripts
from ..errors import UsageError, did_you_mean
from ..records import Record
from ..resources import data_path, load_data
from .detect import LANGS, detect_language, script_language
from .engine import Table, run

LAST_RESORT = "iso9"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_KEYS = ("letters", "start", "prev", "next", "endings", "words")


class Scheme(Record, eq=False):  # one per scheme, cached: compared by identity
    """A transliteration standard, as its data file describes it."""
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
    script: dict = field(default_factory=dict)
    chars: dict = field(default_factory=dict)
    approximate: bool = False
    optional: bool = True

    @property
    def cyrillic(self) -> bool:
        return not self.script

    def table(self, lang: str) -> Table:
        return _compiled(self.id, lang)

    def transliterate(self, text: str, lang: str | None = None) -> str:
        if not isinstance(text, str):
            raise TypeError("transliterate() takes a str")
        if self.engine == "unidecode":
            from unidecode import unidecode

            return unidecode(unicodedata.normalize("NFC", text))
        if lang is None:
            lang = detect_language(text) if self.cyrillic else (script_language(text) or self.languages[0])
        elif lang not in LANGS and lang not in self.languages:
            known = list(LANGS) + [x for x in self.languages if x not in LANGS]
            raise UsageError(f"unknown language '{lang}'; choose one of {', '.join(known)}")
        table = self.table(lang)
        out = run(table, text)
        # letters no table here knows (Old Cyrillic, ...) go by unidecode
        if table.any_re is not None and table.any_re.search(out):
            out = _by_unidecode(table.any_re, out)
        if scripts.has(out, scripts.CYRILLIC):
            out = _by_unidecode(scripts.pattern(scripts.CYRILLIC), out)
        return out


def _by_unidecode(left: re.Pattern, text: str) -> str:
    from unidecode import unidecode

    return left.sub(lambda m: unidecode(m.group()) or "", text)


def _ids() -> list[str]:
    return sorted(p.stem for p in data_path("schemes").glob("*.yaml"))


@lru_cache(maxsize=None)
def _load(scheme_id: str) -> Scheme:
    """One scheme file, read when first asked for (a command needs one or two of them)."""
    d = load_data("schemes", f"{scheme_id}.yaml")
    if d.get("extends"):
        parent = load_data("schemes", f"{d['extends']}.yaml")
        d = {**{k: v for k, v in parent.items() if k not in ("samples", "extends")}, **d}
    return Scheme(
        id=d["id"], name=d["name"], used=d.get("used", ""), source=d.get("source", ""),
        languages=list(d.get("languages", [])), fallback=list(d.get("fallback", [])),
        tables=d.get("tables") or {}, upper=d.get("upper") or {}, samples=d.get("samples") or [],
        notes=d.get("notes", ""), engine=d.get("engine", "tables"), script=d.get("script") or {},
        chars=d.get("chars") or {}, approximate=bool(d.get("approximate", False)),
        optional=bool(d.get("optional", True)),
    )


def list_schemes() -> list[Scheme]:
    return [_load(i) for i in _ids()]


@lru_cache(maxsize=None)
def default_scheme(lang: str | None) -> str | None:
    """The scheme whose file says `default_for: [lang]` (ka, hy, ar, fa), if any."""
    if not lang:
        return None
    return next((s for s in _ids() if lang in (load_data("schemes", f"{s}.yaml").get("default_for") or [])), None)


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
            if scheme.optional and "optional" in t:
                merged[k].update(t["optional"].get(k) or {})
    return merged


@lru_cache(maxsize=None)
def _letters_with_fallback(scheme_id: str, lang: str) -> dict:
    scheme = get_scheme(scheme_id)
    letters = dict(_resolve(scheme, lang)["letters"])
    chain = list(scheme.fallback)
    if scheme.cyrillic and scheme_id != LAST_RESORT and LAST_RESORT not in chain:
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

    def nfc(m: dict[str, str]) -> dict[str, str]:
        return {unicodedata.normalize("NFC", k): unicodedata.normalize("NFC", v or "") for k, v in m.items()}

    script = scheme.script
    extra = ({"script": script["letters"], "title": not script.get("case", True),
              "form": script.get("normalize", "NFC")} if script else {})
    return Table(nfc(letters), nfc(rules["start"]), nfc(rules["prev"]), nfc(rules["next"]),
                 nfc(rules["endings"]), nfc(scheme.upper), chars=scheme.chars,
                 words=nfc(rules["words"]), **extra)


def other_script_scheme(text: str, lang: str | None = None) -> str | None:
    """The scheme for a text in Georgian, Armenian or Arabic script (`lang` ka, hy, ar or fa, or
    detected): the national system, or the readable approximation; None for any other text."""
    if lang in ("ka", "hy", "ar", "fa"):
        other: str | None = lang
    else:
        other = script_language(text)
    return default_scheme(other) if other else None

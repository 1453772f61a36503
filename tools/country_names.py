"""Regenerate src/appealkit/data/country-names/ from CLDR (via Babel).

The country line needs the destination's name in the sender's language. Babel has them, but
loading a locale costs ~35 ms per run; this file carries the same names for the first official
language of every country (plus English), one small file a language, so `appealkit address`
starts fast. Languages it lacks still come from Babel at run time. A test keeps it equal to
Babel.

    python tools/country_names.py
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages

DATA = Path(__file__).resolve().parent.parent / "src" / "appealkit" / "data"


def build() -> dict:
    codes = [x.strip() for x in (DATA / "iso3166-1.txt").read_text(encoding="utf-8").splitlines()
             if x.strip() and not x.startswith("#")]
    official = {}
    for cc in codes:
        langs = get_official_languages(cc, de_facto=True)
        official[cc] = langs[0] if langs else "en"
    names = {}
    for lang in sorted(set(official.values()) | {"en"}):
        try:
            territories = Locale.parse(lang).territories
        except (UnknownLocaleError, ValueError):
            continue  # no CLDR locale: English at run time
        names[lang] = {cc: territories[cc] for cc in codes if cc in territories}
    return {"official": official, "names": names}


def write(data: dict) -> None:
    folder = DATA / "country-names"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()

    def dump(name, obj):
        (folder / f"{name}.json").write_text(
            json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")

    dump("_official", data["official"])
    for lang, names in data["names"].items():
        dump(lang, names)


if __name__ == "__main__":
    write(build())
    print(f"wrote {DATA / 'country-names'}")

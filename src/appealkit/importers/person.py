"""One list row as the parts of a case the list owns: names per language, birth date, pronoun,
status and letter address, and the source. Everything else in a case is the organiser's."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import scripts
from .read import BadRow, Record, formats_data

_MDY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")  # OVD-Info: M/D/YYYY
_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")  # 12.03.1985
_YM = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")  # 1985, 1985-03, 1985-03-12


@dataclass
class Imported:
    """What the list says of one person, in the case format's terms."""

    line: int
    key: tuple[str, str]  # how a re-import finds the case: ("id", "1001"), ("url", ...) or ("name", ...)
    case_id: str
    name: dict[str, str]  # language -> name (given name first)
    native_name: str | None
    scheme: str | None  # the transliteration standard of the Latin name
    born: int | dt.date | None
    pronoun: str | None
    status: str
    why: str | None  # the list's own words when the person is not held
    address: dict | None  # the case format's address mapping
    source: dict  # the `source` mapping


def parse_born(text: str) -> int | dt.date | None:
    """A full date when the list gives one; a year for a partial date ("1985-03") or a year."""
    text = text.strip()
    for pat, order in ((_MDY, (3, 1, 2)), (_DMY, (3, 2, 1))):
        m = pat.match(text)
        if m:
            y, mo, d = (int(m.group(i)) for i in order)
            return _date(y, mo, d)
    m = _YM.match(text)
    if m and m.group(3) and int(m.group(2)) and int(m.group(3)):  # 1985-00-00: the year alone
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m and 1900 <= int(m.group(1)) <= 2100:
        return int(m.group(1))
    raise ValueError(text)


def _date(y: int, mo: int, d: int) -> dt.date:
    day = dt.date(y, mo, d)
    if not 1900 <= y <= 2100:
        raise ValueError(str(day))
    return day


def status_of(text: str) -> str | None:
    """The person.status a list's word stands for, or None when the text is an address."""
    low = " ".join(text.lower().split()).strip(" .«»\"")
    for status, words in formats_data()["statuses"].items():
        for w in words:
            if low == w or (len(w) > 2 and low.startswith(w) and not low[len(w):len(w) + 1].isalnum()):
                return status
    return None


def pronoun_of(native: str, gender: str) -> str | None:
    """he or she from the list's gender column, else from the patronymic (-вич / -вна; оглы /
    кызы), else None (the case's default, they)."""
    g = gender.strip().lower().rstrip(".")
    for pronoun, words in formats_data()["genders"].items():
        if g and g in (w.rstrip(".") for w in words):
            return pronoun
    words = native.lower().split()
    if not words:
        return None
    if words[-1] in ("оглы", "огли", "улы", "уулу", "ўлы"):
        return "he"
    if words[-1] in ("кызы", "қызы", "кизи", "гызы"):
        return "she"
    if len(words) >= 3:
        if words[-1].endswith(("вич", "віч", "ич", "іч")):
            return "he"
        if words[-1].endswith(("вна", "ўна", "чна", "ична", "ічна")):
            return "she"
    return None


def _names(native: str, lang: str) -> tuple[str, str, str]:
    """(surname, given, patronymic); lists write the surname first."""
    try:
        from ..grammar import name_parts

        return name_parts(native, lang)
    except Exception:  # a language the grammar does not know (kk, ky): the lists' own order
        words = native.split()
        return words[0], (words[1] if len(words) > 1 else ""), " ".join(words[2:])


def build(rec: Record, fmt: str, country: str | None, today: dt.date) -> Imported | BadRow:
    from ..translit import transliterate
    from ..translit.detect import detect_language

    spec = formats_data()["formats"][fmt]
    raw_name = " ".join(rec.get("name").split())
    if not raw_name:
        return BadRow(rec.line, "no name")
    cc = (rec.get("country") or country or spec.get("country") or "").upper()
    if not cc:
        return BadRow(rec.line, "no country: add a country column or give --country")
    from ..address.countries import is_iso_country

    if not is_iso_country(cc):
        return BadRow(rec.line, f"'{cc}' is not an ISO country code (like BY, RU)")

    native = " ".join(rec.get("native_name").split()) or (raw_name if scripts.has(raw_name, scripts.CYRILLIC) else None)
    name: dict[str, str] = {}
    scheme = None
    if native:
        lang = detect_language(native, cc)
        surname, given, patronymic = _names(native, lang)
        native = " ".join(x for x in (surname, given, patronymic) if x)
        short = " ".join(x for x in (given, surname) if x)
        scheme = formats_data()["latin_schemes"].get(lang, "icao")
        name["en"] = transliterate(short, scheme, lang)
        name[lang] = short
    else:
        lang = "en"
        name["en"] = raw_name

    born: int | dt.date | None = None
    for col in ("birthday", "birth_year"):
        if rec.get(col) and born is None:
            try:
                born = parse_born(rec.get(col))
            except ValueError:
                return BadRow(rec.line, f"{col} '{rec.get(col)}' is not a date (YYYY-MM-DD, YYYY-MM, YYYY, "
                                        "M/D/YYYY or DD.MM.YYYY)")

    status, why, address = _where(rec, cc, lang, today)
    split_born = address.pop("_born", None) if address else None
    if born is None and split_born:
        born = split_born

    source: dict = {"list": spec["list"]}
    if rec.get("id"):
        source["id"] = rec.get("id")
    if rec.get("url").startswith(("http://", "https://")):
        source["url"] = rec.get("url")
    source["imported"] = today
    key: tuple[str, str]
    if "id" in source:
        key = ("id", source["id"])
    elif "url" in source:
        key = ("url", source["url"])
    else:
        key = ("name", f"{native or raw_name} {born.year if isinstance(born, dt.date) else born or ''}".strip())
    return Imported(line=rec.line, key=key, case_id=_case_id(cc, name["en"], source.get("id")), name=name,
                    native_name=native, scheme=scheme, born=born,
                    pronoun=pronoun_of(native or "", rec.get("gender")), status=status, why=why,
                    address=address, source=source)


def _where(rec: Record, cc: str, lang: str, today: dt.date):
    """(status, the list's words when not held, address mapping or None)."""
    listed = status_of(rec.get("status")) if rec.get("status") else None
    release = rec.get("release_date")
    if listed in (None, "held") and release:
        try:
            day = parse_born(release)
        except ValueError:
            day = None
        if isinstance(day, dt.date) and day <= today:
            return "released", f"released {day.isoformat()}", None
    if listed not in (None, "held"):
        return listed, rec.get("status"), None
    text = rec.get("prison") or rec.get("address") or rec.get("colony") or rec.get("sizo")
    if not text:
        return "unknown", "the list gives no address", None
    said = status_of(text)
    if said is not None and said != "held":
        return said, text, None
    from .address import split_address

    parts = split_address(text, cc, lang)
    if not parts.lines:
        return "address-unconfirmed", f"the list's address has no street or institution: {text}", None
    address: dict = {"country": cc, "lines": parts.lines}
    for k in ("postcode", "locality", "district", "region"):
        if k in parts.fields:
            address[k] = parts.fields[k]
    if parts.born_year:
        address["_born"] = parts.born_year
    return "held", None, address


def _case_id(cc: str, latin: str, list_id: str | None) -> str:
    from unidecode import unidecode

    from ..output import safe_name

    slug = re.sub(r"[^a-z0-9]+", "-", unidecode(latin).lower()).strip("-")
    parts = [cc.lower(), slug or "person"]
    if list_id:
        parts.append(re.sub(r"[^a-z0-9]+", "-", list_id.lower()).strip("-"))
    return safe_name("-".join(p for p in parts if p))[:64].strip("-")

"""The corrected value an error message offers: a date in ISO form, an id as a slug, a role
for the word a volunteer typed, a country code for a country's name, a list for a single value.

Used only once a value is refused, so nothing here costs a valid file anything."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_YEAR_FIRST = re.compile(r"(\d{4})[./](\d{1,2})[./](\d{1,2})")
_YEAR_LAST = re.compile(r"(\d{1,2})([./-])(\d{1,2})[./-](\d{4})")


def _day(y: int, m: int, d: int) -> str | None:
    """Why y-m-d is no day of the calendar, or None when it is one."""
    if not 1 <= m <= 12:
        return f"there is no month {m}"
    last = calendar.monthrange(y, m)[1]
    if not 1 <= d <= last:
        return f"{calendar.month_name[m]} {y} has no day {d} (it has {last} days)"
    return None


def date_fix(text: str) -> str:
    """What is wrong with a date as typed, or what to write, or '' when the text is not
    recognisably a date: `1979-02-30` has no such day; `05.12.2026` is written 2026-12-05."""
    s = str(text).strip()
    m = _ISO.fullmatch(s) or _YEAR_FIRST.fullmatch(s)
    if m:
        y, mo, d = (int(x) for x in m.groups())
        wrong = _day(y, mo, d)
        return f"{wrong}; check the date" if wrong else f"write {dt.date(y, mo, d).isoformat()}"
    m = _YEAR_LAST.fullmatch(s)
    if not m:
        return ""
    a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
    # day first (05.12.2026), as Europe and the former USSR write; with '/' the month may come first
    readings = [(b, a)] if sep != "/" else [(b, a), (a, b)]
    valid = sorted({dt.date(y, mo, d).isoformat() for mo, d in readings if _day(y, mo, d) is None})
    if not valid:
        return f"{_day(y, b, a)}; check the date"
    if len(valid) == 1:
        return f"write {valid[0]}"
    return f"write {valid[0]} or {valid[1]}, whichever is meant"


def slug_fix(value: str, pattern: re.Pattern) -> str:
    """'; write id: ...' with `value` made a slug (lower case, '-' for anything else), or ''."""
    from unidecode import unidecode

    slug = re.sub(r"[^a-z0-9]+", "-", unidecode(value).lower()).strip("-")[:64].strip("-")
    return f"; write {slug}" if slug and slug != value and pattern.match(slug) else ""


# what volunteers call the roles (from appeals: "President", "Prime Minister", "Prosecutor
# General", "Governor of the prison"), each to the role a case file names
_ROLE_WORDS = {
    "head-of-state": ("president", "king", "queen", "emir", "monarch", "sultan", "supreme-leader",
                      "head-of-state", "state-head"),
    "head-of-government": ("prime-minister", "premier", "pm", "chancellor", "head-of-government"),
    "prosecutor": ("prosecutor-general", "attorney-general", "procurator", "procurator-general",
                   "general-prosecutor", "prosecutor-s-office"),
    "minister": ("interior-minister", "justice-minister", "minister-of-justice", "minister-of-interior",
                 "minister-of-internal-affairs", "foreign-minister", "secretary-of-state"),
    "prison-head": ("prison-governor", "governor", "warden", "prison-director", "director", "head-of-prison",
                    "prison", "colony-head", "head-of-colony", "chief"),
    "ambassador": ("embassy", "envoy", "ambassadors"),
    "official": ("ombudsman", "ombudsperson", "commissioner", "mayor", "judge", "deputy", "official"),
}


def role_fix(word: str, roles) -> str:
    """'; for a president write role: head-of-state' where `word` names a role in other words."""
    key = re.sub(r"[^a-z]+", "-", word.lower()).strip("-")
    for role, words in _ROLE_WORDS.items():
        if key in words and role in roles:
            return f"; for {word!r} write role: {role}"
    return ""


def country_fix(name: str) -> str:
    """'write RU' where `name` is a country's name (English, Russian, or any language whose
    CLDR names are in data/country-names) or a common non-ISO code (UK), else ''."""
    from ..address.countries import is_iso_country
    from ..resources import data_path

    key = name.strip().casefold().removeprefix("the ")
    aliases = {"uk": "GB", "usa": "US", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
               "britain": "GB", "america": "US"}
    code = aliases.get(key)
    if code is None:
        for path in sorted(data_path("country-names").glob("*.json")):
            if path.name.startswith("_"):
                continue
            names = json.loads(path.read_text(encoding="utf-8"))
            code = next((cc for cc, n in names.items() if n.casefold() == key), None)
            if code:
                break
    return f"write {code}" if code and is_iso_country(code) else ""


def _flow(value: str) -> str:
    """A YAML flow item: quoted when a comma, colon or bracket would split or break it."""
    return json.dumps(value, ensure_ascii=False) if re.search(r"[,:\[\]{}#&*!|>'\"%@`]", value) else value


# the parts of an address pasted into one line, as the post-Soviet countries write them
_PASTED = {"locality": re.compile(r"(?:г|м|пгт|пос|с|п|смт|аг|гп|гор)\.\s*\w|(?:город|місто|горад)\s", re.I),
           "district": re.compile(r".*(?:\bр-н\b|\bрайон\b|\bраён\b)", re.I),
           "region": re.compile(r".*(?:\bобл\.|\bобласть\b|\bкрай\b|\bвобл\.|\bвобласць\b)", re.I)}
_POSTCODE = re.compile(r"(\d{5,6})(?:\s+(.+))?")  # alone, or before its town (Belarus, Kazakhstan)
_HOUSE = re.compile(r"(?:\d|д\.|дом\b|корп\.|к\.|стр\.|кв\.|буд\.|б\.|№)", re.I)


def _pasted_address_fix(value: str) -> str:
    """'; ... write lines: [...], with locality: ... and postcode: ...' for a whole address typed
    as one string (`ул. Ленина, д. 5, г. Покров, 601446`), else '': the street keeps its house
    number, and the town, postcode, district and region go to keys of their own."""
    lines: list[str] = []
    fields: dict[str, str] = {}
    for part in (p.strip() for p in value.split(",")):
        code = _POSTCODE.fullmatch(part)
        if code and "postcode" not in fields and (not code[2] or _PASTED["locality"].match(code[2])):
            fields["postcode"] = code[1]
            part = code[2] or ""
        if not part:
            continue
        key = next((k for k, rx in _PASTED.items() if k not in fields and rx.match(part)), None)
        if key:
            fields[key] = part
        elif lines and _HOUSE.match(part):
            lines[-1] += ", " + part  # 'д. 18' belongs to its street
        else:
            lines.append(part)
    if not lines or not fields.keys() & {"postcode", "locality"}:
        return ""
    given = [f"{k}: {json.dumps(v) if k == 'postcode' else v}" for k, v in fields.items()]
    keys = ", ".join(given[:-1]) + " and " + given[-1] if len(given) > 1 else given[0]
    return (f"; this is a whole address in one line: write lines: "
            f"[{', '.join(json.dumps(x, ensure_ascii=False) for x in lines)}], with {keys} "
            f"{'as keys of their own' if len(fields) > 1 else 'as a key of its own'}")


def list_fix(key: str, value) -> str:
    """'; write key: [...]' for one value given where a list belongs: a string, or a mapping."""
    if key == "lines" and isinstance(value, str) and (pasted := _pasted_address_fix(value)):
        return pasted
    if isinstance(value, str) and value.strip():
        return (f"; write {key}: [{_flow(value.strip())}], or put each item on a line of its own "
                f"under {key}: starting with '- '")
    if isinstance(value, dict) and value:
        from .spec import LANG

        if all(isinstance(k, str) and re.match(LANG, k) for k in value):
            return (f"; for one item in several languages write {key}: "
                    f"[{{{', '.join(f'{k}: ...' for k in value)}}}]")
        first = next(iter(value.values()))
        item = _flow(first) if isinstance(first, str) else "..."
        return f"; put each item on a line of its own under {key}: starting with '- ' (- {item})"
    return ""


_PRONOUN_WORDS = {
    "she": ("female", "woman", "f", "w", "her", "hers", "she/her", "женский", "жен", "ж", "жінка", "жаночы"),
    "he": ("male", "man", "m", "him", "his", "he/him", "мужской", "муж", "м", "чоловік", "мужчына"),
    "they": ("nonbinary", "non-binary", "neutral", "them", "their", "they/them", "x"),
}


def pronoun_fix(word: str) -> str:
    """'; write she' for `female`, `woman`, `she/her` and the like, else ''."""
    key = word.strip().casefold()
    return next((f"; write {p}" for p, words in _PRONOUN_WORDS.items() if key in words), "")


def language_fix(word: str) -> str:
    """'write ru' for a language's name (`Russian`, `русский`, `Russe`) or a code in capitals
    (`EN`), from CLDR's names through Babel; else ''."""
    key = word.strip().casefold()
    if re.fullmatch(r"[a-z]{2,3}", key):
        return f"write {key}"
    from babel import Locale

    for loc in ("en", "ru", "uk", "de", "fr", "es"):
        names = Locale.parse(loc).languages
        code = next((c for c, n in names.items() if n.casefold() == key and re.fullmatch(r"[a-z]{2,3}", c)), None)
        if code:
            return f"write {code}"
    return ""


def url_fix(s: str) -> str:
    """'; write https://...' for a link typed without its scheme, else ''."""
    t = s.strip()
    if re.fullmatch(r"(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?", t):
        return f"; write https://{t}"
    return ""


def hashtag_fix(s: str) -> str:
    """'; write FreeJaneDoe' for a hashtag typed as several words, else ''."""
    words = re.findall(r"[^\s#@]+", s)
    if len(words) < 2:
        return ""
    return f"; write {''.join(w[:1].upper() + w[1:] for w in words)}"


def year_fix(val) -> str:
    """'; write 1983' where a birth year is in the text with other words (`1983 г.`), else ''."""
    years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", str(val))
    return f"; write {years[0]}" if len(years) == 1 else ""


def number_fix(val) -> str:
    """'; write 61' for a number with a word after it (`61 years`), else ''."""
    m = re.fullmatch(r"\s*(\d{1,3})\s*\D*", str(val))
    return f"; write {m.group(1)}" if m and not isinstance(val, (int, float)) else ""


_NOW_WORDS = {"asap", "urgent", "urgently", "now", "immediate", "at once", "немедленно", "срочно", "негайно",
              "терміново", "неадкладна", "тэрмінова"}


def deadline_fix(val) -> str:
    """'write immediately' for `ASAP`, `urgent`, `срочно`, else the date fix."""
    if isinstance(val, str) and val.strip().casefold().strip("!.") in _NOW_WORDS:
        return "write immediately"
    return date_fix(val) if isinstance(val, str) else ""


def recipients_fix(val) -> str:
    """For `recipients` written as a list: the mapping form, with an id from the first's role."""
    first = val[0] if isinstance(val, list) and val and isinstance(val[0], dict) else {}
    rid = re.sub(r"[^a-z0-9]+", "-", str(first.get("role", "minister")).lower()).strip("-") or "minister"
    return (f"; give each recipient an id of its own instead of '- ' ({rid}: on its own line, "
            f"its keys indented under it)")

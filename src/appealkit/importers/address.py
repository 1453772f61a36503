"""A list's free-text address split into the case format's fields, by the address layer: the
postcode, locality, district and region as address.checks.pasted_parts finds them in a pasted
line, institutions by address.abbrev, and the rest grouped into lines (a street with its house
number on one line, as the posts write it)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import scripts

# "…, Иванову Ивану Ивановичу, 1985 г. р." (Memorial's letter addresses end so; "1985 г.р.",
# "1985 года рождения" too, with or without the comma before the year)
_BORN = re.compile(r"(?:^|\s)(\d{4})\s*(?:г\.?\s*р\.?|года\s+рождения)$")
_NUMBER = re.compile(r"^(№\s*)?\d+[\w/-]*$")


@dataclass
class Split:
    """A published one-line address split into fields and lines (and a birth year it held)."""
    fields: dict[str, str] = field(default_factory=dict)  # postcode, locality, district, region
    lines: list[str] = field(default_factory=list)
    born_year: int | None = None  # from a trailing "ГГГГ г. р."


def _name_word(w: str) -> bool:
    """A capitalised Cyrillic word, hyphens and apostrophes allowed (Гусейнли, Сан-Мартин, Лук'яненко),
    or initials (И., И.И.)."""
    if w.endswith(".") and w[:-1]:
        parts = w[:-1].split(".")
        return all(len(p) == 1 and p.isupper() and scripts.only(p, scripts.CYRILLIC) for p in parts)
    letters = w.replace("-", "").replace("'", "").replace("’", "")
    return len(w) > 1 and w[0].isupper() and letters.isalpha() and scripts.only(letters, scripts.CYRILLIC) \
        and w[1:] == w[1:].lower()


def _is_name(seg: str) -> bool:
    words = seg.split()
    return 2 <= len(words) <= 4 and all(_name_word(w) for w in words if w not in ("оглы", "кызы"))


def split_address(text: str, country: str, lang: str) -> Split:
    from ..address.abbrev import is_institution, table, table_languages
    from ..address.checks import pasted_parts

    out = Split()
    langs = table_languages((), lang)
    abbr = table(langs)
    segs = []
    parts = " ".join(text.split()).split(";")
    if len(parts) > 1 and parts[0].strip():  # Viasna's "facility; address": the facility is one line, commas and all
        segs.append(parts[0].strip().rstrip(","))
        parts = parts[1:]
    for part in parts:
        for seg in part.split(","):
            seg = seg.strip()
            if seg.endswith(".") and seg.split()[-1].lower() not in abbr:  # a sentence's full stop
                seg = seg[:-1].rstrip()
            if seg:
                segs.append(seg)
    for i, seg in enumerate(segs):
        m = _BORN.search(seg)
        if m:
            out.born_year = int(m.group(1))
            drop = {i}
            before = seg[:m.start()].strip()
            if before and not _is_name(before):  # not the addressee: an address part, kept
                segs[i] = before
                drop = set()
            elif before:
                pass  # "Иванову Ивану Ивановичу 1985 г. р.": the name went with the year
            elif i > 0 and _is_name(segs[i - 1]):  # the addressee, in the dative: the envelope writes it
                drop.add(i - 1)
            elif i > 0 and ". " in segs[i - 1]:  # "д. 1. Иванову Ивану Ивановичу"
                before, _, name = segs[i - 1].rpartition(". ")
                if _is_name(name) and before.split()[-1].lower() not in abbr:
                    segs[i - 1] = before
            segs = [s for j, s in enumerate(segs) if j not in drop]
            break
    out.fields = pasted_parts(", ".join(segs), country)
    taken = set(out.fields.values())
    for seg in segs:
        if seg in taken:
            continue
        head, _, rest = seg.partition(" ")
        if head == out.fields.get("postcode") and rest.strip() in taken:  # "186420 г. Сегежа"
            continue
        words = seg.split()
        kinds = {e["kind"] for e in abbr.get(words[0].lower(), [])}
        # "д. 1", "корп. 2", "183", "бн": a part of the street line before it
        house = ("label" in kinds or ("word" in kinds and len(words) == 1) or _NUMBER.match(seg)) \
            and not is_institution(seg, langs)
        if house and out.lines:
            out.lines[-1] += f", {seg}"
        else:
            out.lines.append(seg)
    # the institution first, then its street: the order of the posts of the former USSR
    out.lines.sort(key=lambda line: not is_institution(line, langs))
    return out

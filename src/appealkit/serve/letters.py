"""One volunteer's letter (its text to read, its PDF to print) and the night's pack so far, all
built by the pack's own builder (pack.html.build_pack), so that a letter printed at the event
is the letter `appealkit pack` prints."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field

from ..errors import AppealkitError

CACHE_SLACK = 256  # derived values (one per sender and message) a case keeps between letters

# a case's derived values are a plain dict its builders fill: the server's threads compose one
# at a time
_compose = threading.Lock()
_marks: dict[str, int] = {}  # case id -> what it held before its first letter here


@dataclass
class Volunteer:
    """A writer at the event page, as their form gave them."""
    name: str
    address: list[str] = field(default_factory=list)
    country: str | None = None
    lang: str | None = None

    def writer(self):
        from ..night.writers import Writer

        return Writer(0, self.name, self.address, self.country, self.lang)


def letter_language(case, lang: str | None) -> str:
    """The volunteer's language when the case has every text in it, else the case's own."""
    from ..night.assign import letter_languages

    return lang if lang in letter_languages(case) else case.language


def preview(case, to: str, v: Volunteer, message: str | None, day: dt.date):
    """The letter as text, with its warnings (the volunteer reads it before printing)."""
    from ..letters.compose import compose_letters

    with _compose:
        mark = _marks.setdefault(case.id, case.derived.mark())
        try:
            (letter,) = compose_letters(case, to, lang=letter_language(case, v.lang), sender_name=v.name,
                                        sender_address=v.address, sender_country=v.country, date=day,
                                        message=message or None)
        finally:
            # a night of many volunteers (each a sender of their own) would keep one value per letter
            case.derived.trim(mark, CACHE_SLACK)
    return letter


def letter_html(case, to: str, v: Volunteer, message: str | None, day: dt.date, envelope: str = "dl") -> str:
    """The printable letter and its envelope (or label) as one HTML document, without the
    case's card (the volunteer has read it on the page)."""
    return _one(case, to, v, message, day, envelope, card=False)


def pack_html(cases: dict, entries: list, by: str, day: dt.date, envelope: str = "dl") -> list[str]:
    """The night's pack so far: exactly the recorded letters, each printed as the pack prints
    it, by case (each case's card, then its letters) or by writer (each writer's letters
    together). One HTML document per letter, joined page by page when rendered."""
    from ..night.overview import overview

    order = {r.id: i for i, r in enumerate(overview([cases[e.case_id] for e in entries if e.case_id in cases], day))}
    known = [e for e in entries if e.case_id in cases]
    if by == "case":
        known.sort(key=lambda e: order[e.case_id])  # stable: the recording order within a case
    else:
        first: dict[str, int] = {}
        for i, e in enumerate(known):
            first.setdefault(e.writer, i)
        known.sort(key=lambda e: first[e.writer])
    out, seen = [], set()
    for e in known:
        v = Volunteer(e.writer, e.address, e.country or None, e.lang or None)
        out.append(_one(cases[e.case_id], e.recipient, v, e.message, e.day, envelope,
                        card=by == "case" and e.case_id not in seen))
        seen.add(e.case_id)
    return out


def _one(case, to: str, v: Volunteer, message: str | None, day: dt.date, envelope: str, card: bool) -> str:
    from ..pack.fonts import font_faces
    from ..pack.html import build_pack

    with _compose:
        mark = _marks.setdefault(case.id, case.derived.mark())
        try:
            p = build_pack([case], [v.writer()], to, envelope=envelope, date=day, sender_country=v.country,
                           lang=letter_language(case, v.lang), fonts=font_faces(), message=message or None,
                           message_seen=True)  # the page showed its censor's words as it was typed
        finally:
            # a night of many volunteers (each a sender of their own) would keep one value per letter
            case.derived.trim(mark, CACHE_SLACK)
    if not p.letters:
        why = p.problems[0].message if p.problems else (p.warnings[0] if p.warnings else "")
        raise AppealkitError(f"no letter to print for {to}: {why}".rstrip(": "))
    if card:
        return p.html
    # the pack's cards are what the page has shown: hidden, the letter starts on the first page
    return p.html.replace("</head>", "<style>.card { display: none; }</style>\n</head>", 1)


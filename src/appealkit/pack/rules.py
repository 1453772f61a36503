"""Which letters each writer gets for a case, in which language: the rules the pack and the mail
merge share (one place, so the two never disagree).

- Support letters go in the prison's language (data/letters/prisons.yaml) whatever the
  writer's own; the writer also gets a copy in their language, marked as theirs, so they know
  what they sign. `support_in="writer"` writes them in the writer's language instead (the
  letter then carries the warning that the prison may not pass it).
- Authority letters go in the writer's language where the case has it, else in the case's own.
- Past the appeal's deadline the authority letters are left out; support letters stay.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Job:
    """One letter to compose: to `target`, in `lang` (None: the letter's own choice, the
    prison's language for the person); `copy` marks a writer's copy, never for the envelope."""

    target: str
    lang: str | None
    copy: bool = False


@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    fallback: bool = False  # the writer's language is not the case's: letters in the case's own


def closed(case, day: dt.date) -> bool:
    """The appeal's deadline has passed: its letters to the authorities come too late."""
    return isinstance(case.deadline, dt.date) and case.deadline < day


def open_targets(case, to: str, day: dt.date) -> list[str]:
    """The recipients of `to` still worth a letter on `day`: past the deadline, the person only."""
    targets = case.targets(to)
    return [t for t in targets if t == "person"] if closed(case, day) else targets


def closed_note(case, to: str) -> str | None:
    """What a run says once about a closed case's left-out letters (None: nothing left out)."""
    if to == "person" or not [t for t in case.targets(to) if t != "person"]:
        return None
    kept = "; the support letter to the person stays" if "person" in case.targets(to) else ""
    return (f"the appeal closed on {case.deadline.isoformat()}: the letters to the authorities are left "
            f"out{kept}")


def plan(case, targets: list[str], writer_lang: str | None, langs: list[str], *,
         support_in: str = "prison") -> Plan:
    """The letters of one writer for one case. `langs` are the case's letter languages
    (merge.letter_languages); `targets` the open ones (open_targets)."""
    p = Plan()
    authority = writer_lang if writer_lang in langs else None
    if writer_lang and authority is None and any(t != "person" for t in targets):
        p.fallback = True
    for t in targets:
        if t != "person":
            p.jobs.append(Job(t, authority or (langs[0] if langs and case.language not in langs else case.language)))
            continue
        own = support_language(case)
        if support_in == "writer" and writer_lang and _can_support(case, writer_lang):
            p.jobs.append(Job(t, writer_lang))
            continue
        p.jobs.append(Job(t, None))
        mine = copy_language(case, writer_lang, own)
        if mine:
            p.jobs.append(Job(t, mine, copy=True))
    return p


def support_language(case) -> str:
    """The language a support letter to the person goes in (the prison's, where known)."""
    from ..letters.language import choose
    from ..letters.translations import languages

    key = ("pack", "support-language")  # the same for every writer of a run
    if key not in case.cache:
        case.cache[key] = choose(case, "person", None, languages())[0]
    return case.cache[key]


def copy_language(case, writer_lang: str | None, letter_lang: str) -> str | None:
    """The language of the writer's own copy of a support letter in `letter_lang`: theirs where
    appealkit writes it (else English), none when the letter is in it already."""
    for lg in (writer_lang or case.language, "en"):
        if lg and lg != letter_lang and _can_support(case, lg):
            return lg
        if lg == letter_lang:
            return None
    return None


def _can_support(case, lang: str) -> bool:
    from ..letters.naming import person_name
    from ..letters.translations import has_template

    return has_template(lang, "support") and person_name(case, lang) is not None

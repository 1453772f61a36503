"""Who writes what: the one writer x case iterator that the mail merge and the pack share. For
each writer and case it says which letters the writer gets (recipients, languages, a writer's
copy) by the night's rules: every writer gets letters; support letters in the prison's
language; past the deadline the person's letters only. A place to decide a writer's letters,
nothing more: composing and printing are the callers'."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import TYPE_CHECKING, Iterable, Iterator, Literal, overload

from ..records import Record
from .notices import Code, Notice
from .writers import BadRow, Writer, about_row

if TYPE_CHECKING:  # pragma: no cover
    from ..case.model import Case


class Job(Record, frozen=True):
    """One letter to compose: to `target`, in `lang` (None: the letter's own choice, the
    prison's language for the person); `copy` marks a writer's copy, never for the envelope."""

    target: str
    lang: str | None
    copy: bool = False


class Assignment(Record):
    """The letters one writer writes for one case (`jobs`): to its open `recipients`, the
    authorities in `language`. `fallback`: the case lacks the writer's language, so that is the
    case's own; `notice` says so."""

    writer: Writer
    case: Case
    recipients: list[str] = field(default_factory=list)
    language: str | None = None
    notice: Notice | None = None
    jobs: list[Job] = field(default_factory=list)
    fallback: bool = False


@overload
def assignments(cases: list[Case], writers: Iterable[Writer | BadRow], *, to: str = ..., lang: str | None = ...,
                by: Literal["case"], source: str | None = ..., date: dt.date | None = ...,
                support_in: str = ...) -> Iterator[Assignment]: ...
@overload
def assignments(cases: list[Case], writers: Iterable[Writer | BadRow], *, to: str = ..., lang: str | None = ...,
                by: Literal["writer"] = ..., source: str | None = ..., date: dt.date | None = ...,
                support_in: str = ...) -> Iterator[Assignment | BadRow]: ...
def assignments(cases: list[Case], writers: Iterable[Writer | BadRow], *, to: str = "all", lang: str | None = None,
                by: Literal["writer", "case"] = "writer", source: str | None = None, date: dt.date | None = None,
                support_in: str = "prison") -> Iterator[Assignment | BadRow]:
    """Each (writer, case) pair in order: by writer (the writers may be a stream read once; each
    BadRow is passed on in its place) or by case (the writers a list; BadRows left to the caller,
    who names them once). Every writer gets letters (see `plan`): a writer's `lang` (else `lang`)
    where the case has it, else the case's own language with a notice naming `source`:LINE;
    past the deadline (on `date`, default today) the person's letters only."""
    day = date or dt.date.today()
    rules = [CaseRules(c, to, day) for c in cases]

    def one(w: Writer, i: int) -> Assignment:
        r = rules[i]
        wl = w.lang or lang
        targets = writer_targets(r.case, r.targets, to, w.country)
        p = plan(r.case, targets, wl, r.langs, support_in=support_in)
        notice = None
        if p.fallback:
            where = f"{source}:{w.line}" if source else None
            notice = Notice(Code.NO_LANGUAGE, about_row(w, no_letters_in(r.case, wl or "", r.langs)), "warning",
                            "row", where)
        authority = next((j.lang for j in p.jobs if j.target != "person"), None)
        return Assignment(w, r.case, targets, authority, notice, p.jobs, p.fallback)

    if by == "case":
        people = [w for w in writers if isinstance(w, Writer)]
        for i in range(len(cases)):
            for p in people:
                yield one(p, i)
        return
    for w in writers:
        if isinstance(w, BadRow):
            yield w
            continue
        for i in range(len(cases)):
            yield one(w, i)


class CaseRules:
    """What a case gives every writer alike, worked out once: its open recipients on `day` and
    the languages its letters to the authorities can go in (every text and name there)."""

    def __init__(self, case, to: str, day: dt.date) -> None:
        from ..letters.naming import missing_names

        self.case = case
        self.closed = closed(case, day)
        self.targets = open_targets(case, to, day)
        authorities = [t for t in self.targets if t != "person"]
        self.langs = [lg for lg in letter_languages(case) if not missing_names(case, authorities, lg)]


class Plan(Record):
    """The letters one writer writes for one case, in which languages."""
    jobs: list[Job] = field(default_factory=list)
    fallback: bool = False  # the writer's language is not the case's: letters in the case's own


def plan(case, targets: list[str], writer_lang: str | None, langs: list[str], *,
         support_in: str = "prison") -> Plan:
    """The letters of one writer for one case. Support letters go in the prison's language
    (data/letters/prisons.yaml) whatever the writer's own, with a copy in the writer's language
    so they know what they sign; `support_in="writer"` writes them in the writer's language
    instead (the letter then carries the warning that the prison may not pass it). Letters to
    the authorities go in the writer's language where the case has it (`langs`), else in the
    case's own."""
    p = Plan()
    authority = writer_lang if writer_lang in langs else None
    if writer_lang and authority is None and any(t != "person" for t in targets):
        p.fallback = True
    own = case.language if case.language in langs or not langs else langs[0]
    for t in targets:
        if t != "person":
            p.jobs.append(Job(t, authority or own))
            continue
        if support_in == "writer" and writer_lang and _can_support(case, writer_lang):
            p.jobs.append(Job(t, writer_lang))
            continue
        p.jobs.append(Job(t, None))
        mine = copy_language(case, writer_lang, support_language(case))
        if mine:
            p.jobs.append(Job(t, mine, copy=True))
    return p


def closed(case, day: dt.date) -> bool:
    """The appeal's deadline has passed: its letters to the authorities come too late."""
    return isinstance(case.deadline, dt.date) and case.deadline < day


def open_targets(case, to: str, day: dt.date) -> list[str]:
    """The recipients of `to` still worth a letter on `day`: past the deadline, the person only."""
    targets = case.targets(to)
    return [t for t in targets if t == "person"] if closed(case, day) else targets


def writer_targets(case, targets: list[str], to: str, country: str | None) -> list[str]:
    """`targets` for a writer living in `country`: `all` leaves out the ambassador of their own
    country, as compose_letters does (Case.ambassador_at_home)."""
    return [t for t in targets if not (to == "all" and case.ambassador_at_home(t, country))]


def closed_note(case, to: str) -> str | None:
    """What a run says once about a closed case's left-out letters (None: nothing left out)."""
    targets = case.targets(to)
    if not [t for t in targets if t != "person"]:
        return None
    kept = "; the support letter to the person stays" if "person" in targets else ""
    return (f"the appeal closed on {case.deadline.isoformat()}: the letters to the authorities are left "
            f"out{kept}")


def support_language(case) -> str:
    """The language a support letter to the person goes in (the prison's, where known)."""
    from ..letters.language import choose
    from ..letters.translations import languages

    # the same for every writer of a run
    return case.derived.get("support-language", (), lambda: choose(case, "person", None, languages())[0])


def copy_language(case, writer_lang: str | None, letter_lang: str) -> str | None:
    """The language of the writer's own copy of a support letter in `letter_lang`: theirs where
    appealkit writes it (else English), none when the letter is in it already."""
    for lg in (writer_lang or case.language, "en"):
        if lg == letter_lang:
            return None
        if _can_support(case, lg):
            return lg
    return None


def _can_support(case, lang: str) -> bool:
    from ..letters.naming import person_name
    from ..letters.translations import has_template

    return has_template(lang, "support") and person_name(case, lang) is not None


def letter_languages(case) -> list[str]:
    """The letter languages this case has every needed text in (a writer's `lang` must be one)."""
    from ..letters.translations import languages, missing_translations

    return [lg for lg in languages() if not missing_translations(case, lg)]


def no_letters_in(case, lang: str, langs: list[str]) -> str:
    """Why a writer's letters to `case`'s authorities are not in their language `lang`."""
    return (f"{case.id}: no letters in '{lang}' for this case (it has {', '.join(langs) or 'none'}): "
            "the letters to the authorities are in the case's language")

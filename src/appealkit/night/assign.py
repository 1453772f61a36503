"""Who writes what: the one writer x case iterator that the mail merge and the pack share. For
each writer and case it says which letters the writer gets (recipients, language), or why none.
A place to decide a writer's letters, nothing more: composing and printing are the callers'."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator, Literal, overload

from .notices import Code, Notice
from .writers import BadRow, Writer

if TYPE_CHECKING:  # pragma: no cover
    from ..case.model import Case


@dataclass
class Assignment:
    """The letters one writer writes for one case: to `recipients`, in `language`. With no
    language the writer gets none for this case, and `notice` says why."""

    writer: Writer
    case: Case
    recipients: list[str] = field(default_factory=list)
    language: str | None = None
    notice: Notice | None = None


@overload
def assignments(cases: list[Case], writers: Iterable[Writer | BadRow], *, to: str = ..., lang: str | None = ...,
                by: Literal["case"], source: str | None = ...) -> Iterator[Assignment]: ...
@overload
def assignments(cases: list[Case], writers: Iterable[Writer | BadRow], *, to: str = ..., lang: str | None = ...,
                by: Literal["writer"] = ..., source: str | None = ...) -> Iterator[Assignment | BadRow]: ...
def assignments(cases: list[Case], writers: Iterable[Writer | BadRow], *, to: str = "all", lang: str | None = None,
                by: Literal["writer", "case"] = "writer", source: str | None = None) -> Iterator[Assignment | BadRow]:
    """Each (writer, case) pair in order: by writer (the writers may be a stream read once; each
    BadRow is passed on in its place) or by case (the writers a list; BadRows left to the caller,
    who names them once). A writer's `lang` chooses the language, else `lang`, else the case's;
    a language the case lacks gives no letters and a notice naming `source`:LINE."""
    langs = [letter_languages(c) for c in cases]

    def one(w: Writer, i: int) -> Assignment:
        case, have = cases[i], langs[i]
        lg = w.lang or lang or case.language
        if lg not in have:
            where = f"{source}:{w.line}" if source else None
            return Assignment(w, case, notice=Notice(Code.NO_LANGUAGE, no_letters_in(case, lg, have), "error",
                                                     "row", where))
        return Assignment(w, case, case.targets(to), lg)

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


def letter_languages(case) -> list[str]:
    """The letter languages this case has every needed text in (a writer's `lang` must be one)."""
    from ..letters.translations import languages, missing_translations

    return [lg for lg in languages() if not missing_translations(case, lg)]


def no_letters_in(case, lang: str, langs: list[str]) -> str:
    """Why a writer's letters to `case` are left out: `lang` is not one of its `langs`."""
    return f"{case.id}: no letters in '{lang}' for this case (it has {', '.join(langs) or 'none'})"

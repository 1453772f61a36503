"""Support letters for a state e-letter service (ФСИН-письмо and the like), for the cases of a
run: each letter as the numbered pages the service prints, written to `out_dir` if given, with
a notice naming the service and its page size (or saying there is none)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from .notices import Code, Notice

if TYPE_CHECKING:  # pragma: no cover
    from ..case.model import Case

DEFAULT_PAGE = 2500  # characters per page where no service is known


@dataclass
class CaseELetters:
    """One case's letters as e-mail or web-form text, and the files written."""
    case: Case
    pages: list[list[str]] = field(default_factory=list)  # each letter's pages
    paths: list[Path] = field(default_factory=list)  # the files written (with out_dir)
    notices: list[Notice] = field(default_factory=list)


def e_letters_for_cases(run, *, lang: str | None = None, sender=None, date: dt.date | None = None, template=None,
                        message: str | None = None, out_dir: str | None = None, force: bool = False,
                        page_chars: int | None = None, service: str | None = None) -> Iterator[CaseELetters]:
    """Each case of `run` (a night.run.CaseRun) with its support letters in pages of the
    prison country's service (or `service`), `page_chars` characters a page if given."""
    from ..eletters import letter_body, paginate, service_for
    from ..output import write_atomic
    from .letters import letters_for_cases

    for item in letters_for_cases(run, "person", lang=lang, sender=sender, date=date, fmt="text",
                                  template=template, message=message):
        c = item.case
        out = CaseELetters(c, notices=list(item.notices))
        addr = c.person.address
        svc = service_for(addr.country if addr else None, service)
        size = page_chars or (svc["page_chars"] if svc else DEFAULT_PAGE)
        if svc is None:
            out.notices.append(Notice(Code.E_LETTER, f"{c.id}: no state e-letter service for "
                                      f"{addr.country if addr else 'this person'} in data/e-letters.yaml: "
                                      f"pages of {size} characters"))
        elif page_chars is None:
            out.notices.append(Notice(Code.E_LETTER, f"{c.id}: {svc['name']}: pages of {size} characters "
                                      f"({svc['page_chars_source']}, checked {svc['checked']})", "note"))
        for x in item.letters:
            pages = paginate(letter_body(x.text, addr.lines if addr else []), size)
            out.pages.append(pages)
            if out_dir:
                out.paths.append(write_atomic(out_dir, f"{c.id}-person-{x.language}.e-letter.txt",
                                              "\n\n".join(pages) + "\n", force))
        yield out

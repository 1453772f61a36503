"""The pack's orchestration: the writers (or one sender), the cases, the fonts, the HTML
(pack.html) and the PDF (pack.pdf), written atomically; every row or letter left out is a
notice, and the report counts what the pack holds."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import AppealkitError, UsageError
from .notices import Code, Notice


@dataclass
class PackReport:
    path: Path
    cases: int = 0
    letters: int = 0
    envelopes: int = 0
    labels: bool = False  # envelopes are address labels
    failed: int = 0  # bad rows and writers' letters left out
    notices: list[Notice] = field(default_factory=list)  # in order: errors, warnings
    failures: list = field(default_factory=list)  # run.Failure: case files that stopped

    @property
    def ok(self) -> bool:
        return not self.failed and not self.failures

    def summary(self) -> str:
        return (f"{_n(self.cases, 'case')}, {_n(self.letters, 'letter')}, "
                f"{_n(self.envelopes, 'label' if self.labels else 'envelope')}"
                + (f"; {self.failed} left out (see above)" if self.failed else ""))


def make_pack(cases: list, out: str = "pack.pdf", *, writers: str | None = None, to: str = "all",
              paper: str = "a4", envelope: str = "dl", lang: str | None = None,
              sender_name: str | None = None, sender_address: str | list[str] | None = None,
              sender_country: str | None = None, date: dt.date | None = None,
              embassy_address: list[str] | None = None, force: bool = False,
              on_notice: Callable[[Notice], None] | None = None, recorder=None) -> PackReport:
    """The printable pack of `cases` (paths, folders or Case objects) at `out` (.pdf, or .html
    for a browser): a card per case, every letter and every envelope (or label) of each writer
    in the CSV `writers`, or of one sender (the given values, completed from sender.yaml).
    Each notice goes to `on_notice` as it comes, and into the report. A bad row or a case that
    fails is left out and named; the others are printed. Each letter in the written pack goes to
    `recorder` (log.Recorder: .letter(day, case_id, recipient, writer))."""
    from ..address.countries import check_sender_country
    from ..output import remove_stale_temps, write_path
    from ..pack.html import build_pack
    from .run import CaseRun
    from .sender import resolve_sender, sender_notices
    from .writers import BadRow, Writer, read_writers

    day = date or dt.date.today()
    html_out = out.lower().endswith((".html", ".htm"))
    if not html_out and not out.lower().endswith(".pdf"):
        raise UsageError(f"'{out}': name a .pdf or an .html file", param="out")
    if os.path.lexists(out) and not force:
        raise AppealkitError(f"{out}: already exists", param="force")
    country = check_sender_country(sender_country or None)
    report = PackReport(Path(out), labels=envelope == "labels")

    def say(n: Notice) -> None:
        report.notices.append(n)
        if n.level == "error" and n.code != Code.CASE_FAILED:
            report.failed += 1
        if on_notice is not None:
            on_notice(n)

    if writers is not None:
        people: list[Writer] = []
        notes: list[str] = []
        for w in read_writers(writers, notes):
            for m in notes:  # the header's, said once
                say(Notice(Code.COLUMN, m, scope="run", where=f"{writers}:1"))
            notes.clear()
            if isinstance(w, BadRow):
                say(Notice(Code.BAD_ROW, w.message, "error", "row", f"{writers}:{w.line}"))
            else:
                people.append(w)
    else:
        s = resolve_sender(sender_name, sender_address, country)
        people = [Writer(0, s.name or "", s.address, s.country, None)]
        for n in sender_notices(s.name, s.address, s.country):
            say(n)
    run = CaseRun(cases, on_failure=lambda f: say(Notice(Code.CASE_FAILED, str(f.error), "error", "case", f.path,
                                                         f.error)))
    good = run.with_recipient(to)
    report.failures = run.failures
    from ..pack.fonts import font_faces

    try:
        fonts = font_faces()
    except AppealkitError:
        if not html_out:
            raise
        fonts = None  # a browser has fonts of its own
    from ..routes import post_warnings

    for m in post_warnings(good, to, {w.country or country for w in people}, day):
        say(Notice(Code.POST_ROUTE, m))
    p = build_pack(good, people, to, paper=paper, envelope=envelope, lang=lang, date=day,
                   sender_country=country, embassy_address=embassy_address, fonts=fonts)
    for m in p.warnings:
        say(Notice(Code.PACK, m))
    for prob in p.problems:
        say(Notice(Code.LETTER_FAILED, prob.message, "error", "row",
                   f"{writers}:{prob.line}" if writers else None))
    remove_stale_temps(Path(out).parent)  # what an interrupted pack left beside it
    if html_out:
        write_path(out, p.html.encode("utf-8"), force)
    else:
        from ..pack.pdf import html_to_pdf

        data, missing = html_to_pdf(p.html)
        if missing:
            say(Notice(Code.MISSING_GLYPHS, f"no font here has {', '.join(missing)}: printed as empty boxes", scope="run"))
        write_path(out, data, force)
    report.cases, report.letters, report.envelopes = len(good), p.letters, p.envelopes
    if recorder is not None:
        for case_id, recipient, writer in p.sent:
            recorder.letter(day, case_id, recipient, writer)
    return report


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"

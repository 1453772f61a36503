"""The pack's orchestration: the writers (or one sender), the cases, the fonts, the HTML
(pack.html) and the PDF (pack.pdf), written atomically; every row or letter left out is a
notice, and the report counts what the pack holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import AppealkitError, UsageError
from .notices import Code, Notice


@dataclass
class PackReport:
    """What `pack` made: pages of each kind, the file, and the notices."""
    path: Path
    cases: int = 0
    letters: int = 0
    copies: int = 0  # writers' own copies of support letters in another language
    envelopes: int = 0
    labels: bool = False  # envelopes are address labels
    failed: int = 0  # bad rows and writers' letters left out
    notices: list[Notice] = field(default_factory=list)  # in order: errors, warnings
    failures: list = field(default_factory=list)  # run.Failure: case files that stopped

    @property
    def ok(self) -> bool:
        return not self.failed and not self.failures

    def summary(self) -> str:
        copies = f" (and {self.copies} writer's cop{'y' if self.copies == 1 else 'ies'})" if self.copies else ""
        return (f"{_n(self.cases, 'case')}, {_n(self.letters, 'letter')}{copies}, "
                f"{_n(self.envelopes, 'label' if self.labels else 'envelope')}"
                + (f"; {self.failed} left out (see above)" if self.failed else ""))


def make_pack(cases: list, out: str = "pack.pdf", *, writers: str | None = None, to: str = "all",
              paper: str = "a4", envelope: str = "dl", labels: str | None = None, start_label: int = 1,
              by: str = "case", support_in: str = "prison", lang: str | None = None,
              sender_name: str | None = None, sender_address: str | list[str] | None = None,
              sender_country: str | None = None, date: dt.date | None = None,
              embassy_address: list[str] | None = None, force: bool = False, strict: bool = False,
              on_notice: Callable[[Notice], None] | None = None,
              progress: Callable[[int, int], None] | None = None, workers: int | None = None,
              recorder=None) -> PackReport:
    """The printable pack of `cases` (paths, folders or Case objects) at `out` (.pdf, or .html
    for a browser): a card per case, every letter and every envelope (or label) of each writer
    in the CSV `writers`, or of one sender (the given values, completed from sender.yaml).
    `by` orders it by case or by writer (a bundle each); `labels` (l7163, l7160, 5160;
    default the paper's own: L7163 on A4, 5160 on US Letter) and `start_label` place labels; `support_in` is prison (the prison's language, with a
    writer's copy) or writer. A writer's personal message (their `message` column) that a
    prison censor may stop is left out with a notice naming the row, or, with `strict`, refuses
    the pack. Each notice goes to `on_notice`, and into the report;
    `progress(done, total)` counts writer x case pairs as their pages are rendered (in worker
    processes: `workers`, default one per core). A bad row or a case that fails is left out and
    named; the others are printed. Nothing is written until the whole pack is ready. Each
    letter in the written pack goes to `recorder` (log.Recorder: .letter(day, case_id,
    recipient, writer))."""
    from ..address.countries import check_sender_country
    from ..output import remove_stale_temps
    from ..pack.build import write_pack
    from ..pack.html import Options
    from ..pack.pdf import check_target
    from .run import CaseRun
    from .sender import resolve_sender, sender_notices
    from .writers import BadRow, Writer, about_row, read_writers, row_label

    day = date or dt.date.today()
    html_out = out.lower().endswith((".html", ".htm"))
    if not html_out and not out.lower().endswith(".pdf"):
        raise UsageError(f"'{out}': name a .pdf or an .html file", param="out")
    opts = Options(to=to, paper=paper, envelope=envelope, labels=labels, start_label=start_label, by=by, lang=lang,
                   support_in=support_in, date=day, embassy_address=embassy_address, strict=strict,
                   source=writers)
    opts.check()
    check_target(out, force)  # before any work
    opts.sender_country = country = check_sender_country(sender_country or None)
    report = PackReport(Path(out), labels=envelope == "labels")

    def say(n: Notice) -> None:
        report.notices.append(n)
        if n.level == "error" and n.code != Code.CASE_FAILED:
            report.failed += 1
        if on_notice is not None:
            on_notice(n)

    if envelope == "labels":
        from ..pack import PAPERS

        sheet = opts.sheet
        if sheet.paper != PAPERS[paper]:  # asked for: say what the printer will be fed
            say(Notice(Code.LABEL_PAPER, f"{sheet.name} label sheets are {_paper_name(sheet.paper)}, the other "
                                         f"pages {_paper_name(PAPERS[paper])}: load both in the printer", scope="run"))

    if writers is not None:
        people: list[Writer] = []
        notes: list[str] = []
        for w in read_writers(writers, notes):
            for m in notes:  # the header's, said once
                say(Notice(Code.COLUMN, m, scope="run", where=f"{writers}:1"))
            notes.clear()
            if isinstance(w, BadRow):
                say(Notice(Code.BAD_ROW, about_row(w, w.message), "error", "row", f"{writers}:{w.line}"))
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
    remove_stale_temps(Path(out).parent)  # what an interrupted pack left beside it
    by_line = {w.line: w for w in people} if writers else {}  # the pack's notes name a row by its line
    try:
        p = write_pack(good, people, out, opts, fonts=fonts, force=force, progress=progress, workers=workers)
    except AppealkitError as e:  # --strict: a writer's message refused, named by its line
        who = by_line.get(e.where.line or 0) if e.where and e.where.file == writers else None
        if who is not None:
            e.message = about_row(who, e.message)
        raise
    for x in p.notices:
        if x.code == "fallback":
            more = f" and {len(x.lines) - 10} more" if len(x.lines) > 10 else ""
            rows = ",".join(map(str, x.lines[:10])) + more
            named = [row_label(by_line[n]).removeprefix("row ") for n in x.lines[:10] if n in by_line]
            message = f"row{'s' if len(x.lines) > 1 else ''} {', '.join(named)}: {x.message}" if named else x.message
            say(Notice(Code.NO_LANGUAGE, message, "warning", "row", f"{writers}:{rows}" if writers else None))
        elif x.code == "message":
            who = by_line.get(x.line) if x.line else None
            say(Notice(Code.MESSAGE_LEFT_OUT, about_row(who, x.message) if who else x.message, "warning", "row",
                       f"{writers}:{x.line}" if writers and x.line else None))
        elif x.code == "left-out":
            say(Notice(Code.LETTER_FAILED, x.message.removeprefix(f"{x.case}: "), "error", "case", x.case))
        else:
            say(Notice(Code.PACK if x.code in ("closed", "embassy") else Code.LETTER, x.message, where=x.case))
    if p.missing:
        say(Notice(Code.MISSING_GLYPHS, f"no font here has {', '.join(p.missing)}: printed as empty boxes", scope="run"))
    report.cases, report.letters, report.copies, report.envelopes = len(good), p.letters, p.copies, p.envelopes
    if recorder is not None:
        for case_id, recipient, writer in p.sent:
            recorder.letter(day, case_id, recipient, writer)
    return report


def _paper_name(size: tuple[float, float]) -> str:
    from ..pack import PAPERS

    return "A4" if size == PAPERS["a4"] else "US Letter"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"

"""Mail merge: one letter per writer, per recipient, per case, each written to its own file as
soon as it is composed. Nothing is kept per writer beyond its file name, so memory stays flat
however long the writers' list is. MailMerge streams what happens (for a CLI's progress bar)
and counts it; merge_letters runs it to the end and returns the report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Literal

from ..errors import AppealkitError, OutputError
from .notices import Code, Notice

if TYPE_CHECKING:  # pragma: no cover
    from ..case.model import Case

CACHE_SLACK = 256  # derived values a writer may add to a case's cache before they are dropped


@dataclass
class Outcome:
    """What happened to one letter (written, skipped: already there, failed: `notice` says why),
    a `notice` about the run, or `row` when a writer's row is done (for a progress bar)."""

    kind: Literal["written", "skipped", "failed", "notice", "row"]
    line: int | None = None
    path: Path | None = None
    notice: Notice | None = None


@dataclass
class MergeReport:
    """What a mail merge did: letters written, kept, failed, and why."""
    written: int = 0
    skipped: int = 0  # already there (a rerun), left as they are without force
    failed: int = 0  # letters (or whole rows) that could not be made
    failed_rows: set[int] = field(default_factory=set)
    force: bool = False
    paths: list[Path] = field(default_factory=list)  # written (merge_letters only: MailMerge keeps none)
    notices: list[Notice] = field(default_factory=list)  # errors and warnings, in order
    failures: list = field(default_factory=list)  # run.Failure: case files that stopped

    @property
    def ok(self) -> bool:
        return not self.failed and not self.failures

    def summary(self) -> str:
        rows = len(self.failed_rows)
        return (f"{self.written} written, {self.skipped} skipped (already there"
                f"{'' if self.force else '; --force overwrites'}), {self.failed} failed"
                f"{f' in {rows} row' + ('s' if rows > 1 else '') if rows else ''}")


class MailMerge:
    """Iterate for the Outcomes, in order; `report` counts them as they come. Letters for every
    good row of the writers' CSV at `writers_path` (see assign.assignments for the language);
    the writer's country (else `sender_country`) gives the country line. Files are
    `<case-id>-<recipient>-<writer>-<lang>.<ext>` (night.names); each is claimed by exclusive
    creation, so a file that exists (a rerun, or another run at the same time) is skipped and
    never replaced, unless `force`."""

    def __init__(self, cases: list[Case], writers_path: str, to: str, out_dir: str, *, force: bool = False,
                 lang: str | None = None, date: dt.date | None = None, fmt: str = "text",
                 template=None, message: str | None = None, embassy_address: list[str] | None = None,
                 sender_country: str | None = None, recorder=None):
        self.cases, self.writers_path, self.to, self.out_dir = cases, writers_path, to, out_dir
        self.force, self.lang, self.date, self.fmt = force, lang, date, fmt
        self.template, self.message, self.embassy_address = template, message, embassy_address
        self.sender_country = sender_country
        self.recorder = recorder  # log.Recorder, or anything with .letter(day, case_id, recipient, writer)
        self.report = MergeReport(force=force)

    def __iter__(self) -> Iterator[Outcome]:
        r = self.report
        for o in self._outcomes():
            if o.kind in ("written", "skipped"):
                setattr(r, o.kind, getattr(r, o.kind) + 1)
            elif o.kind == "failed":
                r.failed += 1
                if o.line is not None:
                    r.failed_rows.add(o.line)
            yield o

    def _row(self, line: int) -> str:
        return f"{self.writers_path}:{line}"

    def _beside(self, folder, name: str, text: str) -> None:
        """A letter's envelope file; one a run before left there stays (without --force)."""
        from ..output import write_atomic

        try:
            write_atomic(folder, name, text, self.force, sync=False)
        except OutputError as e:
            if e.param != "force":
                raise

    def _outcomes(self) -> Iterator[Outcome]:
        from ..letters.compose import FORMAT_EXTENSIONS, SENDER_WARNINGS, compose_letters
        from ..output import remove_stale_temps, sync_all, write_atomic, write_files
        from .assign import assignments, closed, closed_note, support_language
        from .names import envelope_name, identity, letter_name, writer_part
        from .writers import BadRow, Writer, about_row, read_writers, slug

        ext = FORMAT_EXTENSIONS.get(self.fmt, "txt")
        folder = Path(self.out_dir)
        write_files(folder, [], create=True)  # makes the folder, or says why it cannot
        remove_stale_temps(folder)  # what an interrupted run left
        day = self.date or dt.date.today()
        base = {id(c): c.derived.mark() for c in self.cases}
        slugs, shared = name_slugs(self.writers_path)
        first: dict[str, Writer] = {}  # identity -> its first row, for the writers whose slug is shared
        warned: set[str] = set()
        closed_said: set[str] = set()
        notes: list[str] = []
        writer, name, row = None, "", {}
        for a in assignments(self.cases, read_writers(self.writers_path, notes), to=self.to, lang=self.lang,
                             source=self.writers_path, date=day):
            while notes:  # the header's, said once
                yield Outcome("notice", 1, notice=Notice(Code.COLUMN, notes.pop(0), scope="run", where=self._row(1)))
            if isinstance(a, BadRow):
                if writer is not None:
                    yield Outcome("row", writer.line)
                    writer = None
                yield Outcome("failed", a.line, notice=Notice(Code.BAD_ROW, about_row(a, a.message), "error", "row",
                                                              self._row(a.line)))
                yield Outcome("row", a.line)
                continue
            w = a.writer
            if w is not writer:  # a new writer's row
                if writer is not None:
                    yield Outcome("row", writer.line)
                writer = w
                if not (w.country or self.sender_country):
                    yield Outcome("notice", w.line, notice=Notice(
                        Code.WRITER_NO_COUNTRY, about_row(w, "no country for this writer, and none for all: "
                                                          "their letters carry placeholders for their country"),
                        scope="row", where=self._row(w.line)))
                is_shared = (slugs.get(w.name) or slug(w.name)) in shared
                name = writer_part(w, is_shared, slugs.get(w.name))
                if is_shared and (f := first.setdefault(identity(w), w)) is not w:
                    other = f"row {f.row}" + (f" (line {f.line})" if f.line != f.row else "")
                    yield Outcome("notice", w.line, notice=Notice(
                        Code.DUPLICATE_ROW, about_row(w, f"the same writer as {other} (name, address, country, "
                                                         "email): their letters are that row's"),
                        scope="row", where=self._row(w.line)))
                row = {"writer": w.as_context()}
            case = a.case
            if a.notice is not None:  # the case lacks the writer's language: the case's own
                yield Outcome("notice", w.line, notice=a.notice)
            if case.id not in closed_said:
                closed_said.add(case.id)
                note = closed_note(case, self.to) if closed(case, day) else None
                if note:
                    yield Outcome("notice", w.line, notice=Notice(Code.APPEAL_CLOSED, note, where=case.id))
            for job in a.jobs:
                if job.copy:
                    continue  # a writer's copy is the pack's (printed beside the letter), not a file to send
                t, lg = job.target, job.lang or support_language(case)
                fname = letter_name(case.id, t, lg, ext, name)
                path = folder / fname
                if path.exists() and not self.force:
                    yield Outcome("skipped", w.line, path)
                    continue
                try:
                    (letter,) = compose_letters(
                        case, t, lang=lg, sender_name=w.name, sender_address=w.address,
                        sender_country=w.country or self.sender_country, date=day, fmt=self.fmt,
                        template=self.template, message=self.message, embassy_address=self.embassy_address,
                        extra=row)
                    write_atomic(folder, fname, letter.text, self.force, sync=False)
                    if letter.envelope:  # the envelope's addresses beside the letter, never in it
                        self._beside(folder, envelope_name(case.id, t, lg, name), letter.envelope)
                except OutputError as e:
                    if e.param == "force":  # another run made it meanwhile: theirs, untouched
                        yield Outcome("skipped", w.line, path)
                        continue
                    raise
                except AppealkitError as e:
                    yield Outcome("failed", w.line, notice=Notice(Code.LETTER_FAILED, about_row(w, f"{case.id}: {e}"),
                                                                  "error", "row", self._row(w.line)))
                    continue
                for m in letter.warnings:
                    if m not in warned and m not in SENDER_WARNINGS:  # the sender's: said per row, above
                        warned.add(m)
                        yield Outcome("notice", w.line, notice=Notice(Code.LETTER, f"{case.id}: {m}"))
                if self.recorder is not None:
                    self.recorder.letter(day, case.id, t, w.name)
                yield Outcome("written", w.line, path)
            case.derived.trim(base[id(case)], CACHE_SLACK)
        if writer is not None:
            yield Outcome("row", writer.line)
        sync_all()  # one flush to disk for the batch: an fsync per letter took two thirds of the time


def name_slugs(writers_path: str) -> tuple[dict[str, str], set[str]]:
    """Each good row's name with its slug, and the slugs that more than one row has (a first
    pass over the file: a writer's file names must not depend on which row comes first)."""
    from collections import Counter

    from .writers import Writer, read_writers, slug

    slugs: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for w in read_writers(writers_path):
        if isinstance(w, Writer):
            s = slugs.get(w.name)
            if s is None:
                s = slugs[w.name] = slug(w.name)
            counts[s] += 1
    return slugs, {s for s, n in counts.items() if n > 1}


def merge_letters(cases: list, writers: str, out_dir: str, *, to: str = "all", force: bool = False,
                  lang: str | None = None, date: dt.date | None = None, fmt: str = "text", template=None,
                  message: str | None = None, embassy_address: list[str] | None = None,
                  sender_country: str | None = None) -> MergeReport:
    """The mail merge to the end: `cases` (paths, folders or Case objects) x the writers' CSV
    `writers`, one file per letter in `out_dir`. The report counts what was written, skipped
    and failed, lists the paths written and every notice (each bad row as FILE:LINE)."""
    from .run import CaseRun

    run = CaseRun(cases)
    good = run.with_recipient(to)
    merge = MailMerge(good, writers, to, out_dir, force=force, lang=lang, date=date, fmt=fmt, template=template,
                      message=message, embassy_address=embassy_address, sender_country=sender_country)
    for o in merge:
        if o.kind == "written" and o.path is not None:
            merge.report.paths.append(o.path)
        if o.notice is not None:
            merge.report.notices.append(o.notice)
    merge.report.failures = run.failures
    return merge.report

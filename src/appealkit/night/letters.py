"""Letters for the cases of a run, from one sender (the mail merge has a writers' file): each
case's letters with its notices, written to files in `out_dir` if given. The sender's notices
are the run's: said once, with the first letters."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..records import Record
from .notices import Code, Notice

if TYPE_CHECKING:  # pragma: no cover
    from ..case.model import Case


class CaseLetters(Record):
    """One case's letters, the files written or kept, and what was noticed."""
    case: Case
    letters: list = field(default_factory=list)  # letters.compose.Letter
    paths: list[Path] = field(default_factory=list)  # the files written (with out_dir)
    kept: list[Path] = field(default_factory=list)  # already there with the same text (a rerun)
    notices: list[Notice] = field(default_factory=list)


def letters_for_cases(run, to: str = "all", *, lang: str | None = None, sender=None, date: dt.date | None = None,
                      fmt: str = "text", template=None, message: str | None = None,
                      embassy_address: list[str] | None = None, out_dir: str | None = None,
                      force: bool = False) -> Iterator[CaseLetters]:
    """Each case of `run` (a night.run.CaseRun) with its letters from `sender` (a letters.sender.
    Sender); an error stops its case (or, with one case, the run: see CaseRun.guard)."""
    from ..letters.compose import FORMAT_EXTENSIONS, SENDER_WARNINGS, compose_letters
    from ..letters.sender import Sender
    from ..output import remove_stale_temps, write_files
    from .assign import closed, closed_note, open_targets, writer_targets
    from .names import envelope_name, letter_name
    from .sender import sender_notices

    s = sender or Sender()
    day = date or dt.date.today()
    said = False
    if out_dir:
        remove_stale_temps(out_dir)  # what an interrupted run left
    for c in run:
        with run.guard(c):
            # past the appeal's deadline the person's letter only (night.assign: as the pack)
            letters = [x for t in writer_targets(c, open_targets(c, to, day), to, s.country)
                       for x in compose_letters(c, t, lang=lang, sender_name=s.name, sender_address=s.address,
                                                sender_country=s.country, date=day, fmt=fmt, template=template,
                                                message=message, embassy_address=embassy_address)]
            item = CaseLetters(c, letters)
            note = closed_note(c, to) if closed(c, day) else None
            if note:
                item.notices.append(Notice(Code.APPEAL_CLOSED, note, where=c.source if run.many else None))
            if letters and not said:
                said = True
                item.notices += sender_notices(s.name, s.address, s.country)
            where = c.source if run.many else None
            if to == "all" and c.person.address is None:  # why `all` has no support letter, as `--to person` says
                item.notices.append(Notice(Code.LETTER, "no letter to the person: " + (
                    f"person is {c.person.status} (person.status), and no letters reach them"
                    if c.person.status != "held" else "person has no address: this case gives no way to write to them"),
                    where=where))
            item.notices += [Notice(Code.LETTER, m, where=where)
                             for m in dict.fromkeys(m for x in letters for m in x.warnings) if m not in SENDER_WARNINGS]
            if out_dir:
                ext = FORMAT_EXTENSIONS[fmt]
                # each letter, and the envelope's addresses in a file beside it, never in it
                files = [f for x in letters for f in [(letter_name(c.id, x.to, x.language, ext), x.text)]
                         + ([(envelope_name(c.id, x.to, x.language), x.envelope)] if x.envelope else [])]
                if not force:  # a rerun after an interruption: what is there and the same stays
                    item.kept = [Path(out_dir, n) for n, text in files if _same(Path(out_dir, n), text)]
                    files = [(n, text) for n, text in files if Path(out_dir, n) not in item.kept]
                item.paths = write_files(out_dir, files, force, create=True)
            yield item


def _same(path: Path, text: str) -> bool:
    """Whether `path` is a plain file holding exactly `text`."""
    try:
        data = text.encode("utf-8")
        if path.is_symlink() or not path.is_file() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False

"""`appealkit import`: a published list's export (Viasna, Memorial, OVD-Info, any CSV) as case
files, one per person; a re-import updates what the list changed and keeps the organiser's edits.

    from appealkit.importers import import_list
    report = import_list("export.csv", "viasna", "cases/")
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError, Where
from .read import BadRow

__all__ = ["import_list", "Report", "Done"]


@dataclass
class Done:
    """One person: what happened to their case file."""

    line: int
    case_id: str
    path: str
    action: str  # "new", "updated", "unchanged"
    status: str
    changes: list[str] = field(default_factory=list)
    why: str | None = None  # the list's words for a person who is not held


@dataclass
class Report:
    """What an import did: cases written, bad rows, and cases the list no longer has."""
    done: list[Done] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)  # this list's case files whose person it no longer has

    def as_dict(self) -> dict:
        return {"cases": [d.__dict__ for d in self.done],
                "bad_rows": [{"line": b.line, "message": b.message} for b in self.bad],
                "not_on_list": self.gone}


def import_list(path: str, fmt: str, out_dir: str, *, column_map: dict[str, str] | None = None,
                country: str | None = None, force: bool = False, today: dt.date | None = None) -> Report:
    """Import the export at `path` into `out_dir` (made when missing). A file that does not look
    like `fmt` raises; a bad row is reported by its line and the good rows are imported."""
    from ..output import write_files
    from .cases import new_case, scan, update_case
    from .person import build
    from .read import read_records

    today = today or dt.date.today()
    folder = Path(out_dir)
    records = list(read_records(path, fmt, column_map))  # the whole file is judged before anything is written
    if folder.exists() and not folder.is_dir():
        raise OutputError("output path is not a folder", Where(out_dir))
    known = scan(folder) if folder.is_dir() else []
    list_name = _list_name(fmt)
    index = {(k.list, key): k for k in known for key in k.keys}
    report = Report()
    seen: dict[tuple[str, str], int] = {}
    writes: list[tuple[str, str]] = []  # new files
    updates: list[tuple[str, str]] = []  # the files of people imported before
    used_ids = {f.stem for f in [*folder.glob("*.yaml"), *folder.glob("*.yml")]} if folder.is_dir() else set()
    matched: set[Path] = set()
    for rec in records:
        if isinstance(rec, BadRow):
            report.bad.append(rec)
            continue
        p = build(rec, fmt, country, today)
        if isinstance(p, BadRow):
            report.bad.append(p)
            continue
        if p.key in seen:
            report.bad.append(BadRow(p.line, f"the same person as line {seen[p.key]} ({p.key[0]} {p.key[1]})"))
            continue
        seen[p.key] = p.line
        old = index.get((list_name, p.key))
        if old is not None:
            matched.add(old.path)
            try:
                text, changes = update_case(old.path.read_text(encoding="utf-8"), p)
            except Exception as e:  # a hand edit that broke the YAML: that file only
                report.bad.append(BadRow(p.line, f"cannot update {old.path.name}: {str(e).splitlines()[0]}"))
                continue
            if changes:
                updates.append((old.path.name, text))
            report.done.append(Done(p.line, old.path.stem, str(old.path), "updated" if changes else "unchanged",
                                    p.status, changes, p.why))
            continue
        case_id = p.case_id
        n = 2
        while case_id in used_ids and not force:  # two people of one name: the second gets -2
            case_id = f"{p.case_id[:60]}-{n}"
            n += 1
        used_ids.add(case_id)
        p.case_id = case_id
        name = f"{case_id}.yaml"
        writes.append((name, new_case(p)))
        report.done.append(Done(p.line, case_id, str(folder / name), "new", p.status, [], p.why))
    report.gone = [k.path.stem for k in known if k.list == list_name and k.path not in matched]
    if writes:
        write_files(folder, writes, force=force, create=True)
    if updates:  # re-import is the update path: these are the files of the same people
        write_files(folder, updates, force=True)
    return report


def _list_name(fmt: str) -> str:
    from .read import formats_data

    return formats_data()["formats"][fmt]["list"]

"""Mail merge: one letter per writer, per recipient, per case, each written to its own file as
soon as it is composed. Nothing is kept per writer beyond its file name, so memory stays flat
however long the writers' list is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import AppealkitError, OutputError

CACHE_SLACK = 256  # derived values a writer may add to a case's cache before they are dropped


@dataclass
class Outcome:
    """What happened to one letter (written, skipped, failed), or a note: a warning about a case's
    letters, a `row-warning` about the writer's row itself, or `row` when a writer's row is done
    (for a progress bar)."""

    kind: str
    line: int | None = None
    path: Path | None = None
    message: str | None = None


def merge_letters(cases: list, writers_path: str, to: str, out_dir: str, *, force: bool = False,
                  lang: str | None = None, date: dt.date | None = None, fmt: str = "text",
                  template=None, message: str | None = None, embassy_address: list[str] | None = None,
                  sender_country: str | None = None) -> Iterator[Outcome]:
    """Letters for every good row of the writers' CSV. A writer's `lang` chooses the language
    (else `lang`, else the case's); the writer's country (else `sender_country`) the country
    line. Files are `<case-id>-<recipient>-<writer-slug>-<lang>.<ext>`; an existing one is
    skipped unless `force`."""
    from . import compose_letters
    from .letters.compose import FORMAT_EXTENSIONS
    from .output import safe_name, sync_all, write_atomic, write_files
    from .writers import BadRow, read_writers, slug

    ext = FORMAT_EXTENSIONS.get(fmt, "txt")
    folder = Path(out_dir)
    write_files(folder, [], create=True)  # makes the folder, or says why it cannot
    day = date or dt.date.today()
    langs = {c.id: letter_languages(c) for c in cases}
    base = {c.id: c.derived.mark() for c in cases}
    seen: dict[str, int] = {}  # writer slug -> the line that has it (two Anna Smiths get two files)
    warned: set[str] = set()
    for w in read_writers(writers_path):
        if isinstance(w, BadRow):
            yield Outcome("failed", w.line, message=w.message)
            yield Outcome("row", w.line)
            continue
        if not (w.country or sender_country):
            yield Outcome("row-warning", w.line, message="no country for this writer, and none for all: "
                                                         "their letters carry placeholders for their country")
        name = slug(w.name)
        if seen.setdefault(name, w.line) != w.line:
            name = f"{name}-{w.line}"
        writer = {"writer": w.as_context()}
        for case in cases:
            lg = w.lang or lang or case.language
            if lg not in langs[case.id]:
                yield Outcome("failed", w.line, message=no_letters_in(case, lg, langs[case.id]))
                continue
            for t in case.targets(to):
                fname = safe_name(f"{case.id}-{t}-{name}-{lg}.{ext}")
                path = folder / fname
                if path.exists() and not force:
                    yield Outcome("skipped", w.line, path)
                    continue
                try:
                    (letter,) = compose_letters(
                        case, t, lang=lg, sender_name=w.name, sender_address=w.address,
                        sender_country=w.country or sender_country, date=day, fmt=fmt, template=template,
                        message=message, embassy_address=embassy_address, extra=writer)
                    write_atomic(folder, fname, letter.text, force, sync=False)
                except OutputError as e:
                    if e.param == "force":  # appeared meanwhile
                        yield Outcome("skipped", w.line, path)
                        continue
                    raise
                except AppealkitError as e:
                    yield Outcome("failed", w.line, message=f"{case.id}: {e}")
                    continue
                for m in letter.warnings:
                    if m not in warned and not m.startswith("no sender"):  # said per row, above
                        warned.add(m)
                        yield Outcome("warning", w.line, message=f"{case.id}: {m}")
                yield Outcome("written", w.line, path)
            case.derived.trim(base[case.id], CACHE_SLACK)
        yield Outcome("row", w.line)
    sync_all()  # one flush to disk for the batch: an fsync per letter took two thirds of the time


def letter_languages(case) -> list[str]:
    """The letter languages this case has every needed text in (a writer's `lang` must be one)."""
    from .letters.translations import languages, missing_translations

    return [lg for lg in languages() if not missing_translations(case, lg)]


def no_letters_in(case, lang: str, langs: list[str]) -> str:
    """Why a writer's letters to `case` are left out: `lang` is not one of its `langs`."""
    return f"{case.id}: no letters in '{lang}' for this case (it has {', '.join(langs) or 'none'})"

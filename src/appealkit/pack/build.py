"""A whole pack, from cases and writers to a PDF (or HTML) file: the pages laid out part by part
(pack.html), rendered and joined (pack.pdf). Progress goes to a callback, never to a terminal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .html import Options, Report, layout, render


@dataclass
class PackResult(Report):
    """The pack's Report, with the characters no font had and the pairs counted."""
    missing: list[str] = field(default_factory=list)  # code points no font had (printed as boxes)
    total: int = 0  # writer x case pairs, what progress counts up to


def write_pack(cases: list, writers: list, out: str, opts: Options, *, fonts: list[dict] | None = None,
               force: bool = False, progress: Callable[[int, int], None] | None = None,
               workers: int | None = None) -> PackResult:
    """The pack at `out` (.pdf; .html or .htm: one HTML document for a browser). `progress(done,
    total)` counts writer x case pairs as their pages are rendered. Nothing is written until
    the whole pack is ready."""
    import datetime as dt

    from .pdf import check_target

    opts.check()
    check_target(out, force)
    day = opts.date or dt.date.today()
    opts.date = day
    result = PackResult(total=len(cases) * len(writers))
    if progress:
        progress(0, result.total)  # the bar knows its length before the first part is done
    parts = layout(cases, writers, opts, result)
    if out.lower().endswith((".html", ".htm")):
        from pathlib import Path

        from .html import Part
        from .pdf import write_file

        html = render(Part([x for p in parts for x in p.items]), opts, fonts or [], day).encode("utf-8")
        write_file(Path(out), lambda fh: fh.write(html), force)
        if progress:
            progress(result.total, result.total)
        return result
    from .pdf import write_pdf

    done = (lambda mark: progress(mark, result.total)) if progress else None
    result.missing = write_pdf(((render(p, opts, fonts or [], day), p.mark) for p in parts), out, force=force,
                               progress=done, workers=workers)
    return result

"""HTML to PDF with WeasyPrint, loaded only here: `pip install 'appealkit[pack]'` brings it.

A pack is rendered part by part (a few dozen pages each) in worker processes, one per core, and
the parts' PDFs are joined one part at a time (join.py): WeasyPrint's time and memory grow faster
than a document's length (8,000 pages in one document took 11 minutes and 3.8 GB), a part's do
not. The joined PDF is written next to its target and renamed into place at the end, so an
interrupted run leaves no partial file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import AppealkitError, OutputError, Where

INSTALL = "pip install 'appealkit[pack]'"
IN_FLIGHT = 2  # parts queued per worker: enough to keep it busy, few enough to keep memory flat


def load_weasyprint():
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError:
        raise AppealkitError(f"a PDF needs WeasyPrint: {INSTALL} (or --out pack.html for the HTML)") from None
    except OSError as e:  # the Python package is there, its system libraries (pango) are not
        raise AppealkitError(f"WeasyPrint cannot load its system libraries ({e}); on Debian or Ubuntu: "
                             "apt-get install libpango-1.0-0 libpangoft2-1.0-0") from None
    return weasyprint


def html_to_pdf(html: str) -> tuple[bytes, list[str]]:
    """The PDF of one HTML document (fonts embedded as subsets by WeasyPrint), and the code
    points (U+XXXX) no font had: they print as empty boxes."""
    weasyprint = load_weasyprint()
    import logging

    missing: dict[str, None] = {}

    class _Missing(logging.Handler):
        # WeasyPrint logs each character no font has; the rest of its notes are not the user's business
        def emit(self, record):
            msg = record.getMessage()
            if ".notdef" in msg:
                missing[msg.rsplit("(", 1)[-1].rstrip(")")] = None

    log = logging.getLogger("weasyprint")
    handler, level, propagate = _Missing(), log.level, log.propagate
    log.addHandler(handler)
    log.setLevel(logging.WARNING)
    log.propagate = False
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        pdf = weasyprint.HTML(string=html, base_url=".").write_pdf()
    finally:
        log.removeHandler(handler)
        log.setLevel(level)
        log.propagate = propagate
    return pdf, list(missing)


def _worker_init() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _render_part(html: str, path: str) -> list[str]:
    data, missing = html_to_pdf(html)
    Path(path).write_bytes(data)
    return missing


def write_pdf(parts: Iterable[tuple[str, int]], target: str, *, force: bool = False,
              progress: Callable[[int], None] | None = None, workers: int | None = None) -> list[str]:
    """Render `parts` ((html, mark) pairs, in print order) and join them into the PDF `target`.
    `progress(mark)` is called as each part is done, in order. Returns the code points no font had."""
    load_weasyprint()  # say what is missing before a worker starts
    n = max(1, min(workers or os.cpu_count() or 1, 8))
    missing: dict[str, None] = {}
    with tempfile.TemporaryDirectory(prefix="appealkit-pack-") as tmp:
        paths = []
        for i, (missed, mark) in enumerate(_render_all(parts, tmp, n)):
            paths.append(os.path.join(tmp, f"{i:06d}.pdf"))
            missing.update(dict.fromkeys(missed))
            if progress:
                progress(mark)
        _join(paths, Path(target), force)
    return list(missing)


def _render_all(parts: Iterable[tuple[str, int]], tmp: str, n: int) -> Iterator[tuple[list[str], int]]:
    """(missing glyphs, mark) of each part in order, rendered `n` at a time in worker processes
    (in this one for a pack of one part)."""
    import itertools

    it = iter(parts)
    head = list(itertools.islice(it, 2))
    if len(head) < 2 or n == 1:  # one part: no worker is worth its start
        for i, (html, mark) in enumerate(itertools.chain(head, it)):
            yield _render_part(html, os.path.join(tmp, f"{i:06d}.pdf")), mark
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else None)
    # a worker is replaced now and then: WeasyPrint's caches grow with every document
    pool = ctx.Pool(n, initializer=_worker_init, maxtasksperchild=40)
    try:
        pending: list = []
        for i, (html, mark) in enumerate(itertools.chain(head, it)):
            pending.append((pool.apply_async(_render_part, (html, os.path.join(tmp, f"{i:06d}.pdf"))), mark))
            del html
            while len(pending) >= n * IN_FLIGHT:
                res, m = pending.pop(0)
                yield res.get(), m
        for res, m in pending:
            yield res.get(), m
        pool.close()
        pool.join()
    finally:
        pool.terminate()


def _join(paths: list[str], target: Path, force: bool) -> None:
    """The parts' pages as one PDF at `target`."""
    from .join import join

    write_file(target, lambda fh: join(paths, fh), force)


def write_file(target: Path, fill: Callable, force: bool) -> None:
    """`fill(fh)` writes the file; it goes beside `target` first and is renamed into place, so
    an interrupted run leaves nothing behind."""
    folder = target.parent if str(target.parent) else Path(".")
    import secrets

    # named as output.remove_stale_temps knows them: a killed run's are removed by the next one
    tmp = str(folder / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        # an ordinary file, as the umask allows (a print queue may read it), made by us alone
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as e:
        raise OutputError(f"cannot write: {e.strerror or e}", Where(str(folder))) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if not force and target.exists():  # appeared while we rendered
            raise OutputError("already exists", Where(str(target)), param="force")
        os.replace(tmp, target)
    except OSError as e:
        raise OutputError(f"cannot write: {e.strerror or e}", Where(str(target))) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def check_target(path: str, force: bool) -> None:
    """Refuse an output path before any work: a folder that is not there, a link, an existing
    file without `force`. Any ordinary name is fine (spaces, Cyrillic): the user chose it."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not target.name or target.name in (".", ".."):
        raise OutputError("not a file name", Where(path))
    if not folder.is_dir():
        raise OutputError("output folder does not exist", Where(str(folder)))
    if not os.access(folder, os.W_OK):
        raise OutputError("output folder is not writable", Where(str(folder)))
    if target.is_symlink():
        raise OutputError("is a symbolic link; refusing to write through it", Where(path))
    if target.is_dir():
        raise OutputError("is a folder", Where(path))
    if target.exists() and not force:
        raise OutputError("already exists", Where(path), param="force")

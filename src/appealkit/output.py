"""Rendering for the CLI: JSON, terminal detection, warnings, and safe file writing.

stdout carries data only; warnings and errors go to stderr. Colour only on a terminal and
never with NO_COLOR set.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Sequence

from .errors import OutputError, Where


def is_tty(stream=None) -> bool:
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def use_color(stream=None) -> bool:
    return is_tty(stream) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def dumps(obj) -> str:
    import json

    return json.dumps(obj, ensure_ascii=False, indent=2, default=str)


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def emit_json(obj) -> None:
    out(dumps(obj))


# a cell starting so is a formula to a spreadsheet (OWASP, CSV injection): it gets a leading '
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def table_cell(value: str) -> str:
    """A cell of a tab-separated table as a spreadsheet may open it: a would-be formula starts
    with ', and a tab, newline or backslash inside is written as \\t, \\n, \\\\ (no added column,
    no fake row)."""
    if value.startswith(FORMULA_START):
        value = "'" + value
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def table_row(cells) -> str:
    """One line of a tab-separated table (table_cell for each cell)."""
    return "\t".join(table_cell(str(c)) for c in cells)


def warn(message: str) -> None:
    prefix = "appealkit: warning: "
    if use_color(sys.stderr):
        prefix = "\x1b[33m" + prefix + "\x1b[0m"
    sys.stderr.write(prefix + message + "\n")


def note(message: str) -> None:
    sys.stderr.write("appealkit: " + message + "\n")


def safe_name(name: str) -> str:
    """A file name built from case data, reduced to characters that cannot leave a folder."""
    import re

    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-")
    return cleaned or "output"


def write_atomic(folder: str | os.PathLike, name: str, text: str | bytes, force: bool = False, sync: bool = True) -> Path:
    """Write folder/name via a temporary file and rename; never follow a link out of folder,
    never overwrite without force, never leave a partial file. `sync=False` leaves flushing to
    disk to the caller (a batch of thousands syncs once at its end: see sync_all)."""
    return write_files(folder, [(name, text)], force, sync=sync)[0]


def write_path(path: str, text: str | bytes, force: bool = False) -> Path:
    """write_atomic for a file named by one path (its folder: the path's own, else here)."""
    target = Path(path)
    return write_atomic(target.parent, target.name, text, force)


def sync_all() -> None:
    """Flush every written file to disk: once at the end of a batch, not once per file."""
    if hasattr(os, "sync"):
        os.sync()


def write_files(folder: str | os.PathLike, files: Sequence[tuple[str, str | bytes]], force: bool = False,
                create: bool = False, sync: bool = True) -> list[Path]:
    """Write several (name, text) files into folder, each as write_atomic does. Every target is
    checked before the first is written, so a refusal (an existing file, a link, an unsafe or
    repeated name) leaves the folder as it was. `create` makes a missing folder (and parents)."""
    folder = Path(folder)
    if not folder.exists() and not folder.is_symlink() and create:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise OutputError(f"cannot make the output folder: {e.strerror or e}", Where(str(folder))) from None
    if not folder.exists():
        raise OutputError("output folder does not exist", Where(str(folder)))
    if not folder.is_dir():
        raise OutputError("output path is not a folder", Where(str(folder)))
    targets = []
    for name, _ in files:
        if name != safe_name(name):  # "/", "." and ".." included
            raise OutputError(f"refusing unsafe file name {name!r}", Where(str(folder)))
        target = folder / name
        if target in targets:
            raise OutputError("two outputs would share this file name", Where(str(target)))
        if target.is_symlink():
            raise OutputError("is a symbolic link; refusing to write through it", Where(str(target)))
        if target.exists() and not force:
            raise OutputError("already exists", Where(str(target)), param="force")
        targets.append(target)
    for target, (_, text) in zip(targets, files):
        _write(target, text, force, sync)
    return targets


def _write(target: Path, text: str | bytes, force: bool, sync: bool = True) -> None:
    import tempfile

    folder = target.parent
    try:
        # the process id in the name: a later run removes what a run that died left (remove_stale_temps)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder)
    except PermissionError:
        raise OutputError("output folder is not writable", Where(str(folder))) from None
    except OSError as e:
        raise OutputError(f"cannot write: {e.strerror or e}", Where(str(folder))) from None
    # from here on the temporary file exists: whatever stops the write (Ctrl-C, SIGTERM) removes it
    try:
        try:
            # mkstemp makes the file private (0600); a letter or a pack is an ordinary file, which
            # a print queue or another user may read as the umask allows
            os.fchmod(fd, 0o666 & ~_umask())
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                if sync:
                    os.fsync(fh.fileno())
            if force:
                os.replace(tmp, target)
            else:
                _claim(tmp, target)
        except FileExistsError:  # another run made it while we wrote: it stays theirs
            raise OutputError("already exists", Where(str(target)), param="force") from None
        except OSError as e:  # a full disk, a quota
            raise OutputError(f"cannot write: {e.strerror or e}", Where(str(target))) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _claim(tmp: str, target: Path) -> None:
    """Give the written temporary file its name only if no file has it: a hard link is created
    or fails atomically (a rename would replace another run's file). Where a file system has no
    hard links, the name is claimed by exclusive creation and the bytes copied in."""
    import errno

    try:
        os.link(tmp, target)
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK):
            raise
        with open(tmp, "rb") as src, open(target, "xb") as dst:
            dst.write(src.read())
    os.unlink(tmp)


TEMP_SUFFIX = ".tmp"


def remove_stale_temps(folder: str | os.PathLike) -> int:
    """Remove the temporary files (`.NAME.PID.XXXXXXXX.tmp`) that a run which no longer lives
    left in `folder` (killed mid-write); a live run's are left alone. Returns how many."""
    import re

    pattern = re.compile(r"^\..+\.(\d+)\.[A-Za-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        m = pattern.match(name)
        if m and not _alive(int(m.group(1))):
            try:
                os.unlink(os.path.join(folder, name))
                removed += 1
            except OSError:
                pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):
        return True  # another user's process, or not a process id: not ours to judge
    return True


_UMASK: list[int] = []


def _umask() -> int:
    """The process's umask (read once: os.umask can only be read by setting it)."""
    if not _UMASK:
        mask = os.umask(0o022)
        os.umask(mask)
        _UMASK.append(mask)
    return _UMASK[0]

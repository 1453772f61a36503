"""The process entry point of `appealkit` and `python -m appealkit`.

Start-up and exit are tuned here, for a command that shell loops run hundreds of times;
cli.main stays an ordinary function (exit by SystemExit) for tests and embedding."""

import gc
import os
import sys


def run() -> None:
    # Importing the CLI allocates some 100,000 objects and frees almost none, so hunting for
    # reference cycles among them is wasted work (2-4 ms). The modules live until exit: freeze
    # them out of later collections, then collect as usual.
    gc.disable()
    try:
        from .cli import main
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        _exit(130)
    gc.freeze()
    gc.enable()
    try:
        main()
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    _exit(code)


def _exit(code: int) -> None:
    # Skip the interpreter's teardown, which frees every object one by one: about 8 ms, as
    # long as all appealkit's own work in `check`. Nothing is lost: the streams are flushed
    # here, files are closed where they are written, and appealkit registers no atexit hooks.
    # mypy ends its runs the same way (mypy.util.hard_exit).
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


if __name__ == "__main__":
    run()

"""The process entry point of `appealkit` and `python -m appealkit`.

Start-up and exit are tuned here, for a command that shell loops run hundreds of times;
cli.main stays an ordinary function (exit by SystemExit) for tests and embedding."""

import gc
import os
import sys


def run() -> None:
    # Importing the CLI allocates some 100,000 objects and frees almost none, so hunting for
    # reference cycles among them is wasted work (2-4 ms). The modules live until exit: freeze
    # them out of later collections. A command's first second goes the same way: a short run
    # (the kind shell loops call hundreds of times) imports what it needs, frees little and
    # ends without freeing, and the collector's passes over it cost 5-7 ms of a 60 ms `check`;
    # a run still going after a second (a pack, a mail merge, the event page) collects as usual.
    gc.disable()
    try:
        from .cli import main
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        _exit(130)
    gc.freeze()
    _enable_gc_after(1.0)
    try:
        main()
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    _exit(code)


def _enable_gc_after(seconds: float) -> None:
    import threading  # already loaded by Typer

    timer = threading.Timer(seconds, gc.enable)
    timer.daemon = True  # never keeps the process alive
    timer.start()


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

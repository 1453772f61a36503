"""PDFs through a bounded queue: WeasyPrint runs in worker processes (one per core, so that a
render never stalls the server and two cores print two letters at once); at most `queue`
renders wait for a worker, and one more is refused at once (Busy) instead of piling up."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

WORKERS = min(2, os.cpu_count() or 1)
QUEUE = 32  # renders waiting or running; the 33rd request is told to try again
# a worker's memory grows with every document WeasyPrint lays out (160 to 196 MB over 50 letters
# in bench/serve.py): each is replaced after this many renders (Python 3.11 and later)
RENDERS_PER_WORKER = 40


class Busy(Exception):
    """Every slot of the queue is taken."""


class Renderer:
    def __init__(self, workers: int = WORKERS, queue: int = QUEUE):
        self.workers, self.queue = workers, queue
        self.pool: ProcessPoolExecutor | None = None
        self.slots: asyncio.Semaphore | None = None
        self.waiting = 0

    def start(self) -> None:
        # spawn: a fork of the server's process would copy its threads' locks mid-use
        recycle: dict[str, Any] = {"max_tasks_per_child": RENDERS_PER_WORKER} if sys.version_info >= (3, 11) else {}
        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_warm, **recycle)
        self.slots = asyncio.Semaphore(self.workers)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    async def pdf(self, htmls: list[str]) -> tuple[bytes, list[str]]:
        """The PDF of one or more HTML documents, their pages joined in order, and the code
        points no font had. Raises Busy when the queue is full."""
        if self.pool is None or self.slots is None:
            raise RuntimeError("the renderer is not started")
        if self.waiting >= self.queue:
            raise Busy()
        self.waiting += 1
        try:
            async with self.slots:
                try:
                    return await asyncio.wrap_future(self.pool.submit(render, htmls))
                except BrokenProcessPool:  # a worker died (out of memory?): the next render gets new ones
                    self.close()
                    self.start()
                    raise
        finally:
            self.waiting -= 1


def _warm() -> None:
    # a worker loads WeasyPrint (about a second) when it starts, not on a volunteer's first PDF
    try:
        import weasyprint  # type: ignore[import-untyped]  # noqa: F401
    except (ImportError, OSError):
        pass  # the render says what is missing


def render(htmls: list[str]) -> tuple[bytes, list[str]]:
    """In a worker: each document rendered, then all the pages written as one PDF."""
    from ..pack.pdf import html_to_pdf

    if len(htmls) == 1:
        return html_to_pdf(htmls[0])
    html_to_pdf("<!DOCTYPE html><title>-</title>")  # says what is missing, if WeasyPrint cannot run
    import weasyprint

    # WeasyPrint's own way to join documents: lay each out, then write their pages as one
    docs = [weasyprint.HTML(string=h, base_url=".").render() for h in htmls]
    return docs[0].copy([p for d in docs for p in d.pages]).write_pdf(), []

"""Shared helpers for the benchmarks: medians of repeated runs, peak RSS, machine facts."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "15"))


def wall_rss(cmd: list[str], runs: int = RUNS, stdin: bytes | None = None) -> tuple[float, int]:
    """Median wall time (ms) and median peak RSS (KB) via wait4, after one warm-up run."""
    times, rss = [], []
    for i in range(runs + 1):
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if stdin is not None:
            p.stdin.write(stdin)
            p.stdin.close()
        _, _, usage = os.wait4(p.pid, 0)
        dt = (time.perf_counter() - t0) * 1000
        if i:
            times.append(dt)
            rss.append(usage.ru_maxrss)
    return statistics.median(times), int(statistics.median(rss))


def best_of(fn, runs: int = 5) -> float:
    """Best seconds of fn() over runs, after a warm-up: the least disturbed by other load."""
    fn()
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return min(out)


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def appealkit() -> list[str]:
    exe = Path(sys.executable).with_name("appealkit")
    return [str(exe)]

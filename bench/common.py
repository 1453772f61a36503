"""Shared helpers for the benchmarks: medians of repeated runs, peak RSS, machine facts."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "25"))


def _once(cmd: list[str], stdin: bytes | None = None) -> tuple[float, int]:
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if stdin is not None:
        p.stdin.write(stdin)
        p.stdin.close()
    _, _, usage = os.wait4(p.pid, 0)
    return (time.perf_counter() - t0) * 1000, usage.ru_maxrss


def wall_rss_many(cmds: list[list[str]], runs: int = RUNS) -> list[tuple[float, int]]:
    """Median wall time (ms) and peak RSS (KB) of each command, runs interleaved so that every
    command sees the same load (a ratio of two figures taken minutes apart is mostly noise)."""
    samples = [[] for _ in cmds]
    for i in range(runs + 1):
        for j, cmd in enumerate(cmds):
            ms, rss = _once(cmd)
            if i:  # the first round warms caches
                samples[j].append((ms, rss))
    return [(statistics.median(x for x, _ in s), int(statistics.median(r for _, r in s))) for s in samples]


def wall_rss(cmd: list[str], runs: int = RUNS) -> tuple[float, int]:
    return wall_rss_many([cmd], runs)[0]


def median_pair(fn_a, fn_b, runs: int = 7) -> tuple[float, float]:
    """Median seconds of each of two functions over `runs` runs after a warm-up, run in
    alternation so that both see the same load."""
    fn_a(), fn_b()
    a, b = [], []
    for _ in range(runs):
        for fn, out in ((fn_a, a), (fn_b, b)):
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    return statistics.median(a), statistics.median(b)


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

"""The pack's join (pack/join.py, part by part) beside pypdf's PdfWriter (the join before it):
peak RSS, time and file size joining N copies of one pack, for N = 20, 80, 320 (BENCH_JOIN_COPIES
sets them). The join's memory should not grow with N."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from common import ROOT, appealkit, wall_rss

COPIES = [int(n) for n in os.environ.get("BENCH_JOIN_COPIES", "20,80,320").split(",")]
JOIN = """
import sys
how, n, part, out = sys.argv[1:]
paths = [part] * int(n)
if how == "appealkit":
    from appealkit.pack.join import join
    with open(out, "wb") as fh:
        join(paths, fh)
else:
    from pypdf import PdfWriter
    writer = PdfWriter()
    for p in paths:
        writer.append(p)
    writer.write(out)
"""


def run(tmp: str) -> list[dict]:
    from pypdf import PdfReader

    part, out = Path(tmp) / "part.pdf", Path(tmp) / "joined.pdf"
    subprocess.run(appealkit() + ["pack", str(ROOT / "examples" / "ru-aliyev.yaml"), "--writers",
                                  str(ROOT / "examples" / "writers.csv"), "--date", "2026-12-01", "--no-log",
                                  "--out", str(part), "--force"], check=True, capture_output=True)
    pages = len(PdfReader(part).pages)
    res = {}
    for n in COPIES:
        for how in ("appealkit", "pypdf"):
            ms, rss = wall_rss([sys.executable, "-c", JOIN, how, str(n), str(part), str(out)], runs=1)
            res[how, n] = ms / 1000, rss / 1024, out.stat().st_size / 1e6
    rows = []
    for n in COPIES:
        (secs, rss, size), (p_secs, p_rss, p_size) = res["appealkit", n], res["pypdf", n]
        rows.append({"figure": f"pack join: {n} copies of a {pages}-page pack ({n * pages:,} pages)",
                     "appealkit": f"{rss:.0f} MB peak RSS, {secs:.1f} s, {size:.1f} MB file",
                     "peer": f"pypdf's PdfWriter: {p_rss:.0f} MB, {p_secs:.1f} s, {p_size:.1f} MB",
                     "ratio": rss / p_rss, "goal": "less memory", "ok": rss < p_rss, "note": "part by part"})
    lo, hi = res["appealkit", COPIES[0]][1], res["appealkit", COPIES[-1]][1]
    rows.append({"figure": f"pack join memory: {COPIES[-1]} copies against {COPIES[0]}",
                 "appealkit": f"{hi:.0f} MB peak RSS", "peer": f"{COPIES[0]} copies: {lo:.0f} MB", "ratio": hi / lo,
                 "goal": "flat (within 1.3x)", "ok": hi / lo <= 1.3, "note": ""})
    return rows


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as t:
        for row in run(t):
            print(row)

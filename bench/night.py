"""Benchmarks of a letter-writing night: the mail merge for 10,000 writers (rate, and memory
against 1,000), the pack for 100 writers beside bare WeasyPrint on the same HTML, the pack for
200 writers x 8 cases beside the same night as one WeasyPrint document (and its time per page
beside a small night's), and 200 cases in one call beside a shell loop of 200 calls.
BENCH_PACK_WRITERS sets the large night's writers (default 200; the one-document peer alone
takes over ten minutes and several GB there)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, appealkit

CASE = ROOT / "examples" / "ru-penal-colony.yaml"
NAMES = ["Anna Smith", "Jürgen Weber", "Анна Смирнова", "Marie Dubois", "Олег Коваленко", "Sam Lee"]
PLACES = [("GB", "1 High Street; London N1 1AA", "en"), ("DE", "Hauptstraße 5; 10115 Berlin", "en"),
          ("KZ", "ул. Мира, д. 1; 050000 Алматы", "ru"), ("FR", "3 rue de Rivoli; 75001 Paris", "en"),
          ("UA", "вул. Хрещатик, 1; 01001 Київ", "ru"), ("US", "1 Main St; Springfield, IL 62701", "en")]


def writers_csv(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("name,address,country,lang,group\n")
        for i in range(n):
            cc, addr, lang = PLACES[i % len(PLACES)]
            fh.write(f'{NAMES[i % len(NAMES)]} {i},"{addr}",{cc},{lang},table {i % 30}\n')
    return path


# a child forked from this (large) process starts with its peak RSS: a small launcher runs the
# command and reports the command's own peak
LAUNCH = """
import os, subprocess, sys
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(p.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def _run(cmd: list[str], shell: bool = False) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one process (for a shell, its largest child)."""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", LAUNCH, *(cmd if not shell else ["sh", "-c", cmd[0]])],
                         capture_output=True, text=True, check=True).stdout.split()
    secs = time.perf_counter() - t0
    if int(out[0]) not in (0, 1):
        raise SystemExit(f"failed: {cmd}")
    return secs, int(out[1])


def merge(tmp: str, runs: int = 3) -> list[dict]:
    out = Path(tmp) / "letters"
    files = {n: writers_csv(Path(tmp) / f"writers-{n}.csv", n) for n in (1_000, 10_000)}
    res: dict[int, list] = {1_000: [], 10_000: []}
    for _ in range(runs):
        for n, f in files.items():
            shutil.rmtree(out, ignore_errors=True)
            res[n].append(_run(appealkit() + ["letter", str(CASE), "--to", "prosecutor", "--writers", str(f),
                                              "--out-dir", str(out), "--date", "2026-12-01"]))
    secs = statistics.median(s for s, _ in res[10_000])
    big = statistics.median(r for _, r in res[10_000])
    small = statistics.median(r for _, r in res[1_000])
    rate = 10_000 / secs
    return [
        {"figure": "mail merge: 10,000 writers, one letter each (`letter --writers`)",
         "appealkit": f"{secs:.1f} s, {rate:,.0f} letters/s", "peer": "", "ratio": 1.0,
         "goal": "rate reported", "ok": True, "note": "each letter its own file, written atomically"},
        {"figure": "mail merge memory: 10,000 writers against 1,000", "appealkit": f"{big / 1024:.1f} MB peak RSS",
         "peer": f"1,000 writers: {small / 1024:.1f} MB", "ratio": big / small, "goal": "flat (within 1.2x)",
         "ok": big / small <= 1.2, "note": ""},
    ]


BARE = '''
import sys, weasyprint
weasyprint.HTML(filename=sys.argv[1], base_url=".").write_pdf(sys.argv[2])
'''


def pack(tmp: str, runs: int = 5) -> list[dict]:
    w = writers_csv(Path(tmp) / "writers-100.csv", 100)
    html, ours, bare = Path(tmp) / "pack.html", Path(tmp) / "pack.pdf", Path(tmp) / "bare.pdf"
    base = appealkit() + ["pack", str(CASE), "--writers", str(w), "--to", "prosecutor", "--date", "2026-12-01",
                          "--force"]
    subprocess.run(base + ["--out", str(html)], check=True, capture_output=True)
    a, b = [], []
    for _ in range(runs + 1):
        a.append(_run(base + ["--out", str(ours)])[0])
        b.append(_run([sys.executable, "-c", BARE, str(html), str(bare)])[0])
    sa, sb = statistics.median(a[1:]), statistics.median(b[1:])
    return [{"figure": "pack: 100 writers, one case (card, 100 letters, 100 DL envelopes) to PDF",
             "appealkit": f"{sa:.2f} s", "peer": f"bare WeasyPrint on the same HTML: {sb:.2f} s",
             "ratio": sa / sb, "goal": "within 1.3x", "ok": sa / sb <= 1.3, "note": "both as processes"}]


# a night of 8 cases in several countries (one Russian case twice, as another appeal)
NIGHT_CASES = [*sorted((ROOT / "examples").glob("*.yaml")), ROOT / "tests" / "night" / "cases" / "20-petrov.yaml",
               ROOT / "tests" / "night" / "cases" / "50-future.yaml"]
BIG = int(os.environ.get("BENCH_PACK_WRITERS", "200"))  # 200 writers x 8 cases: about 10,000 pages


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def pack_scale(tmp: str) -> list[dict]:
    """The pack for BIG writers x 8 cases beside the same night as one WeasyPrint document; its
    time per page beside a night of 5 writers (about 250 pages); peak RSS of both."""
    folder = Path(tmp) / "night-cases"
    folder.mkdir()
    for c in NIGHT_CASES:
        shutil.copy(c, folder / c.name)
    res = {}
    for n in (5, BIG):
        w = writers_csv(Path(tmp) / f"writers-{n}.csv", n)
        out = Path(tmp) / f"pack-{n}.pdf"
        secs, rss = _run(appealkit() + ["pack", str(folder), "--writers", str(w), "--date", "2026-12-01",
                                        "--out", str(out), "--force"])
        res[n] = (secs, rss, _pages(out))
    html, bare = Path(tmp) / "night.html", Path(tmp) / "bare.pdf"
    subprocess.run(appealkit() + ["pack", str(folder), "--writers", str(Path(tmp) / f"writers-{BIG}.csv"),
                                  "--date", "2026-12-01", "--out", str(html), "--force"], capture_output=True)
    b_secs, b_rss = _run([sys.executable, "-c", BARE, str(html), str(bare)])
    (s_secs, s_rss, s_pages), (secs, rss, pages) = res[5], res[BIG]
    per, s_per = secs / pages, s_secs / s_pages
    return [
        {"figure": f"pack: {BIG} writers x 8 cases ({pages:,} pages) to PDF",
         "appealkit": f"{secs:.0f} s, {rss / 1024:.0f} MB peak RSS",
         "peer": f"the same night as one WeasyPrint document: {b_secs:.0f} s, {b_rss / 1024:.0f} MB",
         "ratio": secs / b_secs, "goal": "faster, under 500 MB", "ok": secs < b_secs and rss < 500 * 1024,
         "note": "parts of 24 pages in 2 worker processes, joined with pypdf"},
        {"figure": f"pack: time per page at {pages:,} pages against {s_pages} pages",
         "appealkit": f"{per * 1000:.0f} ms/page ({rss / 1024:.0f} MB)",
         "peer": f"{s_pages} pages: {s_per * 1000:.0f} ms/page ({s_rss / 1024:.0f} MB)", "ratio": per / s_per,
         "goal": "within 1.1x; under 500 MB", "ok": per / s_per <= 1.1 and max(rss, s_rss) < 500 * 1024, "note": ""},
    ]


def many(tmp: str, runs: int = 2) -> list[dict]:
    folder = Path(tmp) / "cases"
    folder.mkdir()
    text = CASE.read_text(encoding="utf-8")
    for i in range(200):
        (folder / f"case-{i:03d}.yaml").write_text(text.replace("id: ru-petrov-2026", f"id: ru-petrov-{i:03d}"),
                                                   encoding="utf-8")
    exe = appealkit()[0]
    one = [exe, "letter", str(folder), "--to", "all", "--out-dir", f"{tmp}/one", "--from", "GB", "--force"]
    loop = [f'for f in "{folder}"/*.yaml; do "{exe}" letter "$f" --to all --out-dir "{tmp}/loop" --from GB --force; done']
    _run(one)  # warm-up; the loop's 200 starts warm themselves
    a, b = [], []
    for _ in range(runs):
        a.append(_run(one)[0])
        b.append(_run(loop, shell=True)[0])
    sa, sb = statistics.median(a), statistics.median(b)
    return [{"figure": "200 cases, every letter (`letter cases/ --to all`): one call", "appealkit": f"{sa:.2f} s",
             "peer": f"a shell loop of 200 calls: {sb:.2f} s", "ratio": sb / sa, "goal": "at least 10x faster",
             "ok": sb / sa >= 10, "note": "ratio: the loop's time over one call's"}]


if __name__ == "__main__":  # python bench/night.py [merge|pack|pack_scale|many]: these rows alone
    import tempfile

    for fn in [globals()[x] for x in sys.argv[1:]] or [merge, pack, pack_scale, many]:
        with tempfile.TemporaryDirectory() as t:
            for row in (fn(t) if fn is pack_scale else fn(t, runs=1)):
                print(row)

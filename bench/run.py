"""`make bench`: every figure beside its peer, written to docs/benchmarks.md."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile

sys.path.insert(0, __file__.rsplit("/", 1)[0])

import letters_ru  # noqa: E402
import night  # noqa: E402
import pack_join  # noqa: E402
import serve  # noqa: E402
import startup  # noqa: E402
import throughput  # noqa: E402
from common import ROOT, RUNS, machine  # noqa: E402


def main() -> None:
    rows = startup.run()
    rows += throughput.translit()
    rows += throughput.post_length()
    rows += throughput.letters()
    rows += letters_ru.run()
    with tempfile.TemporaryDirectory() as tmp:
        rows += throughput.memory(tmp)
    for fn in (night.merge, night.pack, night.pack_scale, night.many):  # a letter-writing night
        with tempfile.TemporaryDirectory() as tmp:
            rows += fn(tmp)
    with tempfile.TemporaryDirectory() as tmp:
        rows += pack_join.run(tmp)  # the pack's join alone, beside pypdf's PdfWriter
    rows += serve.run()  # the event server under 30 volunteers (bounded: SERVE_SECONDS)
    lines = [
        "# Benchmarks",
        "",
        f"Measured {dt.date.today().isoformat()} on {machine()} by `make bench` "
        f"(processes: median of {RUNS} interleaved runs; in-process: median of 5-7 runs alternating with the "
        "peer's; memory: median of 5 runs; each after a warm-up).",
        "",
        "| figure | appealkit | peer / limit | ratio | goal | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        note = f" ({r['note']})" if r.get("note") else ""
        lines.append(f"| {r['figure']} | {r['appealkit']} | {r['peer']}{note} | {r['ratio']:.2f}x | "
                     f"{r['goal']} | {'yes' if r['ok'] else 'no'} |")
    lines += ["", "Ratios: start-up and letters are appealkit's time over the peer's (lower is better);",
              "throughput ratios are appealkit's speed over the peer's (higher is better); memory is",
              "the 100,000-letter peak over the 1,000-letter peak (the mail merge's: 10,000 writers over",
              "1,000); the pack is appealkit's time over bare WeasyPrint's on the HTML appealkit made; 200",
              "cases is the shell loop's time over the one call's (higher is better); the pack's join is its",
              "peak RSS over pypdf's, and at 320 copies over 20.", ""]
    out = ROOT / "docs" / "benchmarks.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

"""The cost of the first Russian letter: one process writing a Russian letter (loading pymorphy3
and its dictionary, and pytrovich) against the same letter in English (no morphology)."""

from __future__ import annotations

from common import ROOT, appealkit, wall_rss_many

GOAL = 3.0  # the first Russian letter may cost at most this many English ones


def run() -> list[dict]:
    case = str(ROOT / "examples" / "ru-aliyev.yaml")
    base = appealkit() + ["letter", case, "--to", "prosecutor", "--date", "2026-11-28",
                          "--sender-name", "A", "--sender-address", "B", "--from", "GB"]
    (en_ms, _), (ru_ms, ru_rss) = wall_rss_many([base + ["--lang", "en"], base + ["--lang", "ru"]])
    return [{"figure": "letter: the first Russian letter of a run (examples/ru-aliyev.yaml --to prosecutor --lang ru)",
             "appealkit": f"{ru_ms:.0f} ms, {ru_rss / 1024:.0f} MB",
             "peer": f"the same letter in English: {en_ms:.0f} ms", "ratio": ru_ms / en_ms,
             "goal": f"within {GOAL:.0f}x", "ok": ru_ms / en_ms <= GOAL}]


if __name__ == "__main__":
    for r in run():
        print(f"{r['figure']}: {r['appealkit']}; {r['peer']}; ratio {r['ratio']:.1f}x ({r['goal']})")

"""Start-up: appealkit commands against bare `python -c pass` and a bare 3-command Typer app."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from common import ROOT, appealkit, wall_rss

BARE_TYPER = '''
import typer
app = typer.Typer()
@app.command()
def a(x: str = "1"): print(x)
@app.command()
def b(y: int = 2): print(y)
@app.command()
def c(z: bool = False): print(z)
app()
'''


def run() -> list[dict]:
    case = str(ROOT / "examples" / "atabek.yaml")
    floor, floor_rss = wall_rss([sys.executable, "-c", "pass"])
    with tempfile.TemporaryDirectory() as d:
        bare = Path(d) / "bare.py"
        bare.write_text(BARE_TYPER)
        typer_help, _ = wall_rss([sys.executable, str(bare), "--help"])
        typer_run, typer_rss = wall_rss([sys.executable, str(bare), "a"])
    rows = [{"figure": "reference: a bare 3-command Typer app running a command", "appealkit": "-",
             "peer": f"{typer_run:.0f} ms, {typer_rss / 1024:.0f} MB vs python -c pass: {floor:.0f} ms",
             "ratio": typer_run / floor, "goal": "(the floor any Typer CLI starts from)", "ok": True}]
    for label, args, peer, peer_ms, goal in [
        ("startup: appealkit check examples/atabek.yaml", ["check", case], "python -c pass", floor, 8.0),
        ("startup: appealkit address examples/atabek.yaml --json", ["address", case, "--json"], "python -c pass", floor, 8.0),
        ("startup: appealkit tweet examples/atabek.yaml", ["tweet", case], "python -c pass", floor, 8.0),
        ("startup: appealkit --help", ["--help"], "bare 3-command Typer app --help", typer_help, 1.2),
    ]:
        ms, rss = wall_rss(appealkit() + args)
        rows.append({"figure": label, "appealkit": f"{ms:.0f} ms, {rss / 1024:.0f} MB",
                     "peer": f"{peer}: {peer_ms:.0f} ms", "ratio": ms / peer_ms, "goal": f"within {goal}x",
                     "ok": ms / peer_ms <= goal})
    return rows


if __name__ == "__main__":
    for r in run():
        print(f"{r['figure']}: {r['appealkit']}; {r['peer']}; ratio {r['ratio']:.1f}x ({r['goal']})")

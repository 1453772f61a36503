"""Start-up: appealkit commands against bare `python -c pass` and a bare 3-command Typer app."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from common import ROOT, appealkit, wall_rss_many

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
    with tempfile.TemporaryDirectory() as d:
        bare = Path(d) / "bare.py"
        bare.write_text(BARE_TYPER)
        cmds = {
            "floor": [sys.executable, "-c", "pass"],
            "typer-run": [sys.executable, str(bare), "a"],
            "typer-help": [sys.executable, str(bare), "--help"],
            "check": appealkit() + ["check", case],
            "address": appealkit() + ["address", case, "--json"],
            "tweet": appealkit() + ["tweet", case],
            "help": appealkit() + ["--help"],
        }
        res = dict(zip(cmds, wall_rss_many(list(cmds.values()))))
    floor = res["floor"][0]
    rows = [{"figure": "reference: a bare 3-command Typer app running a command", "appealkit": "-",
             "peer": f"{res['typer-run'][0]:.0f} ms, {res['typer-run'][1] / 1024:.0f} MB vs python -c pass: {floor:.0f} ms",
             "ratio": res["typer-run"][0] / floor, "goal": "(the floor any Typer CLI starts from)", "ok": True}]
    # judged against the floor any Typer CLI starts from: a bare Typer app running a command
    for key, label, peer, goal in [
        ("check", "startup: appealkit check examples/atabek.yaml", "typer-run", 1.5),
        ("address", "startup: appealkit address examples/atabek.yaml --json", "typer-run", 1.5),
        ("tweet", "startup: appealkit tweet examples/atabek.yaml", "typer-run", 1.5),
        ("help", "startup: appealkit --help", "typer-help", 1.2),
    ]:
        ms, rss = res[key]
        peer_ms = res[peer][0]
        name = "bare 3-command Typer app running a command" if peer == "typer-run" else "bare 3-command Typer app --help"
        rows.append({"figure": label, "appealkit": f"{ms:.0f} ms, {rss / 1024:.0f} MB",
                     "peer": f"{name}: {peer_ms:.0f} ms", "ratio": ms / peer_ms, "goal": f"within {goal}x",
                     "ok": ms / peer_ms <= goal})
    return rows


if __name__ == "__main__":
    for r in run():
        print(f"{r['figure']}: {r['appealkit']}; {r['peer']}; ratio {r['ratio']:.1f}x ({r['goal']})")

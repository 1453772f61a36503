"""Render pages of a sample pack to PNG for the README: docs/pack-page.png (a case's card) and
docs/pack-envelope.png (a DL envelope). Needs pdftoppm (Debian: poppler-utils).

    .venv/bin/python tools/pack_page.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NIGHT = ROOT / "tests" / "night"


def main() -> None:
    if not shutil.which("pdftoppm"):
        sys.exit("pdftoppm is missing: apt-get install poppler-utils")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "pack.pdf"
        subprocess.run([sys.executable, "-m", "appealkit", "pack", str(NIGHT / "cases" / "20-petrov.yaml"),
                        "--writers", str(NIGHT / "pack-writers.csv"), "--out", str(pdf), "--date", "2026-12-01"],
                       check=False)
        from pypdf import PdfReader

        sizes = [round(float(p.mediabox.height)) for p in PdfReader(str(pdf)).pages]
        envelope = sizes.index(312) + 1  # the first DL envelope (110 mm high)
        for page, name, dpi in ((1, "pack-page", 50), (envelope, "pack-envelope", 60)):
            stem = Path(tmp) / name
            subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page),
                            str(pdf), str(stem)], check=True)
            shutil.copy(f"{stem}.png", ROOT / "docs" / f"{name}.png")
            print(ROOT / "docs" / f"{name}.png")


if __name__ == "__main__":
    main()

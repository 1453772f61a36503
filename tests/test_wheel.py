"""The wheel carries every data file: build it, install it into a fresh virtual environment
(its dependencies borrowed from this one, no network), and run `appealkit` from there."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

from .conftest import ROOT


def test_wheel_installs_and_runs(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(dist), str(ROOT)], check=True, capture_output=True)
    (wheel,) = dist.glob("appealkit-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    purelib = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    # install the wheel by unpacking it (what pip does for a pure wheel), then borrow deps
    import zipfile

    with zipfile.ZipFile(wheel) as z:
        z.extractall(purelib)
    deps = sysconfig.get_paths()["purelib"]
    (purelib / "_borrowed_deps.pth").write_text(deps + "\n", encoding="utf-8")
    # the wheel's own copy must be the one imported, whatever PYTHONPATH says
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    work = tmp_path / "elsewhere"
    work.mkdir()
    case = (ROOT / "examples" / "atabek.yaml").read_bytes()
    code = ("import sys; from appealkit.cli import main; import appealkit; "
            "assert appealkit.__file__.startswith(sys.argv[1]), appealkit.__file__; "
            "sys.argv=['appealkit'] + sys.argv[2:]; main()")
    ru_case = (ROOT / "examples" / "ru-aliyev.yaml").read_bytes()  # a Russian letter: grammar data too
    for args in (["check", "-"], ["address", "-"], ["letter", "-", "--to", "prosecutor", "--lang", "ru"],
                 ["tweet", "-"], ["schemes"], ["schema"]):
        p = subprocess.run([str(py), "-c", code, str(purelib), *args], input=ru_case if "letter" in args else case, cwd=work,
                           capture_output=True, timeout=60, env=env)
        assert p.returncode == 0, (args, p.stderr.decode())
    p = subprocess.run([str(py), "-c", code, str(purelib), "address", "-"], input=case, cwd=work,
                       capture_output=True, timeout=60, env=env)
    assert "Tsiolkovskogo Street b/n" in p.stdout.decode()

"""Shared fixtures: an isolated environment for every test, and an in-process CLI runner that
goes through the real error boundary (cli.main), keeping stdout and stderr apart."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
# the platforms' published test suites, copied from shared/conformance with their sources
CONFORMANCE = ROOT / "tests" / "conformance"


@pytest.fixture(autouse=True, scope="session")
def _log_outside_the_repository(tmp_path_factory):
    """The mail merge and the pack record letters beside the cases: never in the repository's
    folders, for module-scoped fixtures too (the function-scoped one below sets its own)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("APPEALKIT_LOG", str(tmp_path_factory.mktemp("log") / "appealkit-log.sqlite"))
    yield
    mp.undo()


@pytest.fixture(autouse=True)
def _isolated(tmp_path, tmp_path_factory, monkeypatch):
    for k in list(os.environ):
        if k.startswith("APPEALKIT_") or k in ("NO_COLOR", "XDG_CONFIG_HOME"):
            monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("APPEALKIT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("APPEALKIT_LOG", str(tmp_path_factory.mktemp("log") / "appealkit-log.sqlite"))


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*args: str, stdin: bytes | str | None = None, cwd: Path | None = None) -> Result:
    """Run `appealkit ARGS` in process through cli.main."""
    from appealkit.cli import main

    data = stdin.encode("utf-8") if isinstance(stdin, str) else (stdin or b"")
    old = sys.stdin, sys.stdout, sys.stderr
    old_cwd = os.getcwd()
    out, err = io.StringIO(), io.StringIO()
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    code = 0
    try:
        if cwd:
            os.chdir(cwd)
        main(list(args))
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
        os.chdir(old_cwd)
    return Result(code, out.getvalue(), err.getvalue())


def clean_env() -> dict:
    """The environment without the user's APPEALKIT_ settings, but with the test's log location:
    a mail merge out of process records its letters there, never beside the repository's cases."""
    return {k: v for k, v in os.environ.items() if not k.startswith("APPEALKIT_") or k == "APPEALKIT_LOG"}


def run_process(*args: str, stdin: bytes | None = None, env: dict | None = None, cwd=None, timeout=60):
    """Run the installed console script out of process."""
    exe = Path(sys.executable).with_name("appealkit")
    cmd = [str(exe), *args] if exe.exists() else [sys.executable, "-m", "appealkit", *args]
    full_env = clean_env()
    full_env.update(env or {})
    p = subprocess.run(cmd, input=stdin or b"", capture_output=True, env=full_env, cwd=cwd, timeout=timeout)
    return Result(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))


def ctrl_c_as_a_terminal_has_it() -> None:
    """For a child that a test stops with Ctrl-C (SIGINT): a shell that ran the tests in the
    background leaves SIGINT ignored, every child inherits that, and Python keeps it ignored."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def require_pinned(dist: str) -> None:
    """Skip unless `dist` is installed at the version tools/constraints.txt pins: a data file
    generated from it is compared with that version's output only (a new upstream release
    changes nothing until the pin moves and `make data` runs)."""
    import re
    from importlib.metadata import PackageNotFoundError, version

    text = (ROOT / "tools" / "constraints.txt").read_text(encoding="utf-8")
    pin = re.search(rf"^{re.escape(dist)}==(\S+)", text, re.M | re.I)
    assert pin, f"{dist} is not pinned in tools/constraints.txt"
    try:
        installed = version(dist)
    except PackageNotFoundError:
        pytest.skip(f"{dist} is not installed")
    if installed != pin.group(1):
        pytest.skip(f"{dist} {installed} is installed; data files come from the pinned {pin.group(1)}")


# a minimal valid case, and a case file written from a text: shared by the tests of every subject
MINIMAL = """\
appealkit: 1
id: test-case
title: A title
person:
  name: Jane Doe
summary: Something happened.
asks:
  - Release Jane Doe.
"""


def write(tmp_path, text, name="case.yaml", raw=False):
    p = tmp_path / name
    if raw:
        p.write_bytes(text)
    else:
        p.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(p)

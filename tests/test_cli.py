"""Shell conventions for every command: help, version, exit codes, one-line errors, stdin,
the case-file search order, init, NO_COLOR, streaming translit."""

from __future__ import annotations

import json

import pytest

from .conftest import MINIMAL, ROOT, run, run_process

COMMANDS = ["check", "init", "schema", "translit", "schemes", "address", "letter", "tweet", "post", "list", "pack", "import",
            "facts", "serve"]


def test_the_list_of_commands_is_the_apps():
    # every registered command is in COMMANDS, so each is held to --help and the README
    from appealkit.cli import app

    assert sorted(c.name or c.callback.__name__ for c in app.registered_commands) == sorted(COMMANDS)


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_has_help(cmd):
    r = run(cmd, "--help")
    assert r.code == 0 and "Usage:" in r.out and len(r.out.splitlines()) > 3


def test_version_and_root_help():
    from appealkit import __version__

    assert run("--version").out == f"appealkit {__version__}\n"
    r = run("--help")
    assert r.code == 0 and all(c in r.out for c in COMMANDS)


def test_bare_command_prints_help_on_stderr_and_exits_2():
    r = run()
    assert r.code == 2 and r.out == "" and r.err.startswith("Usage: appealkit ")
    assert "error:" not in r.err and all(c in r.err for c in COMMANDS)


@pytest.mark.parametrize("args", [["address", "--nope"], ["tweet", "--platform"], ["frobnicate"],
                                  ["address", "examples/atabek.yaml", "--script", "both2"],
                                  ["check", "--today", "yesterday"]])
def test_usage_errors_exit_2_with_one_line(args):
    r = run(*args)
    assert r.code == 2
    assert r.err.startswith("appealkit: error: ") and r.err.count("\n") == 1
    assert r.out == ""


def test_missing_case_file_says_how_to_start(tmp_path):
    r = run("check", cwd=tmp_path)
    assert r.code == 1 and "appealkit init" in r.err


def test_case_search_order(tmp_path, monkeypatch):
    (tmp_path / "appeal.yaml").write_text(MINIMAL, encoding="utf-8")
    assert run("check", cwd=tmp_path).code == 0
    monkeypatch.setenv("APPEALKIT_CASE", str(ROOT / "examples/atabek.yaml"))
    assert run("tweet", cwd=tmp_path).out.startswith("#Kazakhstan")


def test_stdin_case():
    text = (ROOT / "examples/atabek.yaml").read_bytes()
    r = run("address", "-", stdin=text)
    assert r.code == 0 and r.out.startswith("Aron Atabek\n")
    r = run("check", "-", stdin=b"appealkit: 1\nid: [")
    assert r.code == 1 and r.err.startswith("appealkit: error: <stdin>:")


def test_error_line_format(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text(MINIMAL.replace("summary:", "sumary:"), encoding="utf-8")
    r = run("address", str(p))
    assert r.code == 1
    assert f"appealkit: error: {p}:6:1: unknown key 'sumary' in the case file; did you mean 'summary'?" in r.err
    assert "Traceback" not in r.err


def test_init_writes_a_passing_file_and_never_overwrites(tmp_path):
    r = run("init", cwd=tmp_path)
    assert r.code == 0 and (tmp_path / "appeal.yaml").is_file()
    assert run("check", "--strict", cwd=tmp_path).code == 0
    (tmp_path / "appeal.yaml").write_text("mine", encoding="utf-8")
    r = run("init", cwd=tmp_path)
    assert r.code == 1 and "already exists" in r.err
    assert (tmp_path / "appeal.yaml").read_text(encoding="utf-8") == "mine"
    r = run("init", str(tmp_path / "sub" / "x.yaml"))
    assert r.code == 1 and "does not exist" in r.err


def test_translit_args_and_stdin():
    assert run("translit", "Щеглова", "ЮЛИЯ").out == "Shcheglova\nIULIIA\n"
    assert run("translit", "--scheme", "kz-2021", "Қазақстан").out == "Qazaqstan\n"
    r = run("translit", "--scheme", "bgn-pcgn", stdin="Ёлка\nline two: Москва\n")
    assert r.out == "Yëlka\nline two: Moskva\n"
    assert run("translit", "--scheme", "nope", "x").code == 2


def test_schemes_listing():
    rows = json.loads(run("schemes", "--json").out)
    ids = {r["id"] for r in rows}
    assert {"icao", "bgn-pcgn", "iso9", "gost-b", "scientific", "wikipedia", "kz-2021", "ua-2010", "ascii"} <= ids
    plain = run("schemes").out
    assert "\x1b[" not in plain and plain.count("\n") == len(rows) + 1  # and the header line
    assert plain.splitlines()[0] == "id\tname\tlanguages\tused"


def test_json_is_utf8_not_escaped():
    r = run("address", "examples/atabek.yaml", "--json")
    assert "Учреждение" in r.out and "\\u0423" not in r.out


def test_out_of_process_no_traceback_and_no_color(tmp_path):
    r = run_process("check", str(ROOT / "examples/atabek.yaml"), env={"NO_COLOR": "1"})
    assert r.code == 0 and "\x1b[" not in r.err
    r = run_process("address", str(tmp_path / "missing.yaml"))
    assert r.code == 1 and r.err == f"appealkit: error: {tmp_path / 'missing.yaml'}: no such file\n"


def test_broken_pipe_is_quiet():
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).with_name("appealkit")
    p = subprocess.run(f"yes Москва | head -100000 | '{exe}' translit | head -1", shell=True,
                       capture_output=True, timeout=60)
    assert p.stdout == b"Moskva\n" and b"Traceback" not in p.stderr


@pytest.mark.parametrize("entry", ["script", "module"])
def test_the_fast_process_exit_loses_no_output(entry):
    # the entry point ends with os._exit (no interpreter teardown): everything buffered on
    # stdout and stderr must have been flushed first, and the exit code kept
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).with_name("appealkit")
    cmd = [str(exe)] if entry == "script" else [sys.executable, "-m", "appealkit"]
    lines = [f"Москва {i}" for i in range(50_000)]
    p = subprocess.run(cmd + ["translit"], input="\n".join(lines).encode(), capture_output=True, timeout=60)
    assert p.returncode == 0 and p.stdout.decode().splitlines() == [f"Moskva {i}" for i in range(50_000)]
    p = subprocess.run(cmd + ["letter", "examples/atabek.yaml", "--to", "all", "--json"], cwd=ROOT,
                       capture_output=True, timeout=60)
    assert p.returncode == 0 and p.stdout.decode() == run("letter", "examples/atabek.yaml", "--to", "all", "--json").out
    assert p.stderr.decode().endswith("\n") and "Traceback" not in p.stderr.decode()
    p = subprocess.run(cmd + ["address", "nope.yaml"], cwd=ROOT, capture_output=True, timeout=60)
    assert p.returncode == 1 and p.stderr == b"appealkit: error: nope.yaml: no such file\n"

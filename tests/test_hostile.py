"""Every command over every hostile case file (tests/hostile, made by generate.py): no
traceback, the expected exit code, one clear error line, no file written, payloads printed
literally. Each command form once out of process, as a user runs it; the whole matrix in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import ROOT, run, run_process

HOSTILE = ROOT / "tests" / "hostile"
EXPECT = json.loads((HOSTILE / "expect.json").read_text(encoding="utf-8"))
FILES = sorted(EXPECT)


def commands(path: str, out_dir: str) -> list[list[str]]:
    return [["check", path], ["check", path, "--json"], ["address", path], ["address", path, "--json"],
            ["letter", path, "--to", "all", "--date", "2026-11-28"],
            ["letter", path, "--to", "all", "--json", "--date", "2026-11-28"],
            ["letter", path, "--to", "all", "--out-dir", out_dir, "--date", "2026-11-28"],
            ["tweet", path], ["tweet", path, "--json"]]


def _verify(name: str, args: list[str], r, out_dir: Path) -> None:
    exp = EXPECT[name]
    where = f"{name} {args[0]} {' '.join(args[2:])}"
    assert "Traceback" not in r.out + r.err, where
    assert r.code == exp["code"], (where, r.code, r.err)
    for line in r.err.splitlines():
        assert line.startswith("appealkit: "), (where, line)
    if exp["code"]:
        if "--json" in args and args[0] == "check":
            doc = json.loads(r.out)
            assert not doc["ok"] and exp["fragment"] in json.dumps(doc, ensure_ascii=False), where
        else:
            errors = [x for x in r.err.splitlines() if x.startswith("appealkit: error: ")]
            assert len(errors) == 1, (where, r.err)
            assert exp["fragment"] in errors[0], (where, errors[0])
            assert f"{name}:" in errors[0], (where, errors[0])  # names the file
        assert not any(out_dir.iterdir()), where
    if "{{ 7*7 }}" in (HOSTILE / name).read_text(encoding="utf-8", errors="replace") and args[0] == "letter" and "--out-dir" not in args:
        assert "{{ 7*7 }}" in r.out and "Jane 49 Doe" not in r.out, where


def test_corpus_size():
    assert len(FILES) >= 40
    assert sum(1 for f in FILES if EXPECT[f]["code"] == 1) >= 40


def _check_out_dir(name: str, r, out_dir: Path) -> None:
    if EXPECT[name]["code"]:
        assert r.code == 1 and not any(out_dir.iterdir()), name
    else:
        written = [p.name for p in out_dir.iterdir()]
        assert r.code == 0 and len(written) >= 2, (name, r.err)
        assert all(n.startswith("hostile-base-") and n.endswith(("-en.txt", "-en-envelope.txt")) for n in written), written


OK_FILES = [f for f in FILES if EXPECT[f]["code"] == 0]
BAD_FILES = [f for f in FILES if EXPECT[f]["code"] == 1]


@pytest.mark.parametrize("form", range(len(commands("CASE", "OUT"))))
def test_each_command_form_out_of_process(form, tmp_path):
    """One real process per command form and outcome (as a user runs it: the console script,
    exit codes, streams); the whole matrix runs in process below."""
    for name in (BAD_FILES[form % len(BAD_FILES)], OK_FILES[form % len(OK_FILES)]):
        out_dir = tmp_path / name
        out_dir.mkdir()
        args = commands(str(HOSTILE / name), str(out_dir))[form]
        r = run_process(*args, cwd=str(out_dir))
        if "--out-dir" in args:
            _check_out_dir(name, r, out_dir)
        else:
            _verify(name, args, r, out_dir)


@pytest.mark.parametrize("name", FILES)
def test_every_command_in_process(name, tmp_path):
    out_dir, untouched = tmp_path / "out", tmp_path / "untouched"
    out_dir.mkdir()
    untouched.mkdir()
    for args in commands(str(HOSTILE / name), str(out_dir)):
        if "--out-dir" in args:
            _check_out_dir(name, run(*args), out_dir)
        else:
            _verify(name, args, run(*args), untouched)


def test_oversize_file_refused_before_parsing(tmp_path):
    p = tmp_path / "huge.yaml"
    p.write_bytes(b"appealkit: 1\n# " + b"x" * 1_200_000 + b"\n")
    r = run_process("check", str(p))
    assert r.code == 1 and "larger than 1000 KB" in r.err and "Traceback" not in r.err


def test_payloads_and_odd_input_warn_not_fail():
    r = run("check", str(HOSTILE / "bidi-override-name.yaml"))
    assert r.code == 0 and "U+202E" in r.err
    r = run("check", str(HOSTILE / "homoglyph-address.yaml"))
    assert r.code == 0 and "U+0065" in r.err
    r = run("check", str(HOSTILE / "bidi-override-name.yaml"), "--strict")
    assert r.code == 1


def test_generator_matches_committed_corpus():
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate", HOSTILE / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for name, (content, code, fragment) in mod.CORPUS.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        assert (HOSTILE / f"{name}.yaml").read_bytes() == data, name


@pytest.mark.parametrize("name", FILES)
def test_list_and_pack_over_every_hostile_file(name, tmp_path):
    """The letter-night commands too: no traceback, the expected exit code, nothing written on error."""
    path = str(HOSTILE / name)
    for args in (["list", path], ["pack", path, "--out", str(tmp_path / "pack.html"), "--date", "2026-11-28"]):
        r = run(*args)
        assert "Traceback" not in r.out + r.err and "internal error" not in r.err, (name, args)
        assert r.code == EXPECT[name]["code"], (name, args, r.err)
        if EXPECT[name]["code"]:
            assert EXPECT[name]["fragment"] in r.err, (name, args)
            assert not any(tmp_path.iterdir()), (name, args)

"""The sent-letters log: records, marks, CSV export (formula cells escaped), and two processes
writing at once without losing a row."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from appealkit.log import Letter, Log, export_csv

from .conftest import run

D = dt.date(2026, 12, 1)


def test_record_tally_and_last_reply(tmp_path):
    with Log(tmp_path / "l.sqlite") as log:
        log.record([Letter(D, "a", "person", "Ann", "night"), Letter(D - dt.timedelta(days=40), "a", "person")])
        log.record([Letter(D, "b", "prosecutor", channel="email")])
        log.mark("reply", "a", dt.date(2026, 11, 20))
        log.mark("reply", "a", dt.date(2026, 11, 25))
        log.mark("censored", "b", D)
        t = log.tallies(since=D - dt.timedelta(days=30))
        assert (t["a"].letters, t["a"].last_reply, t["b"].letters, t["b"].last_reply) == (1, dt.date(2026, 11, 25), 1, None)
        assert log.tallies()["a"].letters == 2
        assert export_csv(log, "case") == "case,letters,replies,returned,censored\na,2,2,0,0\nb,1,0,0,1\n"
        assert export_csv(log, "event") == "event,cases,letters,writers\n,2,2,0\nnight,1,1,1\n"


def test_export_escapes_spreadsheet_formulas(tmp_path):
    with Log(tmp_path / "l.sqlite") as log:
        for event in ("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "plain"):
            log.record([Letter(D, "c", "person", event=event)])
        text = export_csv(log, "event")
    assert text == ("event,cases,letters,writers\n'+1,1,1,0\n'-2,1,1,0\n\"'=HYPERLINK(\"\"x\"\")\",1,1,0\n"
                    "'@SUM(A1),1,1,0\nplain,1,1,0\n")


_WRITER = """
import datetime as dt, sys
from appealkit.log import Letter, Log
with Log(sys.argv[1]) as log:
    for i in range(int(sys.argv[3])):
        log.record([Letter(dt.date(2026, 12, 1), sys.argv[2], "person", f"w{i}", "night")] * 5)
"""


def test_two_processes_at_once_lose_no_record(tmp_path):
    path = str(tmp_path / "appealkit-log.sqlite")
    Log(path).__exit__()  # made once, so neither process races to create the tables
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, path, cid, "60"]) for cid in ("x", "y")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    with Log(path) as log:
        t = log.tallies()
    assert (t["x"].letters, t["y"].letters) == (300, 300)


def test_cli_add_mark_export(tmp_path, monkeypatch):
    monkeypatch.delenv("APPEALKIT_LOG")  # the default: beside the cases
    cases = tmp_path / "cases"
    cases.mkdir()
    assert run("log", "add", "ru-x", "--cases", str(cases), "--count", "2", "--event", "Night", "--date", "2026-12-01").code == 0
    assert run("log", "reply", "ru-x", "--cases", str(cases), "--date", "2026-12-02").code == 0
    assert run("log", "returned", "ru-x", "--cases", str(cases)).code == 0
    r = run("log", "export", "--cases", str(cases))
    assert r.out == "case,letters,replies,returned,censored\nru-x,2,1,1,0\n"
    assert (cases / "appealkit-log.sqlite").exists()
    bad = run("log", "add", "ru-x", "--log", str(tmp_path / "other.sqlite"), "--channel", "pigeon")
    assert bad.code == 2 and not (tmp_path / "other.sqlite").exists()
    none = run("log", "export", "--log", str(tmp_path / "none.sqlite"))
    assert none.code == 1 and "no sent-letters log here yet" in none.err
    (tmp_path / "junk.sqlite").write_text("not a database", encoding="utf-8")
    junk = run("log", "export", "--log", str(tmp_path / "junk.sqlite"))
    assert junk.code == 1 and "not a sent-letters log" in junk.err and "Traceback" not in junk.err


def _copy_cases(tmp_path):
    import shutil

    from .conftest import ROOT

    cases = tmp_path / "cases"
    cases.mkdir()
    for name in ("20-petrov.yaml", "40-open.yaml"):
        shutil.copy(ROOT / "tests" / "night" / "cases" / name, cases / name)
    return cases


def test_merge_and_pack_record_letters_and_list_fewest_counts_them(tmp_path, monkeypatch):
    import json

    from .conftest import ROOT

    monkeypatch.delenv("APPEALKIT_LOG")  # the default: beside the cases
    cases = _copy_cases(tmp_path)
    writers = str(ROOT / "tests" / "night" / "writers.csv")
    m = run("letter", str(cases / "20-petrov.yaml"), "--to", "prosecutor", "--writers", writers,
            "--out-dir", str(tmp_path / "out"), "--date", "2026-12-01", "--event", "December night")
    written = len(m.out.splitlines())
    assert written == 5  # every good row: the writer in 'de' writes in the case's language
    p = run("pack", str(cases / "40-open.yaml"), "--out", str(tmp_path / "pack.html"), "--sender-name", "A. B.",
            "--sender-address", "1 High St; London", "--from", "GB", "--date", "2026-12-01")
    assert p.code == 0, p.err
    r = run("list", str(cases), "--fewest", "--json", "--today", "2026-12-02")
    rows = {x["id"]: x for x in json.loads(r.out)}
    assert rows["ru-petrov-2026"]["letters"] == 5
    assert [x["letters"] for x in rows.values() if x["id"] != "ru-petrov-2026"] == [1]  # the pack's one letter
    assert [x["id"] for x in json.loads(r.out)][-1] == "ru-petrov-2026"  # the most letters last
    assert (cases / "appealkit-log.sqlite").exists()
    ev = run("log", "export", "--by", "event", "--cases", str(cases))
    assert ev.out == "event,cases,letters,writers\n,1,1,1\nDecember night,1,5,4\n"  # two Anna Smiths: one name
    old = run("list", str(cases), "--fewest", "--json", "--days", "1", "--today", "2026-12-20")
    assert all(x["letters"] == 0 for x in json.loads(old.out))
    none = run("letter", str(cases / "20-petrov.yaml"), "--to", "prosecutor", "--writers", writers, "--force",
               "--out-dir", str(tmp_path / "out"), "--date", "2026-12-01", "--no-log")
    assert len(none.out.splitlines()) == 5
    again = run("list", str(cases), "--fewest", "--json", "--today", "2026-12-02")
    assert {x["id"]: x["letters"] for x in json.loads(again.out)}["ru-petrov-2026"] == 5


def test_two_mail_merges_at_once_lose_no_record(tmp_path):
    from .conftest import ROOT, run_process

    cases = _copy_cases(tmp_path)
    log = str(tmp_path / "shared.sqlite")
    writers = str(ROOT / "tests" / "night" / "writers.csv")
    args = [("letter", str(cases / "20-petrov.yaml"), "--to", "prosecutor", "--writers", writers,
             "--out-dir", str(tmp_path / f"out{i}"), "--date", "2026-12-01", "--log", log) for i in (1, 2)]
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if not k.startswith("APPEALKIT_")}
    exe = str(ROOT / ".venv" / "bin" / "appealkit")
    procs = [subprocess.Popen([exe, *a], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for a in args]
    assert [p.wait(timeout=120) for p in procs] == [1, 1]  # the writers' file has bad rows
    with Log(log) as lg:
        assert lg.tallies()["ru-petrov-2026"].letters == 10
    assert run_process  # the suite's own helper runs the installed script the same way


def test_the_log_beside_the_cases_or_here(tmp_path):
    # mutation testing: with no case file to sit beside (none given, or standard input), the log
    # is in the current folder
    from pathlib import Path

    from appealkit.log import FILE_NAME, log_path

    case = tmp_path / "c.yaml"
    case.write_text("x", encoding="utf-8")
    assert log_path(None, [str(case)]) == tmp_path / FILE_NAME == log_path(None, ["-", str(tmp_path)])
    assert log_path(None, None) == Path(FILE_NAME) == log_path(None, ["-"])
    assert log_path("my.sqlite", [str(case)]) == Path("my.sqlite")

"""`appealkit list` and many cases in one run (files and folders)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from appealkit.case.many import case_paths, load_cases
from appealkit.night.overview import birthdays

from ..conftest import run

NIGHT = Path(__file__).parent
CASES = NIGHT / "cases"


def test_folder_expands_to_yaml_files_in_name_order(tmp_path):
    for n in ("b.yml", "a.yaml", ".a.yaml.swp", ".hidden.yaml", "notes.txt"):
        (tmp_path / n).write_text("x", encoding="utf-8")
    (tmp_path / "sub.yaml").mkdir()
    assert case_paths([str(tmp_path), "-", "x.yaml"]) == [
        str(tmp_path / "a.yaml"), str(tmp_path / "b.yml"), "-", "x.yaml"]


def test_load_cases_names_each_broken_file_and_goes_on(tmp_path):
    got = [(Path(x.path).name, x.case.id if x.case else None, x.error is not None)
           for x in load_cases([str(CASES), str(tmp_path)])]
    assert got[:6] == [("10-sokolova.yaml", "by-sokolova-2026", False), ("20-petrov.yaml", "ru-petrov-2026", False),
                       ("30-urgent.yaml", "kz-nurlan-2026", False), ("40-open.yaml", "am-open-2026", False),
                       ("50-future.yaml", "ge-future-2026", False), ("60-broken.yaml", None, True)]
    assert got[6] == (tmp_path.name, None, True)  # an empty folder is an error of its own


def test_list_order_passed_and_birthdays_in_a_pipe():
    r = run("list", str(CASES), "--today", "2026-12-01")
    assert r.code == 1  # the broken file
    assert r.err == ("appealkit: error: " + str(CASES / "60-broken.yaml") + ":4:1: YAML syntax error: while "
                     "parsing a flow sequence did not find expected ',' or ']'\n")
    header, *rows = [line.split("\t") for line in r.out.splitlines()]
    assert header == ["id", "person", "cc", "deadline", "days left", "birthday", "addressed"]
    # the urgent first, a case past its deadline below the open ones (it is not urgent)
    assert [x[0] for x in rows] == ["kz-nurlan-2026", "ge-future-2026", "ru-petrov-2026", "am-open-2026",
                                    "by-sokolova-2026"]
    assert rows[0] == ["kz-nurlan-2026", "Nurlan Zhaksybekov", "KZ", "immediately", "now", "", "0/0 + person"]
    assert rows[4] == ["by-sokolova-2026", "Maria Sokolova", "BY", "2026-11-20", "passed 11 days ago",
                       "2026-12-14 (41, in 13 days)", "1/1 + person"]
    assert rows[1][3:5] == ["2026-12-15", "14 days"]
    assert rows[2][3:] == ["2027-03-01", "90 days", "", "1/2 + person"]
    assert rows[3][3:6] == ["none", "", "2026-12-20 (36, in 19 days)"]


def test_list_json():
    r = run("list", str(CASES / "10-sokolova.yaml"), str(CASES / "30-urgent.yaml"), "--today", "2026-12-01", "--json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert [d["id"] for d in data] == ["kz-nurlan-2026", "by-sokolova-2026"]  # passed, yet the only other
    assert data[1]["passed"] is True and data[1]["days_left"] == -11
    assert data[1]["birthdays"] == [{"date": "2026-12-14", "age": 41, "days": 13}]
    assert data[0]["deadline"] == "immediately" and data[0]["days_left"] is None and data[0]["passed"] is False
    assert data[1]["addressed"] == 1 and data[1]["recipients"] == 1 and data[1]["person_address"] is True


def test_birthdays_window_year_end_and_29_february():
    assert birthdays(1983, dt.date(2026, 12, 1)) == []  # a year alone gives no date
    b = birthdays(dt.date(1990, 1, 5), dt.date(2026, 12, 20))
    assert [(x.date, x.age, x.days) for x in b] == [(dt.date(2027, 1, 5), 37, 16)]
    assert birthdays(dt.date(1990, 2, 1), dt.date(2026, 12, 20)) == []  # 43 days away
    b = birthdays(dt.date(2000, 2, 29), dt.date(2027, 2, 20))
    assert [(x.date, x.age) for x in b] == [(dt.date(2027, 2, 28), 27)]


def test_address_of_several_cases_names_each_and_fails_only_the_bad_one():
    r = run("address", str(CASES / "30-urgent.yaml"), str(CASES / "60-broken.yaml"), str(CASES / "40-open.yaml"),
            "--script", "local")
    assert r.code == 1
    assert r.out.startswith("# kz-nurlan-2026 person\n")
    assert "# am-open-2026 person\n" in r.out
    assert "60-broken.yaml:4:1: YAML syntax error" in r.err


def test_letter_of_several_cases_to_a_recipient_one_lacks(tmp_path):
    r = run("letter", str(CASES / "20-petrov.yaml"), str(CASES / "30-urgent.yaml"), "--to", "prosecutor",
            "--out-dir", str(tmp_path), "--date", "2026-12-01")
    assert r.code == 1
    assert r.out == f"{tmp_path / 'ru-petrov-2026-prosecutor-en.txt'}\n"
    assert r.err.count("no sender name") == 1
    assert f"appealkit: error: {CASES / '30-urgent.yaml'}: --to: no recipient 'prosecutor' in this case" in r.err


def test_tweet_of_a_folder():
    r = run("tweet", str(CASES / "20-petrov.yaml"), str(CASES / "20-petrov.yaml"), "--json")
    assert r.code == 0, r.err
    assert [d["case"] for d in json.loads(r.out)] == ["ru-petrov-2026", "ru-petrov-2026"]


def test_one_case_behaves_as_before():
    r = run("address", str(CASES / "60-broken.yaml"))
    assert r.code == 1 and r.out == ""
    assert r.err.count("appealkit: error:") == 1



def test_piped_list_cells_a_spreadsheet_would_run_are_escaped(tmp_path):
    """OWASP's CSV-injection rule: a cell starting with = + - @ tab or CR gets a leading ';
    a tab or newline inside a cell is written as \\t or \\n (no added column, no fake row)."""
    case = (CASES / "40-open.yaml").read_text(encoding="utf-8")
    names = ["=HYPERLINK(\"http://evil.example\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "Anna\tSmith\nfake\trow"]
    for i, name in enumerate(names):
        person = case.split("person:\n", 1)[1].split("\n", 1)[0]  # the person's first key line
        assert person.strip().startswith("name:")
        text = case.replace(person, f"  name: {json.dumps(name)}", 1).replace("id: am-open-2026", f"id: am-open-{i}")
        (tmp_path / f"{i}.yaml").write_text(text, encoding="utf-8")
    r = run("list", str(tmp_path), "--today", "2026-12-01")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert len(lines) == 1 + len(names) and all(line.count("\t") == 6 for line in lines)
    persons = [line.split("\t")[1] for line in lines[1:]]
    assert persons == ["'=HYPERLINK(\"http://evil.example\")", "'+cmd|' /C calc'!A0", "'@SUM(1+1)",
                       "Anna\\tSmith\\nfake\\trow"]


def test_table_cell_rules():
    from appealkit.output import table_cell

    assert [table_cell(v) for v in ("-2", "\tx", "\rx", "a\\b", "Anna", "")] == ["'-2", "'\\tx", "'\\rx", "a\\\\b", "Anna", ""]


def test_list_on_an_80_column_terminal_drops_columns_and_never_cuts_a_name():
    from rich.console import Console

    from appealkit.cli import _list_table  # noqa: F401 (rendering is the CLI's)
    from appealkit.night.overview import overview
    from appealkit.night.run import CaseRun

    rows = overview(CaseRun([str(CASES / n) for n in ("10-sokolova.yaml", "20-petrov.yaml", "30-urgent.yaml")]),
                    dt.date(2026, 12, 1))
    rows[0].person = "Maria Alexandrovna Sokolova-Kuznetsova"
    for width, dropped in ((160, []), (80, ["addressed", "birthday"]), (60, ["cc", "days left", "birthday", "addressed"])):
        table, left_out = _list_table(rows, width)
        console = Console(width=width, no_color=True, record=True, file=open(os.devnull, "w"))
        console.print(table)
        text = console.export_text()
        assert sorted(left_out) == sorted(dropped), width
        assert max(len(line) for line in text.splitlines()) <= width
        assert "…" not in text  # nothing cut
        for r in rows:
            assert r.id in text
            assert all(word in text for word in r.person.split())

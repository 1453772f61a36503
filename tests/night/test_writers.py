"""Mail merge: `letter --writers writers.csv` (tests/night/writers.csv has good and bad rows)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from appealkit.night.writers import BadRow, Writer, count_rows, read_writers, slug

from ..conftest import clean_env, run, run_process

NIGHT = Path(__file__).parent
WRITERS = str(NIGHT / "writers.csv")
PETROV = str(NIGHT / "cases" / "20-petrov.yaml")

# the two Anna Smiths (lines 2 and 9) are told apart by a digest of their own rows, never by line
GOOD = ["ru-petrov-2026-prosecutor-anna-smirnova-ru.txt", "ru-petrov-2026-prosecutor-anna-smith_78a746c9-en.txt",
        "ru-petrov-2026-prosecutor-anna-smith_ed568a82-en.txt", "ru-petrov-2026-prosecutor-dana-white-en.txt",
        "ru-petrov-2026-prosecutor-jurgen-weber-en.txt"]


def test_rows_good_and_bad_with_their_lines():
    rows = list(read_writers(WRITERS))
    assert [(r.line, type(r).__name__) for r in rows] == [
        (2, "Writer"), (3, "Writer"), (4, "BadRow"), (5, "Writer"), (6, "BadRow"), (7, "BadRow"),
        (8, "Writer"), (9, "Writer")]
    w = rows[3]
    assert isinstance(w, Writer)
    assert (w.name, w.address, w.country, w.lang) == ("Анна Смирнова", ["ул. Мира, д. 1", "050000 Алматы"], "KZ", "ru")
    assert w.extra == {"group": "Almaty"}
    assert rows[2] == BadRow(4, "no name", 4)
    assert rows[4] == BadRow(6, "no address", 6, "Bob Jones")


def test_trailing_empty_cells_are_fine_a_value_too_many_is_not(tmp_path):
    f = tmp_path / "w.csv"
    f.write_text("name,address,country\nA,1 St,GB,,\nB,2 St,UK\nC,3 St, GB,x\n", encoding="utf-8")
    assert [(type(r).__name__, r.line) for r in read_writers(str(f))] == [("Writer", 2), ("BadRow", 3), ("BadRow", 4)]
    rows = list(read_writers(str(f)))
    assert rows[1].message == "unknown country code 'UK'; use the ISO two-letter code (GB, DE, KZ) (the United Kingdom's is GB)"
    assert rows[2].message == ("1 more value than the header has columns: a ',' inside a value? Put the address "
                               "in double quotes (\"1 High St, London\") or separate its lines with ';'")


def test_header_bom_and_quoted_newlines(tmp_path):
    f = tmp_path / "w.csv"
    f.write_bytes('\ufeffName,Address\n"A, B","1 St\nstill the address"\nC,2 St\n'.encode("utf-8"))
    rows = list(read_writers(str(f)))
    assert [(r.line, r.name) for r in rows] == [(2, "A, B"), (4, "C")]
    assert rows[0].address == ["1 St", "still the address"]  # a multi-line cell: one line each


def test_the_progress_total_counts_rows_not_lines(tmp_path):
    # a spreadsheet writes an address with its line breaks inside one quoted value: three
    # writers on seven lines, a blank line between them, and one row that cannot be read
    f = tmp_path / "w.csv"
    f.write_text('name,address\nAnn,"1 High St\nLondon\nUK"\n\nBob,"2 Low St\nLeeds"\nCy,3 Mid St,x\n',
                 encoding="utf-8")
    assert count_rows(str(f)) == len(list(read_writers(str(f)))) == 3
    assert count_rows(str(tmp_path / "missing.csv")) is None and count_rows("-") is None


def test_slug():
    assert slug("Анна Смирнова") == "anna-smirnova"
    assert slug("Jürgen  O'Neil") == "jurgen-o-neil"
    assert slug("…") == "writer"


def test_merge_writes_good_rows_names_bad_ones_and_never_overwrites(tmp_path):
    args = ("letter", PETROV, "--to", "prosecutor", "--writers", WRITERS, "--out-dir", str(tmp_path),
            "--date", "2026-12-01")
    r = run(*args)
    assert r.code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == GOOD
    assert [Path(x).name for x in r.out.splitlines()] == [GOOD[1], GOOD[4], GOOD[0], GOOD[3], GOOD[2]]
    errors = [x for x in r.err.splitlines() if "error:" in x]
    assert errors == [
        f"appealkit: error: {WRITERS}:4: row 4: no name",
        f"appealkit: error: {WRITERS}:6: row 6 (Bob Jones): no address",
        f"appealkit: error: {WRITERS}:7: row 7 (Carla Ruiz): unknown country code 'XX'; use the ISO two-letter code "
        "(GB, DE, KZ)"]
    # every writer gets letters: a language the case lacks gives the case's own, with a note
    assert (f"appealkit: warning: {WRITERS}:8: row 8 (Dana White): ru-petrov-2026: no letters in 'de' for this case (it has en, ru): "
            "the letters to the authorities are in the case's language") in r.err
    assert r.err.endswith("appealkit: 5 written, 0 skipped (already there; --force overwrites), 3 failed in 3 rows\n")
    text = (tmp_path / GOOD[0]).read_text(encoding="utf-8")
    # the writer's details at the top right, the date on the signature's line (ГОСТ Р 7.0.97-2016)
    assert "\n" + " " * 36 + "от Анны Смирновой\n" + " " * 36 + "ул. Мира, д. 1\n" + " " * 36 + "050000 Алматы\n" in text
    assert "\n1 декабря 2026 г." in text and text.split("\n1 декабря 2026 г.")[1].split("\n")[0].endswith(" Анна Смирнова")
    assert "Уважаемый Игорь Викторович!" in text
    de = (tmp_path / GOOD[4]).read_text(encoding="utf-8")
    assert de.startswith("Jürgen Weber\nHauptstraße 5\n10115 Berlin\n") and "RUSSLAND" not in de
    assert "\nRUSSIA\n" in de  # the letter's own addressee block, in the letter's language
    (tmp_path / GOOD[0]).write_text("signed already", encoding="utf-8")
    again = run(*args)
    assert again.code == 1 and again.out == ""
    assert again.err.endswith("0 written, 5 skipped (already there; --force overwrites), 3 failed in 3 rows\n")
    assert (tmp_path / GOOD[0]).read_text(encoding="utf-8") == "signed already"
    forced = run(*args, "--force")
    assert forced.err.endswith("5 written, 0 skipped (already there), 3 failed in 3 rows\n")
    assert (tmp_path / GOOD[0]).read_text(encoding="utf-8") == text


def test_all_good_rows_exit_0_and_custom_columns_reach_templates(tmp_path):
    w = tmp_path / "w.csv"
    w.write_text("name,address,group\nAnna Smith,1 High Street; London,Camden PEN\n", encoding="utf-8")
    t = tmp_path / "t.j2"
    t.write_text("{{ writer.name }} of {{ writer.group }} to {{ recipient.id if recipient else 'the person' }}\n", encoding="utf-8")
    r = run("letter", PETROV, "--to", "all", "--writers", str(w), "--out-dir", str(tmp_path / "out"),
            "--template", str(t), "--from", "GB")
    assert r.code == 0, r.err
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    # the support letter in the prison's language, as the pack has it
    assert names == ["ru-petrov-2026-ambassador-anna-smith-en.txt", "ru-petrov-2026-person-anna-smith-ru.txt",
                     "ru-petrov-2026-prosecutor-anna-smith-en.txt"]
    assert (tmp_path / "out" / names[2]).read_text(encoding="utf-8") == "Anna Smith of Camden PEN to prosecutor\n"
    assert r.err.count("safety:") == 1  # the case's safety note once, not once per writer


def test_writers_file_errors(tmp_path):
    r = run("letter", PETROV, "--writers", str(tmp_path / "none.csv"), "--out-dir", str(tmp_path))
    assert (r.code, r.err) == (1, f"appealkit: error: {tmp_path / 'none.csv'}: no such file\n")
    bad = tmp_path / "b.csv"
    bad.write_text("name,email\nA,a@x\n", encoding="utf-8")
    r = run("letter", PETROV, "--writers", str(bad), "--out-dir", str(tmp_path))
    assert r.code == 1
    assert r.err.startswith(f"appealkit: error: {bad}:1: the header has no address column")
    r = run("letter", PETROV, "--writers", str(bad))
    assert r.code == 2 and "--writers needs --out-dir" in r.err


def test_volunteers_csv_mistakes_are_named(tmp_path):
    from ..conftest import run

    cases = {
        "unclosed.csv": ('name,address,country\nBob,"2 Road; Leeds,GB\nAnna,1 High St; London,GB\n',
                         "unclosed.csv:2: row 2 (Bob): a quote (\") opens a value here and is not closed on this line"),
        "typo.csv": ("name,adress,country\nAnna,x,GB\n",
                     "typo.csv:1: the header has no address column (misspelt? 'adress' for address)"),
    }
    for name, (text, message) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        r = run("letter", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--writers", str(tmp_path / name),
                "--out-dir", str(tmp_path / "out"), "--from", "GB")
        assert r.code == 1 and message in r.err, r.err


def test_semicolon_separated_csv_from_a_european_spreadsheet(tmp_path):
    from ..conftest import run

    (tmp_path / "w.csv").write_text('name;address;country\nAnna;"1 High St; London";GB\n', encoding="utf-8")
    r = run("letter", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--writers", str(tmp_path / "w.csv"),
            "--out-dir", str(tmp_path / "out"), "--date", "2026-11-28")
    assert r.code == 0
    text = (tmp_path / "out" / "ru-aliyev-2026-prosecutor-anna-en.txt").read_text(encoding="utf-8")
    assert text.startswith("Anna\n1 High St\nLondon\nUNITED KINGDOM\n")


# ------------------------------------------------------------------ nothing lost, nothing twice (issue 23)


def _merge(writers, out, *extra):
    return run("letter", PETROV, "--to", "prosecutor", "--writers", str(writers), "--out-dir", str(out),
               "--date", "2026-12-01", "--from", "GB", *extra)


def test_same_names_get_files_of_their_own_stable_when_rows_move(tmp_path):
    w = tmp_path / "w.csv"
    rows = ["Anna Smith,1 High St; London", "Anna Smith,2 Low Rd; Leeds", "Anna Smith 3,3 Mill Lane; York"]
    w.write_text("name,address\n" + "\n".join(rows) + "\n", encoding="utf-8")
    r = _merge(w, tmp_path / "out")
    assert r.code == 0, r.err
    first = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(first) == 3 and "ru-petrov-2026-prosecutor-anna-smith-3-en.txt" in first
    assert r.err.endswith("appealkit: 3 written, 0 skipped (already there; --force overwrites), 0 failed\n")
    # a writer inserted above, the rows in another order: the same names, and only the new letter
    w.write_text("name,address\nBob Jones,4 Park Rd; Bath\n" + "\n".join(reversed(rows)) + "\n", encoding="utf-8")
    again = _merge(w, tmp_path / "out")
    assert again.code == 0
    assert [Path(x).name for x in again.out.splitlines()] == ["ru-petrov-2026-prosecutor-bob-jones-en.txt"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(first + [Path(again.out.strip()).name])
    assert again.err.endswith("1 written, 3 skipped (already there; --force overwrites), 0 failed\n")


def test_a_repeated_row_is_named_and_its_letters_are_not_written_twice(tmp_path):
    w = tmp_path / "w.csv"
    w.write_text("name,address\nAnna Smith,1 High St; London\nAnna  Smith,1 High St;London\n", encoding="utf-8")
    r = _merge(w, tmp_path / "out")
    assert r.code == 0 and len(list((tmp_path / "out").iterdir())) == 1
    assert f"appealkit: warning: {w}:3: row 3 (Anna Smith): the same writer as row 2 (name, address, country, email)" in r.err
    assert r.err.endswith("1 written, 1 skipped (already there; --force overwrites), 0 failed\n")


def test_bad_rows_are_named_and_the_others_go_on(tmp_path):
    w = tmp_path / "w.csv"
    long_name = "Anna " + "Smith" * 60  # 305 characters: more than a file name may have
    w.write_bytes(b"name,address\n" + f"{long_name},1 High St; London\n".encode()
                  + b"Big,\"" + b"x" * 140_000 + b"\"\n"
                  + "Jos\xe9,2 Rue; Paris\n".encode("latin-1")
                  + b"Bob,3 Park Rd; Bath\n")
    r = _merge(w, tmp_path / "out")
    assert r.code == 1
    errors = [x for x in r.err.splitlines() if "error:" in x]
    assert errors == [f"appealkit: error: {w}:3: row 3: a value here is longer than 131,072 characters (a whole file "
                      "pasted into a cell, or a quote never closed?)",
                      f"appealkit: error: {w}:4: row 4: this row is not UTF-8 (byte 0xE9); save the file as UTF-8 "
                      "(CSV UTF-8 in a spreadsheet)"]
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 2 and "ru-petrov-2026-prosecutor-bob-en.txt" in names
    assert all(len(n.encode()) <= 200 for n in names)
    assert r.err.endswith("2 written, 0 skipped (already there; --force overwrites), 2 failed in 2 rows\n")


def test_a_header_that_is_not_utf8_is_the_files_error(tmp_path):
    w = tmp_path / "w.csv"
    w.write_bytes("name,adresse,pays\xe9\nA,1 St\n".encode("latin-1"))
    r = _merge(w, tmp_path / "out")
    assert (r.code, r.err) == (1, f"appealkit: error: {w}:1: file is not UTF-8; save it as UTF-8 (CSV UTF-8 in a spreadsheet)\n")


def test_a_column_named_twice_is_the_files_error(tmp_path):
    # which `name` a row means cannot be told: nothing is written, the header's line is named
    w = tmp_path / "w.csv"
    w.write_text("name,address,country,Name\nA,1 St; X,GB,B\n", encoding="utf-8")
    r = _merge(w, tmp_path / "out")
    assert (r.code, r.err) == (1, f"appealkit: error: {w}:1: the header names the column 'name' twice "
                                  "(columns 1 and 4); rename or delete one of them\n")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_long_recipient_id_that_check_passes_can_be_written(tmp_path):
    long_id = "a" * 300
    case = Path(PETROV).read_text(encoding="utf-8").replace("  prosecutor:\n", f"  {long_id}:\n")
    (tmp_path / "c.yaml").write_text(case, encoding="utf-8")
    assert run("check", str(tmp_path / "c.yaml")).code == 0
    r = run("letter", str(tmp_path / "c.yaml"), "--to", long_id, "--out-dir", str(tmp_path / "out"), "--from", "GB")
    assert r.code == 0, r.err
    [name] = [p.name for p in (tmp_path / "out").iterdir()]
    assert name.startswith("ru-petrov-2026-" + "a" * 40 + "_") and len(name) < 100


def test_stale_temporary_files_of_dead_runs_are_removed_a_live_runs_stay(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead = out / ".ru-petrov-2026-prosecutor-bob-en.txt.999999999.abcd1234.tmp"
    live = out / f".other.txt.{os.getppid()}.abcd1234.tmp"
    dead.write_text("half", encoding="utf-8")
    live.write_text("writing", encoding="utf-8")
    w = tmp_path / "w.csv"
    w.write_text("name,address\nBob,1 St; Bath\n", encoding="utf-8")
    assert _merge(w, out).code == 0
    assert not dead.exists() and live.exists()


def _writers(path: Path, n: int) -> None:
    path.write_text("name,address\n" + "".join(f"Writer {i},{i} High St; London\n" for i in range(n)),
                    encoding="utf-8")


def _start(*args: str) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("appealkit")
    return subprocess.Popen([str(exe), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=clean_env())


def test_two_merges_racing_into_one_folder_never_overwrite_and_count_true(tmp_path):
    n = 150
    _writers(tmp_path / "w.csv", n)
    args = ("letter", PETROV, "--to", "prosecutor", "--writers", str(tmp_path / "w.csv"), "--out-dir",
            str(tmp_path / "out"), "--date", "2026-12-01", "--from", "GB")
    procs = [_start(*args), _start(*args)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err.decode()[-600:] for _, err in results]
    files = {p.name for p in (tmp_path / "out").iterdir()}
    assert len(files) == n  # nothing half-written, no temporary file left
    mine = [{Path(x).name for x in out.decode().splitlines()} for out, _ in results]
    assert not mine[0] & mine[1] and mine[0] | mine[1] == files  # each file made by exactly one run
    for made, (_, err) in zip(mine, results):
        summary = err.decode().splitlines()[-1]
        assert summary == f"appealkit: {len(made)} written, {n - len(made)} skipped (already there; --force overwrites), 0 failed"


def test_sigterm_ends_a_merge_as_ctrl_c_and_a_rerun_completes_it(tmp_path):
    n = 600  # stdout is a pipe: the first path arrives with the first 8 KB of them
    _writers(tmp_path / "w.csv", n)
    out = tmp_path / "out"
    args = ("letter", PETROV, "--to", "prosecutor", "--writers", str(tmp_path / "w.csv"), "--out-dir", str(out),
            "--date", "2026-12-01", "--from", "GB")
    p = _start(*args)
    assert p.stdout is not None
    p.stdout.readline()  # the first letter is written: the run is under way
    p.send_signal(signal.SIGTERM)
    p.communicate(timeout=60)
    assert p.returncode == 130
    done = {x.name for x in out.iterdir()}
    assert not [x for x in done if x.endswith(".tmp")] and len(done) < n
    r = run_process(*args)
    assert r.code == 0
    assert len(r.out.splitlines()) == n - len(done) and len(list(out.iterdir())) == n


def test_an_interrupted_several_case_letter_out_dir_is_completed_by_a_rerun(tmp_path):
    from .test_list import CASES

    out = tmp_path / "out"
    args = ("letter", str(CASES / "20-petrov.yaml"), str(CASES / "40-open.yaml"), "--out-dir", str(out),
            "--date", "2026-12-01", "--from", "GB")
    whole = run(*args)
    assert whole.code == 0, whole.err
    names = sorted(p.name for p in out.iterdir())
    for p in sorted(out.iterdir())[len(names) // 2:]:  # as an interruption leaves it: half the letters
        p.unlink()
    again = run(*args)
    assert again.code == 0, again.err
    assert sorted(p.name for p in out.iterdir()) == names
    assert len(again.out.splitlines()) == len(names) - len(names) // 2
    assert f"appealkit: {len(names) // 2} letters already there with the same text: left as they are\n" in again.err
    (out / names[0]).write_text("signed already", encoding="utf-8")
    changed = run(*args)
    assert changed.code == 1 and "already exists; use --force to overwrite" in changed.err
    assert (out / names[0]).read_text(encoding="utf-8") == "signed already"


# ------------------------------------------------------------------ a spreadsheet's mistakes, each with its fix (issue 28)


def test_spreadsheet_mistakes_say_the_fix(tmp_path):
    w = tmp_path / "w.csv"
    w.write_text("name,address,country,Langauge\n"
                 "Anna Smith;1 High St; London;GB;en\n"  # saved with ';' in a comma file
                 "Jürgen Weber,Hauptstraße 5; 10115 Berlin,Germany,de\n"
                 "Bob Jones,3 Park Rd, Bath,GB,en\n"  # a comma in an unquoted address
                 "Claire Martin,12 rue de la Paix; Paris,FR,fr\n", encoding="utf-8")
    r = _merge(w, tmp_path / "out")
    assert r.code == 1
    lines = r.err.splitlines()
    assert lines.count(f"appealkit: warning: {w}:1: column 'langauge' is not one appealkit reads; did you mean "
                       "'lang'? Rename it (as it is, only your own templates see it, as writer['langauge'])") == 1
    assert f"appealkit: error: {w}:2: row 2: this row is separated by semicolons (;), the file (its header) by commas: " \
           "save it again with one separator" in lines
    assert f"appealkit: error: {w}:3: row 3 (Jürgen Weber): unknown country code 'Germany'; use the ISO two-letter code (GB, DE, KZ) " \
           "(Germany is DE)" in lines
    assert f"appealkit: error: {w}:4: row 4 (Bob Jones): 1 more value than the header has columns: a ',' inside a value? Put the " \
           "address in double quotes (\"1 High St, London\") or separate its lines with ';'" in lines
    assert r.err.endswith("1 written, 0 skipped (already there; --force overwrites), 3 failed in 3 rows\n")


def test_a_semicolon_row_whose_address_holds_a_comma_is_named_not_signed(tmp_path):
    # the comma inside the address splits the row, so it is not all in its first cell: its
    # name would be "Алесь Бондар;вул. Незалежнасці" and its address "4; 220030 Мінск;BY;be;"
    w = tmp_path / "w.csv"
    w.write_text("name,address,country,lang,email\n"
                 "Алесь Бондар;вул. Незалежнасці, 4; 220030 Мінск;BY;be;\n"
                 "Anna;1 High St, London, N1 1AA;GB;en;\n"  # so many commas that the row has a value too many
                 "Смит, Анна,1 High St,GB,en,smith@example.org\n"  # a comma in a name is a value too many, not a separator
                 "Anna Smith,1 High St,GB,en,\n", encoding="utf-8")
    rows = list(read_writers(str(w)))
    assert [(type(x).__name__, x.line) for x in rows] == [("BadRow", 2), ("BadRow", 3), ("BadRow", 4), ("Writer", 5)]
    semicolons = "this row is separated by semicolons (;), the file (its header) by commas: save it again with one separator"
    assert [rows[0].message, rows[1].message] == [semicolons, semicolons]
    assert rows[2].message.startswith("1 more value than the header has columns")


def test_a_row_shifted_by_a_comma_in_the_name_says_to_quote_it(tmp_path):
    # the empty last column takes the value the comma pushed on, so no value is too many
    w = tmp_path / "w.csv"
    w.write_text("name,address,country,lang,email\nСмит, Анна,1 High St; London,GB,en,\n", encoding="utf-8")
    [row] = list(read_writers(str(w)))
    assert row.message == ("unknown country code '1 High St; London'; use the ISO two-letter code (GB, DE, KZ) "
                           "('1 High St; London' looks like a part of the address: a ',' in the name or the "
                           "address moves the values one column on; put that value in double quotes)")


def test_a_value_in_a_spreadsheets_unnamed_column_is_counted(tmp_path):
    w = tmp_path / "w.csv"
    w.write_text("name,address,country,,\nBob Jones,3 Park Rd, Bath,GB,\nAnna,1 St,GB,,\n", encoding="utf-8")
    rows = list(read_writers(str(w)))
    assert [type(x).__name__ for x in rows] == ["BadRow", "Writer"]
    assert rows[0].message.startswith("1 more value than the header has columns")


def test_the_pack_names_a_misnamed_column_once(tmp_path):
    w = tmp_path / "w.csv"
    w.write_text("name,address,country,emial\nAnna,1 High St; London,GB,a@x.org\nBob,2 St; Bath,GB,b@x.org\n",
                 encoding="utf-8")
    r = run("pack", PETROV, "--to", "person", "--writers", str(w), "--out", str(tmp_path / "p.html"),
            "--date", "2026-12-01")
    assert r.code == 0, r.err
    assert r.err.count("column 'emial' is not one appealkit reads; did you mean 'email'?") == 1

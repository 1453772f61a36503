"""Mail merge: `letter --writers writers.csv` (tests/night/writers.csv has good and bad rows)."""

from __future__ import annotations

from pathlib import Path

from appealkit.night.writers import BadRow, Writer, read_writers, slug

from .conftest import run

NIGHT = Path(__file__).parent / "night"
WRITERS = str(NIGHT / "writers.csv")
PETROV = str(NIGHT / "cases" / "20-petrov.yaml")

GOOD = ["ru-petrov-2026-prosecutor-anna-smirnova-ru.txt", "ru-petrov-2026-prosecutor-anna-smith-9-en.txt",
        "ru-petrov-2026-prosecutor-anna-smith-en.txt", "ru-petrov-2026-prosecutor-jurgen-weber-en.txt"]


def test_rows_good_and_bad_with_their_lines():
    rows = list(read_writers(WRITERS))
    assert [(r.line, type(r).__name__) for r in rows] == [
        (2, "Writer"), (3, "Writer"), (4, "BadRow"), (5, "Writer"), (6, "BadRow"), (7, "BadRow"),
        (8, "Writer"), (9, "Writer")]
    w = rows[3]
    assert isinstance(w, Writer)
    assert (w.name, w.address, w.country, w.lang) == ("Анна Смирнова", ["ул. Мира, д. 1", "050000 Алматы"], "KZ", "ru")
    assert w.extra == {"group": "Almaty"}
    assert rows[2] == BadRow(4, "no name")
    assert rows[4] == BadRow(6, "no address")


def test_trailing_empty_cells_are_fine_a_value_too_many_is_not(tmp_path):
    f = tmp_path / "w.csv"
    f.write_text("name,address,country\nA,1 St,GB,,\nB,2 St,UK\nC,3 St, GB,x\n", encoding="utf-8")
    assert [(type(r).__name__, r.line) for r in read_writers(str(f))] == [("Writer", 2), ("BadRow", 3), ("BadRow", 4)]
    rows = list(read_writers(str(f)))
    assert rows[1].message == "unknown country code 'UK'; use the ISO two-letter code (GB, DE, KZ) (the United Kingdom's is GB)"
    assert rows[2].message == "1 more value than the header has columns (a comma inside an unquoted value?)"


def test_header_bom_and_quoted_newlines(tmp_path):
    f = tmp_path / "w.csv"
    f.write_bytes('\ufeffName,Address\n"A, B","1 St\nstill the address"\nC,2 St\n'.encode("utf-8"))
    rows = list(read_writers(str(f)))
    assert [(r.line, r.name) for r in rows] == [(2, "A, B"), (4, "C")]
    assert rows[0].address == ["1 St", "still the address"]  # a multi-line cell: one line each


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
    assert [Path(x).name for x in r.out.splitlines()] == [GOOD[2], GOOD[3], GOOD[0], GOOD[1]]
    errors = [x for x in r.err.splitlines() if "error:" in x]
    assert errors == [
        f"appealkit: error: {WRITERS}:4: no name",
        f"appealkit: error: {WRITERS}:6: no address",
        f"appealkit: error: {WRITERS}:7: unknown country code 'XX'; use the ISO two-letter code (GB, DE, KZ)",
        f"appealkit: error: {WRITERS}:8: ru-petrov-2026: no letters in 'de' for this case (it has en, ru)"]
    assert r.err.endswith("appealkit: 4 written, 0 skipped (already there; --force overwrites), 4 failed in 4 rows\n")
    text = (tmp_path / GOOD[0]).read_text(encoding="utf-8")
    assert text.startswith("Анна Смирнова\nул. Мира, д. 1\n050000 Алматы\n") and "\n1 декабря 2026 г.\n" in text
    assert "Уважаемый господин Генеральный прокурор!" in text
    de = (tmp_path / GOOD[3]).read_text(encoding="utf-8")
    assert de.startswith("Jürgen Weber\nHauptstraße 5\n10115 Berlin\n") and "RUSSLAND" in de  # country line from DE
    (tmp_path / GOOD[0]).write_text("signed already", encoding="utf-8")
    again = run(*args)
    assert again.code == 1 and again.out == ""
    assert again.err.endswith("0 written, 4 skipped (already there; --force overwrites), 4 failed in 4 rows\n")
    assert (tmp_path / GOOD[0]).read_text(encoding="utf-8") == "signed already"
    forced = run(*args, "--force")
    assert forced.err.endswith("4 written, 0 skipped (already there), 4 failed in 4 rows\n")
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
    assert names == ["ru-petrov-2026-ambassador-anna-smith-en.txt", "ru-petrov-2026-person-anna-smith-en.txt",
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
    from .conftest import run

    cases = {
        "unclosed.csv": ('name,address,country\nBob,"2 Road; Leeds,GB\nAnna,1 High St; London,GB\n',
                         "unclosed.csv:2: a quote (\") opens a value here and is not closed on this line"),
        "typo.csv": ("name,adress,country\nAnna,x,GB\n",
                     "typo.csv:1: the header has no address column (misspelt? 'adress' for address)"),
    }
    for name, (text, message) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        r = run("letter", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--writers", str(tmp_path / name),
                "--out-dir", str(tmp_path / "out"), "--from", "GB")
        assert r.code == 1 and message in r.err, r.err


def test_semicolon_separated_csv_from_a_european_spreadsheet(tmp_path):
    from .conftest import run

    (tmp_path / "w.csv").write_text('name;address;country\nAnna;"1 High St; London";GB\n', encoding="utf-8")
    r = run("letter", "examples/ru-aliyev.yaml", "--to", "prosecutor", "--writers", str(tmp_path / "w.csv"),
            "--out-dir", str(tmp_path / "out"), "--date", "2026-11-28")
    assert r.code == 0
    text = (tmp_path / "out" / "ru-aliyev-2026-prosecutor-anna-en.txt").read_text(encoding="utf-8")
    assert text.startswith("Anna\n1 High St\nLondon\nUNITED KINGDOM\n")

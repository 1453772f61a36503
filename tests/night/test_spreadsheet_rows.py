"""A writers file as a spreadsheet exports it (issue 22): a BOM, ';' between columns, CRLF, addresses
over two lines in one cell, `Language` and `E-mail` headers. Its languages are honoured, and each
bad row is named by its line in the file, its row in the spreadsheet and its writer's name."""

from __future__ import annotations

import re
from pathlib import Path

from appealkit.night.writers import BadRow, Writer, read_writers

from ..conftest import run

PETROV = str(Path(__file__).parent / "cases" / "20-petrov.yaml")  # letters in en and ru

# (line in the file, row in the spreadsheet): each address cell spans two lines; the empty record
# is an empty row on the sheet (the reader skips it, and counts it)
EXPORT = ("\ufeffName;Address;Country;Language;E-mail;Message\r\n"
          'Anna Smith;"1 High Street\r\nLondon N1 1AA";GB;en;anna@example.org;\r\n'  # line 2, row 2
          'Анна Смирнова;"ул. Мира, д. 1\r\n050000 Алматы";KZ;Русский;;\r\n'  # line 4, row 3: a language by its name
          ";;;;;\r\n"  # line 6, row 4: empty
          'Jürgen Weber;"Hauptstraße 5\r\n10115 Berlin";DE;de;;Viele Grüße aus Berlin\r\n'  # line 7, row 5
          "Mark Brown;;GB;en;mark@example.org;\r\n"  # line 9, row 6: no address
          'Claire Martin;"12 rue de la Paix\r\n75002 Paris";France;fr;;\r\n'  # line 10, row 7
          'Олена Коваль;"вул. Хрещатик, 1\r\n01001 Київ";UA;uk;;\r\n')  # line 12, row 8


def _export(tmp_path: Path) -> Path:
    f = tmp_path / "writers.csv"
    f.write_bytes(EXPORT.encode("utf-8"))
    return f


def test_lines_rows_and_names_of_an_export(tmp_path):
    rows = list(read_writers(str(_export(tmp_path))))
    assert [(type(r).__name__, r.line, r.row) for r in rows] == [
        ("Writer", 2, 2), ("Writer", 4, 3), ("Writer", 7, 5), ("BadRow", 9, 6), ("BadRow", 10, 7), ("Writer", 12, 8)]
    anna, smirnova = rows[0], rows[1]
    assert isinstance(anna, Writer) and isinstance(smirnova, Writer)
    assert (anna.address, anna.lang, anna.email) == (["1 High Street", "London N1 1AA"], "en", "anna@example.org")
    assert smirnova.lang == "ru"
    assert rows[3] == BadRow(9, "no address", 6, "Mark Brown")


def test_blank_records_are_rows_a_cell_with_a_blank_line_is_not(tmp_path):
    # a spreadsheet shows an empty line or a line of separators as an empty row, a trailing line
    # break as nothing, and a quoted cell's empty line as part of its cell
    f = tmp_path / "w.csv"
    f.write_text("name,address\n"
                 "\n"  # row 2
                 '"A","1 St\n\nLondon"\n'  # row 3, lines 3-5
                 ",\n"  # row 4
                 "  \n"  # row 5: a cell of spaces
                 "B,\n"  # row 6
                 "\n\n", encoding="utf-8")
    rows = list(read_writers(str(f)))
    assert [(r.line, r.row) for r in rows] == [(3, 3), (8, 6)]
    assert rows[0].address == ["1 St", "London"]


def test_a_row_that_cannot_be_read_counts_as_one(tmp_path):
    f = tmp_path / "w.csv"
    f.write_bytes(b"name,address\nBig,\"" + b"x" * 140_000 + b"\"\n" + "Jos\xe9,2 Rue\n".encode("latin-1")
                  + b"Bob,\n")
    assert [(r.line, r.row, r.name) for r in read_writers(str(f))] == [(2, 2, None), (3, 3, None), (4, 4, "Bob")]


def test_the_pack_of_an_export_honours_its_languages_and_names_bad_rows(tmp_path):
    w = _export(tmp_path)
    out = tmp_path / "pack.html"
    r = run("pack", PETROV, "--writers", str(w), "--out", str(out), "--date", "2026-12-01")
    assert r.code == 1
    assert [x for x in r.err.splitlines() if "error:" in x] == [
        f"appealkit: error: {w}:9: row 6 (Mark Brown): no address",
        f"appealkit: error: {w}:10: row 7 (Claire Martin): unknown country code 'France'; use the ISO two-letter "
        "code (GB, DE, KZ) (France is FR)"]
    assert (f"appealkit: warning: {w}:7: row 5 (Jürgen Weber): no letters in 'de' for 1 case (ru-petrov-2026)"
            in r.err)
    assert "column" not in r.err  # Language and E-mail are read: nothing to rename
    html = out.read_text(encoding="utf-8")
    letters = re.findall(r'<article class="item letter" lang="(\w+)" data-case="[^"]+" data-to="prosecutor".*?</article>',
                         html, re.S)
    assert sorted(letters) == ["en", "en", "en", "ru"]  # Anna Smith; Jürgen and Олена in the case's; Анна: ru
    ru = re.search(r'<article class="item letter" lang="ru" data-case="[^"]+" data-to="prosecutor".*?</article>',
                   html, re.S)
    assert ru is not None and "Анна Смирнова" in ru.group(0)
    assert "Mark Brown" not in html and "Claire Martin" not in html
    # a German message is not one a Russian prison reads: left out of the support letter, and said
    assert "Viele Grüße aus Berlin" not in html
    assert r.err.count("Jürgen Weber's personal message is not written in Russian") == 1


def test_the_mail_merge_of_an_export_honours_its_languages_and_names_bad_rows(tmp_path):
    w = _export(tmp_path)
    r = run("letter", PETROV, "--to", "prosecutor", "--writers", str(w), "--out-dir", str(tmp_path / "out"),
            "--date", "2026-12-01")
    assert r.code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "ru-petrov-2026-prosecutor-anna-smirnova-ru.txt", "ru-petrov-2026-prosecutor-anna-smith-en.txt",
        "ru-petrov-2026-prosecutor-jurgen-weber-en.txt", "ru-petrov-2026-prosecutor-olena-koval-en.txt"]
    assert [x for x in r.err.splitlines() if "error:" in x] == [
        f"appealkit: error: {w}:9: row 6 (Mark Brown): no address",
        f"appealkit: error: {w}:10: row 7 (Claire Martin): unknown country code 'France'; use the ISO two-letter "
        "code (GB, DE, KZ) (France is FR)"]
    assert (f"appealkit: warning: {w}:7: row 5 (Jürgen Weber): ru-petrov-2026: no letters in 'de' for this case"
            in r.err)
    assert r.err.endswith("4 written, 0 skipped (already there; --force overwrites), 2 failed in 2 rows\n")


def test_writers_with_one_note_are_named_on_one_line(tmp_path):
    w = tmp_path / "w.csv"
    w.write_text("Name,Address,Country,Sprache\nJürgen Weber,Hauptstraße 5; 10115 Berlin,DE,de\n\n"
                 "Anna Schmidt,Hauptstraße 6; 10115 Berlin,DE,de\n", encoding="utf-8")
    r = run("pack", PETROV, "--to", "prosecutor", "--writers", str(w), "--out", str(tmp_path / "p.html"),
            "--date", "2026-12-01")
    assert r.code == 0, r.err
    assert (f"appealkit: warning: {w}:2,4: rows 2 (Jürgen Weber), 4 (Anna Schmidt): no letters in 'de' for 1 case "
            "(ru-petrov-2026)") in r.err


def test_a_row_is_labelled_by_its_number_and_name():
    from appealkit.night.writers import about_row

    mark = BadRow(20, "no address", 11, "Mark  Brown")
    assert about_row(mark, mark.message) == "row 11 (Mark Brown): no address"
    assert about_row(BadRow(4, "no name", 3), "no name") == "row 3: no name"
    long = Writer(2, "Anna " + "Smith" * 20, ["1 St"], row=2)
    assert about_row(long, "x") == f"row 2 ({('Anna ' + 'Smith' * 20)[:39]}…): x"
    assert about_row(Writer(2, "No", ["1 St"], row=2), "no country") == "row 2 (No): no country"
    assert about_row(Writer(2, "Anna", ["1 St"], row=2), "Anna's message is left out") == "row 2: Anna's message is left out"
    assert about_row(Writer(0, "Anna", ["1 St"]), "no country") == "no country"  # one sender, not a row of a file

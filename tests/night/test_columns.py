"""The names a writers file may give each column (data/writers-columns.yaml): every name and every
sample of the file is read as its column, whatever its case, spaces and punctuation; two columns
for one field are the file's error; an unknown column keeps its warning."""

from __future__ import annotations

import pytest

from appealkit.errors import AppealkitError
from appealkit.night.writers import KNOWN, BadRow, Writer, column_of, language_code, name_key, read_writers
from appealkit.resources import load_data

DATA = load_data("writers-columns.yaml")
NAMES = [(alias, column) for column, aliases in DATA["columns"].items() for alias in aliases]


@pytest.mark.parametrize(("alias", "column"), NAMES)
def test_every_name_is_read_as_its_column(alias, column):
    for header in (alias, alias.upper(), alias.title(), f"  {alias} ", alias.replace(" ", "_"), f"{alias}*",
                   f"{alias} (see the form)"):
        assert column_of(header) == column, header


@pytest.mark.parametrize(("header", "column"), [tuple(s) for s in DATA["samples"]])
def test_samples(header, column):
    assert column_of(header) == column


def test_no_name_means_two_columns_and_every_column_is_read():
    keys = [name_key(alias) for alias, _ in NAMES]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
    assert set(DATA["columns"]) == {*KNOWN, "message", "group", "given_name", "family_name"}
    assert all(column.replace("_", " ") in aliases for column, aliases in DATA["columns"].items())  # its own name too


def test_a_file_with_other_names_reads_as_one_with_appealkits(tmp_path):
    f = tmp_path / "w.csv"
    f.write_text("Full Name,Postal Address,Country Code,Mother tongue,Email address,Personal message,Team,Notes\n"
                 "Anna Smith,1 High St; London,GB,RU,anna@example.org,Hello,Camden,late\n", encoding="utf-8")
    [w] = read_writers(str(f))
    assert isinstance(w, Writer)
    assert (w.name, w.address, w.country, w.lang, w.email) == ("Anna Smith", ["1 High St", "London"], "GB", "ru",
                                                               "anna@example.org")
    assert w.extra == {"message": "Hello", "group": "Camden", "notes": "late"}  # never an organiser's note


def test_headers_in_other_languages(tmp_path):
    f = tmp_path / "w.csv"
    f.write_text("ФИО;Адрес;Страна;Язык;Эл. почта\nАнна Смирнова;ул. Мира, д. 1;KZ;ru;a@example.org\n",
                 encoding="utf-8")
    [w] = read_writers(str(f))
    assert (w.name, w.country, w.lang, w.email) == ("Анна Смирнова", "KZ", "ru", "a@example.org")
    f.write_text("Ім’я,Адреса,Країна,Мова\nОлена Коваль,вул. Хрещатик 1,UA,uk\n", encoding="utf-8")
    [w] = read_writers(str(f))
    assert (w.name, w.country, w.lang) == ("Олена Коваль", "UA", "uk")


@pytest.mark.parametrize(("header", "name"), [
    ("First name,Last name,Address\nAnna,Smith,1 St", "Anna Smith"),
    ("Фамилия;Имя;Адрес\nСмирнова;Анна;ул. Мира, 1", "Анна Смирнова"),  # 'Имя' beside a family name: the given name
    ("Name;Vorname;Anschrift\nWeber;Jürgen;Hauptstraße 5", "Jürgen Weber"),  # 'Name' beside a given name: the family name
    ("Nom;Prénom;Adresse\nMartin;Claire;12 rue de la Paix", "Claire Martin"),
    ("Nombre,Apellidos,Dirección\nAna,García López,Calle Mayor 3", "Ana García López"),
    ("Name,First name,Last name,Address\nDr Anna Smith,Anna,Smith,1 St", "Dr Anna Smith"),  # the whole name wins
    ("First name,Last name,Address\nAnna,,1 St", "Anna"),
])
def test_a_name_in_two_columns(tmp_path, header, name):
    f = tmp_path / "w.csv"
    f.write_text(header + "\n", encoding="utf-8")
    [w] = read_writers(str(f))
    assert isinstance(w, Writer) and w.name == name


def test_half_a_name_is_the_files_error_and_a_row_without_either_part_has_no_name(tmp_path):
    f = tmp_path / "w.csv"
    f.write_text("First name,Address\nAnna,1 St\n", encoding="utf-8")
    with pytest.raises(AppealkitError, match=r"no name column \(a name in two columns needs both: the first name "
                                             r"and the last name\)"):
        list(read_writers(str(f)))
    f.write_text("First name,Last name,Address\n,,1 St\n", encoding="utf-8")
    assert list(read_writers(str(f))) == [BadRow(2, "no name", 2)]


def test_two_columns_for_one_field_are_the_files_error(tmp_path):
    f = tmp_path / "w.csv"
    f.write_text("name,address,lang,Language\nA,1 St,en,ru\n", encoding="utf-8")
    with pytest.raises(AppealkitError) as e:
        list(read_writers(str(f)))
    assert str(e.value) == (f"{f}:1: the header has two columns for lang: 'lang' (column 3) and 'Language' "
                            "(column 4); rename or delete one of them")
    f.write_text("E-mail,name,address,Email\nx,A,1 St,y\n", encoding="utf-8")
    with pytest.raises(AppealkitError, match=r"the header names the column 'email' twice \(columns 1 and 4\)"):
        list(read_writers(str(f)))


def test_an_unknown_column_keeps_its_warning_and_a_misspelt_one_says_which_it_means(tmp_path):
    f = tmp_path / "w.csv"
    f.write_text("Name,Adress,Langauge,Shoe size\nA,1 St,en,42\n", encoding="utf-8")
    with pytest.raises(AppealkitError, match=r"the header has no address column \(misspelt\? 'adress' for address\)"):
        list(read_writers(str(f)))
    f.write_text("Name,Address,Langauge,Shoe size\nA,1 St,en,42\n", encoding="utf-8")
    notes: list[str] = []
    [w] = read_writers(str(f), notes)
    assert notes == ["column 'langauge' is not one appealkit reads; did you mean 'lang'? Rename it (as it is, only "
                     "your own templates see it, as writer['langauge'])"]
    assert w.lang is None and w.extra == {"langauge": "en", "shoe size": "42"}


# ------------------------------------------------------------------ a language by its name (data/writers-languages.yaml)

LANGUAGES = load_data("writers-languages.yaml")
LANGUAGE_NAMES = [(name, code) for code, names in LANGUAGES["languages"].items() for name in names]


@pytest.mark.parametrize(("name", "code"), LANGUAGE_NAMES)
def test_every_language_name_is_read_as_its_code(name, code):
    for value in (name, name.upper(), name.lower(), f" {name} (spoken)"):
        assert language_code(value) == code, value


@pytest.mark.parametrize(("value", "code"), [tuple(s) for s in LANGUAGES["samples"]])
def test_language_samples(value, code):
    assert language_code(value) == code


def test_no_language_name_means_two_languages():
    keys = {}
    for name, code in LANGUAGE_NAMES:
        assert keys.setdefault(name_key(name), code) == code, name


def test_a_language_column_of_names(tmp_path):
    f = tmp_path / "w.csv"
    f.write_text("Name,Address,Language\nA,1 St,English\nB,2 St,Русский\nC,3 St,ru\nD,4 St,Klingon\n",
                 encoding="utf-8")
    rows = list(read_writers(str(f)))
    assert [getattr(r, "lang", None) for r in rows] == ["en", "ru", "ru", None]
    assert rows[3] == BadRow(5, "'Klingon' is not a language code (en, ru) or a language's name appealkit knows "
                                "(English, Русский)", 5, "D")

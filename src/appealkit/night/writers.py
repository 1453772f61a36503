"""The writers of a letter-writing night, from a CSV file: one row each, read as a stream so
that ten thousand writers take no more memory than ten.

Header columns understood: `name`, `address` (lines separated by ';'), `country` (ISO code),
`lang` (the letter language), `email`, each also under the names a spreadsheet gives it
(data/writers-columns.yaml: "E-mail", "Language", "Sprache", "Адрес"...), the name also in two
columns (first name and last name), the language also by its name ("English"). Any other column is
kept for custom templates (the pack prints a `message` column in the writer's letters, unless a
prison censor may stop it). A row that cannot make a letter is yielded as a BadRow naming its
line, its row as a spreadsheet numbers it and its name; the good rows go on.
"""

from __future__ import annotations

import csv
import re
from dataclasses import field
from functools import lru_cache
from typing import Iterator

from ..errors import AppealkitError, Where, open_input
from ..records import Record
from ..resources import load_data

KNOWN = ("name", "address", "country", "lang", "email")
LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")


class Writer(Record):
    """One row of a writers file: who writes, from where, in which language."""
    line: int
    name: str
    address: list[str]
    country: str | None = None
    lang: str | None = None
    email: str | None = None
    extra: dict[str, str] = field(default_factory=dict)  # the other columns, as written
    row: int = 0  # the record's number as a spreadsheet shows it (the header is row 1); 0: not from a file

    def as_context(self) -> dict:
        """What a custom template sees as `writer`."""
        return {**self.extra, "name": self.name, "address": self.address, "country": self.country,
                "lang": self.lang, "email": self.email}


class BadRow(Record):
    """A row of a writers file that could not be read, and why."""
    line: int
    message: str
    row: int = 0
    name: str | None = None  # the row's name, where it has one


def row_label(item: Writer | BadRow, named: bool = True) -> str:
    """'row 11 (Mark Brown)': a writers' record as a spreadsheet numbers it (the header is row
    1; a multi-line cell makes a file's line numbers run ahead of it) and whose it is (unless
    not `named`); '' for a writer who is not a row of a file."""
    if not item.row:
        return ""
    name = " ".join((item.name or "").split()) if named else ""
    if len(name) > 40:
        name = name[:39] + "…"
    return f"row {item.row} ({name})" if name else f"row {item.row}"


def about_row(item: Writer | BadRow, message: str) -> str:
    """`message` about a writers' row, after its row label: 'row 11 (Mark Brown): no address'
    ('row 11: Mark Brown's message...' where the message names them already)."""
    label = row_label(item, named=not (item.name and message.startswith(f"{item.name}'s ")))
    return f"{label}: {message}" if label else message


def slug(name: str) -> str:
    """A file-name part from a writer's name, in ASCII: 'Анна Смирнова' -> 'anna-smirnova'."""
    from unidecode import unidecode

    return re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-") or "writer"


def count_rows(path: str) -> int | None:
    """How many rows read_writers yields for `path` (writers and unreadable rows): what a
    progress bar counts up to. Not the file's lines: a spreadsheet writes an address with line
    breaks inside one quoted value. None for standard input or a file read_writers refuses."""
    if path == "-":
        return None
    try:
        return sum(1 for _ in read_writers(path))
    except AppealkitError:
        return None


def read_writers(path: str, notes: list[str] | None = None) -> Iterator[Writer | BadRow]:
    """Each data row of the CSV at `path`, in order, as a Writer or a BadRow with its line in the
    file and its row as a spreadsheet shows it (both count the header as 1; a blank record is a
    row a spreadsheet shows, skipped here but counted): a row that is not UTF-8, holds a value
    over the CSV limit or cannot be parsed is a BadRow, and the rows after it are read. A file
    that cannot be read, is not UTF-8 in its header, lacks the name or address column or has two
    columns for one field is an error of the whole file. `notes` receives what the header says
    once (a column appealkit does not read, and which one it probably means), before the first
    row is yielded."""
    import io

    raw = open_input(path, "a CSV file", "rb")
    # each undecodable byte stays in its row as a surrogate: that row is named, the others go on
    with io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="") as fh:
        # spreadsheets in many European locales save CSV with ';' (or a tab) between columns
        first = fh.readline()
        fh.seek(0)
        if _undecoded(first) is not None:
            raise AppealkitError("file is not UTF-8; save it as UTF-8 (CSV UTF-8 in a spreadsheet)", Where(path, 1))
        delimiter = max((",", ";", "\t"), key=first.count) if first.strip() else ","
        reader = csv.reader(fh, delimiter=delimiter)
        try:
            header = next(reader, None)
        except csv.Error as e:
            raise AppealkitError(f"not a readable CSV header: {e}", Where(path, 1)) from None
        if header is None:
            raise AppealkitError("file is empty; the first line names the columns (name,address,...)",
                                 Where(path, 1))
        cols = _name_parts([column_of(h) or h.strip().lower() for h in header])
        _check_header(header, cols, path, notes)
        named = max((i + 1 for i, c in enumerate(cols) if c), default=0)  # a spreadsheet's empty columns aside
        start = reader.line_num + 1
        number = 1  # the header's row
        while True:
            line = start
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                start, number = reader.line_num + 1, number + 1
                yield BadRow(line, _csv_error(e), number)
                continue
            start, number = reader.line_num + 1, number + 1
            if not any(x.strip() for x in row):
                continue  # blank lines between groups are fine (and are rows in a spreadsheet)
            values = dict(zip(cols, row))
            name: str | None = _name(values) or None
            if name and _undecoded(name) is not None:
                name = None
            if reader.line_num > line and any("\n" in x and delimiter in x.split("\n", 1)[1] for x in row):
                # a quote opened in this row and closed rows later (or never): the rows
                # between were read as one value
                yield BadRow(line, f"a quote (\") opens a value here and is not closed on this line; "
                                   f"lines {line}-{reader.line_num} were read as one row", number,
                             None if name and "\n" in name else name)
                continue
            bad = next((b for b in map(_undecoded, row) if b is not None), None)
            if bad is not None:
                yield BadRow(line, f"this row is not UTF-8 (byte 0x{bad:02X}); save the file as UTF-8 "
                                   "(CSV UTF-8 in a spreadsheet)", number, name)
                continue
            # empty cells past the header (a spreadsheet's trailing commas) are no surplus
            surplus = sum(1 for x in row[named:] if x.strip())
            yield parse_row(values, line, surplus, delimiter, number)


def writer_countries(path: str, default: str | None = None) -> set[str | None]:
    """The countries the writers of the CSV at `path` post from (`default` for a row without
    one); bad rows are left to the mail merge to name."""
    return {w.country or default for w in read_writers(path) if isinstance(w, Writer)}


def name_key(header: str) -> str:
    """A column's (or a language's) name as it is matched: without case, spaces, punctuation,
    accents or a note in brackets after it ('E-Mail ' and 'email'; 'País' and 'pais';
    'Address (one per line)')."""
    import unicodedata

    text = re.sub(r"(?<=\S)\s*\(.*\)\s*$", "", header.strip())
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", text.casefold())


@lru_cache(maxsize=None)
def _names(file: str, key: str) -> dict[str, str]:
    """{name key: what it names} from a data file's `key` table of {value: [names]}."""
    return {name_key(name): value for value, names in load_data(file)[key].items() for name in names}


def column_names() -> dict[str, str]:
    """{name key: the column appealkit reads it as}, from data/writers-columns.yaml."""
    return _names("writers-columns.yaml", "columns")


def column_of(header: str) -> str | None:
    """The column appealkit reads `header` as ('E-mail' -> 'email', 'Sprache' -> 'lang'), or None."""
    return column_names().get(name_key(header))


def language_names() -> dict[str, str]:
    """{name key: language code}, from data/writers-languages.yaml."""
    return _names("writers-languages.yaml", "languages")


def language_code(value: str) -> str | None:
    """The code of a language a writers file names ('English' -> 'en', 'Русский' -> 'ru'), or None."""
    return language_names().get(name_key(value))


PARTS = {"given_name", "family_name"}  # a name in two columns (a form's first name and last name)


def _name_parts(cols: list[str]) -> list[str]:
    """The columns, a `name` column beside one part of a name being the other part: beside a
    family name it is the given name ('Имя;Фамилия', 'Nombre;Apellidos', 'Nome;Cognome'), beside
    a given name the family name ('Name;Vorname', 'Nom;Prénom', as forms in German and French
    ask)."""
    has = set(cols)
    if "name" in has and len(PARTS & has) == 1:
        return [(PARTS - has).pop() if c == "name" else c for c in cols]
    return cols


def _name(row: dict[str, str]) -> str:
    """A row's name: its name column, else its given name and family name, in that order."""
    name = (row.get("name") or "").strip()
    if name:
        return name
    return " ".join(x for x in ((row.get(k) or "").strip() for k in ("given_name", "family_name")) if x)


def _check_header(header: list[str], cols: list[str], path: str, notes: list[str] | None) -> None:
    # a column named twice, or two for one field ('lang' and 'Language'): which of the two a row
    # means cannot be told, so the file is refused
    seen: dict[str, int] = {}
    for i, c in enumerate(cols, 1):
        if c and c in seen:
            j = seen[c]
            first, second = header[j - 1].strip(), header[i - 1].strip()
            if name_key(first) == name_key(second):
                raise AppealkitError(f"the header names the column '{c}' twice (columns {j} and {i}); "
                                     "rename or delete one of them", Where(path, 1))
            raise AppealkitError(f"the header has two columns for {c}: '{first}' (column {j}) and '{second}' "
                                 f"(column {i}); rename or delete one of them", Where(path, 1))
        seen.setdefault(c, i)
    missing = [c for c in ("name", "address") if c not in cols and not (c == "name" and PARTS <= set(cols))]
    if missing:
        others = [c for c in cols if c not in KNOWN]
        typos = [f"'{close[0]}' for {m}" for m in missing
                 for close in [[c for c in others if _meant(c) == m]] if close]
        hint = f" (misspelt? {', '.join(typos)})" if typos else ""
        if "name" in missing and PARTS & set(cols):  # half a name: a first name, or a last name, alone
            hint += " (a name in two columns needs both: the first name and the last name)"
        raise AppealkitError(f"the header has no {' or '.join(missing)} column{hint}; "
                             "it needs name and address (country, lang, email optional)", Where(path, 1))
    if notes is None:
        return
    for c in dict.fromkeys(c for c in cols if c and c not in KNOWN and column_of(c) is None):
        meant = _meant(c)
        if meant and meant not in cols:
            notes.append(f"column '{c}' is not one appealkit reads; did you mean '{meant}'? Rename it "
                         f"(as it is, only your own templates see it, as writer['{c}'])")


def _meant(column: str) -> str | None:
    """The column appealkit reads that an unknown one is probably a misspelling of ('adress',
    'Langauge'), or None."""
    import difflib

    names = column_names()
    close = difflib.get_close_matches(name_key(column), list(names), n=1, cutoff=0.8)
    if close:
        return names[close[0]]
    return next(iter(difflib.get_close_matches(column, KNOWN, n=1, cutoff=0.7)), None)


def _undecoded(value: str) -> int | None:
    """The first byte that was not UTF-8 (kept as a surrogate), or None."""
    for ch in value:
        if "\udc80" <= ch <= "\udcff":
            return ord(ch) - 0xDC00
    return None


def _csv_error(e: csv.Error) -> str:
    if "field larger than field limit" in str(e):
        return (f"a value here is longer than {csv.field_size_limit():,} characters (a whole file pasted "
                "into a cell, or a quote never closed?)")
    return f"not a readable CSV row: {e}"


def parse_row(row: dict[str, str], line: int, surplus: int = 0, delimiter: str = ",",
              number: int = 0) -> Writer | BadRow:
    """One record (column -> value) at `line` of the file, row `number` of the spreadsheet."""
    from ..address.countries import is_iso_country

    get = {k: (row.get(k) or "").strip() for k in KNOWN}
    get["name"] = _name(row)

    def bad(message: str) -> BadRow:
        return BadRow(line, message, number, get["name"] or None)

    # a row saved with another separator: all of it in its first cell, or (a comma inside one of
    # its values splitting it) a name that holds a ';' or a tab, which no name does
    alone = not get["address"] and sum(1 for v in row.values() if v.strip()) == 1
    other = next((d for d in (";", "\t", ",") if d != delimiter and d in get["name"]
                  and (alone or d != ",")), None)
    if other:  # its name cell holds the whole row: not named
        return BadRow(line, f"this row is separated by {_SEPARATORS[other]}, the file (its header) by "
                            f"{_SEPARATORS[delimiter]}: save it again with one separator", number)
    if surplus > 0:
        return bad(f"{surplus} more value{'s' if surplus > 1 else ''} than the header has columns: "
                   f"a '{delimiter}' inside a value? Put the address in double quotes "
                   f"(\"1 High St{delimiter} London\")" + (" or separate its lines with ';'" if delimiter != ";" else ""))
    if not get["name"]:
        return bad("no name")
    address = [x.strip() for x in get["address"].replace("\n", ";").split(";") if x.strip()]  # a multi-line cell too
    if not address:
        return bad("no address")
    country = get["country"].upper() or None
    if country and not is_iso_country(country):
        hint = _country_hint(get["country"])
        if not hint and any(ch.isdigit() for ch in country):
            # '1 High St' read as the country: a comma in the name moved every value one column on
            hint = (" ('" + get["country"] + "' looks like a part of the address: a ',' in the name or the "
                    "address moves the values one column on; put that value in double quotes)")
        return bad(f"unknown country code '{get['country']}'; use the ISO two-letter code (GB, DE, KZ){hint}")
    lang = get["lang"].lower() or None
    if lang and not LANG.match(lang):
        lang = language_code(get["lang"])  # 'English', 'Русский': a spreadsheet's Language column
        if lang is None:
            return bad(f"'{get['lang']}' is not a language code (en, ru) or a language's name appealkit knows "
                       "(English, Русский)")
    extra = {k: v for k, v in row.items() if k not in KNOWN and k}
    return Writer(line, get["name"], address, country, lang, get["email"] or None, extra, number)


_SEPARATORS = {",": "commas", ";": "semicolons (;)", "\t": "tabs"}
_NAME_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "ru", "uk")  # names a writer may give


def _country_hint(value: str) -> str:
    """' (Germany is DE)' for a country's name in a common language; UK and EN: GB."""
    from ..address.countries import country_name, iso_codes

    if value.strip().upper() in ("UK", "EN"):
        return " (the United Kingdom's is GB)"
    want = " ".join(value.split()).casefold()
    for lg in _NAME_LANGUAGES:
        for cc in sorted(iso_codes()):
            if country_name(cc, lg).casefold() == want:
                return f" ({value.strip()} is {cc})"
    return ""

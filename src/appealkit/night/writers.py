"""The writers of a letter-writing night, from a CSV file: one row each, read as a stream so
that ten thousand writers take no more memory than ten.

Header columns understood: `name`, `address` (lines separated by ';'), `country` (ISO code),
`lang` (the letter language), `email`. Any other column is kept for custom templates (the pack
prints a `message` column in the writer's letters, unless a prison censor may stop it).
A row that cannot make a letter is yielded as a BadRow naming its line; the good rows go on.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from typing import Iterator

from ..errors import AppealkitError, Where, open_input

KNOWN = ("name", "address", "country", "lang", "email")
LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")


@dataclass
class Writer:
    line: int
    name: str
    address: list[str]
    country: str | None = None
    lang: str | None = None
    email: str | None = None
    extra: dict[str, str] = field(default_factory=dict)  # the other columns, as written

    def as_context(self) -> dict:
        """What a custom template sees as `writer`."""
        return {**self.extra, "name": self.name, "address": self.address, "country": self.country,
                "lang": self.lang, "email": self.email}


@dataclass
class BadRow:
    line: int
    message: str


def slug(name: str) -> str:
    """A file-name part from a writer's name, in ASCII: 'Анна Смирнова' -> 'anna-smirnova'."""
    from unidecode import unidecode

    return re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-") or "writer"


def read_writers(path: str, notes: list[str] | None = None) -> Iterator[Writer | BadRow]:
    """Each data row of the CSV at `path`, in order, as a Writer or a BadRow (line numbers count
    the header as line 1): a row that is not UTF-8, holds a value over the CSV limit or cannot
    be parsed is a BadRow, and the rows after it are read. A file that cannot be read, is not
    UTF-8 in its header or lacks the name or address column is an error of the whole file.
    `notes` receives what the header says once (a column appealkit does not read, and which
    one it probably means), before the first row is yielded."""
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
        cols = [h.strip().lower() for h in header]
        _check_header(cols, path, notes)
        named = max((i + 1 for i, c in enumerate(cols) if c), default=0)  # a spreadsheet's empty columns aside
        start = reader.line_num + 1
        while True:
            line = start
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                start = reader.line_num + 1
                yield BadRow(line, _csv_error(e))
                continue
            start = reader.line_num + 1
            if not any(x.strip() for x in row):
                continue  # blank lines between groups are fine
            if reader.line_num > line and any("\n" in x and delimiter in x.split("\n", 1)[1] for x in row):
                # a quote opened in this row and closed rows later (or never): the rows
                # between were read as one value
                yield BadRow(line, f"a quote (\") opens a value here and is not closed on this line; "
                                   f"lines {line}-{reader.line_num} were read as one row")
                continue
            bad = next((b for b in map(_undecoded, row) if b is not None), None)
            if bad is not None:
                yield BadRow(line, f"this row is not UTF-8 (byte 0x{bad:02X}); save the file as UTF-8 "
                                   "(CSV UTF-8 in a spreadsheet)")
                continue
            # empty cells past the header (a spreadsheet's trailing commas) are no surplus
            surplus = sum(1 for x in row[named:] if x.strip())
            yield parse_row(dict(zip(cols, row)), line, surplus, delimiter)


def writer_countries(path: str, default: str | None = None) -> set[str | None]:
    """The countries the writers of the CSV at `path` post from (`default` for a row without
    one); bad rows are left to the mail merge to name."""
    return {w.country or default for w in read_writers(path) if isinstance(w, Writer)}


# columns people name otherwise, and the one appealkit reads
SYNONYMS = {"language": "lang", "e-mail": "email", "mail": "email", "full name": "name", "postal address": "address",
            "country code": "country", "iso": "country"}


def _check_header(cols: list[str], path: str, notes: list[str] | None) -> None:
    # a column named twice: which of the two a row means cannot be told, so the file is refused
    seen: dict[str, int] = {}
    for i, c in enumerate(cols, 1):
        if c and c in seen:
            raise AppealkitError(f"the header names the column '{c}' twice (columns {seen[c]} and {i}); "
                                 "rename or delete one of them", Where(path, 1))
        seen.setdefault(c, i)
    missing = [c for c in ("name", "address") if c not in cols]
    if missing:
        import difflib

        others = [c for c in cols if c not in KNOWN]
        typos = [f"'{close[0]}' for {m}" for m in missing
                 for close in [difflib.get_close_matches(m, others, n=1)] if close]
        hint = f" (misspelt? {', '.join(typos)})" if typos else ""
        raise AppealkitError(f"the header has no {' or '.join(missing)} column{hint}; "
                             "it needs name and address (country, lang, email optional)", Where(path, 1))
    if notes is None:
        return
    import difflib

    for c in dict.fromkeys(c for c in cols if c and c not in KNOWN):
        meant = SYNONYMS.get(c) or next(iter(difflib.get_close_matches(c, KNOWN, n=1, cutoff=0.7)), None)
        if meant and meant not in cols:
            notes.append(f"column '{c}' is not one appealkit reads; did you mean '{meant}'? Rename it "
                         f"(as it is, only your own templates see it, as writer['{c}'])")


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


def parse_row(row: dict[str, str], line: int, surplus: int = 0, delimiter: str = ",") -> Writer | BadRow:
    from ..address.countries import is_iso_country

    get = {k: (row.get(k) or "").strip() for k in KNOWN}
    # a row saved with another separator: all of it in its first cell, or (a comma inside one of
    # its values splitting it) a name that holds a ';' or a tab, which no name does
    alone = not get["address"] and sum(1 for v in row.values() if v.strip()) == 1
    other = next((d for d in (";", "\t", ",") if d != delimiter and d in get["name"]
                  and (alone or d != ",")), None)
    if other:
        return BadRow(line, f"this row is separated by {_SEPARATORS[other]}, the file (its header) by "
                            f"{_SEPARATORS[delimiter]}: save it again with one separator")
    if surplus > 0:
        return BadRow(line, f"{surplus} more value{'s' if surplus > 1 else ''} than the header has columns: "
                            f"a '{delimiter}' inside a value? Put the address in double quotes "
                            f"(\"1 High St{delimiter} London\")" + (" or separate its lines with ';'" if delimiter != ";" else ""))
    if not get["name"]:
        return BadRow(line, "no name")
    address = [x.strip() for x in get["address"].replace("\n", ";").split(";") if x.strip()]  # a multi-line cell too
    if not address:
        return BadRow(line, "no address")
    country = get["country"].upper() or None
    if country and not is_iso_country(country):
        hint = _country_hint(get["country"])
        if not hint and any(ch.isdigit() for ch in country):
            # '1 High St' read as the country: a comma in the name moved every value one column on
            hint = (" ('" + get["country"] + "' looks like a part of the address: a ',' in the name or the "
                    "address moves the values one column on; put that value in double quotes)")
        return BadRow(line, f"unknown country code '{get['country']}'; use the ISO two-letter code "
                            f"(GB, DE, KZ){hint}")
    lang = get["lang"].lower() or None
    if lang and not LANG.match(lang):
        return BadRow(line, f"'{get['lang']}' is not a language code (en, ru)")
    extra = {k: v for k, v in row.items() if k not in KNOWN and k}
    return Writer(line, get["name"], address, country, lang, get["email"] or None, extra)


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

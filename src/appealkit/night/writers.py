"""The writers of a letter-writing night, from a CSV file: one row each, read as a stream so
that ten thousand writers take no more memory than ten.

Header columns understood: `name`, `address` (lines separated by ';'), `country` (ISO code),
`lang` (the letter language), `email`. Any other column is kept for custom templates.
A row that cannot make a letter is yielded as a BadRow naming its line; the good rows go on.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from typing import Iterator

from ..errors import AppealkitError, Where

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


def read_writers(path: str) -> Iterator[Writer | BadRow]:
    """Each data row of the CSV at `path`, in order, as a Writer or a BadRow (line numbers count
    the header as line 1). A file that cannot be read or lacks the name or address column is
    an error of the whole file."""
    try:
        fh = open(path, encoding="utf-8-sig", newline="")
    except FileNotFoundError:
        raise AppealkitError("no such file", Where(path)) from None
    except IsADirectoryError:
        raise AppealkitError("is a folder, not a CSV file", Where(path)) from None
    except OSError as e:
        raise AppealkitError(f"cannot read: {e.strerror or e}", Where(path)) from None
    with fh:
        try:
            # spreadsheets in many European locales save CSV with ';' (or a tab) between columns
            first = fh.readline()
            fh.seek(0)
            delimiter = max((",", ";", "\t"), key=first.count) if first.strip() else ","
            reader = csv.reader(fh, delimiter=delimiter)
            header = next(reader, None)
            if header is None:
                raise AppealkitError("file is empty; the first line names the columns (name,address,...)",
                                     Where(path, 1))
            cols = [h.strip().lower() for h in header]
            missing = [c for c in ("name", "address") if c not in cols]
            if missing:
                import difflib

                others = [c for c in cols if c not in KNOWN]
                typos = [f"'{close[0]}' for {m}" for m in missing
                         for close in [difflib.get_close_matches(m, others, n=1)] if close]
                hint = f" (misspelt? {', '.join(typos)})" if typos else ""
                raise AppealkitError(f"the header has no {' or '.join(missing)} column{hint}; "
                                     "it needs name and address (country, lang, email optional)", Where(path, 1))
            start = reader.line_num + 1
            for row in reader:
                line, start = start, reader.line_num + 1
                if not any(x.strip() for x in row):
                    continue  # blank lines between groups are fine
                if reader.line_num > line and any("\n" in x and delimiter in x.split("\n", 1)[1] for x in row):
                    # a quote opened in this row and closed rows later (or never): the rows
                    # between were read as one value
                    yield BadRow(line, f"a quote (\") opens a value here and is not closed on this line; "
                                       f"lines {line}-{reader.line_num} were read as one row")
                    continue
                # empty cells past the header (a spreadsheet's trailing commas) are no surplus
                surplus = sum(1 for x in row[len(cols):] if x.strip())
                yield parse_row(dict(zip(cols, row)), line, surplus)
        except UnicodeDecodeError:
            raise AppealkitError("file is not UTF-8; save it as UTF-8 (CSV UTF-8 in a spreadsheet)",
                                 Where(path)) from None
        except csv.Error as e:
            raise AppealkitError(f"not a readable CSV: {e}", Where(path, reader.line_num)) from None


def parse_row(row: dict[str, str], line: int, surplus: int = 0) -> Writer | BadRow:
    from ..address.countries import is_iso_country

    get = {k: (row.get(k) or "").strip() for k in KNOWN}
    if surplus > 0:
        return BadRow(line, f"{surplus} more value{'s' if surplus > 1 else ''} than the header has columns "
                            "(a comma inside an unquoted value?)")
    if not get["name"]:
        return BadRow(line, "no name")
    address = [x.strip() for x in get["address"].replace("\n", ";").split(";") if x.strip()]  # a multi-line cell too
    if not address:
        return BadRow(line, "no address")
    country = get["country"].upper() or None
    if country and not is_iso_country(country):
        hint = " (the United Kingdom's is GB)" if country in ("UK", "EN") else ""
        return BadRow(line, f"unknown country code '{get['country']}'; use the ISO two-letter code (GB, DE, KZ){hint}")
    lang = get["lang"].lower() or None
    if lang and not LANG.match(lang):
        return BadRow(line, f"'{get['lang']}' is not a language code (en, ru)")
    extra = {k: v for k, v in row.items() if k not in KNOWN and k}
    return Writer(line, get["name"], address, country, lang, get["email"] or None, extra)

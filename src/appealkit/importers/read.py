"""Reading a list export: the format's columns found in the header, each data row as a Record
(key -> value as written, with its line) or a BadRow. A file whose header lacks the format's
columns, or that has no data rows, is refused as a whole."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ..errors import AppealkitError, UsageError, Where, open_input
from ..resources import load_data

KEYS = ("id", "url", "name", "native_name", "gender", "birthday", "birth_year", "status", "prison",
        "address", "colony", "sizo", "country", "release_date", "articles", "arrested")


@dataclass
class BadRow:
    """A row that cannot become a case: its line and why."""

    line: int
    message: str


@dataclass
class Record:
    """One row of a published list: its line in the file and its values by key."""
    line: int
    values: dict[str, str]  # key -> value, stripped; only non-empty values

    def get(self, key: str) -> str:
        return self.values.get(key, "")


@lru_cache(maxsize=None)
def formats_data() -> dict:
    return load_data("import-formats.yaml")


def format_names() -> list[str]:
    return list(formats_data()["formats"])


def parse_map(items: list[str]) -> dict[str, str]:
    """--map COLUMN=KEY items as {column header (lower case): key}."""
    out = {}
    for item in items:
        col, sep, key = item.rpartition("=")
        if not sep or not col.strip() or key.strip() not in KEYS:
            raise UsageError(f"--map '{item}' must be COLUMN=KEY with KEY one of {', '.join(KEYS)}", param="map")
        out[col.strip().lower()] = key.strip()
    return out


def read_records(path: str, fmt: str, column_map: dict[str, str] | None = None) -> Iterator[Record | BadRow]:
    """Each data row of the export at `path` (line numbers count the header as line 1)."""
    spec = formats_data()["formats"].get(fmt)
    if spec is None:
        raise UsageError(f"unknown format '{fmt}'; formats are {', '.join(format_names())}", param="format")
    fh = open_input(path, "a list export", encoding="utf-8-sig", newline="")
    with fh:
        reader = None
        try:
            first = fh.readline()
            fh.seek(0)
            delimiter = spec.get("delimiter") or (max((",", ";", "\t"), key=first.count) if first.strip() else ",")
            reader = csv.reader(fh, delimiter=delimiter)
            header = next(reader, None)
            if header is None or not any(h.strip() for h in header):
                raise AppealkitError(f"file is empty; a {fmt} export starts with a header line", Where(path, 1))
            cols = _columns(header, spec, column_map or {}, path, fmt)
            rows = 0
            start = reader.line_num + 1
            for row in reader:
                line, start = start, reader.line_num + 1
                if not any(x.strip() for x in row):
                    continue
                rows += 1
                values = {}
                for i, key in cols.items():
                    v = row[i].strip() if i < len(row) else ""
                    if v:
                        values[key] = v
                if len(row) > len(header) and any(x.strip() for x in row[len(header):]):
                    yield BadRow(line, f"more values than the header has columns (a '{delimiter}' inside an unquoted value?)")
                    continue
                yield Record(line, values)
            if rows == 0:
                raise AppealkitError(f"no data rows after the header: nothing to import from this {fmt} export",
                                     Where(path, 2))
        except UnicodeDecodeError:
            raise AppealkitError("file is not UTF-8; save it as UTF-8 (CSV UTF-8 in a spreadsheet)", Where(path)) from None
        except csv.Error as e:
            raise AppealkitError(f"not a readable CSV: {e}", Where(path, reader.line_num if reader else None)) from None


def _columns(header: list[str], spec: dict, column_map: dict[str, str], path: str, fmt: str) -> dict[int, str]:
    """{column index: key} for the header, by the format's names and the user's --map."""
    names = {alias.lower(): key for key, aliases in spec["columns"].items() for alias in aliases}
    names.update(column_map)
    cols: dict[int, str] = {}
    for i, h in enumerate(header):
        low = " ".join(h.split()).lower()
        key = names.get(low)
        if key is None and " (" in low:  # "Дата рождения (М/Д/ГГГГ)": a header with a note after it
            key = names.get(low.split(" (")[0])
        if key and key not in cols.values():
            cols[i] = key
    have = set(cols.values())
    missing = [k for k in spec.get("required", ()) if k not in have]
    one_of = spec.get("one_of") or []
    wanted = [f"{k} ({' / '.join(spec['columns'][k][:3])})" for k in missing]
    if one_of and not have & set(one_of):
        wanted.append(" or ".join(f"{k} ({spec['columns'][k][0]})" for k in one_of))
    if wanted:
        raise AppealkitError(f"this does not look like a '{fmt}' export: the header has no column for {'; '.join(wanted)} "
                             f"(or name one with --map COLUMN=KEY)", Where(path, 1))
    return cols

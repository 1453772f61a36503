"""The sent-letters log: one SQLite file beside the cases (`appealkit-log.sqlite`), no server.

What was written (date, case, recipient, writer, event, channel), and what came back (a reply,
a returned letter, a censor's notice). Safe for two processes at once: WAL journal, a busy
timeout, and every write one short IMMEDIATE transaction, so two mail merges that record at the
same moment queue for the lock instead of losing a row.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .errors import AppealkitError, UsageError, Where

FILE_NAME = "appealkit-log.sqlite"
CHANNELS = ("post", "email", "fax", "e-letter", "hand")
MARKS = ("reply", "returned", "censored")
BUSY_MS = 30_000  # a merge of thousands records in one transaction of well under a second

_SCHEMA = """
CREATE TABLE IF NOT EXISTS letters (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,                 -- ISO date the letter was written
  case_id TEXT NOT NULL,
  recipient TEXT NOT NULL,           -- 'person' or a recipient id of the case
  writer TEXT NOT NULL DEFAULT '',
  event TEXT NOT NULL DEFAULT '',    -- the letter-writing night, campaign or action
  channel TEXT NOT NULL DEFAULT 'post',
  recorded TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS letters_case ON letters (case_id, day);
CREATE TABLE IF NOT EXISTS marks (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  case_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('reply', 'returned', 'censored')),
  note TEXT NOT NULL DEFAULT '',
  recorded TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS marks_case ON marks (case_id, kind, day);
"""


@dataclass(frozen=True)
class Letter:
    """One letter recorded in the sent-letters log."""
    day: dt.date
    case_id: str
    recipient: str
    writer: str = ""
    event: str = ""
    channel: str = "post"


@dataclass
class Tally:
    """One case's letters in a period and its last reply."""

    case_id: str
    letters: int
    last_reply: dt.date | None


def log_path(explicit: str | None, cases: list[str] | None) -> Path:
    """--log, else appealkit-log.sqlite in the cases' folder (a folder given, or the first
    case file's folder), else in the current folder."""
    if explicit:
        return Path(explicit)
    for c in cases or []:
        if c == "-":
            continue
        p = Path(c)
        return (p if p.is_dir() else p.parent) / FILE_NAME
    return Path(FILE_NAME)


class Log:
    """An open log; use as a context manager (`with Log(path) as log:`)."""

    def __init__(self, path: str | Path, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise AppealkitError("no sent-letters log here yet; letters written with --writers or pack, "
                                 "or 'appealkit log add', start one", Where(str(self.path)))
        import time

        deadline = time.monotonic() + BUSY_MS / 1000
        while True:
            try:
                self.db = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None)
                self.db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.executescript(_SCHEMA)
                return
            except sqlite3.OperationalError as e:
                # two runs opening a new log at once: switching it to WAL and creating its tables
                # can be refused at once ("database is locked"), without the busy handler's wait
                self.db.close()
                if "locked" not in str(e) and "busy" not in str(e) or time.monotonic() > deadline:
                    raise AppealkitError(f"the sent-letters log cannot be opened: {e}", Where(str(self.path))) from None
                time.sleep(0.05)
            except sqlite3.DatabaseError as e:
                raise AppealkitError(f"not a sent-letters log, or it cannot be opened: {e}", Where(str(self.path))) from None

    def __enter__(self) -> Log:
        return self

    def __exit__(self, *exc) -> None:
        self.db.close()

    def record(self, letters: list[Letter]) -> int:
        """Add letters in one transaction; returns how many."""
        for x in letters:
            if x.channel not in CHANNELS:
                raise UsageError(f"unknown channel '{x.channel}'; channels are {', '.join(CHANNELS)}", param="channel")
        rows = [(x.day.isoformat(), x.case_id, x.recipient, x.writer, x.event, x.channel) for x in letters]
        with self._write():
            self.db.executemany("INSERT INTO letters (day, case_id, recipient, writer, event, channel) "
                                "VALUES (?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    def mark(self, kind: str, case_id: str, day: dt.date, note: str = "") -> None:
        """A reply, a returned letter or a censor's notice for a case."""
        if kind not in MARKS:
            raise UsageError(f"unknown mark '{kind}'; marks are {', '.join(MARKS)}")
        with self._write():
            self.db.execute("INSERT INTO marks (day, case_id, kind, note) VALUES (?, ?, ?, ?)",
                            (day.isoformat(), case_id, kind, note))

    def _write(self):
        return _Immediate(self.db)

    def tallies(self, since: dt.date | None = None) -> dict[str, Tally]:
        """case id -> letters since `since` (all when None) and the last reply ever."""
        out: dict[str, Tally] = {}
        q = "SELECT case_id, COUNT(*) FROM letters" + (" WHERE day >= ?" if since else "") + " GROUP BY case_id"
        for cid, n in self.db.execute(q, (since.isoformat(),) if since else ()):
            out[cid] = Tally(cid, n, None)
        for cid, day in self.db.execute("SELECT case_id, MAX(day) FROM marks WHERE kind = 'reply' GROUP BY case_id"):
            out.setdefault(cid, Tally(cid, 0, None)).last_reply = dt.date.fromisoformat(day)
        return out

    def counts(self, by: str) -> list[tuple]:
        """Totals for a report: by 'case' (case, letters, replies, returned, censored) or by
        'event' (event, cases, letters, writers)."""
        if by == "event":
            return list(self.db.execute(
                "SELECT event, COUNT(DISTINCT case_id), COUNT(*), COUNT(DISTINCT NULLIF(writer, '')) "
                "FROM letters GROUP BY event ORDER BY event"))
        marks = {(c, k): n for c, k, n in self.db.execute("SELECT case_id, kind, COUNT(*) FROM marks GROUP BY case_id, kind")}
        letters = dict(self.db.execute("SELECT case_id, COUNT(*) FROM letters GROUP BY case_id"))
        cases = sorted(set(letters) | {c for c, _ in marks})
        return [(c, letters.get(c, 0), *(marks.get((c, k), 0) for k in MARKS)) for c in cases]


class _Immediate:
    """BEGIN IMMEDIATE ... COMMIT: the write lock is taken at the start (waiting out another
    process for up to the busy timeout), so two writers never fail halfway."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise AppealkitError(f"the sent-letters log is busy or locked: {e}") from None

    def __exit__(self, exc_type, *rest):
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


HEADERS = {"case": ("case", "letters", "replies", "returned", "censored"),
           "event": ("event", "cases", "letters", "writers")}


def export_csv(log: Log, by: str) -> str:
    """The counts as CSV; a cell that a spreadsheet would run as a formula (= + - @ first) gets a
    leading apostrophe (OWASP's advice on CSV injection)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADERS[by])
    for row in log.counts(by):
        w.writerow([safe_cell(x) for x in row])
    return buf.getvalue()


def safe_cell(v) -> str:
    s = str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


class Recorder:
    """Collects the letters of one run (a mail merge, a pack) and writes them to the log in one
    transaction at the end: a run that stops halfway records what it wrote."""

    def __init__(self, path: str | Path, event: str = "", channel: str = "post"):
        self.path, self.event, self.channel = Path(path), event, channel
        self.letters: list[Letter] = []

    def letter(self, day: dt.date, case_id: str, recipient: str, writer: str = "") -> None:
        self.letters.append(Letter(day, case_id, recipient, writer, self.event, self.channel))

    def save(self) -> int:
        if not self.letters:
            return 0
        with Log(self.path) as log:
            n = log.record(self.letters)
        self.letters = []
        return n


def fewest_first(rows: list, tallies: dict[str, Tally]) -> list:
    """Overview rows with their letter counts and last replies filled in, the people with the
    fewest letters first (the rule OVD-Info's letter service uses to share letters out); those
    not held stay apart at the end. Ties keep the overview's order."""
    for r in rows:
        t = tallies.get(r.id)
        r.letters = t.letters if t else 0
        r.last_reply = t.last_reply.isoformat() if t and t.last_reply else None
    return sorted(rows, key=lambda r: (r.status != "held", r.letters))

"""What the server records: each letter a volunteer printed, in the sent-letters log (log.Log)
with the event's name, and beside it what the organiser's pack needs to print that letter again
(the writer's address, country and language, the personal message). One row per letter: the
letter's id, made when the volunteer saw it, is unique, so a second click on "PDF" prints the
letter again without a second record."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..log import Log

_SCHEMA = """
CREATE TABLE IF NOT EXISTS night_letters (
  uid TEXT PRIMARY KEY,              -- made by the server when the volunteer saw the letter
  letter INTEGER NOT NULL REFERENCES letters (id),
  writer_address TEXT NOT NULL,      -- JSON list of lines
  writer_country TEXT NOT NULL DEFAULT '',
  writer_lang TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT ''
);
"""


@dataclass(frozen=True)
class Entry:
    """One printed letter, as the night's pages and pack need it."""

    uid: str
    day: dt.date
    case_id: str
    recipient: str
    writer: str
    address: list[str] = field(default_factory=list)
    country: str = ""
    lang: str = ""
    message: str = ""
    event: str = ""


class Recorder:
    """The log, opened once for the server. Every call takes a lock (the server calls from its
    worker threads) and each record is one committed transaction: once `record` returns, a
    Ctrl-C or a crash cannot lose it."""

    def __init__(self, path: str | Path, event: str):
        self.event = event
        self.log = Log(path)
        self.log.db.close()  # reopened for use from any of the server's threads, under the lock
        self.db = sqlite3.connect(self.log.path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA busy_timeout = 30000")
        self.db.executescript(_SCHEMA)
        self.log.db = self.db
        self.lock = threading.Lock()

    def close(self) -> None:
        with self.lock:
            self.db.close()

    def record(self, e: Entry) -> bool:
        """Add the letter unless its uid is there already; True when it was new."""
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if self.db.execute("SELECT 1 FROM night_letters WHERE uid = ?", (e.uid,)).fetchone():
                    self.db.execute("ROLLBACK")
                    return False
                cur = self.db.execute(
                    "INSERT INTO letters (day, case_id, recipient, writer, event, channel) VALUES (?, ?, ?, ?, ?, 'post')",
                    (e.day.isoformat(), e.case_id, e.recipient, e.writer, self.event))
                self.db.execute("INSERT INTO night_letters (uid, letter, writer_address, writer_country, writer_lang, "
                                "message) VALUES (?, ?, ?, ?, ?, ?)",
                                (e.uid, cur.lastrowid, json.dumps(e.address, ensure_ascii=False), e.country,
                                 e.lang, e.message))
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            return True

    def entries(self) -> list[Entry]:
        """The event's printed letters, in the order they were recorded."""
        with self.lock:
            rows = self.db.execute(
                "SELECT n.uid, l.day, l.case_id, l.recipient, l.writer, n.writer_address, n.writer_country, "
                "n.writer_lang, n.message, l.event FROM night_letters n JOIN letters l ON l.id = n.letter "
                "WHERE l.event = ? ORDER BY l.id", (self.event,)).fetchall()
        return [Entry(u, dt.date.fromisoformat(d), c, r, w, json.loads(a), cc, lg, m, ev)
                for u, d, c, r, w, a, cc, lg, m, ev in rows]

    def tallies(self, since: dt.date) -> dict:
        """case id -> its letters in the whole log since `since` (any event) and its last reply."""
        with self.lock:
            return self.log.tallies(since)

    def csv(self) -> str:
        """The event's letters, one row each (no address: the export leaves the laptop)."""
        import csv
        import io

        from ..log import safe_cell

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(("day", "case", "recipient", "writer", "event", "channel"))
        for e in self.entries():
            w.writerow([safe_cell(x) for x in (e.day.isoformat(), e.case_id, e.recipient, e.writer, e.event, "post")])
        return buf.getvalue()

"""What a workflow has to say besides its output: a Notice with a kind (Code), a level, a scope
and where it is about. Callers choose by `code`, never by the message's words."""

from __future__ import annotations

from dataclasses import field
from enum import Enum
from typing import Literal

from ..errors import AppealkitError
from ..records import Record

Level = Literal["error", "warning", "note"]
Scope = Literal["run", "case", "row"]  # the whole run, one case, one writer's row


class Code(str, Enum):
    NO_SENDER = "no-sender"  # no sender name or address: the letters carry placeholders
    NO_SENDER_COUNTRY = "no-sender-country"  # no sender country: placeholders for it
    WRITER_NO_COUNTRY = "writer-no-country"  # a writer's row without a country, and none for all
    BAD_ROW = "bad-row"  # a writers' row that cannot make a letter
    DUPLICATE_ROW = "duplicate-row"  # a writers' row that repeats another: the same letters
    COLUMN = "column"  # a writers' column appealkit does not read, and the one it probably means
    NO_LANGUAGE = "no-language"  # a case has no letters in the writer's language: the case's own
    APPEAL_CLOSED = "appeal-closed"  # past the deadline: the letters to the authorities left out
    LETTER_FAILED = "letter-failed"  # one writer's letter to one case could not be made
    MESSAGE_LEFT_OUT = "message-left-out"  # a writer's message a prison censor may stop: not printed
    LETTER = "letter"  # a letter's own warning (a pending translation, a safety note...)
    NO_POSTAL_ADDRESS = "no-postal-address"  # a recipient reached by email or fax only
    ADDRESS = "address"  # an address block's warning (an approximate Latin form...)
    NO_HANDLE = "no-handle"  # a recipient without a handle on the platform: left out of the post
    PACK = "pack"  # the pack's own note about a case (a passed deadline...)
    E_LETTER = "e-letter"  # the e-letter service a letter's pages are for (or that there is none)
    LABEL_PAPER = "label-paper"  # label sheets of another paper size than the pack's pages
    MISSING_GLYPHS = "missing-glyphs"  # characters no font has: printed as empty boxes
    POST_ROUTE = "post-route"  # a suspended postal route, or a deadline the post cannot meet (routes.py)
    CASE_FAILED = "case-failed"  # a case file of a several-case run stopped (`error` says why)


class Notice(Record, frozen=True):
    """Something a run tells its user: a code, a level, what it is about and where."""
    code: Code
    message: str
    level: Level = "warning"
    scope: Scope = "case"
    where: str | None = None  # a file, or FILE:LINE for a writers' row
    error: AppealkitError | None = field(default=None, compare=False)  # the error behind it, if any

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def as_dict(self) -> dict:
        return {"code": self.code.value, "level": self.level, "scope": self.scope, "where": self.where,
                "message": self.message}

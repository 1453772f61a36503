"""The file names of letters, unique by construction and the same at every run: built from the
case id, the recipient id, the writer (a slug of the name) and the language. A part too long
for a file name, and a writer whose name another row shares, end in `_` and a short hash of
what identifies them: `_` is in no id or slug, so such a name never meets a plain one, and it
depends on the row itself, never on the rows around it."""

from __future__ import annotations

import hashlib

from ..output import safe_name

CASE_MAX = 64  # the case format's id limit
RECIPIENT_MAX = 40
WRITER_MAX = 60  # so a whole name stays under 200 bytes: room for a temporary file's affixes


def digest(*fields: str) -> str:
    """8 hex digits of what identifies a thing (case and spaces of each field aside)."""
    key = "\x1f".join(" ".join(f.split()).casefold() for f in fields)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def cut(part: str, limit: int) -> str:
    """`part` as it is, or its first `limit` characters and its digest."""
    return part if len(part) <= limit else f"{part[:limit]}_{digest(part)}"


def writer_part(writer, shared: bool, name_slug: str | None = None) -> str:
    """The writer's part of a file name: their name's slug (`name_slug`, if known already), with
    the digest of their row's name, address, country and email when another row has the same
    slug (or the slug is long)."""
    from .writers import slug

    s = name_slug or slug(writer.name)
    if not shared and len(s) <= WRITER_MAX:
        return s
    return f"{s[:WRITER_MAX]}_{identity(writer)}"


def identity(writer) -> str:
    return digest(writer.name, *writer.address, writer.country or "", writer.email or "")


def letter_name(case_id: str, to: str, lang: str, ext: str, writer: str | None = None) -> str:
    parts = [cut(case_id, CASE_MAX), cut(to, RECIPIENT_MAX)] + ([writer] if writer else []) + [cut(lang, 12)]
    return safe_name("-".join(parts) + "." + ext)


def envelope_name(case_id: str, to: str, lang: str, writer: str | None = None) -> str:
    """The file beside a letter with its envelope's addresses: `…-ru-envelope.txt`."""
    return letter_name(case_id, to, lang, "txt", writer).removesuffix(".txt") + "-envelope.txt"

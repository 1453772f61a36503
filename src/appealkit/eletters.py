"""Plain text for the state e-letter services (ФСИН-письмо and the like: data/e-letters.yaml):
one letter as pages of at most a service's page size, split between paragraphs where it can,
else between words, each page numbered so the printed sheets stay in order."""

from __future__ import annotations

from functools import lru_cache

from .errors import UsageError
from .resources import load_data


@lru_cache(maxsize=None)
def services() -> list[dict]:
    return load_data("e-letters.yaml")["services"]


def service_for(country: str | None, service_id: str | None = None) -> dict | None:
    """The service named, else the first for the prison's country (None: the country has none here)."""
    if service_id:
        for s in services():
            if s["id"] == service_id:
                return s
        raise UsageError(f"unknown e-letter service '{service_id}'; services are "
                         f"{', '.join(s['id'] for s in services())}", param="service")
    return next((s for s in services() if s["country"] == country), None)


def paginate(text: str, page_chars: int) -> list[str]:
    """`text` in pages of at most `page_chars` characters (the page marker included)."""
    if page_chars < 200:
        raise UsageError("an e-letter page of fewer than 200 characters holds no letter", param="page_chars")
    body = "\n".join(line.rstrip() for line in text.replace("\f", "\n").strip().splitlines())
    room = page_chars - 12  # the marker "\n\n— 10/12 —"
    pages: list[str] = []
    current = ""
    for para in body.split("\n\n"):
        piece = para if not current else "\n\n" + para
        if len(current) + len(piece) <= room:
            current += piece
            continue
        if current:
            pages.append(current)
            current = ""
        while len(para) > room:  # a paragraph longer than a page: cut between words
            cut = para.rfind(" ", 0, room)
            cut = cut if cut > room // 2 else room
            pages.append(para[:cut].rstrip())
            para = para[cut:].lstrip()
        current = para
    if current:
        pages.append(current)
    if len(pages) == 1:
        return pages
    return [f"{p}\n\n— {i}/{len(pages)} —" for i, p in enumerate(pages, 1)]


def letter_body(text: str, address_lines: list[str]) -> str:
    """A support letter's text without what the service fills in from its form: the envelope
    section (from a `--- … ---` line on) and the paragraph holding the prison's address."""
    lines = text.replace("\f", "\n").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("--- ") and line.rstrip().endswith(" ---"):
            lines = lines[:i]
            break
    paras = "\n".join(lines).strip().split("\n\n")
    first = address_lines[0] if address_lines else None
    return "\n\n".join(p for p in paras if not (first and first in p))

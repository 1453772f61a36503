"""What a test reads off the server's pages, and the volunteer it writes as."""

from __future__ import annotations

import re

VOLUNTEER = {"name": "Анна Смирнова", "address": "1 High Street\nLondon N1 1AA", "country": "GB", "lang": "en"}


def csrf(page_html: str) -> str:
    return re.search(r'name="csrf" (?:value|content)="([0-9a-f]+)"', page_html).group(1)


def form_of(page_html: str) -> dict:
    """The hidden fields of the page's form (the letter page's PDF form)."""
    import html

    return {k: html.unescape(v) for k, v in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page_html)}

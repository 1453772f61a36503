"""Bluesky's own rules beside grapheme counting: the official client shows each link as
host + 13 characters of path + "..." (the facet keeps the full URI), so the 300-grapheme and
3000-byte limits apply to that shortened text; and its hashtag detection (atproto rich text)."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from .tlds import known_tlds

# atproto rich-text link detection: a link starts a word (or follows "(")
_LINK = re.compile(r"(?:^|(?<=[\s(]))(https?://\S+|[a-z][a-z0-9]*(?:\.[a-z0-9]+)+\S*)", re.IGNORECASE)
_TRAILING = re.compile(r"[.,;:!?]$")


def short_url(url: str) -> str:
    """social-app's toShortUrl: host, then the path, query and hash cut to 13 + '...' past 15."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return url
    path = ("" if parts.path in ("", "/") else parts.path)
    path += ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")
    return parts.netloc + (path[:13] + "..." if len(path) > 15 else path)


def links(text: str) -> list[tuple[int, int, str]]:
    """(start, end, uri) for the links the Bluesky client would make facets of."""
    out = []
    for m in _LINK.finditer(text):
        s, e = m.start(1), m.end(1)
        raw = text[s:e]
        while raw and (_TRAILING.search(raw) or (raw.endswith(")") and raw.count("(") < raw.count(")"))):
            raw = raw[:-1]
        if not raw:
            continue
        if not raw.lower().startswith(("http://", "https://")):
            host = raw.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
            if host.rsplit(".", 1)[-1].lower() not in known_tlds():
                continue
            uri = "https://" + raw
        else:
            uri = raw
        out.append((s, s + len(raw), uri))
    return out


def shorten_links(text: str) -> str:
    """The text as the client posts it, every link shown short."""
    out, pos = [], 0
    for s, e, uri in links(text):
        out.append(text[pos:s])
        out.append(short_url(uri))
        pos = e
    out.append(text[pos:])
    return "".join(out)


_TAG_STOP = "\\s\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"


@lru_cache(maxsize=1)
def _tag_re():
    import regex

    return regex.compile(
        r"(^|\s)[#＃]((?!\ufe0f)[^" + _TAG_STOP + r"]*[^\d\s\p{P}" + _TAG_STOP[2:] + r"]+[^" + _TAG_STOP + r"]*)?")


def hashtags(text: str) -> list[tuple[str, int, int]]:
    """(tag, byteStart, byteEnd) as atproto detects them: trailing punctuation dropped, at most
    64 graphemes; byte offsets are UTF-8, the '#' included."""
    import regex

    out = []
    for m in _tag_re().finditer(text):
        tag = m.group(2)
        if not tag:
            continue
        tag = regex.sub(r"\p{P}+$", "", tag.strip())
        if not tag or len(regex.findall(r"\X", tag)) > 64:
            continue
        start = m.start(2) - 1
        b0 = len(text[:start].encode("utf-8"))
        out.append((tag, b0, b0 + len((text[start] + tag).encode("utf-8"))))
    return out
